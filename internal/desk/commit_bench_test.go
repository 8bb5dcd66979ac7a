package desk

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/mail"
	"github.com/magnetharstad/pvdesk/store"
)

// commitCorpus is 10,000 fetched messages made from the dev corpus, each
// with its own Message-ID, as a first sync hands them to the sink.
func commitCorpus(b *testing.B) []mail.Fetched {
	b.Helper()
	files, _ := filepath.Glob("../../../shared/corpus/dev/*.eml")
	if len(files) == 0 {
		b.Skip("no dev corpus beside the repository")
	}
	var corpus [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		corpus = append(corpus, raw)
	}
	start := time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)
	out := make([]mail.Fetched, 10_000)
	for i := range out {
		raw := corpus[i%len(corpus)]
		// A unique Message-ID first, so every copy is a new request.
		raw = append([]byte(fmt.Sprintf("Message-ID: <bench-%d@example.no>\r\n", i)), raw...)
		raw = bytes.Replace(raw, []byte("\nMessage-ID:"), []byte("\nX-Old-Message-ID:"), 1)
		out[i] = mail.Fetched{Mailbox: "INBOX", UIDValidity: 1, UID: uint32(i + 1),
			InternalDate: start.Add(time.Duration(i) * time.Minute), Size: int64(len(raw)), Raw: raw}
	}
	return out
}

// BenchmarkCommit is the store side of a first sync without the server:
// 10,000 messages parsed, classified and committed in batches of 250.
func BenchmarkCommit(b *testing.B) {
	msgs := commitCorpus(b)
	ctx := context.Background()
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		st, err := store.Open(ctx, filepath.Join(dir, fmt.Sprintf("c%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		d := New(st, Options{})
		rep := &SyncReport{}
		sk := &sink{d: d, rep: rep}
		for at := 0; at < len(msgs); at += 250 {
			batch := msgs[at:min(at+250, len(msgs))]
			if err := sk.Commit(ctx, "INBOX", 1, batch[len(batch)-1].UID, batch); err != nil {
				b.Fatal(err)
			}
		}
		if rep.NewCases+rep.Threaded != len(msgs) {
			b.Fatalf("stored %+v of %d", rep, len(msgs))
		}
		st.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(msgs)), "µs/msg")
}

// BenchmarkPrepare is the parse-and-classify half of the same work, on
// one goroutine.
func BenchmarkPrepare(b *testing.B) {
	msgs := commitCorpus(b)
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "p.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	d := New(st, Options{})
	for b.Loop() {
		for _, m := range msgs {
			d.prepare(m)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(msgs)), "µs/msg")
}

// BenchmarkWrite is the single writer alone: the messages are parsed and
// classified before the clock starts, so only the transactions count.
func BenchmarkWrite(b *testing.B) {
	msgs := commitCorpus(b)
	ctx := context.Background()
	dir := b.TempDir()
	prep, err := store.Open(ctx, filepath.Join(dir, "prepare.db"))
	if err != nil {
		b.Fatal(err)
	}
	pd := New(prep, Options{})
	prepared := make([]parsed, len(msgs))
	for j, m := range msgs {
		prepared[j] = pd.prepare(m)
	}
	prep.Close()
	var cpu time.Duration
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		st, err := store.Open(ctx, filepath.Join(dir, fmt.Sprintf("w%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		d := New(st, Options{})
		runtime.GC()
		b.StartTimer()
		c0 := cpuTime()
		for at := 0; at < len(prepared); at += 250 {
			batch := prepared[at:min(at+250, len(prepared))]
			err := st.Write(ctx, func(tx *store.Tx) error {
				// As the sync sink does: every Message-ID of the batch in one go.
				var ids []string
				for _, p := range batch {
					ids = lookupIDs(ids, p.msg)
				}
				if err := tx.PreloadMessageIDs(ctx, ids); err != nil {
					return err
				}
				for _, p := range batch {
					if _, err := d.ingestTx(ctx, tx, p); err != nil {
						return err
					}
				}
				return tx.SetCursor(ctx, store.Cursor{Mailbox: "INBOX", UIDValidity: 1, LastUID: batch[len(batch)-1].in.UID})
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		cpu += cpuTime() - c0
		b.StopTimer()
		st.Close()
		os.Remove(st.Path())
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(msgs)), "µs/msg")
	// CPU time tells the work from the waiting on a machine shared with
	// other jobs, where wall time is noisy.
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*len(msgs)), "cpu-µs/msg")
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
