package desk

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/mail"
	"github.com/magnetharstad/pvdesk/store"
)

// Outcome says what Ingest did with a message.
type Outcome int

// Ingest outcomes.
const (
	OutcomeNewCase       Outcome = iota // opened a new case
	OutcomeThreaded                     // added to an existing case
	OutcomeAlreadyStored                // seen before; nothing written
)

func (o Outcome) String() string {
	switch o {
	case OutcomeNewCase:
		return "new case"
	case OutcomeThreaded:
		return "threaded"
	case OutcomeAlreadyStored:
		return "already stored"
	}
	return "unknown"
}

// IngestResult is what Ingest did with one message.
type IngestResult struct {
	Outcome  Outcome
	CaseID   int64
	Ref      string
	Warnings int
}

// Incoming is a message arriving from a mailbox.
type Incoming = mail.Fetched

// parsed is a fetched message with the work done outside the write lock:
// parsing and classifying are the slow part, so they happen before the
// transaction.
type parsed struct {
	in  Incoming
	msg *mail.Message
	cls classify.Result
	sha string // store.HashRaw of in.Raw
	// tag is the case reference in the subject ("PV-2026-0042"), upper
	// case, or "".
	tag string
	// opening is what a new case from this message would be: its due date
	// and the details of its audit event, worked out here, off the single
	// writer, when the message has its own receipt time (zero otherwise,
	// and ingest works them out from the desk's clock).
	opening opening
}

// opening is the part of opening a case that depends only on the message.
type opening struct {
	due     time.Time
	details string
}

// openingOf works out the due date and the audit details of a case opened
// from a message from addr received at received, classified as cls.
func openingOf(addr string, received time.Time, cls classify.Result) opening {
	due := deadline.Due(received)
	details := fmt.Sprintf("opened from message of %s received %s; rights: %s; due %s",
		addr, received.UTC().Format(time.RFC3339), dsr.JoinRights(cls.Rights()), deadline.Format(due))
	if cls.Reason != "" {
		details += "; not a request: " + cls.Reason
	}
	return opening{due: due, details: details}
}

func (d *Desk) prepare(in Incoming) parsed {
	m := mail.Parse(in.Raw)
	if in.HeaderOnly {
		m.Warnings = append(m.Warnings, fmt.Sprintf(
			"this message is %s, over the imap.max_message_bytes limit: only its headers were stored; read the whole message in the mailbox",
			sizeText(in.Size)))
	}
	cls := d.classify(classify.Input{
		Subject: m.Subject, Body: m.Text, From: m.From.Addr,
		AutoSubmitted: m.AutoSubmitted, ContentType: m.ContentType,
	})
	p := parsed{in: in, msg: m, cls: cls, sha: store.HashRaw(in.Raw)}
	if tag := refTag.FindStringSubmatch(m.Subject); tag != nil {
		p.tag = strings.ToUpper(tag[1])
	}
	if !in.InternalDate.IsZero() {
		p.opening = openingOf(m.From.Addr, in.InternalDate, cls)
	}
	return p
}

// sizeText gives a size in the unit that suits it: a limit set in bytes
// can be far below a megabyte, and "0.0 MB" would tell the handler nothing.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Ingest stores one message: it threads a follow-up onto its case or opens a
// new case, and never stores the same message twice.
func (d *Desk) Ingest(ctx context.Context, in Incoming) (IngestResult, error) {
	p := d.prepare(in)
	var res IngestResult
	err := d.st.Write(ctx, func(tx *store.Tx) error {
		var err error
		res, err = d.ingestTx(ctx, tx, p)
		return err
	})
	return res, err
}

// lookupIDs appends to ids the Message-IDs ingest looks up for m: its own
// and those it answers.
func lookupIDs(ids []string, m *mail.Message) []string {
	return append(append(append(ids, m.MessageID), m.InReplyTo...), m.References...)
}

var refTag = regexp.MustCompile(`(?i)\[(PV-\d{4}-\d{4,})\]`)

func (d *Desk) ingestTx(ctx context.Context, tx *store.Tx, p parsed) (IngestResult, error) {
	in, m := p.in, p.msg
	res := IngestResult{Warnings: len(m.Warnings)}

	// Seen before? The IMAP identity catches a re-fetch; the Message-ID (or,
	// without one, the content hash) catches the same mail under a new
	// UIDVALIDITY, in another mailbox or delivered twice.
	if in.UID != 0 {
		dup, err := tx.HasIMAP(ctx, in.Mailbox, in.UIDValidity, in.UID)
		if err != nil {
			return res, err
		}
		if dup {
			res.Outcome = OutcomeAlreadyStored
			return res, nil
		}
	}
	// One lookup serves both the Message-ID of this mail (seen before?)
	// and those it answers (which case?): intake makes it for every
	// message, and each statement costs more than its rows.
	sha := p.sha
	found, err := tx.MessagesByMessageID(ctx, lookupIDs(nil, m)...)
	if err != nil {
		return res, err
	}
	if m.MessageID != "" {
		for _, f := range found {
			// A Message-ID is only as unique as its sender makes it: the
			// same ID from another sender is a different message.
			if f.MessageID != m.MessageID {
				continue
			}
			if f.FromAddr == m.From.Addr || f.RawSHA256 == sha {
				res.Outcome, res.CaseID = OutcomeAlreadyStored, f.CaseID
				return res, nil
			}
		}
	} else {
		dups, err := tx.MessagesByHash(ctx, sha)
		if err != nil {
			return res, err
		}
		if len(dups) > 0 {
			res.Outcome, res.CaseID = OutcomeAlreadyStored, dups[0].CaseID
			return res, nil
		}
	}

	now := d.opts.Now()
	received := in.InternalDate
	if received.IsZero() {
		received = now
	}
	sm := &store.Message{
		Direction: "in", Mailbox: in.Mailbox, UIDValidity: in.UIDValidity, UID: in.UID,
		MessageID: m.MessageID, InReplyTo: m.InReplyTo, References: m.References,
		FromAddr: m.From.Addr, FromName: m.From.Name, Subject: m.Subject,
		SentAt: m.Date, ReceivedAt: received, Text: m.Text, Warnings: m.Warnings,
		Size: in.Size, Raw: in.Raw, RawSHA256: sha,
	}
	for _, a := range m.To {
		sm.To = append(sm.To, a.Addr)
	}
	for _, a := range m.Attachments {
		sm.Attachments = append(sm.Attachments, store.Attachment{Filename: a.Filename, ContentType: a.ContentType, Size: a.Size})
	}

	// Thread: the threading headers first, then a subject tag, which is
	// trusted only from the case's own requester, or anyone could add mail
	// to another person's case by copying a reference.
	var note string
	for _, f := range found {
		// Newest first, as the threading headers name them.
		if slices.Contains(m.InReplyTo, f.MessageID) || slices.Contains(m.References, f.MessageID) {
			return d.thread(ctx, tx, sm, f.CaseID, "threading headers", now)
		}
	}
	if ref := p.tag; ref != "" {
		c, err := tx.CaseByRef(ctx, ref)
		switch {
		case err == nil && strings.EqualFold(c.Requester, m.From.Addr):
			return d.thread(ctx, tx, sm, c.ID, "subject tag "+ref, now)
		case err == nil:
			note = fmt.Sprintf("The subject carries %s, but the sender %s is not that case's requester, so it was opened as a new case.", ref, m.From.Addr)
		}
	}
	op := p.opening
	if op.details == "" {
		op = openingOf(sm.FromAddr, received, p.cls)
	}
	return d.open(ctx, tx, sm, p.cls, op, note, now)
}

func (d *Desk) thread(ctx context.Context, tx *store.Tx, sm *store.Message, caseID int64, how string, now time.Time) (IngestResult, error) {
	sm.CaseID = caseID
	if err := tx.InsertMessage(ctx, sm); err != nil {
		return IngestResult{}, err
	}
	c, err := tx.CaseByID(ctx, caseID)
	if err != nil {
		return IngestResult{}, err
	}
	ev := &store.Event{CaseID: caseID, At: now, Actor: SystemActor, Kind: "message.threaded",
		Details: fmt.Sprintf("message from %s threaded by %s", sm.FromAddr, how)}
	if err := tx.AppendEvent(ctx, ev); err != nil {
		return IngestResult{}, err
	}
	// The requester answered while we waited for them (identity,
	// clarification): the clock runs again.
	if c.Status == dsr.StatusAwaitingRequester && strings.EqualFold(c.Requester, sm.FromAddr) {
		full, err := tx.LoadCase(ctx, caseID)
		if err != nil {
			return IngestResult{}, err
		}
		details := "the requester answered; " + resume(full, now) + "; awaiting_requester → in_progress"
		full.Status = dsr.StatusInProgress
		if err := tx.SaveCase(ctx, full, full.Version, SystemActor, now); err != nil {
			return IngestResult{}, err
		}
		if err := tx.AppendEvent(ctx, &store.Event{CaseID: caseID, At: now, Actor: SystemActor, Kind: "status", Details: details}); err != nil {
			return IngestResult{}, err
		}
	}
	return IngestResult{Outcome: OutcomeThreaded, CaseID: caseID, Ref: c.Ref, Warnings: len(sm.Warnings)}, nil
}

func (d *Desk) open(ctx context.Context, tx *store.Tx, sm *store.Message, cls classify.Result, op opening, note string, now time.Time) (IngestResult, error) {
	received := sm.ReceivedAt
	ref, err := tx.NextRef(ctx, received.In(deadline.Oslo).Year())
	if err != nil {
		return IngestResult{}, err
	}
	c := &dsr.Case{
		Ref: ref, Requester: sm.FromAddr, RequesterName: sm.FromName, Subject: sm.Subject,
		Language: cls.Language, Status: dsr.StatusNew, ReceivedAt: received,
		DueAt: op.due, Note: note,
	}
	for _, l := range cls.Labels {
		c.Rights = append(c.Rights, dsr.CaseRight{Right: l.Right, Source: dsr.SourceAuto, Confidence: l.Confidence, Evidence: l.Evidence})
	}
	if len(c.Rights) == 0 {
		// Still a case, so a handler can overrule the classifier.
		c.Status = dsr.StatusNotARequest
	}
	if err := tx.InsertCase(ctx, c, SystemActor, now); err != nil {
		return IngestResult{}, err
	}
	sm.CaseID = c.ID
	if err := tx.InsertMessage(ctx, sm); err != nil {
		return IngestResult{}, err
	}
	details := op.details
	if note != "" {
		details += "; " + note
	}
	if err := tx.AppendEvent(ctx, &store.Event{CaseID: c.ID, At: now, Actor: SystemActor, Kind: "case.opened", Details: details}); err != nil {
		return IngestResult{}, err
	}
	return IngestResult{Outcome: OutcomeNewCase, CaseID: c.ID, Ref: ref.String(), Warnings: len(sm.Warnings)}, nil
}

func mailAttachment(a store.Attachment) mail.Attachment {
	return mail.Attachment{Filename: a.Filename, ContentType: a.ContentType, Size: a.Size}
}
