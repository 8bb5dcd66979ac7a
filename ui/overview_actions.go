package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// The overview's actions: a lead's decision on a handler's request, and
// reassigning the marked cases. Each runs in a command and reports to the
// root, which says in the footer what happened and has the overview read
// again.

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
