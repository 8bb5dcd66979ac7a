package mail

import (
	"bytes"
	"cmp"
	"embed"
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"net"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	// The demo stamps Oslo times whatever the host's zoneinfo; a minimal
	// container has none, and a demo that fails there helps nobody.
	_ "time/tzdata"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// The demo account. A fixed password is acceptable only because the server
// listens on loopback and holds nothing but the embedded sample mail.
const (
	demoUser     = "post@magnetharstad.no"
	demoPassword = "demo"
)

// datePlaceholder stands where the sample files' dates go. Real dates are
// stamped at seeding so that the mail is always "recent" relative to now,
// which is what makes overdue and due-soon cases appear in the demo.
const datePlaceholder = "{{DATE}}"

//go:embed demodata/manifest.tsv demodata/*.eml
var demoFS embed.FS

// DemoMessage is one sample message of the demo mailbox, as listed in
// demodata/manifest.tsv.
type DemoMessage struct {
	File    string  // file name under demodata/
	DaysAgo float64 // how long before "now" it arrives (its INTERNALDATE)
	// Labels are the rights (RIGHTS.md) the message invokes; empty for none.
	Labels []string
	Note   string // what the sample is meant to exercise
	// Raw is the file as embedded: LF line ends and the {{DATE}} placeholder
	// where StartDemo writes the sender's date.
	Raw []byte
}

// DemoMessages returns the sample messages in manifest order. Each call
// returns fresh copies, so callers may modify them.
func DemoMessages() ([]DemoMessage, error) {
	manifest, err := demoFS.ReadFile("demodata/manifest.tsv")
	if err != nil {
		return nil, err
	}
	var msgs []DemoMessage
	seen := make(map[string]bool)
	for i, line := range strings.Split(string(manifest), "\n") {
		if i == 0 || strings.TrimSpace(line) == "" {
			continue // header
		}
		m, err := parseManifestLine(line)
		if err != nil {
			return nil, fmt.Errorf("demodata/manifest.tsv:%d: %w", i+1, err)
		}
		if seen[m.File] {
			return nil, fmt.Errorf("demodata/manifest.tsv:%d: %s listed twice", i+1, m.File)
		}
		seen[m.File] = true
		if m.Raw, err = demoFS.ReadFile(path.Join("demodata", m.File)); err != nil {
			return nil, fmt.Errorf("demodata/manifest.tsv:%d: %w", i+1, err)
		}
		msgs = append(msgs, m)
	}
	return msgs, nil
}

func parseManifestLine(line string) (DemoMessage, error) {
	cols := strings.Split(line, "\t")
	if len(cols) != 4 {
		return DemoMessage{}, fmt.Errorf("want 4 tab-separated columns, got %d", len(cols))
	}
	days, err := strconv.ParseFloat(cols[1], 64)
	if err != nil || days < 0 || math.IsInf(days, 0) || math.IsNaN(days) {
		return DemoMessage{}, fmt.Errorf("days_ago %q: want a non-negative number", cols[1])
	}
	m := DemoMessage{File: cols[0], DaysAgo: days, Note: cols[3]}
	if cols[2] != "none" {
		m.Labels = strings.Split(cols[2], ",")
	}
	return m, nil
}

// DemoArrival is when a sample message that arrived daysAgo before now
// reaches the mailbox: its INTERNALDATE. It is whole seconds, the precision
// IMAP carries, so that what a client reads back equals what was seeded.
func DemoArrival(now time.Time, daysAgo float64) time.Time {
	d := time.Duration(math.Round(daysAgo*24*60*60)) * time.Second
	return now.Add(-d).Truncate(time.Second)
}

// DemoServer is an in-process IMAP server holding the demo mailbox of
// post@magnetharstad.no: INBOX with the sample mail, and an empty Sent.
// It speaks plain IMAP on loopback only.
type DemoServer struct {
	Addr     string // host:port on 127.0.0.1, a free port chosen at start
	User     string // the IMAP login, post@magnetharstad.no
	Password string // fixed; see demoPassword

	user   *imapmemserver.User
	srv    *imapserver.Server
	ln     net.Listener
	served chan struct{} // closed when Serve returns
	oslo   *time.Location

	closed    atomic.Bool
	closeOnce sync.Once
	closeErr  error
}

// StartDemo starts a demo server seeded with every sample message, oldest
// first, each with INTERNALDATE DemoArrival(now, DaysAgo) and a Date header a
// few seconds earlier in Oslo time. The same now gives the same mailbox.
func StartDemo(now time.Time) (*DemoServer, error) {
	oslo, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		return nil, err
	}
	msgs, err := DemoMessages()
	if err != nil {
		return nil, err
	}

	user := imapmemserver.NewUser(demoUser, demoPassword)
	if err := user.Create("INBOX", nil); err != nil {
		return nil, err
	}
	if err := user.Create("Sent", &imap.CreateOptions{
		SpecialUse: []imap.MailboxAttr{imap.MailboxAttrSent},
	}); err != nil {
		return nil, err
	}
	for _, name := range []string{"INBOX", "Sent"} {
		if err := user.Subscribe(name); err != nil {
			return nil, err
		}
	}

	// Oldest first, so UIDs rise with arrival as on a real server; the sort
	// is stable so equal ages keep manifest order and seeding stays
	// deterministic.
	slices.SortStableFunc(msgs, func(a, b DemoMessage) int {
		return cmp.Compare(b.DaysAgo, a.DaysAgo)
	})
	for i, m := range msgs {
		at := DemoArrival(now, m.DaysAgo).In(oslo)
		// A sender's clock and the relay hops put Date a little before
		// arrival; vary it so the sample does not look machine-made.
		sent := at.Add(-time.Duration(3+(i*7)%29) * time.Second)
		raw := m.Wire(sent)
		if _, err := appendMessage(user, raw, at); err != nil {
			return nil, fmt.Errorf("seed %s: %w", m.File, err)
		}
	}

	mem := imapmemserver.New()
	mem.AddUser(user)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps: imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}},
		// No TLS on loopback: there is no one in between to read the
		// password, and a self-signed certificate would only teach users
		// to skip verification.
		InsecureAuth: true,
		// The demo runs under a full-screen TUI; connection chatter on
		// stderr would tear the screen.
		Logger: log.New(io.Discard, "", 0),
	})
	s := &DemoServer{
		Addr:     ln.Addr().String(),
		User:     demoUser,
		Password: demoPassword,
		user:     user,
		srv:      srv,
		ln:       ln,
		served:   make(chan struct{}),
		oslo:     oslo,
	}
	go func() {
		defer close(s.served)
		_ = srv.Serve(ln) // returns nil once Close closes the listener
	}()
	return s, nil
}

// Deliver appends raw to INBOX as if it had just arrived at the given time,
// which becomes its INTERNALDATE. Clients in IDLE are told. A {{DATE}}
// placeholder in raw, as in the sample files, is stamped a second before at;
// otherwise raw is stored as given.
func (s *DemoServer) Deliver(raw []byte, at time.Time) error {
	if s.closed.Load() {
		return errors.New("demo server is closed")
	}
	if at.IsZero() {
		// The memory server would fill in the wall clock, and the mailbox
		// would no longer be reproducible.
		return errors.New("deliver: arrival time is zero")
	}
	at = at.Truncate(time.Second)
	raw = stampDate(raw, at.Add(-time.Second), s.oslo)
	_, err := appendMessage(s.user, raw, at.In(s.oslo))
	return err
}

// Close stops the server and drops every connection. It is safe to call
// more than once.
func (s *DemoServer) Close() error {
	s.closeOnce.Do(func() {
		s.closed.Store(true)
		s.closeErr = s.srv.Close()
		// Serve may not have registered the listener yet, in which case
		// the server's Close did not close it.
		if err := s.ln.Close(); err != nil && !errors.Is(err, net.ErrClosed) && s.closeErr == nil {
			s.closeErr = err
		}
		<-s.served
	})
	return s.closeErr
}

// Wire returns the message as a server holds it: the Date placeholder set to
// sent (Oslo time) and CRLF line ends. Tests that seed another server, such
// as a real Dovecot, use it to serve the same bytes as the demo.
func (m DemoMessage) Wire(sent time.Time) []byte {
	oslo, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		oslo = time.UTC
	}
	return toCRLF(stampDate(m.Raw, sent, oslo))
}

func appendMessage(u *imapmemserver.User, raw []byte, at time.Time) (*imap.AppendData, error) {
	return u.Append("INBOX", bytes.NewReader(raw), &imap.AppendOptions{Time: at})
}

// stampDate replaces every date placeholder with t as RFC 5322 writes it in
// Oslo time. Besides the Date header, a bounce quotes the headers of the
// returned mail, sent moments before; one instant serves both.
func stampDate(raw []byte, t time.Time, loc *time.Location) []byte {
	date := t.In(loc).Format("Mon, 02 Jan 2006 15:04:05 -0700")
	return bytes.ReplaceAll(raw, []byte(datePlaceholder), []byte(date))
}

// toCRLF gives bare LF line ends the CRLF that RFC 5322 and IMAP expect;
// the files keep LF so they diff and edit cleanly.
func toCRLF(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b) + bytes.Count(b, []byte("\n")))
	for i, c := range b {
		if c == '\n' && (i == 0 || b[i-1] != '\r') {
			out.WriteByte('\r')
		}
		out.WriteByte(c)
	}
	return out.Bytes()
}
