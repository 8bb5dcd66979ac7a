package deadline

import (
	"testing"
	"time"

	"pgregory.net/rapid"
)

// TestDueProperties checks what must hold for any receipt, whatever the
// calendar: the deadline lies after the day of receipt, on a working day,
// not before the extended one, and no more than a few days past the month.
func TestDueProperties(t *testing.T) {
	lo := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2100, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
	rapid.Check(t, func(t *rapid.T) {
		received := time.Unix(rapid.Int64Range(lo, hi).Draw(t, "unix"), 0).UTC()
		due, ext := Due(received), Extended(received)

		// The receipt day, as an Oslo midnight, computed here with the
		// standard library rather than the package's own helpers.
		y, m, d := received.In(Oslo).Date()
		day := time.Date(y, m, d, 0, 0, 0, 0, Oslo)

		for _, got := range []time.Time{due, ext} {
			if !got.After(day) {
				t.Fatalf("deadline %s not after receipt day %s", Format(got), Format(day))
			}
			if h, mi, s := got.In(Oslo).Clock(); h|mi|s != 0 {
				t.Fatalf("deadline %v is not midnight in Oslo", got)
			}
			if wd := got.In(Oslo).Weekday(); wd == time.Saturday || wd == time.Sunday {
				t.Fatalf("deadline %s is a %s", Format(got), wd)
			}
			if name, ok := IsHoliday(got); ok {
				t.Fatalf("deadline %s is %s", Format(got), name)
			}
		}
		if ext.Before(due) {
			t.Fatalf("extended %s before due %s", Format(ext), Format(due))
		}
		// Easter is the longest run of days off (Thursday to Monday), so
		// the roll never passes the sixth day after the nominal end, and
		// the nominal end is at most the same date a month on.
		if limit := time.Date(y, m+1, d+6, 0, 0, 0, 0, Oslo); due.After(limit) {
			t.Fatalf("due %s later than a month and six days after %s", Format(due), Format(day))
		}
		if limit := time.Date(y, m+3, d+6, 0, 0, 0, 0, Oslo); ext.After(limit) {
			t.Fatalf("extended %s later than three months and six days after %s", Format(ext), Format(day))
		}
		if DaysLeft(day, due) <= 0 {
			t.Fatalf("DaysLeft(receipt, due) = %d", DaysLeft(day, due))
		}
	})
}
