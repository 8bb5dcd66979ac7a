package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
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
	old, err := open(ctx, path, 9)
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
			if err := tx.InsertCase(ctx, c, "intake", at); err != nil {
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
			c, err := tx.LoadCase(ctx, id)
			if err != nil {
				return err
			}
			v := c.Version
			c.Status = []dsr.Status{dsr.StatusAnswered, dsr.StatusRefused, dsr.StatusInProgress}[i%3]
			if err := tx.SaveCase(ctx, c, v, "kari", at.AddDate(0, 0, 3+i)); err != nil {
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

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open with the rebuild: %v", err)
	}
	defer s.Close()
	var version int
	s.DB().QueryRow("PRAGMA user_version").Scan(&version)
	if version < 10 {
		t.Fatalf("user_version = %d after open, want at least 10", version)
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
		c, err := tx.LoadCase(ctx, ids[21])
		if err != nil {
			return err
		}
		v := c.Version
		c.Status = dsr.StatusAnswered
		return tx.SaveCase(ctx, c, v, "kari", at.AddDate(0, 0, 9))
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
