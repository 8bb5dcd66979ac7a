package ui

import (
	"context"
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/reply"
)

// replyComposedMsg carries a letter written from a template. A letter
// that lacks something comes with a *reply.CheckError, and both are shown.
type replyComposedMsg struct {
	id    int64
	draft *desk.Draft
	err   error
}

// draftSavedMsg carries the draft as stored, with its ID.
type draftSavedMsg struct {
	draft desk.Draft
	err   error
}

// replySentMsg says how sending went. The draft was saved first, so on a
// failure it is in the store with its ID (saved) and the error.
type replySentMsg struct {
	draft desk.Draft
	saved bool
	sent  *desk.SentReply
	err   error
}

// compose has the desk write a letter of the chosen kind.
func (p *composePage) compose(reason string) tea.Cmd {
	d, id, kind := p.c.Desk, p.cs.ID, p.kind
	p.busy = p.c.T.Composing
	return func() tea.Msg {
		dr, err := d.ComposeReply(context.Background(), id, kind, reason)
		return replyComposedMsg{id: id, draft: dr, err: err}
	}
}

func (p *composePage) composed(msg replyComposedMsg) tea.Cmd {
	p.busy = ""
	var ce *reply.CheckError
	switch {
	case msg.draft == nil:
		return notice(p.c.T.ComposeFailed+msg.err.Error(), true)
	case msg.err != nil && !errors.As(msg.err, &ce):
		// A letter together with some other error is not one the desk
		// promises; show the letter and the error both.
		p.showLetter(msg.draft, nil)
		p.failTitle, p.failure = p.c.T.ComposeFailed, msg.err.Error()
		p.layout()
		return nil
	}
	p.showLetter(msg.draft, ce)
	return nil
}

// save stores the draft as it stands.
func (p *composePage) save() tea.Cmd {
	d, dr := p.c.Desk, *p.draft
	p.busy = p.c.T.Saving
	return func() tea.Msg {
		err := d.SaveDraft(context.Background(), &dr)
		return draftSavedMsg{draft: dr, err: err}
	}
}

// send saves the draft, then has the desk send it. The save comes first
// so that a failed send leaves the letter in the store, with the error.
func (p *composePage) send() tea.Cmd { return p.sendWith((*desk.Desk).SendDraft) }

// resend sends a draft in doubt again, as the handler confirmed.
func (p *composePage) resend() tea.Cmd { return p.sendWith((*desk.Desk).ResendDraft) }

func (p *composePage) sendWith(send func(*desk.Desk, context.Context, int64) (*desk.SentReply, error)) tea.Cmd {
	d, dr := p.c.Desk, *p.draft
	p.busy = p.c.T.Sending
	return func() tea.Msg {
		ctx := context.Background()
		if err := d.SaveDraft(ctx, &dr); err != nil {
			return replySentMsg{draft: dr, err: err}
		}
		sent, err := send(d, ctx, dr.ID)
		if err != nil {
			dr.LastError = err.Error()
		}
		return replySentMsg{draft: dr, saved: true, sent: sent, err: err}
	}
}

// sentReply goes back to the case after a letter went out. On a failure
// it stays, with the letter, the error in a box and in the footer, and s
// to try again.
func (p *composePage) sentReply(msg replySentMsg) tea.Cmd {
	t := p.c.T
	p.busy = ""
	if msg.saved {
		d := msg.draft
		p.draft, p.saved = &d, true
	}
	if msg.err == nil {
		done := composeDoneMsg{id: p.cs.ID, ok: fmt.Sprintf(t.SentFmt, msg.sent.MessageID), sent: true}
		if msg.sent.CopyErr != nil {
			done.ok, done.errText = "", fmt.Sprintf(t.SentNoCopyFmt, msg.sent.MessageID, msg.sent.CopyErr)
		}
		return func() tea.Msg { return done }
	}
	var doubt *desk.DraftInDoubtError
	if errors.As(msg.err, &doubt) {
		// Only the handler can know (from Sent, or the requester) whether
		// the letter already went out.
		when := doubt.At.In(p.c.Now().Location()).Format("2006-01-02 15:04")
		return openDialog(newConfirm(p.c, fmt.Sprintf(t.InDoubtFmt, doubt.By, when), p.resend))
	}
	var ce *reply.CheckError
	if errors.As(msg.err, &ce) {
		// The box lists what is missing; the footer only says so.
		p.check, p.edited = ce, false
		p.failTitle, p.failure = "", ""
		p.layout()
		return notice(t.SendFailed+t.CheckTitle, true)
	}
	p.check = nil
	p.failTitle, p.failure = t.SendFailedTitle, p.c.sendError(msg.err)
	var unrecorded *desk.SentNotRecordedError
	if errors.As(msg.err, &unrecorded) {
		p.failTitle = t.SentNotRecordedTitle
	}
	p.layout()
	return notice(p.failure, true)
}

// sendError says in the desk's language why a letter did not go out: what
// to do about a missing mailer, a missing approval or a kind of SMTP
// failure, then, for the last, the error itself in brackets, whose host
// and server reply are what the person fixing it needs. A refusal by the
// server (a recipient, the message) is shown as the server gave it.
func (c *Common) sendError(err error) string {
	var unrecorded *desk.SentNotRecordedError
	var busy *desk.DraftBusyError
	switch {
	case errors.As(err, &unrecorded):
		// Before anything its cause says: the letter is out.
		return fmt.Sprintf(c.T.SentNotRecordedFmt, unrecorded.MessageID, unrecorded.Err)
	case errors.Is(err, desk.ErrNoMailer):
		return c.T.NoMailer
	case errors.Is(err, desk.ErrLeadOnly):
		return c.T.LeadOnly
	case errors.As(err, &busy) && busy.By != "":
		return c.T.SendFailed + fmt.Sprintf(c.T.DraftBusyByFmt, busy.By)
	case errors.Is(err, desk.ErrDraftBusy):
		return c.T.SendFailed + c.T.DraftBusy
	case desk.IsStoreBusy(err):
		return c.T.SendFailed + c.T.StoreBusy
	}
	if why, ok := c.T.SMTPFail[desk.ErrorKind(err)]; ok {
		return c.T.SendFailed + why + " (" + err.Error() + ")"
	}
	return c.T.SendFailed + err.Error()
}
