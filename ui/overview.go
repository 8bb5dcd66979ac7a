package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
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

// approvalDecidedMsg reports a lead's decision on a request.
type approvalDecidedMsg struct {
	a       approvalRow
	approve bool
	cs      *dsr.Case // the case after an approved change
	err     error
}

// bulkTarget is a case to reassign, with the handler the lead saw on it.
type bulkTarget struct {
	id    int64
	ref   string
	seen  string
	known bool // seen is known (an approval row does not show the handler)
}

// bulkFailure is a case the bulk reassign left as it was, and why.
type bulkFailure struct {
	id  int64
	ref string
	err error
}

// bulkAssignedMsg reports a bulk reassign: the cases done, and each one
// that failed with its reason.
type bulkAssignedMsg struct {
	user   string
	total  int
	done   []bulkTarget
	failed []bulkFailure
}

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
// overview_view.go.
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

// decideKey approves the request under the cursor at once, or asks for
// an optional note and rejects it.
func (p *overviewPage) decideKey(approve bool) tea.Cmd {
	t := p.c.T
	it, ok := p.current()
	if !ok || it.sec != secApprovals {
		return notice(t.NotAnApproval, true)
	}
	if p.busy {
		return notice(t.ActionBusy, false)
	}
	a := p.aps[it.i]
	if approve {
		return p.decide(a, true, "")
	}
	title := fmt.Sprintf(t.PromptRejectFmt, t.ApprovalKind(a.Kind), a.Ref)
	return openDialog(newPrompt(p.c, title, "", false, func(note string) tea.Cmd {
		return p.decide(a, false, note)
	}))
}

// decide runs the desk's decision in a command and marks the page busy
// until the root hears back.
func (p *overviewPage) decide(a approvalRow, approve bool, note string) tea.Cmd {
	d := p.c.Desk
	p.busy = true
	return func() tea.Msg {
		cs, err := d.Decide(context.Background(), a.ID, approve, note)
		return approvalDecidedMsg{a: a, approve: approve, cs: cs, err: err}
	}
}

// targets are the cases A reassigns: the marked ones in screen order, or
// the one under the cursor. A case in several sections counts once, with
// the handler a case section showed for it.
func (p *overviewPage) targets() []bulkTarget {
	var out []bulkTarget
	at := map[int64]int{}
	add := func(it ovItem) {
		id, ref := p.caseOf(it)
		tg := bulkTarget{id: id, ref: ref}
		if it.sec != secApprovals {
			tg.seen, tg.known = p.rows(it.sec)[it.i].Assignee, true
		}
		if i, ok := at[id]; ok {
			if !out[i].known {
				out[i] = tg
			}
			return
		}
		at[id] = len(out)
		out = append(out, tg)
	}
	for _, it := range p.items {
		if id, _ := p.caseOf(it); p.marked[id] {
			add(it)
		}
	}
	if len(out) == 0 {
		if it, ok := p.current(); ok {
			add(it)
			// Its handler, if a case section shows it too.
			for _, other := range p.items {
				if id, _ := p.caseOf(other); id == out[0].id && other.sec != secApprovals {
					add(other)
				}
			}
		}
	}
	return out
}

// handlers are the names the reassign prompt completes: the handlers with
// open cases, those who asked for approvals, and the lead.
func (p *overviewPage) handlers() []string {
	var names []string
	if p.ov != nil {
		for _, l := range p.ov.Load {
			names = append(names, l.Handler)
		}
	}
	for _, a := range p.aps {
		names = append(names, a.By)
	}
	names = append(names, p.c.Desk.User())
	slices.Sort(names)
	return slices.Compact(names)
}

// reassignPrompt asks whom to give the marked (or current) cases to.
func (p *overviewPage) reassignPrompt() tea.Cmd {
	t := p.c.T
	if p.busy {
		return notice(t.ActionBusy, false)
	}
	tgs := p.targets()
	if len(tgs) == 0 {
		return nil
	}
	title := fmt.Sprintf(t.PromptBulkAssignFmt, len(tgs))
	value := ""
	if len(tgs) == 1 {
		title = fmt.Sprintf(t.PromptAssignFmt, tgs[0].ref)
		value = tgs[0].seen
	}
	return openDialog(newPrompt(p.c, title, value, false, func(user string) tea.Cmd {
		p.busy = true
		return bulkAssign(p.c.Desk, tgs, user)
	}).withOptions(p.handlers()))
}

// bulkAssign gives each case to user, one after the other, each read
// first for its version. A case whose handler is no longer the one the
// lead saw was changed by someone in the meantime: it is left alone and
// reported, as a conflict on the case page would be. A case that already
// has user is counted as done without writing an event that changes
// nothing.
func bulkAssign(d *desk.Desk, tgs []bulkTarget, user string) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := bulkAssignedMsg{user: user, total: len(tgs)}
		for _, tg := range tgs {
			err := assignOne(ctx, d, tg, user)
			if err != nil {
				msg.failed = append(msg.failed, bulkFailure{id: tg.id, ref: tg.ref, err: err})
				continue
			}
			msg.done = append(msg.done, tg)
		}
		return msg
	}
}

func assignOne(ctx context.Context, d *desk.Desk, tg bulkTarget, user string) error {
	det, err := d.Case(ctx, tg.id)
	if err != nil {
		return err
	}
	cs := &det.Case
	if strings.EqualFold(cs.Assignee, user) {
		return nil
	}
	if tg.known && !strings.EqualFold(cs.Assignee, tg.seen) {
		return &desk.ErrConflict{Ref: cs.Ref.String(), By: cs.UpdatedBy, At: cs.UpdatedAt}
	}
	_, err = d.Assign(ctx, tg.id, cs.Version, user)
	return err
}

// approvalDecided says in the footer what the decision did and reads the
// overview again; the inbox is read when it next shows.
func (m *model) approvalDecided(msg approvalDecidedMsg) tea.Cmd {
	t := m.c.T
	if m.overview != nil {
		m.overview.busy = false
	}
	kind := t.ApprovalKind(msg.a.Kind)
	switch {
	case msg.err != nil:
		m.footErr = m.c.actionError(msg.err)
	case !msg.approve:
		m.footOK = fmt.Sprintf(t.RejectedFmt, kind, msg.a.Ref)
	case msg.a.Kind == "extension" && msg.cs != nil:
		m.footOK = fmt.Sprintf(t.ApprovedExtFmt, msg.a.Ref, deadline.Format(msg.cs.DueAt))
	default:
		m.footOK = fmt.Sprintf(t.ApprovedFmt, kind, msg.a.Ref)
	}
	m.inboxStale = true
	if m.overview != nil {
		return m.overview.refresh()
	}
	return nil
}

// bulkAssigned says how many cases were assigned and why each of the
// others was not. The cases done are unmarked; the failed ones stay
// marked, so the lead sees which they were and can try again.
func (m *model) bulkAssigned(msg bulkAssignedMsg) tea.Cmd {
	t := m.c.T
	if m.overview != nil {
		m.overview.busy = false
		for _, tg := range msg.done {
			delete(m.overview.marked, tg.id)
		}
	}
	if len(msg.done) > 0 {
		m.inboxStale = true
	}
	if len(msg.failed) == 0 {
		m.footOK = m.c.assignedText(msg)
	} else {
		user := msg.user
		if user == "" {
			user = t.Unassigned
		}
		parts := []string{fmt.Sprintf(t.AssignedSomeFmt, len(msg.done), msg.total, user)}
		for _, f := range msg.failed {
			parts = append(parts, m.c.bulkFailureText(f))
		}
		m.footErr = strings.Join(parts, " · ")
	}
	if m.overview != nil {
		return m.overview.refresh()
	}
	return nil
}

// assignedText is the footer after every case of a bulk reassign was
// done: with the reference when there was one case.
func (c *Common) assignedText(msg bulkAssignedMsg) string {
	t := c.T
	switch {
	case len(msg.done) == 1 && msg.user == "":
		return fmt.Sprintf(t.UnassignedOneFmt, msg.done[0].ref)
	case len(msg.done) == 1:
		return fmt.Sprintf(t.AssignedOneFmt, msg.done[0].ref, msg.user)
	case msg.user == "":
		return fmt.Sprintf(t.UnassignedManyFmt, msg.total)
	}
	return fmt.Sprintf(t.AssignedManyFmt, msg.total, msg.user)
}

// bulkFailureText says why one case of a bulk reassign was left alone.
func (c *Common) bulkFailureText(f bulkFailure) string {
	var conflict *desk.ErrConflict
	if errors.As(f.err, &conflict) {
		by := conflict.By
		if by == "" {
			by = "?"
		}
		return fmt.Sprintf(c.T.ChangedByFmt, f.ref, by, conflict.At.In(c.Now().Location()).Format("15:04"))
	}
	return f.ref + ": " + c.actionError(f.err)
}
