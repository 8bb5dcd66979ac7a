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

// MarkDraftSent records that d went out as the stored message msgID.
func (t *Tx) MarkDraftSent(ctx context.Context, draftID, msgID int64, at time.Time) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE drafts SET sent_at = ?, message_id = ?, last_error = '' WHERE id = ?`,
		unix(at), msgID, draftID)
	return err
}

// SetDraftError records why sending d failed; the draft stays.
func (s *Store) SetDraftError(ctx context.Context, draftID int64, msg string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE drafts SET last_error = ? WHERE id = ?`, msg, draftID)
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
