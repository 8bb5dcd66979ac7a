package desk

import (
	"context"
	"time"

	"github.com/magnetharstad/pvdesk/mail"
)

// WatchState is where live intake stands, for the status line.
type WatchState int

// Watch states.
const (
	WatchConnecting   WatchState = iota // dialling the server
	WatchSyncing                        // fetching new mail; Progress says how far
	WatchSynced                         // caught up; waiting for new mail
	WatchDisconnected                   // failed; RetryAt says when the next try is
	WatchFailed                         // failed in a way retrying cannot fix (auth, TLS, mailbox)
)

// WatchEvent reports a change of live intake.
type WatchEvent struct {
	State    WatchState
	Progress SyncProgress
	// Rate is messages per second over the current sync, for the progress
	// bar of a large first sync.
	Rate     float64
	Reports  []SyncReport // after a sync
	NewCases int          // new or threaded cases of the last sync
	Err      error
	RetryAt  time.Time
	At       time.Time
}

// WatchOptions configure live intake.
type WatchOptions struct {
	SyncOptions
	IdleRefresh  time.Duration // default mail.DefaultIdleRefresh
	PollInterval time.Duration // without IDLE; default mail.DefaultPollInterval
	// NoIdle polls even where the server offers IDLE (imap.idle = false).
	NoIdle bool
	// Connect overrides how a connection is made (tests); default
	// mail.Connect with SyncOptions.IMAP.
	Connect func(ctx context.Context) (*mail.Conn, error)
}

// Watch keeps the desk in step with the mailbox until ctx ends: sync, then
// wait for news with IDLE (or polling), sync again; on a failure, report
// it, back off and reconnect. Configuration failures (login refused, TLS,
// missing mailbox) are retried too, but slowly, because the person at the
// desk may fix the server side meanwhile; the event says which it is.
// Events are sent on events, which Watch never closes; a slow reader only
// delays progress events, never the sync.
func (d *Desk) Watch(ctx context.Context, o WatchOptions, events chan<- WatchEvent) {
	boxes := o.Mailboxes
	if len(boxes) == 0 {
		boxes = []string{"INBOX"}
	}
	connect := o.Connect
	if connect == nil {
		connect = func(ctx context.Context) (*mail.Conn, error) { return mail.Connect(ctx, o.IMAP) }
	}
	send := func(ev WatchEvent, mustDeliver bool) {
		ev.At = d.opts.Now()
		if mustDeliver {
			select {
			case events <- ev:
			case <-ctx.Done():
			}
			return
		}
		select {
		case events <- ev:
		default:
		}
	}
	failures := 0
	for ctx.Err() == nil {
		send(WatchEvent{State: WatchConnecting}, true)
		err := d.watchOnce(ctx, connect, boxes, o, send, &failures)
		if ctx.Err() != nil {
			return
		}
		wait := Backoff(failures)
		state := WatchDisconnected
		if !mail.KindOf(err).Retryable() {
			state = WatchFailed
			wait = MaxBackoff
		}
		failures++
		send(WatchEvent{State: state, Err: err, RetryAt: time.Now().Add(wait)}, true)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// watchOnce runs one connection's life: sync, wait, sync... until an error.
func (d *Desk) watchOnce(ctx context.Context, connect func(context.Context) (*mail.Conn, error), boxes []string, o WatchOptions, send func(WatchEvent, bool), failures *int) error {
	c, err := connect(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	for {
		start := time.Now()
		var reps []SyncReport
		newCases := 0
		var first mail.Stats
		// A first sync of a big mailbox defers indexes, as Sync does; they
		// are built again when the round ends, however it ends. A failure
		// to build them is left to the next round (or the next start of
		// the desk) to try again: the mail is stored, only screens scan.
		var bulk bool
		endLoad := func() {
			if bulk {
				_ = d.endLoad(ctx, nil)
				bulk = false
			}
		}
		for i, box := range boxes {
			rep := SyncReport{Mailbox: box}
			sk := &sink{d: d, rep: &rep, onCase: o.OnCase, bulk: &bulk}
			progress := func(mb string, done, total int) {
				rate := 0.0
				if el := time.Since(start).Seconds(); el > 0 {
					rate = float64(done) / el
				}
				send(WatchEvent{State: WatchSyncing, Progress: SyncProgress{Mailbox: mb, Done: done, Total: total}, Rate: rate}, false)
			}
			st, err := mail.SyncMailbox(ctx, c, box, sk, o.IMAP.BatchSize, progress)
			if i == 0 {
				first = st
			}
			rep.Fetched = st.Fetched
			rep.Elapsed = time.Since(start)
			reps = append(reps, rep)
			newCases += rep.NewCases + rep.Threaded
			if err != nil {
				endLoad()
				if newCases > 0 {
					// What was committed is on screen already; say so.
					send(WatchEvent{State: WatchSyncing, Reports: reps, NewCases: newCases}, true)
				}
				return err
			}
		}
		endLoad()
		*failures = 0
		send(WatchEvent{State: WatchSynced, Reports: reps, NewCases: newCases}, true)
		if _, err := c.WaitForMail(ctx, boxes[0], first, !o.NoIdle, o.IdleRefresh, o.PollInterval); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

// ErrorKind names what kind of mail-server failure err is ("auth", "tls",
// "mailbox", "unreachable", "timeout", "lost", "config" or "other"), so a
// screen can say what to check without reaching into the mail package.
func ErrorKind(err error) string { return mail.KindOf(err).String() }
