package desk_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// TestStaffCorrectionChangesTheNextSimilarMessage: mail from a contact
// form that the rules read one way is corrected by staff; the next mail
// from the same form, from someone else, is classified as staff said.
func TestStaffCorrectionChangesTheNextSimilarMessage(t *testing.T) {
	ctx := context.Background()
	clk := &clock{fixedNow}
	d := deskAt(t, filepath.Join(t.TempDir(), "pv.db"), clk, "kari")
	form := "Henvendelse fra kontaktskjema på magnetharstad.no\nNavn: %s\nE-post: %s\nKategori: Personvern\nMelding: Jeg har tidligere handlet hos dere og ønsker ikke å stå i systemene deres lenger enn nødvendig. Ta kontakt.\n"
	first := openCase(t, d, 1, "skjema@example.no", fmt.Sprintf(form, "Kari Nordmann", "kari@example.no"), clk.t)
	before := first.Case.RightList()
	// Staff read the form as asking us to restrict, not delete: the rules
	// do not say that of it.
	if len(before) == 1 && before[0] == dsr.Restriction {
		t.Fatalf("the rules already say restriction; the test proves nothing")
	}
	if _, err := d.ConfirmRights(ctx, first.Case.ID, first.Case.Version, []dsr.Right{dsr.Restriction}); err != nil {
		t.Fatal(err)
	}
	if d.LearnedSize() != 1 {
		t.Fatalf("learned from %d cases, want 1", d.LearnedSize())
	}
	next := openCase(t, d, 2, "skjema@example.no", fmt.Sprintf(form, "Per Hansen", "per.hansen@example.no"), clk.t)
	got := next.Case.RightList()
	if len(got) != 1 || got[0] != dsr.Restriction {
		t.Fatalf("next similar message: %v (rules alone gave %v for the first)", got, before)
	}
	if next.Case.Status != dsr.StatusNew {
		t.Errorf("status %s", next.Case.Status)
	}
	ev := next.Case.Rights[0].Evidence
	if len(ev) == 0 || ev[0][:7] != "like PV" {
		t.Errorf("evidence %v", ev)
	}
}
