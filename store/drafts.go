package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Draft is a reply being written or sent.
type Draft struct {
	ID        int64
	CaseID    int64
	Kind      string
	Language  string
	Subject   string
	Body      string
	Reason    string
	CreatedBy string
	UpdatedAt time.Time
	SentAt    time.Time // zero until sent
	MessageID int64     // the stored outbound message once sent
	LastError string
}

// SaveDraft inserts d (ID 0) or updates it; a sent draft cannot change.
func (s *Store) SaveDraft(ctx context.Context, d *Draft) error {
	return s.Write(ctx, func(tx *Tx) error { return tx.SaveDraft(ctx, d) })
}

// SaveDraft is Store.SaveDraft inside a transaction.
func (t *Tx) SaveDraft(ctx context.Context, d *Draft) error {
	if d.ID == 0 {
		res, err := t.tx.ExecContext(ctx,
			`INSERT INTO drafts (case_id, kind, language, subject, body, reason, created_by, updated_at, last_error)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			d.CaseID, d.Kind, d.Language, d.Subject, d.Body, d.Reason, d.CreatedBy, unix(d.UpdatedAt), d.LastError)
		if err != nil {
			return fmt.Errorf("store: save draft: %w", err)
		}
		d.ID, _ = res.LastInsertId()
		return nil
	}
	res, err := t.tx.ExecContext(ctx,
		`UPDATE drafts SET kind = ?, language = ?, subject = ?, body = ?, reason = ?, updated_at = ?, last_error = ?
		 WHERE id = ? AND sent_at = 0`,
		d.Kind, d.Language, d.Subject, d.Body, d.Reason, unix(d.UpdatedAt), d.LastError, d.ID)
	if err != nil {
		return fmt.Errorf("store: save draft: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("draft %d: already sent or %w", d.ID, ErrNotFound)
	}
	return nil
}

// MarkDraftSent records that d went out as the stored message msgID. A
// draft already marked sent is an error: it must not be recorded twice.
func (t *Tx) MarkDraftSent(ctx context.Context, draftID, msgID int64, at time.Time) error {
	res, err := t.tx.ExecContext(ctx,
		`UPDATE drafts SET sent_at = ?, message_id = ?, last_error = '', sending_by = '', sending_at = 0
		 WHERE id = ? AND sent_at = 0`, unix(at), msgID, draftID)
	if err != nil {
		return fmt.Errorf("store: mark draft sent: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("draft %d was already sent", draftID)
	}
	return nil
}

// ErrDraftBusy is returned when another desk is sending the draft.
var ErrDraftBusy = errors.New("the draft is being sent from another desk")

// DraftBusyError is ErrDraftBusy with who is sending it, when that is
// known; errors.Is(err, ErrDraftBusy) holds for it.
type DraftBusyError struct {
	By string // the user whose desk is sending; "" if another desk took over a stale claim
}

func (e *DraftBusyError) Error() string {
	if e.By == "" {
		return ErrDraftBusy.Error() + " (another desk took over the stale claim)"
	}
	return ErrDraftBusy.Error() + " (" + e.By + ")"
}

// Is makes errors.Is(err, ErrDraftBusy) hold.
func (e *DraftBusyError) Is(target error) bool { return target == ErrDraftBusy }

// DraftClaimTimeout is how long a claim holds: a desk that died while
// sending leaves its claim, and after this the draft is in doubt.
const DraftClaimTimeout = 10 * time.Minute

// DraftInDoubtError is a draft whose claim went stale: a desk began to
// send it and never recorded how that ended. It stopped before the SMTP
// server took the letter, or after; nothing here can tell which, so only a
// person who has checked may send it again (ClaimDraft with takeOver).
type DraftInDoubtError struct {
	DraftID int64
	By      string    // who began sending it
	At      time.Time // when
}

func (e *DraftInDoubtError) Error() string {
	return fmt.Sprintf("draft %d: %s began sending it at %s and never recorded the outcome; the letter may have gone out",
		e.DraftID, e.By, e.At.UTC().Format(time.RFC3339))
}

// ClaimDraft marks an unsent draft as being sent by by, so a second desk
// pressing send at the same moment is refused (ErrDraftBusy) instead of
// sending it again. A claim older than DraftClaimTimeout is taken over only
// with takeOver; without, it is a *DraftInDoubtError.
func (s *Store) ClaimDraft(ctx context.Context, draftID int64, by string, now time.Time, takeOver bool) error {
	if s.view != nil {
		return errView
	}
	res, err := s.db.ExecContext(ctx,
		`UPDATE drafts SET sending_by = ?, sending_at = ? WHERE id = ? AND sent_at = 0 AND sending_at = 0`,
		by, unix(now), draftID)
	if err != nil {
		return fmt.Errorf("store: claim draft: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil
	}
	var who string
	var sent, since int64
	if err := s.db.QueryRowContext(ctx, `SELECT sending_by, sending_at, sent_at FROM drafts WHERE id = ?`, draftID).Scan(&who, &since, &sent); err != nil {
		return fmt.Errorf("draft %d: %w", draftID, ErrNotFound)
	}
	switch {
	case sent != 0:
		return fmt.Errorf("draft %d was already sent", draftID)
	case since == 0:
		// Released between the two statements: try once more.
		return s.ClaimDraft(ctx, draftID, by, now, takeOver)
	case since >= unix(now.Add(-DraftClaimTimeout)):
		return &DraftBusyError{By: who}
	case !takeOver:
		return &DraftInDoubtError{DraftID: draftID, By: who, At: fromUnix(since)}
	}
	// Take over exactly the stale claim that was read, or another desk
	// that took it over meanwhile would be sending beside this one.
	res, err = s.db.ExecContext(ctx,
		`UPDATE drafts SET sending_by = ?, sending_at = ? WHERE id = ? AND sent_at = 0 AND sending_at = ? AND sending_by = ?`,
		by, unix(now), draftID, since, who)
	if err != nil {
		return fmt.Errorf("store: claim draft: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return &DraftBusyError{}
	}
	return nil
}

// SetDraftError records why sending d failed and releases the claim; the
// draft stays.
func (s *Store) SetDraftError(ctx context.Context, draftID int64, msg string) error {
	if s.view != nil {
		return errView
	}
	_, err := s.db.ExecContext(ctx, `UPDATE drafts SET last_error = ?, sending_by = '', sending_at = 0 WHERE id = ?`, msg, draftID)
	return err
}

const draftCols = `id, case_id, kind, language, subject, body, reason, created_by, updated_at, sent_at, coalesce(message_id, 0), last_error`

func scanDraft(row interface{ Scan(...any) error }) (*Draft, error) {
	var d Draft
	var upd, sent int64
	err := row.Scan(&d.ID, &d.CaseID, &d.Kind, &d.Language, &d.Subject, &d.Body, &d.Reason, &d.CreatedBy, &upd, &sent, &d.MessageID, &d.LastError)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	d.UpdatedAt, d.SentAt = fromUnix(upd), fromUnix(sent)
	return &d, nil
}

// Draft loads one draft.
func (s *Store) Draft(ctx context.Context, id int64) (*Draft, error) {
	return scanDraft(s.read().QueryRowContext(ctx, `SELECT `+draftCols+` FROM drafts WHERE id = ?`, id))
}

// Drafts lists a case's unsent drafts, newest first.
func (s *Store) Drafts(ctx context.Context, caseID int64) ([]Draft, error) {
	rows, err := s.read().QueryContext(ctx, `SELECT `+draftCols+` FROM drafts WHERE case_id = ? AND sent_at = 0 ORDER BY id DESC`, caseID)
	if err != nil {
		return nil, fmt.Errorf("store: drafts: %w", err)
	}
	defer rows.Close()
	var out []Draft
	for rows.Next() {
		d, err := scanDraft(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *d)
	}
	return out, rows.Err()
}

// LatestInbound is the newest message from the requester's side of a case,
// whose Message-ID a reply answers.
func (s *Store) LatestInbound(ctx context.Context, caseID int64) (*Message, error) {
	var m Message
	var irt, refs string
	err := s.read().QueryRowContext(ctx,
		`SELECT id, message_id, refs, in_reply_to, subject, from_addr, from_name FROM messages
		 WHERE case_id = ? AND direction = 'in' ORDER BY received_at DESC, id DESC LIMIT 1`, caseID).
		Scan(&m.ID, &m.MessageID, &refs, &irt, &m.Subject, &m.FromAddr, &m.FromName)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	m.References = strings.Fields(refs)
	m.InReplyTo = strings.Fields(irt)
	return &m, nil
}
