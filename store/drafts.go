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

// DraftClaimTimeout is how long a claim holds: a desk that died while
// sending leaves its claim, and after this another may send the draft.
const DraftClaimTimeout = 10 * time.Minute

// ClaimDraft marks an unsent draft as being sent by by, so a second desk
// pressing send at the same moment is refused instead of sending it again.
func (s *Store) ClaimDraft(ctx context.Context, draftID int64, by string, now time.Time) error {
	if s.view != nil {
		return errView
	}
	res, err := s.db.ExecContext(ctx,
		`UPDATE drafts SET sending_by = ?, sending_at = ?
		 WHERE id = ? AND sent_at = 0 AND (sending_at = 0 OR sending_at < ?)`,
		by, unix(now), draftID, unix(now.Add(-DraftClaimTimeout)))
	if err != nil {
		return fmt.Errorf("store: claim draft: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var who string
		var sent int64
		if err := s.db.QueryRowContext(ctx, `SELECT sending_by, sent_at FROM drafts WHERE id = ?`, draftID).Scan(&who, &sent); err != nil {
			return fmt.Errorf("draft %d: %w", draftID, ErrNotFound)
		}
		if sent != 0 {
			return fmt.Errorf("draft %d was already sent", draftID)
		}
		return fmt.Errorf("%w (%s)", ErrDraftBusy, who)
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
	return scanDraft(s.db.QueryRowContext(ctx, `SELECT `+draftCols+` FROM drafts WHERE id = ?`, id))
}

// Drafts lists a case's unsent drafts, newest first.
func (s *Store) Drafts(ctx context.Context, caseID int64) ([]Draft, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+draftCols+` FROM drafts WHERE case_id = ? AND sent_at = 0 ORDER BY id DESC`, caseID)
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
	err := s.db.QueryRowContext(ctx,
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
