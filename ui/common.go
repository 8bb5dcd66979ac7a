package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// Common is what every screen shares: the desk, the size of the terminal,
// styles, keys and labels. The root model owns it and hands the same
// pointer to each page constructor, so there is no package-level state and
// one process could drive several terminals, each with its own Common.
type Common struct {
	Width, Height int // the whole terminal
	Desk          *desk.Desk
	Styles        *Styles
	Keys          *KeyMap
	T             *Strings
}

// Now is the desk's clock, which tests fix.
func (c *Common) Now() time.Time { return c.Desk.Now() }

// clock formats an instant as date and time in the zone of the desk's clock
// (the local zone in use, Oslo in the tests), to the minute.
func (c *Common) clock(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.In(c.Now().Location()).Format("2006-01-02 15:04")
}

// dueStyle colours a due date or days-left value: red once overdue, amber
// within the due-soon horizon, green otherwise. A case that no longer waits
// for an answer has no running deadline and is drawn faint.
func (c *Common) dueStyle(st dsr.Status, daysLeft int) lipgloss.Style {
	switch {
	case !st.Open():
		return c.Styles.Faint
	case daysLeft < 0:
		return c.Styles.Overdue
	case daysLeft <= c.Desk.DueSoonDays():
		return c.Styles.DueSoon
	}
	return c.Styles.OnTime
}

// daysLeft is the days-left text of a case and the number behind it.
func (c *Common) daysLeft(st dsr.Status, due time.Time, now time.Time) (string, int) {
	if !st.Open() || due.IsZero() {
		return "–", 0
	}
	n := deadline.DaysLeft(now, due)
	return c.T.Days(n), n
}

// fit makes s exactly width cells: cleaned, cut with … if too long, padded
// with spaces if short. Every table cell goes through it, so untrusted text
// cannot break the layout or reach the terminal raw.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	s = textsafe.Line(s, width)
	if w := textsafe.Width(s); w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// fitRight is fit aligned to the right, for numbers.
func fitRight(s string, width int) string {
	if width <= 0 {
		return ""
	}
	s = textsafe.Line(s, width)
	if w := textsafe.Width(s); w < width {
		s = strings.Repeat(" ", width-w) + s
	}
	return s
}

// requesterLine is "Name <addr>", or the address alone when there is no
// name. The parts are untrusted; the caller cleans the result.
func requesterLine(name, addr string) string {
	if strings.TrimSpace(name) == "" {
		return addr
	}
	return name + " <" + addr + ">"
}

// joinWidth joins left and right on one line of exactly width cells,
// dropping right when both do not fit. Both must already be safe.
func joinWidth(left, right string, width int) string {
	lw, rw := lipgloss.Width(left), lipgloss.Width(right)
	if right == "" || lw+1+rw > width {
		if lw > width {
			return truncateStyled(left, width)
		}
		return left + strings.Repeat(" ", width-lw)
	}
	return left + strings.Repeat(" ", width-lw-rw) + right
}

// bar draws done of total as a bar of width cells and the percentage
// after it: "████░░░░░░ 40 %". The bar shows without colour too.
func (c *Common) bar(done, total, width int) string {
	if total <= 0 || width <= 0 {
		return ""
	}
	done = max(0, min(done, total))
	full := done * width / total
	pct := done * 100 / total
	return c.Styles.Accent.Render(strings.Repeat("█", full)) +
		c.Styles.Faint.Render(strings.Repeat("░", width-full)) +
		c.Styles.Subtle.Render(fmt.Sprintf(" %d %%", pct))
}

// truncateStyled cuts a line that may carry our own styling to width
// cells. Only for text already cleaned by textsafe.
func truncateStyled(s string, width int) string {
	return ansi.Truncate(s, width, "…")
}
