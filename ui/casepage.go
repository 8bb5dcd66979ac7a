package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// caseLoadedMsg carries everything the case page shows.
type caseLoadedMsg struct {
	id     int64
	detail *desk.CaseDetail
	err    error
}

// backMsg asks the root to go back to the inbox.
type backMsg struct{}

// loadCase reads one case with its thread and history.
func loadCase(d *desk.Desk, id int64) tea.Cmd {
	return func() tea.Msg {
		det, err := d.Case(context.Background(), id)
		return caseLoadedMsg{id: id, detail: det, err: err}
	}
}

// caseTab is a tab under the case header.
type caseTab int

// The tabs in screen order: read the request, do the work, see what was
// done.
const (
	tabThread caseTab = iota
	tabChecklist
	tabHistory
	tabCount
)

// maxRightLines caps the rights listed in the header, so a request that
// invokes every right still leaves room for the thread on a small
// terminal. The rest are counted on the last line.
const maxRightLines = 4

// casePage is the Sak screen: a fixed header (who, status, deadline, the
// rights with the evidence that set them), then the thread, the checklist
// or the history in a scrolling viewport. The handler works the case from
// here: the action keys are in casepage_actions.go, the checklist in
// casepage_checklist.go.
type casePage struct {
	c   *Common
	id  int64
	ref string

	detail *desk.CaseDetail
	err    error    // the case could not be loaded; only esc is left
	header []string // rendered at load and resize, so View only joins

	tab     caseTab
	offsets [tabCount]int // scroll position per tab
	content [tabCount]string
	vp      viewport.Model

	step      int    // checklist cursor
	stepID    string // the step under it, to find it again after a reload
	stepLines []int  // first content line of each step, for scrolling

	// busy is set while an action is being saved: another one now would
	// carry the version from before it and conflict with ourselves.
	busy bool

	width, height int
}

func newCasePage(c *Common, id int64, ref string) *casePage {
	return &casePage{c: c, id: id, ref: ref, vp: viewport.New(0, 0)}
}

// Init implements tea.Model.
func (p *casePage) Init() tea.Cmd { return nil }

// SetSize sets the area the page may draw in and lays it out again, since
// the wrapping of the thread depends on the width.
func (p *casePage) SetSize(width, height int) {
	p.width, p.height = width, height
	p.layout()
}

// Update implements tea.Model.
func (p *casePage) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case caseLoadedMsg:
		switch {
		case msg.id != p.id:
		case msg.err != nil && p.detail != nil:
			// A failed refresh keeps what is on screen; the footer says why.
		default:
			p.detail, p.err = msg.detail, msg.err
			p.findStep()
			p.layout()
		}
	case tea.KeyMsg:
		if cmd, ok := p.actionKey(msg); ok {
			return p, cmd
		}
		if p.tab == tabChecklist && p.detail != nil {
			if cmd, ok := p.checklistKey(msg); ok {
				return p, cmd
			}
		}
		k := p.c.Keys
		switch {
		case key.Matches(msg, k.Compose) && p.detail != nil:
			cs := p.detail.Case
			return p, func() tea.Msg { return openComposeMsg{cs: cs} }
		case key.Matches(msg, k.Back):
			return p, func() tea.Msg { return backMsg{} }
		case k.scroll(&p.vp, msg):
		case key.Matches(msg, k.Tab):
			p.offsets[p.tab] = p.vp.YOffset
			step := caseTab(1)
			if msg.String() == "shift+tab" {
				step = tabCount - 1
			}
			p.tab = (p.tab + step) % tabCount
			p.vp.SetContent(p.content[p.tab])
			p.vp.SetYOffset(p.offsets[p.tab])
		}
	}
	return p, nil
}

// layout renders the header and both tabs for the current size and sizes
// the viewport to what the header leaves.
func (p *casePage) layout() {
	if p.width <= 0 || p.height <= 0 {
		return
	}
	p.header = p.headerLines()
	// Header, a rule and the tab line above the viewport.
	vh := max(p.height-len(p.header)-2, 1)
	p.vp.Width, p.vp.Height = p.width, vh
	if p.detail == nil {
		p.content = [tabCount]string{}
		p.vp.SetContent("")
		return
	}
	p.content[tabThread] = p.threadView()
	p.content[tabChecklist], p.stepLines = p.checklistView()
	p.content[tabHistory] = p.historyView()
	y := p.vp.YOffset
	p.vp.SetContent(p.content[p.tab])
	p.vp.SetYOffset(y)
	p.showStep()
}

// headerLines draws the fixed top of the page.
func (p *casePage) headerLines() []string {
	c, s, t, w := p.c, p.c.Styles, p.c.T, p.width
	title := s.Title.Render(t.Case + " " + p.ref)
	switch {
	case p.err != nil:
		// The error text may quote the database; it is ours, but clean it
		// all the same.
		return []string{joinWidth(title, "", w), s.Error.Render(textsafe.Line(t.OpenFailed+p.err.Error(), w))}
	case p.detail == nil:
		return []string{joinWidth(title, "", w), s.Subtle.Render(fit(t.Loading, w))}
	}
	cs := &p.detail.Case
	subject := cs.Subject
	if strings.TrimSpace(subject) == "" {
		subject = t.NoSubject
	}
	status := t.Status(cs.Status)
	rest := max(w-textsafe.Width(t.Case+" "+p.ref+" · ")-textsafe.Width(status)-2, 0)
	lines := []string{joinWidth(
		title+s.Subtle.Render(" · ")+s.Text.Render(textsafe.Line(subject, rest)),
		s.Title.Render(status), w)}
	lines = append(lines, s.Text.Render(textsafe.Line(requesterLine(cs.RequesterName, cs.Requester), w)))

	// Facts flow onto as many lines as the width needs, breaking between
	// facts, never inside one.
	now := c.Now()
	daysText, n := c.daysLeft(cs.Status, cs.DueAt, now)
	due := c.dueStyle(cs.Status, n)
	assignee := cs.Assignee
	if assignee == "" {
		assignee = t.Unassigned
	}
	lang := cs.Language
	if lang == "" {
		lang = "–"
	}
	facts := []string{
		s.Label.Render(t.Received+" ") + s.Text.Render(c.clock(cs.ReceivedAt)),
		s.Label.Render(t.Due+" ") + due.Render(deadline.Format(cs.DueAt)+" ("+daysText+")"),
		s.Label.Render(t.Language+" ") + s.Text.Render(textsafe.Line(lang, 8)),
		s.Label.Render(t.Assignee+" ") + s.Text.Render(textsafe.Line(assignee, 24)),
	}
	if !cs.PausedAt.IsZero() {
		paused := fmt.Sprintf(t.PausedSinceFmt, deadline.Format(cs.PausedAt))
		if r := strings.TrimSpace(cs.PauseReason); r != "" {
			paused += " (" + textsafe.Line(r, 60) + ")"
		}
		facts = append(facts, s.Warning.Render(paused))
	}
	if cs.Extended {
		ext := t.Extended
		if r := strings.TrimSpace(cs.ExtendReason); r != "" {
			ext = fmt.Sprintf(t.ExtendedFmt, textsafe.Line(r, 60))
		}
		facts = append(facts, s.Warning.Render(ext))
	}
	if p.detail.RepeatRequester() {
		facts = append(facts, s.Warning.Render(fmt.Sprintf(t.RepeatFmt, p.detail.RecentRequests)))
	}
	lines = append(lines, flow(facts, s.Subtle.Render(" · "), w)...)

	if strings.TrimSpace(cs.Note) != "" {
		note := strings.Split(textsafe.Wrap(t.Note+": "+textsafe.Line(cs.Note, 10*w), w), "\n")
		if len(note) > 2 {
			note = note[:2]
			note[1] = textsafe.Line(note[1]+" …", w)
		}
		for _, l := range note {
			lines = append(lines, s.Warning.Render(l))
		}
	}
	lines = append(lines, p.rightLines()...)
	return lines
}

// rightLines lists each right with who set it, how sure the classifier
// was and the phrases that triggered it:
// "sletting (auto, 0.92): «slett meg», «fjern kontoen»".
func (p *casePage) rightLines() []string {
	s, t, w := p.c.Styles, p.c.T, p.width
	rights := p.detail.Case.Rights
	confirmed := p.detail.Case.RightsConfirmed
	if len(rights) == 0 {
		none := t.NoRights
		if confirmed {
			none += " (" + t.Confirmed + ")"
		}
		return []string{s.Label.Render(t.Rights+": ") + s.Subtle.Render(none)}
	}
	limit := maxRightLines
	if p.height < 20 {
		limit = 2
	}
	var lines []string
	for i, r := range rights {
		if i == limit-1 && len(rights) > limit {
			var names []string
			for _, x := range rights[i:] {
				names = append(names, t.Right(x.Right))
			}
			lines = append(lines, s.Subtle.Render(textsafe.Line("+ "+strings.Join(names, ", "), w)))
			break
		}
		head := t.Right(r.Right)
		var how string
		switch {
		case r.Source == dsr.SourceStaff && confirmed:
			how = "(" + t.Confirmed + ")"
		case r.Source == dsr.SourceStaff:
			how = "(" + t.Staff + ")"
		default:
			how = "(" + t.Auto + ", " + strconv.FormatFloat(r.Confidence, 'f', 2, 64) + ")"
		}
		var ev []string
		for _, e := range r.Evidence {
			ev = append(ev, t.QuoteOpen+textsafe.Line(e, w)+t.QuoteClose)
		}
		text := head + " " + how
		if len(ev) > 0 {
			text += ": " + strings.Join(ev, ", ")
		}
		// Cut once the whole line is known, so the cut lands at the end.
		text = textsafe.Line(text, w)
		if rest, ok := strings.CutPrefix(text, head); ok {
			lines = append(lines, s.Accent.Render(head)+s.Text.Render(rest))
		} else {
			lines = append(lines, s.Accent.Render(text))
		}
	}
	return lines
}

// flow joins items with sep into lines no wider than width, breaking
// between items; an item wider than the line is cut.
func flow(items []string, sep string, width int) []string {
	var lines []string
	var cur string
	for _, it := range items {
		switch {
		case cur == "":
			cur = truncateStyled(it, width)
		case textsafe.Width(cur)+textsafe.Width(sep)+textsafe.Width(it) <= width:
			cur += sep + it
		default:
			lines = append(lines, cur)
			cur = truncateStyled(it, width)
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// View implements tea.Model. It renders exactly height lines.
func (p *casePage) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	lines := append([]string{}, p.header...)
	lines = append(lines, p.c.Styles.Rule.Render(strings.Repeat("─", p.width)))
	lines = append(lines, p.tabLine())
	if p.detail != nil {
		lines = append(lines, p.vp.View())
	}
	out := strings.Join(lines, "\n")
	// The viewport pads to its height; the header may have been cut.
	all := strings.Split(out, "\n")
	for len(all) < p.height {
		all = append(all, "")
	}
	return strings.Join(all[:p.height], "\n")
}

// tabLine names the tabs with their counts; the active one is bracketed so
// it shows without colour too.
func (p *casePage) tabLine() string {
	s, t := p.c.Styles, p.c.T
	var nMsg, nEv, done, steps int
	if p.detail != nil {
		nMsg, nEv = len(p.detail.Messages), len(p.detail.Events)
		done, steps = p.detail.StepsDone(), len(p.detail.Steps)
	}
	names := [tabCount]string{
		tabThread:    fmt.Sprintf("%s (%d)", t.Thread, nMsg),
		tabChecklist: fmt.Sprintf("%s %d/%d", t.Checklist, done, steps),
		tabHistory:   fmt.Sprintf("%s (%d)", t.History, nEv),
	}
	var parts []string
	for i, n := range names {
		if caseTab(i) == p.tab {
			parts = append(parts, s.TabOn.Render("["+n+"]"))
		} else {
			parts = append(parts, s.Tab.Render(" "+n+" "))
		}
	}
	line := strings.Join(parts, " ")
	if p.detail != nil && p.vp.TotalLineCount() > p.vp.Height {
		pct := fmt.Sprintf("%3.0f%%", p.vp.ScrollPercent()*100)
		return joinWidth(line, s.Subtle.Render(pct), p.width)
	}
	return truncateStyled(line, p.width)
}

// ShortHelp lists the keys for the help bar: the daily work first, since
// the moving keys are the ones everybody knows, and ? before the rarer
// keys so it is still there when the bar is cut at 100 columns.
func (p *casePage) ShortHelp() []key.Binding {
	k := p.c.Keys
	var b []key.Binding
	if p.tab == tabChecklist {
		b = append(b, k.Toggle)
	}
	b = append(b, k.AssignMe, k.Status, k.Rights)
	if p.detail != nil && p.detail.Case.Status == dsr.StatusAwaitingRequester {
		b = append(b, k.Resume)
	} else {
		b = append(b, k.Identity)
	}
	// R is the day's work too; tab gives way to it and to ?, since the
	// tabs are named on screen.
	return append(b, k.Compose, k.Help, k.Tab, k.Back, k.Extend)
}

// FullHelp lists every key of the page, in columns.
func (p *casePage) FullHelp() [][]key.Binding {
	k := p.c.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Tab, k.Toggle, k.Back},
		{k.AssignMe, k.Assign, k.Status, k.Rights},
		{k.Identity, k.Resume, k.Extend, k.Compose},
		{k.Refresh, k.Help, k.Quit, k.ForceQuit},
	}
}
