package desk

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

// Period is a span of calendar days in Oslo, both ends included: From
// 2026-01-01 and To 2026-03-31 is the first quarter. Only the Oslo dates of
// From and To count, not their times of day.
type Period struct {
	From, To time.Time
}

// YearToDate is the period from 1 January of now's year to now's date, in
// Oslo: the default period of a report.
func YearToDate(now time.Time) Period {
	now = now.In(deadline.Oslo)
	return Period{From: time.Date(now.Year(), time.January, 1, 0, 0, 0, 0, deadline.Oslo), To: dayStart(now)}
}

// ErrPeriod is a period that ends before it starts.
var ErrPeriod = errors.New("invalid period")

// Validate reports a period whose To date is before its From date.
func (p Period) Validate() error {
	if p.From.IsZero() || p.To.IsZero() {
		return fmt.Errorf("%w: want both a from and a to date", ErrPeriod)
	}
	if deadline.DaysLeft(p.From, p.To) < 0 {
		return fmt.Errorf("%w: %s is after %s", ErrPeriod, deadline.Format(p.From), deadline.Format(p.To))
	}
	return nil
}

// span is the period as instants: [start of From, end of To).
func (p Period) span() (start, end time.Time) {
	return dayStart(p.From), deadline.Expires(p.To)
}

// dayStart is 00:00 in Oslo of t's Oslo date (Oslo changes its clocks at
// 02:00 and 03:00, so midnight always exists).
func dayStart(t time.Time) time.Time {
	y, m, d := t.In(deadline.Oslo).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, deadline.Oslo)
}

// monthLayout names a month in Figures: "2026-03".
const monthLayout = "2006-01"

// Reason is a case and the reason given for an extension or a refusal. The
// reason is free text typed by staff: views pass it through textsafe.
type Reason struct {
	Ref    string
	Reason string
}

// MonthCount is a count for one month of a period.
type MonthCount struct {
	Month string    // "2026-03"
	At    time.Time // the instant counted at
	Count int
}

// Figures are a team lead's figures for a period, for the lead screen and
// the annual report (pvdesk report).
//
// Which cases: a request is a case that is not, and was not closed as,
// not_a_request (is_request in the store); everything below is about
// requests only. A request whose rights were all taken away counts in
// Received but under no right. Except for the backlog, the figures are about the requests
// received in the period (by their receipt time, read in Oslo), followed to
// AsOf, the desk's clock when the figures were made: a request received in
// December and answered in January counts as answered in a report run in
// February. Each such request is in exactly one of Answered, OverdueOpen,
// Pending and WithoutAnswer, so they add up to Received.
//
// Answered: the request was answered or refused; the time is that of the
// first move to answered or refused, by whatever path (a status change, a
// reply letter, an approved refusal), whatever happened after; a refusal is
// an answer too: Art. 12(4) asks that the person be told within the same
// month. A case reopened later stays answered, at its first answer.
// OverdueOpen and Pending split the open requests never answered by their
// due date as it stands at AsOf; for a paused case that is the date resuming
// it then would give (see Overview).
//
// On time: answered before deadline.Expires(DueAt), that is by the end of
// the due day, where DueAt already includes the extension and the days the
// clock stood still for the requester.
//
// OnTimeShare = OnTime / (Answered + OverdueOpen): among the requests whose
// outcome on time is settled — answered, or still open past the deadline —
// the share answered in time. An unanswered request past its deadline counts
// against the share, so leaving late requests unanswered never improves it;
// requests closed without an answer (withdrawn) and open requests not yet
// due are left out. 0 when nothing is settled.
//
// Days to answer: calendar days in Oslo from the day of receipt to the day
// of the first answer (same day = 0). MedianDays and P90Days use the
// nearest-rank method over the answered requests: sorted ascending, the p-th
// percentile is the value at rank ⌈p·n⌉ (1-based), so the median of ten
// values is the 5th, not the mean of the 5th and 6th, and every figure is a
// number of days some request actually took. Both are 0 with no answers.
//
// Backlog: for each month of the period, the requests open at its end —
// received before it and not yet answered or closed — counted at the end of
// the month, or of the period, or at AsOf, whichever comes first; months
// that start after AsOf are left out. Unlike the other figures it counts
// requests received before the period too. A reopened case counts as open
// from its receipt until it last ended, so the backlog can err high but
// never hides a case that is open.
type Figures struct {
	Period
	AsOf time.Time

	// Months are the months of the period in order ("2026-01"); the first
	// and last may be partial.
	Months []string
	// ReceivedPerMonth counts the requests received in each month.
	ReceivedPerMonth map[string]int
	// ReceivedPerRightPerMonth counts, per month and right, the requests
	// invoking the right; a request with two rights counts under both. Every
	// month is present; rights without requests are absent (read as 0).
	ReceivedPerRightPerMonth map[string]map[dsr.Right]int

	Received      int // requests received in the period
	Answered      int // ... answered or refused by AsOf
	OnTime        int // ... of them in time
	Late          int // ... of them after the deadline (Answered - OnTime)
	OverdueOpen   int // ... still open at AsOf, past the deadline
	Pending       int // ... still open at AsOf, not yet due
	WithoutAnswer int // ... closed without an answer (withdrawn)
	OnTimeShare   float64
	MedianDays    float64
	P90Days       float64

	// Extensions are the requests received in the period whose deadline was
	// extended, with the reason given; Refusals those refused, with the note
	// of the status change (the handler's note, or the reason of an approved
	// refusal request), else the case's outcome; a refusal made by sending
	// the refusal letter records no note, so it shows the outcome or
	// nothing. Both in order of receipt.
	Extensions []Reason
	Refusals   []Reason

	Backlog []MonthCount
}

// month is one month of a period: its name and the part of it inside the
// period, [lo, hi).
type month struct {
	name   string
	lo, hi time.Time
}

// months splits [start, end) at the starts of months in Oslo.
func months(start, end time.Time) []month {
	var out []month
	for lo := start; lo.Before(end); {
		l := lo.In(deadline.Oslo)
		next := time.Date(l.Year(), l.Month()+1, 1, 0, 0, 0, 0, deadline.Oslo)
		hi := next
		if end.Before(hi) {
			hi = end
		}
		out = append(out, month{name: l.Format(monthLayout), lo: lo, hi: hi})
		lo = next
	}
	return out
}

// Figures computes the figures of period p as of the desk's clock. The
// counting per month and the backlog run in SQLite; only what needs Oslo
// calendar days (days to answer, the end of a due day) comes to Go, as one
// row of three numbers per answered request and one per open one.
func (d *Desk) Figures(ctx context.Context, p Period) (*Figures, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	now := d.Now()
	start, end := p.span()
	ms := months(start, end)
	f := &Figures{
		Period:                   Period{From: dayStart(p.From), To: dayStart(p.To)},
		AsOf:                     now,
		ReceivedPerMonth:         make(map[string]int, len(ms)),
		ReceivedPerRightPerMonth: make(map[string]map[dsr.Right]int, len(ms)),
	}
	for _, m := range ms {
		f.Months = append(f.Months, m.name)
	}
	// One snapshot, so the figures add up even while desks keep working.
	err := d.st.ReadSnapshot(ctx, func(s *store.Snapshot) error {
		if err := f.countReceived(ctx, s, ms, end); err != nil {
			return err
		}
		if err := f.countAnswers(ctx, s, start, end); err != nil {
			return err
		}
		if err := f.readReasons(ctx, s, start, end); err != nil {
			return err
		}
		return f.countBacklog(ctx, s, ms)
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// countReceived fills the requests received per month and right.
func (f *Figures) countReceived(ctx context.Context, s *store.Snapshot, ms []month, end time.Time) error {
	bounds := make([]time.Time, 0, len(ms)+1)
	for _, m := range ms {
		bounds = append(bounds, m.lo)
	}
	counts, err := s.CountReceived(ctx, append(bounds, end))
	if err != nil {
		return err
	}
	for i, m := range ms {
		f.ReceivedPerMonth[m.name] = counts[i].Total
		f.ReceivedPerRightPerMonth[m.name] = counts[i].PerRight
		f.Received += counts[i].Total
	}
	return nil
}

// countAnswers fills the answered, on-time, open and timing figures.
func (f *Figures) countAnswers(ctx context.Context, s *store.Snapshot, start, end time.Time) error {
	var days []int
	err := s.AnsweredEach(ctx, start, end, func(r *store.AnswerRow) {
		f.Answered++
		if r.AnsweredAt.Before(deadline.Expires(r.DueAt)) {
			f.OnTime++
		}
		// A mail server clock ahead of the desk's must not give a negative
		// number of days.
		days = append(days, max(deadline.DaysLeft(r.ReceivedAt, r.AnsweredAt), 0))
	})
	if err != nil {
		return err
	}
	err = s.OpenUnansweredEach(ctx, start, end, func(c *store.OpenCase) error {
		if deadline.DaysLeft(f.AsOf, runningDue(c.DueAt, c.ReceivedAt, c.Extended, c.PausedDays, c.PausedAt, f.AsOf)) < 0 {
			f.OverdueOpen++
		} else {
			f.Pending++
		}
		return nil
	})
	if err != nil {
		return err
	}
	f.Late = f.Answered - f.OnTime
	// Every request received is answered, or open, or neither: read from
	// one snapshot, the rest are those closed without an answer.
	f.WithoutAnswer = f.Received - f.Answered - f.OverdueOpen - f.Pending
	if settled := f.Answered + f.OverdueOpen; settled > 0 {
		f.OnTimeShare = float64(f.OnTime) / float64(settled)
	}
	slices.Sort(days)
	f.MedianDays = float64(nearestRank(days, 50))
	f.P90Days = float64(nearestRank(days, 90))
	return nil
}

// readReasons lists the extensions and refusals with their reasons.
func (f *Figures) readReasons(ctx context.Context, s *store.Snapshot, start, end time.Time) error {
	reasons, err := s.Reasons(ctx, start, end)
	if err != nil {
		return err
	}
	var refused []int64 // case ids, as f.Refusals
	for _, r := range reasons {
		if r.Extended {
			f.Extensions = append(f.Extensions, Reason{Ref: r.Ref, Reason: r.ExtendReason})
		}
		if r.Refused {
			refused = append(refused, r.ID)
			f.Refusals = append(f.Refusals, Reason{Ref: r.Ref, Reason: r.Outcome})
		}
	}
	evs, err := s.StatusEvents(ctx, refused)
	if err != nil {
		return err
	}
	for i, id := range refused {
		// The note given with the refusal says why; the case's outcome is
		// the fallback for a refusal recorded without one.
		if note := refusalNote(evs[id]); note != "" {
			f.Refusals[i].Reason = note
		}
	}
	return nil
}

// countBacklog counts the open requests at the end of each month, or of
// the period, or at AsOf, whichever comes first.
func (f *Figures) countBacklog(ctx context.Context, s *store.Snapshot, ms []month) error {
	var at []time.Time
	var names []string
	for _, m := range ms {
		if m.lo.After(f.AsOf) {
			break
		}
		at = append(at, minTime(m.hi, f.AsOf))
		names = append(names, m.name)
	}
	open, err := s.OpenRequestsAt(ctx, at)
	if err != nil {
		return err
	}
	for i, n := range open {
		f.Backlog = append(f.Backlog, MonthCount{Month: names[i], At: at[i], Count: n})
	}
	return nil
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// nearestRank is the p-th percentile of sorted by the nearest-rank method:
// the value at 1-based rank ⌈p/100·n⌉; 0 for no values.
func nearestRank(sorted []int, p int) int {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	rank := int(math.Ceil(float64(p) / 100 * float64(n)))
	return sorted[min(max(rank, 1), n)-1]
}

// resumeText is what resume writes into a status event leaving
// awaiting_requester, before the handler's note.
var resumeText = regexp.MustCompile(`^(clock was not paused|clock resumed after \d+ days; due \d{4}-\d{2}-\d{2})(; |$)`)

// refusalNote is the note given with the first refusal in a case's status
// events, "" if none. SetStatus (and an approved refusal, through it) writes
// "<from> → refused[; <resume text>][; <note>]", the resume text only when
// leaving awaiting_requester.
func refusalNote(details []string) string {
	for _, det := range details {
		head, rest, _ := strings.Cut(det, "; ")
		from, ok := strings.CutSuffix(head, " → refused")
		if !ok {
			continue
		}
		if dsr.Status(from) == dsr.StatusAwaitingRequester {
			if m := resumeText.FindStringIndex(rest); m != nil {
				rest = rest[m[1]:]
			}
		}
		return strings.TrimSpace(rest)
	}
	return ""
}

// runningDue is the due date that counts at now for an open case: DueAt as
// stored, or for a case whose clock stands still the date that resuming at
// now would give (the pause so far added, as resume does). A paused case
// waits for the requester, so it does not run late while it waits.
func runningDue(dueAt, received time.Time, extended bool, earlierPauses int, pausedAt, now time.Time) time.Time {
	if pausedAt.IsZero() {
		return dueAt
	}
	c := dsr.Case{ReceivedAt: received, Extended: extended, PausedDays: earlierPauses + pausedDays(pausedAt, now)}
	return dueOf(&c)
}

// OverviewRow is an open case on the lead's overview.
type OverviewRow struct {
	CaseRow
	// Due is the due date that counts today: DueAt, or for a paused case
	// the date resuming today would give.
	Due time.Time
	// DaysLeft is the number of calendar days from today to Due, negative
	// once it has passed; DaysOverdue is -DaysLeft when overdue, else 0.
	DaysLeft    int
	DaysOverdue int
	PausedAt    time.Time // zero unless the clock stands still
	PauseReason string
	// PausedDays is how many calendar days the current pause has lasted.
	PausedDays int
}

// HandlerLoad is one handler's open cases.
type HandlerLoad struct {
	Handler string
	Open    int
	Overdue int
	DueSoon int
}

// Overview is what a team lead reviews: the open cases that need attention
// and the load per handler, as of AsOf.
//
// Overdue: open cases whose due date has passed (DaysLeft < 0), most
// overdue first. A paused case is judged by the date resuming it today
// would give, so one that was paused in time never turns overdue while it
// waits for the requester; one paused after its deadline stays overdue.
// DueSoon: open cases with a running clock due within DueSoonDays days
// (0 ≤ DaysLeft ≤ DueSoonDays), soonest first. Paused: cases whose clock
// stands still, longest pause first. Unassigned: open cases without a
// handler, by due date. Load: per handler (assigned open cases only), by
// name. The same case may be in several lists.
type Overview struct {
	AsOf        time.Time
	DueSoonDays int
	Open        int // open cases in all
	Overdue     []OverviewRow
	DueSoon     []OverviewRow
	Paused      []OverviewRow
	Unassigned  []OverviewRow
	Load        []HandlerLoad
}

// Overview reads the open cases (only those, through the partial index on
// open cases) and sorts them into the lead's lists, as of the desk's clock
// and with its due-soon horizon.
func (d *Desk) Overview(ctx context.Context) (*Overview, error) {
	now := d.Now()
	o := &Overview{AsOf: now, DueSoonDays: d.DueSoonDays()}
	load := map[string]*HandlerLoad{}
	err := d.st.OpenCasesEach(ctx, func(c *store.OpenCase) error {
		o.Open++
		r := OverviewRow{
			CaseRow: c.CaseRow, PausedAt: c.PausedAt, PauseReason: c.PauseReason,
			Due: runningDue(c.DueAt, c.ReceivedAt, c.Extended, c.PausedDays, c.PausedAt, now),
		}
		if !c.PausedAt.IsZero() {
			r.PausedDays = pausedDays(c.PausedAt, now)
		}
		r.DaysLeft = deadline.DaysLeft(now, r.Due)
		overdue := r.DaysLeft < 0
		dueSoon := !overdue && r.PausedAt.IsZero() && r.DaysLeft <= o.DueSoonDays
		if overdue {
			r.DaysOverdue = -r.DaysLeft
			o.Overdue = append(o.Overdue, r)
		}
		if dueSoon {
			o.DueSoon = append(o.DueSoon, r)
		}
		if !r.PausedAt.IsZero() {
			o.Paused = append(o.Paused, r)
		}
		if r.Assignee == "" {
			o.Unassigned = append(o.Unassigned, r)
			return nil
		}
		l := load[r.Assignee]
		if l == nil {
			l = &HandlerLoad{Handler: r.Assignee}
			load[r.Assignee] = l
		}
		l.Open++
		if overdue {
			l.Overdue++
		}
		if dueSoon {
			l.DueSoon++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The store reads by DueAt; a paused case's running due date is later,
	// so sort again. Stable on (due, id) keeps ties in a fixed order.
	byDue := func(a, b OverviewRow) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	}
	slices.SortStableFunc(o.Overdue, byDue)
	slices.SortStableFunc(o.DueSoon, byDue)
	slices.SortStableFunc(o.Unassigned, byDue)
	slices.SortStableFunc(o.Paused, func(a, b OverviewRow) int {
		if c := a.PausedAt.Compare(b.PausedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	for _, l := range load {
		o.Load = append(o.Load, *l)
	}
	slices.SortFunc(o.Load, func(a, b HandlerLoad) int { return strings.Compare(a.Handler, b.Handler) })
	return o, nil
}
