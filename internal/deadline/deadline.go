// Package deadline computes the answer deadlines of GDPR Art. 12(3): one
// month from receipt, or three with an extension, counted by Regulation (EEC,
// Euratom) No 1182/71 Art. 3 in Europe/Oslo time with Norway's public
// holidays.
//
// Deadlines are calendar days, not instants: every function here reads its
// time.Time arguments as the date they fall on in Oslo, and every date it
// returns is midnight (00:00) Europe/Oslo of that day. A deadline runs out at
// the end of its day; Expires gives that instant.
package deadline

import (
	"time"
	// The zone database is embedded so that Oslo loads on machines (containers,
	// Windows) that have no zoneinfo installed; deadlines must not depend on
	// the host.
	_ "time/tzdata"
)

// Oslo is Europe/Oslo, the zone receipt times are read in.
var Oslo *time.Location = mustLoad("Europe/Oslo")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		// Unreachable with time/tzdata linked in; a wrong zone would make
		// every deadline silently wrong, so refuse to start instead.
		panic("deadline: " + err.Error())
	}
	return loc
}

// date is a calendar day with no zone. Arithmetic is done on dates rather
// than instants so that DST changes cannot move a deadline by an hour into
// the neighbouring day.
type date struct {
	y int
	m time.Month
	d int
}

// dateOf is the Oslo calendar day that t falls on.
func dateOf(t time.Time) date {
	y, m, d := t.In(Oslo).Date()
	return date{y, m, d}
}

// utc anchors the date at midnight UTC, where every day is 24 hours long,
// which makes day counting and weekday lookup exact.
func (d date) utc() time.Time { return time.Date(d.y, d.m, d.d, 0, 0, 0, 0, time.UTC) }

// oslo is the start of the day in Oslo. Oslo changes clocks at 02:00/03:00,
// so midnight always exists and is unique.
func (d date) oslo() time.Time { return time.Date(d.y, d.m, d.d, 0, 0, 0, 0, Oslo) }

func (d date) addDays(n int) date {
	y, m, dd := time.Date(d.y, d.m, d.d+n, 0, 0, 0, 0, time.UTC).Date()
	return date{y, m, dd}
}

func (d date) weekend() bool {
	wd := d.utc().Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

func (d date) working() bool {
	if d.weekend() {
		return false
	}
	_, ok := holiday(d)
	return !ok
}

// nextWorking is d, or the first working day after it.
func (d date) nextWorking() date {
	for !d.working() {
		d = d.addDays(1)
	}
	return d
}

// daysIn is the number of days in the month.
func daysIn(y int, m time.Month) int {
	// Day 0 of the next month normalises to the last day of this one.
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Due is the one-month deadline of GDPR Art. 12(3) for a request received at
// the given instant.
func Due(received time.Time) time.Time { return AddMonths(received, 1) }

// Extended is the deadline when the period is extended by two further months
// (Art. 12(3) second sentence): three months from receipt, not two months
// from the first deadline, so the roll-over of the first period does not
// carry into the second.
func Extended(received time.Time) time.Time { return AddMonths(received, 3) }

// AddMonths is the end of a period of the given number of months from an
// event at received, by Regulation 1182/71 Art. 3: the day of the event does
// not count, so the period ends on the same date months later (Art. 3(2)(c)),
// or on the last day of that month if it has no such date; an end on a
// Saturday, Sunday or public holiday moves to the next working day
// (Art. 3(4)).
//
// months is meant to be positive; zero gives the receipt day rolled to a
// working day.
func AddMonths(received time.Time, months int) time.Time {
	return AddMonthsPaused(received, months, 0)
}

// AddMonthsPaused is AddMonths for a period whose clock stood still for
// pausedDays calendar days (while the requester's identity was checked):
// the days are added to the period's end before it is rolled to a working
// day, so a pause does not also inherit the roll-over of the unpaused end.
func AddMonthsPaused(received time.Time, months, pausedDays int) time.Time {
	r := dateOf(received)
	// Normalise the month alone first: time.Date would carry an overlong day
	// into the following month (Jan 31 + 1 month = Mar 3), whereas the
	// regulation clamps it to the month's last day.
	first := time.Date(r.y, r.m+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	end := date{first.Year(), first.Month(), min(r.d, daysIn(first.Year(), first.Month()))}
	return end.addDays(pausedDays).nextWorking().oslo()
}

// IsWorkingDay reports whether day's Oslo date is neither a Saturday, a
// Sunday nor a Norwegian public holiday.
func IsWorkingDay(day time.Time) bool { return dateOf(day).working() }

// IsHoliday reports whether day's Oslo date is a Norwegian public holiday,
// and its name. Ordinary Sundays are not reported, although the law counts
// them as holidays too; callers that need them use IsWorkingDay.
func IsHoliday(day time.Time) (name string, ok bool) { return holiday(dateOf(day)) }

// NextWorkingDay is the start of day's Oslo date if that is a working day,
// else of the first working day after it.
func NextWorkingDay(day time.Time) time.Time { return dateOf(day).nextWorking().oslo() }

// DaysLeft is the number of calendar days from now's Oslo date to due's: 0
// on the due day itself, negative once it has passed. Times of day are
// ignored, so a case due today is never shown as overdue before midnight.
func DaysLeft(now, due time.Time) int {
	return int(dateOf(due).utc().Sub(dateOf(now).utc()) / (24 * time.Hour))
}

// ShiftDue moves a due date by a number of calendar days, then on to a
// working day. It is for a clock that was paused (for instance while the
// requester's identity is checked): the pause lengthens the period, and the
// shifted end must again be a working day.
func ShiftDue(due time.Time, days int) time.Time {
	return dateOf(due).addDays(days).nextWorking().oslo()
}

// Expires is the instant a deadline on day runs out: the end of that day in
// Oslo, which is the start of the next.
func Expires(day time.Time) time.Time { return dateOf(day).addDays(1).oslo() }

// Format writes day's Oslo date as YYYY-MM-DD, the form the CLI prints.
func Format(day time.Time) string { return day.In(Oslo).Format(time.DateOnly) }

// Parse reads a YYYY-MM-DD date as the start of that day in Oslo, the
// inverse of Format.
func Parse(s string) (time.Time, error) {
	return time.ParseInLocation(time.DateOnly, s, Oslo)
}
