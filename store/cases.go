package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// ErrNotFound is returned when a case or message does not exist.
var ErrNotFound = errors.New("not found")

// CaseRow is one line of the inbox: just what the list draws and filters on,
// because the inbox holds one per case.
type CaseRow struct {
	ID            int64
	Ref           string
	Requester     string
	RequesterName string
	Subject       string
	Rights        dsr.RightSet
	Status        dsr.Status
	Assignee      string
	ReceivedAt    time.Time
	DueAt         time.Time
	Paused        bool
	Extended      bool
}

// InboxQuery selects the rows of the inbox.
type InboxQuery struct {
	OpenOnly   bool   // only new, in_progress and awaiting_requester
	Assignee   string // only cases assigned to this user
	Unassigned bool   // only cases without an assignee
	Limit      int    // at most this many rows (0: all); the first screen needs few
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func fromUnix(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0).UTC()
}

// NextRef allocates the next case reference of year. The transaction holds
// the write lock, so it reads the year's counter once and counts on in
// memory; Store.Write saves the counter before it commits. An intake of
// thousands of cases spares a statement per case that way.
func (t *Tx) NextRef(ctx context.Context, year int) (dsr.Ref, error) {
	last, ok := t.seqs[year]
	if !ok {
		err := t.tx.QueryRowContext(ctx, `SELECT last FROM case_seq WHERE year = ?`, year).Scan(&last)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return dsr.Ref{}, fmt.Errorf("store: next case number: %w", err)
		}
		if t.seqs == nil {
			t.seqs = make(map[int]int)
		}
	}
	last++
	t.seqs[year] = last
	return dsr.Ref{Year: year, Seq: last}, nil
}

// saveSeqs writes back the counters NextRef moved.
func (t *Tx) saveSeqs(ctx context.Context) error {
	for year, last := range t.seqs {
		if _, err := t.tx.ExecContext(ctx,
			`INSERT INTO case_seq (year, last) VALUES (?, ?)
			 ON CONFLICT (year) DO UPDATE SET last = excluded.last`, year, last); err != nil {
			return fmt.Errorf("store: save case number: %w", err)
		}
	}
	return nil
}

// InsertCase stores a new case with its rights and sets c.ID and c.Version.
// The inbox mask goes in with the row: a new case has no rights to delete
// and no mask to update, which spares intake two statements per case. So
// does the report's is_request (see migration 0008): mail that is not a
// request is not counted as one from the start.
func (t *Tx) InsertCase(ctx context.Context, c *dsr.Case, actor string, now time.Time) error {
	isRequest := 1
	if c.Status == dsr.StatusNotARequest {
		isRequest = 0
	}
	res, err := t.tx.ExecContext(ctx,
		`INSERT INTO cases (year, seq, ref, requester, requester_name, subject, language,
		   status, rights, rights_detail, assignee, received_at, due_at, note, version, updated_by, updated_at, is_request)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
		c.Ref.Year, c.Ref.Seq, c.Ref.String(), c.Requester, c.RequesterName, c.Subject, c.Language,
		string(c.Status), int64(rightMask(c.Rights)), rightsJSON(c.Rights), c.Assignee, unix(c.ReceivedAt), unix(c.DueAt),
		c.Note, actor, unix(now), isRequest)
	if err != nil {
		return fmt.Errorf("store: insert case %s: %w", c.Ref, err)
	}
	c.ID, _ = res.LastInsertId()
	c.Version = 1
	return nil
}

// rightMask is the inbox mask of rights; dsr.None is not a right.
func rightMask(rights []dsr.CaseRight) dsr.RightSet {
	var mask dsr.RightSet
	for _, r := range rights {
		if r.Right != dsr.None {
			mask |= dsr.NewRightSet(r.Right)
		}
	}
	return mask
}

// SetRights replaces the rights of a case and its inbox mask.
func (t *Tx) SetRights(ctx context.Context, caseID int64, rights []dsr.CaseRight) error {
	if _, err := t.tx.ExecContext(ctx, `UPDATE cases SET rights = ?, rights_detail = ? WHERE id = ?`,
		int64(rightMask(rights)), rightsJSON(rights), caseID); err != nil {
		return fmt.Errorf("store: set rights: %w", err)
	}
	return nil
}

// storedRight is one element of cases.rights_detail (migration 0011), the
// rights of a case with where each came from.
type storedRight struct {
	Right      dsr.Right  `json:"right"`
	Source     dsr.Source `json:"source"`
	Confidence float64    `json:"confidence"`
	Evidence   phrases    `json:"evidence"`
}

// phrases is the evidence of a stored right. Evidence that is not a list
// of phrases (a hand edit) reads as none rather than keeping the case shut.
type phrases []string

func (p *phrases) UnmarshalJSON(b []byte) error {
	var list []string
	if json.Unmarshal(b, &list) != nil {
		list = nil
	}
	*p = list
	return nil
}

// rightsJSON is the rights_detail of a case with rights; dsr.None is not
// a right and is left out, as from the mask.
func rightsJSON(rights []dsr.CaseRight) string {
	out := make([]storedRight, 0, len(rights))
	for _, r := range rights {
		if r.Right == dsr.None {
			continue
		}
		ev := r.Evidence
		if ev == nil {
			ev = []string{}
		}
		out = append(out, storedRight{Right: r.Right, Source: r.Source, Confidence: r.Confidence, Evidence: phrases(ev)})
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// parseRights reads rights_detail back, in the order of the rights (as
// dsr.Right.Order gives). A value that is not a JSON array of rights is an
// error: a case shown without its rights would mislead.
func parseRights(detail string) ([]dsr.CaseRight, error) {
	var stored []storedRight
	if err := json.Unmarshal([]byte(detail), &stored); err != nil {
		return nil, fmt.Errorf("store: the rights of the case are unreadable: %w", err)
	}
	var out []dsr.CaseRight
	for _, r := range stored {
		out = append(out, dsr.CaseRight{Right: r.Right, Source: r.Source, Confidence: r.Confidence, Evidence: r.Evidence})
	}
	slices.SortStableFunc(out, func(a, b dsr.CaseRight) int { return cmp.Compare(a.Right.Order(), b.Right.Order()) })
	return out, nil
}

// CaseRef is the little Ingest needs to know of a case to thread onto it.
type CaseRef struct {
	ID        int64
	Ref       string
	Requester string
	Status    dsr.Status
}

// CaseByRef finds a case by its reference inside the transaction.
func (t *Tx) CaseByRef(ctx context.Context, ref string) (CaseRef, error) {
	return t.caseRef(ctx, `ref = ?`, ref)
}

// CaseByID finds a case by id inside the transaction.
func (t *Tx) CaseByID(ctx context.Context, id int64) (CaseRef, error) {
	return t.caseRef(ctx, `id = ?`, id)
}

func (t *Tx) caseRef(ctx context.Context, where string, arg any) (CaseRef, error) {
	var c CaseRef
	var st string
	err := t.tx.QueryRowContext(ctx, `SELECT id, ref, requester, status FROM cases WHERE `+where, arg).
		Scan(&c.ID, &c.Ref, &c.Requester, &st)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	c.Status = dsr.Status(st)
	return c, err
}

const inboxCols = `id, ref, requester, requester_name, subject, rights, status, assignee,
	received_at, due_at, paused_at, extended`

// Inbox returns the inbox rows sorted by due date (then id). Open cases use
// a partial index, so the query reads only open cases however many closed
// ones the file holds.
func (s *Store) Inbox(ctx context.Context, q InboxQuery) ([]CaseRow, error) {
	var out []CaseRow
	err := s.InboxEach(ctx, q, func(r *CaseRow) error {
		out = append(out, *r)
		return nil
	})
	return out, err
}

// InboxEach calls fn for each inbox row in order, without building a slice:
// a caller that keeps its own compact form of the rows (the TUI) then holds
// one copy of 100,000 cases, not two. The row passed is reused.
func (s *Store) InboxEach(ctx context.Context, q InboxQuery, fn func(*CaseRow) error) error {
	var where []string
	var args []any
	if q.OpenOnly {
		where = append(where, `status IN ('new', 'in_progress', 'awaiting_requester')`)
	}
	if q.Assignee != "" {
		where = append(where, `assignee = ?`)
		args = append(args, q.Assignee)
	}
	if q.Unassigned {
		where = append(where, `assignee = ''`)
	}
	query := `SELECT ` + inboxCols + ` FROM cases`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	query += ` ORDER BY due_at, id`
	if q.Limit > 0 {
		query += fmt.Sprintf(` LIMIT %d`, q.Limit)
	}
	rows, err := s.read().QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("store: list cases: %w", err)
	}
	defer rows.Close()
	var r CaseRow
	for rows.Next() {
		var rights, recv, due, paused, ext int64
		var st string
		if err := rows.Scan(&r.ID, &r.Ref, &r.Requester, &r.RequesterName, &r.Subject, &rights, &st,
			&r.Assignee, &recv, &due, &paused, &ext); err != nil {
			return fmt.Errorf("store: list cases: %w", err)
		}
		r.Rights = dsr.RightSet(rights)
		r.Status = dsr.Status(st)
		r.ReceivedAt, r.DueAt = fromUnix(recv), fromUnix(due)
		r.Paused, r.Extended = paused != 0, ext != 0
		if err := fn(&r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CaseIDByRef returns the id of the case with reference ref.
func (s *Store) CaseIDByRef(ctx context.Context, ref string) (int64, error) {
	var id int64
	err := s.read().QueryRowContext(ctx, `SELECT id FROM cases WHERE ref = ?`, ref).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("case %s: %w", ref, ErrNotFound)
	}
	return id, err
}

// Case loads one case with its rights.
func (s *Store) Case(ctx context.Context, id int64) (*dsr.Case, error) {
	c, err := scanCase(s.read().QueryRowContext(ctx, `SELECT `+caseCols+` FROM cases WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("case %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: load case: %w", err)
	}
	return c, nil
}

// CountCases returns the number of cases, for summaries and tests.
func (s *Store) CountCases(ctx context.Context) (int, error) {
	var n int
	err := s.read().QueryRowContext(ctx, `SELECT count(*) FROM cases`).Scan(&n)
	return n, err
}
