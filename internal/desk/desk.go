// Package desk holds pvdesk's use cases: ingest a message into a case,
// list and open cases, sync a mailbox. The TUI and the CLI both call these
// functions, so every action is scriptable and tested once. Every change
// writes an audit event in the same transaction as the change.
package desk

import (
	"context"
	"time"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

// SystemActor is the audit actor for what pvdesk does by itself (intake).
const SystemActor = "pvdesk"

// Options configure a Desk.
type Options struct {
	// Now is the clock; tests inject a fixed one. Default time.Now.
	Now func() time.Time
	// User is the person at the desk (audit actor, "mine").
	User string
	// DueSoonDays is how many days before the due date a case counts as
	// due soon. Default 7.
	DueSoonDays int
	// Leads are the users who may reassign others' cases and approve
	// extensions and refusals (desk.leads). Empty: everyone may.
	Leads []string
	// Systems are where personal data lives (desk.systems); checklist steps
	// such as "searched" are repeated for each.
	Systems []string
	// Replies configures letters: templates, company details, sending.
	Replies ReplyConfig
	// Classify turns message text into rights. Default classify.Classify.
	Classify func(classify.Input) classify.Result
}

// Desk is the case-handling desk over one store.
type Desk struct {
	st    *store.Store
	opts  Options
	learn learner
	// builtinRules: opts.Classify is the rule classifier, whose rules a
	// sync compiles while it connects (classify.Warm).
	builtinRules bool
}

// New returns a desk over st.
func New(st *store.Store, opts Options) *Desk {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	builtin := opts.Classify == nil
	if builtin {
		opts.Classify = classify.Classify
	}
	if opts.DueSoonDays == 0 {
		opts.DueSoonDays = 7
	}
	if opts.User == "" {
		opts.User = SystemActor
	}
	return &Desk{st: st, opts: opts, builtinRules: builtin}
}

// Now is the desk's clock.
func (d *Desk) Now() time.Time { return d.opts.Now() }

// User is the person at the desk.
func (d *Desk) User() string { return d.opts.User }

// DueSoonDays is the due-soon horizon in days.
func (d *Desk) DueSoonDays() int { return d.opts.DueSoonDays }

// Store is the desk's store, for the CLI's wiring and tests.
func (d *Desk) Store() *store.Store { return d.st }

func (d *Desk) inboxQuery(scope Scope, limit int) store.InboxQuery {
	q := store.InboxQuery{OpenOnly: scope != ScopeAll, Limit: limit}
	switch scope {
	case ScopeMine:
		q.Assignee = d.opts.User
	case ScopeUnassigned:
		q.Unassigned = true
	}
	return q
}

// Inbox lists the cases in scope, sorted by due date.
func (d *Desk) Inbox(ctx context.Context, scope Scope) ([]CaseRow, error) {
	return d.st.Inbox(ctx, d.inboxQuery(scope, 0))
}

// InboxFirst lists the first n cases in scope: enough for the first screen,
// which can be drawn before the whole list has loaded.
func (d *Desk) InboxFirst(ctx context.Context, scope Scope, n int) ([]CaseRow, error) {
	return d.st.Inbox(ctx, d.inboxQuery(scope, max(n, 1)))
}

// InboxEach streams the cases in scope to fn in due-date order; the row is
// reused between calls, so fn copies what it keeps.
func (d *Desk) InboxEach(ctx context.Context, scope Scope, fn func(*CaseRow) error) error {
	return d.st.InboxEach(ctx, d.inboxQuery(scope, 0), fn)
}

// LastSync is when a mailbox was last synced (zero if never).
func (d *Desk) LastSync(ctx context.Context) (time.Time, error) { return d.st.LastSync(ctx) }

// Case loads everything the case page shows.
func (d *Desk) Case(ctx context.Context, id int64) (*CaseDetail, error) {
	var det *CaseDetail
	// One consistent state: a message threaded or a step ticked meanwhile
	// is on the page with its event, or not at all.
	err := d.st.ReadView(ctx, func(st *store.Store) error {
		var err error
		det, err = d.caseFrom(ctx, st, id)
		return err
	})
	return det, err
}

func (d *Desk) caseFrom(ctx context.Context, st *store.Store, id int64) (*CaseDetail, error) {
	c, err := st.Case(ctx, id)
	if err != nil {
		return nil, err
	}
	msgs, err := st.Messages(ctx, id)
	if err != nil {
		return nil, err
	}
	evs, err := st.Events(ctx, id)
	if err != nil {
		return nil, err
	}
	det := &CaseDetail{Case: *c}
	for _, m := range msgs {
		mv := MessageView{
			ID: m.ID, Direction: m.Direction, Subject: m.Subject, Date: m.SentAt,
			ReceivedAt: m.ReceivedAt, Text: m.Text, Warnings: m.Warnings,
		}
		mv.From.Addr, mv.From.Name = m.FromAddr, m.FromName
		for _, a := range m.Attachments {
			mv.Attachments = append(mv.Attachments, mailAttachment(a))
		}
		det.Messages = append(det.Messages, mv)
	}
	for _, e := range evs {
		det.Events = append(det.Events, Event{ID: e.ID, At: e.At, Actor: e.Actor, Kind: e.Kind, Details: e.Details})
	}
	done, err := st.Steps(ctx, id)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]int, len(done))
	for i, s := range done {
		byID[s.Step] = i
	}
	for _, s := range dsr.Checklist(c.RightList(), d.opts.Systems) {
		sv := StepView{Step: s}
		if i, ok := byID[s.ID]; ok {
			sv.Done, sv.At, sv.Actor, sv.Note = true, done[i].At, done[i].Actor, done[i].Note
		}
		det.Steps = append(det.Steps, sv)
	}
	if det.RecentRequests, err = st.RequestsBetween(ctx, c.Requester, c.ReceivedAt.AddDate(-1, 0, 0), c.ReceivedAt); err != nil {
		return nil, err
	}
	return det, nil
}

// CaseByRef loads a case by its reference (PV-YYYY-NNNN).
func (d *Desk) CaseByRef(ctx context.Context, ref string) (*CaseDetail, error) {
	id, err := d.st.CaseIDByRef(ctx, ref)
	if err != nil {
		return nil, err
	}
	return d.Case(ctx, id)
}
