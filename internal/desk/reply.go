package desk

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/reply"
	"github.com/magnetharstad/pvdesk/mail"
	"github.com/magnetharstad/pvdesk/store"
)

// Mailer is how the desk sends replies. The SMTP settings are fetched when
// a letter goes out, so a password command runs only then.
type Mailer struct {
	From mail.Address
	SMTP func(ctx context.Context) (mail.SMTPConfig, error)
	// SentCopy files a copy of each sent letter (the IMAP Sent folder); nil
	// files none, for a server that files what it relays.
	SentCopy func(ctx context.Context, raw []byte, at time.Time) error
}

// ReplyConfig is what letters are written with.
type ReplyConfig struct {
	Templates *reply.Set
	Company   reply.Company
	Mailer    *Mailer
}

// Draft is a reply being written.
type Draft = store.Draft

// ErrNoMailer is returned when a letter is sent from a desk without SMTP.
// SentNotRecordedError is a letter that went out (the SMTP server took
// it) but could not be recorded on the case afterwards. It must not be
// sent again: the screens say so before anything else.
type SentNotRecordedError struct {
	MessageID string // of the letter sent
	Err       error  // why recording failed
}

func (e *SentNotRecordedError) Error() string {
	return fmt.Sprintf("the letter was sent as <%s> but recording it failed: %v", e.MessageID, e.Err)
}

func (e *SentNotRecordedError) Unwrap() error { return e.Err }

var ErrNoMailer = errors.New("no [smtp] configured: the letter is kept as a draft")

func (d *Desk) templates() (*reply.Set, error) {
	if d.opts.Replies.Templates != nil {
		return d.opts.Replies.Templates, nil
	}
	return reply.Load("")
}

func (d *Desk) company() reply.Company {
	c := reply.DefaultCompany()
	o := d.opts.Replies.Company
	if o.Name != "" {
		c.Name = o.Name
	}
	if o.OrgNr != "" {
		c.OrgNr = o.OrgNr
	}
	if o.Address != "" {
		c.Address = o.Address
	}
	if o.Email != "" {
		c.Email = o.Email
	}
	if o.Web != "" {
		c.Web = o.Web
	}
	return c
}

func (d *Desk) replyData(c *dsr.Case, reason string) reply.Data {
	return reply.Data{
		Ref: c.Ref.String(), RequesterName: c.RequesterName, RequesterAddr: c.Requester,
		Rights: c.RightList(), Received: c.ReceivedAt, Due: c.DueAt, Extended: c.Extended,
		ExtendReason: c.ExtendReason, Reason: reason, Handler: d.opts.User,
		Company: d.company(), Language: c.Language, Now: d.opts.Now(),
	}
}

// SuggestReplies lists the template kinds that fit the case first.
func (d *Desk) SuggestReplies(c *dsr.Case) []reply.Kind {
	return reply.Suggest(c.RightList(), c.Status, c.Extended)
}

// ComposeReply writes a letter of kind for the case from the templates, in
// the request's language. It does not save it. When the letter lacks what the
// law requires the draft is returned with a *reply.CheckError, so a preview
// can show both.
func (d *Desk) ComposeReply(ctx context.Context, caseID int64, kind reply.Kind, reason string) (*Draft, error) {
	c, err := d.st.Case(ctx, caseID)
	if err != nil {
		return nil, err
	}
	set, err := d.templates()
	if err != nil {
		return nil, err
	}
	data := d.replyData(c, reason)
	letter, err := set.Render(kind, data)
	var ce *reply.CheckError
	if err != nil && !errors.As(err, &ce) {
		return nil, err
	}
	// The subject is the one the letter will go out with: a reply in the
	// person's own thread, tagged with the case reference.
	orig := c.Subject
	if last, lerr := d.st.LatestInbound(ctx, caseID); lerr == nil {
		orig = last.Subject
	}
	dr := &Draft{CaseID: caseID, Kind: string(kind), Language: letter.Language,
		Subject: replySubject(c.Ref.String(), orig, letter.Subject),
		Body:    letter.Body, Reason: reason, CreatedBy: d.opts.User, UpdatedAt: d.opts.Now()}
	return dr, err
}

// SaveDraft stores the draft (new or edited) so nothing typed is lost.
func (d *Desk) SaveDraft(ctx context.Context, dr *Draft) error {
	dr.UpdatedAt = d.opts.Now()
	if dr.CreatedBy == "" {
		dr.CreatedBy = d.opts.User
	}
	return d.st.SaveDraft(ctx, dr)
}

// Drafts lists a case's unsent drafts.
func (d *Desk) Drafts(ctx context.Context, caseID int64) ([]Draft, error) {
	return d.st.Drafts(ctx, caseID)
}

var (
	replyPrefix = regexp.MustCompile(`(?i)^\s*((re|sv|aw|vs|antw|fwd?|vb|wg)\s*(\[\d+\])?\s*:\s*)+`)
	anyRefTag   = regexp.MustCompile(`(?i)\s*\[PV-\d{4}-\d{4,}\]\s*`)
)

// replySubject is "Re: [REF] " and the person's own subject, so the reply
// sits in their thread and the tag threads their answer back to the case.
func replySubject(ref, original, fallback string) string {
	s := anyRefTag.ReplaceAllString(original, " ")
	s = strings.TrimSpace(replyPrefix.ReplaceAllString(strings.TrimSpace(s), ""))
	if s == "" {
		s = strings.TrimSpace(anyRefTag.ReplaceAllString(fallback, " "))
	}
	return strings.TrimSpace("Re: [" + ref + "] " + s)
}

// SentReply is what SendDraft did.
type SentReply struct {
	MessageID string // the Message-ID header, without brackets
	Raw       []byte
	// CopyErr is set when the letter went out but could not be filed in
	// the Sent folder; it is also in the case history.
	CopyErr error
}

// stepForKind is the checklist step a sent letter of that kind completes.
var stepForKind = map[reply.Kind]string{
	reply.Completion: "reply",
	reply.Refusal:    "reply",
	reply.Answer:     "reply",
}

// SendDraft sends a saved draft to the requester over SMTP. Before anything
// leaves, the letter is checked again (an edit must not drop what the law
// requires) and the case must be in a state the letter fits. On success the
// letter is stored on the case as an outbound message, the draft marked
// sent, the matching checklist step ticked, the status moved where the
// letter implies (completion → answered, identity request → awaiting the
// requester with the clock paused) and an audit event written, in one
// transaction; then a copy is filed in Sent. On failure the draft stays,
// with the error, and sending again is one call.
func (d *Desk) SendDraft(ctx context.Context, draftID int64) (*SentReply, error) {
	return d.sendDraft(ctx, draftID, false)
}

// DraftInDoubtError is a draft a desk began to send and never recorded:
// the letter may have gone out. See ResendDraft.
type DraftInDoubtError = store.DraftInDoubtError

// ResendDraft sends a draft that is in doubt (*DraftInDoubtError from
// SendDraft), once a person has checked that the letter did not go out,
// or has decided to send it again anyway. The audit trail says so.
func (d *Desk) ResendDraft(ctx context.Context, draftID int64) (*SentReply, error) {
	return d.sendDraft(ctx, draftID, true)
}

func (d *Desk) sendDraft(ctx context.Context, draftID int64, takeOver bool) (*SentReply, error) {
	dr, err := d.st.Draft(ctx, draftID)
	if err != nil {
		return nil, fmt.Errorf("draft %d: %w", draftID, err)
	}
	if !dr.SentAt.IsZero() {
		return nil, fmt.Errorf("draft %d was already sent", draftID)
	}
	fail := func(err error) (*SentReply, error) {
		_ = d.st.SetDraftError(ctx, draftID, err.Error())
		return nil, err
	}
	c, err := d.st.Case(ctx, dr.CaseID)
	if err != nil {
		return nil, err
	}
	kind, err := reply.ParseKind(dr.Kind)
	if err != nil {
		return fail(err)
	}
	if err := d.letterFits(c, kind); err != nil {
		return fail(err)
	}
	if err := reply.Check(reply.Letter{Kind: kind, Language: dr.Language, Subject: dr.Subject, Body: dr.Body}, d.replyData(c, dr.Reason)); err != nil {
		return fail(err)
	}
	m := d.opts.Replies.Mailer
	if m == nil || m.SMTP == nil {
		return fail(ErrNoMailer)
	}
	out := mail.Outgoing{From: m.From, To: mail.Address{Name: c.RequesterName, Addr: c.Requester},
		Body: dr.Body, Date: d.opts.Now()}
	orig := c.Subject
	if last, err := d.st.LatestInbound(ctx, c.ID); err == nil {
		orig = last.Subject
		if last.MessageID != "" {
			out.InReplyTo = last.MessageID
			out.References = append(append([]string{}, last.References...), last.MessageID)
		}
	}
	// The draft's subject as written (ComposeReply made it a reply in the
	// person's thread), unless an edit lost the reference that threads the
	// answer back.
	out.Subject = dr.Subject
	if !strings.Contains(out.Subject, "["+c.Ref.String()+"]") {
		out.Subject = replySubject(c.Ref.String(), orig, dr.Subject)
	}
	raw, msgID, err := mail.BuildMessage(out)
	if err != nil {
		return fail(err)
	}
	cfg, err := m.SMTP(ctx)
	if err != nil {
		return fail(err)
	}
	// Claim the draft so a colleague pressing send at the same moment does
	// not send the letter a second time; a failure below releases it.
	if err := d.st.ClaimDraft(ctx, draftID, d.opts.User, d.opts.Now(), takeOver); err != nil {
		return nil, err
	}
	if err := mail.Send(ctx, cfg, m.From.Addr, []string{c.Requester}, raw); err != nil {
		return fail(err)
	}

	// The letter is out: from here on, recording it must not be skipped.
	now := d.opts.Now()
	err = d.st.Write(ctx, func(tx *store.Tx) error {
		cs, err := tx.LoadCase(ctx, c.ID)
		if err != nil {
			return err
		}
		sm := &store.Message{CaseID: c.ID, Direction: "out", MessageID: msgID, InReplyTo: nonEmpty(out.InReplyTo),
			References: out.References, FromAddr: m.From.Addr, FromName: m.From.Name, To: []string{c.Requester},
			Subject: out.Subject, SentAt: now, ReceivedAt: now, Text: dr.Body, Raw: raw}
		if err := tx.InsertMessage(ctx, sm); err != nil {
			return err
		}
		if err := tx.MarkDraftSent(ctx, dr.ID, sm.ID, now); err != nil {
			return err
		}
		details := fmt.Sprintf("%s letter (%s) sent to %s as <%s>", kind, dr.Language, c.Requester, msgID)
		if takeOver {
			details += "; sent again: an earlier send of this draft was never recorded"
		}
		if step, ok := stepForKind[kind]; ok {
			if err := tx.SetStep(ctx, c.ID, step, true, d.opts.User, "sent <"+msgID+">", now); err != nil {
				return err
			}
			details += "; step " + step + " done"
		}
		switch {
		case kind == reply.Completion && dsr.CheckTransition(cs.Status, dsr.StatusAnswered) == nil:
			if cs.Status == dsr.StatusAwaitingRequester {
				details += "; " + resume(cs, now)
			}
			details += fmt.Sprintf("; %s → answered", cs.Status)
			cs.Status = dsr.StatusAnswered
		case kind == reply.Identity && cs.Status != dsr.StatusAwaitingRequester && dsr.CheckTransition(cs.Status, dsr.StatusAwaitingRequester) == nil:
			details += fmt.Sprintf("; %s → awaiting_requester, clock paused", cs.Status)
			cs.Status = dsr.StatusAwaitingRequester
			cs.PausedAt = now
			cs.PauseReason = "identity requested by letter"
		case kind == reply.Clarification && cs.Status != dsr.StatusAwaitingRequester && dsr.CheckTransition(cs.Status, dsr.StatusAwaitingRequester) == nil:
			details += fmt.Sprintf("; %s → awaiting_requester, clock paused", cs.Status)
			cs.Status = dsr.StatusAwaitingRequester
			cs.PausedAt = now
			cs.PauseReason = "clarification requested by letter"
		case kind == reply.Refusal && cs.Status != dsr.StatusRefused && dsr.CheckTransition(cs.Status, dsr.StatusRefused) == nil:
			details += fmt.Sprintf("; %s → refused", cs.Status)
			cs.Status = dsr.StatusRefused
			cs.Outcome = dr.Reason
		case cs.Status == dsr.StatusNew:
			details += "; new → in_progress"
			cs.Status = dsr.StatusInProgress
		}
		if err := tx.SaveCase(ctx, cs, cs.Version, d.opts.User, now); err != nil {
			return err
		}
		return tx.AppendEvent(ctx, &store.Event{CaseID: c.ID, At: now, Actor: d.opts.User, Kind: "reply.sent", Details: details})
	})
	if err != nil {
		return nil, &SentNotRecordedError{MessageID: msgID, Err: err}
	}
	sent := &SentReply{MessageID: msgID, Raw: raw}
	if m.SentCopy != nil {
		if cerr := m.SentCopy(ctx, raw, now); cerr != nil {
			sent.CopyErr = cerr
			_ = d.st.Write(ctx, func(tx *store.Tx) error {
				return tx.AppendEvent(ctx, &store.Event{CaseID: c.ID, At: d.opts.Now(), Actor: d.opts.User,
					Kind: "reply.copy_failed", Details: fmt.Sprintf("<%s> was sent but not filed in Sent: %v", msgID, cerr)})
			})
		}
	}
	return sent, nil
}

// letterFits refuses letters the case is not ready for: an extension notice
// before the case is extended, a refusal that no lead has approved.
func (d *Desk) letterFits(c *dsr.Case, kind reply.Kind) error {
	switch kind {
	case reply.Extension:
		if !c.Extended {
			return fmt.Errorf("%s is not extended: extend it (with the reason) before sending the notice", c.Ref)
		}
	case reply.Refusal:
		if c.Status != dsr.StatusRefused && !d.IsLead(d.opts.User) {
			return fmt.Errorf("%w: a refusal letter needs the refusal approved first (%s is %s)", ErrLeadOnly, c.Ref, c.Status)
		}
	}
	return nil
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
