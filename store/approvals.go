package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Approval is a handler's request for an extension or a refusal, and the
// lead's decision once made.
type Approval struct {
	ID           int64
	CaseID       int64
	Ref          string
	Kind         string // "extension" or "refusal"
	Reason       string
	RequestedBy  string
	RequestedAt  time.Time
	DecidedBy    string
	DecidedAt    time.Time
	Approved     bool
	DecisionNote string
}

// ErrPending is returned when the case already has a pending request of
// that kind.
var ErrPending = errors.New("a request of this kind is already waiting for a lead")

// RequestApproval records a pending request.
func (t *Tx) RequestApproval(ctx context.Context, a *Approval) error {
	res, err := t.tx.ExecContext(ctx,
		`INSERT INTO approvals (case_id, kind, reason, requested_by, requested_at) VALUES (?, ?, ?, ?, ?)`,
		a.CaseID, a.Kind, a.Reason, a.RequestedBy, unix(a.RequestedAt))
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return ErrPending
		}
		return fmt.Errorf("store: request approval: %w", err)
	}
	a.ID, _ = res.LastInsertId()
	return nil
}

// LoadApproval reads one approval inside the transaction.
func (t *Tx) LoadApproval(ctx context.Context, id int64) (*Approval, error) {
	return scanApproval(t.tx.QueryRowContext(ctx, approvalSelect+` WHERE a.id = ?`, id))
}

// DecideApproval records the lead's decision on a pending request.
func (t *Tx) DecideApproval(ctx context.Context, id int64, by string, approved bool, note string, now time.Time) error {
	res, err := t.tx.ExecContext(ctx,
		`UPDATE approvals SET decided_by = ?, decided_at = ?, approved = ?, decision_note = ? WHERE id = ? AND decided_at = 0`,
		by, unix(now), boolInt(approved), note, id)
	if err != nil {
		return fmt.Errorf("store: decide approval: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("approval %d: already decided or %w", id, ErrNotFound)
	}
	return nil
}

const approvalSelect = `SELECT a.id, a.case_id, c.ref, a.kind, a.reason, a.requested_by, a.requested_at,
	a.decided_by, a.decided_at, a.approved, a.decision_note FROM approvals a JOIN cases c ON c.id = a.case_id`

func scanApproval(row interface{ Scan(...any) error }) (*Approval, error) {
	var a Approval
	var req, dec, ok int64
	err := row.Scan(&a.ID, &a.CaseID, &a.Ref, &a.Kind, &a.Reason, &a.RequestedBy, &req, &a.DecidedBy, &dec, &ok, &a.DecisionNote)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	a.RequestedAt, a.DecidedAt, a.Approved = fromUnix(req), fromUnix(dec), ok != 0
	return &a, nil
}

// PendingApprovals lists the requests waiting for a lead, oldest first.
func (s *Store) PendingApprovals(ctx context.Context) ([]Approval, error) {
	return s.approvals(ctx, ` WHERE a.decided_at = 0 ORDER BY a.requested_at, a.id`)
}

// CaseApprovals lists a case's requests, oldest first.
func (s *Store) CaseApprovals(ctx context.Context, caseID int64) ([]Approval, error) {
	return s.approvals(ctx, ` WHERE a.case_id = ? ORDER BY a.requested_at, a.id`, caseID)
}

func (s *Store) approvals(ctx context.Context, where string, args ...any) ([]Approval, error) {
	rows, err := s.read().QueryContext(ctx, approvalSelect+where, args...)
	if err != nil {
		return nil, fmt.Errorf("store: approvals: %w", err)
	}
	defer rows.Close()
	var out []Approval
	for rows.Next() {
		a, err := scanApproval(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *a)
	}
	return out, rows.Err()
}
