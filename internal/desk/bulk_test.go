package desk_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/desk"
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
	for i := range n {
		raw := fmt.Sprintf("From: person%d@example.no\r\nTo: post@magnetharstad.no\r\nSubject: Innsyn %d\r\nMessage-ID: <bulk-%d@example.no>\r\n\r\nJeg ber om innsyn i alle personopplysninger dere har om meg.\r\n", i, i, i)
		if err := srv.Deliver([]byte(raw), fixedNow.Add(-time.Duration(n-i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	fresh, err := store.Open(ctx, filepath.Join(t.TempDir(), "fresh.db"))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := indexNames(t, fresh)
	fresh.Close()

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
	if got, left := indexNames(t, d.Store()); !slices.Equal(got, want) || len(left) != 0 {
		t.Errorf("indexes after the first sync: %v (%v left to build), want %v", got, left, want)
	}
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
