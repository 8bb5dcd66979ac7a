package store_test

import (
	"cmp"
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

// indexes lists the file's indexes with their definitions (a unique
// constraint's has none), and the names a bulk load left to build.
func indexes(t *testing.T, st *store.Store) (all, deferred []string) {
	t.Helper()
	ctx := context.Background()
	names, deferred, err := st.Indexes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		var def sql.NullString
		if err := st.DB().QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE name = ?`, name).Scan(&def); err != nil {
			t.Fatal(err)
		}
		all = append(all, name+": "+cmp.Or(def.String, "(automatic)"))
	}
	return all, deferred
}

// addCases writes n new cases with their audit events.
func addCases(t *testing.T, st *store.Store, n int) {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	err := st.Write(ctx, func(tx *store.Tx) error {
		for i := range n {
			ref, err := tx.NextRef(ctx, 2026)
			if err != nil {
				return err
			}
			c := &dsr.Case{Ref: ref, Requester: "a@example.no", Status: dsr.StatusNew,
				ReceivedAt: now.Add(time.Duration(i) * time.Minute), DueAt: now.AddDate(0, 1, 0),
				Rights: []dsr.CaseRight{{Right: dsr.Access, Source: dsr.SourceAuto, Confidence: 0.9}}}
			if err := tx.InsertCase(ctx, c, "test", now); err != nil {
				return err
			}
			if err := tx.AppendEvent(ctx, &store.Event{CaseID: c.ID, At: now, Actor: "test", Kind: "case.opened"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDeferredIndexesComeBackAsTheyWere(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	before, _ := indexes(t, st)

	n, err := st.DeferIndexes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	during, deferred := indexes(t, st)
	if n == 0 || len(deferred) != n || len(during) != len(before)-n {
		t.Fatalf("deferred %d: %d indexes of %d left, %v recorded", n, len(during), len(before), deferred)
	}
	for _, name := range deferred {
		if !slices.ContainsFunc(before, func(s string) bool { return strings.HasPrefix(s, name+":") }) {
			t.Errorf("recorded %q, which the file did not have", name)
		}
	}
	// Constraints are no index to drop: every unique index stays.
	for _, ix := range before {
		if strings.Contains(ix, "UNIQUE") || strings.Contains(ix, "(automatic)") {
			if !slices.Contains(during, ix) {
				t.Errorf("a bulk load dropped %s", ix)
			}
		}
	}
	// Writing meanwhile is writing, and a second load defers nothing more.
	addCases(t, st, 50)
	if n, err := st.DeferIndexes(ctx); err != nil || n != 0 {
		t.Errorf("second DeferIndexes = %d, %v; want 0, nil", n, err)
	}

	if err := st.RestoreIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	after, left := indexes(t, st)
	if !slices.Equal(after, before) || len(left) != 0 {
		t.Errorf("after RestoreIndexes:\n%v\nwant\n%v\n(%v left to build)", after, before, left)
	}
	// The rebuilt indexes hold the rows written while they were away.
	var open int
	if err := st.DB().QueryRow(`SELECT count(*) FROM cases INDEXED BY cases_open_due
		WHERE status IN ('new', 'in_progress', 'awaiting_requester') AND due_at > 0`).Scan(&open); err != nil || open != 50 {
		t.Errorf("cases_open_due finds %d cases (%v), want 50", open, err)
	}
	if err := st.RestoreIndexes(ctx); err != nil {
		t.Errorf("RestoreIndexes with nothing deferred: %v", err)
	}
}

// A process that dies between DeferIndexes and RestoreIndexes leaves the
// file slow, not broken: the next Open builds what is missing.
func TestOpenBuildsIndexesADeadLoadLeft(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pv.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := indexes(t, st)
	if _, err := st.DeferIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	addCases(t, st, 20)
	st.Close() // as if killed: nothing was restored

	st, err = store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	after, left := indexes(t, st)
	if !slices.Equal(after, before) || len(left) != 0 {
		t.Errorf("after reopening:\n%v\nwant\n%v\n(%v left to build)", after, before, left)
	}
}

// An index a person built again by hand while it was deferred does not
// make the rebuild, and with it every Open, fail.
func TestRestoreSkipsAnIndexBuiltByHand(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	before, _ := indexes(t, st)
	if _, err := st.DeferIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`CREATE INDEX cases_due ON cases (due_at, id)`); err != nil {
		t.Fatal(err)
	}
	if err := st.RestoreIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	if after, left := indexes(t, st); !slices.Equal(after, before) || len(left) != 0 {
		t.Errorf("after RestoreIndexes:\n%v\nwant\n%v\n(%v left to build)", after, before, left)
	}
}

// A load that is alive keeps its indexes deferred, whoever else opens the
// file meanwhile (another process, or another Store of this one: the lock
// is per open file): only its owner, or the first Open after it died,
// builds them.
func TestOpenLeavesALiveLoadAlone(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pv.db")
	loader, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer loader.Close()
	before, _ := indexes(t, loader)
	if n, err := loader.DeferIndexes(ctx); err != nil || n == 0 {
		t.Fatalf("DeferIndexes = %d, %v", n, err)
	}

	other, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, left := indexes(t, other); len(left) == 0 {
		t.Fatal("another Open built the indexes of a load that is still running")
	}
	if err := other.RestoreIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	if _, left := indexes(t, other); len(left) == 0 {
		t.Fatal("another Store's RestoreIndexes built the indexes of a load that is still running")
	}
	if n, err := other.DeferIndexes(ctx); err != nil || n != 0 {
		t.Errorf("a second load beside a live one: DeferIndexes = %d, %v; want 0, nil", n, err)
	}

	if err := loader.RestoreIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	if after, left := indexes(t, other); !slices.Equal(after, before) || len(left) != 0 {
		t.Errorf("after the loader's RestoreIndexes:\n%v\nwant\n%v\n(%v left)", after, before, left)
	}
	// The load is over: the other Store may run one of its own now.
	if n, err := other.DeferIndexes(ctx); err != nil || n == 0 {
		t.Errorf("DeferIndexes after the first load ended = %d, %v", n, err)
	}
	if err := other.RestoreIndexes(ctx); err != nil {
		t.Fatal(err)
	}
}

// A rebuild that fails does not stop the file from opening: queries give
// the same answers without the indexes, and the rows wait for a later try.
func TestOpenSurvivesAFailedRebuild(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pv.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	addCases(t, st, 5)
	if _, err := st.DeferIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	// A definition that cannot be built, as a full disk would make any.
	if _, err := st.DB().Exec(`INSERT INTO deferred_indexes (name, sql) VALUES ('broken', 'CREATE INDEX broken ON nosuch (x)')`); err != nil {
		t.Fatal(err)
	}
	st.Close()

	st, err = store.Open(ctx, path)
	if err != nil {
		t.Fatalf("Open with an index that cannot be built: %v", err)
	}
	defer st.Close()
	if _, left := indexes(t, st); len(left) == 0 {
		t.Error("the deferred definitions were dropped although they were not built")
	}
	if err := st.RestoreIndexes(ctx); err == nil {
		t.Error("RestoreIndexes of a definition that cannot be built: no error")
	}
	rows, err := st.Inbox(ctx, store.InboxQuery{})
	if err != nil || len(rows) != 5 {
		t.Errorf("inbox without its indexes: %d rows, %v; want 5", len(rows), err)
	}
}
