package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// TestRebuildOfCasesKeepsEverything fills a database as migration 0009 left
// it (cases with rights, messages, steps, audit events, moved statuses),
// then opens it with every migration: 0010 rebuilds the cases table, and
// every row, child row, audit event and report column comes through as it
// was, the trigger still keeps the report columns, ref is still unique,
// foreign keys are enforced again, and (year, seq) has no index left.
func TestRebuildOfCasesKeepsEverything(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(ctx, path, 9, checkpointPause)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var ids []int64
	err = old.Write(ctx, func(tx *Tx) error {
		for i := range 40 {
			ref, err := tx.NextRef(ctx, 2025+i%2)
			if err != nil {
				return err
			}
			c := &dsr.Case{Ref: ref, Requester: fmt.Sprintf("p%d@example.no", i%7), Subject: fmt.Sprintf("Innsyn %d", i),
				Status: dsr.StatusNew, ReceivedAt: at.Add(time.Duration(i) * time.Hour), DueAt: at.AddDate(0, 1, i),
				Rights: []dsr.CaseRight{{Right: dsr.Access, Source: "auto", Confidence: 0.9, Evidence: []string{"innsyn"}}}}
			if i%5 == 0 {
				c.Status = dsr.StatusNotARequest
			}
			if err := insertCaseV10(ctx, tx, c, "intake", at); err != nil {
				return err
			}
			ids = append(ids, c.ID)
			m := &Message{CaseID: c.ID, Direction: "in", Mailbox: "INBOX", UIDValidity: 1, UID: uint32(i + 1),
				MessageID: fmt.Sprintf("m%d@example.no", i), FromAddr: c.Requester, Subject: c.Subject,
				ReceivedAt: c.ReceivedAt, Text: "Jeg ber om innsyn.", Raw: []byte("Subject: x\r\n\r\ny")}
			if err := tx.InsertMessage(ctx, m); err != nil {
				return err
			}
			if err := tx.AppendEvent(ctx, &Event{CaseID: c.ID, At: at, Actor: "intake", Kind: "created"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Statuses moved after the insert, so the trigger fills the report
	// columns before the rebuild.
	for i, id := range ids[:12] {
		err := old.Write(ctx, func(tx *Tx) error {
			// As SaveCase did then (LoadCase now reads a column 0011 adds).
			st := []dsr.Status{dsr.StatusAnswered, dsr.StatusRefused, dsr.StatusInProgress}[i%3]
			if _, err := tx.tx.ExecContext(ctx, `UPDATE cases SET status = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?`,
				string(st), "kari", unix(at.AddDate(0, 0, 3+i)), id); err != nil {
				return err
			}
			return tx.SetStep(ctx, id, "identity", true, "kari", "", at.AddDate(0, 0, 2))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	before := dumpTables(t, old.DB())
	old.Close()

	s, err := open(ctx, path, 10, checkpointPause)
	if err != nil {
		t.Fatalf("open with the rebuild: %v", err)
	}
	defer s.Close()
	var version int
	s.DB().QueryRow("PRAGMA user_version").Scan(&version)
	if version != 10 {
		t.Fatalf("user_version = %d after open, want 10", version)
	}
	after := dumpTables(t, s.DB())
	if !reflect.DeepEqual(before, after) {
		for name := range before {
			if !reflect.DeepEqual(before[name], after[name]) {
				t.Errorf("table %s changed in the rebuild:\nbefore %v\nafter  %v", name, before[name], after[name])
			}
		}
	}
	if n, err := s.VerifyAudit(ctx); err != nil || n != 40 {
		t.Errorf("VerifyAudit = %d, %v", n, err)
	}

	// The trigger is back: a status change still sets the report columns.
	err = s.Write(ctx, func(tx *Tx) error {
		_, err := tx.tx.ExecContext(ctx, `UPDATE cases SET status = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?`,
			string(dsr.StatusAnswered), "kari", unix(at.AddDate(0, 0, 9)), ids[21])
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var answered, ended int64
	s.DB().QueryRow("SELECT answered_at, ended_at FROM cases WHERE id = ?", ids[21]).Scan(&answered, &ended)
	if want := at.AddDate(0, 0, 9).Unix(); answered != want || ended != want {
		t.Errorf("after answering: answered_at %d, ended_at %d; want both %d", answered, ended, want)
	}

	// ref is still unique; foreign keys are enforced on every connection.
	db := s.DB()
	if _, err := db.Exec(`INSERT INTO cases (year, seq, ref, requester, status, received_at, due_at)
		SELECT year, seq + 1000, ref, requester, status, received_at, due_at FROM cases LIMIT 1`); err == nil {
		t.Error("a second case with the same ref was taken")
	}
	for range 3 {
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		_, err = conn.ExecContext(ctx, `INSERT INTO events (case_id, at, actor, kind, prev_hash, hash) VALUES (999999, 0, 'x', 'x', '', '')`)
		conn.Close()
		if err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") {
			t.Errorf("an event of a case that is not there: %v, want a foreign key error", err)
		}
	}
	var idx []string
	rows, err := db.Query(`SELECT il.name FROM pragma_index_list('cases') il
		WHERE (SELECT group_concat(name) FROM pragma_index_info(il.name)) = 'year,seq'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		rows.Scan(&name)
		idx = append(idx, name)
	}
	rows.Close()
	if len(idx) != 0 {
		t.Errorf("cases still has an index on (year, seq): %v", idx)
	}
}

// insertCaseV10 is InsertCase as it was before migration 0011 moved the
// rights into the case row: the case, then a case_rights row per right.
func insertCaseV10(ctx context.Context, tx *Tx, c *dsr.Case, actor string, now time.Time) error {
	isRequest := 1
	if c.Status == dsr.StatusNotARequest {
		isRequest = 0
	}
	res, err := tx.tx.ExecContext(ctx,
		`INSERT INTO cases (year, seq, ref, requester, requester_name, subject, language,
		   status, rights, assignee, received_at, due_at, note, version, updated_by, updated_at, is_request)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
		c.Ref.Year, c.Ref.Seq, c.Ref.String(), c.Requester, c.RequesterName, c.Subject, c.Language,
		string(c.Status), int64(rightMask(c.Rights)), c.Assignee, unix(c.ReceivedAt), unix(c.DueAt), c.Note, actor, unix(now), isRequest)
	if err != nil {
		return err
	}
	c.ID, _ = res.LastInsertId()
	for _, r := range c.Rights {
		ev, _ := json.Marshal(r.Evidence)
		if _, err := tx.tx.ExecContext(ctx, `INSERT INTO case_rights (case_id, right, source, confidence, evidence) VALUES (?, ?, ?, ?, ?)`,
			c.ID, string(r.Right), string(r.Source), r.Confidence, string(ev)); err != nil {
			return err
		}
	}
	return nil
}

// dumpTables reads every row of the tables a case touches, as text, in
// rowid order.
func dumpTables(t *testing.T, db *sql.DB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, table := range []string{"cases", "case_rights", "messages", "events", "steps", "case_seq"} {
		rows, err := db.Query(`SELECT * FROM ` + table + ` ORDER BY rowid`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, v := range vals {
				fmt.Fprintf(&b, "%s=%v ", cols[i], v)
			}
			out[table] = append(out[table], b.String())
		}
		rows.Close()
	}
	return out
}

// TestRightsMoveIntoTheCaseRow fills a database as migration 0010 left it,
// with rights in their own table (several per case, staff and automatic,
// evidence with quotes and non-ASCII text, a case without rights), opens it
// with every migration and finds each case's rights as they were, read by
// Case and LoadCase and through the case_rights view; new cases and
// corrected rights then go to the case row.
func TestRightsMoveIntoTheCaseRow(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(ctx, path, 10, checkpointPause)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	want := map[int64][]dsr.CaseRight{}
	err = old.Write(ctx, func(tx *Tx) error {
		rightsOf := [][]dsr.CaseRight{
			{{Right: dsr.Access, Source: dsr.SourceAuto, Confidence: 0.9, Evidence: []string{"innsyn"}}},
			{{Right: dsr.Erasure, Source: dsr.SourceStaff, Confidence: 1, Evidence: []string{}},
				{Right: dsr.Access, Source: dsr.SourceAuto, Confidence: 0.75, Evidence: []string{`"slett" meg`, "få vite hva dere har – æøå"}}},
			nil,
			{{Right: dsr.ObjectionMarketing, Source: dsr.SourceAuto, Confidence: 0.5, Evidence: []string{"reklame\\n"}}},
		}
		for i, rights := range rightsOf {
			ref, err := tx.NextRef(ctx, 2026)
			if err != nil {
				return err
			}
			c := &dsr.Case{Ref: ref, Requester: fmt.Sprintf("p%d@example.no", i), Status: dsr.StatusNew,
				ReceivedAt: at, DueAt: at.AddDate(0, 1, 0), Rights: rights}
			if len(rights) == 0 {
				c.Status = dsr.StatusNotARequest
			}
			if err := insertCaseV10(ctx, tx, c, "intake", at); err != nil {
				return err
			}
			sorted := slices.Clone(rights)
			slices.SortStableFunc(sorted, func(a, b dsr.CaseRight) int { return cmp.Compare(a.Right.Order(), b.Right.Order()) })
			want[c.ID] = sorted
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	viewBefore := rightsRows(t, old.DB())
	old.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open with migration 0011: %v", err)
	}
	defer s.Close()
	for id, rights := range want {
		c, err := s.Case(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c.Rights, rights) {
			t.Errorf("case %d: rights %+v, want %+v", id, c.Rights, rights)
		}
		err = s.Write(ctx, func(tx *Tx) error {
			c, err := tx.LoadCase(ctx, id)
			if err == nil && !reflect.DeepEqual(c.Rights, rights) {
				t.Errorf("LoadCase %d: rights %+v, want %+v", id, c.Rights, rights)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := rightsRows(t, s.DB()); !reflect.DeepEqual(got, viewBefore) {
		t.Errorf("the case_rights view:\n%v\nthe table before:\n%v", got, viewBefore)
	}

	// After the move: a new case, and a case whose rights staff corrected.
	newRights := []dsr.CaseRight{{Right: dsr.Portability, Source: dsr.SourceAuto, Confidence: 0.8, Evidence: []string{"flytte"}}}
	var newID int64
	err = s.Write(ctx, func(tx *Tx) error {
		ref, err := tx.NextRef(ctx, 2026)
		if err != nil {
			return err
		}
		c := &dsr.Case{Ref: ref, Requester: "ny@example.no", Status: dsr.StatusNew, ReceivedAt: at, DueAt: at, Rights: newRights}
		if err := tx.InsertCase(ctx, c, "intake", at); err != nil {
			return err
		}
		newID = c.ID
		return tx.SetRights(ctx, c.ID-1, []dsr.CaseRight{{Right: dsr.Rectification, Source: dsr.SourceStaff, Confidence: 1}, {Right: dsr.None}})
	})
	if err != nil {
		t.Fatal(err)
	}
	if c, err := s.Case(ctx, newID); err != nil || !reflect.DeepEqual(c.Rights, newRights) {
		t.Errorf("new case: %+v, %v", c, err)
	}
	c, err := s.Case(ctx, newID-1)
	wantFixed := []dsr.CaseRight{{Right: dsr.Rectification, Source: dsr.SourceStaff, Confidence: 1, Evidence: []string{}}}
	if err != nil || !reflect.DeepEqual(c.Rights, wantFixed) {
		t.Errorf("corrected case: %+v, %v; want rights %+v", c.Rights, err, wantFixed)
	}
	var mask int64
	s.DB().QueryRow(`SELECT rights FROM cases WHERE id = ?`, newID-1).Scan(&mask)
	if dsr.RightSet(mask) != dsr.NewRightSet(dsr.Rectification) {
		t.Errorf("corrected case's mask = %v", dsr.RightSet(mask))
	}
}

// rightsRows reads the case_rights table or view, evidence as parsed JSON.
func rightsRows(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT case_id, right, source, confidence, evidence FROM case_rights ORDER BY case_id, right`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id int64
		var right, source, evidence string
		var conf float64
		if err := rows.Scan(&id, &right, &source, &conf, &evidence); err != nil {
			t.Fatal(err)
		}
		var ev []string
		if err := json.Unmarshal([]byte(evidence), &ev); err != nil {
			t.Fatalf("evidence %q: %v", evidence, err)
		}
		out = append(out, fmt.Sprintf("%d %s %s %g %q", id, right, source, conf, ev))
	}
	return out
}

// Evidence that is not a JSON list of phrases (only a hand edit makes such
// a row) survives migration 0011 word for word, as the one phrase of a
// list, and every case still opens; the view gives confidence as REAL,
// as the table did.
func TestRightsMoveKeepsOddEvidence(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(ctx, path, 10, checkpointPause)
	if err != nil {
		t.Fatal(err)
	}
	odd := []string{`"innsyn"`, `{"a":1}`, `[1,2]`, `not json`, `["fine", 3]`}
	var ids []int64
	err = old.Write(ctx, func(tx *Tx) error {
		for i, ev := range odd {
			ref, err := tx.NextRef(ctx, 2026)
			if err != nil {
				return err
			}
			c := &dsr.Case{Ref: ref, Requester: fmt.Sprintf("p%d@example.no", i), Status: dsr.StatusNew,
				ReceivedAt: time.Unix(1e9, 0), DueAt: time.Unix(1e9, 0)}
			if err := insertCaseV10(ctx, tx, c, "intake", time.Unix(1e9, 0)); err != nil {
				return err
			}
			if _, err := tx.tx.ExecContext(ctx, `INSERT INTO case_rights (case_id, right, source, confidence, evidence) VALUES (?, 'access', 'staff', 1, ?)`,
				c.ID, ev); err != nil {
				return err
			}
			ids = append(ids, c.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, id := range ids {
		c, err := s.Case(ctx, id)
		if err != nil {
			t.Fatalf("case with evidence %s does not open: %v", odd[i], err)
		}
		want := []dsr.CaseRight{{Right: dsr.Access, Source: dsr.SourceStaff, Confidence: 1, Evidence: []string{odd[i]}}}
		if !reflect.DeepEqual(c.Rights, want) {
			t.Errorf("evidence %s: rights %+v, want %+v", odd[i], c.Rights, want)
		}
	}
	var typ string
	var half float64
	if err := s.DB().QueryRow(`SELECT typeof(confidence), confidence / 2 FROM case_rights LIMIT 1`).Scan(&typ, &half); err != nil || typ != "real" || half != 0.5 {
		t.Errorf("view confidence: %s, half %v, %v; want real 0.5", typ, half, err)
	}
}

// A rights_detail whose evidence someone edited into something else still
// opens its case, with the evidence left out; one that is not a list of
// rights at all is an error, not a case shown without its rights.
func TestParseRightsOddEvidence(t *testing.T) {
	got, err := parseRights(`[{"right":"erasure","source":"auto","confidence":0.5,"evidence":[1,2]},{"right":"access","source":"staff","confidence":1,"evidence":"x"}]`)
	want := []dsr.CaseRight{{Right: dsr.Access, Source: dsr.SourceStaff, Confidence: 1}, {Right: dsr.Erasure, Source: dsr.SourceAuto, Confidence: 0.5}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("parseRights = %+v, %v; want %+v", got, err, want)
	}
	if _, err := parseRights(`{"right":"access"}`); err == nil {
		t.Error("a rights_detail that is no list read without an error")
	}
}

// A desk started before migration 0011 writes rights as rows of
// case_rights (insertCaseV10, and SetRights as it was: delete, then
// insert): the view's triggers put them in the case row, where the new
// code reads them.
func TestOldDeskWritesRightsThroughTheView(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "pv.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rights := []dsr.CaseRight{
		{Right: dsr.Access, Source: dsr.SourceAuto, Confidence: 0.9, Evidence: []string{"innsyn"}},
		{Right: dsr.Erasure, Source: dsr.SourceAuto, Confidence: 0.75, Evidence: []string{`"slett" æøå`}},
	}
	var id int64
	err = s.Write(ctx, func(tx *Tx) error {
		ref, err := tx.NextRef(ctx, 2026)
		if err != nil {
			return err
		}
		c := &dsr.Case{Ref: ref, Requester: "p@example.no", Status: dsr.StatusNew, ReceivedAt: time.Unix(1e9, 0), DueAt: time.Unix(1e9, 0), Rights: rights}
		if err := insertCaseV10(ctx, tx, c, "intake", time.Unix(1e9, 0)); err != nil {
			return err
		}
		id = c.ID
		return nil
	})
	if err != nil {
		t.Fatalf("an old desk's insert: %v", err)
	}
	if c, err := s.Case(ctx, id); err != nil || !reflect.DeepEqual(c.Rights, rights) {
		t.Errorf("rights written by an old desk: %+v, %v; want %+v", c.Rights, err, rights)
	}
	// The old SetRights: delete the case's rows, insert the new ones.
	err = s.Write(ctx, func(tx *Tx) error {
		if _, err := tx.tx.ExecContext(ctx, `DELETE FROM case_rights WHERE case_id = ?`, id); err != nil {
			return err
		}
		_, err := tx.tx.ExecContext(ctx, `INSERT INTO case_rights (case_id, right, source, confidence, evidence) VALUES (?, 'rectification', 'staff', 1, '[]')`, id)
		return err
	})
	if err != nil {
		t.Fatalf("an old desk's correction: %v", err)
	}
	want := []dsr.CaseRight{{Right: dsr.Rectification, Source: dsr.SourceStaff, Confidence: 1, Evidence: []string{}}}
	if c, err := s.Case(ctx, id); err != nil || !reflect.DeepEqual(c.Rights, want) {
		t.Errorf("rights corrected by an old desk: %+v, %v; want %+v", c.Rights, err, want)
	}
}
