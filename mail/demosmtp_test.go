package mail_test

import (
	"bytes"
	"context"
	"errors"
	"net"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/magnetharstad/pvdesk/mail"
)

type delivery struct {
	from string
	to   []string
	raw  []byte
}

// startDemoSMTP starts the demo SMTP server with a recording callback that
// fails with fail, if set, and returns the config to reach it.
func startDemoSMTP(t *testing.T, fail error) (*mail.DemoSMTP, mail.SMTPConfig, func() []delivery) {
	t.Helper()
	var mu sync.Mutex
	var got []delivery
	s, err := mail.StartDemoSMTP(func(from string, to []string, raw []byte) error {
		if fail != nil {
			return fail
		}
		mu.Lock()
		defer mu.Unlock()
		got = append(got, delivery{from, to, raw})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	host, port, err := net.SplitHostPort(s.Addr)
	if err != nil || host != "127.0.0.1" {
		t.Fatalf("Addr %q: want 127.0.0.1:port", s.Addr)
	}
	p, _ := strconv.Atoi(port)
	cfg := mail.SMTPConfig{Host: host, Port: p, Security: "none",
		Username: "post@magnetharstad.no", Password: "demo", Timeout: 5 * time.Second}
	return s, cfg, func() []delivery {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(got)
	}
}

func TestDemoSMTPDeliversToTheCallback(t *testing.T) {
	_, cfg, got := startDemoSMTP(t, nil)
	raw, _, err := mail.BuildMessage(norwegianReply())
	if err != nil {
		t.Fatal(err)
	}
	if err := mail.Send(context.Background(), cfg, "post@magnetharstad.no", []string{"bjorn@example.no"}, raw); err != nil {
		t.Fatal(err)
	}
	// Without a login too: the demo takes mail either way.
	cfg.Username, cfg.Password = "", ""
	if err := mail.Send(context.Background(), cfg, "post@magnetharstad.no", []string{"kari@example.no", "per@example.no"}, raw); err != nil {
		t.Fatal(err)
	}
	d := got()
	if len(d) != 2 {
		t.Fatalf("callback ran %d times, want 2", len(d))
	}
	if d[0].from != "post@magnetharstad.no" || !slices.Equal(d[0].to, []string{"bjorn@example.no"}) || !bytes.Equal(d[0].raw, raw) {
		t.Errorf("first delivery %q %v, %d bytes", d[0].from, d[0].to, len(d[0].raw))
	}
	if !slices.Equal(d[1].to, []string{"kari@example.no", "per@example.no"}) {
		t.Errorf("second delivery to %v", d[1].to)
	}
}

func TestDemoSMTPRefusesAWrongLogin(t *testing.T) {
	_, cfg, got := startDemoSMTP(t, nil)
	for _, c := range []struct{ user, pass string }{
		{"post@magnetharstad.no", "wrong"},
		{"someone@magnetharstad.no", "demo"},
	} {
		cfg.Username, cfg.Password = c.user, c.pass
		err := mail.Send(context.Background(), cfg, "post@magnetharstad.no", []string{"kari@example.no"}, []byte("Subject: x\r\n\r\nx\r\n"))
		if mail.KindOf(err) != mail.KindAuth {
			t.Errorf("%s/%s: %v, want KindAuth", c.user, c.pass, err)
		}
	}
	if n := len(got()); n != 0 {
		t.Errorf("%d messages delivered after a refused login", n)
	}
}

func TestDemoSMTPCallbackFailureIsTemporary(t *testing.T) {
	_, cfg, _ := startDemoSMTP(t, errors.New("disk\nfull"))
	// Not logged in: errors redact the password, and "demo" is a word
	// of the server's text here.
	cfg.Username, cfg.Password = "", ""
	err := mail.Send(context.Background(), cfg, "post@magnetharstad.no", []string{"kari@example.no"}, []byte("Subject: x\r\n\r\nx\r\n"))
	wantKind(t, err, mail.KindOther, "451", "demo delivery failed: disk full")
	if mail.PermanentFailure(err) {
		t.Error("a failed demo delivery is permanent")
	}
}

func TestDemoSMTPClose(t *testing.T) {
	s, cfg, _ := startDemoSMTP(t, nil)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	err := mail.Send(context.Background(), cfg, "post@magnetharstad.no", []string{"kari@example.no"}, []byte("x"))
	if mail.KindOf(err) != mail.KindUnreachable {
		t.Errorf("send after Close: %v, want KindUnreachable", err)
	}
	if _, err := mail.StartDemoSMTP(nil); err == nil {
		t.Error("StartDemoSMTP without a callback succeeded")
	}
}

// TestDemoReplyLandsInSent wires the two demo servers as the demo command
// may: what the desk sends over SMTP is filed in the IMAP Sent folder,
// where a mail client (and pvdesk) sees it read.
func TestDemoReplyLandsInSent(t *testing.T) {
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	imapSrv, err := mail.StartDemo(now)
	if err != nil {
		t.Fatal(err)
	}
	defer imapSrv.Close()
	smtpSrv, err := mail.StartDemoSMTP(func(_ string, _ []string, raw []byte) error {
		return imapSrv.DeliverSent(raw, now.Add(time.Minute))
	})
	if err != nil {
		t.Fatal(err)
	}
	defer smtpSrv.Close()

	raw, id, err := mail.BuildMessage(norwegianReply())
	if err != nil {
		t.Fatal(err)
	}
	host, port, _ := net.SplitHostPort(smtpSrv.Addr)
	p, _ := strconv.Atoi(port)
	cfg := mail.SMTPConfig{Host: host, Port: p, Security: "none", Username: imapSrv.User, Password: imapSrv.Password}
	if err := mail.Send(context.Background(), cfg, "post@magnetharstad.no", []string{"bjorn@example.no"}, raw); err != nil {
		t.Fatal(err)
	}

	host, port, _ = net.SplitHostPort(imapSrv.Addr)
	p, _ = strconv.Atoi(port)
	c, err := mail.Connect(context.Background(), mail.IMAPConfig{Host: host, Port: p, Security: "none",
		Username: imapSrv.User, Password: imapSrv.Password})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Select(mail.FindSentMailbox(c), &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		t.Fatal(err)
	}
	section := &imap.FetchItemBodySection{Peek: true}
	msgs, err := c.Fetch(imap.SeqSetNum(1), &imap.FetchOptions{Flags: true, InternalDate: true,
		BodySection: []*imap.FetchItemBodySection{section}}).Collect()
	if err != nil || len(msgs) != 1 {
		t.Fatalf("fetch Sent: %d messages, %v", len(msgs), err)
	}
	m := msgs[0]
	if !slices.Contains(m.Flags, imap.FlagSeen) || !m.InternalDate.Equal(now.Add(time.Minute)) {
		t.Errorf("flags %v, INTERNALDATE %v", m.Flags, m.InternalDate)
	}
	if !bytes.Equal(m.FindBodySection(section), raw) || mail.Parse(m.FindBodySection(section)).MessageID != id {
		t.Error("Sent holds other bytes than were sent")
	}
}
