package mail

import (
	"bytes"
	"context"
	"io"
	"log"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// connectDemo logs in to a fresh demo server the way the desk does.
func connectDemo(t *testing.T) (*DemoServer, *Conn) {
	t.Helper()
	s, err := StartDemo(time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	host, port, _ := net.SplitHostPort(s.Addr)
	p, _ := strconv.Atoi(port)
	c, err := Connect(context.Background(), IMAPConfig{Host: host, Port: p, Security: "none",
		Username: s.User, Password: s.Password, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return s, c
}

type storedMsg struct {
	flags []imap.Flag
	date  time.Time
	raw   []byte
}

// fetchMailbox reads every message in mailbox, flags, INTERNALDATE and bytes.
func fetchMailbox(t *testing.T, c *Conn, mailbox string) []storedMsg {
	t.Helper()
	if _, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		t.Fatal(err)
	}
	var all imap.UIDSet
	all.AddRange(1, 0)
	section := &imap.FetchItemBodySection{Peek: true}
	msgs, err := c.Fetch(all, &imap.FetchOptions{Flags: true, InternalDate: true,
		BodySection: []*imap.FetchItemBodySection{section}}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	var out []storedMsg
	for _, m := range msgs {
		out = append(out, storedMsg{flags: m.Flags, date: m.InternalDate, raw: m.FindBodySection(section)})
	}
	return out
}

func TestAppendSentStoresTheLetterSeen(t *testing.T) {
	_, c := connectDemo(t)
	if got := FindSentMailbox(c); got != "Sent" {
		t.Fatalf("FindSentMailbox = %q, want Sent", got)
	}
	raw, id, err := BuildMessage(Outgoing{
		From:      Address{Name: "Magnet AS", Addr: "post@magnetharstad.no"},
		To:        Address{Name: "Kari Nordmann", Addr: "kari@example.no"},
		Subject:   "Sv: Innsyn – svar på kravet ditt",
		InReplyTo: "req-1@example.no",
		Body:      "Hei Kari,\nhær er svaret.\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 2, 14, 5, 9, 700_000_000, time.UTC)
	if err := c.AppendSent("Sent", raw, at); err != nil {
		t.Fatal(err)
	}
	got := fetchMailbox(t, c, "Sent")
	if len(got) != 1 {
		t.Fatalf("Sent holds %d messages, want 1", len(got))
	}
	if !slices.Contains(got[0].flags, imap.FlagSeen) {
		t.Errorf("flags %v, want \\Seen", got[0].flags)
	}
	if !got[0].date.Equal(at.Truncate(time.Second)) {
		t.Errorf("INTERNALDATE %v, want %v", got[0].date, at.Truncate(time.Second))
	}
	if !bytes.Equal(got[0].raw, raw) {
		t.Errorf("stored\n%q\nwant\n%q", got[0].raw, raw)
	}
	if m := Parse(got[0].raw); m.MessageID != id || m.Subject != "Sv: Innsyn – svar på kravet ditt" {
		t.Errorf("stored letter parses as %q %q", m.MessageID, m.Subject)
	}
	if n := len(fetchMailbox(t, c, "INBOX")); n == 0 {
		t.Error("INBOX is empty: the letter went to the wrong place or the seed is gone")
	}

	// Bare LF line ends are made CRLF for IMAP.
	if err := c.AppendSent("Sent", []byte("Subject: lf\n\nline\n"), time.Time{}); err != nil {
		t.Fatal(err)
	}
	if got := fetchMailbox(t, c, "Sent"); len(got) != 2 || string(got[1].raw) != "Subject: lf\r\n\r\nline\r\n" {
		t.Errorf("after a bare-LF append Sent holds %d, last %q", len(got), got[len(got)-1].raw)
	}
}

func TestAppendSentDoesNotCreateAMailbox(t *testing.T) {
	_, c := connectDemo(t)
	err := c.AppendSent("Sendte elementer", []byte("Subject: x\r\n\r\nx\r\n"), time.Now())
	if KindOf(err) != KindMailbox {
		t.Fatalf("append to a missing mailbox: %v (%s), want KindMailbox", err, KindOf(err))
	}
	list, lerr := c.List("", "*", nil).Collect()
	if lerr != nil {
		t.Fatal(lerr)
	}
	for _, l := range list {
		if l.Mailbox == "Sendte elementer" {
			t.Error("the mailbox was created")
		}
	}
	if err := c.AppendSent("", []byte("x"), time.Now()); KindOf(err) != KindConfig {
		t.Errorf("append to no mailbox: %v", err)
	}
}

func TestDeliverSent(t *testing.T) {
	s, c := connectDemo(t)
	at := time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
	if err := s.DeliverSent([]byte("Subject: demo\n\nsendt\n"), at); err != nil {
		t.Fatal(err)
	}
	got := fetchMailbox(t, c, "Sent")
	if len(got) != 1 || !slices.Contains(got[0].flags, imap.FlagSeen) || !got[0].date.Equal(at) ||
		string(got[0].raw) != "Subject: demo\r\n\r\nsendt\r\n" {
		t.Errorf("Sent holds %+v", got)
	}
	if err := s.DeliverSent([]byte("x"), time.Time{}); err == nil {
		t.Error("DeliverSent with a zero time succeeded")
	}
	s.Close()
	if err := s.DeliverSent([]byte("x"), at); err == nil {
		t.Error("DeliverSent after Close succeeded")
	}
}

func TestSentMailboxChoice(t *testing.T) {
	l := func(name string, attrs ...imap.MailboxAttr) *imap.ListData {
		return &imap.ListData{Mailbox: name, Delim: '.', Attrs: attrs}
	}
	cases := []struct {
		name string
		list []*imap.ListData
		want string
	}{
		{"special-use wins over the name", []*imap.ListData{l("INBOX"), l("Sent"), l("Sendte elementer", imap.MailboxAttrSent)}, "Sendte elementer"},
		{"first marked in server order", []*imap.ListData{l("Sent Items", imap.MailboxAttrSent), l("Sent", imap.MailboxAttrSent)}, "Sent Items"},
		{"marked but not selectable", []*imap.ListData{l("Old", imap.MailboxAttrSent, imap.MailboxAttrNoSelect), l("INBOX.Sent")}, "INBOX.Sent"},
		{"by leaf name under INBOX", []*imap.ListData{l("INBOX"), l("INBOX.Drafts"), l("INBOX.sent")}, "INBOX.sent"},
		{"no delimiter", []*imap.ListData{{Mailbox: "SENT"}}, "SENT"},
		{"nothing: the default", []*imap.ListData{l("INBOX"), l("Archive")}, "Sent"},
		{"empty list", nil, "Sent"},
	}
	for _, c := range cases {
		if got := sentMailbox(c.list); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// markSentSession is a memory-server session whose LIST marks "Sendte
// elementer" \Sent (imapmemserver drops the special-use of Create) and
// shows the mark in a plain LIST only if plainMarks is set, as some
// servers do and others do not.
type markSentSession struct {
	// The memory server's session does IMAP4rev2, which the server
	// checks for before it advertises it.
	imapserver.SessionIMAP4rev2
	plainMarks bool
	asked      *atomic.Bool // LIST RETURN (SPECIAL-USE) was sent
}

func (s *markSentSession) List(w *imapserver.ListWriter, _ string, _ []string, options *imap.ListOptions) error {
	if options.ReturnSpecialUse {
		s.asked.Store(true)
	}
	for _, name := range []string{"INBOX", "Sendte elementer", "Sent"} {
		data := &imap.ListData{Mailbox: name, Delim: '/'}
		if name == "Sendte elementer" && (options.ReturnSpecialUse || s.plainMarks) {
			data.Attrs = []imap.MailboxAttr{imap.MailboxAttrSent}
		}
		if err := w.WriteList(data); err != nil {
			return err
		}
	}
	return nil
}

// startMarkedIMAP serves a user whose sent mail lives in "Sendte
// elementer", marked \Sent, beside an unmarked "Sent".
func startMarkedIMAP(t *testing.T, caps imap.CapSet, plainMarks bool) (*Conn, *atomic.Bool) {
	t.Helper()
	mem := imapmemserver.New()
	mem.AddUser(imapmemserver.NewUser("u", "p"))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	asked := new(atomic.Bool)
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return &markSentSession{SessionIMAP4rev2: mem.NewSession().(imapserver.SessionIMAP4rev2), plainMarks: plainMarks, asked: asked}, nil, nil
		},
		Caps:         caps,
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	})
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close(); ln.Close() })
	c, err := Connect(context.Background(), IMAPConfig{Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port,
		Security: "none", Username: "u", Password: "p", Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c, asked
}

func TestFindSentMailboxUsesTheSentMark(t *testing.T) {
	rev1 := imap.CapSet{imap.CapIMAP4rev1: {}}
	rev2 := imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}}
	ext := imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapListExtended: {}, imap.CapSpecialUse: {}}
	cases := []struct {
		name       string
		caps       imap.CapSet
		plainMarks bool
		want       string
		wantAsked  bool
	}{
		{"IMAP4rev2 asks for the mark", rev2, false, "Sendte elementer", true},
		{"LIST-EXTENDED and SPECIAL-USE ask for it", ext, false, "Sendte elementer", true},
		{"IMAP4rev1 reads it from a plain LIST", rev1, true, "Sendte elementer", false},
		{"IMAP4rev1 without marks goes by name", rev1, false, "Sent", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conn, asked := startMarkedIMAP(t, c.caps, c.plainMarks)
			if got := FindSentMailbox(conn); got != c.want {
				t.Errorf("FindSentMailbox = %q, want %q", got, c.want)
			}
			if asked.Load() != c.wantAsked {
				t.Errorf("LIST RETURN (SPECIAL-USE) sent: %v, want %v", asked.Load(), c.wantAsked)
			}
		})
	}
}

// echoLoginSession refuses every login, quoting the password it was sent.
type echoLoginSession struct{ imapserver.Session }

func (echoLoginSession) Login(user, pass string) error {
	return &imap.Error{Type: imap.StatusResponseTypeNo, Text: "no user " + user + " with password " + pass}
}

// TestLoginRefusalRedactsPassword: a server that quotes the password in
// its refusal does not put it into the error.
func TestLoginRefusalRedactsPassword(t *testing.T) {
	mem := imapmemserver.New()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return echoLoginSession{mem.NewSession()}, nil, nil
		},
		Caps:         imap.CapSet{imap.CapIMAP4rev1: {}},
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	})
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close(); ln.Close() })
	const secret = "s3cret-Pw"
	_, err = Connect(context.Background(), IMAPConfig{Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port,
		Security: "none", Username: "u", Password: secret, Timeout: 10 * time.Second})
	if KindOf(err) != KindAuth {
		t.Fatalf("got %v, want KindAuth", err)
	}
	if msg := err.Error(); strings.Contains(msg, secret) || !strings.Contains(msg, "[redacted]") {
		t.Errorf("error %q", msg)
	}
}
