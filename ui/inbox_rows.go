package ui

import (
	"time"

	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// inboxRow is the inbox's own copy of a desk.CaseRow: only what the list
// draws and filters on, with times as Unix seconds. The inbox may hold
// 100,000 of them, and this is 112 bytes where a CaseRow is 168 plus its
// assignee; the strings are shared with the CaseRow, not copied.
type inboxRow struct {
	ID            int64
	Ref           string
	Requester     string
	RequesterName string
	Subject       string
	Status        dsr.Status
	received, due int64 // Unix seconds; 0 if unset
	Rights        dsr.RightSet
}

// compactRows turns the desk's rows into inbox rows. Each status is
// replaced by the package constant, so the 100,000 copies of "closed" read
// from the database can be collected with the CaseRows.
func compactRows(in []desk.CaseRow) []inboxRow {
	out := make([]inboxRow, len(in))
	for i := range in {
		r := &in[i]
		st := r.Status
		for _, known := range dsr.AllStatuses {
			if st == known {
				st = known
				break
			}
		}
		out[i] = inboxRow{
			ID: r.ID, Ref: r.Ref, Requester: r.Requester, RequesterName: r.RequesterName,
			Subject: r.Subject, Status: st, Rights: r.Rights,
			received: unixOrZero(r.ReceivedAt), due: unixOrZero(r.DueAt),
		}
	}
	return out
}

func unixOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func fromUnixOrZero(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0)
}

// ReceivedAt is when the request arrived.
func (r *inboxRow) ReceivedAt() time.Time { return fromUnixOrZero(r.received) }

// DueAt is the due day (midnight Oslo).
func (r *inboxRow) DueAt() time.Time { return fromUnixOrZero(r.due) }
