package mail_test

import (
	"bytes"
	"cmp"
	"io"
	"mime"
	"net"
	netmail "net/mail"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	_ "github.com/emersion/go-message/charset" // ISO-8859-1 parts
	gomail "github.com/emersion/go-message/mail"

	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/mail"
)

// testNow sits two weeks after the spring DST change, so the 60-day window
// holds both +0100 and +0200 dates.
var testNow = time.Date(2026, time.April, 12, 8, 15, 30, 0, time.UTC)

var exampleDomains = []string{"example.no", "example.com", "example.net"}

func demoMessages(t *testing.T) []mail.DemoMessage {
	t.Helper()
	msgs, err := mail.DemoMessages()
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}

func TestDemoMessagesAreWellFormed(t *testing.T) {
	ids := make(map[string]string)
	for _, m := range demoMessages(t) {
		t.Run(m.File, func(t *testing.T) {
			msg, err := netmail.ReadMessage(bytes.NewReader(m.Raw))
			if err != nil {
				t.Fatalf("net/mail: %v", err)
			}
			h := msg.Header
			if got := h.Get("Date"); got != "{{DATE}}" {
				t.Errorf("Date = %q, want the {{DATE}} placeholder", got)
			}
			if h.Get("MIME-Version") != "1.0" {
				t.Errorf("MIME-Version = %q", h.Get("MIME-Version"))
			}
			if _, _, err := mime.ParseMediaType(h.Get("Content-Type")); err != nil {
				t.Errorf("Content-Type: %v", err)
			}
			id := h.Get("Message-ID")
			if !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, ">") || !isExample(id[strings.LastIndex(id, "@")+1:len(id)-1]) {
				t.Errorf("Message-ID %q: want <...@example domain>", id)
			}
			if other, dup := ids[id]; dup {
				t.Errorf("Message-ID %s also in %s", id, other)
			}
			ids[id] = m.File

			from, err := h.AddressList("From")
			if err != nil || len(from) != 1 || from[0].Name == "" {
				t.Fatalf("From %q: want one named address (%v)", h.Get("From"), err)
			}
			if !isExample(from[0].Address[strings.LastIndex(from[0].Address, "@")+1:]) {
				t.Errorf("From %s: not at an example domain", from[0].Address)
			}
			to, err := h.AddressList("To")
			if err != nil || len(to) != 1 || to[0].Address != "post@magnetharstad.no" {
				t.Errorf("To %q: want post@magnetharstad.no (%v)", h.Get("To"), err)
			}
			subject, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
			if err != nil || subject == "" || strings.Contains(subject, "=?") {
				t.Errorf("Subject %q decodes to %q (%v)", h.Get("Subject"), subject, err)
			}
			walkParts(t, m.Raw)
		})
	}
}

// walkParts reads every part through go-message, as the syncer will, so a
// broken quoted-printable or base64 body fails here and not in a demo.
func walkParts(t *testing.T, raw []byte) {
	t.Helper()
	r, err := gomail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("go-message: %v", err)
	}
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("go-message part: %v", err)
		}
		if _, err := io.ReadAll(p.Body); err != nil {
			t.Fatalf("go-message body: %v", err)
		}
	}
}

func isExample(host string) bool {
	host = strings.ToLower(host)
	for _, d := range exampleDomains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

func TestDemoManifestCoverage(t *testing.T) {
	msgs := demoMessages(t)
	if len(msgs) < 36 {
		t.Errorf("%d messages, want at least 36", len(msgs))
	}

	perRight := make(map[dsr.Right]int)
	var multi, none, overdue, dueSoon, today int
	for _, m := range msgs {
		for _, l := range m.Labels {
			r, err := dsr.ParseRight(l)
			if err != nil || r == dsr.None {
				t.Errorf("%s: label %q: want a right from RIGHTS.md (%v)", m.File, l, err)
			}
			perRight[r]++
		}
		switch {
		case len(m.Labels) == 0:
			none++
		case len(m.Labels) > 1:
			multi++
		}
		switch {
		case m.DaysAgo >= 32 && m.DaysAgo <= 60:
			overdue++
		case m.DaysAgo >= 24 && m.DaysAgo <= 30:
			dueSoon++
		case m.DaysAgo > 20:
			t.Errorf("%s: days_ago %v is neither overdue, due soon nor fresh", m.File, m.DaysAgo)
		case m.DaysAgo < 1:
			today++
		}
	}
	for _, r := range dsr.AllRights {
		if perRight[r] < 2 {
			t.Errorf("right %s: %d messages, want at least 2", r, perRight[r])
		}
	}
	atLeast(t, "multi-right", multi, 6)
	atLeast(t, "none", none, 6)
	atLeast(t, "overdue (32-60 days)", overdue, 3)
	atLeast(t, "due soon (24-30 days)", dueSoon, 3)
	atLeast(t, "from today", today, 2)

	// The non-requests must include the kinds the classifier has to see
	// through, recognised here by their headers.
	kinds := map[string]int{}
	for _, m := range msgs {
		msg, err := netmail.ReadMessage(bytes.NewReader(m.Raw))
		if err != nil {
			t.Fatal(err)
		}
		mt, params, _ := mime.ParseMediaType(msg.Header.Get("Content-Type"))
		if msg.Header.Get("Auto-Submitted") == "auto-replied" && mt == "text/plain" {
			kinds["auto-reply"]++
		}
		if mt == "multipart/report" && params["report-type"] == "delivery-status" {
			kinds["bounce"]++
		}
		if mt == "text/html" {
			kinds["html-only"]++
		}
		if bytes.Contains(m.Raw, []byte("Content-Type: application/pdf")) {
			kinds["pdf attachment"]++
		}
		if strings.Contains(msg.Header.Get("Content-Type"), "iso-8859-1") {
			kinds["iso-8859-1"]++
		}
	}
	for _, k := range []string{"auto-reply", "bounce", "html-only", "pdf attachment", "iso-8859-1"} {
		atLeast(t, k, kinds[k], 1)
	}
}

func TestDemoFollowUpsThreadOntoEarlierRequests(t *testing.T) {
	msgs := demoMessages(t)
	byID := make(map[string]mail.DemoMessage)
	for _, m := range msgs {
		byID[header(t, m, "Message-ID")] = m
	}
	followUps := 0
	for _, m := range msgs {
		irt := header(t, m, "In-Reply-To")
		if irt == "" {
			continue
		}
		orig, ok := byID[irt]
		if !ok {
			continue // a reply to our own mail, such as the out-of-office
		}
		followUps++
		if m.DaysAgo >= orig.DaysAgo {
			t.Errorf("%s arrives before %s, which it answers", m.File, orig.File)
		}
		if len(orig.Labels) == 0 {
			t.Errorf("%s answers %s, which is not a request", m.File, orig.File)
		}
		if !strings.Contains(header(t, m, "References"), irt) {
			t.Errorf("%s: References lacks %s", m.File, irt)
		}
	}
	atLeast(t, "follow-ups", followUps, 4)
}

func header(t *testing.T, m mail.DemoMessage, name string) string {
	t.Helper()
	msg, err := netmail.ReadMessage(bytes.NewReader(m.Raw))
	if err != nil {
		t.Fatalf("%s: %v", m.File, err)
	}
	return msg.Header.Get(name)
}

func atLeast(t *testing.T, what string, got, want int) {
	t.Helper()
	if got < want {
		t.Errorf("%s: %d, want at least %d", what, got, want)
	}
}

type fetched struct {
	uid   imap.UID
	date  time.Time
	flags []imap.Flag
	raw   []byte
}

// fetchInbox logs in, selects INBOX and UID-fetches every message with
// BODY.PEEK[], as the syncer does.
func fetchInbox(t *testing.T, s *mail.DemoServer) (uint32, []fetched) {
	t.Helper()
	c, err := imapclient.DialInsecure(s.Addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(s.User, s.Password).Wait(); err != nil {
		t.Fatal(err)
	}
	sel, err := c.Select("INBOX", nil).Wait()
	if err != nil {
		t.Fatal(err)
	}
	var all imap.UIDSet
	all.AddRange(1, 0) // 1:*
	body := &imap.FetchItemBodySection{Peek: true}
	bufs, err := c.Fetch(all, &imap.FetchOptions{
		UID:          true,
		InternalDate: true,
		BodySection:  []*imap.FetchItemBodySection{body},
	}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	// Flags after the body fetch: a peek must not have set \Seen.
	flagBufs, err := c.Fetch(all, &imap.FetchOptions{UID: true, Flags: true}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	flags := make(map[imap.UID][]imap.Flag)
	for _, b := range flagBufs {
		flags[b.UID] = b.Flags
	}
	out := make([]fetched, len(bufs))
	for i, b := range bufs {
		out[i] = fetched{uid: b.UID, date: b.InternalDate, flags: flags[b.UID], raw: b.FindBodySection(body)}
	}
	if err := c.Logout().Wait(); err != nil {
		t.Fatal(err)
	}
	return sel.NumMessages, out
}

func startDemo(t *testing.T, now time.Time) *mail.DemoServer {
	t.Helper()
	s, err := mail.StartDemo(now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

func TestStartDemoSeedsInbox(t *testing.T) {
	oslo, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		t.Fatal(err)
	}
	msgs := demoMessages(t)
	s := startDemo(t, testNow)
	if host, _, _ := net.SplitHostPort(s.Addr); host != "127.0.0.1" {
		t.Errorf("Addr %s: want loopback 127.0.0.1", s.Addr)
	}

	n, got := fetchInbox(t, s)
	if int(n) != len(msgs) || len(got) != len(msgs) {
		t.Fatalf("INBOX has %d messages, fetched %d; manifest has %d", n, len(got), len(msgs))
	}

	// UIDs follow arrival, oldest first.
	want := slices.Clone(msgs)
	slices.SortStableFunc(want, func(a, b mail.DemoMessage) int { return cmp.Compare(b.DaysAgo, a.DaysAgo) })
	for i, f := range got {
		m := want[i]
		if f.uid != imap.UID(i+1) {
			t.Errorf("%s: UID %d, want %d", m.File, f.uid, i+1)
		}
		if at := mail.DemoArrival(testNow, m.DaysAgo); !f.date.Equal(at) {
			t.Errorf("%s: INTERNALDATE %v, want now - %v days = %v", m.File, f.date, m.DaysAgo, at)
		}
		if slices.Contains(f.flags, imap.FlagSeen) {
			t.Errorf("%s: \\Seen set by BODY.PEEK[]", m.File)
		}
		if bytes.Contains(f.raw, []byte("{{DATE}}")) {
			t.Errorf("%s: placeholder left in the served message", m.File)
		}
		if bytes.Contains(bytes.ReplaceAll(f.raw, []byte("\r\n"), nil), []byte("\n")) {
			t.Errorf("%s: bare LF in the served message", m.File)
		}
		msg, err := netmail.ReadMessage(bytes.NewReader(f.raw))
		if err != nil {
			t.Fatalf("%s: %v", m.File, err)
		}
		if gotID, wantID := msg.Header.Get("Message-ID"), header(t, m, "Message-ID"); gotID != wantID {
			t.Errorf("UID %d is %s, want %s (%s)", f.uid, gotID, wantID, m.File)
		}
		dateField := msg.Header.Get("Date")
		date, err := netmail.ParseDate(dateField)
		if err != nil {
			t.Errorf("%s: Date %q: %v", m.File, dateField, err)
			continue
		}
		if lag := f.date.Sub(date); lag <= 0 || lag > time.Minute {
			t.Errorf("%s: Date %v is %v before arrival, want a few seconds", m.File, date, lag)
		}
		if zone := date.In(oslo).Format("-0700"); !strings.HasSuffix(dateField, zone) {
			t.Errorf("%s: Date %q, want Oslo's offset %s", m.File, dateField, zone)
		}
	}
}

func TestStartDemoIsDeterministic(t *testing.T) {
	_, a := fetchInbox(t, startDemo(t, testNow))
	_, b := fetchInbox(t, startDemo(t, testNow))
	for i := range a {
		if !a[i].date.Equal(b[i].date) || !bytes.Equal(a[i].raw, b[i].raw) {
			t.Fatalf("UID %d differs between two servers started at the same now", a[i].uid)
		}
	}
}

func TestStartDemoHasSentMailbox(t *testing.T) {
	s := startDemo(t, testNow)
	c, err := imapclient.DialInsecure(s.Addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(s.User, s.Password).Wait(); err != nil {
		t.Fatal(err)
	}
	list, err := c.List("", "*", nil).Collect()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range list {
		names = append(names, l.Mailbox)
	}
	if !slices.Contains(names, "INBOX") || !slices.Contains(names, "Sent") {
		t.Errorf("mailboxes %v, want INBOX and Sent", names)
	}
	if err := c.Login(s.User, "wrong").Wait(); err == nil {
		t.Error("login with a wrong password succeeded")
	}
}

func TestDeliverAppendsToInbox(t *testing.T) {
	msgs := demoMessages(t)
	s := startDemo(t, testNow)
	at := testNow.Add(90 * time.Second)
	raw := []byte("From: Per Hansen <per.hansen@example.no>\r\n" +
		"To: post@magnetharstad.no\r\n" +
		"Subject: Slett kontoen min\r\n" +
		"Date: {{DATE}}\r\n" +
		"Message-ID: <live-1@example.no>\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n" +
		"\r\n" +
		"Slett kontoen min i nettbutikken.\r\n")
	if err := s.Deliver(raw, at); err != nil {
		t.Fatal(err)
	}
	n, got := fetchInbox(t, s)
	if int(n) != len(msgs)+1 {
		t.Fatalf("INBOX has %d messages after Deliver, want %d", n, len(msgs)+1)
	}
	last := got[len(got)-1]
	if last.uid != imap.UID(len(msgs)+1) || !last.date.Equal(at) {
		t.Errorf("delivered UID %d at %v, want UID %d at %v", last.uid, last.date, len(msgs)+1, at)
	}
	msg, err := netmail.ReadMessage(bytes.NewReader(last.raw))
	if err != nil {
		t.Fatal(err)
	}
	if date, err := msg.Header.Date(); err != nil || !date.Equal(at.Add(-time.Second)) {
		t.Errorf("delivered Date %q (%v), want a second before arrival", msg.Header.Get("Date"), err)
	}

	if err := s.Deliver(raw, time.Time{}); err == nil {
		t.Error("Deliver with a zero time succeeded")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Deliver(raw, at); err == nil {
		t.Error("Deliver after Close succeeded")
	}
	if _, err := net.DialTimeout("tcp", s.Addr, time.Second); err == nil {
		t.Error("server still accepts connections after Close")
	}
}
