package desk_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"

	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/mail"
)

func demoIMAP(t *testing.T) (*mail.DemoServer, mail.IMAPConfig) {
	t.Helper()
	srv, err := mail.StartDemo(fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	host, port, _ := net.SplitHostPort(srv.Addr)
	p, _ := strconv.Atoi(port)
	return srv, mail.IMAPConfig{Host: host, Port: p, Security: "none", Username: srv.User, Password: srv.Password, BatchSize: 7}
}

func TestSyncTwiceStoresOnce(t *testing.T) {
	ctx := context.Background()
	srv, ic := demoIMAP(t)
	d := newDesk(t)
	samples, err := mail.DemoMessages()
	if err != nil {
		t.Fatal(err)
	}
	var last desk.SyncProgress
	reps, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic, Progress: func(p desk.SyncProgress) { last = p }})
	if err != nil {
		t.Fatal(err)
	}
	r := reps[0]
	if r.Fetched != len(samples) || r.NewCases+r.Threaded != len(samples) || r.AlreadyStored != 0 {
		t.Fatalf("first sync = %+v, want %d fetched", r, len(samples))
	}
	if r.Threaded == 0 {
		t.Errorf("no follow-up was threaded: %+v", r)
	}
	if last.Done != len(samples) || last.Total != len(samples) {
		t.Errorf("last progress = %+v", last)
	}
	reps, err = d.Sync(ctx, desk.SyncOptions{IMAP: ic})
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.Fetched != 0 || r.NewCases != 0 || r.Threaded != 0 {
		t.Fatalf("second sync = %+v, want nothing new", r)
	}
	n, _ := d.Store().CountMessages(ctx)
	if n != len(samples) {
		t.Errorf("stored %d messages, want %d", n, len(samples))
	}

	// New mail after the first sync is fetched alone.
	raw := []byte("From: ny@example.no\r\nTo: post@magnetharstad.no\r\nSubject: Innsyn\r\nMessage-ID: <ny1@example.no>\r\n\r\nJeg ber om innsyn i mine personopplysninger.\r\n")
	if err := srv.Deliver(raw, fixedNow); err != nil {
		t.Fatal(err)
	}
	reps, err = d.Sync(ctx, desk.SyncOptions{IMAP: ic})
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.Fetched != 1 || r.NewCases != 1 {
		t.Fatalf("third sync = %+v, want 1 new case", r)
	}
	if c, _ := d.Store().Cursor(ctx, "INBOX"); c.LastSync.IsZero() || !c.LastSync.Equal(fixedNow.Truncate(time.Second)) {
		t.Errorf("cursor last sync = %v", c.LastSync)
	}
}

func TestSyncRefusesPlaintextToRemoteHost(t *testing.T) {
	d := newDesk(t)
	_, err := d.Sync(context.Background(), desk.SyncOptions{IMAP: mail.IMAPConfig{Host: "imap.example.no", Security: "none"}})
	if err == nil {
		t.Fatal("plaintext IMAP to a remote host was allowed")
	}
}

// TestSyncFailedBatchStoresNothing makes the first new case of the first
// batch fail to insert (its reference is taken behind the sequence's back):
// the sync reports the error, and nothing of the batch is stored, not even
// the cursor, while the parsing that runs alongside the transaction stops
// and leaves nothing behind (go test -race).
func TestSyncFailedBatchStoresNothing(t *testing.T) {
	ctx := context.Background()
	_, ic := demoIMAP(t)
	d := newDesk(t)
	for _, year := range []int{2025, 2026} {
		if _, err := d.Store().DB().ExecContext(ctx,
			`INSERT INTO cases (year, seq, ref, requester, status, received_at, due_at) VALUES (?, 1, ?, 'x@example.no', 'new', 1, 1)`,
			year, fmt.Sprintf("PV-%d-0001", year)); err != nil {
			t.Fatal(err)
		}
	}
	_, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic})
	if err == nil || !strings.Contains(err.Error(), "ingest INBOX UID") {
		t.Fatalf("Sync = %v, want an ingest error", err)
	}
	if n, _ := d.Store().CountMessages(ctx); n != 0 {
		t.Errorf("%d messages stored from a failed batch", n)
	}
	if cur, _ := d.Store().Cursor(ctx, "INBOX"); cur.LastUID != 0 {
		t.Errorf("cursor moved to UID %d past a failed batch", cur.LastUID)
	}
}

// TestFollowUpOfAnOversizeMessageThreads: an oversize request (stored as
// headers) and the requester's follow-up in the same sync end up in one
// case: the big one is fetched in its place in UID order, not after.
func TestFollowUpOfAnOversizeMessageThreads(t *testing.T) {
	ctx := context.Background()
	srv, ic := demoIMAP(t)
	ic.MaxMessageBytes = 10_000
	d := newDesk(t)
	if _, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic}); err != nil {
		t.Fatal(err)
	}
	big := "From: stor@example.no\r\nSubject: Slett meg\r\nMessage-ID: <big-1@example.no>\r\n\r\nSlett alle opplysninger om meg.\r\n" + strings.Repeat("vedlegg ", 4000) + "\r\n"
	small := "From: stor@example.no\r\nSubject: Re: Slett meg\r\nMessage-ID: <big-2@example.no>\r\nIn-Reply-To: <big-1@example.no>\r\n\r\nHar dere fått meldingen min?\r\n"
	if err := srv.Deliver([]byte(big), fixedNow); err != nil {
		t.Fatal(err)
	}
	if err := srv.Deliver([]byte(small), fixedNow.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	reps, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic})
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.NewCases != 1 || r.Threaded != 1 {
		t.Errorf("sync = %+v, want the follow-up threaded onto the oversize request", r)
	}
}

// TestListingWithAndWithoutESEARCH: a server with ESEARCH is asked for the
// new UIDs, the oversize ones and the empty ones by three searches; one
// without is asked for every size by a FETCH. Either way an oversize
// request is stored as headers, an empty message is recorded (not taken
// for an expunge), the cursor ends at the highest UID and a second sync
// fetches nothing.
func TestListingWithAndWithoutESEARCH(t *testing.T) {
	for _, c := range []struct {
		name string
		caps imap.CapSet
	}{
		{"IMAP4rev1 without ESEARCH", imap.CapSet{imap.CapIMAP4rev1: {}}},
		{"IMAP4rev2", imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			user, ic := memIMAP(t, c.caps)
			ic.MaxMessageBytes = 10_000
			mails := []string{
				"From: a@example.no\r\nSubject: Innsyn\r\nMessage-ID: <l1@example.no>\r\n\r\nJeg ber om innsyn i opplysningene om meg.\r\n",
				"From: b@example.no\r\nSubject: Slett meg\r\nMessage-ID: <l2@example.no>\r\n\r\nSlett alle opplysninger om meg.\r\n" + strings.Repeat("vedlegg ", 4000) + "\r\n",
				"",
				"From: c@example.no\r\nSubject: Reservasjon\r\nMessage-ID: <l4@example.no>\r\n\r\nIkke send meg reklame.\r\n",
			}
			for i, m := range mails {
				if _, err := user.Append("INBOX", strings.NewReader(m), &imap.AppendOptions{Time: fixedNow.Add(time.Duration(i) * time.Minute)}); err != nil {
					t.Fatal(err)
				}
			}
			d := newDesk(t)
			reps, err := d.Sync(ctx, desk.SyncOptions{IMAP: ic})
			if err != nil {
				t.Fatal(err)
			}
			if r := reps[0]; r.Fetched != len(mails) {
				t.Errorf("first sync %+v, want all %d fetched", r, len(mails))
			}
			db := d.Store().DB()
			var warnings string
			var size int
			if err := db.QueryRow(`SELECT warnings, length(raw) FROM messages WHERE uid = 2`).Scan(&warnings, &size); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(warnings, "max_message_bytes") || size > 1000 {
				t.Errorf("oversize message stored with %d bytes and warnings %s, want headers and a warning", size, warnings)
			}
			// This server keeps an empty APPEND as a bare CRLF; a truly
			// empty literal is TestEmptyMessageDoesNotHoldBackTheCursor's,
			// on Dovecot, with and without ESEARCH.
			var third int
			db.QueryRow(`SELECT count(*) FROM messages WHERE uid = 3 AND length(raw) <= 2`).Scan(&third)
			if third != 1 {
				t.Error("the empty message (UID 3) is not recorded")
			}
			if cur, _ := d.Store().Cursor(ctx, "INBOX"); cur.LastUID != uint32(len(mails)) {
				t.Errorf("cursor at UID %d, want %d", cur.LastUID, len(mails))
			}
			reps, err = d.Sync(ctx, desk.SyncOptions{IMAP: ic})
			if err != nil {
				t.Fatal(err)
			}
			if r := reps[0]; r.Fetched != 0 {
				t.Errorf("second sync %+v, want nothing fetched again", r)
			}
		})
	}
}

// memIMAP serves an empty INBOX from go-imap's in-memory server with the
// capabilities given.
func memIMAP(t *testing.T, caps imap.CapSet) (*imapmemserver.User, mail.IMAPConfig) {
	t.Helper()
	user := imapmemserver.NewUser("post@magnetharstad.no", "pw")
	if err := user.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	mem := imapmemserver.New()
	mem.AddUser(user)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:         caps,
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	})
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	host, port, _ := net.SplitHostPort(ln.Addr().String())
	p, _ := strconv.Atoi(port)
	return user, mail.IMAPConfig{Host: host, Port: p, Security: "none", Username: "post@magnetharstad.no", Password: "pw"}
}
