package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// The queries behind desk.Figures and desk.Overview. They lean on the
// columns, triggers and partial indexes of migration 0006: a request is a
// case with is_request = 1; answered_at and refused_at are its first answer
// and first refusal; ended_at is when it last left the open statuses (0
// while open, never before received_at). Each query repeats
// "is_request = 1" so that SQLite can use those indexes, and each counts in
// SQLite what can be counted there: a row that crosses into Go costs far
// more than a step through an index.

// Snapshot reads the figures of a report from one consistent state of the
// store, so that they add up even while desks keep working: a request
// answered between two queries is not counted once as open and once as
// answered. Begin one with Store.ReadSnapshot.
type Snapshot struct {
	tx *sql.Tx
}

// ReadSnapshot runs fn in one read-only transaction. It takes no write
// lock (a read-only transaction begins deferred, whatever _txlock says),
// and under WAL it neither blocks the desks that write nor waits for them.
func (s *Store) ReadSnapshot(ctx context.Context, fn func(*Snapshot) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store: begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(&Snapshot{tx: tx})
}

// openStatuses is the WHERE of the partial index cases_open_due, word for
// word: SQLite uses a partial index only when the query's WHERE visibly
// implies the index's.
const openStatuses = `status IN ('new', 'in_progress', 'awaiting_requester')`

// ReceivedCounts is what one interval of a period received: the requests,
// and for each right the requests invoking it (a request with two rights
// counts under both).
type ReceivedCounts struct {
	Total    int
	PerRight map[dsr.Right]int // only rights with a count
}

// CountReceived counts the requests received in each interval
// [bounds[i], bounds[i+1]), so n+1 bounds give n counts.
//
// A desk sees few distinct sets of rights (a dozen or two), so the counting
// is one count per set and interval, each a range of the index
// cases_requests_rights on (rights, received_at): SQLite steps through each
// request once and aggregates nothing but a count, and Go splits each set
// into its rights. Grouping a year of requests by set, or summing a bit per
// right, costs three to five times as much: SQLite's sorter and aggregate
// steps are the dear part.
func (s *Snapshot) CountReceived(ctx context.Context, bounds []time.Time) ([]ReceivedCounts, error) {
	if len(bounds) < 2 {
		return nil, nil
	}
	n := len(bounds) - 1
	args := make([]any, 0, 3*n)
	for i := 0; i < n; i++ {
		args = append(args, i, unix(bounds[i]), unix(bounds[i+1]))
	}
	rows, err := s.tx.QueryContext(ctx, countReceivedQuery(n), args...)
	if err != nil {
		return nil, fmt.Errorf("store: count received: %w", err)
	}
	defer rows.Close()
	out := make([]ReceivedCounts, n)
	for i := range out {
		out[i].PerRight = map[dsr.Right]int{}
	}
	for rows.Next() {
		var i, rights, count int
		if err := rows.Scan(&i, &rights, &count); err != nil {
			return nil, fmt.Errorf("store: count received: %w", err)
		}
		if count == 0 {
			continue
		}
		out[i].Total += count
		for _, r := range dsr.RightSet(rights).List() {
			out[i].PerRight[r] += count
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: count received: %w", err)
	}
	return out, nil
}

// countReceivedQuery counts, for n intervals given as (i, lo, hi)
// parameter triples, the requests of each set of rights received in each.
func countReceivedQuery(n int) string {
	var q strings.Builder
	writeIntervals(&q, n)
	// The sets are read once (MATERIALIZED, and CROSS JOIN keeps them the
	// outer loop); left to itself SQLite re-reads them for every interval.
	q.WriteString(`), r(rights) AS MATERIALIZED (SELECT DISTINCT rights FROM cases WHERE is_request = 1)
		SELECT b.i, r.rights, (SELECT count(*) FROM cases c
			WHERE c.is_request = 1 AND c.rights = r.rights AND c.received_at >= b.lo AND c.received_at < b.hi)
		FROM r CROSS JOIN b`)
	return q.String()
}

// AnswerRow is an answered request: when it came, when it was due and
// when it was first answered or refused.
type AnswerRow struct {
	ReceivedAt time.Time
	DueAt      time.Time
	AnsweredAt time.Time
}

const answeredQuery = `SELECT received_at, due_at, answered_at FROM cases
	WHERE is_request = 1 AND received_at >= ? AND received_at < ? AND answered_at <> 0`

// AnsweredEach calls fn for each answered (or refused) request received in
// [from, to), in no particular order; the row is reused between calls.
// Answers need Oslo calendar days, which SQLite cannot count, so these rows
// come to Go; they are read from the covering index alone.
func (s *Snapshot) AnsweredEach(ctx context.Context, from, to time.Time, fn func(*AnswerRow)) error {
	rows, err := s.tx.QueryContext(ctx, answeredQuery, unix(from), unix(to))
	if err != nil {
		return fmt.Errorf("store: answered requests: %w", err)
	}
	defer rows.Close()
	var r AnswerRow
	var recv, due, ans int64
	for rows.Next() {
		if err := rows.Scan(&recv, &due, &ans); err != nil {
			return fmt.Errorf("store: answered requests: %w", err)
		}
		r.ReceivedAt, r.DueAt, r.AnsweredAt = fromUnix(recv), fromUnix(due), fromUnix(ans)
		fn(&r)
	}
	return rows.Err()
}

// ReasonRow is a request that was extended or refused, with what was said
// about it.
type ReasonRow struct {
	ID           int64
	Ref          string
	Extended     bool
	ExtendReason string
	Refused      bool
	Outcome      string
}

// reasonsWhere is the WHERE of the partial index cases_requests_reasons.
const reasonsWhere = `is_request = 1 AND (extended = 1 OR refused_at <> 0)`

const reasonsQuery = `SELECT id, ref, extended, extend_reason, refused_at <> 0, outcome FROM cases
	WHERE ` + reasonsWhere + ` AND received_at >= ? AND received_at < ?
	ORDER BY received_at, id`

// Reasons lists the requests received in [from, to) that were extended or
// refused, in order of receipt, from the partial index of just those.
func (s *Snapshot) Reasons(ctx context.Context, from, to time.Time) ([]ReasonRow, error) {
	rows, err := s.tx.QueryContext(ctx, reasonsQuery, unix(from), unix(to))
	if err != nil {
		return nil, fmt.Errorf("store: reasons: %w", err)
	}
	defer rows.Close()
	var out []ReasonRow
	for rows.Next() {
		var r ReasonRow
		if err := rows.Scan(&r.ID, &r.Ref, &r.Extended, &r.ExtendReason, &r.Refused, &r.Outcome); err != nil {
			return nil, fmt.Errorf("store: reasons: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

const statusEventsQuery = `SELECT case_id, details FROM events
	WHERE case_id IN (SELECT value FROM json_each(?)) AND kind = 'status'
	ORDER BY case_id, id`

// StatusEvents returns the details of the status events of the given
// cases, by case id, oldest first: the desk reads the reason given with a
// refusal from them. The ids travel as one JSON array, so there is no
// limit on their number, and each is one lookup in events_case.
func (s *Snapshot) StatusEvents(ctx context.Context, caseIDs []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(caseIDs) == 0 {
		return out, nil
	}
	ids, err := json.Marshal(caseIDs)
	if err != nil {
		return nil, err
	}
	rows, err := s.tx.QueryContext(ctx, statusEventsQuery, string(ids))
	if err != nil {
		return nil, fmt.Errorf("store: status events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var details string
		if err := rows.Scan(&id, &details); err != nil {
			return nil, fmt.Errorf("store: status events: %w", err)
		}
		out[id] = append(out[id], details)
	}
	return out, rows.Err()
}

// OpenRequestsAt counts, for each instant t in at (ascending), the requests
// open at t: received before t and not ended before t. A request that
// ended exactly at t still counts as open at t.
//
// Since ended_at is never before received_at, open(t) = received(t) −
// ended(t), two counts of everything before t. Counting each interval
// between the instants once (and everything before the first) and adding
// up in Go reads every index entry before the last instant once, and no
// row: cheap steps, where comparing each request with each instant would
// cost a dozen expressions per request.
func (s *Snapshot) OpenRequestsAt(ctx context.Context, at []time.Time) ([]int, error) {
	if len(at) == 0 {
		return nil, nil
	}
	args := make([]any, 0, 3*len(at))
	var lo int64
	for i, t := range at {
		args = append(args, i, lo, unix(t))
		lo = unix(t)
	}
	rows, err := s.tx.QueryContext(ctx, openRequestsQuery(len(at)), args...)
	if err != nil {
		return nil, fmt.Errorf("store: open requests: %w", err)
	}
	defer rows.Close()
	received := make([]int, len(at))
	ended := make([]int, len(at))
	for rows.Next() {
		var i, r, e int
		if err := rows.Scan(&i, &r, &e); err != nil {
			return nil, fmt.Errorf("store: open requests: %w", err)
		}
		received[i], ended[i] = r, e
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: open requests: %w", err)
	}
	out := make([]int, len(at))
	open := 0
	for i := range at {
		open += received[i] - ended[i]
		out[i] = open
	}
	return out, nil
}

// openRequestsQuery counts, for n intervals given as (i, lo, hi) parameter
// triples, the requests received and those ended in each; the first
// interval starts at 0, and ended_at = 0 (still open) is left out, as the
// partial index cases_requests_ended leaves it out ("ended_at <> 0" word
// for word, or SQLite would not use that index). Not "ended_at > 0": the
// planner may take that constant as the lower end of the range and count
// from the first ended request in every interval, which made the figures
// of a year three times slower.
func openRequestsQuery(n int) string {
	var q strings.Builder
	writeIntervals(&q, n)
	q.WriteString(`) SELECT b.i,
		(SELECT count(*) FROM cases WHERE is_request = 1 AND received_at >= b.lo AND received_at < b.hi),
		(SELECT count(*) FROM cases WHERE is_request = 1 AND ended_at <> 0 AND ended_at >= b.lo AND ended_at < b.hi)
		FROM b`)
	return q.String()
}

// OpenCase is an open case as the lead's overview needs it: the inbox row
// and the state of its clock.
type OpenCase struct {
	CaseRow
	PausedAt    time.Time // zero unless the clock stands still
	PauseReason string
	PausedDays  int // days of earlier pauses, already in DueAt
}

const openCasesQuery = `SELECT id, ref, requester, requester_name, subject, rights, status, assignee,
	  received_at, due_at, paused_at, pause_reason, paused_days, extended
	FROM cases
	WHERE ` + openStatuses

// OpenCasesEach calls fn for each open case (new, in_progress,
// awaiting_requester) by due date, then id. It reads through the partial
// index cases_open_due, so its cost follows the open cases only, however
// many closed ones the file holds. The row is reused between calls.
func (s *Store) OpenCasesEach(ctx context.Context, fn func(*OpenCase) error) error {
	rows, err := s.read().QueryContext(ctx, openCasesQuery+` ORDER BY due_at, id`)
	return scanOpenCases(rows, err, fn)
}

// OpenUnansweredEach calls fn for each open request received in [from, to)
// that was never answered (a reopened case keeps its first answer), in no
// particular order. Open cases are always requests, and few: this too
// reads through cases_open_due. The row is reused between calls.
func (s *Snapshot) OpenUnansweredEach(ctx context.Context, from, to time.Time, fn func(*OpenCase) error) error {
	rows, err := s.tx.QueryContext(ctx, openCasesQuery+` AND answered_at = 0 AND received_at >= ? AND received_at < ?`,
		unix(from), unix(to))
	return scanOpenCases(rows, err, fn)
}

func scanOpenCases(rows *sql.Rows, err error, fn func(*OpenCase) error) error {
	if err != nil {
		return fmt.Errorf("store: open cases: %w", err)
	}
	defer rows.Close()
	var r OpenCase
	for rows.Next() {
		var rights, recv, due, paused, ext int64
		var st string
		if err := rows.Scan(&r.ID, &r.Ref, &r.Requester, &r.RequesterName, &r.Subject, &rights, &st,
			&r.Assignee, &recv, &due, &paused, &r.PauseReason, &r.PausedDays, &ext); err != nil {
			return fmt.Errorf("store: open cases: %w", err)
		}
		r.Rights = dsr.RightSet(rights)
		r.Status = dsr.Status(st)
		r.ReceivedAt, r.DueAt, r.PausedAt = fromUnix(recv), fromUnix(due), fromUnix(paused)
		r.Paused, r.Extended = paused != 0, ext != 0
		if err := fn(&r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// writeIntervals opens a query over n intervals given as (i, lo, hi)
// parameter triples: "WITH b(i, lo, hi) AS (VALUES (?, ?, ?), ..." with
// the VALUES list left open for the caller to close.
func writeIntervals(q *strings.Builder, n int) {
	q.WriteString(`WITH b(i, lo, hi) AS (VALUES `)
	for i := 0; i < n; i++ {
		if i > 0 {
			q.WriteString(`, `)
		}
		q.WriteString(`(?, ?, ?)`)
	}
}
