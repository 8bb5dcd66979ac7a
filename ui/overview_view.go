package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// ovLineKind is what one line of the overview shows.
type ovLineKind int

const (
	lnSection  ovLineKind = iota // a section's title and column headers
	lnItem                       // a row the cursor can stand on
	lnBlank                      // space between sections, when there is room
	lnLoadHead                   // the load table's title and headers
	lnLoad                       // one handler's load
)

// ovLine is one line of the page below the title. The page keeps these
// rather than drawn text: only the lines on screen are drawn, so an
// overview of thousands of overdue cases costs a screenful per frame.
type ovLine struct {
	kind ovLineKind
	sec  ovSection
	n    int // the item's position, or the handler's index in Load
}

// ovPrefix is the cursor and the mark in front of each row: "▸✓ ".
const ovPrefix = 3

// layout lays the sections out as lines. Blank lines part the sections
// only when everything fits with them; otherwise the rows get the room.
func (p *overviewPage) layout() {
	p.lines = p.lines[:0]
	p.itemLine = p.itemLine[:0]
	if p.ov == nil {
		return
	}
	total := int(secCount) + len(p.items) + 1 + len(p.ov.Load)
	blanks := total+int(secCount) <= p.listHeight()
	pos := 0
	for sec := range secCount {
		if blanks && sec > 0 {
			p.lines = append(p.lines, ovLine{kind: lnBlank})
		}
		p.lines = append(p.lines, ovLine{kind: lnSection, sec: sec})
		for range p.count(sec) {
			p.itemLine = append(p.itemLine, len(p.lines))
			p.lines = append(p.lines, ovLine{kind: lnItem, sec: sec, n: pos})
			pos++
		}
	}
	if blanks {
		p.lines = append(p.lines, ovLine{kind: lnBlank})
	}
	p.lines = append(p.lines, ovLine{kind: lnLoadHead})
	for i := range p.ov.Load {
		p.lines = append(p.lines, ovLine{kind: lnLoad, n: i})
	}
	p.clampScroll()
}

// listHeight is the lines under the title.
func (p *overviewPage) listHeight() int { return max(p.height-1, 1) }

// clampScroll keeps the cursor's row on screen, with its section's title
// when it is the section's first row, and the load table when it is the
// last row of all.
func (p *overviewPage) clampScroll() {
	h := p.listHeight()
	if p.cursor >= 0 && p.cursor < len(p.itemLine) {
		l := p.itemLine[p.cursor]
		top, bottom := l, l
		if p.items[p.cursor].i == 0 {
			top = l - 1
		}
		if p.cursor == 0 {
			top = 0
		}
		if p.cursor == len(p.items)-1 {
			bottom = len(p.lines) - 1
		}
		if top < p.offset {
			p.offset = top
		}
		if bottom >= p.offset+h {
			p.offset = bottom - h + 1
		}
		p.offset = max(l-h+1, min(p.offset, l))
	}
	p.offset = max(0, min(p.offset, len(p.lines)-h))
}

// ovCols are the column widths of the overview at the page width.
type ovCols struct {
	gap                                            int
	ref, req, handler, rights, subject, status     int
	date, days                                     int
	kind, reason                                   int // approval rows: ref, kind, handler (by), date, reason
	loadName, loadOpen, loadOverdue, loadSoon, bar int
}

// columns lays out the columns. Fixed columns get what they need; the
// requester, the rights and, on a wide terminal, the subject share the
// rest, as in the inbox.
func (p *overviewPage) columns() ovCols {
	t, w := p.c.T, p.width
	c := ovCols{gap: 2, date: dateWidth}
	if w < 100 {
		c.gap = 1
	}
	c.ref = 12
	c.handler = textsafe.Width(t.ColHandler)
	c.kind = textsafe.Width(t.ColKind)
	for _, k := range []string{"extension", "refusal"} {
		c.kind = max(c.kind, textsafe.Width(t.ApprovalKind(k)))
	}
	names := func(name string) {
		c.handler = max(c.handler, min(textsafe.Width(name), 14))
	}
	for _, a := range p.aps {
		c.ref = max(c.ref, len(a.Ref))
		names(a.By)
	}
	for sec := secOverdue; sec < secCount; sec++ {
		for i := range p.rows(sec) {
			r := &p.rows(sec)[i]
			c.ref = max(c.ref, len(r.Ref))
			names(r.Assignee)
		}
	}
	for _, st := range dsr.AllStatuses {
		c.status = max(c.status, textsafe.Width(t.StatusShort(st)))
	}
	c.status = max(c.status, textsafe.Width(t.ColStatus))
	c.days = max(textsafe.Width(t.Days(-999)), textsafe.Width(t.ColLate), textsafe.Width(t.ColDays), textsafe.Width(t.ColPausedFor))

	cols := 7
	wide := w >= wideSubject
	if wide {
		cols++
	}
	flex := max(w-ovPrefix-c.ref-c.handler-c.status-c.date-c.days-c.gap*(cols-1), 0)
	if wide {
		c.req, c.rights = min(flex*3/10, 28), min(flex*3/10, 30)
		c.subject = flex - c.req - c.rights
	} else {
		c.req = min(flex*45/100, 30)
		c.rights = flex - c.req
	}
	c.reason = max(w-ovPrefix-c.ref-c.kind-c.handler-c.date-c.gap*4, 0)

	c.loadName = textsafe.Width(t.ColHandler)
	if p.ov != nil {
		for _, l := range p.ov.Load {
			c.loadName = max(c.loadName, min(textsafe.Width(l.Handler), 20))
		}
	}
	c.loadOpen = max(textsafe.Width(t.ColOpen), 4)
	c.loadOverdue = max(textsafe.Width(t.ColOverdue), 4)
	c.loadSoon = max(textsafe.Width(t.ColDueSoon), 4)
	c.bar = min(max(w-ovPrefix-c.loadName-c.loadOpen-c.loadOverdue-c.loadSoon-c.gap*4, 0), 40)
	return c
}

// View implements tea.Model. It renders exactly height lines.
func (p *overviewPage) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	s := p.c.Styles
	out := make([]string, 0, p.height)
	out = append(out, p.titleLine())
	switch {
	case p.ov == nil && p.loading:
		out = append(out, s.Subtle.Render(fit(p.c.T.Loading, p.width)))
	case p.ov != nil:
		cols := p.columns()
		end := min(p.offset+p.listHeight(), len(p.lines))
		for _, ln := range p.lines[p.offset:end] {
			out = append(out, p.line(ln, cols))
		}
	}
	for len(out) < p.height {
		out = append(out, "")
	}
	return strings.Join(out[:p.height], "\n")
}

// titleLine is "Oversikt · 14 åpne · 2 merket" on the left and the user
// and today's date on the right.
func (p *overviewPage) titleLine() string {
	t, s := p.c.T, p.c.Styles
	left := s.Title.Render(t.Overview)
	if p.ov != nil {
		left += s.Subtle.Render(" · " + fmt.Sprintf(t.OpenCountFmt, p.ov.Open))
	}
	if n := len(p.marked); n > 0 {
		left += s.Cursor.Render(" · " + fmt.Sprintf(t.MarkedFmt, n))
	}
	if p.loading && !p.quiet {
		left += s.Subtle.Render(" · " + t.Loading)
	}
	right := s.Subtle.Render(textsafe.Line(p.c.Desk.User(), 24) + " · " + deadline.Format(p.c.Now()))
	return joinWidth(left, right, p.width)
}

func (p *overviewPage) line(ln ovLine, cols ovCols) string {
	switch ln.kind {
	case lnSection:
		return p.sectionLine(ln.sec, cols)
	case lnItem:
		it := p.items[ln.n]
		sel := ln.n == p.cursor
		if it.sec == secApprovals {
			return p.approvalLine(&p.aps[it.i], cols, sel)
		}
		return p.caseLine(it.sec, &p.rows(it.sec)[it.i], cols, sel)
	case lnLoadHead:
		return p.loadHead(cols)
	case lnLoad:
		return p.loadLine(&p.ov.Load[ln.n], cols)
	}
	return ""
}

// colTitle is a column header at a position on the line.
type colTitle struct {
	at    int
	text  string
	width int // > 0: right-aligned in this width, for numbers
}

// headed draws a section title with the column headers after it, each at
// its column; a header the title already covers is left out.
func (p *overviewPage) headed(title string, titles []colTitle) string {
	s := p.c.Styles
	title = textsafe.Line(title, p.width)
	out := s.Title.Render(title)
	cur := textsafe.Width(title)
	for _, ct := range titles {
		text := ct.text
		if ct.width > 0 {
			text = fitRight(text, ct.width)
		}
		if ct.at < cur+1 {
			continue
		}
		out += strings.Repeat(" ", ct.at-cur) + s.Header.Render(text)
		cur = ct.at + textsafe.Width(text)
	}
	return truncateStyled(out, p.width)
}

// starts are the columns' first cells, after the prefix.
func starts(gap int, widths ...int) []int {
	out := make([]int, len(widths))
	at := ovPrefix
	for i, w := range widths {
		out[i] = at
		at += w + gap
	}
	return out
}

// sectionTitles are the section names.
func (p *overviewPage) sectionTitle(sec ovSection) string {
	t := p.c.T
	return [secCount]string{t.SecApprovals, t.SecOverdue, t.SecDueSoon, t.SecPaused, t.SecUnassigned}[sec]
}

func (p *overviewPage) sectionLine(sec ovSection, c ovCols) string {
	t, s := p.c.T, p.c.Styles
	n := p.count(sec)
	name := p.sectionTitle(sec)
	if n == 0 {
		return s.Subtle.Render(textsafe.Line(name+" · "+t.NoneHere, p.width))
	}
	title := fmt.Sprintf("%s (%d)", name, n)
	if sec == secApprovals {
		at := starts(c.gap, c.ref, c.kind, c.handler, c.date, c.reason)
		return p.headed(title, []colTitle{{at: at[1], text: t.ColKind}, {at: at[2], text: t.ColBy},
			{at: at[3], text: t.ColAsked}, {at: at[4], text: t.ColReason}})
	}
	dateTitle, daysTitle := t.ColDue, t.ColDays
	switch sec {
	case secOverdue:
		daysTitle = t.ColLate
	case secPaused:
		dateTitle, daysTitle = t.ColSince, t.ColPausedFor
	}
	widths := []int{c.ref, c.req, c.handler, c.rights}
	titles := []string{"", t.ColRequester, t.ColHandler, t.ColRights}
	if c.subject > 0 {
		widths, titles = append(widths, c.subject), append(titles, t.ColSubject)
	}
	widths = append(widths, c.status, c.date, c.days)
	titles = append(titles, t.ColStatus, dateTitle, daysTitle)
	at := starts(c.gap, widths...)
	var cts []colTitle
	for i := 1; i < len(widths); i++ {
		ct := colTitle{at: at[i], text: titles[i]}
		if i == len(widths)-1 {
			ct.width = c.days
		}
		cts = append(cts, ct)
	}
	return p.headed(title, cts)
}

// prefix is the cursor and the mark; both show without colour too.
func (p *overviewPage) prefix(id int64, selected bool, base lipgloss.Style) string {
	s := p.c.Styles
	cur, mark := " ", " "
	if selected {
		cur = "▸"
	}
	if p.marked[id] {
		mark = "✓"
	}
	st := s.Cursor
	if selected {
		st = st.Inherit(s.Selected)
	}
	return st.Render(cur+mark) + base.Render(" ")
}

// caseLine draws a case of a case section. The last two columns say what
// the section is about: the due date and the days left or overdue, or for
// a paused case since when and for how many days.
func (p *overviewPage) caseLine(sec ovSection, r *desk.OverviewRow, c ovCols, selected bool) string {
	pc, s, t := p.c, p.c.Styles, p.c.T
	base := s.Text
	date, days := deadline.Format(r.Due), t.Days(r.DaysLeft)
	dayStyle := pc.dueStyle(r.Status, r.DaysLeft)
	if sec == secPaused {
		date, days = deadline.Format(r.PausedAt), fmt.Sprintf(t.DaysFmt, r.PausedDays)
		dayStyle = s.Warning
	}
	if selected {
		base = base.Inherit(s.Selected)
		dayStyle = dayStyle.Inherit(s.Selected)
	}
	name := r.RequesterName
	if strings.TrimSpace(name) == "" {
		name = r.Requester
	}
	handler := r.Assignee
	if handler == "" {
		handler = "–"
	}
	gap := strings.Repeat(" ", c.gap)
	cells := []string{fit(r.Ref, c.ref), fit(name, c.req), fit(handler, c.handler), fit(t.RightsShort(r.Rights), c.rights)}
	if c.subject > 0 {
		cells = append(cells, fit(r.Subject, c.subject))
	}
	cells = append(cells, fit(t.StatusShort(r.Status), c.status), fit(date, c.date))
	line := p.prefix(r.ID, selected, base) + base.Render(strings.Join(cells, gap)+gap) + dayStyle.Render(fitRight(days, c.days))
	return truncateStyled(line, p.width)
}

// approvalLine draws a handler's request: the case, what is asked, who
// asked and when, and the reason they gave.
func (p *overviewPage) approvalLine(a *approvalRow, c ovCols, selected bool) string {
	s, t := p.c.Styles, p.c.T
	base := s.Text
	kind := s.Warning
	if selected {
		base = base.Inherit(s.Selected)
		kind = kind.Inherit(s.Selected)
	}
	gap := strings.Repeat(" ", c.gap)
	at := ""
	if !a.At.IsZero() {
		at = deadline.Format(a.At)
	}
	line := p.prefix(a.CaseID, selected, base) +
		base.Render(fit(a.Ref, c.ref)+gap) + kind.Render(fit(t.ApprovalKind(a.Kind), c.kind)) +
		base.Render(gap+fit(a.By, c.handler)+gap+fit(at, c.date)+gap+fit(a.Reason, c.reason))
	return truncateStyled(line, p.width)
}

// loadHead is the load table's title and headers; over the bars, what
// their parts mean.
func (p *overviewPage) loadHead(c ovCols) string {
	t, s := p.c.T, p.c.Styles
	if len(p.ov.Load) == 0 {
		return s.Subtle.Render(textsafe.Line(t.SecLoad+" · "+t.NoneHere, p.width))
	}
	at := starts(c.gap, c.loadName, c.loadOpen, c.loadOverdue, c.loadSoon, c.bar)
	cts := []colTitle{
		{at: at[1], text: t.ColOpen, width: c.loadOpen},
		{at: at[2], text: t.ColOverdue, width: c.loadOverdue},
		{at: at[3], text: t.ColDueSoon, width: c.loadSoon},
	}
	if c.bar > 0 {
		cts = append(cts, colTitle{at: at[4], text: t.LoadLegend})
	}
	return p.headed(t.SecLoad, cts)
}

// loadLine is one handler's open, overdue and due-soon cases, and a bar
// of the open ones on a scale shared by all handlers: overdue █, due
// soon ▓, the rest ▒.
func (p *overviewPage) loadLine(l *desk.HandlerLoad, c ovCols) string {
	s := p.c.Styles
	gap := strings.Repeat(" ", c.gap)
	num := func(n, width int, st lipgloss.Style) string {
		if n == 0 {
			return s.Faint.Render(fitRight("·", width))
		}
		return st.Render(fitRight(fmt.Sprint(n), width))
	}
	line := strings.Repeat(" ", ovPrefix) + s.Text.Render(fit(l.Handler, c.loadName)+gap) +
		num(l.Open, c.loadOpen, s.Text) + gap + num(l.Overdue, c.loadOverdue, s.Overdue) + gap +
		num(l.DueSoon, c.loadSoon, s.DueSoon)
	if c.bar > 0 {
		line += gap + p.loadBar(l, c.bar)
	}
	return truncateStyled(line, p.width)
}

// loadBar scales a handler's open cases to width cells for the busiest
// handler. The parts are rounded at their running totals, so they add up
// to the whole bar, and any open case shows at least one cell.
func (p *overviewPage) loadBar(l *desk.HandlerLoad, width int) string {
	s := p.c.Styles
	most := 0
	for _, o := range p.ov.Load {
		most = max(most, o.Open)
	}
	if most == 0 || l.Open == 0 {
		return ""
	}
	cells := func(n int) int { return (n*width + most/2) / most }
	a := cells(l.Overdue)
	b := max(cells(l.Overdue+l.DueSoon), a)
	all := max(cells(l.Open), b, 1)
	return s.Overdue.Render(strings.Repeat("█", a)) + s.DueSoon.Render(strings.Repeat("▓", b-a)) +
		s.Accent.Render(strings.Repeat("▒", all-b))
}

// ShortHelp lists the keys for the help bar: y and n while the cursor is
// on a request waiting for approval, since they act on nothing else.
func (p *overviewPage) ShortHelp() []key.Binding {
	k := p.c.Keys
	if it, ok := p.current(); ok && it.sec == secApprovals {
		return []key.Binding{k.Approve, k.Reject, k.Open, k.Mark, k.Reassign, k.Figures, k.Help, k.Back}
	}
	return []key.Binding{k.Move, k.Open, k.Mark, k.Reassign, k.Figures, k.Help, k.Back, k.Quit}
}

// FullHelp lists every key of the page, in columns.
func (p *overviewPage) FullHelp() [][]key.Binding {
	k := p.c.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Open, k.Mark, k.Reassign, k.Back},
		{k.Approve, k.Reject, k.Figures},
		{k.Refresh, k.Help, k.Quit, k.ForceQuit},
	}
}
