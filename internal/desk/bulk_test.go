package desk_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/mail"
	"github.com/magnetharstad/pvdesk/store"
)

// indexNames lists a store's indexes, and those a bulk load left to build.
func indexNames(t *testing.T, st *store.Store) (all, deferred []string) {
	t.Helper()
	all, deferred, err := st.Indexes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return all, deferred
}

// A first sync of many messages stores them without the screens' indexes
// and builds those once at the end; a handful of new mail on a desk that
// has cases already is stored the ordinary way.
func TestBigFirstSyncBuildsIndexesOnceAtTheEnd(t *testing.T) {
	ctx := context.Background()
	srv, ic := demoIMAP(t)
	ic.BatchSize = 250
	const n = 1200
	bigMailbox(t, srv, n)
	want := freshIndexNames(t)

	d := newDesk(t)
	var during []string
	reps, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic, OnCase: func(desk.IngestResult) {
		if during == nil {
			during, _ = indexNames(t, d.Store())
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.Fetched < n || r.NewCases+r.Threaded != r.Fetched {
		t.Fatalf("first sync = %+v, want at least %d stored", r, n)
	}
	if slices.Contains(during, "cases_due") || !slices.Contains(during, "messages_message_id") {
		t.Errorf("indexes while the first sync wrote: %v; want cases_due deferred, the lookups' kept", during)
	}
	indexesComplete(t, d.Store(), "after the first sync")
	// What the inbox reads through the rebuilt indexes is every case.
	open, err := d.Store().Inbox(ctx, store.InboxQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(open) < n {
		t.Errorf("inbox shows %d cases after the first sync, want at least %d", len(open), n)
	}

	// Later mail, as many messages as a load takes but fewer than the desk
	// holds: building the indexes again would cost more than it saves.
	const later = 1000
	for i := range later {
		raw := fmt.Sprintf("From: later%d@example.no\r\nTo: post@magnetharstad.no\r\nSubject: Sletting\r\nMessage-ID: <later-%d@example.no>\r\n\r\nSlett alle opplysninger om meg.\r\n", i, i)
		if err := srv.Deliver([]byte(raw), fixedNow); err != nil {
			t.Fatal(err)
		}
	}
	during = nil
	if reps, err = d.Sync(ctx, desk.SyncOptions{IMAP: ic, OnCase: func(desk.IngestResult) {
		if during == nil {
			during, _ = indexNames(t, d.Store())
		}
	}}); err != nil || reps[0].NewCases != later {
		t.Fatalf("second sync = %+v, %v", reps, err)
	}
	if !slices.Equal(during, want) {
		t.Errorf("indexes during a sync of fewer messages than the desk holds: %v, want %v", during, want)
	}
}

// bigMailbox delivers n access requests to the demo server.
func bigMailbox(t *testing.T, srv *mail.DemoServer, n int) {
	t.Helper()
	for i := range n {
		raw := fmt.Sprintf("From: person%d@example.no\r\nTo: post@magnetharstad.no\r\nSubject: Innsyn %d\r\nMessage-ID: <big-%d@example.no>\r\n\r\nJeg ber om innsyn i alle personopplysninger dere har om meg.\r\n", i, i, i)
		if err := srv.Deliver([]byte(raw), fixedNow.Add(-time.Duration(n-i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
}

// freshIndexNames lists the indexes of a new store.
func freshIndexNames(t *testing.T) []string {
	t.Helper()
	fresh, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "fresh.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	want, _ := indexNames(t, fresh)
	return want
}

// indexesComplete fails unless the store has every index a new one has
// and none left to build.
func indexesComplete(t *testing.T, st *store.Store, when string) {
	t.Helper()
	want := freshIndexNames(t)
	if got, left := indexNames(t, st); !slices.Equal(got, want) || len(left) != 0 {
		t.Errorf("%s: indexes %v (%v left to build), want %v", when, got, left, want)
	}
}

// The indexes come back however a first sync ends: cancelled (the desk is
// closing) or cut off by the server.
func TestFirstSyncThatFailsBuildsIndexes(t *testing.T) {
	for _, how := range []string{"cancelled", "server gone"} {
		t.Run(how, func(t *testing.T) {
			srv, ic := demoIMAP(t)
			ic.BatchSize = 100
			bigMailbox(t, srv, 1200)
			d := newDesk(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var deferred bool
			_, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic, OnCase: func(desk.IngestResult) {
				if !deferred {
					_, left := indexNames(t, d.Store())
					deferred = len(left) > 0
					if how == "cancelled" {
						cancel()
					} else {
						srv.Close()
					}
				}
			}})
			if err == nil {
				t.Fatal("the sync did not fail")
			}
			var ib *desk.IndexBuildError
			if errors.As(err, &ib) {
				t.Fatalf("building the indexes failed: %v", err)
			}
			if !deferred {
				t.Fatal("the sync never deferred its indexes: the test proved nothing")
			}
			indexesComplete(t, d.Store(), "after a sync that "+how)
		})
	}
}

// A sync whose mail is stored but whose indexes cannot be built says so,
// apart from any server failure, and is not tried again for it.
func TestIndexBuildFailureIsReportedOnce(t *testing.T) {
	srv, ic := demoIMAP(t)
	ic.BatchSize = 250
	bigMailbox(t, srv, 1200)
	d := newDesk(t)
	broken := false
	retries := 0
	reps, err := d.SyncWithRetry(context.Background(), desk.SyncOptions{IMAP: ic, OnCase: func(desk.IngestResult) {
		if !broken {
			broken = true
			// As a full disk would make any CREATE INDEX fail.
			if _, err := d.Store().DB().Exec(`INSERT INTO deferred_indexes (name, sql) VALUES ('broken', 'CREATE INDEX broken ON nosuch (x)')`); err != nil {
				t.Error(err)
			}
		}
	}}, 3, func(error, time.Duration) { retries++ })
	var ib *desk.IndexBuildError
	if !errors.As(err, &ib) {
		t.Fatalf("SyncWithRetry = %v, want an IndexBuildError", err)
	}
	if retries != 0 {
		t.Errorf("tried again %d times for a failure to build indexes", retries)
	}
	if r := reps[0]; r.NewCases+r.Threaded != r.Fetched || r.Fetched < 1200 {
		t.Errorf("report %+v, want every message stored", r)
	}
	if !strings.Contains(err.Error(), "mail is stored") {
		t.Errorf("error %q does not say the mail is stored", err)
	}
}

// The desk's own live intake (Watch) loads a big first sync the same way,
// and builds the indexes before it reports the mailbox synced.
func TestWatchFirstSyncBuildsIndexes(t *testing.T) {
	srv, ic := demoIMAP(t)
	ic.BatchSize = 250
	bigMailbox(t, srv, 1200)
	d := newDesk(t)
	var deferred bool
	events := watchIMAP(t, d, ic, desk.WatchOptions{SyncOptions: desk.SyncOptions{OnCase: func(desk.IngestResult) {
		if !deferred {
			_, left := indexNames(t, d.Store())
			deferred = len(left) > 0
		}
	}}})
	waitFor(t, events, 30*time.Second, "first sync", func(ev desk.WatchEvent) bool {
		if ev.State == desk.WatchDisconnected || ev.State == desk.WatchFailed {
			t.Fatalf("watch failed: %v", ev.Err)
		}
		return ev.State == desk.WatchSynced
	})
	if !deferred {
		t.Error("the desk's first sync of 1,200 messages did not defer its indexes")
	}
	indexesComplete(t, d.Store(), "when the desk reported the first sync")
}
