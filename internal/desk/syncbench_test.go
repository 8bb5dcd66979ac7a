//go:build benchsync

// The first-sync benchmarks compare pvdesk's sync of a 10,000-message
// mailbox with what the wire alone costs (BenchmarkFetchFloor) and with
// mbsync copying the same mailbox to a maildir (BenchmarkMbsync). They
// need Dovecot, the dev corpus and a few seconds per iteration, so they sit
// behind the benchsync build tag and run from `make bench-sync`, which
// prints the figures against the targets.

package desk_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dovetest"
	"github.com/magnetharstad/pvdesk/mail"
	"github.com/magnetharstad/pvdesk/store"
)

// benchMessages is the size of the mailbox in the targets.
const benchMessages = 10_000

// benchCorpus is the team's labelled dev corpus, seen from this package.
const benchCorpus = "../../../shared/corpus/dev"

// benchEnv is the one Dovecot with the 10,000 messages that every
// benchmark in the run reads: filling and indexing it costs more than a
// sync, and the comparison is only fair if floor, pvdesk and mbsync read the
// very same mailbox from the same warmed server.
var benchEnv struct {
	once sync.Once
	tb   *setupTB
	srv  *dovetest.Server
	err  error // set up failed: every benchmark fails with it
	skip string

	binOnce sync.Once
	bin     string // the pvdesk binary, for the subprocess (RSS) run
	binErr  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchEnv.tb != nil {
		benchEnv.tb.cleanup()
	}
	os.Exit(code)
}

// benchServer returns the shared Dovecot, starting and filling it on first
// use, so `go test -tags benchsync` without -bench pays nothing.
func benchServer(b *testing.B) *dovetest.Server {
	b.Helper()
	benchEnv.once.Do(func() {
		tb := &setupTB{}
		benchEnv.tb = tb
		benchEnv.srv, benchEnv.skip, benchEnv.err = tb.run(func() *dovetest.Server {
			srv := dovetest.Start(tb)
			msgs, err := benchMailbox(benchMessages)
			if err != nil {
				tb.Fatalf("%v", err)
			}
			srv.DeliverMany(tb, "INBOX", msgs)
			// Dovecot assigns UIDs and builds its index and cache on first
			// sight; do that now, or the first measured iteration pays for it.
			if _, err := fetchFloor(srv); err != nil {
				tb.Fatalf("warming Dovecot: %v", err)
			}
			if err := warmMetadata(srv); err != nil {
				tb.Fatalf("warming Dovecot: %v", err)
			}
			return srv
		})
	})
	switch {
	case benchEnv.skip != "":
		b.Skip(benchEnv.skip)
	case benchEnv.err != nil:
		b.Fatal(benchEnv.err)
	}
	return benchEnv.srv
}

// BenchmarkFetchFloor is the least any client can spend on a first sync:
// connect, log in, select, and `UID FETCH 1:* BODY.PEEK[]` streamed with
// Next() into io.Discard. It keeps nothing, parses nothing and writes
// nothing.
func BenchmarkFetchFloor(b *testing.B) {
	srv := benchServer(b)
	var n int
	for b.Loop() {
		var err error
		if n, err = fetchFloor(srv); err != nil {
			b.Fatal(err)
		}
		if n != benchMessages {
			b.Fatalf("fetched %d messages, want %d", n, benchMessages)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkFirstSync is pvdesk's first sync of the mailbox into a fresh
// database, in process: parse, classify, set deadlines, store, audit.
func BenchmarkFirstSync(b *testing.B) {
	srv := benchServer(b)
	ctx := context.Background()
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		path := filepath.Join(dir, fmt.Sprintf("first-%d.db", i))
		st, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		reps, err := desk.New(st, desk.Options{}).Sync(ctx, desk.SyncOptions{IMAP: benchIMAP(srv)})
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
		if got := reps[0].NewCases + reps[0].Threaded; reps[0].Fetched != benchMessages || got != benchMessages {
			b.Fatalf("first sync = %+v, want %d fetched and stored", reps[0], benchMessages)
		}
		// Each database is 100 MB or so; keep the disk as it was for the
		// next iteration rather than letting them pile up.
		b.StopTimer()
		removeDB(path)
		b.StartTimer()
	}
	b.ReportMetric(benchMessages*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkFirstSyncCLI is the same first sync by the pvdesk binary, as a
// person runs it, so that its peak resident set is its own, without the
// benchmark's heap in it (see watchPeakRSS).
func BenchmarkFirstSyncCLI(b *testing.B) {
	srv := benchServer(b)
	bin := pvdeskBinary(b)
	dir := b.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	toml := fmt.Sprintf("[imap]\nhost = %q\nport = %d\nsecurity = \"none\"\nusername = %q\n", srv.Host, srv.Port, srv.User)
	if err := os.WriteFile(cfg, []byte(toml), 0o600); err != nil {
		b.Fatal(err)
	}
	var peakKB int64
	var cpu time.Duration
	i := 0
	for b.Loop() {
		i++
		db := filepath.Join(dir, fmt.Sprintf("cli-%d.db", i))
		cmd := exec.Command(bin, "--config", cfg, "--db", db, "sync", "--attempts", "1")
		cmd.Env = append(os.Environ(), "PVDESK_IMAP_PASSWORD="+srv.Password)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		exited := make(chan struct{})
		peak := watchPeakRSS(cmd.Process.Pid, exited)
		err := cmd.Wait()
		close(exited)
		if err != nil {
			b.Fatalf("pvdesk sync: %v\n%s", err, out.Bytes())
		}
		if want := fmt.Sprintf("fetched %d,", benchMessages); !bytes.Contains(out.Bytes(), []byte(want)) {
			b.Fatalf("pvdesk sync printed %q, want %q", out.Bytes(), want)
		}
		kb := <-peak
		if kb == 0 {
			// No /proc: the kernel's figure, which may count ours too.
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				kb = ru.Maxrss // kilobytes on Linux
			}
		}
		peakKB = max(peakKB, kb)
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		b.StopTimer()
		removeDB(db)
		b.StartTimer()
	}
	b.ReportMetric(benchMessages*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
	b.ReportMetric(float64(peakKB)/1024, "MB-peak-rss")
	// CPU time next to wall time tells work from waiting (on the server,
	// on fsync, or on a stage of the pipeline that is not overlapped).
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// watchPeakRSS follows a running child's peak resident set (VmHWM in
// /proc) until exited is closed, then sends it in kilobytes (0 if /proc
// cannot tell). The Maxrss that wait4 reports for a child is no good
// here: between fork and exec the child shares this process's memory,
// and Linux keeps that high-water mark, so it would count the benchmark's
// generated mailbox (about 200 MB at 50,000 messages) as pvdesk's.
func watchPeakRSS(pid int, exited <-chan struct{}) <-chan int64 {
	out := make(chan int64, 1)
	path := fmt.Sprintf("/proc/%d/status", pid)
	go func() {
		var peak int64
		for {
			if raw, err := os.ReadFile(path); err == nil {
				for _, line := range strings.Split(string(raw), "\n") {
					if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
						if kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64); err == nil {
							peak = max(peak, kb)
						}
					}
				}
			}
			select {
			case <-exited:
				out <- peak
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return out
}

// BenchmarkSyncFetchOnly is pvdesk's own fetch path (mail.SyncMailbox:
// list, chunked UID FETCH, batching) into a sink that keeps nothing, to
// tell the cost of the IMAP side from that of parsing and storing.
func BenchmarkSyncFetchOnly(b *testing.B) {
	srv := benchServer(b)
	ctx := context.Background()
	for b.Loop() {
		c, err := mail.Connect(ctx, benchIMAP(srv))
		if err != nil {
			b.Fatal(err)
		}
		st, err := mail.SyncMailbox(ctx, c, "INBOX", discardSink{}, 0, nil)
		c.Close()
		if err != nil {
			b.Fatal(err)
		}
		if st.Fetched != benchMessages {
			b.Fatalf("fetched %d, want %d", st.Fetched, benchMessages)
		}
	}
	b.ReportMetric(benchMessages*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// discardSink starts from nothing every time and keeps nothing.
type discardSink struct{}

func (discardSink) Cursor(context.Context, string) (uint32, uint32, error) { return 0, 0, nil }
func (discardSink) Commit(context.Context, string, uint32, uint32, []mail.Fetched) error {
	return nil
}

// BenchmarkNoopSync is the sync that runs every few minutes: the database
// already holds the whole mailbox and nothing is new.
func BenchmarkNoopSync(b *testing.B) {
	srv := benchServer(b)
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "noop.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer removeDB(path)
	defer st.Close()
	d := desk.New(st, desk.Options{})
	o := desk.SyncOptions{IMAP: benchIMAP(srv)}
	if _, err := d.Sync(ctx, o); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		reps, err := d.Sync(ctx, o)
		if err != nil {
			b.Fatal(err)
		}
		if reps[0].Fetched != 0 {
			b.Fatalf("noop sync fetched %d", reps[0].Fetched)
		}
	}
}

// BenchmarkMbsync is isync's mbsync pulling the mailbox into a fresh
// maildir, with fsync off as the issue asks: a mature C client doing the
// least useful work a mail copy can do.
func BenchmarkMbsync(b *testing.B) {
	mbsync, err := exec.LookPath("mbsync")
	if err != nil {
		b.Skip("mbsync (isync) is not installed")
	}
	srv := benchServer(b)
	dir := b.TempDir()
	var cpu time.Duration
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		cfg, store, err := mbsyncConfig(srv, dir, i)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		cmd := exec.Command(mbsync, "-q", "-c", cfg, "-a")
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("mbsync: %v\n%s", err, out)
		}
		b.StopTimer()
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		n, err := countMaildir(filepath.Join(store, "INBOX"))
		if err != nil || n != benchMessages {
			b.Fatalf("mbsync left %d messages (%v), want %d", n, err, benchMessages)
		}
		os.RemoveAll(store)
		b.StartTimer()
	}
	b.ReportMetric(benchMessages*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
	// As for the pvdesk binary: the work done, which a busy machine changes
	// far less than the wall time.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// mbsyncConfig writes a config for iteration i that pulls INBOX into a new
// maildir, and returns the config's path and the maildir root. The
// password is the throwaway one of the test server; the file is 0600
// anyway, since it is a password.
func mbsyncConfig(srv *dovetest.Server, dir string, i int) (cfg, root string, err error) {
	root = filepath.Join(dir, fmt.Sprintf("maildir-%d", i))
	if err := os.MkdirAll(root, 0o700); err != nil {
		return "", "", err
	}
	// SyncState * keeps mbsync's state inside the fresh maildir, so every
	// iteration is a first sync as pvdesk's is.
	text := fmt.Sprintf(`FSync no

IMAPAccount bench
Host %s
Port %d
User %s
Pass %s
SSLType None
AuthMechs LOGIN

IMAPStore bench-far
Account bench

MaildirStore bench-near
Path %s/
Inbox %s/INBOX
SubFolders Verbatim

Channel bench
Far :bench-far:
Near :bench-near:
Patterns INBOX
Sync Pull
Create Near
SyncState *
`, srv.Host, srv.Port, srv.User, srv.Password, root, root)
	cfg = filepath.Join(dir, fmt.Sprintf("mbsyncrc-%d", i))
	return cfg, root, os.WriteFile(cfg, []byte(text), 0o600)
}

func countMaildir(dir string) (int, error) {
	n := 0
	for _, sub := range []string{"cur", "new"} {
		ents, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			return n, err
		}
		n += len(ents)
	}
	return n, nil
}

func benchIMAP(srv *dovetest.Server) mail.IMAPConfig {
	return mail.IMAPConfig{Host: srv.Host, Port: srv.Port, Security: "none", Username: srv.User, Password: srv.Password}
}

func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}

// fetchFloor connects, selects INBOX and streams every body into
// io.Discard, returning how many messages came.
func fetchFloor(srv *dovetest.Server) (int, error) {
	c, err := imapclient.DialInsecure(srv.Addr(), nil)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	if err := c.Login(srv.User, srv.Password).Wait(); err != nil {
		return 0, err
	}
	if _, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return 0, err
	}
	var all imap.UIDSet
	all.AddRange(1, 0) // 1:*
	cmd := c.Fetch(all, &imap.FetchOptions{
		BodySection: []*imap.FetchItemBodySection{{Peek: true}},
	})
	n := 0
	for {
		msg := cmd.Next()
		if msg == nil {
			break
		}
		for {
			item := msg.Next()
			if item == nil {
				break
			}
			if body, ok := item.(imapclient.FetchItemDataBodySection); ok && body.Literal != nil {
				if _, err := io.Copy(io.Discard, body.Literal); err != nil {
					cmd.Close()
					return n, err
				}
				n++
			}
		}
	}
	if err := cmd.Close(); err != nil {
		return n, err
	}
	return n, c.Logout().Wait()
}

// warmMetadata asks once for the per-message items that pvdesk and mbsync
// list before fetching bodies, so Dovecot's cache holds them before the
// first timed run.
func warmMetadata(srv *dovetest.Server) error {
	c, err := imapclient.DialInsecure(srv.Addr(), nil)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Login(srv.User, srv.Password).Wait(); err != nil {
		return err
	}
	if _, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return err
	}
	var all imap.UIDSet
	all.AddRange(1, 0)
	_, err = c.Fetch(all, &imap.FetchOptions{UID: true, Flags: true, InternalDate: true, RFC822Size: true}).Collect()
	if err != nil {
		return err
	}
	return c.Logout().Wait()
}

// pvdeskBinary builds cmd/pvdesk once per run.
func pvdeskBinary(b *testing.B) string {
	b.Helper()
	benchEnv.binOnce.Do(func() {
		gobin, err := exec.LookPath("go")
		if err != nil {
			benchEnv.binErr = err
			return
		}
		dir, err := os.MkdirTemp("", "pvdesk-bench-bin-")
		if err != nil {
			benchEnv.binErr = err
			return
		}
		benchEnv.tb.Cleanup(func() { os.RemoveAll(dir) })
		bin := filepath.Join(dir, "pvdesk")
		out, err := exec.Command(gobin, "build", "-o", bin, "github.com/magnetharstad/pvdesk/cmd/pvdesk").CombinedOutput()
		if err != nil {
			benchEnv.binErr = fmt.Errorf("go build ./cmd/pvdesk: %v\n%s", err, out)
			return
		}
		benchEnv.bin = bin
	})
	if benchEnv.binErr != nil {
		b.Fatal(benchEnv.binErr)
	}
	return benchEnv.bin
}

var (
	headerIDs  = regexp.MustCompile(`<([^<>\s]+)>`)
	headerFrom = regexp.MustCompile(`<?([^<>\s@]+)@([^<>\s]+?)>?\s*$`)
)

// benchMailbox makes n requests from the dev corpus, oldest first. Copy k
// of a corpus message gets its own Message-ID, In-Reply-To and References
// (rewritten alike, so follow-ups still thread within their copy), a
// slightly different sender address and subject, and its own arrival time,
// so that no two are the same mail and dedupe, threading and
// classification all do their real work.
func benchMailbox(n int) ([]dovetest.Msg, error) {
	files, err := filepath.Glob(filepath.Join(benchCorpus, "*.eml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no corpus in %s", benchCorpus)
	}
	corpus := make([][]byte, len(files))
	for i, f := range files {
		if corpus[i], err = os.ReadFile(f); err != nil {
			return nil, err
		}
	}
	// Arrivals spread over the last 60 days, one every few minutes, so
	// deadlines differ and some are near.
	start := time.Now().Add(-60 * 24 * time.Hour).Truncate(time.Second)
	step := 60 * 24 * time.Hour / time.Duration(n)
	msgs := make([]dovetest.Msg, n)
	for i := range msgs {
		k := i / len(corpus)
		msgs[i] = dovetest.Msg{
			Raw:  varyMessage(corpus[i%len(corpus)], k),
			Date: start.Add(time.Duration(i) * step),
		}
	}
	return msgs, nil
}

// varyMessage rewrites the header of raw for copy k; the body is kept.
// Header lines are edited in place, so folding and line endings stay as
// the corpus has them.
func varyMessage(raw []byte, k int) []byte {
	end := bytes.Index(raw, []byte("\r\n\r\n"))
	if end < 0 {
		return raw
	}
	tag := "b" + strconv.Itoa(k)
	head := bytes.Split(raw[:end], []byte("\r\n"))
	field := "" // the field the current (possibly folded) line belongs to
	for i, line := range head {
		if len(line) > 0 && line[0] != ' ' && line[0] != '\t' {
			name, _, _ := bytes.Cut(line, []byte(":"))
			field = string(bytes.ToLower(name))
		}
		switch field {
		case "message-id", "in-reply-to", "references":
			head[i] = headerIDs.ReplaceAll(line, []byte("<"+tag+".$1>"))
		case "from":
			if k > 0 {
				head[i] = headerFrom.ReplaceAll(line, []byte("<$1+"+tag+"@$2>"))
			}
		case "subject":
			if k > 0 && bytes.HasPrefix(bytes.ToLower(line), []byte("subject:")) {
				head[i] = append(append([]byte{}, line...), []byte(" ("+strconv.Itoa(k)+")")...)
			}
		}
	}
	out := bytes.Join(head, []byte("\r\n"))
	return append(out, raw[end:]...)
}

// setupTB is the testing.TB that the shared Dovecot belongs to: it lives
// from the first benchmark that needs it to the end of TestMain, longer
// than any one *testing.B. Only the methods dovetest calls are
// implemented; the embedded nil TB makes any other call fail loudly.
type setupTB struct {
	testing.TB
	cleanups []func()
}

// setupFailed and setupSkipped carry Fatalf and Skipf out of the setup
// function, as runtime.Goexit carries them out of a test.
type setupFailed struct{ msg string }
type setupSkipped struct{ msg string }

func (t *setupTB) run(fn func() *dovetest.Server) (srv *dovetest.Server, skip string, err error) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case setupFailed:
			err = errors.New(r.msg)
		case setupSkipped:
			skip = r.msg
		default:
			panic(r)
		}
	}()
	return fn(), "", nil
}

func (t *setupTB) Helper()                 {}
func (t *setupTB) Name() string            { return "BenchmarkSyncSetup" }
func (t *setupTB) Cleanup(f func())        { t.cleanups = append(t.cleanups, f) }
func (t *setupTB) Logf(f string, a ...any) { log.Printf(f, a...) }
func (t *setupTB) Errorf(f string, a ...any) {
	log.Printf(f, a...)
}
func (t *setupTB) Fatalf(f string, a ...any) { panic(setupFailed{fmt.Sprintf(f, a...)}) }
func (t *setupTB) Skipf(f string, a ...any)  { panic(setupSkipped{fmt.Sprintf(f, a...)}) }

func (t *setupTB) TempDir() string {
	dir, err := os.MkdirTemp("", "pvdesk-bench-")
	if err != nil {
		t.Fatalf("%v", err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// cleanup runs the registered cleanups last first, as testing does.
func (t *setupTB) cleanup() {
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
}
