package deadline

import (
	"testing"
	"time"
)

// at reads a test receipt: a bare date is noon in Oslo, far from midnight so
// the zone cannot move it; anything else is an RFC 3339 instant.
func at(t testing.TB, s string) time.Time {
	t.Helper()
	if len(s) == len(time.DateOnly) {
		d, err := time.ParseInLocation(time.DateOnly, s, Oslo)
		if err != nil {
			t.Fatal(err)
		}
		return d.Add(12 * time.Hour)
	}
	r, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Expected dates were worked out by hand from a calendar (weekdays and Easter
// Sundays checked with Python's datetime and dateutil.easter), not taken from
// this package's output. Easter Sundays used: 2024-03-31, 2025-04-20,
// 2026-04-05, 2027-03-28, 2028-04-16, 2029-04-01.
var dueCases = []struct {
	received string
	extended bool
	want     string
}{
	// DESIGN.md: an ordinary month, Thursday 5 Feb is a working day.
	{"2026-01-05", false, "2026-02-05"},
	// DESIGN.md: Feb has no 31st, its last day Sat 28 Feb rolls to Mon 2 Mar.
	{"2026-01-31", false, "2026-03-02"},
	// No 30 Feb either: same clamp to Sat 28 Feb and roll to Monday.
	{"2026-01-30", false, "2026-03-02"},
	// 2027 is not a leap year; Sun 28 Feb rolls to Mon 1 Mar.
	{"2027-01-31", false, "2027-03-01"},
	// Leap year: Jan 31 clamps to Tue 29 Feb 2028, a working day.
	{"2028-01-31", false, "2028-02-29"},
	// Leap year 2024: no 30 Feb, so the last day Thu 29 Feb.
	{"2024-01-30", false, "2024-02-29"},
	// 2000 is a leap year (divisible by 400): Tue 29 Feb.
	{"2000-01-31", false, "2000-02-29"},
	// 2100 is not (divisible by 100 only): Sun 28 Feb 2100 rolls to Mon 1 Mar.
	{"2100-01-31", false, "2100-03-01"},
	// April has no 31st: last day Thu 30 Apr.
	{"2026-03-31", false, "2026-04-30"},
	// June has no 31st: last day Tue 30 Jun.
	{"2026-05-31", false, "2026-06-30"},
	// Receipt on a leap day: March has a 29th, Wed 29 Mar.
	{"2028-02-29", false, "2028-03-29"},
	// Into a longer month the same date counts, not the month's last day:
	// Sat 30 May rolls to Mon 1 Jun (not 31 May, a Sunday anyway).
	{"2026-04-30", false, "2026-06-01"},
	// Year boundary: 31 Jan 2027 is a Sunday, so Mon 1 Feb.
	{"2026-12-31", false, "2027-02-01"},

	// DESIGN.md: Thu 2 Apr is skjærtorsdag, then langfredag, the weekend and
	// 2. påskedag; Tue 7 Apr.
	{"2026-03-02", false, "2026-04-07"},
	// Langfredag 3 Apr 2026: the rest of Easter follows, Tue 7 Apr.
	{"2026-03-03", false, "2026-04-07"},
	// 2. påskedag Mon 6 Apr 2026 alone: Tue 7 Apr.
	{"2026-03-06", false, "2026-04-07"},
	// Easter in March 2027 (28 Mar): skjærtorsdag Thu 25 Mar → Tue 30 Mar.
	{"2027-02-25", false, "2027-03-30"},
	// Easter Sunday itself, 28 Mar 2027, then 2. påskedag: Tue 30 Mar.
	{"2027-02-28", false, "2027-03-30"},
	// Easter 2025 (20 Apr): skjærtorsdag Thu 17 Apr → Tue 22 Apr.
	{"2025-03-17", false, "2025-04-22"},
	// Easter 2024 (31 Mar): skjærtorsdag Thu 28 Mar → Tue 2 Apr.
	{"2024-02-28", false, "2024-04-02"},
	// Leap-day receipt lands on langfredag Fri 29 Mar 2024 → Tue 2 Apr.
	{"2024-02-29", false, "2024-04-02"},

	// Kristi himmelfartsdag 2026 (Easter + 39): Thu 14 May → Fri 15 May.
	{"2026-04-14", false, "2026-05-15"},
	// 2. pinsedag 2026 (Easter + 50): Mon 25 May → Tue 26 May.
	{"2026-04-25", false, "2026-05-26"},
	// Kristi himmelfartsdag 2028: Thu 25 May → Fri 26 May.
	{"2028-04-25", false, "2028-05-26"},
	// 2. pinsedag 2028: Mon 5 Jun → Tue 6 Jun.
	{"2028-05-05", false, "2028-06-06"},

	// 1 May 2026 is a Friday: holiday then weekend, Mon 4 May.
	{"2026-04-01", false, "2026-05-04"},
	// 1 May 2028 is a Monday: Tue 2 May.
	{"2028-04-01", false, "2028-05-02"},
	// 17 May 2028 is a Wednesday: Thu 18 May.
	{"2028-04-17", false, "2028-05-18"},
	// 17 May 2027 is also 2. pinsedag (Easter 28 Mar + 50): Tue 18 May.
	{"2027-04-17", false, "2027-05-18"},

	// Julaften is not a public holiday in Norway: Thu 24 Dec 2026 stands.
	{"2026-11-24", false, "2026-12-24"},
	// 1. juledag Fri 25 Dec 2026, 2. juledag Sat, Sunday: Mon 28 Dec.
	{"2026-11-25", false, "2026-12-28"},
	// 1. juledag Mon 25 Dec 2028, 2. juledag Tue: Wed 27 Dec.
	{"2028-11-25", false, "2028-12-27"},
	// Nyttårsdag Fri 1 Jan 2027 and the weekend: Mon 4 Jan.
	{"2026-12-01", false, "2027-01-04"},
	// Nyttårsdag Mon 1 Jan 2029: Tue 2 Jan.
	{"2028-12-01", false, "2029-01-02"},
	// Sun 30 Dec 2029 rolls to nyttårsaften Mon 31 Dec, a working day.
	{"2029-11-30", false, "2029-12-31"},

	// DST starts 2026-03-29 01:00 UTC; 01:30 UTC is 03:30 CEST on 29 Mar:
	// Wed 29 Apr.
	{"2026-03-29T01:30:00Z", false, "2026-04-29"},
	// 23:30 UTC on 28 Mar is 00:30 CET on 29 Mar, just before the change.
	{"2026-03-28T23:30:00Z", false, "2026-04-29"},
	// 22:59:59 UTC on 28 Mar is still 28 Mar in Oslo (CET, +1): Tue 28 Apr.
	{"2026-03-28T22:59:59Z", false, "2026-04-28"},
	// DST ends 2026-10-25 01:00 UTC: 00:30 UTC is the first 02:30 (CEST).
	{"2026-10-25T00:30:00Z", false, "2026-11-25"},
	// 01:30 UTC is the repeated 02:30 (CET), the same day: Wed 25 Nov.
	{"2026-10-25T01:30:00Z", false, "2026-11-25"},
	// Summer time is +2: 21:59:59 UTC is 23:59:59 on 24 Oct, Tue 24 Nov.
	{"2026-10-24T21:59:59Z", false, "2026-11-24"},
	// ... and 22:00 UTC is already midnight of 25 Oct: Wed 25 Nov.
	{"2026-10-24T22:00:00Z", false, "2026-11-25"},

	// 22:59:59 UTC is 23:59:59 on 30 Jan in Oslo (+1): clamp to Sat 28 Feb,
	// Mon 2 Mar.
	{"2026-01-30T22:59:59Z", false, "2026-03-02"},
	// 23:00 UTC is 00:00 on 31 Jan in Oslo: same end, Mon 2 Mar.
	{"2026-01-30T23:00:00Z", false, "2026-03-02"},
	// The pair above agrees by coincidence; this one tells the days apart:
	// 4 Feb in Oslo gives Wed 4 Mar ...
	{"2026-02-04T22:59:59Z", false, "2026-03-04"},
	// ... and one second later it is 5 Feb in Oslo: Thu 5 Mar.
	{"2026-02-04T23:00:00Z", false, "2026-03-05"},
	// Summer (+2): 21:59:59 UTC is 14 Jun in Oslo, Tue 14 Jul ...
	{"2026-06-14T21:59:59Z", false, "2026-07-14"},
	// ... and 22:00 UTC is 15 Jun, Wed 15 Jul.
	{"2026-06-14T22:00:00Z", false, "2026-07-15"},
	// An instant in another zone: 20:00 on 4 Feb in New York is 02:00 on
	// 5 Feb in Oslo: Thu 5 Mar.
	{"2026-02-04T20:00:00-05:00", false, "2026-03-05"},

	// Extended: 5 Apr 2026 is Easter Sunday, then 2. påskedag: Tue 7 Apr.
	{"2026-01-05", true, "2026-04-07"},
	// Extended across a year: 30 Nov → no 30 Feb, Sat 28 Feb → Mon 2 Mar.
	{"2025-11-30", true, "2026-03-02"},
	// Extended into a leap February: Tue 29 Feb 2028.
	{"2027-11-30", true, "2028-02-29"},
	// Extended to 1 May 2026, a Friday: Mon 4 May.
	{"2026-02-01", true, "2026-05-04"},
	// Extended to Kristi himmelfartsdag Thu 6 May 2027: Fri 7 May.
	{"2027-02-06", true, "2027-05-07"},
	// Extended to julaften Thu 24 Dec 2026, a working day.
	{"2026-09-24", true, "2026-12-24"},
	// Extended: no 31 Apr, so Thu 30 Apr.
	{"2026-01-31", true, "2026-04-30"},
	// Extended from 31 Dec: March has a 31st, so no clamp even though
	// February in between has none; Tue 31 Mar 2026.
	{"2025-12-31", true, "2026-03-31"},
	// Extended counts from receipt, not from the rolled first deadline:
	// 2 Mar 2026's first period rolls to 7 Apr, but three months is
	// Tue 2 Jun.
	{"2026-03-02", true, "2026-06-02"},
}

func TestDue(t *testing.T) {
	if len(dueCases) < 30 {
		t.Fatalf("only %d cases", len(dueCases))
	}
	for _, c := range dueCases {
		r := at(t, c.received)
		f, name := Due, "Due"
		if c.extended {
			f, name = Extended, "Extended"
		}
		got := f(r)
		if Format(got) != c.want {
			t.Errorf("%s(%s) = %s (%s), want %s", name, c.received, Format(got), got.Weekday(), c.want)
		}
		if h, m, s := got.In(Oslo).Clock(); h != 0 || m != 0 || s != 0 || got.Nanosecond() != 0 {
			t.Errorf("%s(%s) = %v, want midnight in Oslo", name, c.received, got)
		}
		if got.Location() != Oslo {
			t.Errorf("%s(%s) is in %v, want Europe/Oslo", name, c.received, got.Location())
		}
	}
}

func TestAddMonths(t *testing.T) {
	cases := []struct {
		received string
		months   int
		want     string
	}{
		// Two months from 31 Dec: no 31 Feb, so Sat 28 Feb → Mon 2 Mar.
		{"2025-12-31", 2, "2026-03-02"},
		// Twelve months: a year on, Fri 5 Feb 2027.
		{"2026-02-05", 12, "2027-02-05"},
		// Leap day plus a year clamps to Wed 28 Feb 2029, a working day.
		{"2028-02-29", 12, "2029-02-28"},
		// Zero months is the receipt day itself, rolled: Sat → Mon.
		{"2026-01-31", 0, "2026-02-02"},
	}
	for _, c := range cases {
		if got := Format(AddMonths(at(t, c.received), c.months)); got != c.want {
			t.Errorf("AddMonths(%s, %d) = %s, want %s", c.received, c.months, got, c.want)
		}
	}
}

func TestIsHoliday(t *testing.T) {
	// Every public holiday in 2026 (Easter 5 Apr), by law.
	holidays2026 := []string{
		"2026-01-01", // nyttårsdag
		"2026-04-02", // skjærtorsdag
		"2026-04-03", // langfredag
		"2026-04-05", // 1. påskedag (added here: cal/v2/no lacks it)
		"2026-04-06", // 2. påskedag
		"2026-05-01", // 1. mai
		"2026-05-14", // Kristi himmelfartsdag
		"2026-05-17", // 17. mai
		"2026-05-24", // 1. pinsedag (added here)
		"2026-05-25", // 2. pinsedag
		"2026-12-25", // 1. juledag
		"2026-12-26", // 2. juledag
	}
	set := map[string]bool{}
	for _, d := range holidays2026 {
		set[d] = true
		name, ok := IsHoliday(at(t, d))
		if !ok || name == "" {
			t.Errorf("IsHoliday(%s) = %q, %v; want a named holiday", d, name, ok)
		}
	}
	// No other day of the year is one; in particular not julaften,
	// nyttårsaften, påskeaften or pinseaften.
	for d := time.Date(2026, 1, 1, 12, 0, 0, 0, Oslo); d.Year() == 2026; d = d.AddDate(0, 0, 1) {
		if _, ok := IsHoliday(d); ok != set[Format(d)] {
			t.Errorf("IsHoliday(%s) = %v, want %v", Format(d), ok, set[Format(d)])
		}
	}
	// 17 May 2027 is also 2. pinsedag: both names are kept.
	if name, _ := IsHoliday(at(t, "2027-05-17")); name != "Grunnlovsdag, Andre pinsedag" {
		t.Errorf("IsHoliday(2027-05-17) = %q", name)
	}
	// 23:30 UTC on 31 Dec is already 1 Jan in Oslo.
	if _, ok := IsHoliday(at(t, "2026-12-31T23:30:00Z")); !ok {
		t.Error("2026-12-31T23:30Z is nyttårsdag in Oslo")
	}
}

func TestIsWorkingDay(t *testing.T) {
	cases := []struct {
		day  string
		want bool
	}{
		{"2026-12-24", true},  // julaften, Thursday: working
		{"2026-12-31", true},  // nyttårsaften, Thursday: working
		{"2026-04-04", false}, // påskeaften is a Saturday anyway
		{"2026-04-07", true},  // Tuesday after Easter
		{"2026-05-14", false}, // Kristi himmelfartsdag, Thursday
		{"2026-03-07", false}, // ordinary Saturday
		{"2026-03-08", false}, // ordinary Sunday
		{"2026-03-09", true},  // ordinary Monday
		// Friday 6 Mar 23:30 UTC is already Saturday 00:30 in Oslo.
		{"2026-03-06T23:30:00Z", false},
	}
	for _, c := range cases {
		if got := IsWorkingDay(at(t, c.day)); got != c.want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", c.day, got, c.want)
		}
	}
}

func TestNextWorkingDay(t *testing.T) {
	cases := []struct{ day, want string }{
		{"2026-04-02", "2026-04-07"}, // skjærtorsdag → Tuesday after Easter
		{"2026-04-07", "2026-04-07"}, // already a working day
		{"2026-12-25", "2026-12-28"}, // Christmas and the weekend
		{"2026-03-07", "2026-03-09"}, // Saturday → Monday
	}
	for _, c := range cases {
		got := NextWorkingDay(at(t, c.day))
		if Format(got) != c.want || !got.Equal(mustParse(t, c.want)) {
			t.Errorf("NextWorkingDay(%s) = %v, want %s 00:00 Oslo", c.day, got, c.want)
		}
	}
}

func TestDaysLeft(t *testing.T) {
	due := mustParse(t, "2026-04-07")
	cases := []struct {
		now  string
		want int
	}{
		{"2026-04-07T21:59:59Z", 0},  // 23:59:59 on the due day in Oslo
		{"2026-04-07T22:00:00Z", -1}, // midnight in Oslo: overdue
		{"2026-04-06T22:00:00Z", 0},  // first second of the due day
		{"2026-04-06T21:59:59Z", 1},  // last second of the day before
		{"2026-03-02", 36},           // across the DST change on 29 Mar
		{"2026-05-07", -30},
	}
	for _, c := range cases {
		if got := DaysLeft(at(t, c.now), due); got != c.want {
			t.Errorf("DaysLeft(%s, 2026-04-07) = %d, want %d", c.now, got, c.want)
		}
	}
}

func TestShiftDue(t *testing.T) {
	cases := []struct {
		due  string
		days int
		want string
	}{
		{"2026-02-05", 10, "2026-02-16"}, // Sun 15 Feb → Mon 16 Feb
		{"2026-03-30", 3, "2026-04-07"},  // Thu 2 Apr is skjærtorsdag
		{"2026-03-02", 0, "2026-03-02"},  // no pause, no change
		{"2026-12-21", 10, "2026-12-31"}, // nyttårsaften is working
		{"2026-03-20", 9, "2026-03-30"},  // across DST: Sun 29 → Mon 30
	}
	for _, c := range cases {
		if got := Format(ShiftDue(mustParse(t, c.due), c.days)); got != c.want {
			t.Errorf("ShiftDue(%s, %d) = %s, want %s", c.due, c.days, got, c.want)
		}
	}
}

func TestExpires(t *testing.T) {
	// The due day 2026-03-28 ends at 00:00 CET on 29 Mar, 23:00 UTC; the
	// next day is only 23 hours long, which date arithmetic must not see.
	got := Expires(mustParse(t, "2026-03-28"))
	if want := at(t, "2026-03-28T23:00:00Z"); !got.Equal(want) {
		t.Errorf("Expires(2026-03-28) = %v, want %v", got, want)
	}
	got = Expires(mustParse(t, "2026-03-29"))
	if want := at(t, "2026-03-29T22:00:00Z"); !got.Equal(want) {
		t.Errorf("Expires(2026-03-29) = %v, want %v", got, want)
	}
}

func TestFormatParse(t *testing.T) {
	// 23:30 UTC on 31 Dec is New Year's Day in Oslo.
	if got := Format(at(t, "2026-12-31T23:30:00Z")); got != "2027-01-01" {
		t.Errorf("Format = %s", got)
	}
	d, err := Parse("2026-04-07")
	if err != nil || !d.Equal(at(t, "2026-04-06T22:00:00Z")) {
		t.Errorf("Parse(2026-04-07) = %v, %v", d, err)
	}
	if _, err := Parse("7.4.2026"); err == nil {
		t.Error("Parse accepted a non-ISO date")
	}
}

func mustParse(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func BenchmarkDue(b *testing.B) {
	r := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for b.Loop() {
		Due(r)
	}
}

// TestConcurrent lets the race detector watch the holiday cache being
// filled from several goroutines at once, as the UI and the mail sync do.
func TestConcurrent(t *testing.T) {
	done := make(chan string)
	for i := range 8 {
		go func() {
			// Two goroutines race to fill each of four uncached years.
			r := time.Date(2150+i%4, 1, 31, 12, 0, 0, 0, Oslo)
			done <- Format(Due(r))
		}()
	}
	for range 8 {
		<-done
	}
	// 2150: 28 Feb is a Saturday, so Mon 2 Mar (checked with Python).
	if got := Format(Due(time.Date(2150, 1, 31, 12, 0, 0, 0, Oslo))); got != "2150-03-02" {
		t.Errorf("Due(2150-01-31) = %s", got)
	}
}

func TestAddMonthsPaused(t *testing.T) {
	cases := []struct {
		received       time.Time
		months, paused int
		want           string
	}{
		// Due 2 Apr 2026 is Skjærtorsdag (rolled to 7 Apr unpaused); seven
		// paused days end the period on Thursday 9 Apr, a working day.
		{time.Date(2026, 3, 2, 10, 0, 0, 0, Oslo), 1, 7, "2026-04-09"},
		// Three paused days from 5 Feb 2026 end on Sunday 8 Feb → Monday 9.
		{time.Date(2026, 1, 5, 10, 0, 0, 0, Oslo), 1, 3, "2026-02-09"},
		{time.Date(2026, 1, 5, 10, 0, 0, 0, Oslo), 1, 0, "2026-02-05"},
		// Extended: 5 Apr 2026 + 2 days = Tuesday 7 Apr.
		{time.Date(2026, 1, 5, 10, 0, 0, 0, Oslo), 3, 2, "2026-04-07"},
	}
	for _, c := range cases {
		if got := Format(AddMonthsPaused(c.received, c.months, c.paused)); got != c.want {
			t.Errorf("AddMonthsPaused(%v, %d, %d) = %s, want %s", c.received, c.months, c.paused, got, c.want)
		}
	}
}
