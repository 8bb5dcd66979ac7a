package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// stored reads a case back from the store, as the next person to open it
// would see it.
func stored(t *testing.T, d *desk.Desk, ref string) *desk.CaseDetail {
	t.Helper()
	det, err := d.CaseByRef(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	return det
}

// footer is the status line of the view.
func footer(dr *driver) string {
	lines := strings.Split(dr.m.View(), "\n")
	return lines[len(lines)-2]
}

// PV-2026-0005 is Hannah Whitfield's access request: one right, overdue
// by a week on the fixed clock. PV-2026-0021 (portability) is due in 19
// days, so it can still be extended.
const (
	accessRef  = "PV-2026-0005"
	erasureRef = "PV-2026-0002"
	futureRef  = "PV-2026-0021"
)

func TestAssignToMe(t *testing.T) {
	d := demoDesk(t)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	dr.openRef(accessRef)
	dr.keys("a")
	if got := stored(t, d, accessRef).Case.Assignee; got != "kari" {
		t.Fatalf("assignee = %q, want kari", got)
	}
	if f := footer(dr); !strings.Contains(f, "tildelt kari") {
		t.Errorf("footer = %q", f)
	}
	if v := dr.m.View(); !strings.Contains(v, "Saksbehandler kari") {
		t.Errorf("the page was not read again:\n%s", v)
	}
	// The confirmation goes with the next key.
	dr.keys("j")
	if f := footer(dr); strings.Contains(f, "tildelt") {
		t.Errorf("footer after a key = %q", f)
	}
}

func TestAssignToSomeoneAndUnassign(t *testing.T) {
	d := demoDesk(t)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	dr.openRef(accessRef)
	dr.keys("A")
	dr.typeText("ola")
	dr.keys("enter")
	if got := stored(t, d, accessRef).Case.Assignee; got != "ola" {
		t.Fatalf("assignee = %q, want ola", got)
	}
	// The prompt starts from who has the case; emptying it unassigns.
	dr.keys("A")
	if v := dr.m.View(); !strings.Contains(v, "> ola") {
		t.Fatalf("prompt does not start from the assignee:\n%s", v)
	}
	dr.keys("backspace", "backspace", "backspace", "enter")
	if got := stored(t, d, accessRef).Case.Assignee; got != "" {
		t.Errorf("assignee = %q, want none", got)
	}
	if f := footer(dr); !strings.Contains(f, "saken er ufordelt") {
		t.Errorf("footer = %q", f)
	}
}

func TestAskForIdentityPausesAndResumeRestarts(t *testing.T) {
	d := demoDesk(t)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	dr.openRef(accessRef)
	dr.keys("i")
	if v := dr.m.View(); !strings.Contains(v, "> venter på legitimasjon") {
		t.Fatalf("no reason typed in already:\n%s", v)
	}
	dr.keys("enter")
	c := stored(t, d, accessRef).Case
	if c.Status != dsr.StatusAwaitingRequester || c.PausedAt.IsZero() || c.PauseReason != "venter på legitimasjon" {
		t.Fatalf("after i: status %s, paused %v, reason %q", c.Status, c.PausedAt, c.PauseReason)
	}
	v := dr.m.View()
	for _, want := range []string{"pauset siden 2026-11-25 (venter på legitimasjon)", "venter på innsender", "u gjenoppta"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}

	dr.keys("u")
	c = stored(t, d, accessRef).Case
	if c.Status != dsr.StatusInProgress || !c.PausedAt.IsZero() {
		t.Fatalf("after u: status %s, paused %v", c.Status, c.PausedAt)
	}
	if f := footer(dr); !strings.Contains(f, "klokken går igjen – frist 2026-11-18") {
		t.Errorf("footer = %q", f)
	}
	// u on a running clock says so and changes nothing.
	dr.keys("u")
	if f := footer(dr); !strings.Contains(f, "klokken står ikke") {
		t.Errorf("footer = %q", f)
	}
	if got := stored(t, d, accessRef).Case.Version; got != c.Version {
		t.Errorf("u on a running clock saved the case (version %d → %d)", c.Version, got)
	}
}

func TestExtendWithReason(t *testing.T) {
	d := demoDesk(t)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	dr.openRef(futureRef)
	dr.keys("e")
	// The reason goes into the notice to the person: enter on nothing
	// keeps the prompt open and saves nothing.
	dr.keys("enter")
	if dr.m.dialog == nil || !strings.Contains(dr.m.View(), "må fylles ut") {
		t.Fatalf("an empty reason was taken:\n%s", dr.m.View())
	}
	dr.typeText("Eksport fra fire systemer")
	dr.keys("enter")
	c := stored(t, d, futureRef).Case
	if !c.Extended || c.ExtendReason != "Eksport fra fire systemer" {
		t.Fatalf("extended %v, reason %q", c.Extended, c.ExtendReason)
	}
	if f := footer(dr); !strings.Contains(f, "forlenget; ny frist 2027-02-15") {
		t.Errorf("footer = %q", f)
	}
	if v := dr.m.View(); !strings.Contains(v, "forlenget: Eksport fra fire systemer") {
		t.Errorf("header lacks the extension:\n%s", v)
	}
}

func TestExtendTooLateShowsWhy(t *testing.T) {
	d := demoDesk(t)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	dr.openRef(accessRef)
	before := stored(t, d, accessRef).Case.Version
	dr.keys("e")
	dr.typeText("For sent")
	dr.keys("enter")
	f := footer(dr)
	if !strings.Contains(f, "kan ikke forlenge: fristen på én måned (2026-11-18) er passert") {
		t.Errorf("footer = %q", f)
	}
	if c := stored(t, d, accessRef).Case; c.Extended || c.Version != before {
		t.Errorf("a refused extension changed the case: extended %v, version %d → %d", c.Extended, before, c.Version)
	}
}

func TestStatusPickerListsOnlyNextStatuses(t *testing.T) {
	d := demoDesk(t)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	dr.openRef(accessRef)
	dr.keys("s")
	v := dr.m.View()
	for _, st := range dsr.StatusNew.Next() {
		if !strings.Contains(v, dr.m.c.T.Status(st)) {
			t.Errorf("picker lacks %s:\n%s", st, v)
		}
	}
	if strings.Contains(v, "  lukket") {
		t.Errorf("picker offers closed, which a new case cannot go to:\n%s", v)
	}
	if !strings.Contains(v, "8 av 8 steg er ikke krysset av") {
		t.Errorf("picker does not warn of open steps:\n%s", v)
	}
	// new → in_progress, awaiting_requester, answered, ...
	dr.keys("j", "j", "enter")
	if got := stored(t, d, accessRef).Case.Status; got != dsr.StatusAnswered {
		t.Fatalf("status = %s, want answered", got)
	}
	if f := footer(dr); !strings.Contains(f, "status: besvart") {
		t.Errorf("footer = %q", f)
	}
	// esc leaves the picker without a change.
	dr.keys("s", "j", "esc")
	if got := stored(t, d, accessRef).Case.Status; got != dsr.StatusAnswered || dr.m.dialog != nil {
		t.Errorf("esc: status %s, dialog open %v", got, dr.m.dialog != nil)
	}
}

func TestRightsPickerConfirmsAsStaff(t *testing.T) {
	d := demoDesk(t)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	dr.openRef(accessRef)
	dr.keys("c")
	if v := dr.m.View(); !strings.Contains(v, "[x] innsyn") || !strings.Contains(v, "[ ] sletting") {
		t.Fatalf("picker does not start from the case's rights:\n%s", v)
	}
	// Keep access, add erasure (two down).
	dr.keys("j", "j", " ", "enter")
	det := stored(t, d, accessRef)
	c := det.Case
	if !c.RightsConfirmed || len(c.Rights) != 2 || c.Rights[0].Right != dsr.Access || c.Rights[1].Right != dsr.Erasure {
		t.Fatalf("rights %+v, confirmed %v", c.Rights, c.RightsConfirmed)
	}
	for _, r := range c.Rights {
		if r.Source != dsr.SourceStaff {
			t.Errorf("%s has source %s, want staff", r.Right, r.Source)
		}
	}
	v := dr.m.View()
	if !strings.Contains(v, "innsyn (bekreftet)") || !strings.Contains(v, "sletting (bekreftet)") {
		t.Errorf("header does not say the rights are confirmed:\n%s", v)
	}
	// The checklist follows the rights.
	if !strings.Contains(v, fmt.Sprintf("Sjekkliste 0/%d", len(det.Steps))) || len(det.Steps) <= 8 {
		t.Errorf("checklist of %d steps not shown:\n%s", len(det.Steps), v)
	}

	// Nothing ticked: not a request.
	dr.keys("c", "x", "j", "j", "x", "enter")
	c = stored(t, d, accessRef).Case
	if len(c.Rights) != 0 || c.Status != dsr.StatusNotARequest {
		t.Errorf("rights %+v, status %s, want none and not_a_request", c.Rights, c.Status)
	}
	if f := footer(dr); !strings.Contains(f, "bekreftet: ikke en henvendelse") {
		t.Errorf("footer = %q", f)
	}
}

func TestInboxRightsAndAssign(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pv.db")
	d := demoDeskAt(t, path)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	in := dr.m.inbox
	for in.selected().Ref != accessRef {
		dr.keys("j")
	}
	dr.keys("c")
	if dr.m.dialog == nil || !strings.Contains(dr.m.View(), "Rettigheter i "+accessRef) {
		t.Fatalf("c in the inbox did not open the picker:\n%s", dr.m.View())
	}
	dr.keys("enter")
	if c := stored(t, d, accessRef).Case; !c.RightsConfirmed || c.Rights[0].Source != dsr.SourceStaff {
		t.Errorf("rights not confirmed from the inbox: %+v", c)
	}
	dr.keys("a")
	if c := stored(t, d, accessRef).Case; c.Assignee != "kari" {
		t.Errorf("assignee = %q", c.Assignee)
	}
	if f := footer(dr); !strings.Contains(f, "tildelt kari") {
		t.Errorf("footer = %q", f)
	}
	if in.selected().Ref != accessRef {
		t.Errorf("the reload moved the cursor to %s", in.selected().Ref)
	}
	// Taking a colleague's case is said, not hidden.
	ola := deskAt(t, path, "ola", nil)
	c := stored(t, ola, accessRef).Case
	if _, err := ola.Assign(context.Background(), c.ID, c.Version, "ola"); err != nil {
		t.Fatal(err)
	}
	dr.keys("a")
	if f := footer(dr); !strings.Contains(f, "tildelt kari (var ola)") {
		t.Errorf("footer = %q", f)
	}
}

func TestStepsTickAndUntick(t *testing.T) {
	d := demoDesk(t)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	dr.openRef(accessRef)
	dr.keys("tab")
	if dr.m.caseP.tab != tabChecklist {
		t.Fatal("tab did not go to the checklist")
	}
	dr.keys(" ")
	det := stored(t, d, accessRef)
	if !det.Steps[0].Done || det.Steps[0].ID != "identity" || det.Steps[0].Actor != "kari" {
		t.Fatalf("space did not tick identity: %+v", det.Steps[0])
	}
	if det.Case.Status != dsr.StatusInProgress {
		t.Errorf("status = %s; a ticked step starts the work", det.Case.Status)
	}
	// Two down and x: the third step, not the one the cursor left.
	dr.keys("j", "j", "x")
	det = stored(t, d, accessRef)
	if det.StepsDone() != 2 || !det.Steps[2].Done {
		t.Fatalf("after j j x: %d done, third %v", det.StepsDone(), det.Steps[2].Done)
	}
	v := dr.m.View()
	if !strings.Contains(v, "Sjekkliste 2/8") || !strings.Contains(v, "kari · 2026-11-25 10:00") {
		t.Errorf("checklist does not show the progress or who ticked:\n%s", v)
	}
	if !strings.Contains(v, "▸ [x] "+det.Steps[2].NB) {
		t.Errorf("cursor is not on the ticked step:\n%s", v)
	}
	dr.keys("x")
	if det = stored(t, d, accessRef); det.Steps[2].Done {
		t.Error("x again did not untick")
	}
	if f := footer(dr); !strings.Contains(f, "avkrysning fjernet: "+det.Steps[2].NB) {
		t.Errorf("footer = %q", f)
	}
	// On the other tabs, space is still page down.
	dr.keys("tab", " ")
	if stored(t, d, accessRef).StepsDone() != 1 {
		t.Error("space on the history ticked a step")
	}
}

func TestStepThatNeedsANote(t *testing.T) {
	d := demoDesk(t)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	dr.openRef(erasureRef)
	dr.keys("tab", "j")
	if id := dr.m.caseP.detail.Steps[1].ID; id != "retention_checked" {
		t.Fatalf("second step is %s", id)
	}
	dr.keys("x")
	if dr.m.dialog == nil {
		t.Fatal("ticking the retention step asked for no note")
	}
	dr.keys("enter")
	if dr.m.dialog == nil || stored(t, d, erasureRef).StepsDone() != 0 {
		t.Fatal("an empty note was taken")
	}
	dr.typeText("Kvitteringer beholdes fem år (bokføringsloven)")
	dr.keys("enter")
	st := stored(t, d, erasureRef).Steps[1]
	if !st.Done || st.Note != "Kvitteringer beholdes fem år (bokføringsloven)" {
		t.Fatalf("step %+v", st)
	}
	if v := dr.m.View(); !strings.Contains(v, "Merknad: Kvitteringer beholdes fem år (bokføringsloven)") {
		t.Errorf("the note is not shown:\n%s", v)
	}
	// Unticking asks nothing.
	dr.keys("x")
	if dr.m.dialog != nil || stored(t, d, erasureRef).Steps[1].Done {
		t.Error("unticking asked for a note or did not untick")
	}
}

// A colleague saves the case between our reading it and our key: the
// desk refuses, the footer says who and when, and the page shows their
// change. The next try works.
func TestConflictShowsWhoAndReloads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pv.db")
	d := demoDeskAt(t, path)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	dr.openRef(accessRef)

	ola := deskAt(t, path, "ola", nil)
	c := stored(t, ola, accessRef).Case
	if _, err := ola.Assign(context.Background(), c.ID, c.Version, "ola"); err != nil {
		t.Fatal(err)
	}
	dr.keys("a")
	want := accessRef + " ble endret av ola kl. 10:00:00 – lastet inn på nytt; sjekk og prøv igjen"
	if f := footer(dr); !strings.Contains(f, want) {
		t.Errorf("footer = %q, want %q", f, want)
	}
	if got := stored(t, d, accessRef).Case.Assignee; got != "ola" {
		t.Errorf("assignee = %q; the conflict overwrote ola", got)
	}
	if v := dr.m.View(); !strings.Contains(v, "Saksbehandler ola") {
		t.Errorf("the page was not read again:\n%s", v)
	}
	dr.keys("a")
	if got := stored(t, d, accessRef).Case.Assignee; got != "kari" {
		t.Errorf("second try: assignee = %q", got)
	}
}

// The header says when the clock stopped and why, why the case was
// extended, and that the requester writes often.
func TestHeaderPauseExtensionAndRepeat(t *testing.T) {
	d := newDesk(t, nil)
	ctx := context.Background()
	var last desk.IngestResult
	for i, days := range []int{200, 90, 3} {
		raw := fmt.Sprintf("From: Per Hansen <per@example.no>\r\nSubject: Innsyn %d\r\nMessage-ID: <rep-%d@example.no>\r\n\r\nJeg ber om innsyn i opplysningene dere har om meg.\r\n", i, i)
		last = ingest(t, d, uint32(i+1), fixedNow.Add(-time.Duration(days)*24*time.Hour), raw)
	}
	det, err := d.Case(ctx, last.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	c, err := d.Extend(ctx, det.Case.ID, det.Case.Version, "Store mengder data")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.AskIdentity(ctx, c.ID, c.Version, "kopi av legitimasjon mangler"); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"nb", "en"} {
		dr := newDriver(t, Options{Desk: d, Language: lang}, 100, 30)
		dr.openRef(det.Case.Ref.String())
		v := dr.m.View()
		want := map[string][]string{
			"nb": {"pauset siden 2026-11-25 (kopi av legitimasjon mangler)", "forlenget: Store mengder data", "⚠ 3 henvendelser siste 12 mnd (art. 12(5))"},
			"en": {"paused since 2026-11-25 (kopi av legitimasjon mangler)", "extended: Store mengder data", "⚠ 3 requests in 12 months (Art. 12(5))"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(v, w) {
				t.Errorf("%s: header lacks %q:\n%s", lang, w, v)
			}
		}
		checkFits(t, v, 100, 30)
	}
}

// Every prompt and picker fits the terminal, the smallest included.
func TestActionViewsFit(t *testing.T) {
	for _, lang := range []string{"nb", "en"} {
		for _, sz := range [][2]int{{80, 24}, {100, 30}, {160, 50}, {60, 15}} {
			w, h := sz[0], sz[1]
			t.Run(fmt.Sprintf("%s-%dx%d", lang, w, h), func(t *testing.T) {
				dr := newDriver(t, Options{Desk: demoDesk(t), Language: lang}, w, h)
				check := func(what string) {
					t.Helper()
					v := dr.m.View()
					if n := strings.Count(v, "\n") + 1; n != h {
						t.Errorf("%s: %d lines, want %d", what, n, h)
					}
					checkFits(t, v, w, h)
				}
				dr.keys("c")
				check("inbox rights picker")
				dr.keys("G", "esc")
				dr.openRef(erasureRef)
				for _, k := range []string{"A", "i", "e", "s", "c"} {
					dr.keys(k)
					if dr.m.dialog == nil {
						t.Fatalf("%s opened nothing", k)
					}
					dr.typeText(strings.Repeat("langt ord ", 10))
					check("dialog " + k)
					dr.keys("esc")
				}
				dr.keys("tab")
				check("checklist")
				dr.keys("j", "x")
				check("note prompt")
				dr.typeText(strings.Repeat("Regnskapsbilag beholdes ", 8))
				dr.keys("enter", "G")
				check("checklist with a note, at the end")
				dr.keys("?")
				check("full help")
			})
		}
	}
}
