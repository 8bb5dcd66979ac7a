package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Event is one audit entry.
type Event struct {
	ID       int64
	CaseID   int64 // 0 for desk-wide events
	At       time.Time
	Actor    string
	Kind     string
	Details  string
	PrevHash string
	Hash     string
}

// genesis is the previous hash of the first event.
const genesis = "0000000000000000000000000000000000000000000000000000000000000000"

// eventHash chains an event to its predecessor. Every field a reader relies
// on is covered, length-prefixed so no two different events hash alike.
func eventHash(prev string, e Event) string {
	h := sha256.New()
	write := func(s string) {
		h.Write([]byte(strconv.Itoa(len(s))))
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
	write(prev)
	write(strconv.FormatInt(e.CaseID, 10))
	write(strconv.FormatInt(e.At.UnixNano(), 10))
	write(e.Actor)
	write(e.Kind)
	write(e.Details)
	return hex.EncodeToString(h.Sum(nil))
}

// AppendEvent adds e to the audit chain. It must run in the transaction of
// the change it records, so the trail and the data never disagree.
func (t *Tx) AppendEvent(ctx context.Context, e *Event) error {
	prev := t.lastHash
	if prev == "" {
		prev = genesis
		err := t.tx.QueryRowContext(ctx, `SELECT hash FROM events ORDER BY id DESC LIMIT 1`).Scan(&prev)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: audit: %w", err)
		}
	}
	e.PrevHash = prev
	e.Hash = eventHash(prev, *e)
	var caseID any
	if e.CaseID != 0 {
		caseID = e.CaseID
	}
	res, err := t.tx.ExecContext(ctx,
		`INSERT INTO events (case_id, at, actor, kind, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		caseID, e.At.UnixNano(), e.Actor, e.Kind, e.Details, e.PrevHash, e.Hash)
	if err != nil {
		return fmt.Errorf("store: audit: %w", err)
	}
	e.ID, _ = res.LastInsertId()
	t.lastHash = e.Hash
	return nil
}

// Events returns a case's audit events, oldest first.
func (s *Store) Events(ctx context.Context, caseID int64) ([]Event, error) {
	return s.events(ctx, `WHERE case_id = ?`, caseID)
}

const eventCols = `id, coalesce(case_id, 0), at, actor, kind, details, prev_hash, hash`

// scanEvent reads one row of eventCols.
func scanEvent(rows *sql.Rows) (Event, error) {
	var e Event
	var at int64
	err := rows.Scan(&e.ID, &e.CaseID, &at, &e.Actor, &e.Kind, &e.Details, &e.PrevHash, &e.Hash)
	e.At = time.Unix(0, at).UTC()
	return e, err
}

func (s *Store) events(ctx context.Context, where string, args ...any) ([]Event, error) {
	rows, err := s.read().QueryContext(ctx, `SELECT `+eventCols+` FROM events `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: load events: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// ChainError names the first audit event that does not match the chain.
type ChainError struct {
	EventID int64
	Reason  string
}

func (e *ChainError) Error() string {
	return fmt.Sprintf("audit chain broken at event %d: %s", e.EventID, e.Reason)
}

// VerifyAudit walks the whole chain and returns a *ChainError for the first
// event whose hash or link does not match, and the number of events checked.
func (s *Store) VerifyAudit(ctx context.Context) (int, error) {
	rows, err := s.read().QueryContext(ctx, `SELECT `+eventCols+` FROM events ORDER BY id`)
	if err != nil {
		return 0, fmt.Errorf("store: audit: %w", err)
	}
	defer rows.Close()
	prev := genesis
	n := 0
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return n, err
		}
		if e.PrevHash != prev {
			return n, &ChainError{e.ID, "its link to the previous event does not match (an event was removed or altered)"}
		}
		if want := eventHash(prev, e); want != e.Hash {
			return n, &ChainError{e.ID, "its content does not match its hash (the row was edited)"}
		}
		prev = e.Hash
		n++
	}
	return n, rows.Err()
}
