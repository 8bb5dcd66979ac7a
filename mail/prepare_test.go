package mail

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// preparingSink records what a Preparer sink sees: every message prepared
// once, before Commit, and handed over in UID order.
type preparingSink struct {
	mu        sync.Mutex
	prepared  atomic.Int32
	committed []Fetched
	failAt    int // fail the commit of this batch (1-based); 0 never
	commits   int
}

func (s *preparingSink) Cursor(context.Context, string) (uint32, uint32, error) { return 0, 0, nil }

func (s *preparingSink) Prepare(f Fetched) any {
	s.prepared.Add(1)
	return f.UID * 10
}

func (s *preparingSink) Commit(_ context.Context, _ string, _, _ uint32, batch []Fetched) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commits++
	if s.commits == s.failAt {
		return errors.New("disk full")
	}
	s.committed = append(s.committed, batch...)
	return nil
}

func TestSyncPreparesAheadInOrder(t *testing.T) {
	_, c := connectDemo(t)
	sink := &preparingSink{}
	st, err := SyncMailbox(context.Background(), c, "INBOX", sink, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Fetched == 0 || len(sink.committed) != st.Fetched {
		t.Fatalf("fetched %d, committed %d", st.Fetched, len(sink.committed))
	}
	if got := int(sink.prepared.Load()); got != st.Fetched {
		t.Errorf("prepared %d messages, fetched %d", got, st.Fetched)
	}
	for i, f := range sink.committed {
		if f.Prepared != f.UID*10 {
			t.Errorf("UID %d reached Commit with Prepared %v", f.UID, f.Prepared)
		}
		if i > 0 && f.UID <= sink.committed[i-1].UID {
			t.Errorf("UID %d committed after UID %d", f.UID, sink.committed[i-1].UID)
		}
	}
}

// A failed commit ends the sync with its error, and the fetching and
// preparing goroutines with it.
func TestSyncPrepareStopsOnCommitError(t *testing.T) {
	_, c := connectDemo(t)
	before := runtime.NumGoroutine()
	sink := &preparingSink{failAt: 2}
	_, err := SyncMailbox(context.Background(), c, "INBOX", sink, 4, nil)
	if err == nil || err.Error() != "disk full" {
		t.Fatalf("err = %v, want the commit's", err)
	}
	if len(sink.committed) != 4 {
		t.Errorf("committed %d messages, want the first batch of 4", len(sink.committed))
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines left after the sync, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}
