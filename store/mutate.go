package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// ConflictError says a case changed since the caller read it: another desk
// on the same file saved first. The caller reloads and tries again.
type ConflictError struct {
	Ref string
	By  string
	At  time.Time
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s was changed by %s at %s — reloaded; please check and try again",
		e.Ref, e.By, e.At.Local().Format("15:04:05"))
}

const caseCols = `id, year, seq, requester, requester_name, subject, language, status, assignee,
	received_at, due_at, paused_at, pause_reason, paused_days, extended, extend_reason,
	closed_at, outcome, note, version, rights_confirmed, updated_by, updated_at, rights_detail`

func scanCase(row interface{ Scan(...any) error }) (*dsr.Case, error) {
	var c dsr.Case
	var st string
	var recv, due, paused, closed, ext, conf, upd int64
	var rights string
	err := row.Scan(&c.ID, &c.Ref.Year, &c.Ref.Seq, &c.Requester, &c.RequesterName, &c.Subject, &c.Language,
		&st, &c.Assignee, &recv, &due, &paused, &c.PauseReason, &c.PausedDays, &ext, &c.ExtendReason,
		&closed, &c.Outcome, &c.Note, &c.Version, &conf, &c.UpdatedBy, &upd, &rights)
	if err != nil {
		return nil, err
	}
	if c.Rights, err = parseRights(rights); err != nil {
		return nil, err
	}
	c.Status = dsr.Status(st)
	c.ReceivedAt, c.DueAt, c.PausedAt, c.ClosedAt = fromUnix(recv), fromUnix(due), fromUnix(paused), fromUnix(closed)
	c.Extended, c.RightsConfirmed = ext != 0, conf != 0
	c.UpdatedAt = fromUnix(upd)
	return &c, nil
}

// LoadCase reads a case with its rights inside the transaction.
func (t *Tx) LoadCase(ctx context.Context, id int64) (*dsr.Case, error) {
	c, err := scanCase(t.tx.QueryRowContext(ctx, `SELECT `+caseCols+` FROM cases WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("case %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: load case: %w", err)
	}
	return c, nil
}

// SaveCase writes c back if its version is still expected, and bumps the
// version. A mismatch is a *ConflictError naming who saved in between.
func (t *Tx) SaveCase(ctx context.Context, c *dsr.Case, expected int64, actor string, now time.Time) error {
	res, err := t.tx.ExecContext(ctx,
		`UPDATE cases SET status = ?, assignee = ?, due_at = ?, paused_at = ?, pause_reason = ?,
		   paused_days = ?, extended = ?, extend_reason = ?, closed_at = ?, outcome = ?, note = ?,
		   language = ?, rights_confirmed = ?, version = version + 1, updated_by = ?, updated_at = ?
		 WHERE id = ? AND version = ?`,
		string(c.Status), c.Assignee, unix(c.DueAt), unix(c.PausedAt), c.PauseReason, c.PausedDays,
		boolInt(c.Extended), c.ExtendReason, unix(c.ClosedAt), c.Outcome, c.Note, c.Language,
		boolInt(c.RightsConfirmed), actor, unix(now), c.ID, expected)
	if err != nil {
		return fmt.Errorf("store: save case: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		cur, err := t.LoadCase(ctx, c.ID)
		if err != nil {
			return err
		}
		return &ConflictError{Ref: cur.Ref.String(), By: cur.UpdatedBy, At: cur.UpdatedAt}
	}
	c.Version = expected + 1
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// StepDone is a ticked checklist step.
type StepDone struct {
	Step  string
	At    time.Time
	Actor string
	Note  string
}

// SetStep ticks (done) or unticks a checklist step.
func (t *Tx) SetStep(ctx context.Context, caseID int64, step string, done bool, actor, note string, now time.Time) error {
	var err error
	if done {
		_, err = t.tx.ExecContext(ctx,
			`INSERT INTO steps (case_id, step, done_at, actor, note) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT (case_id, step) DO UPDATE SET done_at = excluded.done_at, actor = excluded.actor, note = excluded.note`,
			caseID, step, unix(now), actor, note)
	} else {
		_, err = t.tx.ExecContext(ctx, `DELETE FROM steps WHERE case_id = ? AND step = ?`, caseID, step)
	}
	if err != nil {
		return fmt.Errorf("store: step: %w", err)
	}
	return nil
}

// Steps returns a case's ticked steps.
func (s *Store) Steps(ctx context.Context, caseID int64) ([]StepDone, error) {
	rows, err := s.read().QueryContext(ctx, `SELECT step, done_at, actor, note FROM steps WHERE case_id = ?`, caseID)
	if err != nil {
		return nil, fmt.Errorf("store: steps: %w", err)
	}
	defer rows.Close()
	var out []StepDone
	for rows.Next() {
		var sd StepDone
		var at int64
		if err := rows.Scan(&sd.Step, &at, &sd.Actor, &sd.Note); err != nil {
			return nil, err
		}
		sd.At = fromUnix(at)
		out = append(out, sd)
	}
	return out, rows.Err()
}

// AddSuppression puts addr on the list of addresses that must get no
// marketing. Adding it again keeps the first entry.
func (t *Tx) AddSuppression(ctx context.Context, addr string, caseID int64, reason string, now time.Time) (bool, error) {
	res, err := t.tx.ExecContext(ctx,
		`INSERT INTO suppressions (addr, added_at, case_id, reason) VALUES (?, ?, ?, ?) ON CONFLICT (addr) DO NOTHING`,
		addr, unix(now), caseID, reason)
	if err != nil {
		return false, fmt.Errorf("store: suppression: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// Suppression is one address on the suppression list.
type Suppression struct {
	Addr    string
	AddedAt time.Time
	Ref     string
	Reason  string
}

// Suppressions lists the suppression list, oldest first.
func (s *Store) Suppressions(ctx context.Context) ([]Suppression, error) {
	rows, err := s.read().QueryContext(ctx,
		`SELECT s.addr, s.added_at, coalesce(c.ref, ''), s.reason FROM suppressions s
		 LEFT JOIN cases c ON c.id = s.case_id ORDER BY s.added_at, s.addr`)
	if err != nil {
		return nil, fmt.Errorf("store: suppressions: %w", err)
	}
	defer rows.Close()
	var out []Suppression
	for rows.Next() {
		var sp Suppression
		var at int64
		if err := rows.Scan(&sp.Addr, &at, &sp.Ref, &sp.Reason); err != nil {
			return nil, err
		}
		sp.AddedAt = fromUnix(at)
		out = append(out, sp)
	}
	return out, rows.Err()
}

// RequestsBetween counts the requests (cases that are not "not a request")
// opened for requester with receipt in [from, to].
func (s *Store) RequestsBetween(ctx context.Context, requester string, from, to time.Time) (int, error) {
	var n int
	err := s.read().QueryRowContext(ctx,
		`SELECT count(*) FROM cases WHERE requester = ? AND received_at BETWEEN ? AND ? AND status <> 'not_a_request'`,
		requester, unix(from), unix(to)).Scan(&n)
	return n, err
}

// Confirmed is a case whose rights staff confirmed, with the text of the
// message that opened it: the learned classifier's training data.
type Confirmed struct {
	Ref     string
	Subject string
	Text    string
	Rights  []dsr.Right
}

// ConfirmedCases returns every case with confirmed rights, oldest first.
func (s *Store) ConfirmedCases(ctx context.Context) ([]Confirmed, error) {
	rows, err := s.read().QueryContext(ctx,
		`SELECT c.id, c.ref, coalesce(m.subject, c.subject), coalesce(m.text, ''),
		   c.rights
		 FROM cases c
		 LEFT JOIN messages m ON m.id = (SELECT id FROM messages WHERE case_id = c.id AND direction = 'in' ORDER BY received_at, id LIMIT 1)
		 WHERE c.rights_confirmed = 1 ORDER BY c.id`)
	if err != nil {
		return nil, fmt.Errorf("store: confirmed cases: %w", err)
	}
	defer rows.Close()
	var out []Confirmed
	for rows.Next() {
		var c Confirmed
		var id int64
		var rights int64
		if err := rows.Scan(&id, &c.Ref, &c.Subject, &c.Text, &rights); err != nil {
			return nil, err
		}
		c.Rights = dsr.RightSet(rights).List()
		out = append(out, c)
	}
	return out, rows.Err()
}
