package ui

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/desk"
)

// ovSection is one list of the overview, in screen order: what waits for
// the lead's word first, then what is late, then what is about to be.
type ovSection int

const (
	secApprovals ovSection = iota
	secOverdue
	secDueSoon
	secPaused
	secUnassigned
	secCount
)

// approvalRow is a handler's request waiting for a lead, as the overview
// draws it. The desk hands out the store's type; copying the fields keeps
// the store out of this package.
type approvalRow struct {
	ID     int64
	CaseID int64
	Ref    string
	Kind   string // "extension" or "refusal"
	Reason string // typed by a handler: untrusted on screen
	By     string
	At     time.Time
}

// overviewLoadedMsg carries the lead's overview and the requests waiting
// for approval.
type overviewLoadedMsg struct {
	seq       int
	ov        *desk.Overview
	approvals []approvalRow
	err       error
}

// openOverviewMsg and openFiguresMsg ask the root for a lead screen; the
// root checks the role, so no key path can skip the check.
type (
	openOverviewMsg struct{}
	openFiguresMsg  struct{}
)

// loadOverview reads the overview and the pending requests.
func loadOverview(d *desk.Desk, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		ov, err := d.Overview(ctx)
		if err != nil {
			return overviewLoadedMsg{seq: seq, err: err}
		}
		pending, err := d.PendingApprovals(ctx)
		if err != nil {
			return overviewLoadedMsg{seq: seq, err: err}
		}
		rows := make([]approvalRow, 0, len(pending))
		for _, a := range pending {
			rows = append(rows, approvalRow{ID: a.ID, CaseID: a.CaseID, Ref: a.Ref, Kind: a.Kind,
				Reason: a.Reason, By: a.RequestedBy, At: a.RequestedAt})
		}
		return overviewLoadedMsg{seq: seq, ov: ov, approvals: rows}
	}
}

// ovItem is a row the cursor can stand on: the i-th of a section.
type ovItem struct {
	sec ovSection
	i   int
}

// overviewPage is the Oversikt screen, for team leads: the requests
// waiting for approval, the overdue, due-soon, paused and unassigned
// cases, and the load per handler. One cursor runs over the case rows of
// every section; the lead approves or rejects requests, marks cases and
// reassigns them in one go, or opens a case. The drawing is in
// overview_view.go, the decisions and the reassigning in
// overview_actions.go.
type overviewPage struct {
	c *Common

	seq     int
	loading bool
	quiet   bool // a refresh nobody asked for: the title does not say so
	ov      *desk.Overview
	aps     []approvalRow

	items  []ovItem
	cursor int
	// marked are the cases space marked for reassigning, by id: the same
	// case may be in several sections, marked in all.
	marked map[int64]bool
	// busy is set while a decision or a reassign is being saved, so a
	// second key does not act on rows about to change.
	busy bool

	lines    []ovLine // the page below the title, laid out at load and resize
	itemLine []int    // the line of each item
	offset   int      // the first line on screen

	width, height int
}

func newOverviewPage(c *Common) *overviewPage {
	return &overviewPage{c: c, loading: true, marked: map[int64]bool{}}
}

// reload reads the overview again.
func (p *overviewPage) reload() tea.Cmd {
	p.seq++
	p.loading, p.quiet = true, false
	return loadOverview(p.c.Desk, p.seq)
}

// refresh is a reload after a change: the rows on screen stay until the
// new ones replace them.
func (p *overviewPage) refresh() tea.Cmd {
	cmd := p.reload()
	p.quiet = true
	return cmd
}

// Init implements tea.Model.
func (p *overviewPage) Init() tea.Cmd { return nil }

// SetSize sets the area the page may draw in.
func (p *overviewPage) SetSize(width, height int) {
	p.width, p.height = width, height
	p.layout()
}

// rows is a case section's rows.
func (p *overviewPage) rows(sec ovSection) []desk.OverviewRow {
	if p.ov == nil {
		return nil
	}
	switch sec {
	case secOverdue:
		return p.ov.Overdue
	case secDueSoon:
		return p.ov.DueSoon
	case secPaused:
		return p.ov.Paused
	case secUnassigned:
		return p.ov.Unassigned
	}
	return nil
}

// count is the number of rows of a section.
func (p *overviewPage) count(sec ovSection) int {
	if sec == secApprovals {
		return len(p.aps)
	}
	return len(p.rows(sec))
}

// caseOf is the case of an item: its id and reference.
func (p *overviewPage) caseOf(it ovItem) (int64, string) {
	if it.sec == secApprovals {
		a := &p.aps[it.i]
		return a.CaseID, a.Ref
	}
	r := &p.rows(it.sec)[it.i]
	return r.ID, r.Ref
}

// current is the item under the cursor; ok is false on an empty overview.
func (p *overviewPage) current() (ovItem, bool) {
	if p.cursor < 0 || p.cursor >= len(p.items) {
		return ovItem{}, false
	}
	return p.items[p.cursor], true
}

// Update implements tea.Model.
func (p *overviewPage) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case overviewLoadedMsg:
		if msg.seq != p.seq {
			return p, nil
		}
		p.loading = false
		if msg.err == nil {
			p.setData(msg.ov, msg.approvals)
		}
	case tea.KeyMsg:
		return p, p.updateKeys(msg)
	}
	return p, nil
}

// setData replaces what the page shows, keeping the cursor on the same
// row (or the same case) and the marks on the cases still listed: a case
// that left the overview, closed say, must not be reassigned unseen.
func (p *overviewPage) setData(ov *desk.Overview, aps []approvalRow) {
	keep, hadKeep := p.current()
	var keepID int64
	if hadKeep {
		keepID, _ = p.caseOf(keep)
	}
	line := 0
	if hadKeep && p.cursor < len(p.itemLine) {
		line = p.itemLine[p.cursor] - p.offset
	}
	p.ov, p.aps = ov, aps
	p.items = p.items[:0]
	listed := map[int64]bool{}
	for sec := range secCount {
		for i := range p.count(sec) {
			it := ovItem{sec, i}
			p.items = append(p.items, it)
			id, _ := p.caseOf(it)
			listed[id] = true
		}
	}
	for id := range p.marked {
		if !listed[id] {
			delete(p.marked, id)
		}
	}
	if hadKeep {
		// The same row of the same section first, else the case anywhere.
		best := -1
		for pos, it := range p.items {
			if id, _ := p.caseOf(it); id == keepID {
				if it.sec == keep.sec {
					best = pos
					break
				}
				if best < 0 {
					best = pos
				}
			}
		}
		if best >= 0 {
			p.cursor = best
		}
	}
	p.cursor = max(0, min(p.cursor, len(p.items)-1))
	p.layout()
	if hadKeep && p.cursor < len(p.itemLine) {
		p.offset = p.itemLine[p.cursor] - line
	}
	p.clampScroll()
}

func (p *overviewPage) updateKeys(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return backMsg{} }
	case key.Matches(msg, k.Figures):
		return func() tea.Msg { return openFiguresMsg{} }
	// Mark before PageDown, which space also is.
	case key.Matches(msg, k.Mark):
		if it, ok := p.current(); ok {
			id, _ := p.caseOf(it)
			if p.marked[id] {
				delete(p.marked, id)
			} else {
				p.marked[id] = true
			}
			p.move(1)
		}
	case key.Matches(msg, k.Up):
		p.move(-1)
	case key.Matches(msg, k.Down):
		p.move(1)
	case key.Matches(msg, k.PageUp):
		p.move(-p.listHeight())
	case key.Matches(msg, k.PageDown):
		p.move(p.listHeight())
	case key.Matches(msg, k.Home):
		p.move(-len(p.items))
	case key.Matches(msg, k.End):
		p.move(len(p.items))
	case key.Matches(msg, k.Open):
		if it, ok := p.current(); ok {
			id, ref := p.caseOf(it)
			return func() tea.Msg { return openCaseMsg{id: id, ref: ref} }
		}
	case key.Matches(msg, k.Approve), key.Matches(msg, k.Reject):
		return p.decideKey(key.Matches(msg, k.Approve))
	case key.Matches(msg, k.Reassign):
		return p.reassignPrompt()
	}
	return nil
}

func (p *overviewPage) move(delta int) {
	p.cursor = max(0, min(p.cursor+delta, len(p.items)-1))
	p.clampScroll()
}
