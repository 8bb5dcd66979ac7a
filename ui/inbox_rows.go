package ui

import (
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

// readRows streams inbox rows from each (the desk's InboxEach or a first
// page) into inbox rows. The
// texts are appended to one byte arena that the rows slice afterwards, so
// each database string is garbage as soon as it is copied and the whole
// list costs one compact copy instead of the desk's rows plus ours (the
// peak with 100,000 cases was twice the settled size). Each status is
// replaced by the package constant for the same reason.
func readRows(each func(fn func(*desk.CaseRow) error) error) ([]inboxRow, error) {
	type offs struct{ ref, req, name, subj int32 }
	var arena []byte
	var lens []offs
	var out []inboxRow
	err := each(func(r *desk.CaseRow) error {
		arena = append(arena, r.Ref...)
		arena = append(arena, r.Requester...)
		arena = append(arena, r.RequesterName...)
		arena = append(arena, r.Subject...)
		lens = append(lens, offs{int32(len(r.Ref)), int32(len(r.Requester)), int32(len(r.RequesterName)), int32(len(r.Subject))})
		st := r.Status
		for _, known := range dsr.AllStatuses {
			if st == known {
				st = known
				break
			}
		}
		out = append(out, inboxRow{ID: r.ID, Status: st, Rights: r.Rights,
			received: unixOrZero(r.ReceivedAt), due: unixOrZero(r.DueAt)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	text := string(arena)
	next := func(l int32) string {
		s := text[:l]
		text = text[l:]
		return s
	}
	for i := range out {
		o := lens[i]
		out[i].Ref, out[i].Requester = next(o.ref), next(o.req)
		out[i].RequesterName, out[i].Subject = next(o.name), next(o.subj)
	}
	return out, nil
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
