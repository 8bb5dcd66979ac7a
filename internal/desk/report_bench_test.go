package desk_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

// benchCases is the size of the store in the target: the overview
// and the figures over 100,000 cases, each in under 200 ms.
const benchCases = 100_000

// benchNow is the desk clock of the benchmarks; the cases span the three
// years before it.
var benchNow = time.Date(2026, 11, 25, 10, 0, 0, 0, deadline.Oslo)

// seedReportStore fills a store with n cases received over the three years
// before benchNow, in one transaction through the store's own writes (and
// so through the triggers of migration 0006), with the mix of a working
// desk: about one in ten is not a request; nearly every request older than
// two months is answered (one in ten late, one in forty refused, one in
// forty withdrawn, one in twenty extended) and most answered ones are closed;
// the last two months hold a few hundred open cases, some paused, some
// unassigned, some overdue. Every change writes its audit event.
func seedReportStore(b *testing.B, n int) *desk.Desk {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "pv.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	rng := rand.New(rand.NewPCG(1, 2))
	start := benchNow.AddDate(-3, 0, 0)
	span := benchNow.Sub(start)
	handlers := []string{"kari", "ola", "per", "siri", "tone"}
	err = st.Write(ctx, func(tx *store.Tx) error {
		event := func(c *dsr.Case, at time.Time, kind, details string) error {
			return tx.AppendEvent(ctx, &store.Event{CaseID: c.ID, At: at, Actor: "kari", Kind: kind, Details: details})
		}
		move := func(c *dsr.Case, to dsr.Status, at time.Time, note string) error {
			details := fmt.Sprintf("%s → %s", c.Status, to)
			if note != "" {
				details += "; " + note
			}
			c.Status = to
			if to == dsr.StatusClosed {
				c.ClosedAt = at
			}
			if err := tx.SaveCase(ctx, c, c.Version, "kari", at); err != nil {
				return err
			}
			return event(c, at, "status", details)
		}
		for i := 0; i < n; i++ {
			// Receipts spread evenly over three years, in order, so refs run
			// with time as they do at a real desk.
			received := start.Add(time.Duration(int64(span) / int64(n) * int64(i)))
			ref, err := tx.NextRef(ctx, received.In(deadline.Oslo).Year())
			if err != nil {
				return err
			}
			c := &dsr.Case{
				Ref: ref, Requester: fmt.Sprintf("person%d@example.no", i%40_000), Subject: "Personvern",
				Status: dsr.StatusNew, ReceivedAt: received, DueAt: deadline.Due(received),
				Assignee: handlers[rng.IntN(len(handlers))],
			}
			notRequest := rng.IntN(10) == 0
			if notRequest {
				c.Status = dsr.StatusNotARequest
				c.Assignee = ""
			} else {
				c.Rights = []dsr.CaseRight{{Right: dsr.AllRights[rng.IntN(len(dsr.AllRights))], Source: dsr.SourceAuto, Confidence: 0.9}}
				if rng.IntN(4) == 0 && c.Rights[0].Right != dsr.Erasure {
					c.Rights = append(c.Rights, dsr.CaseRight{Right: dsr.Erasure, Source: dsr.SourceAuto, Confidence: 0.8})
				}
			}
			if err := tx.InsertCase(ctx, c, desk.SystemActor, received); err != nil {
				return err
			}
			if err := event(c, received, "case.opened", "opened"); err != nil {
				return err
			}
			age := benchNow.Sub(received)
			recent := age < 60*24*time.Hour
			switch {
			case notRequest:
				if !recent && rng.IntN(2) == 0 {
					if err := move(c, dsr.StatusClosed, received.Add(48*time.Hour), ""); err != nil {
						return err
					}
				}
				continue
			case recent && rng.IntN(100) < 8:
				// One in about twelve of the last two months' requests is
				// still open: about 400 of 100,000.
				if rng.IntN(5) == 0 {
					c.Assignee = ""
					if err := tx.SaveCase(ctx, c, c.Version, "kari", received); err != nil {
						return err
					}
				}
				if rng.IntN(6) == 0 {
					at := received.Add(24 * time.Hour)
					c.Status, c.PausedAt, c.PauseReason = dsr.StatusAwaitingRequester, at, "ID needed"
					if err := tx.SaveCase(ctx, c, c.Version, "kari", at); err != nil {
						return err
					}
					if err := event(c, at, "pause", "clock paused: ID needed"); err != nil {
						return err
					}
				}
				continue
			}
			if rng.IntN(20) == 0 {
				at := received.Add(20 * 24 * time.Hour)
				c.Extended, c.ExtendReason = true, "Data in several systems"
				c.DueAt = deadline.Extended(received)
				if err := tx.SaveCase(ctx, c, c.Version, "kari", at); err != nil {
					return err
				}
				if err := event(c, at, "extend", "extended: "+c.ExtendReason); err != nil {
					return err
				}
			}
			// Most answers come within the month, some later.
			answered := received.Add(time.Duration(1+rng.IntN(29)) * 24 * time.Hour)
			if rng.IntN(10) == 0 {
				answered = answered.Add(time.Duration(rng.IntN(30)) * 24 * time.Hour)
			}
			answered = minT(answered, benchNow.Add(-time.Hour))
			to, note := dsr.StatusAnswered, ""
			switch rng.IntN(40) {
			case 0:
				to, note = dsr.StatusRefused, "Manifestly unfounded"
			case 1:
				to = dsr.StatusWithdrawn
			}
			if err := move(c, to, answered, note); err != nil {
				return err
			}
			if answered.Before(benchNow.AddDate(0, 0, -14)) && rng.IntN(10) != 0 {
				if err := move(c, dsr.StatusClosed, answered.Add(7*24*time.Hour), ""); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return desk.New(st, desk.Options{Now: func() time.Time { return benchNow }, User: "kari"})
}

func minT(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func BenchmarkOverview(b *testing.B) {
	d := seedReportStore(b, benchCases)
	ctx := context.Background()
	var o *desk.Overview
	for b.Loop() {
		var err error
		if o, err = d.Overview(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(o.Open), "open")
	b.ReportMetric(float64(len(o.Overdue)), "overdue")
}

func BenchmarkFigures(b *testing.B) {
	d := seedReportStore(b, benchCases)
	ctx := context.Background()
	day := func(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, deadline.Oslo) }
	for _, c := range []struct {
		name string
		p    desk.Period
	}{
		// The annual report of the last full year, the default period (this
		// year to date), and the worst case: every case in one period.
		{"last-year", desk.Period{From: day(2025, 1, 1), To: day(2025, 12, 31)}},
		{"year-to-date", desk.YearToDate(benchNow)},
		{"three-years", desk.Period{From: benchNow.AddDate(-3, 0, 0), To: benchNow}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var f *desk.Figures
			for b.Loop() {
				var err error
				if f, err = d.Figures(ctx, c.p); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(f.Received), "requests")
		})
	}
}
