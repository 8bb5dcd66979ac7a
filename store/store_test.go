package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "pv.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestOpenModeAndReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "pv.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode = %v, want 0600", fi.Mode().Perm())
	}
	var mode string
	if err := st.DB().QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := st.DB().QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
	// A new file gets the large pages, which the WAL switch must not beat.
	var page int
	if err := st.DB().QueryRow("PRAGMA page_size").Scan(&page); err != nil || page != 16384 {
		t.Errorf("page_size = %d, %v; want 16384", page, err)
	}
	st.Close()
	// Reopening runs no migration twice.
	st, err = store.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	st.Close()
}

func TestRefsPerYear(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	var got []string
	err := st.Write(ctx, func(tx *store.Tx) error {
		for _, y := range []int{2026, 2026, 2027, 2026} {
			r, err := tx.NextRef(ctx, y)
			if err != nil {
				return err
			}
			got = append(got, r.String())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"PV-2026-0001", "PV-2026-0002", "PV-2027-0001", "PV-2026-0003"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("ref %d = %s, want %s", i, got[i], want[i])
		}
	}
}

func TestAuditChainDetectsEdit(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	err := st.Write(ctx, func(tx *store.Tx) error {
		c := &dsr.Case{Ref: dsr.Ref{Year: 2026, Seq: 1}, Requester: "a@example.no", Status: dsr.StatusNew,
			ReceivedAt: at, DueAt: at.AddDate(0, 1, 0),
			Rights: []dsr.CaseRight{{Right: dsr.Erasure, Source: dsr.SourceAuto, Confidence: 0.9, Evidence: []string{"slett meg"}}}}
		if err := tx.InsertCase(ctx, c, "pvdesk", at); err != nil {
			return err
		}
		for i := range 3 {
			if err := tx.AppendEvent(ctx, &store.Event{CaseID: c.ID, At: at.Add(time.Duration(i) * time.Minute), Actor: "kari", Kind: "test", Details: "step"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := st.VerifyAudit(ctx); err != nil || n != 3 {
		t.Fatalf("VerifyAudit = %d, %v; want 3, nil", n, err)
	}
	if _, err := st.DB().Exec(`UPDATE events SET details = 'forged' WHERE id = 2`); err != nil {
		t.Fatal(err)
	}
	_, err = st.VerifyAudit(ctx)
	var ce *store.ChainError
	if !errors.As(err, &ce) || ce.EventID != 2 {
		t.Fatalf("VerifyAudit after edit = %v, want a ChainError at event 2", err)
	}
}

func TestRightsMask(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	var id int64
	err := st.Write(ctx, func(tx *store.Tx) error {
		c := &dsr.Case{Ref: dsr.Ref{Year: 2026, Seq: 1}, Requester: "a@example.no", Status: dsr.StatusNew,
			ReceivedAt: at, DueAt: at.AddDate(0, 1, 0),
			Rights: []dsr.CaseRight{
				{Right: dsr.ObjectionMarketing, Source: dsr.SourceAuto},
				{Right: dsr.Erasure, Source: dsr.SourceAuto, Evidence: []string{"slett"}},
			}}
		err := tx.InsertCase(ctx, c, "pvdesk", at)
		id = c.ID
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.Inbox(ctx, store.InboxQuery{OpenOnly: true})
	if err != nil || len(rows) != 1 {
		t.Fatalf("Inbox = %v, %v", rows, err)
	}
	if got := rows[0].Rights.String(); got != "erasure,objection_marketing" {
		t.Errorf("rights = %s", got)
	}
	c, err := st.Case(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rights) != 2 || c.Rights[0].Right != dsr.Erasure || c.Rights[0].Evidence[0] != "slett" {
		t.Errorf("case rights = %+v", c.Rights)
	}
}

// TestOpenKeepsOldPageSize: a database made with SQLite's default pages
// (every one before 16 KiB pages) opens and takes writes as it is.
func TestOpenKeepsOldPageSize(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=page_size(4096)&_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE before_pvdesk (x)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var page int
	if err := st.DB().QueryRow("PRAGMA page_size").Scan(&page); err != nil || page != 4096 {
		t.Errorf("page_size = %d, %v; want the file's own 4096", page, err)
	}
	if _, err := st.CountCases(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestConcurrentOpenOfNewFile: several desks starting at once on a file
// that does not exist yet all get a working store.
func TestConcurrentOpenOfNewFile(t *testing.T) {
	for round := range 10 {
		path := filepath.Join(t.TempDir(), "pv.db")
		errs := make(chan error, 4)
		for range 4 {
			go func() {
				st, err := store.Open(context.Background(), path)
				if err == nil {
					_, err = st.CountCases(context.Background())
					st.Close()
				}
				errs <- err
			}()
		}
		for range 4 {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
}

// TestOddPath: a database path with characters that mean something in a
// URI opens the file named, not a truncated one.
func TestOddPath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pv?x#y%z.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CountCases(context.Background()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the file named was not used: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() == "pv" {
			t.Errorf("a truncated file %q was created", e.Name())
		}
	}
}

// IsBusy knows SQLite's own error for a write lock held by another
// process past the busy timeout (here a timeout of zero), also wrapped,
// and nothing else.
func TestIsBusyOnARealLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pv.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	holder, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if _, err := holder.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer holder.ExecContext(ctx, "ROLLBACK")
	waiter, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer waiter.Close()
	_, err = waiter.ExecContext(ctx, "BEGIN IMMEDIATE")
	if err == nil {
		t.Fatal("a second writer got the lock")
	}
	if !store.IsBusy(err) || !store.IsBusy(fmt.Errorf("store: begin: %w", err)) {
		t.Errorf("IsBusy(%q) = false", err)
	}
	// Only SQLite's result code counts, not words that look like it (a
	// mail server's "451 database is locked, try later").
	for _, e := range []error{nil, errors.New("disk I/O error"), store.ErrNotFound,
		errors.New("451 4.3.0 database is locked (SQLITE_BUSY), try later")} {
		if store.IsBusy(e) {
			t.Errorf("IsBusy(%v) = true", e)
		}
	}
}
