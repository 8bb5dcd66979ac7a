package ui

import (
	"strings"
	"time"

	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// inboxRow is the inbox's own copy of a desk.CaseRow: only what the list
// draws and filters on, with times as Unix seconds. The inbox may hold
// 100,000 of them, and this is 112 bytes where a CaseRow is 168 plus its
// assignee.
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

// compactRows turns the desk's rows into inbox rows. The texts are copied
// into one string that the rows slice, so the per-row strings the database
// driver allocated, and the CaseRows, become garbage all at once instead of
// leaving half-empty memory behind (Go can return a span to the system
// only when nothing in it lives). Each status is replaced by the package
// constant for the same reason.
func compactRows(in []desk.CaseRow) []inboxRow {
	n := 0
	for i := range in {
		r := &in[i]
		n += len(r.Ref) + len(r.Requester) + len(r.RequesterName) + len(r.Subject)
	}
	var b strings.Builder
	b.Grow(n)
	for i := range in {
		r := &in[i]
		b.WriteString(r.Ref)
		b.WriteString(r.Requester)
		b.WriteString(r.RequesterName)
		b.WriteString(r.Subject)
	}
	arena := b.String()
	next := func(l int) string {
		s := arena[:l]
		arena = arena[l:]
		return s
	}

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
			ID: r.ID, Ref: next(len(r.Ref)), Requester: next(len(r.Requester)),
			RequesterName: next(len(r.RequesterName)), Subject: next(len(r.Subject)),
			Status: st, Rights: r.Rights,
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
