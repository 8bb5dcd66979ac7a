package desk_test

// Intake under failure, against a real Dovecot: a stalled server, a cut
// connection, UIDVALIDITY changes and lost UID lists, a message expunged
// while it is being fetched, a message over max_message_bytes; and a fuzz
// test of the parse-and-ingest path on a real store.

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dovetest"
	"github.com/magnetharstad/pvdesk/mail"
	"github.com/magnetharstad/pvdesk/store"
)

// corpusDir is the shared development corpus, relative to this package.
const corpusDir = "../../../shared/corpus/dev"

// loadCorpus returns the corpus messages in file order. It skips the test
// when the corpus is not there, except under CI=true, where that fails.
func loadCorpus(t testing.TB) [][]byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.eml"))
	if len(files) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no corpus in %s", corpusDir)
		}
		t.Skipf("no corpus in %s", corpusDir)
	}
	sort.Strings(files)
	var out [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

var (
	// threadHeader matches In-Reply-To and References with their folded
	// continuation lines.
	threadHeader = regexp.MustCompile(`(?im)^(in-reply-to|references):[^\r\n]*(\r?\n[ \t][^\r\n]*)*\r?\n`)
	msgIDHeader  = regexp.MustCompile(`(?im)^message-id:[^\r\n]*(\r?\n[ \t][^\r\n]*)*\r?\n`)
	fromHeader   = regexp.MustCompile(`(?im)^from:[^\r\n]*(\r?\n[ \t][^\r\n]*)*\r?\n`)
)

// intakeMail is a generated mailbox: what was delivered, in order, and what
// the desk must make of it.
type intakeMail struct {
	msgs []dovetest.Msg
	// followUps are the messages that answer an earlier one (In-Reply-To)
	// and must join its case; every other message is a request of its own.
	followUps int
	// noID counts messages without a Message-ID, recognised by content.
	noID int
}

// requests is how many cases the mailbox must end up as.
func (m intakeMail) requests() int { return len(m.msgs) - m.followUps }

// isFollowUp reports whether message i answers an earlier one.
func (m intakeMail) isFollowUp(i int) bool { return i%10 == 9 }

// buildMailbox makes n distinct messages from the corpus. Each copy gets
// its own Message-ID (<n-NNNN@example.no>), loses the corpus's threading
// headers and subject tags (which point at cases of another desk), and
// carries an X-Intake-Seq header, so copies without a Message-ID differ in
// content too. Every tenth message is instead a reply to the message
// three before it, and every tenth, offset by four, has no Message-ID.
func buildMailbox(t testing.TB, n int) intakeMail {
	t.Helper()
	corpus := loadCorpus(t)
	var mb intakeMail
	ids := make([]string, n)
	froms := make([]string, n)
	base := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	for i := range n {
		at := base.Add(time.Duration(i) * time.Minute)
		var raw []byte
		switch {
		case mb.isFollowUp(i):
			parent := i - 3
			ids[i] = fmt.Sprintf("n-%04d@example.no", i)
			froms[i] = froms[parent]
			raw = []byte(fmt.Sprintf("X-Intake-Seq: %d\r\n%sTo: post@magnetharstad.no\r\nSubject: Re: saken min\r\n"+
				"Date: Mon, 02 Mar 2026 09:00:00 +0100\r\nMessage-ID: <%s>\r\nIn-Reply-To: <%s>\r\nReferences: <%s>\r\n"+
				"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nTakk for svar. Legitimasjon ligger ved.\r\n",
				i, froms[parent], ids[i], ids[parent], ids[parent]))
			mb.followUps++
		default:
			src := corpus[i%len(corpus)]
			head, body, ok := bytes.Cut(src, []byte("\r\n\r\n"))
			if !ok {
				t.Fatalf("corpus message %d has no header end", i%len(corpus))
			}
			h := threadHeader.ReplaceAll(append(head[:len(head):len(head)], "\r\n"...), nil)
			h = msgIDHeader.ReplaceAll(h, nil)
			h = bytes.ReplaceAll(h, []byte("[PV-"), []byte("(PV-"))
			froms[i] = string(fromHeader.Find(h))
			var b bytes.Buffer
			fmt.Fprintf(&b, "X-Intake-Seq: %d\r\n", i)
			if i%10 == 4 {
				mb.noID++
			} else {
				ids[i] = fmt.Sprintf("n-%04d@example.no", i)
				fmt.Fprintf(&b, "Message-ID: <%s>\r\n", ids[i])
			}
			b.Write(h)
			b.WriteString("\r\n")
			b.Write(body)
			raw = b.Bytes()
		}
		if froms[i] == "" {
			t.Fatalf("message %d has no From", i)
		}
		mb.msgs = append(mb.msgs, dovetest.Msg{Raw: raw, Date: at})
	}
	return mb
}

// plainIMAP is the configuration for srv's plain port (loopback only).
func plainIMAP(srv *dovetest.Server, port int) mail.IMAPConfig {
	return mail.IMAPConfig{Host: "127.0.0.1", Port: port, Security: "none",
		Username: srv.User, Password: srv.Password, Timeout: 10 * time.Second}
}

// checkStoredOnce checks that d holds exactly n messages, none twice by
// IMAP identity, Message-ID or content, in requests cases, each opened by
// one audit event, with an unbroken audit chain.
func checkStoredOnce(t *testing.T, d *desk.Desk, n, requests int) {
	t.Helper()
	ctx := context.Background()
	count := func(q string) int {
		t.Helper()
		var c int
		if err := d.Store().DB().QueryRowContext(ctx, q).Scan(&c); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return c
	}
	if got := count(`SELECT count(*) FROM messages`); got != n {
		t.Errorf("%d messages stored, want %d", got, n)
	}
	for what, q := range map[string]string{
		"IMAP identity": `SELECT count(*) FROM (SELECT 1 FROM messages WHERE uid > 0 GROUP BY mailbox, uidvalidity, uid HAVING count(*) > 1)`,
		"Message-ID":    `SELECT count(*) FROM (SELECT 1 FROM messages WHERE message_id <> '' GROUP BY message_id HAVING count(*) > 1)`,
		"content":       `SELECT count(*) FROM (SELECT 1 FROM messages GROUP BY raw_sha256 HAVING count(*) > 1)`,
	} {
		if got := count(q); got != 0 {
			t.Errorf("%d messages stored twice by %s", got, what)
		}
	}
	if got := count(`SELECT count(*) FROM cases`); got != requests {
		t.Errorf("%d cases, want one per request: %d", got, requests)
	}
	if got := count(`SELECT count(*) FROM events WHERE kind = 'case.opened'`); got != requests {
		t.Errorf("%d case.opened events, want %d", got, requests)
	}
	if _, err := d.Store().VerifyAudit(ctx); err != nil {
		t.Errorf("audit chain: %v", err)
	}
}

// serverState asks Dovecot for INBOX's UIDVALIDITY and highest UID.
func serverState(t *testing.T, srv *dovetest.Server) (uidvalidity, highest uint32) {
	t.Helper()
	out := srv.Doveadm(t, "-f", "flow", "mailbox", "status", "-u", srv.User, "uidvalidity uidnext", "INBOX")
	var next uint32
	for _, f := range strings.Fields(out) {
		k, v, _ := strings.Cut(f, "=")
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			continue
		}
		switch k {
		case "uidvalidity":
			uidvalidity = uint32(n)
		case "uidnext":
			next = uint32(n)
		}
	}
	if uidvalidity == 0 || next == 0 {
		t.Fatalf("doveadm mailbox status: %q", out)
	}
	return uidvalidity, next - 1
}

// checkCursor checks that the desk's cursor stands at the server's
// UIDVALIDITY and highest UID.
func checkCursor(t *testing.T, d *desk.Desk, srv *dovetest.Server) {
	t.Helper()
	cur, err := d.Store().Cursor(context.Background(), "INBOX")
	if err != nil {
		t.Fatal(err)
	}
	uidv, high := serverState(t, srv)
	if cur.UIDValidity != uidv || cur.LastUID != high {
		t.Errorf("cursor at %d:%d, want the server's %d:%d", cur.UIDValidity, cur.LastUID, uidv, high)
	}
}

// stallProxy forwards TCP connections to an IMAP server and can stop
// passing the server's bytes on, without closing anything, once a given
// number has gone through: a server that hangs in the middle of a response.
type stallProxy struct {
	ln     net.Listener
	target string

	mu         sync.Mutex
	stallAfter int64 // server-to-client bytes before the stall; 0 never
	// stallOn stalls the answer to the first client command that holds
	// it, and everything after (the listing is a few short ESEARCH
	// answers, which no byte count finds reliably).
	stallOn   []byte
	armed     bool // the client sent stallOn: hold the server's next bytes
	passed    int64
	stalledAt time.Time     // when the stall began; zero before
	resume    chan struct{} // closed to forward again
	conns     []net.Conn
}

func newStallProxy(t *testing.T, target string, stallAfter int64) *stallProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &stallProxy{ln: ln, target: target, stallAfter: stallAfter, resume: make(chan struct{})}
	go p.serve()
	t.Cleanup(p.close)
	return p
}

func (p *stallProxy) port() int { return p.ln.Addr().(*net.TCPAddr).Port }

func (p *stallProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, s)
		p.mu.Unlock()
		go func() {
			p.clientToServer(s, c)
			s.Close()
		}()
		go func() {
			p.serverToClient(c, s)
			c.Close()
		}()
	}
}

// clientToServer copies c to s and arms the stall once c sends stallOn.
func (p *stallProxy) clientToServer(s, c net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := c.Read(buf)
		if n > 0 {
			p.mu.Lock()
			if len(p.stallOn) > 0 && bytes.Contains(bytes.ToUpper(buf[:n]), p.stallOn) {
				p.armed = true
			}
			p.mu.Unlock()
			if _, err := s.Write(buf[:n]); err != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// serverToClient copies s to c until the byte count reaches stallAfter (or
// the client has sent stallOn), then sends nothing more until resumed.
func (p *stallProxy) serverToClient(c, s net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := s.Read(buf)
		if n > 0 {
			b := buf[:n]
			p.mu.Lock()
			stallNow := p.stalledAt.IsZero() && (p.armed || p.stallAfter > 0 && p.passed+int64(n) >= p.stallAfter)
			if stallNow {
				p.stalledAt = time.Now()
				if p.armed {
					b = b[:0] // hold the whole answer
				} else {
					b = b[:p.stallAfter-p.passed]
				}
			}
			p.passed += int64(len(b))
			p.mu.Unlock()
			if _, err := c.Write(b); err != nil {
				return
			}
			if stallNow {
				<-p.resume
				if _, err := c.Write(buf[len(b):n]); err != nil {
					return
				}
			}
		}
		if err != nil {
			return
		}
	}
}

func (p *stallProxy) stallStart() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stalledAt
}

func (p *stallProxy) close() {
	p.ln.Close()
	select {
	case <-p.resume:
	default:
		close(p.resume)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}

// TestStalledServerTimesOut stalls the server, with timeout = 1s, in the
// greeting, in the listing of new UIDs and in the middle of a FETCH (after
// a megabyte of bodies): each time the watchdog ends the sync with a
// timeout within a few seconds of the silence rather than waiting forever.
// What was committed before the stall stays, and once the server answers
// again a retry stores the rest, each message once.
func TestStalledServerTimesOut(t *testing.T) {
	srv := dovetest.Start(t)
	mb := buildMailbox(t, 2000)
	srv.DeliverMany(t, "INBOX", mb.msgs)
	ctx := context.Background()

	// stall syncs through a proxy that stalls after the given number of
	// server bytes, or at the answer to the first command holding on, and
	// checks that the sync times out in time.
	stall := func(t *testing.T, d *desk.Desk, after int64, on string) (*stallProxy, mail.IMAPConfig) {
		t.Helper()
		proxy := newStallProxy(t, srv.Addr(), after)
		proxy.stallOn = []byte(on)
		ic := plainIMAP(srv, proxy.port())
		ic.Timeout, ic.BatchSize = time.Second, 100
		_, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic})
		returned := time.Now()
		if err == nil {
			t.Fatal("the sync succeeded through a stalled server")
		}
		stalled := proxy.stallStart()
		if stalled.IsZero() {
			t.Fatalf("the proxy never stalled; the sync failed with %v", err)
		}
		t.Logf("stalled after %d bytes%s; returned %v later: %v", after, map[bool]string{true: " at the answer to " + on}[on != ""], returned.Sub(stalled).Round(time.Millisecond), err)
		if k := mail.KindOf(err); k != mail.KindTimeout {
			t.Errorf("error kind %v, want timeout: %v", k, err)
		}
		if took := returned.Sub(stalled); took > 5*time.Second {
			t.Errorf("the sync gave up %v after the server fell silent, want about 1s", took)
		}
		return proxy, ic
	}

	// The greeting is the first byte; the listing of new UIDs is what
	// answers the first UID SEARCH (Dovecot has ESEARCH).
	for _, c := range []struct {
		name  string
		after int64
		on    string
	}{{"greeting", 1, ""}, {"listing", 0, "UID SEARCH"}} {
		t.Run(c.name, func(t *testing.T) {
			d := newDesk(t)
			stall(t, d, c.after, c.on)
			if n, _ := d.Store().CountMessages(ctx); n != 0 {
				t.Errorf("%d messages stored", n)
			}
		})
	}

	t.Run("fetch", func(t *testing.T) {
		d := newDesk(t)
		proxy, ic := stall(t, d, 1<<20, "")
		n, _ := d.Store().CountMessages(ctx)
		if n == 0 || n >= len(mb.msgs) {
			t.Errorf("%d messages stored before the stall, want some but not all", n)
		}
		close(proxy.resume)
		reps, err := d.SyncWithRetry(ctx, desk.SyncOptions{IMAP: ic}, 3, nil)
		if err != nil {
			t.Fatalf("sync after the server came back: %v", err)
		}
		if r := reps[0]; r.NewCases+r.Threaded != len(mb.msgs)-n {
			t.Errorf("the retry stored %d, want the %d left", r.NewCases+r.Threaded, len(mb.msgs)-n)
		}
		checkStoredOnce(t, d, len(mb.msgs), mb.requests())
		checkCursor(t, d, srv)
	})
}

// TestKickedSyncResumes cuts the connection (doveadm kick) once a sync has
// committed 30 % of a large mailbox: the sync fails as a lost connection,
// and a retry resumes from the cursor with nothing lost or stored twice.
func TestKickedSyncResumes(t *testing.T) {
	srv := dovetest.Start(t)
	mb := buildMailbox(t, 2000)
	srv.DeliverMany(t, "INBOX", mb.msgs)
	ic := plainIMAP(srv, srv.Port)
	ic.BatchSize = 100
	d := newDesk(t)
	ctx := context.Background()

	var once sync.Once
	kick := make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		_, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic, Progress: func(p desk.SyncProgress) {
			if p.Total > 0 && p.Done*10 >= p.Total*3 {
				once.Do(func() { close(kick) })
			}
		}})
		errc <- err
	}()
	var err error
	select {
	case <-kick:
		srv.Kick(t)
		err = <-errc
	case err = <-errc:
		t.Fatalf("the sync ended before 30 %% was committed: %v", err)
	}
	if err == nil {
		t.Fatal("the sync finished before the kick: make the mailbox larger")
	}
	if k := mail.KindOf(err); k != mail.KindLost {
		t.Errorf("error kind %v, want lost: %v", k, err)
	}
	n, _ := d.Store().CountMessages(ctx)
	t.Logf("kicked; %d messages committed: %v", n, err)
	if n < len(mb.msgs)*3/10 || n >= len(mb.msgs) {
		t.Errorf("%d messages stored before the kick, want at least 30 %% and not all", n)
	}

	var retries int
	reps, err := d.SyncWithRetry(ctx, desk.SyncOptions{IMAP: ic}, 3, func(error, time.Duration) { retries++ })
	if err != nil {
		t.Fatalf("retry: %v", err)
	}
	if r := reps[0]; r.NewCases+r.Threaded != len(mb.msgs)-n || retries != 0 {
		t.Errorf("the retry stored %d after %d waits, want the %d left at once", r.NewCases+r.Threaded, retries, len(mb.msgs)-n)
	}
	checkStoredOnce(t, d, len(mb.msgs), mb.requests())
	checkCursor(t, d, srv)
}

// TestRenumberedMailboxStoresNothingTwice syncs a mailbox, then has the
// server renumber it three ways, syncing after each: a new UIDVALIDITY, a
// new UIDVALIDITY with UIDs from 1 again (lost UID list and index), and new
// UIDs above the old ones under the same UIDVALIDITY (lost UID list). Each
// time every message comes again and is recognised, by Message-ID or, for
// those without one, by content: nothing is stored twice, nothing lost.
func TestRenumberedMailboxStoresNothingTwice(t *testing.T) {
	srv := dovetest.Start(t)
	mb := buildMailbox(t, 300)
	if mb.noID == 0 {
		t.Fatal("no message without a Message-ID: the content hash goes untested")
	}
	srv.DeliverMany(t, "INBOX", mb.msgs)
	ic := plainIMAP(srv, srv.Port)
	d := newDesk(t)
	ctx := context.Background()

	reps, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic})
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.NewCases != mb.requests() || r.Threaded != mb.followUps {
		t.Fatalf("first sync %+v, want %d new cases and %d threaded", r, mb.requests(), mb.followUps)
	}
	checkCursor(t, d, srv)

	for _, step := range []struct {
		name   string
		change func()
	}{
		{"new UIDVALIDITY", func() {
			uidv, _ := serverState(t, srv)
			srv.SetUIDValidity(t, "INBOX", uidv+1000)
		}},
		{"UID list and index lost", func() { srv.ResetUIDListAndIndex(t, "INBOX") }},
		{"UID list lost", func() {
			srv.ResetUIDList(t, "INBOX")
			// Dovecot rescans a maildir only when its directories look
			// changed, and until then serves the UIDs its index has; a
			// newer mtime on cur/ makes the next look (the STATUS below)
			// find the files without UIDs, as a real server would sooner
			// or later.
			dir := strings.TrimSpace(srv.Doveadm(t, "mailbox", "path", "-u", srv.User, "INBOX"))
			later := time.Now().Add(time.Second)
			if err := os.Chtimes(filepath.Join(dir, "cur"), later, later); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		before, _ := d.Store().Cursor(ctx, "INBOX")
		step.change()
		uidv, high := serverState(t, srv)
		t.Logf("%s: %d:%d is now %d:%d", step.name, before.UIDValidity, before.LastUID, uidv, high)
		if uidv == before.UIDValidity && high <= before.LastUID {
			t.Fatalf("%s: the server did not renumber", step.name)
		}
		reps, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic})
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if r := reps[0]; r.Fetched != len(mb.msgs) || r.AlreadyStored != len(mb.msgs) || r.NewCases+r.Threaded != 0 {
			t.Errorf("%s: sync %+v, want all %d fetched and already stored", step.name, r, len(mb.msgs))
		}
		checkStoredOnce(t, d, len(mb.msgs), mb.requests())
		checkCursor(t, d, srv)
	}
}

// padTo returns raw with a folded X-Padding header in front that makes it
// about size bytes.
func padTo(raw []byte, size int) []byte {
	var b bytes.Buffer
	b.WriteString("X-Padding:")
	for b.Len()+len(raw) < size {
		b.WriteString(" " + strings.Repeat("p", 74) + "\r\n")
	}
	b.Write(raw)
	return b.Bytes()
}

// TestExpungedDuringFetchIsNotRecorded expunges a message that is asked for
// but not yet sent, while a FETCH streams: it is not stored, nor recorded
// as stored (the cursor stays below it), nothing else is lost, and the
// next sync stores nothing new and moves the cursor to the highest UID.
func TestExpungedDuringFetchIsNotRecorded(t *testing.T) {
	srv := dovetest.Start(t)
	mb := buildMailbox(t, 600)
	for i := range mb.msgs {
		mb.msgs[i].Raw = padTo(mb.msgs[i].Raw, 64<<10)
	}
	srv.DeliverMany(t, "INBOX", mb.msgs)
	// UIDs 1..600. The first FETCH asks for 1..500; with batches of 10
	// the first commit comes after a few dozen messages, far short of
	// 480, which lies some 30 MB further into the response than that:
	// more than the socket buffers hold, so Dovecot has not read it yet.
	const gone = imap.UID(480)
	ic := plainIMAP(srv, srv.Port)
	ic.BatchSize = 10
	d := newDesk(t)
	ctx := context.Background()

	expunged := false
	_, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic, Progress: func(p desk.SyncProgress) {
		if p.Done > 0 && !expunged {
			srv.Expunge(t, "INBOX", gone)
			expunged = true
		}
	}})
	if !expunged {
		t.Fatal("no commit came to expunge after")
	}
	if err != nil {
		t.Fatalf("sync with a message expunged during the fetch: %v", err)
	}
	var storedGone int
	d.Store().DB().QueryRow(`SELECT count(*) FROM messages WHERE uid = ?`, int64(gone)).Scan(&storedGone)
	if storedGone != 0 {
		t.Errorf("UID %d was stored though it was expunged before it was sent", gone)
	}
	cur, _ := d.Store().Cursor(ctx, "INBOX")
	if cur.LastUID >= uint32(gone) {
		t.Errorf("cursor at UID %d, past the expunged UID %d it never got", cur.LastUID, gone)
	}
	// UID n is message n-1 of the mailbox.
	requests := mb.requests()
	if !mb.isFollowUp(int(gone) - 1) {
		requests--
	}
	checkStoredOnce(t, d, len(mb.msgs)-1, requests)

	reps, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic})
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.NewCases+r.Threaded != 0 {
		t.Errorf("the next sync stored %+v, want nothing new", r)
	}
	checkStoredOnce(t, d, len(mb.msgs)-1, requests)
	checkCursor(t, d, srv)
}

// TestEmptyMessageDoesNotHoldBackTheCursor delivers a 0-byte message among
// others. Its empty literal is not an expunge, since it was listed with no
// bytes: it is recorded like any message, the cursor passes it, and the
// next sync fetches nothing again.
func TestEmptyMessageDoesNotHoldBackTheCursor(t *testing.T) {
	// The listing tells an empty message from the others by a search with
	// ESEARCH and by its size without; check both.
	t.Run("ESEARCH", func(t *testing.T) { emptyMessageDoesNotHoldBackTheCursor(t) })
	t.Run("without ESEARCH", func(t *testing.T) {
		emptyMessageDoesNotHoldBackTheCursor(t, "imap_capability = IMAP4rev1 LITERAL+ SASL-IR ID ENABLE IDLE UIDPLUS")
	})
}

func emptyMessageDoesNotHoldBackTheCursor(t *testing.T, conf ...string) {
	srv := dovetest.Start(t, conf...)
	mb := buildMailbox(t, 50)
	mb.msgs[10].Raw = nil
	srv.DeliverMany(t, "INBOX", mb.msgs)
	d := newDesk(t)
	ctx := context.Background()
	ic := plainIMAP(srv, srv.Port)

	reps, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic})
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.Fetched != len(mb.msgs) {
		t.Errorf("first sync %+v, want all %d fetched", r, len(mb.msgs))
	}
	checkCursor(t, d, srv)
	reps, err = d.Sync(ctx, desk.SyncOptions{IMAP: ic})
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.Fetched != 0 {
		t.Errorf("second sync %+v, want nothing fetched again", r)
	}
	checkStoredOnce(t, d, len(mb.msgs), mb.requests())
	var n int
	d.Store().DB().QueryRow(`SELECT count(*) FROM messages WHERE uid = 11 AND length(raw) = 0`).Scan(&n)
	if n != 1 {
		t.Errorf("the empty message (UID 11) is not recorded")
	}
}

// TestOversizeMessageStoredAsHeaders delivers a 50 KB request with
// max_message_bytes at 10,000: only its header is fetched and stored, with
// a warning that names the setting, and it still opens a case; a small
// message next to it is stored whole.
func TestOversizeMessageStoredAsHeaders(t *testing.T) {
	srv := dovetest.Start(t)
	small := msg{from: "ola@example.no", subject: "Innsyn", id: "small@example.no",
		body: "Jeg ber om innsyn i opplysningene dere har om meg.\n"}.raw()
	big := msg{from: "kari@example.no", subject: "Sletting", id: "big@example.no",
		body: "Slett alle opplysninger om meg.\n" + strings.Repeat("Vedlagt dokumentasjon følger under.\n", 1300)}.raw()
	if len(big) < 48_000 || len(big) > 52_000 {
		t.Fatalf("big message is %d bytes, want about 50 KB", len(big))
	}
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	srv.DeliverMany(t, "INBOX", []dovetest.Msg{{Raw: small, Date: at}, {Raw: big, Date: at}})
	ic := plainIMAP(srv, srv.Port)
	ic.MaxMessageBytes = 10_000
	d := newDesk(t)
	ctx := context.Background()

	reps, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic})
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.NewCases != 2 || r.Warnings == 0 {
		t.Errorf("sync %+v, want 2 new cases and a warning", r)
	}
	header, _, _ := bytes.Cut(big, []byte("\r\n\r\n"))
	for _, c := range []struct {
		from    string
		raw     []byte
		warning bool
	}{
		{"ola@example.no", small, false},
		{"kari@example.no", append(header, "\r\n\r\n"...), true},
	} {
		var id, caseID int64
		var warnings string
		err := d.Store().DB().QueryRow(`SELECT id, case_id, warnings FROM messages WHERE from_addr = ?`, c.from).Scan(&id, &caseID, &warnings)
		if err != nil {
			t.Fatalf("%s: %v", c.from, err)
		}
		raw, err := d.Store().Raw(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(raw, c.raw) {
			t.Errorf("%s: stored %d bytes, want %d", c.from, len(raw), len(c.raw))
		}
		if got := strings.Contains(warnings, "max_message_bytes"); got != c.warning {
			t.Errorf("%s: warnings %s", c.from, warnings)
		}
		// 50 KB is not "0.0 MB".
		if c.warning && zeroMB.MatchString(warnings) {
			t.Errorf("%s: the warning gives a size under 1 MB in MB: %s", c.from, warnings)
		}
		cs, err := d.Case(ctx, caseID)
		if err != nil || len(cs.Messages) != 1 || cs.Case.Requester != c.from {
			t.Errorf("%s: case %+v, %v", c.from, cs, err)
		}
	}
}

var zeroMB = regexp.MustCompile(`\b0\.\d MB`)

// FuzzIngest feeds arbitrary bytes through the whole intake path, parse,
// classify, dedupe, thread, open a case, into a real store: the message is
// stored without error, the very bytes come back, and the same bytes again,
// under the same IMAP identity or another, are recognised as stored. Each
// fuzz worker has one store, emptied before every input, so what an input
// finds stored is only what it stored itself.
func FuzzIngest(f *testing.F) {
	for _, raw := range loadCorpus(f) {
		f.Add(raw)
	}
	// Shapes the corpus lacks: nothing at all, a header without a body, a
	// message that answers itself and carries a case tag, NULs and bytes
	// that are not UTF-8 in the fields that become TEXT columns.
	for _, raw := range []string{
		"",
		"\r\n",
		"From: a@example.no\r\n\r\n",
		"Message-ID: <self@example.no>\r\nIn-Reply-To: <self@example.no>\r\nReferences: <self@example.no>\r\n" +
			"From: a@example.no\r\nSubject: Re: [PV-2026-0001] innsyn\r\n\r\nJeg vil ha innsyn.\r\n",
		"From: \"N\x00ul\xff\" <n\x00@example.no>\r\nSubject: \xc3\x28 slett\x00 meg\r\nMessage-ID: <\xfe@x>\r\n\r\nslett\x00\xff\r\n",
	} {
		f.Add([]byte(raw))
	}
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	d := desk.New(st, desk.Options{Now: func() time.Time { return fixedNow }, User: "kari"})
	received := fixedNow.Add(-time.Hour)

	f.Fuzz(func(t *testing.T, raw []byte) {
		if err := emptyStore(ctx, st.DB()); err != nil {
			t.Fatal(err)
		}
		ingest := func(uidvalidity, uid uint32) desk.IngestResult {
			t.Helper()
			res, err := d.Ingest(ctx, desk.Incoming{Mailbox: "INBOX", UIDValidity: uidvalidity, UID: uid,
				InternalDate: received, Size: int64(len(raw)), Raw: raw})
			if err != nil {
				if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
					t.Skip(err)
				}
				t.Fatalf("ingest %d:%d: %v", uidvalidity, uid, err)
			}
			return res
		}
		// Nothing else is stored, so nothing to thread onto: a new case.
		if res := ingest(7, 1); res.Outcome != desk.OutcomeNewCase || res.CaseID == 0 {
			t.Fatalf("first ingest: %+v, want a new case", res)
		}
		for _, id := range [][2]uint32{{7, 1}, {8, 1}} {
			if res := ingest(id[0], id[1]); res.Outcome != desk.OutcomeAlreadyStored {
				t.Fatalf("the same bytes as %d:%d: %v, want already stored", id[0], id[1], res.Outcome)
			}
		}
		var n int
		var back []byte
		if err := st.DB().QueryRowContext(ctx, `SELECT count(*), raw FROM messages`).Scan(&n, &back); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Fatalf("%d messages stored, want 1", n)
		}
		if !bytes.Equal(back, raw) {
			t.Fatalf("stored %d bytes that differ from the %d ingested", len(back), len(raw))
		}
		if c, err := st.CountCases(ctx); err != nil || c != 1 {
			t.Fatalf("%d cases, want 1 (%v)", c, err)
		}
	})
}

// emptyStore deletes every row of every table, in one transaction whose
// foreign keys are checked only at the commit, when nothing is left to
// refer to anything; tables added by later migrations are emptied too.
func emptyStore(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, name)
	}
	rows.Close()
	for _, name := range tables {
		if _, err := tx.ExecContext(ctx, `DELETE FROM "`+name+`"`); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// TestSizeLimitBeyondIMAPNumbers: a max_message_bytes beyond what an IMAP4rev1
// number holds (32 bits) lists and syncs as any other. Dovecot would take
// the number in LARGER; a server that keeps to RFC 3501 may not, so the
// listing does not ask.
func TestSizeLimitBeyondIMAPNumbers(t *testing.T) {
	srv := dovetest.Start(t)
	mb := buildMailbox(t, 5)
	srv.DeliverMany(t, "INBOX", mb.msgs)
	ic := plainIMAP(srv, srv.Port)
	ic.MaxMessageBytes = 8 << 30
	d := newDesk(t)
	reps, err := d.Sync(context.Background(), desk.SyncOptions{IMAP: ic})
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.Fetched != len(mb.msgs) || r.Warnings != 0 {
		t.Errorf("sync %+v, want all %d fetched whole", r, len(mb.msgs))
	}
}
