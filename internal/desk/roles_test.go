package desk_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

func deskAs(t *testing.T, path string, clk *clock, user string) *desk.Desk {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return desk.New(st, desk.Options{Now: clk.now, User: user, Leads: []string{"kari"}})
}

func TestOnlyLeadsReassignOthersCases(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pv.db")
	clk := &clock{fixedNow}
	kari, ola, per := deskAs(t, path, clk, "kari"), deskAs(t, path, clk, "ola"), deskAs(t, path, clk, "per")
	if kari.IsLead("ola") || !kari.IsLead("KARI") {
		t.Fatal("roles wrong")
	}
	c := openCase(t, ola, 1, "a@example.no", "Slett alle opplysninger om meg.", clk.t).Case
	// A handler takes an unassigned case.
	cc, err := ola.Assign(ctx, c.ID, c.Version, "ola")
	if err != nil {
		t.Fatal(err)
	}
	// Another handler may not take it from him.
	if _, err := per.Assign(ctx, cc.ID, cc.Version, "per"); !errors.Is(err, desk.ErrLeadOnly) {
		t.Fatalf("handler reassigning another's case: %v", err)
	}
	// He may hand it on himself, and the lead may move it.
	cc, err = ola.Assign(ctx, cc.ID, cc.Version, "per")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kari.Assign(ctx, cc.ID, cc.Version, "ola"); err != nil {
		t.Errorf("lead reassigning: %v", err)
	}
}

func TestHandlerExtensionAndRefusalWaitForALead(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pv.db")
	clk := &clock{oslo(2026, 1, 5, 10)}
	kari, ola := deskAs(t, path, clk, "kari"), deskAs(t, path, clk, "ola")
	c := openCase(t, ola, 1, "a@example.no", "Jeg ber om innsyn i alle opplysninger dere har om meg.", clk.t).Case

	_, err := ola.Extend(ctx, c.ID, c.Version, "Data in five systems")
	var na *desk.NeedsApprovalError
	if !errors.As(err, &na) || na.Kind != "extension" {
		t.Fatalf("handler extension: %v", err)
	}
	det, _ := ola.Case(ctx, c.ID)
	if det.Case.Extended {
		t.Fatal("the case was extended without a lead")
	}
	if _, err := ola.Decide(ctx, na.ApprovalID, true, ""); !errors.Is(err, desk.ErrLeadOnly) {
		t.Errorf("handler deciding: %v", err)
	}
	pending, _ := kari.PendingApprovals(ctx)
	if len(pending) != 1 || pending[0].RequestedBy != "ola" || pending[0].Reason != "Data in five systems" {
		t.Fatalf("pending = %+v", pending)
	}
	cc, err := kari.Decide(ctx, na.ApprovalID, true, "ok")
	if err != nil {
		t.Fatal(err)
	}
	if !cc.Extended || cc.ExtendReason != "Data in five systems" || deadline.Format(cc.DueAt) != "2026-04-07" {
		t.Errorf("after approval: %+v", cc)
	}
	if pending, _ := kari.PendingApprovals(ctx); len(pending) != 0 {
		t.Errorf("still pending: %+v", pending)
	}

	// A refusal request rejected by the lead leaves the case as it was.
	_, err = ola.SetStatus(ctx, cc.ID, cc.Version, dsr.StatusRefused, "Manifestly unfounded: third request this month")
	if !errors.As(err, &na) || na.Kind != "refusal" {
		t.Fatalf("handler refusal: %v", err)
	}
	if _, err := kari.Decide(ctx, na.ApprovalID, false, "answer it"); err != nil {
		t.Fatal(err)
	}
	det, _ = kari.Case(ctx, cc.ID)
	if det.Case.Status == dsr.StatusRefused {
		t.Error("a rejected refusal was carried out")
	}
	// A lead refuses directly.
	if _, err := kari.SetStatus(ctx, cc.ID, det.Case.Version, dsr.StatusRefused, "unfounded"); err != nil {
		t.Errorf("lead refusal: %v", err)
	}
	if _, err := kari.Store().VerifyAudit(ctx); err != nil {
		t.Error(err)
	}
}

// TestLateApprovalChangesNothing: an extension approved after the
// one-month deadline fails, and the request stays pending rather than
// marked approved with the case unchanged.
func TestLateApprovalChangesNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pv.db")
	clk := &clock{oslo(2026, 1, 5, 10)}
	kari, ola := deskAs(t, path, clk, "kari"), deskAs(t, path, clk, "ola")
	c := openCase(t, ola, 1, "a@example.no", "Jeg ber om innsyn i alle opplysninger dere har om meg.", clk.t).Case
	_, err := ola.Extend(ctx, c.ID, c.Version, "Data in five systems")
	var na *desk.NeedsApprovalError
	if !errors.As(err, &na) {
		t.Fatal(err)
	}
	clk.t = oslo(2026, 2, 6, 9) // the day after the due day
	if _, err := kari.Decide(ctx, na.ApprovalID, true, ""); !errors.Is(err, desk.ErrExtension) {
		t.Fatalf("late approval: %v", err)
	}
	pending, _ := kari.PendingApprovals(ctx)
	det, _ := kari.Case(ctx, c.ID)
	if len(pending) != 1 || det.Case.Extended {
		t.Errorf("pending %d, extended %v", len(pending), det.Case.Extended)
	}
	if _, err := kari.Decide(ctx, na.ApprovalID, false, "too late"); err != nil {
		t.Errorf("rejecting it: %v", err)
	}
}
