package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/mail"
)

// watching sends intake events to the model as the watch reader would.
func (dr *driver) watching(evs ...desk.WatchEvent) {
	dr.t.Helper()
	dr.send(watchEventsMsg{gen: dr.m.in.gen, evs: evs})
}

// pending counts the timer messages of one kind the model asked for.
func pending[T tea.Msg](dr *driver) int {
	n := 0
	for _, m := range dr.ticks {
		if _, ok := m.(T); ok {
			n++
		}
	}
	return n
}

func TestWatchStatusLine(t *testing.T) {
	for _, tc := range []struct {
		lang                                                    string
		connecting, fetching, quiet, synced, disconnected, tick string
	}{
		{"nb", "kobler til …", "henter 1 200/10 000 · 350/s", "henter 1 200/10 000 · ingen fremdrift på 3 s", "synkronisert 10:00 · 3 nye",
			"frakoblet – prøver igjen om 12 s · r: nå · cannot reach the mail server", "prøver igjen om 11 s"},
		{"en", "connecting …", "fetching 1,200/10,000 · 350/s", "fetching 1,200/10,000 · no progress for 3 s", "synced 10:00 · 3 new",
			"disconnected – retrying in 12 s · r: now · cannot reach the mail server", "retrying in 11 s"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			dr := newDriver(t, Options{Desk: demoDesk(t), Language: tc.lang}, 100, 30)
			expect := func(want string) {
				t.Helper()
				if f := footer(dr); !strings.Contains(f, want) {
					t.Errorf("status line %q, want %q", f, want)
				}
				checkFits(t, dr.m.View(), 100, 30)
			}
			dr.watching(desk.WatchEvent{State: desk.WatchConnecting})
			expect(tc.connecting)
			if pending[spinTickMsg](dr) != 1 {
				t.Error("no spinner while connecting")
			}
			dr.watching(desk.WatchEvent{State: desk.WatchSyncing, Progress: desk.SyncProgress{Mailbox: "INBOX", Done: 1200, Total: 10000}, Rate: 349.6})
			expect(tc.fetching)
			expect("█░")
			expect("12 %")
			// A server that stops sending: the spinner turns on, and after
			// two quiet seconds the line tells how long, not the old rate.
			dr.wall = dr.wall.Add(time.Second)
			dr.tick()
			expect(tc.fetching)
			dr.wall = dr.wall.Add(2 * time.Second)
			dr.tick()
			expect(tc.quiet)
			if f := footer(dr); strings.Contains(f, "/s") {
				t.Errorf("a stalled sync still shows its rate: %q", f)
			}
			dr.watching(desk.WatchEvent{State: desk.WatchSyncing, Progress: desk.SyncProgress{Mailbox: "INBOX", Done: 1450, Total: 10000}, Rate: 320})
			expect("320/s")
			for _, sz := range [][2]int{{80, 24}, {160, 50}, {40, 10}} {
				dr.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				checkFits(t, dr.m.View(), sz[0], sz[1])
			}
			dr.send(tea.WindowSizeMsg{Width: 100, Height: 30})
			// A small sync gets no bar.
			dr.watching(desk.WatchEvent{State: desk.WatchSyncing, Progress: desk.SyncProgress{Mailbox: "INBOX", Done: 2, Total: 3}})
			if f := footer(dr); strings.Contains(f, "%") {
				t.Errorf("a bar for three messages: %q", f)
			}
			dr.watching(desk.WatchEvent{State: desk.WatchSynced, NewCases: 3, At: fixedNow})
			expect(tc.synced)
			dr.tick()
			if len(dr.ticks) != 0 {
				t.Errorf("timers still running once synced: %v", dr.ticks)
			}

			dr.watching(desk.WatchEvent{State: desk.WatchDisconnected, RetryAt: dr.wall.Add(12 * time.Second),
				Err: errors.New("cannot reach the mail server 127.0.0.1:993: connection refused")})
			expect(tc.disconnected)
			dr.send(tea.WindowSizeMsg{Width: 80, Height: 24})
			checkFits(t, dr.m.View(), 80, 24)
			dr.send(tea.WindowSizeMsg{Width: 100, Height: 30})
			if pending[retryTickMsg](dr) != 1 {
				t.Fatalf("no countdown tick while disconnected: %v", dr.ticks)
			}
			dr.wall = dr.wall.Add(time.Second)
			dr.tick()
			expect(tc.tick)
			// The desk stays usable meanwhile.
			dr.keys("j")
			if dr.m.inbox.cursor != 1 {
				t.Error("keys do nothing while disconnected")
			}
			// Back online: the countdown stops at its next tick.
			dr.watching(desk.WatchEvent{State: desk.WatchConnecting})
			dr.tick()
			if pending[retryTickMsg](dr) != 0 {
				t.Error("the countdown ticks on after reconnecting")
			}
		})
	}
}

// The headline of a failure says what to check, read from the kind of
// mail.Error the desk passes on, wrapped or not. This pins failureKind to
// the real type.
func TestWatchFailureNamesTheKind(t *testing.T) {
	dr := newDriver(t, Options{Desk: demoDesk(t)}, 160, 30)
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&mail.Error{Kind: mail.KindAuth, Msg: "the server imap.example.no refused the login of post@magnetharstad.no", Err: errors.New("[AUTHENTICATIONFAILED] Invalid credentials")},
			"innlogging avvist – sjekk brukernavn og passord · r: nå · the server imap.example.no refused the login"},
		{fmt.Errorf("watch: %w", &mail.Error{Kind: mail.KindTLS, Msg: "certificate signed by unknown authority"}),
			"TLS feilet – sjekk sertifikatet og imap.security"},
		{&mail.Error{Kind: mail.KindMailbox, Msg: `the mailbox "Personvern" does not exist`}, "fant ikke postkassen – sjekk imap.mailbox"},
		{errors.New("imap password: password_cmd exited 1"), "innhenting stanset · r: nå · imap password: password_cmd exited 1"},
	} {
		dr.watching(desk.WatchEvent{State: desk.WatchFailed, Err: tc.err})
		if f := footer(dr); !strings.Contains(f, tc.want) {
			t.Errorf("status line %q, want %q", f, tc.want)
		}
		if pending[retryTickMsg](dr) != 0 {
			t.Error("a countdown for a failure that waits minutes")
		}
	}
}

// While a sync stores cases, the inbox is read again at most once a second,
// so new cases appear during a long first sync without a load per event.
func TestWatchReloadsWhileSyncing(t *testing.T) {
	d := newDesk(t, nil) // the real classifier, so the new mail is a request
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	seq := dr.m.inbox.loadSeq
	progress := func(done int) desk.WatchEvent {
		return desk.WatchEvent{State: desk.WatchSyncing, Progress: desk.SyncProgress{Mailbox: "INBOX", Done: done, Total: 400}}
	}
	dr.watching(progress(10))
	if dr.m.inbox.loadSeq != seq+1 {
		t.Fatalf("the first progress did not reload the inbox")
	}
	ingest(t, d, 900, fixedNow, "From: Nina Nybakk <nina@example.no>\r\nSubject: Innsyn\r\nMessage-ID: <n1@example.no>\r\n\r\nJeg ber om innsyn.\r\n")
	dr.watching(progress(20))
	dr.watching(progress(30))
	if dr.m.inbox.loadSeq != seq+1 || strings.Contains(dr.m.View(), "Nina Nybakk") {
		t.Errorf("reloaded %d times within a second", dr.m.inbox.loadSeq-seq)
	}
	dr.wall = dr.wall.Add(time.Second)
	dr.watching(progress(40))
	if dr.m.inbox.loadSeq != seq+2 || !strings.Contains(dr.m.View(), "Nina Nybakk") {
		t.Errorf("a second later the new case is not there:\n%s", dr.m.View())
	}
	if strings.Contains(strings.SplitN(dr.m.View(), "\n", 2)[0], "Laster") {
		t.Error("a background reload says it is loading")
	}
}

// A sync that threads a reply onto the open case shows it on the page.
func TestWatchSyncedReloadsTheOpenCase(t *testing.T) {
	d := demoDesk(t)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	dr.openRef(erasureRef)
	if !strings.Contains(dr.m.View(), "Tråd (2)") {
		t.Fatalf("unexpected thread:\n%s", dr.m.View())
	}
	res := ingest(t, d, 900, fixedNow, "From: Roar Pedersen <roar.p@example.no>\r\nSubject: Re: [PV-2026-0002] slett meg\r\nMessage-ID: <r3@example.no>\r\n\r\nHar dere slettet?\r\n")
	if res.Outcome != desk.OutcomeThreaded {
		t.Fatalf("the reply did not thread: %+v", res)
	}
	dr.watching(desk.WatchEvent{State: desk.WatchSynced, NewCases: 1, At: fixedNow})
	if v := dr.m.View(); !strings.Contains(v, "Tråd (3)") || !strings.Contains(footer(dr), "synkronisert 10:00 · 1 ny") {
		t.Errorf("the open case was not read again:\n%s", v)
	}
}

// A watch that gave up (here: the password could not be read) is started
// again by r, which runs the password command again.
func TestRefreshRestartsAStoppedWatch(t *testing.T) {
	var runs atomic.Int32
	// Each run returns, as the driver runs commands to the end.
	watch := func(ctx context.Context, events chan<- desk.WatchEvent) {
		n := runs.Add(1)
		if n == 1 {
			events <- desk.WatchEvent{State: desk.WatchFailed, Err: errors.New("imap password: pass: gpg: decryption failed")}
			return
		}
		events <- desk.WatchEvent{State: desk.WatchSynced, At: fixedNow}
	}
	dr := newDriver(t, Options{Desk: demoDesk(t), Watch: watch}, 100, 30)
	if f := footer(dr); !strings.Contains(f, "innhenting stanset · r: nå · imap password") || dr.m.in.running {
		t.Fatalf("status line %q, running %v", f, dr.m.in.running)
	}
	dr.keys("r")
	if runs.Load() != 2 || !strings.Contains(footer(dr), "synkronisert 10:00") {
		t.Errorf("r: %d runs, status line %q", runs.Load(), footer(dr))
	}
}

// The real thing: desk.Watch on the demo IMAP server. Mail delivered while
// the desk idles is in the inbox on screen within two seconds.
func TestLiveIntakeShowsDeliveredMail(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an IMAP server")
	}
	srv, err := mail.StartDemo(fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	host, portText, err := net.SplitHostPort(srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	port, _ := strconv.Atoi(portText)
	ic := mail.IMAPConfig{Host: host, Port: port, Security: "none", Username: srv.User, Password: srv.Password}
	d := newDesk(t, nil)
	watch := func(ctx context.Context, events chan<- desk.WatchEvent) {
		d.Watch(ctx, desk.WatchOptions{SyncOptions: desk.SyncOptions{IMAP: ic}}, events)
	}
	tm := teatest.NewTestModel(t, New(Options{Desk: d, Language: "nb", Watch: watch}), teatest.WithInitialTermSize(160, 50))
	waitFor(t, tm, "synkronisert 10:00 · ", " nye")
	// Let the IDLE command reach the server, as a person would after the
	// screen settles.
	time.Sleep(200 * time.Millisecond)
	delivered := time.Now()
	raw := "From: Nina Nybakk <nina.nybakk@example.no>\r\nTo: post@magnetharstad.no\r\nSubject: Innsyn\r\n" +
		"Message-ID: <live-1@example.no>\r\n\r\nHei, jeg ber om innsyn i alle opplysninger dere har om meg.\r\n"
	if err := srv.Deliver([]byte(raw), fixedNow); err != nil {
		t.Fatal(err)
	}
	teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
		return bytes.Contains(out, []byte("Nina Nybakk")) && bytes.Contains(out, []byte("1 ny"))
	}, teatest.WithDuration(2*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	t.Logf("delivered mail on screen after %s", time.Since(delivered).Round(time.Millisecond))
	v := finalView(t, tm)
	if !strings.Contains(v, "Nina Nybakk") {
		t.Errorf("the final screen lacks the new case:\n%s", v)
	}
	checkFits(t, v, 160, 50)
}

// While intake retries, the status line says why in the desk's language
// for the failures a retry is for, not in the mail package's English.
func TestWatchDownReasonInLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang string
		kind mail.ErrorKind
		want string
	}{
		{"nb", mail.KindTimeout, "frakoblet – prøver igjen om 5 s · r: nå · e-posttjeneren svarer ikke"},
		{"nb", mail.KindUnreachable, "får ikke kontakt med e-posttjeneren"},
		{"nb", mail.KindLost, "forbindelsen til e-posttjeneren ble brutt"},
		{"en", mail.KindTimeout, "disconnected – retrying in 5 s · r: now · the mail server does not answer"},
	} {
		dr := newDriver(t, Options{Desk: demoDesk(t), Language: tc.lang}, 100, 30)
		dr.watching(desk.WatchEvent{State: desk.WatchDisconnected, RetryAt: dr.wall.Add(5 * time.Second),
			Err: &mail.Error{Kind: tc.kind, Msg: "fetch from INBOX: the server 127.0.0.1 did not answer for 3s"}})
		if f := footer(dr); !strings.Contains(f, tc.want) || strings.Contains(f, "did not answer") {
			t.Errorf("%s %s: status line %q, want %q", tc.lang, tc.kind, f, tc.want)
		}
	}
}
