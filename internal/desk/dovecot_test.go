package desk_test

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dovetest"
	"github.com/magnetharstad/pvdesk/mail"
)

// TestDovecotSyncTwiceStoresOnce syncs the sample mail from a real Dovecot
// over TLS (verified against the test CA) twice: each message is stored
// once, the follow-ups join their cases and the second run finds nothing.
func TestDovecotSyncTwiceStoresOnce(t *testing.T) {
	srv := dovetest.Start(t)
	samples, err := mail.DemoMessages()
	if err != nil {
		t.Fatal(err)
	}
	// Oldest first, so UIDs rise with arrival as on a real server.
	sort.SliceStable(samples, func(i, j int) bool { return samples[i].DaysAgo > samples[j].DaysAgo })
	var msgs []dovetest.Msg
	for _, s := range samples {
		at := mail.DemoArrival(fixedNow, s.DaysAgo)
		msgs = append(msgs, dovetest.Msg{Raw: s.Wire(at.Add(-5 * time.Second)), Date: at})
	}
	srv.DeliverMany(t, "INBOX", msgs)

	ctx := context.Background()
	d := newDesk(t)
	for _, sec := range []struct {
		name string
		cfg  mail.IMAPConfig
	}{
		{"tls", mail.IMAPConfig{Host: "127.0.0.1", Port: srv.TLSPort, Security: "tls", CAFile: srv.CAFile, Username: srv.User, Password: srv.Password}},
		{"starttls", mail.IMAPConfig{Host: "127.0.0.1", Port: srv.Port, Security: "starttls", CAFile: srv.CAFile, Username: srv.User, Password: srv.Password}},
	} {
		reps, err := d.Sync(ctx, desk.SyncOptions{IMAP: sec.cfg})
		if err != nil {
			t.Fatalf("%s: %v", sec.name, err)
		}
		r := reps[0]
		if sec.name == "tls" {
			if r.Fetched != len(samples) || r.NewCases+r.Threaded != len(samples) || r.Threaded == 0 {
				t.Errorf("first sync = %+v, want %d fetched with some threaded", r, len(samples))
			}
		} else if r.Fetched != 0 || r.NewCases != 0 {
			t.Errorf("second sync = %+v, want nothing new", r)
		}
	}
	n, _ := d.Store().CountMessages(ctx)
	if n != len(samples) {
		t.Errorf("stored %d messages, want %d", n, len(samples))
	}
	rows, _ := d.Inbox(ctx, desk.ScopeAll)
	for _, r := range rows {
		if r.ReceivedAt.IsZero() || r.DueAt.Before(r.ReceivedAt) {
			t.Errorf("%s: received %v due %v", r.Ref, r.ReceivedAt, r.DueAt)
		}
	}
}
