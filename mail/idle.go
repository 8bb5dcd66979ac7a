package mail

import (
	"context"
	"time"

	"github.com/emersion/go-imap/v2"
)

// DefaultIdleRefresh is how long one IDLE lasts before it is ended and
// re-issued. RFC 2177 asks for less than 29 minutes; ending it more often
// also proves the connection is alive, because the server must answer DONE
// within the watchdog time, so a silently dead connection is found within
// minutes rather than half an hour.
const DefaultIdleRefresh = 5 * time.Minute

// DefaultPollInterval is how often a server without IDLE is asked for news.
const DefaultPollInterval = time.Minute

// CanIdle reports whether the server supports IDLE (RFC 2177).
func (c *Conn) CanIdle() bool { return c.Caps().Has(imap.CapIdle) }

// WaitForMail waits on mailbox until the server reports new mail (true), the
// refresh period ends (false), or ctx ends. With IDLE the server pushes the
// news; without it, the mailbox is polled with NOOP every poll interval.
// Either way the caller then syncs, which fetches only what is new. since is
// the mailbox as the last sync saw it: mail that arrived between that sync
// and this call is news at once, not at the next refresh.
// With useIdle false it polls even where IDLE is offered, for servers or
// proxies whose IDLE is known to misbehave (imap.idle = false).
func (c *Conn) WaitForMail(ctx context.Context, mailbox string, since Stats, useIdle bool, refresh, poll time.Duration) (bool, error) {
	if refresh <= 0 {
		refresh = DefaultIdleRefresh
	}
	if poll <= 0 {
		poll = DefaultPollInterval
	}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	sel, err := c.selectMailbox(mailbox)
	if err != nil {
		return false, err
	}
	// Drain a signal left from the sync that just ran: SELECT answered it.
	select {
	case <-c.newMail:
	default:
	}
	if since.UIDValidity != 0 && (sel.UIDValidity != since.UIDValidity ||
		(sel.UIDNext != 0 && since.UIDNext != 0 && uint32(sel.UIDNext) > since.UIDNext) ||
		((sel.UIDNext == 0 || since.UIDNext == 0) && sel.NumMessages > since.NumMessages)) {
		return true, nil
	}
	before := sel.NumMessages
	timeout := time.Duration(c.watch.limit.Load())
	if !useIdle || !c.CanIdle() {
		return c.poll(ctx, poll, refresh, before)
	}
	// Some servers (go-imap's own among them) report at the start of IDLE
	// only what happens after it, not what queued since SELECT; a NOOP
	// first collects that, leaving a window of one round trip.
	if err := c.Noop().Wait(); err != nil {
		return false, c.classify(err, "NOOP on "+mailbox)
	}
	if mb := c.Mailbox(); mb != nil && mb.NumMessages > before {
		return true, nil
	}
	select {
	case <-c.newMail:
		return true, nil
	default:
	}

	// While idling the server may rightly say nothing until refresh ends.
	c.SetSilenceLimit(refresh + timeout)
	defer c.SetSilenceLimit(timeout)
	idle, err := c.Idle()
	if err != nil {
		return false, c.classify(err, "IDLE on "+mailbox)
	}
	t := time.NewTimer(refresh)
	defer t.Stop()
	news := false
	select {
	case <-c.newMail:
		news = true
	case <-t.C:
	case <-ctx.Done():
	case <-c.Closed():
	}
	c.SetSilenceLimit(timeout)
	if err := idle.Close(); err != nil {
		return news, c.classify(err, "end IDLE on "+mailbox)
	}
	if err := idle.Wait(); err != nil {
		return news, c.classify(err, "IDLE on "+mailbox)
	}
	if err := ctx.Err(); err != nil {
		return news, err
	}
	return news, nil
}

func (c *Conn) poll(ctx context.Context, every, refresh time.Duration, before uint32) (bool, error) {
	deadline := time.Now().Add(refresh)
	for time.Now().Before(deadline) {
		t := time.NewTimer(every)
		select {
		case <-ctx.Done():
			t.Stop()
			return false, ctx.Err()
		case <-t.C:
		}
		if err := c.Noop().Wait(); err != nil {
			return false, c.classify(err, "NOOP")
		}
		select {
		case <-c.newMail:
			return true, nil
		default:
		}
		if mb := c.Mailbox(); mb != nil && mb.NumMessages != before {
			return true, nil
		}
	}
	return false, nil
}
