package dovetest_test

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/magnetharstad/pvdesk/internal/dovetest"
)

// login dials plain IMAP, logs in and closes the client when the test ends.
func login(t *testing.T, s *dovetest.Server) *imapclient.Client {
	t.Helper()
	c, err := imapclient.DialInsecure(s.Addr(), nil)
	if err != nil {
		t.Fatalf("dial %s: %v", s.Addr(), err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.Login(s.User, s.Password).Wait(); err != nil {
		t.Fatalf("LOGIN: %v\n%s", err, s.LogTail(20))
	}
	return c
}

func selectBox(t *testing.T, c *imapclient.Client, mailbox string) *imap.SelectData {
	t.Helper()
	data, err := c.Select(mailbox, nil).Wait()
	if err != nil {
		t.Fatalf("SELECT %s: %v", mailbox, err)
	}
	return data
}

// all is UID 1:*.
func all() imap.UIDSet {
	var set imap.UIDSet
	set.AddRange(1, 0)
	return set
}

func fetchAll(t *testing.T, c *imapclient.Client, opts *imap.FetchOptions) []*imapclient.FetchMessageBuffer {
	t.Helper()
	msgs, err := c.Fetch(all(), opts).Collect()
	if err != nil {
		t.Fatalf("UID FETCH 1:*: %v", err)
	}
	return msgs
}

func message(subject, body string) []byte {
	return []byte("From: a@example.com\r\nTo: post@magnetharstad.no\r\nSubject: " + subject +
		"\r\nMessage-ID: <" + subject + "@example.com>\r\n\r\n" + body + "\r\n")
}

// caPool loads CAFile the way an application would.
func caPool(t *testing.T, s *dovetest.Server) *x509.CertPool {
	t.Helper()
	pem, err := os.ReadFile(s.CAFile)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		t.Fatalf("no certificate in %s", s.CAFile)
	}
	return pool
}

func TestDeliverAndFetch(t *testing.T) {
	s := dovetest.Start(t)
	dates := []time.Time{
		time.Date(2019, 3, 1, 8, 0, 0, 0, time.UTC),
		time.Date(2024, 2, 29, 23, 59, 59, 0, time.FixedZone("CET", 3600)),
		time.Date(2001, 9, 9, 1, 46, 40, 0, time.UTC),
	}
	raws := [][]byte{
		message("first", "one"),
		message("second", "two\r\nwith two lines"),
		message("third", strings.Repeat("long line ", 500)),
	}
	for i := range raws {
		s.Deliver(t, "INBOX", raws[i], dates[i])
	}

	c := login(t, s)
	if got := selectBox(t, c, "INBOX").NumMessages; got != 3 {
		t.Fatalf("SELECT INBOX: %d messages, want 3", got)
	}
	section := &imap.FetchItemBodySection{Peek: true}
	msgs := fetchAll(t, c, &imap.FetchOptions{UID: true, InternalDate: true, Flags: true, BodySection: []*imap.FetchItemBodySection{section}})
	if len(msgs) != 3 {
		t.Fatalf("fetched %d messages, want 3", len(msgs))
	}
	for i, m := range msgs {
		if m.UID != imap.UID(i+1) {
			t.Errorf("message %d: UID %d, want %d (delivery order)", i, m.UID, i+1)
		}
		if !m.InternalDate.Equal(dates[i]) {
			t.Errorf("message %d: INTERNALDATE %v, want %v", i, m.InternalDate, dates[i])
		}
		if body := m.FindBodySection(section); !bytes.Equal(body, raws[i]) {
			t.Errorf("message %d: BODY[] differs:\n got %q\nwant %q", i, body, raws[i])
		}
		for _, f := range m.Flags {
			if f == imap.FlagSeen {
				t.Errorf("message %d: \\Seen after BODY.PEEK[]", i)
			}
		}
	}
}

func TestDeliverFlagsAndOtherMailbox(t *testing.T) {
	s := dovetest.Start(t)
	date := time.Date(2023, 5, 17, 12, 0, 0, 0, time.UTC)
	s.DeliverMany(t, "Archive.2023", []dovetest.Msg{
		{Raw: message("seen", "x"), Date: date, Flags: []imap.Flag{imap.FlagSeen, imap.FlagFlagged}},
		{Raw: message("answered", "y"), Date: date, Flags: []imap.Flag{"\\answered"}},
	})
	c := login(t, s)
	boxes, err := c.List("", "*", nil).Collect()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range boxes {
		names = append(names, b.Mailbox)
	}
	if !slices.Contains(names, "Archive.2023") {
		t.Errorf("LIST: %v, want Archive.2023 among them", names)
	}
	selectBox(t, c, "Archive.2023")
	msgs := fetchAll(t, c, &imap.FetchOptions{UID: true, Flags: true})
	want := []string{`\Flagged \Seen`, `\Answered`}
	if len(msgs) != len(want) {
		t.Fatalf("fetched %d messages, want %d", len(msgs), len(want))
	}
	for i, m := range msgs {
		var got []string
		for _, f := range m.Flags {
			if f != `\Recent` { // IMAP4rev1 only, unknown to go-imap v2
				got = append(got, string(f))
			}
		}
		if strings.Join(got, " ") != want[i] {
			t.Errorf("message %d: flags %v, want %s", i, got, want[i])
		}
	}
}

func TestStartTLS(t *testing.T) {
	s := dovetest.Start(t)
	c, err := imapclient.DialStartTLS(s.Addr(), &imapclient.Options{TLSConfig: &tls.Config{RootCAs: caPool(t, s), ServerName: "localhost"}})
	if err != nil {
		t.Fatalf("STARTTLS: %v\n%s", err, s.LogTail(20))
	}
	defer c.Close()
	if err := c.Login(s.User, s.Password).Wait(); err != nil {
		t.Fatalf("LOGIN after STARTTLS: %v", err)
	}
}

func TestImplicitTLS(t *testing.T) {
	s := dovetest.Start(t)
	// No ServerName: it comes from the address, so the IP SAN is checked.
	c, err := imapclient.DialTLS(s.TLSAddr(), &imapclient.Options{TLSConfig: &tls.Config{RootCAs: caPool(t, s)}})
	if err != nil {
		t.Fatalf("TLS: %v\n%s", err, s.LogTail(20))
	}
	defer c.Close()
	if err := c.Login(s.User, s.Password).Wait(); err != nil {
		t.Fatalf("LOGIN over TLS: %v", err)
	}
}

func TestTLSRejectsUntrustedCA(t *testing.T) {
	s := dovetest.Start(t)
	// The system roots do not know the throwaway CA.
	c, err := imapclient.DialTLS(s.TLSAddr(), &imapclient.Options{TLSConfig: &tls.Config{}})
	if err == nil {
		c.Close()
		t.Fatal("TLS handshake succeeded without trusting CAFile")
	}
}

func TestWrongPassword(t *testing.T) {
	s := dovetest.Start(t)
	c, err := imapclient.DialInsecure(s.Addr(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	if err := c.Login(s.User, s.Password+"x").Wait(); err == nil {
		t.Fatal("LOGIN with a wrong password succeeded")
	}
	// auth_failure_delay = 0 brings this from 2 s down to Dovecot's 0.5 s
	// failure flush interval.
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("failed LOGIN took %v", d)
	}
	// A failure must not lock the user out.
	login(t, s)
}

func TestSetUIDValidity(t *testing.T) {
	s := dovetest.Start(t)
	s.Deliver(t, "INBOX", message("m", "b"), time.Now())
	c := login(t, s)
	before := selectBox(t, c, "INBOX").UIDValidity

	const want = 4242
	if before == want {
		t.Fatalf("UIDVALIDITY already %d", want)
	}
	s.SetUIDValidity(t, "INBOX", want)
	// Dovecot ends a session whose selected mailbox changed UIDVALIDITY.
	_ = c.Noop().Wait()
	select {
	case <-c.Closed():
	case <-time.After(5 * time.Second):
		t.Error("session with INBOX selected survived the UIDVALIDITY change")
	}
	if got := selectBox(t, login(t, s), "INBOX").UIDValidity; got != want {
		t.Errorf("UIDVALIDITY after SetUIDValidity = %d, want %d (was %d)", got, want, before)
	}
}

func TestKick(t *testing.T) {
	s := dovetest.Start(t)
	c := login(t, s)
	selectBox(t, c, "INBOX")
	s.Kick(t)
	select {
	case <-c.Closed():
	case <-time.After(5 * time.Second):
		t.Fatal("connection still open 5s after Kick")
	}
	// Kicking nobody is not an error.
	s.Kick(t)
}

func TestExpunge(t *testing.T) {
	s := dovetest.Start(t)
	for i := range 3 {
		s.Deliver(t, "INBOX", message(fmt.Sprint(i), "b"), time.Now())
	}
	c := login(t, s)
	selectBox(t, c, "INBOX")
	s.Expunge(t, "INBOX", 2)
	if err := c.Noop().Wait(); err != nil {
		t.Fatal(err)
	}
	var uids []imap.UID
	for _, m := range fetchAll(t, c, &imap.FetchOptions{UID: true}) {
		uids = append(uids, m.UID)
	}
	if fmt.Sprint(uids) != "[1 3]" {
		t.Errorf("UIDs after expunging 2: %v, want [1 3]", uids)
	}
}

// subjects fetches UID and Subject of every message in mailbox, on a new
// session.
func subjects(t *testing.T, s *dovetest.Server, mailbox string) (uidValidity uint32, uids []imap.UID, subj []string) {
	t.Helper()
	c := login(t, s)
	uidValidity = selectBox(t, c, mailbox).UIDValidity
	for _, m := range fetchAll(t, c, &imap.FetchOptions{UID: true, Envelope: true}) {
		uids = append(uids, m.UID)
		subj = append(subj, m.Envelope.Subject)
	}
	_ = c.Logout().Wait()
	return uidValidity, uids, subj
}

func TestResetUIDList(t *testing.T) {
	s := dovetest.Start(t)
	for _, subj := range []string{"a", "b", "c"} {
		s.Deliver(t, "INBOX", message(subj, "b"), time.Now())
	}
	v1, uids1, subj1 := subjects(t, s, "INBOX")
	if fmt.Sprint(uids1) != "[1 2 3]" {
		t.Fatalf("UIDs before reset: %v", uids1)
	}

	s.ResetUIDList(t, "INBOX")
	v2, uids2, subj2 := subjects(t, s, "INBOX")
	if v2 != v1 {
		t.Errorf("UIDVALIDITY changed %d -> %d; Dovecot keeps it when only the UID list is lost", v1, v2)
	}
	if fmt.Sprint(uids2) != "[4 5 6]" || fmt.Sprint(subj2) != fmt.Sprint(subj1) {
		t.Errorf("after ResetUIDList: UIDs %v subjects %v, want [4 5 6] %v", uids2, subj2, subj1)
	}

	s.ResetUIDListAndIndex(t, "INBOX")
	// STATUS first: it is answered from the mailbox list index, which
	// must not serve the old UIDVALIDITY.
	st, err := login(t, s).Status("INBOX", &imap.StatusOptions{UIDValidity: true, UIDNext: true, NumMessages: true}).Wait()
	if err != nil {
		t.Fatal(err)
	}
	v3, uids3, subj3 := subjects(t, s, "INBOX")
	if st.UIDValidity != v3 || st.UIDNext != 4 || st.NumMessages == nil || *st.NumMessages != 3 {
		t.Errorf("STATUS after ResetUIDListAndIndex: UIDVALIDITY %d UIDNEXT %d messages %v; want %d, 4, 3", st.UIDValidity, st.UIDNext, st.NumMessages, v3)
	}
	if v3 == v2 {
		t.Errorf("UIDVALIDITY unchanged (%d) after ResetUIDListAndIndex", v3)
	}
	if fmt.Sprint(uids3) != "[1 2 3]" || fmt.Sprint(subj3) != fmt.Sprint(subj1) {
		t.Errorf("after ResetUIDListAndIndex: UIDs %v subjects %v, want [1 2 3] %v", uids3, subj3, subj1)
	}
}

func TestDeliverWhileSelected(t *testing.T) {
	s := dovetest.Start(t)
	c := login(t, s)
	selectBox(t, c, "INBOX")
	s.Deliver(t, "INBOX", message("late", "b"), time.Now())
	if err := c.Noop().Wait(); err != nil {
		t.Fatal(err)
	}
	msgs := fetchAll(t, c, &imap.FetchOptions{UID: true})
	if len(msgs) != 1 {
		t.Fatalf("after NOOP: %d messages, want 1", len(msgs))
	}
}

func TestDeliverMany(t *testing.T) {
	s := dovetest.Start(t)
	const n = 2000
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	msgs := make([]dovetest.Msg, n)
	for i := range msgs {
		msgs[i] = dovetest.Msg{Raw: message(fmt.Sprint(i), "body"), Date: base.Add(time.Duration(i) * time.Minute)}
	}
	start := time.Now()
	s.DeliverMany(t, "INBOX", msgs)
	t.Logf("DeliverMany(%d) took %v", n, time.Since(start))

	c := login(t, s)
	if got := selectBox(t, c, "INBOX").NumMessages; got != n {
		t.Fatalf("SELECT: %d messages, want %d", got, n)
	}
	fetched := fetchAll(t, c, &imap.FetchOptions{UID: true, InternalDate: true, Envelope: true})
	if len(fetched) != n {
		t.Fatalf("fetched %d, want %d", len(fetched), n)
	}
	for i, m := range fetched {
		if m.UID != imap.UID(i+1) || m.Envelope.Subject != fmt.Sprint(i) || !m.InternalDate.Equal(msgs[i].Date) {
			t.Fatalf("message %d: UID %d subject %q date %v; want UID %d subject %q date %v",
				i, m.UID, m.Envelope.Subject, m.InternalDate, i+1, fmt.Sprint(i), msgs[i].Date)
		}
	}
}

func TestParallelServers(t *testing.T) {
	for i := range 4 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			s := dovetest.Start(t)
			s.Deliver(t, "INBOX", message("p", "b"), time.Now())
			if got := selectBox(t, login(t, s), "INBOX").NumMessages; got != 1 {
				t.Errorf("%d messages, want 1", got)
			}
		})
	}
}

func TestDoveadm(t *testing.T) {
	s := dovetest.Start(t)
	s.Deliver(t, "INBOX", message("m", "b"), time.Now())
	out := s.Doveadm(t, "mailbox", "status", "-u", s.User, "messages", "INBOX")
	if !strings.Contains(out, "messages=1") {
		t.Errorf("doveadm mailbox status: %q", out)
	}
}

func TestRestart(t *testing.T) {
	s := dovetest.Start(t)
	s.Deliver(t, "INBOX", message("kept", "b"), time.Now())
	c := login(t, s)
	selectBox(t, c, "INBOX")
	s.Restart(t)
	select {
	case <-c.Closed():
	case <-time.After(5 * time.Second):
		t.Fatal("connection still open 5s after Restart")
	}
	if got := selectBox(t, login(t, s), "INBOX").NumMessages; got != 1 {
		t.Errorf("%d messages after Restart, want 1", got)
	}
}

func TestStop(t *testing.T) {
	s := dovetest.Start(t)
	s.Stop()
	// Another test process may take the freed port at once, so a refused
	// dial is not guaranteed; what must not happen is a login to our server.
	c, err := imapclient.DialInsecure(s.Addr(), nil)
	if err != nil {
		return
	}
	defer c.Close()
	if err := c.Login(s.User, s.Password).Wait(); err == nil {
		t.Fatal("login succeeded after Stop")
	}
}

// BenchmarkStart measures Start up to a successful LOGIN, plus Stop.
func BenchmarkStart(b *testing.B) {
	for b.Loop() {
		dovetest.Start(b).Stop()
	}
}
