package desk_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func oslo(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, deadline.Oslo)
}

func deskAt(t *testing.T, path string, clk *clock, user string) *desk.Desk {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return desk.New(st, desk.Options{Now: clk.now, User: user, Systems: []string{"CRM", "Regnskap"}})
}

func openCase(t *testing.T, d *desk.Desk, uid uint32, from, body string, at time.Time) *desk.CaseDetail {
	t.Helper()
	res := ingest(t, d, uid, msg{from: from, subject: "Personvern", body: body, id: strings.ReplaceAll(from, "@", ".") + "." + string(rune('a'+uid)) + "@example.no"}, at)
	det, err := d.Case(context.Background(), res.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	return det
}

func TestPauseAndResumeMoveTheDueDate(t *testing.T) {
	ctx := context.Background()
	clk := &clock{oslo(2026, 1, 5, 10)}
	d := deskAt(t, filepath.Join(t.TempDir(), "pv.db"), clk, "kari")
	det := openCase(t, d, 1, "ola@example.no", "Jeg ber om innsyn i alle opplysninger dere har om meg.", clk.t)
	c := det.Case
	if got := deadline.Format(c.DueAt); got != "2026-02-05" {
		t.Fatalf("due = %s", got)
	}
	// Paused on Monday 12 January, resumed on Thursday 15 January: three
	// days stood still, so 5 Feb becomes 8 Feb, a Sunday, rolled to Monday 9 Feb.
	clk.t = oslo(2026, 1, 12, 9)
	cc, err := d.AskIdentity(ctx, c.ID, c.Version, "need ID for an access request")
	if err != nil {
		t.Fatal(err)
	}
	if cc.Status != dsr.StatusAwaitingRequester || cc.PausedAt.IsZero() || cc.PauseReason == "" {
		t.Fatalf("after pause: %+v", cc)
	}
	clk.t = oslo(2026, 1, 15, 14)
	cc, err = d.Resume(ctx, cc.ID, cc.Version, "ID shown at the counter")
	if err != nil {
		t.Fatal(err)
	}
	if cc.Status != dsr.StatusInProgress || !cc.PausedAt.IsZero() || cc.PausedDays != 3 {
		t.Fatalf("after resume: %+v", cc)
	}
	if got := deadline.Format(cc.DueAt); got != "2026-02-09" {
		t.Errorf("due after a 3-day pause = %s, want 2026-02-09", got)
	}
	// A second pause of one day adds up: 4 days from 5 Feb is 9 Feb.
	clk.t = oslo(2026, 1, 20, 9)
	cc, _ = d.AskIdentity(ctx, cc.ID, cc.Version, "")
	clk.t = oslo(2026, 1, 21, 9)
	cc, err = d.Resume(ctx, cc.ID, cc.Version, "")
	if err != nil || cc.PausedDays != 4 || deadline.Format(cc.DueAt) != "2026-02-09" {
		t.Errorf("after second pause: %d days, due %s, %v", cc.PausedDays, deadline.Format(cc.DueAt), err)
	}
}

func TestReplyFromRequesterResumesTheClock(t *testing.T) {
	ctx := context.Background()
	clk := &clock{oslo(2026, 3, 2, 10)}
	d := deskAt(t, filepath.Join(t.TempDir(), "pv.db"), clk, "kari")
	res := ingest(t, d, 1, msg{from: "ola@example.no", subject: "Innsyn", body: "Jeg ber om innsyn i opplysningene om meg.", id: "r1@example.no"}, clk.t)
	det, _ := d.Case(ctx, res.CaseID)
	clk.t = oslo(2026, 3, 3, 10)
	if _, err := d.AskIdentity(ctx, res.CaseID, det.Case.Version, "ID needed"); err != nil {
		t.Fatal(err)
	}
	clk.t = oslo(2026, 3, 10, 10)
	ingest(t, d, 2, msg{from: "ola@example.no", subject: "Re: Innsyn", body: "Her er legitimasjonen min.", id: "r2@example.no", inReplyTo: "r1@example.no"}, clk.t)
	det, _ = d.Case(ctx, res.CaseID)
	c := det.Case
	if c.Status != dsr.StatusInProgress || c.PausedDays != 7 {
		t.Fatalf("status %s, paused days %d", c.Status, c.PausedDays)
	}
	// 2 Apr + 7 days = 9 Apr (Thursday after Easter): a working day.
	if got := deadline.Format(c.DueAt); got != "2026-04-09" {
		t.Errorf("due = %s, want 2026-04-09", got)
	}
}

func TestExtensionRules(t *testing.T) {
	ctx := context.Background()
	clk := &clock{oslo(2026, 1, 5, 10)}
	d := deskAt(t, filepath.Join(t.TempDir(), "pv.db"), clk, "kari")
	c := openCase(t, d, 1, "ola@example.no", "Jeg ber om innsyn i alle opplysninger dere har om meg.", clk.t).Case
	// Each refusal is ErrExtension and names its rule for the screens.
	why := func(err error) desk.ExtendWhy {
		var e *desk.ExtensionError
		if !errors.Is(err, desk.ErrExtension) || !errors.As(err, &e) {
			return 0
		}
		return e.Why
	}
	if _, err := d.Extend(ctx, c.ID, c.Version, "  "); why(err) != desk.ExtendNoReason {
		t.Errorf("no reason: %v", err)
	}
	clk.t = oslo(2026, 2, 5, 23) // still the due day
	cc, err := d.Extend(ctx, c.ID, c.Version, "Data in five systems, including the archive")
	if err != nil {
		t.Fatal(err)
	}
	if !cc.Extended || cc.ExtendReason == "" || deadline.Format(cc.DueAt) != "2026-04-07" {
		t.Errorf("extended: %v %q due %s, want 2026-04-07 (5 Apr is Easter Sunday, 6 Apr Easter Monday)", cc.Extended, cc.ExtendReason, deadline.Format(cc.DueAt))
	}
	if _, err := d.Extend(ctx, cc.ID, cc.Version, "again"); why(err) != desk.ExtendAlready {
		t.Errorf("second extension: %v", err)
	}
	late := openCase(t, d, 2, "per@example.no", "Slett alle opplysninger om meg.", oslo(2026, 1, 5, 10)).Case
	clk.t = oslo(2026, 2, 6, 0) // the day after the due day
	if _, err := d.Extend(ctx, late.ID, late.Version, "busy"); why(err) != desk.ExtendMonthPassed || !strings.Contains(err.Error(), "(2026-02-05) has passed") {
		t.Errorf("late extension: %v", err)
	}
}

func TestInvalidTransitionIsRefused(t *testing.T) {
	ctx := context.Background()
	clk := &clock{fixedNow}
	d := deskAt(t, filepath.Join(t.TempDir(), "pv.db"), clk, "kari")
	c := openCase(t, d, 1, "ola@example.no", "Slett alle opplysninger om meg.", clk.t).Case
	_, err := d.SetStatus(ctx, c.ID, c.Version, dsr.StatusClosed, "")
	var te *dsr.TransitionError
	if !errors.As(err, &te) {
		t.Fatalf("new → closed: %v", err)
	}
	det, _ := d.Case(ctx, c.ID)
	if det.Case.Status != dsr.StatusNew || det.Case.Version != c.Version || len(det.Events) != 1 {
		t.Errorf("a refused change left traces: %+v, %d events", det.Case, len(det.Events))
	}
	for _, to := range []dsr.Status{dsr.StatusInProgress, dsr.StatusAnswered, dsr.StatusClosed} {
		cc, err := d.SetStatus(ctx, c.ID, c.Version, to, "")
		if err != nil {
			t.Fatalf("→ %s: %v", to, err)
		}
		c = *cc
	}
	if c.ClosedAt.IsZero() {
		t.Error("closed case has no closed time")
	}
}

// TestConflictBetweenTwoDesks: two desks on one file; the second to save
// a change based on a stale version loses with a clear message, and the
// first one's change is kept.
func TestConflictBetweenTwoDesks(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pv.db")
	clk := &clock{fixedNow}
	kari := deskAt(t, path, clk, "kari")
	ola := deskAt(t, path, clk, "ola")
	c := openCase(t, kari, 1, "per@example.no", "Slett alle opplysninger om meg.", clk.t).Case
	seenByOla, _ := ola.Case(ctx, c.ID)
	if _, err := kari.Assign(ctx, c.ID, c.Version, "kari"); err != nil {
		t.Fatal(err)
	}
	_, err := ola.Assign(ctx, c.ID, seenByOla.Case.Version, "ola")
	var ce *desk.ErrConflict
	if !errors.As(err, &ce) || ce.By != "kari" || !strings.Contains(err.Error(), "changed by kari") || !strings.Contains(err.Error(), "reloaded") {
		t.Fatalf("stale save: %v", err)
	}
	det, _ := ola.Case(ctx, c.ID)
	if det.Case.Assignee != "kari" {
		t.Errorf("assignee = %q, want kari's change kept", det.Case.Assignee)
	}
	if _, err := ola.Assign(ctx, c.ID, det.Case.Version, "ola"); err != nil {
		t.Errorf("after reload: %v", err)
	}
	if n, err := kari.Store().VerifyAudit(ctx); err != nil || n < 3 {
		t.Errorf("audit: %d %v", n, err)
	}
}

func TestChecklistProgressAndSuppression(t *testing.T) {
	ctx := context.Background()
	clk := &clock{fixedNow}
	d := deskAt(t, filepath.Join(t.TempDir(), "pv.db"), clk, "kari")
	det := openCase(t, d, 1, "ola@example.no", "Slett kontoen min og meld meg av nyhetsbrevet.", clk.t)
	c := det.Case
	if len(det.Steps) == 0 || det.StepsDone() != 0 {
		t.Fatalf("steps %d done %d", len(det.Steps), det.StepsDone())
	}
	cc, err := d.MarkStep(ctx, c.ID, c.Version, "identity", true, "")
	if err != nil {
		t.Fatal(err)
	}
	if cc.Status != dsr.StatusInProgress {
		t.Errorf("first step did not start the case: %s", cc.Status)
	}
	if _, err := d.MarkStep(ctx, c.ID, cc.Version, "suppression_if_marketing", true, "newsletter"); err != nil {
		t.Fatal(err)
	}
	sup, _ := d.Store().Suppressions(ctx)
	if len(sup) != 1 || sup[0].Addr != "ola@example.no" {
		t.Errorf("suppressions = %+v", sup)
	}
	det, _ = d.Case(ctx, c.ID)
	if det.StepsDone() != 2 {
		t.Errorf("done = %d, want 2", det.StepsDone())
	}
}

func TestConfirmRights(t *testing.T) {
	ctx := context.Background()
	clk := &clock{fixedNow}
	d := deskAt(t, filepath.Join(t.TempDir(), "pv.db"), clk, "kari")
	c := openCase(t, d, 1, "ola@example.no", "Hvor er pakken min?", clk.t).Case
	if c.Status != dsr.StatusNotARequest {
		t.Fatalf("status %s", c.Status)
	}
	cc, err := d.ConfirmRights(ctx, c.ID, c.Version, []dsr.Right{dsr.ObjectionMarketing})
	if err != nil {
		t.Fatal(err)
	}
	det, _ := d.Case(ctx, cc.ID)
	if det.Case.Status != dsr.StatusNew || !det.Case.RightsConfirmed || len(det.Case.Rights) != 1 || det.Case.Rights[0].Source != dsr.SourceStaff {
		t.Errorf("after confirm: %+v", det.Case)
	}
	sup, _ := d.Store().Suppressions(ctx)
	if len(sup) != 1 {
		t.Errorf("objection_marketing did not add to the suppression list")
	}
}

// A right the classifier found keeps its evidence when a handler confirms
// it; a right the handler adds has none.
func TestConfirmRightsKeepsEvidence(t *testing.T) {
	ctx := context.Background()
	clk := &clock{fixedNow}
	d := deskAt(t, filepath.Join(t.TempDir(), "pv.db"), clk, "kari")
	c := openCase(t, d, 1, "ola@example.no", "Jeg ber om innsyn i opplysningene dere har om meg.", clk.t).Case
	if len(c.Rights) != 1 || c.Rights[0].Right != dsr.Access || len(c.Rights[0].Evidence) == 0 {
		t.Fatalf("classified as %+v, the test wants access with evidence", c.Rights)
	}
	found := c.Rights[0].Evidence
	cc, err := d.ConfirmRights(ctx, c.ID, c.Version, []dsr.Right{dsr.Access, dsr.Erasure})
	if err != nil {
		t.Fatal(err)
	}
	det, err := d.Case(ctx, cc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cc.Rights, det.Case.Rights) {
		t.Errorf("ConfirmRights handed back rights %+v, the store has %+v", cc.Rights, det.Case.Rights)
	}
	want := []dsr.CaseRight{
		{Right: dsr.Access, Source: dsr.SourceStaff, Confidence: 1, Evidence: found},
		{Right: dsr.Erasure, Source: dsr.SourceStaff, Confidence: 1, Evidence: []string{}},
	}
	if !reflect.DeepEqual(det.Case.Rights, want) {
		t.Errorf("after confirming: %+v\nwant %+v", det.Case.Rights, want)
	}
}

func TestRepeatRequesterFlag(t *testing.T) {
	ctx := context.Background()
	clk := &clock{fixedNow}
	d := deskAt(t, filepath.Join(t.TempDir(), "pv.db"), clk, "kari")
	var last *desk.CaseDetail
	for i, months := range []int{13, 10, 5, 0} {
		last = openCase(t, d, uint32(i+1), "ola@example.no", "Jeg ber om innsyn i opplysningene om meg.", fixedNow.AddDate(0, -months, 0))
	}
	if last.RecentRequests != 3 || !last.RepeatRequester() {
		t.Errorf("recent = %d, want 3 (the one 13 months ago does not count)", last.RecentRequests)
	}
	first, _ := d.CaseByRef(ctx, "PV-2025-0001")
	if first == nil || first.RepeatRequester() {
		t.Errorf("first request flagged")
	}
}

func TestAwaitingRequesterByStatusPausesToo(t *testing.T) {
	ctx := context.Background()
	clk := &clock{oslo(2026, 1, 5, 10)}
	d := deskAt(t, filepath.Join(t.TempDir(), "pv.db"), clk, "kari")
	c := openCase(t, d, 1, "ola@example.no", "Jeg ber om innsyn i alle opplysninger dere har om meg.", clk.t).Case
	cc, err := d.SetStatus(ctx, c.ID, c.Version, dsr.StatusAwaitingRequester, "")
	if err != nil || cc.PausedAt.IsZero() {
		t.Fatalf("not paused: %+v %v", cc, err)
	}
	clk.t = oslo(2026, 1, 7, 10)
	cc, err = d.SetStatus(ctx, cc.ID, cc.Version, dsr.StatusInProgress, "")
	if err != nil || cc.PausedDays != 2 || deadline.Format(cc.DueAt) != "2026-02-09" {
		t.Errorf("after resume: %d days, due %s, %v (5 Feb + 2 = Sat 7 → Mon 9)", cc.PausedDays, deadline.Format(cc.DueAt), err)
	}
}
