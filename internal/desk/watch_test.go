package desk_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dovetest"
	"github.com/magnetharstad/pvdesk/mail"
)

// waitFor reads events until one satisfies ok or the deadline passes.
func waitFor(t *testing.T, events <-chan desk.WatchEvent, within time.Duration, what string, ok func(desk.WatchEvent) bool) desk.WatchEvent {
	t.Helper()
	deadline := time.After(within)
	for {
		select {
		case ev := <-events:
			if ok(ev) {
				return ev
			}
		case <-deadline:
			t.Fatalf("no %s within %s", what, within)
		}
	}
}

func watchIMAP(t *testing.T, d *desk.Desk, ic mail.IMAPConfig, o desk.WatchOptions) <-chan desk.WatchEvent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	events := make(chan desk.WatchEvent, 64)
	done := make(chan struct{})
	o.IMAP = ic
	go func() {
		defer close(done)
		d.Watch(ctx, o, events)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return events
}

// TestWatchIdleDovecot: mail delivered while the desk idles on a real
// Dovecot becomes a case within two seconds.
func TestWatchIdleDovecot(t *testing.T) {
	srv := dovetest.Start(t)
	srv.Deliver(t, "INBOX", []byte("From: a@example.no\r\nSubject: Innsyn\r\nMessage-ID: <w1@example.no>\r\n\r\nJeg ber om innsyn.\r\n"), fixedNow.Add(-time.Hour))
	d := newDesk(t)
	ic := mail.IMAPConfig{Host: "127.0.0.1", Port: srv.Port, Security: "none", Username: srv.User, Password: srv.Password}
	events := watchIMAP(t, d, ic, desk.WatchOptions{})
	waitFor(t, events, 10*time.Second, "first sync", func(ev desk.WatchEvent) bool {
		if ev.State == desk.WatchDisconnected || ev.State == desk.WatchFailed {
			t.Fatalf("watch failed: %v", ev.Err)
		}
		return ev.State == desk.WatchSynced && ev.NewCases == 1
	})
	// Give the IDLE command a moment to reach the server, as a person
	// would after the screen settles.
	time.Sleep(200 * time.Millisecond)
	delivered := time.Now()
	srv.Deliver(t, "INBOX", []byte("From: b@example.no\r\nSubject: Slett meg\r\nMessage-ID: <w2@example.no>\r\n\r\nSlett alle opplysninger om meg.\r\n"), fixedNow)
	waitFor(t, events, 2*time.Second, "a case for the new mail", func(ev desk.WatchEvent) bool {
		return ev.State == desk.WatchSynced && ev.NewCases == 1
	})
	t.Logf("new mail became a case %s after delivery", time.Since(delivered).Round(time.Millisecond))
	rows, _ := d.Inbox(context.Background(), desk.ScopeAll)
	if len(rows) != 2 {
		t.Errorf("cases = %d, want 2", len(rows))
	}
}

// TestWatchIdleMemServer does the same on the in-process server the demo
// uses.
func TestWatchIdleMemServer(t *testing.T) {
	srv, ic := demoIMAP(t)
	d := newDesk(t)
	events := watchIMAP(t, d, ic, desk.WatchOptions{})
	waitFor(t, events, 10*time.Second, "first sync", func(ev desk.WatchEvent) bool { return ev.State == desk.WatchSynced })
	time.Sleep(100 * time.Millisecond)
	raw := []byte("From: ny@example.no\r\nSubject: Innsyn\r\nMessage-ID: <ny-live@example.no>\r\n\r\nJeg ber om innsyn i mine opplysninger.\r\n")
	if err := srv.Deliver(raw, fixedNow); err != nil {
		t.Fatal(err)
	}
	waitFor(t, events, 2*time.Second, "a case for the new mail", func(ev desk.WatchEvent) bool {
		return ev.State == desk.WatchSynced && ev.NewCases == 1
	})
}

// TestWatchReportsDisconnect: a server that goes away is reported with a
// time for the next try, and the watch carries on when it is back.
func TestWatchReportsDisconnect(t *testing.T) {
	srv := dovetest.Start(t)
	d := newDesk(t)
	ic := mail.IMAPConfig{Host: "127.0.0.1", Port: srv.Port, Security: "none", Username: srv.User, Password: srv.Password, Timeout: 2 * time.Second}
	events := watchIMAP(t, d, ic, desk.WatchOptions{})
	waitFor(t, events, 10*time.Second, "first sync", func(ev desk.WatchEvent) bool { return ev.State == desk.WatchSynced })
	srv.Kick(t)
	ev := waitFor(t, events, 5*time.Second, "a disconnect", func(ev desk.WatchEvent) bool { return ev.State == desk.WatchDisconnected })
	if ev.Err == nil || ev.RetryAt.IsZero() {
		t.Errorf("disconnect event = %+v", ev)
	}
	waitFor(t, events, 10*time.Second, "a reconnect", func(ev desk.WatchEvent) bool { return ev.State == desk.WatchSynced })
}

// TestWatchPollsWithoutIdle: polling instead of IDLE (imap.idle = false),
// the desk asks for news every poll interval, and new mail still becomes a
// case; and mail that lands between a sync and the wait is not left for
// the next refresh.
func TestWatchPollsWithoutIdle(t *testing.T) {
	for _, noIdle := range []bool{true, false} {
		t.Run(map[bool]string{true: "poll", false: "idle"}[noIdle], func(t *testing.T) { watchCatchesNewMail(t, noIdle) })
	}
}

func watchCatchesNewMail(t *testing.T, noIdle bool) {
	user, ic := memIMAP(t, imap.CapSet{imap.CapIMAP4rev1: {}})
	d := newDesk(t)
	events := watchIMAP(t, d, ic, desk.WatchOptions{PollInterval: 100 * time.Millisecond, NoIdle: noIdle})
	waitFor(t, events, 10*time.Second, "first sync", func(ev desk.WatchEvent) bool { return ev.State == desk.WatchSynced })
	// Polling, no pause: the mail may land before the wait has begun, and
	// the UIDNEXT check or the next NOOP must catch it. With IDLE this
	// server reports only what happens after IDLE starts, so give the
	// command a moment as the other IDLE tests do (Dovecot reports queued
	// changes at IDLE; see TestWatchIdleDovecot).
	if !noIdle {
		time.Sleep(200 * time.Millisecond)
	}
	raw := "From: ny@example.no\r\nSubject: Slett meg\r\nMessage-ID: <poll1@example.no>\r\n\r\nSlett alle opplysninger om meg.\r\n"
	if _, err := user.Append("INBOX", strings.NewReader(raw), &imap.AppendOptions{Time: fixedNow}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, events, 2*time.Second, "a case for the new mail", func(ev desk.WatchEvent) bool {
		return ev.State == desk.WatchSynced && ev.NewCases == 1
	})
}
