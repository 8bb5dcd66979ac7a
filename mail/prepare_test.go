package mail

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
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

// Large messages are bounded by bytes, not only by count: a batch is
// committed once it holds batchBytes, and a message bigger than the whole
// allowance ahead of the writer still goes through, alone.
func TestSyncBoundsBytesInFlight(t *testing.T) {
	defer func(a, b int64) { aheadBytes, batchBytes = a, b }(aheadBytes, batchBytes)
	aheadBytes, batchBytes = 200_000, 150_000
	s, c := connectDemo(t)
	at := time.Date(2026, 3, 2, 13, 0, 0, 0, time.UTC)
	sizes := []int{60_000, 60_000, 60_000, 500_000, 10, 60_000, 90_000, 90_000, 90_000, 1_000}
	for range 20 {
		sizes = append(sizes, 90_000)
	}
	for i, n := range sizes {
		raw := fmt.Sprintf("From: big%d@example.no\r\nSubject: vedlegg %d\r\nMessage-ID: <big%d@example.no>\r\n\r\n%s\r\n",
			i, i, i, strings.Repeat("x", n))
		if err := s.Deliver([]byte(raw), at.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	sink := &batchSink{}
	st, err := SyncMailbox(context.Background(), c, "INBOX", sink, 250, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(sink.uids); got != st.Fetched || st.Missing != 0 {
		t.Fatalf("committed %d of %d fetched (%d missing)", got, st.Fetched, st.Missing)
	}
	for i := 1; i < len(sink.uids); i++ {
		if sink.uids[i] <= sink.uids[i-1] {
			t.Fatalf("UID %d committed after %d", sink.uids[i], sink.uids[i-1])
		}
	}
	var big int
	for _, b := range sink.batches {
		// The message that crosses the line is in the batch it completes.
		if b.bytes-b.last >= batchBytes {
			t.Errorf("a batch of %d messages held %d bytes before its last, over %d", b.n, b.bytes-b.last, batchBytes)
		}
		if b.last > 500_000 {
			big++
		}
	}
	if big != 1 {
		t.Errorf("the 500 KB message ended %d batches, want 1", big)
	}
	// Fetched (and prepared) but not committed: what is ahead of the
	// writer, a batch, and one message that may be bigger than both.
	if limit := aheadBytes + batchBytes + 500_100; sink.maxPending > limit {
		t.Errorf("%d bytes were fetched and not yet committed, over %d", sink.maxPending, limit)
	}
}

// batchSink keeps what each commit held, and the most bytes that were
// prepared (fetched) and not yet committed. Its commits are slow, so the
// fetch runs as far ahead as it is let.
type batchSink struct {
	mu                  sync.Mutex
	pending, maxPending int64
	uids                []uint32
	batches             []struct {
		n           int
		bytes, last int64
	}
}

func (s *batchSink) Cursor(context.Context, string) (uint32, uint32, error) { return 0, 0, nil }

func (s *batchSink) Prepare(f Fetched) any {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending += int64(len(f.Raw))
	s.maxPending = max(s.maxPending, s.pending)
	return nil
}

func (s *batchSink) Commit(_ context.Context, _ string, _, _ uint32, batch []Fetched) error {
	if len(batch) == 0 {
		return nil
	}
	time.Sleep(5 * time.Millisecond)
	s.mu.Lock()
	defer s.mu.Unlock()
	var n int64
	for _, f := range batch {
		s.uids = append(s.uids, f.UID)
		n += int64(len(f.Raw))
	}
	s.pending -= n
	s.batches = append(s.batches, struct {
		n           int
		bytes, last int64
	}{len(batch), n, int64(len(batch[len(batch)-1].Raw))})
	return nil
}

// Progress is reported as messages arrive, not only when a batch is
// committed: with one big batch the first report still comes before the
// first commit, and the counts only grow.
func TestSyncReportsProgressBetweenCommits(t *testing.T) {
	defer func(d time.Duration) { progressEvery = d }(progressEvery)
	progressEvery = 0 // every arrival
	_, c := connectDemo(t)
	sink := &preparingSink{}
	type report struct{ done, total, commitsBefore int }
	var reports []report
	progress := func(_ string, done, total int) {
		sink.mu.Lock()
		commits := sink.commits
		sink.mu.Unlock()
		reports = append(reports, report{done, total, commits})
	}
	st, err := SyncMailbox(context.Background(), c, "INBOX", sink, 1000, progress)
	if err != nil {
		t.Fatal(err)
	}
	if st.Fetched < 3 {
		t.Fatalf("the demo mailbox gave %d messages; the test needs a few", st.Fetched)
	}
	var beforeCommit int
	for i, r := range reports {
		if r.total != st.Fetched {
			t.Errorf("report %d: total %d, want %d", i, r.total, st.Fetched)
		}
		if i > 0 && r.done < reports[i-1].done {
			t.Errorf("report %d: done went back from %d to %d", i, reports[i-1].done, r.done)
		}
		if r.done > 0 && r.commitsBefore == 0 {
			beforeCommit++
		}
	}
	// The small first batch (16) is committed early; arrivals before it
	// are reported on their own.
	if beforeCommit < 2 {
		t.Errorf("%d reports of arrived messages before the first commit, want several: %+v", beforeCommit, reports)
	}
	// The whole count comes once, after the commit of the last message.
	var whole int
	for _, r := range reports {
		if r.done == st.Fetched {
			whole++
		}
	}
	if last := reports[len(reports)-1]; last.done != st.Fetched || whole != 1 || last.commitsBefore != sink.commits {
		t.Errorf("last report %+v, %d reports of all %d; want one, after the last of %d commits", last, whole, st.Fetched, sink.commits)
	}
}

// stallingSink prepares as preparingSink does, but holds the message with
// UID stallAt for a while: to the sync, the stream of arrivals stops.
type stallingSink struct {
	preparingSink
	stallAt uint32
	stall   time.Duration
}

func (s *stallingSink) Prepare(f Fetched) any {
	if f.UID == s.stallAt {
		time.Sleep(s.stall)
	}
	return s.preparingSink.Prepare(f)
}

// When the arrivals stop, the count reported is what did arrive, even if
// the last ones came too soon after a report to be reported themselves.
func TestSyncReportsArrivalsBeforeAStall(t *testing.T) {
	defer func(d time.Duration) { progressEvery = d }(progressEvery)
	progressEvery = 50 * time.Millisecond
	_, c := connectDemo(t)
	sink := &stallingSink{stallAt: 6, stall: 600 * time.Millisecond}
	var mu sync.Mutex
	type report struct{ done, commits int }
	var reports []report
	progress := func(_ string, done, _ int) {
		sink.mu.Lock()
		commits := sink.commits
		sink.mu.Unlock()
		mu.Lock()
		reports = append(reports, report{done, commits})
		mu.Unlock()
	}
	if _, err := SyncMailbox(context.Background(), c, "INBOX", sink, 1000, progress); err != nil {
		t.Fatal(err)
	}
	// UIDs 1 to 5 arrive at once, then nothing for 600 ms: the first batch
	// (16) is not full, so only the progress can tell.
	mu.Lock()
	defer mu.Unlock()
	for _, r := range reports {
		if r.done == 5 && r.commits == 0 {
			return
		}
	}
	t.Errorf("no report of the 5 messages that arrived before the stall: %+v", reports)
}
