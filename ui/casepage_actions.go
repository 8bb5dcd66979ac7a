package ui

import (
	"context"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// actionKey handles the keys that change the case. Each action, or the
// prompt or picker it opens, captures the case's version as the handler
// saw it when pressing the key: if someone else saves in between, the desk
// refuses with a conflict instead of overwriting what they did.
func (p *casePage) actionKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if p.detail == nil {
		return nil, false
	}
	k := p.c.Keys
	var run func() tea.Cmd
	switch {
	case key.Matches(msg, k.AssignMe):
		run = p.assignMe
	case key.Matches(msg, k.Assign):
		run = p.assignPrompt
	case key.Matches(msg, k.Identity):
		run = p.identityPrompt
	case key.Matches(msg, k.Resume):
		run = p.resume
	case key.Matches(msg, k.Extend):
		run = p.extendPrompt
	case key.Matches(msg, k.Status):
		run = p.statusPicker
	case key.Matches(msg, k.Rights):
		run = p.rightsPicker
	default:
		return nil, false
	}
	if p.busy {
		return notice(p.c.T.ActionBusy, false), true
	}
	return run(), true
}

// do runs a desk action on this case at version and marks the page busy
// until the root hears back (caseChangedMsg).
func (p *casePage) do(version int64, fn func(ctx context.Context, d *desk.Desk, id, version int64) (*dsr.Case, error), ok func(*dsr.Case) string) tea.Cmd {
	d, id := p.c.Desk, p.id
	p.busy = true
	return act(id, func(ctx context.Context) (*dsr.Case, error) { return fn(ctx, d, id, version) }, ok)
}

func (p *casePage) assignMe() tea.Cmd {
	return p.assign(p.detail.Case.Version)(p.c.Desk.User())
}

// assign returns the action that gives the case to user ("" unassigns).
func (p *casePage) assign(version int64) func(string) tea.Cmd {
	t := p.c.T
	return func(user string) tea.Cmd {
		return p.do(version, func(ctx context.Context, d *desk.Desk, id, v int64) (*dsr.Case, error) {
			return d.Assign(ctx, id, v, user)
		}, func(*dsr.Case) string {
			if user == "" {
				return t.UnassignedOK
			}
			return fmt.Sprintf(t.AssignedFmt, user)
		})
	}
}

// assignPrompt asks whom to give the case to, starting from who has it.
func (p *casePage) assignPrompt() tea.Cmd {
	cs := &p.detail.Case
	title := fmt.Sprintf(p.c.T.PromptAssignFmt, p.ref)
	return openDialog(newPrompt(p.c, title, cs.Assignee, false, p.assign(cs.Version)))
}

// identityPrompt asks why identity must be confirmed; the usual reason is
// typed in already. Sending it pauses the clock.
func (p *casePage) identityPrompt() tea.Cmd {
	t, version := p.c.T, p.detail.Case.Version
	title := fmt.Sprintf(t.PromptIdentityFmt, p.ref)
	return openDialog(newPrompt(p.c, title, t.IdentityReason, false, func(reason string) tea.Cmd {
		if reason == "" {
			reason = t.IdentityReason
		}
		return p.do(version, func(ctx context.Context, d *desk.Desk, id, v int64) (*dsr.Case, error) {
			return d.AskIdentity(ctx, id, v, reason)
		}, func(*dsr.Case) string { return t.PausedOK })
	}))
}

// resume restarts the clock of a case awaiting the requester. On any other
// case u would move it to in progress, which is what s is for.
func (p *casePage) resume() tea.Cmd {
	t := p.c.T
	if p.detail.Case.Status != dsr.StatusAwaitingRequester {
		return notice(t.NothingToResume, true)
	}
	return p.do(p.detail.Case.Version, func(ctx context.Context, d *desk.Desk, id, v int64) (*dsr.Case, error) {
		return d.Resume(ctx, id, v, "")
	}, func(cs *dsr.Case) string { return fmt.Sprintf(t.ResumedOKFmt, deadline.Format(cs.DueAt)) })
}

// extendPrompt asks for the reason, which the law requires and which goes
// into the notice to the person. Whether the case may still be extended
// is the desk's to say.
func (p *casePage) extendPrompt() tea.Cmd {
	t, version := p.c.T, p.detail.Case.Version
	title := fmt.Sprintf(t.PromptExtendFmt, p.ref)
	return openDialog(newPrompt(p.c, title, "", true, func(reason string) tea.Cmd {
		return p.do(version, func(ctx context.Context, d *desk.Desk, id, v int64) (*dsr.Case, error) {
			return d.Extend(ctx, id, v, reason)
		}, func(cs *dsr.Case) string { return fmt.Sprintf(t.ExtendedOKFmt, deadline.Format(cs.DueAt)) })
	}))
}

// statusPicker offers the statuses the case may move to. When it could be
// marked answered with steps still open, the picker says how many.
func (p *casePage) statusPicker() tea.Cmd {
	t, cs := p.c.T, &p.detail.Case
	if len(cs.Status.Next()) == 0 {
		return notice(t.NoNextStatus, true)
	}
	var hint string
	if left := len(p.detail.Steps) - p.detail.StepsDone(); left > 0 && dsr.CheckTransition(cs.Status, dsr.StatusAnswered) == nil {
		hint = fmt.Sprintf(t.StepsLeftFmt, left, len(p.detail.Steps))
	}
	version := cs.Version
	return openDialog(newStatusPicker(p.c, p.ref, cs.Status, hint, func(to dsr.Status) tea.Cmd {
		return p.do(version, func(ctx context.Context, d *desk.Desk, id, v int64) (*dsr.Case, error) {
			return d.SetStatus(ctx, id, v, to, "")
		}, func(*dsr.Case) string { return fmt.Sprintf(t.StatusOKFmt, t.Status(to)) })
	}))
}

// rightsPicker lets the handler confirm or correct the rights.
func (p *casePage) rightsPicker() tea.Cmd {
	cs := &p.detail.Case
	version := cs.Version
	return openDialog(newRightsPicker(p.c, p.ref, cs.RightList(), func(rights []dsr.Right) tea.Cmd {
		return p.do(version, func(ctx context.Context, d *desk.Desk, id, v int64) (*dsr.Case, error) {
			return d.ConfirmRights(ctx, id, v, rights)
		}, func(*dsr.Case) string { return p.c.rightsOK(rights) })
	}))
}
