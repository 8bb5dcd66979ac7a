package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// The inbox columns, in screen order.
type colKind int

const (
	colRef colKind = iota
	colRequester
	colRights
	colSubject
	colReceived
	colDue
	colDays
	colStatus
)

type column struct {
	kind  colKind
	width int
	title string
}

// Width thresholds at which the inbox gains columns. At 80 cells the dates
// and days left matter more than who wrote, so received goes first and the
// requester shrinks; the subject needs room to be worth showing.
const (
	wideReceived = 96  // received date column
	wideSubject  = 120 // subject column, full "Dager igjen" header
	wideStatus   = 180 // long status names
	dateWidth    = 10  // YYYY-MM-DD
	cursorWidth  = 2   // "▸ "
)

// columns lays the table out for the page width. Fixed columns get what
// they need; requester, rights and subject share the rest.
func (p *inboxPage) columns() []column {
	t := p.c.T
	w := p.width
	gap := 2
	if w < 100 {
		gap = 1
	}
	refW := max(12, p.refWidth)
	daysTitle := t.ColDaysLeft
	if w < wideSubject {
		daysTitle = t.ColDays
	}
	daysW := max(lipgloss.Width(daysTitle), lipgloss.Width(t.Today), 6)
	statusW := 0
	for _, st := range dsr.AllStatuses {
		name := t.StatusShort(st)
		if w >= wideStatus {
			name = t.Status(st)
		}
		statusW = max(statusW, lipgloss.Width(name))
	}
	statusW = max(statusW, lipgloss.Width(t.ColStatus))

	cols := []column{{colRef, refW, t.ColRef}, {colRequester, 0, t.ColRequester}, {colRights, 0, t.ColRights}}
	if w >= wideSubject {
		cols = append(cols, column{colSubject, 0, t.ColSubject})
	}
	if w >= wideReceived {
		cols = append(cols, column{colReceived, dateWidth, t.ColReceived})
	}
	cols = append(cols, column{colDue, dateWidth, t.ColDue}, column{colDays, daysW, daysTitle}, column{colStatus, statusW, t.ColStatus})

	used := cursorWidth + gap*(len(cols)-1)
	for _, c := range cols {
		used += c.width
	}
	flex := max(w-used, 0)
	// Requester and rights get a fair share up to what they usually need;
	// the subject, when shown, takes what is left.
	var req, rights int
	if w >= wideSubject {
		req = min(flex*3/10, 28)
		rights = min(flex*3/10, 34)
	} else {
		req = min(flex*11/20, 40)
		rights = flex - req
	}
	subject := flex - req - rights
	for i := range cols {
		switch cols[i].kind {
		case colRequester:
			cols[i].width = req
		case colRights:
			cols[i].width = rights
		case colSubject:
			cols[i].width = subject
		}
	}
	return cols
}

// gapFor is the space between columns at the page width.
func (p *inboxPage) gapFor() string {
	if p.width < 100 {
		return " "
	}
	return "  "
}

func (p *inboxPage) headerLine(cols []column) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", cursorWidth))
	gap := p.gapFor()
	for i, c := range cols {
		if i > 0 {
			b.WriteString(gap)
		}
		if c.kind == colDays {
			b.WriteString(fitRight(c.title, c.width))
		} else {
			b.WriteString(fit(c.title, c.width))
		}
	}
	return p.c.Styles.Header.Render(truncateStyled(b.String(), p.width))
}

// rowLine draws one case. The days-left cell carries the deadline colour;
// closed and answered cases are faint throughout; the row under the cursor
// gets the selected background and a mark, which shows without colour too.
func (p *inboxPage) rowLine(cols []column, r *inboxRow, selected bool, now time.Time) string {
	c, s, t := p.c, p.c.Styles, p.c.T
	base := s.Text
	if !r.Status.Open() {
		base = s.Faint
	}
	daysText, n := c.daysLeft(r.Status, r.DueAt(), now)
	dueStyle := c.dueStyle(r.Status, n)
	mark := "  "
	markStyle := base
	if selected {
		mark = "▸ "
		markStyle = s.Cursor
		base = base.Inherit(s.Selected)
		dueStyle = dueStyle.Inherit(s.Selected)
		markStyle = markStyle.Inherit(s.Selected)
	}
	gap := p.gapFor()

	// Runs of cells that share a style are rendered together: fewer
	// lipgloss calls per row.
	var out, run strings.Builder
	out.WriteString(markStyle.Render(mark))
	flush := func(st lipgloss.Style) {
		if run.Len() > 0 {
			out.WriteString(st.Render(run.String()))
			run.Reset()
		}
	}
	for i, col := range cols {
		if i > 0 {
			run.WriteString(gap)
		}
		switch col.kind {
		case colRef:
			run.WriteString(fit(r.Ref, col.width))
		case colRequester:
			name := r.RequesterName
			if strings.TrimSpace(name) == "" {
				name = r.Requester
			}
			run.WriteString(fit(name, col.width))
		case colRights:
			run.WriteString(fit(t.RightsShort(r.Rights), col.width))
		case colSubject:
			run.WriteString(fit(r.Subject, col.width))
		case colReceived:
			run.WriteString(fit(deadline.Format(r.ReceivedAt()), col.width))
		case colDue:
			run.WriteString(fit(deadline.Format(r.DueAt()), col.width))
		case colDays:
			flush(base)
			out.WriteString(dueStyle.Render(fitRight(daysText, col.width)))
		case colStatus:
			run.WriteString(fit(p.statusName(r), col.width))
		}
	}
	flush(base)
	return truncateStyled(out.String(), p.width)
}

func (p *inboxPage) statusName(r *inboxRow) string {
	if p.width >= wideStatus {
		return p.c.T.Status(r.Status)
	}
	return p.c.T.StatusShort(r.Status)
}
