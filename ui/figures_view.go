package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// The charts are drawn with lipgloss by hand: a heat table of counts, bars
// of block characters and a sparkline. Every chart carries its numbers,
// so it reads without colour and in a golden file.

// sparks are the sparkline's levels, lowest first.
var sparks = []rune("▁▂▃▄▅▆▇█")

// bigDigits is a three-line font for the on-time share: each digit is
// three cells wide.
var bigDigits = [10][3]string{
	{"█▀█", "█ █", "▀▀▀"},
	{"▀█ ", " █ ", "▀▀▀"},
	{"▀▀█", "█▀▀", "▀▀▀"},
	{"▀▀█", " ▀█", "▀▀▀"},
	{"█ █", "▀▀█", "  ▀"},
	{"█▀▀", "▀▀█", "▀▀▀"},
	{"█▀▀", "█▀█", "▀▀▀"},
	{"▀▀█", "  █", "  ▀"},
	{"█▀█", "█▀█", "▀▀▀"},
	{"█▀█", "▀▀█", "▀▀▀"},
}

// bigNumber draws n in the big font, with the percent sign on the middle
// line.
func bigNumber(n int) [3]string {
	var out [3]string
	for i, d := range fmt.Sprint(n) {
		for row := range 3 {
			if i > 0 {
				out[row] += " "
			}
			out[row] += bigDigits[d-'0'][row]
		}
	}
	out[1] += " %"
	out[0] += "  "
	out[2] += "  "
	return out
}

// Widths at which the figures put two blocks side by side.
const (
	figSideBySide = 76 // on time | days to answer
	figReasonsTwo = 96 // extensions | refusals
	figBlockGap   = 4
)

// render draws every chart of f for width cells.
func (p *figuresPage) render(f *desk.Figures, width int) string {
	var lines []string
	lines = append(lines, p.grid(f, width)...)
	lines = append(lines, "")
	lines = append(lines, sideBySide(p.onTime(f), p.days(f), width, figSideBySide)...)
	lines = append(lines, "")
	lines = append(lines, sideBySide(p.reasons(p.c.T.FigExtensions, f.Extensions), p.reasons(p.c.T.FigRefusals, f.Refusals), width, figReasonsTwo)...)
	for i, l := range lines {
		lines[i] = truncateStyled(l, width)
	}
	return strings.Join(lines, "\n")
}

// sideBySide draws left and right next to each other, in half the width
// each, when the width is at least wide; else right goes under left. The
// blocks are functions of their width, so each is drawn for the room it
// gets.
func sideBySide(left, right func(width int) []string, width, wide int) []string {
	if width < wide {
		return append(append(left(width), ""), right(width)...)
	}
	half := (width - figBlockGap) / 2
	l, r := left(half), right(width-half-figBlockGap)
	n := max(len(l), len(r))
	out := make([]string, n)
	for i := range n {
		var a, b string
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			b = r[i]
		}
		if pad := half - lipgloss.Width(a); pad > 0 {
			a += strings.Repeat(" ", pad)
		}
		out[i] = a + strings.Repeat(" ", figBlockGap) + b
	}
	return out
}

// rightTotal is a right and its requests in the period.
type rightTotal struct {
	r     dsr.Right
	total int
}

// monthName is "mar" for "2026-03", or the key itself if it is not one.
func (p *figuresPage) monthName(key string) string {
	t, err := time.Parse("2006-01", key)
	if err != nil {
		return key
	}
	return p.c.T.Months[t.Month()-1]
}

// grid is the requests per right and month as a heat table, most asked
// right first, with each right's total as a bar; then the totals per month
// and the backlog at the end of each month, with its sparkline.
func (p *figuresPage) grid(f *desk.Figures, width int) []string {
	t, s := p.c.T, p.c.Styles
	var rights []rightTotal
	most, mostTotal, mostMonth := 0, 0, 0
	for _, r := range dsr.AllRights {
		rt := rightTotal{r: r}
		for _, m := range f.Months {
			n := f.ReceivedPerRightPerMonth[m][r]
			rt.total += n
			most = max(most, n)
		}
		if rt.total > 0 {
			rights = append(rights, rt)
			mostTotal = max(mostTotal, rt.total)
		}
	}
	slices.SortStableFunc(rights, func(a, b rightTotal) int { return cmp.Compare(b.total, a.total) })
	lo, hi := backlogRange(f.Backlog)
	for _, m := range f.Months {
		mostMonth = max(mostMonth, f.ReceivedPerMonth[m])
	}

	label := textsafe.Width(t.AllRights)
	for _, rt := range rights {
		label = max(label, textsafe.Width(t.RightShort[rt.r]))
	}
	label = min(label, 14)
	cell := max(3, len(fmt.Sprint(max(mostMonth, hi))))
	sum := max(textsafe.Width(t.ColSum), len(fmt.Sprint(f.Received)))
	// The most recent months when not all fit: the end of a period is
	// what a lead looks at first.
	months := f.Months
	if room := (width - label - 1 - sum) / (cell + 1); room < len(months) {
		months = months[len(months)-max(room, 1):]
	}
	bar := min(width-label-len(months)*(cell+1)-1-sum-1, 30)

	var out []string
	received := fmt.Sprintf(t.ReceivedFmt, f.Received)
	if f.Received == 1 {
		received = t.ReceivedOne
	}
	heading := s.Header.Render(t.FigReceived) + s.Subtle.Render(" · "+received)
	out = append(out, heading)
	head := fit("", label)
	for _, m := range months {
		head += " " + fitRight(p.monthName(m), cell)
	}
	out = append(out, s.Header.Render(head+" "+fitRight(t.ColSum, sum)))
	if len(rights) == 0 {
		out = append(out, s.Subtle.Render(t.NoRequests))
	}
	for _, rt := range rights {
		line := s.Accent.Render(fit(t.RightShort[rt.r], label))
		for _, m := range months {
			line += " " + p.heatCell(f.ReceivedPerRightPerMonth[m][rt.r], most, cell)
		}
		line += " " + s.Text.Render(fitRight(fmt.Sprint(rt.total), sum))
		if bar >= 4 {
			line += " " + s.Accent.Render(strings.Repeat("█", max((rt.total*bar+mostTotal/2)/mostTotal, 1)))
		}
		out = append(out, line)
	}
	all := s.Header.Render(fit(t.AllRights, label))
	for _, m := range months {
		all += " " + p.count(f.ReceivedPerMonth[m], cell, s.Text)
	}
	out = append(out, all+" "+s.Header.Render(fitRight(fmt.Sprint(f.Received), sum)))

	// The backlog, aligned with the months above.
	out = append(out, "", s.Header.Render(t.FigBacklog)+s.Subtle.Render(" · "+fmt.Sprintf(t.MinMaxFmt, lo, hi)))
	backlog := map[string]int{}
	for _, b := range f.Backlog {
		backlog[b.Month] = b.Count
	}
	nums, spark := fit("", label), fit("", label)
	for _, m := range months {
		n, ok := backlog[m]
		if !ok {
			// A month that has not begun yet has no backlog.
			nums += strings.Repeat(" ", cell+1)
			spark += strings.Repeat(" ", cell+1)
			continue
		}
		nums += " " + p.count(n, cell, s.Text)
		spark += " " + s.Accent.Render(strings.Repeat(string(sparkOf(n, lo, hi)), cell))
	}
	return append(out, nums, spark)
}

// heatCell is a count in a cell shaded by its share of the largest.
func (p *figuresPage) heatCell(n, most, width int) string {
	if n == 0 || most == 0 {
		return p.count(n, width, p.c.Styles.Text)
	}
	level := (n*len(p.c.Styles.Heat) - 1) / most
	return p.c.Styles.Heat[level].Render(fitRight(fmt.Sprint(n), width))
}

// count is a number in a cell; zero is a faint dot, so the eye finds
// the months that had any.
func (p *figuresPage) count(n, width int, st lipgloss.Style) string {
	if n == 0 {
		return p.c.Styles.Faint.Render(fitRight("·", width))
	}
	return st.Render(fitRight(fmt.Sprint(n), width))
}

// backlogRange is the smallest and largest backlog; 0, 0 for none.
func backlogRange(b []desk.MonthCount) (lo, hi int) {
	for i, m := range b {
		if i == 0 || m.Count < lo {
			lo = m.Count
		}
		hi = max(hi, m.Count)
	}
	return lo, hi
}

// sparkOf is the sparkline level of n between lo and hi; a flat line sits
// in the middle, or at the bottom when it is zero.
func sparkOf(n, lo, hi int) rune {
	switch {
	case hi == lo && n == 0:
		return sparks[0]
	case hi == lo:
		return sparks[len(sparks)/2-1]
	}
	// Rounded, so the lowest level is only for values near the minimum.
	span := hi - lo
	return sparks[((n-lo)*(len(sparks)-1)+span/2)/span]
}

// onTime draws the share answered on time in big figures with a bar, and the
// counts behind it: the settled requests are the answered ones and those
// open past their due date (desk.Figures).
func (p *figuresPage) onTime(f *desk.Figures) func(int) []string {
	return func(width int) []string {
		t, s := p.c.T, p.c.Styles
		out := []string{s.Header.Render(fit(t.FigOnTime, width))}
		settled := f.Answered + f.OverdueOpen
		if settled == 0 {
			out = append(out, s.Subtle.Render(fit(t.NothingSettled, width)))
		} else {
			// The same rounding down as the bar, so the two agree; a
			// compliance figure should not be rounded up to 100 %.
			pct := f.OnTime * 100 / settled
			st := s.OnTime
			switch {
			case pct < 75:
				st = s.Overdue
			case pct < 90:
				st = s.DueSoon
			}
			for _, l := range bigNumber(pct) {
				out = append(out, st.Render(l))
			}
			out = append(out, p.c.bar(f.OnTime, settled, max(min(width-6, 40), 1)))
			out = append(out, s.Text.Render(fit(fmt.Sprintf(t.OnTimeOfFmt, f.OnTime, settled), width)))
		}
		var more []string
		for _, x := range []struct {
			n   int
			fmt string
		}{{f.Late, t.LateFmt}, {f.OverdueOpen, t.OverdueOpenFmt}, {f.Pending, t.PendingFmt}, {f.WithoutAnswer, t.WithoutAnswerFmt}} {
			if x.n > 0 {
				more = append(more, fmt.Sprintf(x.fmt, x.n))
			}
		}
		for _, l := range flow(more, " · ", width) {
			out = append(out, s.Subtle.Render(l))
		}
		return out
	}
}

// days draws the median and 90th percentile of the days to answer.
func (p *figuresPage) days(f *desk.Figures) func(int) []string {
	return func(width int) []string {
		t, s := p.c.T, p.c.Styles
		out := []string{s.Header.Render(fit(t.FigDays, width))}
		lw := max(textsafe.Width(t.Median), textsafe.Width(t.P90)) + 2
		val := func(d float64) string {
			if f.Answered == 0 {
				return "–"
			}
			return fmt.Sprintf(t.DaysFmt, int(d))
		}
		out = append(out,
			s.Label.Render(fit(t.Median, lw))+s.Title.Render(fitRight(val(f.MedianDays), 6)),
			s.Label.Render(fit(t.P90, lw))+s.Title.Render(fitRight(val(f.P90Days), 6)),
			s.Subtle.Render(fit(fmt.Sprintf(t.AnsweredFmt, f.Answered), width)))
		return out
	}
}

// reasons draws the extensions or refusals with the reason given for each;
// the reasons are staff's free text, so they go through fit.
func (p *figuresPage) reasons(title string, rs []desk.Reason) func(int) []string {
	return func(width int) []string {
		t, s := p.c.T, p.c.Styles
		if len(rs) == 0 {
			return []string{s.Subtle.Render(fit(title+" · "+t.NoneHere, width))}
		}
		out := []string{s.Header.Render(fit(fmt.Sprintf("%s (%d)", title, len(rs)), width))}
		ref := 12
		for _, r := range rs {
			ref = max(ref, len(r.Ref))
		}
		for _, r := range rs {
			reason, st := r.Reason, s.Text
			if strings.TrimSpace(reason) == "" {
				reason, st = t.NoReason, s.Subtle
			}
			out = append(out, s.Accent.Render(fit(r.Ref, ref))+"  "+st.Render(textsafe.Line(reason, max(width-ref-2, 0))))
		}
		return out
	}
}
