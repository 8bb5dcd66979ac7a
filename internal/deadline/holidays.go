package deadline

import (
	"sync"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/aa"
	"github.com/rickar/cal/v2/no"
)

// Norway's public holidays are the helligdager of lov om helligdager og
// helligdagsfred § 2 plus the høytidsdager 1 and 17 May (lov 26. april 1947
// nr. 1). Christmas Eve and New Year's Eve are ordinary working days.
//
// github.com/rickar/cal/v2/no lists all of them except the two that always
// fall on a Sunday: første påskedag and første pinsedag. They are added here
// so that IsHoliday names them; they cannot move a deadline on their own, as
// Sunday already does that.
var (
	foerstePaaskedag = aa.Easter.Clone(&cal.Holiday{Name: "Første påskedag", Type: cal.ObservancePublic})
	foerstePinsedag  = aa.Pentecost.Clone(&cal.Holiday{Name: "Første pinsedag", Type: cal.ObservancePublic})

	holidays = append([]*cal.Holiday{foerstePaaskedag, foerstePinsedag}, no.Holidays...)
)

// monthDay keys a holiday within its year.
type monthDay struct {
	m time.Month
	d int
}

// years caches each year's holidays: Easter-based dates cost a computation
// per holiday per lookup, and a deadline looks up several days in a row. A
// sync.Map keeps lookups safe from the UI and sync goroutines at once.
var years sync.Map // int -> map[monthDay]string

func holidaysIn(year int) map[monthDay]string {
	if v, ok := years.Load(year); ok {
		return v.(map[monthDay]string)
	}
	days := make(map[monthDay]string, len(holidays))
	for _, h := range holidays {
		// Only the actual date counts: Norway has no substitute days, and
		// the Norwegian definitions set none.
		act, _ := h.Calc(year)
		if act.IsZero() {
			continue
		}
		// Calc builds its dates in cal.DefaultLoc; the month and day are
		// the same in any zone, so only they are kept.
		key := monthDay{act.Month(), act.Day()}
		if prev, ok := days[key]; ok {
			// 17 May is sometimes also 2. pinsedag (2027, 2032);
			// both names are true.
			days[key] = prev + ", " + h.Name
			continue
		}
		days[key] = h.Name
	}
	v, _ := years.LoadOrStore(year, days)
	return v.(map[monthDay]string)
}

func holiday(d date) (string, bool) {
	name, ok := holidaysIn(d.y)[monthDay{d.m, d.d}]
	return name, ok
}
