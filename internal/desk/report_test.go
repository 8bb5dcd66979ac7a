package desk_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

// subjectRights is a classifier for tests: the subject names the rights
// ("access,erasure", or "none"), so a seeded case has exactly the rights the
// test says, whatever the real classifier thinks of the text.
func subjectRights(in classify.Input) classify.Result {
	var res classify.Result
	for _, s := range strings.Split(in.Subject, ",") {
		if r, err := dsr.ParseRight(s); err == nil && r != dsr.None {
			res.Labels = append(res.Labels, classify.Label{Right: r, Confidence: 1})
		}
	}
	return res
}

// seeder drives a desk through a story with a settable clock, by the
// desk's own actions, and names the cases by letter.
type seeder struct {
	t   *testing.T
	d   *desk.Desk
	clk *clock
	uid uint32
	ids map[string]int64
}

func newSeeder(t *testing.T) *seeder {
	t.Helper()
	clk := &clock{}
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "pv.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	d := desk.New(st, desk.Options{Now: clk.now, User: "kari", Classify: subjectRights})
	return &seeder{t: t, d: d, clk: clk, ids: map[string]int64{}}
}

// at sets the desk clock to the hour h of a day in Oslo.
func (s *seeder) at(y int, m time.Month, d, h int) *seeder {
	s.clk.t = oslo(y, m, d, h)
	return s
}

// receive ingests a request with the given rights, received now.
func (s *seeder) receive(name, rights string) {
	s.t.Helper()
	s.uid++
	res := ingest(s.t, s.d, s.uid, msg{
		from: strings.ToLower(name) + "@example.no", subject: rights,
		body: "Forespørsel " + name, id: fmt.Sprintf("%s.%d@example.no", name, s.uid),
	}, s.clk.t)
	s.ids[name] = res.CaseID
}

// act runs a desk action on case name at the current clock.
func (s *seeder) act(name string, fn func(id, version int64) (*dsr.Case, error)) {
	s.t.Helper()
	id := s.ids[name]
	det, err := s.d.Case(context.Background(), id)
	if err != nil {
		s.t.Fatal(err)
	}
	if _, err := fn(id, det.Case.Version); err != nil {
		s.t.Fatalf("case %s at %s: %v", name, s.clk.t.Format(time.DateTime), err)
	}
}

func (s *seeder) status(name string, to dsr.Status, note string) {
	s.t.Helper()
	s.act(name, func(id, v int64) (*dsr.Case, error) {
		return s.d.SetStatus(context.Background(), id, v, to, note)
	})
}

func (s *seeder) assign(name, user string) {
	s.t.Helper()
	s.act(name, func(id, v int64) (*dsr.Case, error) { return s.d.Assign(context.Background(), id, v, user) })
}

func (s *seeder) pause(name string) {
	s.t.Helper()
	s.act(name, func(id, v int64) (*dsr.Case, error) {
		return s.d.AskIdentity(context.Background(), id, v, "ID needed")
	})
}

func (s *seeder) resume(name string) {
	s.t.Helper()
	s.act(name, func(id, v int64) (*dsr.Case, error) { return s.d.Resume(context.Background(), id, v, "") })
}

func (s *seeder) extend(name, reason string) {
	s.t.Helper()
	s.act(name, func(id, v int64) (*dsr.Case, error) { return s.d.Extend(context.Background(), id, v, reason) })
}

// seedQuarter tells the story behind the hand-computed figures of the
// first quarter of 2026. Letters are cases in order of receipt; their refs
// follow, A being 2025's first case and B PV-2026-0001.
//
//	A 2025-12-15 access               answered 02-05 (before the period: backlog only)
//	B 01-05 access                    answered 01-20, closed 01-25, reopened 02-20, answered 02-24
//	C 01-12 erasure,objection_mkt     answered 02-13, one day after its due date 02-12
//	D 01-20 access                    extended 02-10 (due 04-20), answered 04-01
//	E 01-26 rectification             refused 02-02 with a note
//	F 01-28 none → not_a_request      closed 01-29: never a request
//	G 02-03 access,portability        paused 02-04, resumed 02-09: 5 days, due 03-03+5 = 03-08 (Sun) → 03-09; answered 03-09 15:00
//	H 02-10 withdraw_consent          withdrawn 02-12
//	I 02-16 erasure                   paused 02-18, refused 03-02 from the pause: 12 days, due 03-16+12 = 03-28 (Sat) → 03-30
//	J 03-02 access                    ola; open; due 04-02 (Maundy Thursday) → 04-07
//	K 03-12 erasure                   kari; open; due 04-12 (Sun) → 04-13
//	L 03-16 objection                 kari; extended 03-20 (due 06-16); open
//	M 03-25 access                    paused 03-27 and still waiting; unassigned
//	N 04-08 access                    unassigned; open (after the period)
//
// The clock then stands at Friday 2026-04-10 12:00.
func seedQuarter(t *testing.T) *seeder {
	s := newSeeder(t)
	s.at(2025, 12, 15, 10).receive("A", "access")
	s.at(2026, 1, 5, 10).receive("B", "access")
	s.at(2026, 1, 12, 9).receive("C", "erasure,objection_marketing")
	s.at(2026, 1, 20, 10).status("B", dsr.StatusAnswered, "")
	s.at(2026, 1, 20, 14).receive("D", "access")
	s.at(2026, 1, 25, 10).status("B", dsr.StatusClosed, "")
	s.at(2026, 1, 26, 11).receive("E", "rectification")
	s.at(2026, 1, 28, 8).receive("F", "none")
	s.at(2026, 1, 29, 9).status("F", dsr.StatusClosed, "spam")
	s.at(2026, 2, 2, 10).status("E", dsr.StatusRefused, "Manifestly unfounded: the fourth identical request this year")
	s.at(2026, 2, 3, 10).receive("G", "access,portability")
	s.at(2026, 2, 4, 10).pause("G")
	s.at(2026, 2, 5, 10).status("A", dsr.StatusAnswered, "")
	s.at(2026, 2, 9, 10).resume("G")
	s.at(2026, 2, 10, 9).extend("D", "Data in five systems")
	s.at(2026, 2, 10, 10).receive("H", "withdraw_consent")
	s.at(2026, 2, 12, 10).status("H", dsr.StatusWithdrawn, "")
	s.at(2026, 2, 13, 10).status("C", dsr.StatusAnswered, "")
	s.at(2026, 2, 16, 10).receive("I", "erasure")
	s.at(2026, 2, 18, 10).pause("I")
	s.at(2026, 2, 20, 10).status("B", dsr.StatusInProgress, "the answer missed the CRM")
	s.at(2026, 2, 24, 10).status("B", dsr.StatusAnswered, "")
	s.at(2026, 3, 2, 10).receive("J", "access")
	s.assign("J", "ola")
	s.at(2026, 3, 2, 11).status("I", dsr.StatusRefused, "Identity not confirmed")
	s.at(2026, 3, 9, 15).status("G", dsr.StatusAnswered, "")
	s.at(2026, 3, 12, 10).receive("K", "erasure")
	s.assign("K", "kari")
	s.at(2026, 3, 16, 10).receive("L", "objection")
	s.assign("L", "kari")
	s.at(2026, 3, 20, 10).extend("L", "Needs legal review")
	s.at(2026, 3, 25, 10).receive("M", "access")
	s.at(2026, 3, 27, 10).pause("M")
	s.at(2026, 4, 1, 10).status("D", dsr.StatusAnswered, "")
	s.at(2026, 4, 8, 10).receive("N", "access")
	s.at(2026, 4, 10, 12)
	return s
}

func TestFiguresOfAQuarter(t *testing.T) {
	s := seedQuarter(t)
	// Times of day do not matter: the period is whole Oslo days.
	p := desk.Period{From: oslo(2026, 1, 1, 15), To: oslo(2026, 3, 31, 9)}
	f, err := s.d.Figures(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if got := deadline.Format(f.From) + ".." + deadline.Format(f.To); got != "2026-01-01..2026-03-31" {
		t.Errorf("period = %s", got)
	}
	if !f.AsOf.Equal(oslo(2026, 4, 10, 12)) {
		t.Errorf("as of %s", f.AsOf)
	}

	// Received per month: A is from 2025, N from April, F never a request.
	//   January  B C D E  = 4: access B,D = 2; erasure C; objection_marketing C; rectification E
	//   February G H I    = 3: access G; portability G; withdraw_consent H; erasure I
	//   March    J K L M  = 4: access J,M = 2; erasure K; objection L
	if want := []string{"2026-01", "2026-02", "2026-03"}; !reflect.DeepEqual(f.Months, want) {
		t.Errorf("months = %v, want %v", f.Months, want)
	}
	wantPerMonth := map[string]int{"2026-01": 4, "2026-02": 3, "2026-03": 4}
	if !reflect.DeepEqual(f.ReceivedPerMonth, wantPerMonth) {
		t.Errorf("received per month = %v, want %v", f.ReceivedPerMonth, wantPerMonth)
	}
	wantGrid := map[string]map[dsr.Right]int{
		"2026-01": {dsr.Access: 2, dsr.Erasure: 1, dsr.ObjectionMarketing: 1, dsr.Rectification: 1},
		"2026-02": {dsr.Access: 1, dsr.Portability: 1, dsr.WithdrawConsent: 1, dsr.Erasure: 1},
		"2026-03": {dsr.Access: 2, dsr.Erasure: 1, dsr.Objection: 1},
	}
	if !reflect.DeepEqual(f.ReceivedPerRightPerMonth, wantGrid) {
		t.Errorf("per right per month = %v, want %v", f.ReceivedPerRightPerMonth, wantGrid)
	}

	// Outcomes of the 4+3+4 = 11 requests:
	//   answered 6: B C D G (answered), E I (refused)
	//     on time 5: B 01-20 ≤ 02-05, D 04-01 ≤ 04-20, E 02-02 ≤ 02-26,
	//                G 03-09 15:00 on its due day 03-09, I 03-02 ≤ 03-30
	//     late 1:    C 02-13 > 02-12
	//   open past the deadline 1: J (due 04-07, now 04-10)
	//   open, not yet due 3: K (04-13), L (06-16), M (paused)
	//   closed without an answer 1: H (withdrawn)
	//   6 + 1 + 3 + 1 = 11
	//   share on time = 5 / (6 answered + 1 open past the deadline) = 5/7
	got := [...]int{f.Received, f.Answered, f.OnTime, f.Late, f.OverdueOpen, f.Pending, f.WithoutAnswer}
	if want := [...]int{11, 6, 5, 1, 1, 3, 1}; got != want {
		t.Errorf("received, answered, on time, late, overdue open, pending, without answer = %v, want %v", got, want)
	}
	if math.Abs(f.OnTimeShare-5.0/7) > 1e-12 {
		t.Errorf("on-time share = %v, want 5/7", f.OnTimeShare)
	}

	// Days from receipt to first answer (Oslo calendar days):
	//   E 01-26→02-02 = 7; I 02-16→03-02 = 12+2 = 14; B 01-05→01-20 = 15
	//   (its first answer, not the one after reopening); C 01-12→02-13 = 31+1 = 32;
	//   G 02-03→03-09 = 28+6 = 34; D 01-20→04-01 = 31+28+12 = 71
	// Sorted 7 14 15 32 34 71, n = 6: median rank ⌈0.5·6⌉ = 3 → 15;
	// 90th percentile rank ⌈0.9·6⌉ = ⌈5.4⌉ = 6 → 71.
	if f.MedianDays != 15 || f.P90Days != 71 {
		t.Errorf("median %v, p90 %v; want 15, 71", f.MedianDays, f.P90Days)
	}

	wantExt := []desk.Reason{
		{Ref: "PV-2026-0003", Reason: "Data in five systems"}, // D
		{Ref: "PV-2026-0011", Reason: "Needs legal review"},   // L
	}
	if !reflect.DeepEqual(f.Extensions, wantExt) {
		t.Errorf("extensions = %+v, want %+v", f.Extensions, wantExt)
	}
	// I was refused straight from the pause: its event reads
	// "awaiting_requester → refused; clock resumed after 12 days; due
	// 2026-03-30; Identity not confirmed", and only the note is the reason.
	wantRef := []desk.Reason{
		{Ref: "PV-2026-0004", Reason: "Manifestly unfounded: the fourth identical request this year"}, // E
		{Ref: "PV-2026-0008", Reason: "Identity not confirmed"},                                       // I
	}
	if !reflect.DeepEqual(f.Refusals, wantRef) {
		t.Errorf("refusals = %+v, want %+v", f.Refusals, wantRef)
	}

	// Open requests at the end of each month:
	//   January (at 02-01 00:00): A (answered 02-05), C (02-13), D, E (02-02), and
	//     B: answered 01-20 but reopened, so it counts as open until it last
	//     ended, 02-24 — the documented error on the high side       = 5
	//   February (03-01): D, G (answered 03-09), I (refused 03-02)   = 3
	//   March (04-01 00:00): D (answered 04-01 10:00), J, K, L, M      = 5
	wantBacklog := []desk.MonthCount{
		{Month: "2026-01", At: oslo(2026, 2, 1, 0), Count: 5},
		{Month: "2026-02", At: oslo(2026, 3, 1, 0), Count: 3},
		{Month: "2026-03", At: oslo(2026, 4, 1, 0), Count: 5},
	}
	checkBacklog(t, f.Backlog, wantBacklog)
}

func checkBacklog(t *testing.T, got, want []desk.MonthCount) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("backlog = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Month != want[i].Month || !got[i].At.Equal(want[i].At) || got[i].Count != want[i].Count {
			t.Errorf("backlog[%d] = %s at %s: %d, want %s at %s: %d", i,
				got[i].Month, got[i].At.In(deadline.Oslo), got[i].Count, want[i].Month, want[i].At, want[i].Count)
		}
	}
}

func TestFiguresOfPartialMonths(t *testing.T) {
	s := seedQuarter(t)
	f, err := s.d.Figures(context.Background(), desk.Period{From: oslo(2026, 1, 15, 0), To: oslo(2026, 2, 10, 0)})
	if err != nil {
		t.Fatal(err)
	}
	// Received 01-15..02-10: D, E in January; G, H (02-10, the last day) in February.
	if want := map[string]int{"2026-01": 2, "2026-02": 2}; !reflect.DeepEqual(f.ReceivedPerMonth, want) || f.Received != 4 {
		t.Errorf("received %d per month %v, want 4, %v", f.Received, f.ReceivedPerMonth, want)
	}
	// D, E, G answered; E refused; H withdrawn. All three on time:
	// 3 / (3 + 0 open past the deadline) = 1.
	if f.Answered != 3 || f.OnTime != 3 || f.WithoutAnswer != 1 || f.OnTimeShare != 1 {
		t.Errorf("answered %d on time %d without answer %d share %v", f.Answered, f.OnTime, f.WithoutAnswer, f.OnTimeShare)
	}
	// February is counted at the end of the period, 02-11 00:00: B (reopened,
	// last ended 02-24), C (02-13), D, G, H (withdrawn 02-12) = 5; A ended
	// 02-05 and E 02-02.
	checkBacklog(t, f.Backlog, []desk.MonthCount{
		{Month: "2026-01", At: oslo(2026, 2, 1, 0), Count: 5},
		{Month: "2026-02", At: oslo(2026, 2, 11, 0), Count: 5},
	})
}

func TestFiguresPastTheClock(t *testing.T) {
	s := seedQuarter(t)
	f, err := s.d.Figures(context.Background(), desk.Period{From: oslo(2026, 3, 1, 0), To: oslo(2026, 5, 31, 0)})
	if err != nil {
		t.Fatal(err)
	}
	// April is counted now (04-10 12:00), May not at all: it has not begun.
	// Open now: J K L M N = 5, the same as the overview's open cases.
	checkBacklog(t, f.Backlog, []desk.MonthCount{
		{Month: "2026-03", At: oslo(2026, 4, 1, 0), Count: 5},
		{Month: "2026-04", At: oslo(2026, 4, 10, 12), Count: 5},
	})
	if want := []string{"2026-03", "2026-04", "2026-05"}; !reflect.DeepEqual(f.Months, want) {
		t.Errorf("months = %v", f.Months)
	}
	// March J K L M, April N, May none.
	if want := map[string]int{"2026-03": 4, "2026-04": 1, "2026-05": 0}; !reflect.DeepEqual(f.ReceivedPerMonth, want) {
		t.Errorf("received per month = %v, want %v", f.ReceivedPerMonth, want)
	}
	if got := f.ReceivedPerRightPerMonth["2026-05"]; got == nil || len(got) != 0 {
		t.Errorf("an empty month has %v, want an empty map", got)
	}
	o, err := s.d.Overview(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if o.Open != f.Backlog[1].Count {
		t.Errorf("overview open %d, backlog now %d", o.Open, f.Backlog[1].Count)
	}
}

func TestFiguresWithNothingAnswered(t *testing.T) {
	s := newSeeder(t)
	s.at(2026, 1, 5, 10).receive("A", "access")
	s.at(2026, 1, 6, 10)
	f, err := s.d.Figures(context.Background(), desk.Period{From: oslo(2026, 1, 1, 0), To: oslo(2026, 1, 31, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if f.Received != 1 || f.Pending != 1 || f.OnTimeShare != 0 || f.MedianDays != 0 || f.P90Days != 0 {
		t.Errorf("%+v", f)
	}
}

func TestPeriod(t *testing.T) {
	p := desk.YearToDate(time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC)) // already 2027 in Oslo
	if got := deadline.Format(p.From) + ".." + deadline.Format(p.To); got != "2027-01-01..2027-01-01" {
		t.Errorf("year to date = %s", got)
	}
	if err := (desk.Period{From: oslo(2026, 3, 2, 0), To: oslo(2026, 3, 1, 23)}).Validate(); !errors.Is(err, desk.ErrPeriod) {
		t.Errorf("backwards period: %v", err)
	}
	if err := (desk.Period{From: oslo(2026, 3, 1, 0), To: oslo(2026, 3, 1, 0)}).Validate(); err != nil {
		t.Errorf("one-day period: %v", err)
	}
	d := newDesk(t)
	if _, err := d.Figures(context.Background(), desk.Period{From: oslo(2026, 3, 2, 0), To: oslo(2026, 3, 1, 0)}); !errors.Is(err, desk.ErrPeriod) {
		t.Errorf("figures of a backwards period: %v", err)
	}
}

func TestOverview(t *testing.T) {
	s := seedQuarter(t)
	o, err := s.d.Overview(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// As of Friday 04-10 12:00, due soon = within 7 days. Open: J K L M N.
	//   J due 04-07: 3 days overdue (ola)
	//   K due 04-13: 3 days left, due soon (kari)
	//   L due 06-16 (kari)
	//   M paused since 03-27: 14 days; resuming today would give
	//     04-25 + 14 = 05-09 (Sat) → 05-11, 31 days left; unassigned
	//   N due 05-08, 28 days left; unassigned
	if o.Open != 5 || o.DueSoonDays != 7 || !o.AsOf.Equal(oslo(2026, 4, 10, 12)) {
		t.Errorf("open %d, due soon days %d, as of %s", o.Open, o.DueSoonDays, o.AsOf)
	}
	type row struct {
		Ref, Assignee string
		Status        dsr.Status
		Rights        string
		Due           string
		DaysLeft      int
		DaysOverdue   int
		PausedDays    int
	}
	rows := func(rs []desk.OverviewRow) []row {
		out := []row{}
		for _, r := range rs {
			out = append(out, row{r.Ref, r.Assignee, r.Status, r.Rights.String(), deadline.Format(r.Due), r.DaysLeft, r.DaysOverdue, r.PausedDays})
		}
		return out
	}
	J := row{"PV-2026-0009", "ola", dsr.StatusNew, "access", "2026-04-07", -3, 3, 0}
	K := row{"PV-2026-0010", "kari", dsr.StatusNew, "erasure", "2026-04-13", 3, 0, 0}
	M := row{"PV-2026-0012", "", dsr.StatusAwaitingRequester, "access", "2026-05-11", 31, 0, 14}
	N := row{"PV-2026-0013", "", dsr.StatusNew, "access", "2026-05-08", 28, 0, 0}
	for _, c := range []struct {
		name string
		got  []desk.OverviewRow
		want []row
	}{
		{"overdue", o.Overdue, []row{J}},
		{"due soon", o.DueSoon, []row{K}},
		{"paused", o.Paused, []row{M}},
		{"unassigned", o.Unassigned, []row{N, M}},
	} {
		if got := rows(c.got); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s = %+v\nwant %+v", c.name, got, c.want)
		}
	}
	if len(o.Paused) == 1 && (o.Paused[0].PauseReason != "ID needed" || !o.Paused[0].PausedAt.Equal(oslo(2026, 3, 27, 10))) {
		t.Errorf("pause %q since %s", o.Paused[0].PauseReason, o.Paused[0].PausedAt)
	}
	wantLoad := []desk.HandlerLoad{
		{Handler: "kari", Open: 2, Overdue: 0, DueSoon: 1}, // K, L
		{Handler: "ola", Open: 1, Overdue: 1, DueSoon: 0},  // J
	}
	if !reflect.DeepEqual(o.Load, wantLoad) {
		t.Errorf("load = %+v, want %+v", o.Load, wantLoad)
	}
}

// A paused case waits for the requester: it turns overdue only if its
// deadline had passed before it was paused.
func TestOverviewPausedCasesRunLateOnlyBeforeThePause(t *testing.T) {
	s := newSeeder(t)
	s.at(2026, 1, 5, 10).receive("A", "access") // due 02-05
	s.receive("B", "access")                    // due 02-05
	s.at(2026, 1, 20, 10).pause("A")            // in time
	s.at(2026, 2, 10, 10).pause("B")            // 5 days late
	s.at(2026, 2, 20, 10)
	o, err := s.d.Overview(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// A: paused 31 days, 02-05 + 31 = 03-08 (Sun) → 03-09, 17 days left.
	// B: paused 10 days, 02-05 + 10 = 02-15 (Sun) → 02-16, 4 days overdue.
	if len(o.Overdue) != 1 || o.Overdue[0].Ref != "PV-2026-0002" || o.Overdue[0].DaysOverdue != 4 {
		t.Errorf("overdue = %+v", o.Overdue)
	}
	if len(o.Paused) != 2 || o.Paused[0].Ref != "PV-2026-0001" || o.Paused[0].PausedDays != 31 ||
		deadline.Format(o.Paused[0].Due) != "2026-03-09" || o.Paused[0].DaysLeft != 17 || o.Paused[1].PausedDays != 10 {
		t.Errorf("paused = %+v", o.Paused)
	}
	if len(o.DueSoon) != 0 {
		t.Errorf("due soon = %+v", o.DueSoon)
	}
}

func (s *seeder) confirm(name string, rights ...dsr.Right) {
	s.t.Helper()
	s.act(name, func(id, v int64) (*dsr.Case, error) {
		return s.d.ConfirmRights(context.Background(), id, v, rights)
	})
}

// reportColumns reads the columns migration 0006 keeps for the figures.
func reportColumns(t *testing.T, st *store.Store) map[int64][4]int64 {
	t.Helper()
	rows, err := st.DB().Query(`SELECT id, answered_at, refused_at, ended_at, is_request FROM cases`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64][4]int64{}
	for rows.Next() {
		var id int64
		var v [4]int64
		if err := rows.Scan(&id, &v[0], &v[1], &v[2], &v[3]); err != nil {
			t.Fatal(err)
		}
		out[id] = v
	}
	return out
}

// Migration 0006 fills its columns from the audit trail of an existing
// database; they must come out as the triggers keep them for new changes.
func TestReportColumnsBackfillMatchesTriggers(t *testing.T) {
	ctx := context.Background()
	s := seedQuarter(t)
	// The other ways a case stops or starts being a request:
	s.at(2026, 4, 13, 10).receive("O", "access")
	s.confirm("O") // staff confirm "none": new → not_a_request (a rights event)
	s.status("O", dsr.StatusClosed, "")
	s.receive("P", "erasure")
	s.status("P", dsr.StatusNotARequest, "") // by status, rights kept
	s.status("P", dsr.StatusClosed, "")
	s.receive("Q", "none")            // opened as not_a_request
	s.confirm("Q", dsr.Rectification) // not_a_request → new
	s.at(2026, 4, 14, 10).status("Q", dsr.StatusAnswered, "")

	st := s.d.Store()
	want := reportColumns(t, st)
	day := func(y int, m time.Month, d, h int) int64 { return oslo(y, m, d, h).Unix() }
	for name, w := range map[string][4]int64{
		// answered, refused, ended, is_request
		"B": {day(2026, 1, 20, 10), 0, day(2026, 2, 24, 10), 1}, // first answer; last end
		"E": {day(2026, 2, 2, 10), day(2026, 2, 2, 10), day(2026, 2, 2, 10), 1},
		"F": {0, 0, 0, 0},
		"H": {0, 0, day(2026, 2, 12, 10), 1},
		"M": {0, 0, 0, 1},
		"O": {0, 0, day(2026, 4, 13, 10), 0},
		"P": {0, 0, day(2026, 4, 13, 10), 0},
		"Q": {day(2026, 4, 14, 10), 0, day(2026, 4, 14, 10), 1},
	} {
		if got := want[s.ids[name]]; got != w {
			t.Errorf("case %s: answered, refused, ended, is_request = %v, want %v", name, got, w)
		}
	}

	// Take out what migration 0006 made (0008 already dropped its insert
	// trigger), as in a database from before the report, and run the
	// migration again: the others stay as they are.
	for _, q := range []string{
		`DROP TRIGGER cases_report_status`,
		`DROP INDEX cases_requests_received`, `DROP INDEX cases_requests_ended`,
		`DROP INDEX cases_requests_reasons`, `DROP INDEX cases_requests_rights`,
		`ALTER TABLE cases DROP COLUMN answered_at`, `ALTER TABLE cases DROP COLUMN refused_at`,
		`ALTER TABLE cases DROP COLUMN ended_at`, `ALTER TABLE cases DROP COLUMN is_request`,
	} {
		if _, err := st.DB().Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	migration, err := os.ReadFile(filepath.Join("..", "..", "store", "migrations", "0006_report_indexes.sql"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().ExecContext(ctx, string(migration)); err != nil {
		t.Fatalf("migration 0006 again: %v", err)
	}
	// Migration 0008 takes out the insert trigger that 0006 makes again.
	if _, err := st.DB().Exec(`DROP TRIGGER cases_report_insert`); err != nil {
		t.Fatal(err)
	}
	if got := reportColumns(t, st); !reflect.DeepEqual(got, want) {
		for id, w := range want {
			if got[id] != w {
				t.Errorf("case %d: backfilled %v, triggers gave %v", id, got[id], w)
			}
		}
	}
}
