package desk

import (
	"context"
	"math"
	"math/rand/v2"
	"time"

	"github.com/magnetharstad/pvdesk/mail"
)

// MaxBackoff caps the wait between reconnection attempts.
const MaxBackoff = 5 * time.Minute

// Backoff is the wait before retry number n (0-based): 1.8^n seconds, as
// aerc does, with ±20 % jitter so several desks that lost the same server do
// not all come back in the same second, capped at MaxBackoff.
func Backoff(n int) time.Duration {
	base := math.Pow(1.8, float64(n))
	if base > MaxBackoff.Seconds() {
		base = MaxBackoff.Seconds()
	}
	jitter := 0.8 + 0.4*rand.Float64()
	return min(time.Duration(base*jitter*float64(time.Second)), MaxBackoff)
}

// SyncWithRetry runs Sync and, while the failure is one that waiting can
// cure (unreachable, timeout, lost connection), tries again after Backoff,
// at most attempts times in all. onRetry, if set, hears of each wait. What a
// failed attempt committed stays committed; the next one resumes from the
// cursor.
func (d *Desk) SyncWithRetry(ctx context.Context, o SyncOptions, attempts int, onRetry func(err error, wait time.Duration)) ([]SyncReport, error) {
	var total []SyncReport
	for n := 0; ; n++ {
		reps, err := d.Sync(ctx, o)
		total = mergeReports(total, reps)
		// A failure to build indexes alone is no failure of the mail
		// server: syncing again would not mend it.
		_, indexOnly := err.(*IndexBuildError)
		if err == nil || indexOnly || !mail.KindOf(err).Retryable() || n+1 >= attempts {
			return total, err
		}
		wait := Backoff(n)
		if onRetry != nil {
			onRetry(err, wait)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return total, ctx.Err()
		case <-t.C:
		}
	}
}

// mergeReports adds the counts of a retry to those of earlier attempts, per
// mailbox, so the summary covers the whole run.
func mergeReports(acc, more []SyncReport) []SyncReport {
	for _, r := range more {
		found := false
		for i := range acc {
			if acc[i].Mailbox == r.Mailbox {
				acc[i].Fetched += r.Fetched
				acc[i].NewCases += r.NewCases
				acc[i].Threaded += r.Threaded
				acc[i].AlreadyStored += r.AlreadyStored
				acc[i].Warnings += r.Warnings
				acc[i].Elapsed += r.Elapsed
				found = true
				break
			}
		}
		if !found {
			acc = append(acc, r)
		}
	}
	return acc
}
