package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// caseChangedMsg reports a case action: the saved case and what to say
// about it, or why it was not saved.
type caseChangedMsg struct {
	id  int64
	cs  *dsr.Case
	ok  string
	err error
}

// caseForRightsMsg carries a case loaded so that its rights can be
// confirmed from the inbox: the picker needs its rights and its version.
type caseForRightsMsg struct {
	det *desk.CaseDetail
	err error
}

// act runs one desk action on a case in a command. ok says, from the saved
// case, what happened; it runs on the command's goroutine, so it only
// formats.
func act(id int64, fn func(context.Context) (*dsr.Case, error), ok func(*dsr.Case) string) tea.Cmd {
	return func() tea.Msg {
		cs, err := fn(context.Background())
		msg := caseChangedMsg{id: id, cs: cs, err: err}
		if err == nil {
			msg.ok = ok(cs)
		}
		return msg
	}
}

// caseChanged shows the outcome of an action in the footer and reads again
// what it changed. A conflict means someone else saved first: the case is
// read again too, so the handler sees what they did before trying again.
func (m *model) caseChanged(msg caseChangedMsg) tea.Cmd {
	open := m.caseP != nil && m.caseP.id == msg.id
	if open {
		m.caseP.busy = false
	}
	var asked *desk.NeedsApprovalError
	switch {
	case errors.As(msg.err, &asked):
		// Not a failure: a handler's extension or refusal now waits on a
		// lead's overview. The case is unchanged but its history has the
		// request, so it is read again below.
		m.footOK = fmt.Sprintf(m.c.T.SentForApprovalFmt, m.c.T.ApprovalKind(asked.Kind))
	case msg.err != nil:
		m.footErr = m.c.actionError(msg.err)
		var conflict *desk.ErrConflict
		if !errors.As(msg.err, &conflict) {
			return nil
		}
	default:
		m.footOK = msg.ok
		if open && m.caseP.detail != nil && msg.cs != nil {
			// The reload below brings the rest; the version is needed at
			// once, or a key pressed before it lands would conflict with
			// our own change.
			m.caseP.detail.Case.Version = msg.cs.Version
		}
	}
	var cmds []tea.Cmd
	if open {
		cmds = append(cmds, loadCase(m.c.Desk, msg.id))
	}
	if m.page == pageInbox {
		cmds = append(cmds, m.inbox.refresh())
	} else {
		m.inboxStale = true
	}
	return tea.Batch(cmds...)
}

// actionError says in the desk's language why an action was not saved.
// The desk's errors are English sentences for the CLI; the ones a handler
// meets every day are rebuilt from their fields.
func (c *Common) actionError(err error) string {
	t := c.T
	var conflict *desk.ErrConflict
	var trans *dsr.TransitionError
	var ext *desk.ExtensionError
	switch {
	case errors.As(err, &conflict):
		by := conflict.By
		if by == "" {
			by = "?"
		}
		at := conflict.At.In(c.Now().Location()).Format("15:04:05")
		return fmt.Sprintf(t.ConflictFmt, conflict.Ref, by, at)
	case errors.As(err, &trans):
		return fmt.Sprintf(t.TransitionFmt, t.Status(trans.From), t.Status(trans.To))
	case errors.Is(err, desk.ErrLeadOnly):
		// Moving a colleague's case, deciding a request.
		return t.LeadOnlyAct
	case errors.As(err, &ext):
		switch ext.Why {
		case desk.ExtendNoReason:
			return t.ExtendFailed + t.ExtendNoReason
		case desk.ExtendAlready:
			return t.ExtendFailed + fmt.Sprintf(t.ExtendAlreadyFmt, ext.Ref)
		case desk.ExtendNotOpen:
			return t.ExtendFailed + fmt.Sprintf(t.ExtendNotOpenFmt, ext.Ref, t.Status(ext.Status))
		case desk.ExtendMonthPassed:
			return t.ExtendFailed + fmt.Sprintf(t.ExtendMonthPassedFmt, deadline.Format(ext.Due))
		}
		return t.ExtendFailed + err.Error()
	case errors.Is(err, desk.ErrApprovalPending):
		return t.ActionFailed + t.ApprovalPending
	case desk.IsStoreBusy(err):
		return t.ActionFailed + t.StoreBusy
	}
	return t.ActionFailed + err.Error()
}

// rightsOK is the footer text after rights were confirmed.
func (c *Common) rightsOK(rights []dsr.Right) string {
	if len(rights) == 0 {
		return c.T.NotARequestOK
	}
	names := make([]string, len(rights))
	for i, r := range dsr.SortRights(rights) {
		names[i] = c.T.Right(r)
	}
	return fmt.Sprintf(c.T.RightsOKFmt, strings.Join(names, ", "))
}

// confirmRights is the action behind the rights picker.
func (c *Common) confirmRights(id, version int64, rights []dsr.Right) tea.Cmd {
	d := c.Desk
	return act(id, func(ctx context.Context) (*dsr.Case, error) {
		return d.ConfirmRights(ctx, id, version, rights)
	}, func(*dsr.Case) string { return c.rightsOK(rights) })
}

// rightsFor opens the rights picker for a case loaded from the inbox.
func (m *model) rightsFor(msg caseForRightsMsg) tea.Cmd {
	if msg.err != nil {
		m.footErr = m.c.T.OpenFailed + msg.err.Error()
		return nil
	}
	cs := &msg.det.Case
	id, version := cs.ID, cs.Version
	return openDialog(newRightsPicker(m.c, cs.Ref.String(), cs.RightList(), func(rights []dsr.Right) tea.Cmd {
		return m.c.confirmRights(id, version, rights)
	}))
}

// loadForRights reads a case for the rights picker.
func loadForRights(d *desk.Desk, id int64) tea.Cmd {
	return func() tea.Msg {
		det, err := d.Case(context.Background(), id)
		return caseForRightsMsg{det: det, err: err}
	}
}

// assignToMe gives a case from the inbox to the person at the desk. The
// inbox rows carry no version, so the case is read first. The inbox does
// not show who holds a case, so taking one over from a colleague is said
// in the footer rather than done silently.
func (c *Common) assignToMe(id int64) tea.Cmd {
	d, me := c.Desk, c.Desk.User()
	var was string // set by the action before ok reads it, on one goroutine
	return act(id, func(ctx context.Context) (*dsr.Case, error) {
		det, err := d.Case(ctx, id)
		if err != nil {
			return nil, err
		}
		was = det.Case.Assignee
		return d.Assign(ctx, id, det.Case.Version, me)
	}, func(*dsr.Case) string {
		if was != "" && was != me {
			return fmt.Sprintf(c.T.ReassignedFmt, me, was)
		}
		return fmt.Sprintf(c.T.AssignedFmt, me)
	})
}
