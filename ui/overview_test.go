package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

// team is a desk with a lead (kari) and two handlers (ola, per) on one
// database file, seeded through the desk's own actions on a clock the
// story moves on. Once seeded the clock stands at fixedNow.
type team struct {
	t      *testing.T
	path   string
	clk    time.Time
	rights map[string][]dsr.Right // by requester address: the classifier's answer
	desks  map[string]*desk.Desk
	uid    uint32
	refs   map[string]string // by requester's first name
}

func newTeam(t *testing.T) *team {
	tm := &team{t: t, path: filepath.Join(t.TempDir(), "pv.db"), rights: map[string][]dsr.Right{},
		desks: map[string]*desk.Desk{}, refs: map[string]string{}}
	for _, u := range []string{"kari", "ola", "per"} {
		tm.desks[u] = tm.deskAs(u)
	}
	return tm
}

// deskAs opens another desk on the team's file as user, with kari the only
// lead; the desks share the team's clock.
func (tm *team) deskAs(user string) *desk.Desk {
	tm.t.Helper()
	st, err := store.Open(context.Background(), tm.path)
	if err != nil {
		tm.t.Fatal(err)
	}
	tm.t.Cleanup(func() { st.Close() })
	return desk.New(st, desk.Options{
		Now: func() time.Time { return tm.clk }, User: user, Leads: []string{"kari"}, Systems: testSystems,
		Classify: func(in classify.Input) classify.Result {
			var res classify.Result
			for _, r := range tm.rights[in.From] {
				res.Labels = append(res.Labels, classify.Label{Right: r, Confidence: 0.9})
			}
			return res
		},
	})
}

// at sets the clock to hour h of a day in Oslo.
func (tm *team) at(y int, m time.Month, d, h int) *team {
	tm.clk = time.Date(y, m, d, h, 0, 0, 0, deadline.Oslo)
	return tm
}

// receive ingests a request from name with the given rights, now.
func (tm *team) receive(name, subject string, rights ...dsr.Right) {
	tm.t.Helper()
	first, _, _ := strings.Cut(name, " ")
	addr := strings.ToLower(first) + "@example.no"
	tm.rights[addr] = rights
	tm.uid++
	raw := fmt.Sprintf("From: %s <%s>\r\nTo: post@magnetharstad.no\r\nSubject: %s\r\nMessage-ID: <%d.%s>\r\n"+
		"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHei, %s\r\n",
		name, addr, subject, tm.uid, addr, subject)
	res := ingest(tm.t, tm.desks["kari"], tm.uid, tm.clk, raw)
	tm.refs[first] = res.Ref
}

// act runs a desk action as user on the case of first name.
func (tm *team) act(user, first string, fn func(d *desk.Desk, id, version int64) (*dsr.Case, error)) {
	tm.t.Helper()
	d := tm.desks[user]
	det, err := d.CaseByRef(context.Background(), tm.refs[first])
	if err != nil {
		tm.t.Fatal(err)
	}
	if _, err := fn(d, det.Case.ID, det.Case.Version); err != nil {
		tm.t.Fatalf("%s on %s's case at %s: %v", user, first, tm.clk.Format(time.DateTime), err)
	}
}

func (tm *team) assign(first, to string) {
	tm.t.Helper()
	tm.act("kari", first, func(d *desk.Desk, id, v int64) (*dsr.Case, error) {
		return d.Assign(context.Background(), id, v, to)
	})
}

func (tm *team) status(first string, to dsr.Status, note string) {
	tm.t.Helper()
	tm.act("kari", first, func(d *desk.Desk, id, v int64) (*dsr.Case, error) {
		return d.SetStatus(context.Background(), id, v, to, note)
	})
}

// ref is the reference of first name's case.
func (tm *team) ref(first string) string { return tm.refs[first] }

// seedTeam tells the story behind the overview and figures goldens. On
// Wednesday 2026-11-25 10:00:
//
//	Ingrid  access                 2026-10-01, ola, in progress   due 11-02: 23 days overdue
//	Jonas   erasure                2026-10-13, per                due 11-13: 12 days overdue
//	Sara    access, portability    2026-10-28, ola, in progress   due 11-30 (28th a Saturday): due soon
//	Ahmed   rectification          2026-10-30, nobody             due 11-30: due soon, unassigned
//	Liv     erasure                2026-11-02, kari, paused 11-10 for identity: 15 days
//	Eva     access                 2026-11-05, ola; ola asked 11-24 for an extension: pending
//	Nils    access                 2026-11-12, per                due 12-14: load only
//	Tor     objection to marketing 2026-11-20, nobody             due 12-21: unassigned
//
// and for the figures, closed earlier in the year: Kristin (answered in
// time), Ole (answered late), Mari (extended, answered), Geir (refused),
// Hanne and Knut (answered), Berit (withdrawn).
func seedTeam(t *testing.T) *team {
	tm := newTeam(t)
	ctx := context.Background()
	tm.at(2026, 2, 10, 9).receive("Kristin Aas", "Innsyn", dsr.Access)
	tm.at(2026, 2, 20, 10).status("Kristin", dsr.StatusAnswered, "")
	tm.at(2026, 3, 5, 9).receive("Ole Vik", "Slett meg", dsr.Erasure)
	tm.at(2026, 4, 10, 10).status("Ole", dsr.StatusAnswered, "")
	tm.at(2026, 5, 4, 9).receive("Mari Lund", "Innsyn og sletting", dsr.Access, dsr.Erasure)
	tm.at(2026, 5, 20, 10).act("kari", "Mari", func(d *desk.Desk, id, v int64) (*dsr.Case, error) {
		return d.Extend(ctx, id, v, "Opplysninger i fem systemer")
	})
	tm.at(2026, 6, 15, 9).receive("Geir Nilsen", "Rett adressen", dsr.Rectification)
	tm.at(2026, 6, 20, 10).status("Geir", dsr.StatusRefused, "Åpenbart grunnløst: fjerde like krav i år")
	tm.at(2026, 7, 1, 10).status("Mari", dsr.StatusAnswered, "")
	tm.at(2026, 8, 3, 9).receive("Hanne Ruud", "Trekker samtykket", dsr.WithdrawConsent)
	tm.at(2026, 8, 5, 10).status("Hanne", dsr.StatusAnswered, "")
	tm.at(2026, 9, 15, 9).receive("Knut Sæther", "Hva har dere om meg?", dsr.Access)
	tm.at(2026, 9, 20, 9).receive("Berit Holm", "Innsigelse", dsr.Objection)
	tm.at(2026, 9, 25, 10).status("Berit", dsr.StatusWithdrawn, "")
	tm.at(2026, 10, 1, 9).receive("Ingrid Berg", "Innsyn i mine data", dsr.Access)
	tm.assign("Ingrid", "ola")
	tm.status("Ingrid", dsr.StatusInProgress, "")
	tm.at(2026, 10, 5, 10).status("Knut", dsr.StatusAnswered, "")
	tm.at(2026, 10, 13, 9).receive("Jonas Lie", "Slett kontoen min", dsr.Erasure)
	tm.assign("Jonas", "per")
	tm.at(2026, 10, 28, 9).receive("Sara Haugen", "Kopi av dataene mine", dsr.Access, dsr.Portability)
	tm.assign("Sara", "ola")
	tm.status("Sara", dsr.StatusInProgress, "")
	tm.at(2026, 10, 30, 9).receive("Ahmed Khan", "Feil adresse", dsr.Rectification)
	tm.at(2026, 11, 2, 9).receive("Liv Moe", "Slett alt", dsr.Erasure)
	tm.assign("Liv", "kari")
	tm.at(2026, 11, 5, 9).receive("Eva Strand", "Innsyn", dsr.Access)
	tm.assign("Eva", "ola")
	tm.at(2026, 11, 10, 10).act("kari", "Liv", func(d *desk.Desk, id, v int64) (*dsr.Case, error) {
		return d.AskIdentity(ctx, id, v, "venter på legitimasjon")
	})
	tm.at(2026, 11, 12, 9).receive("Nils Bakke", "Innsyn", dsr.Access)
	tm.assign("Nils", "per")
	tm.at(2026, 11, 20, 9).receive("Tor Dahl", "Ikke send meg reklame", dsr.ObjectionMarketing)
	// A handler's extension waits for the lead.
	tm.at(2026, 11, 24, 14)
	det, err := tm.desks["ola"].CaseByRef(ctx, tm.ref("Eva"))
	if err != nil {
		t.Fatal(err)
	}
	var asked *desk.NeedsApprovalError
	if _, err := tm.desks["ola"].Extend(ctx, det.Case.ID, det.Case.Version, "Data i fem systemer"); !errors.As(err, &asked) {
		t.Fatalf("ola's extension: %v", err)
	}
	tm.clk = fixedNow
	return tm
}

// overviewDriver is a driver on the overview as user.
func overviewDriver(t *testing.T, d *desk.Desk, lang string, w, h int) *driver {
	t.Helper()
	dr := newDriver(t, Options{Desk: d, Language: lang}, w, h)
	dr.keys("o")
	if dr.m.page != pageOverview || dr.m.overview == nil || dr.m.overview.ov == nil {
		t.Fatalf("o did not open the overview; footer %q", footer(dr))
	}
	return dr
}

// cursorTo puts the overview's cursor on the row of ref in sec.
func cursorTo(t *testing.T, dr *driver, sec ovSection, ref string) {
	t.Helper()
	p := dr.m.overview
	for pos, it := range p.items {
		if _, r := p.caseOf(it); it.sec == sec && r == ref {
			p.cursor = pos
			p.clampScroll()
			return
		}
	}
	t.Fatalf("%s is not in section %d:\n%s", ref, sec, dr.m.View())
}

func TestOverviewGolden(t *testing.T) {
	tm := seedTeam(t)
	m := New(Options{Desk: tm.desks["kari"], Language: "nb"})
	tt := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	waitFor(t, tt, "Innboks · åpne 8")
	tt.Type("o")
	waitFor(t, tt, "Belastning", "Venter på godkjenning (1)")
	golden.RequireEqual(t, []byte(finalView(t, tt)))
}

// The sections hold what the desk's overview says, each case where it
// belongs, with the days the lead needs.
func TestOverviewSections(t *testing.T) {
	tm := seedTeam(t)
	dr := overviewDriver(t, tm.desks["kari"], "nb", 100, 30)
	p := dr.m.overview
	want := map[ovSection][]string{
		secApprovals:  {"Eva"},
		secOverdue:    {"Ingrid", "Jonas"},
		secDueSoon:    {"Sara", "Ahmed"},
		secPaused:     {"Liv"},
		secUnassigned: {"Ahmed", "Tor"},
	}
	for sec, names := range want {
		var got, exp []string
		for _, it := range p.items {
			if it.sec == sec {
				_, ref := p.caseOf(it)
				got = append(got, ref)
			}
		}
		for _, n := range names {
			exp = append(exp, tm.ref(n))
		}
		if fmt.Sprint(got) != fmt.Sprint(exp) {
			t.Errorf("section %s: %v, want %v (%v)", p.sectionTitle(sec), got, exp, names)
		}
	}
	v := dr.m.View()
	for _, s := range []string{"−23 d", "−12 d", "2026-11-10", "15 d", "forlengelse", "Data i fem systemer"} {
		if !strings.Contains(v, s) {
			t.Errorf("%q missing:\n%s", s, v)
		}
	}
}

// Only leads see the lead screens: a handler pressing o stays in the
// inbox and is told why, and cannot reach the figures either.
func TestHandlerCannotOpenTheOverview(t *testing.T) {
	tm := seedTeam(t)
	for _, lang := range []string{"nb", "en"} {
		dr := newDriver(t, Options{Desk: tm.desks["ola"], Language: lang}, 100, 30)
		dr.keys("o")
		want := map[string]string{"nb": "bare for teamledere", "en": "leads only"}[lang]
		if dr.m.page != pageInbox || dr.m.overview != nil {
			t.Fatalf("%s: a handler got the overview:\n%s", lang, dr.m.View())
		}
		if f := footer(dr); !strings.Contains(f, want) {
			t.Errorf("%s: footer %q, want %q", lang, f, want)
		}
		dr.send(openFiguresMsg{})
		if dr.m.page != pageInbox || dr.m.figures != nil {
			t.Errorf("%s: a handler got the figures", lang)
		}
	}
	// The lead gets there.
	overviewDriver(t, tm.desks["kari"], "nb", 100, 30)
}

// With no leads configured (the demo) everyone is one.
func TestEveryoneIsALeadWithoutLeads(t *testing.T) {
	dr := newDriver(t, Options{Desk: demoDesk(t)}, 100, 30)
	dr.keys("o")
	if dr.m.page != pageOverview {
		t.Fatalf("no overview without leads configured: %q", footer(dr))
	}
}

func TestApproveExtensionFromOverview(t *testing.T) {
	tm := seedTeam(t)
	kari := tm.desks["kari"]
	dr := overviewDriver(t, kari, "nb", 100, 30)
	if it, ok := dr.m.overview.current(); !ok || it.sec != secApprovals {
		t.Fatalf("the cursor does not start on the request: %+v", it)
	}
	dr.keys("y")
	cs := stored(t, kari, tm.ref("Eva")).Case
	if !cs.Extended || cs.ExtendReason != "Data i fem systemer" {
		t.Fatalf("not extended: %+v", cs)
	}
	// Received 11-05: three months is 2027-02-05.
	if f := footer(dr); !strings.Contains(f, "forlengelse godkjent for "+tm.ref("Eva")+"; ny frist 2027-02-05") {
		t.Errorf("footer = %q", f)
	}
	if n := dr.m.overview.count(secApprovals); n != 0 {
		t.Errorf("%d requests still waiting", n)
	}
	if pending, _ := kari.PendingApprovals(context.Background()); len(pending) != 0 {
		t.Errorf("still pending: %+v", pending)
	}
}

func TestRejectWithNote(t *testing.T) {
	tm := seedTeam(t)
	kari := tm.desks["kari"]
	dr := overviewDriver(t, kari, "en", 100, 30)
	dr.keys("n")
	if dr.m.dialog == nil || !strings.Contains(dr.m.View(), "Reject the extension for "+tm.ref("Eva")) {
		t.Fatalf("no note prompt:\n%s", dr.m.View())
	}
	dr.typeText("Svar innen fristen")
	dr.keys("enter")
	if cs := stored(t, kari, tm.ref("Eva")).Case; cs.Extended {
		t.Error("a rejected extension was carried out")
	}
	if f := footer(dr); !strings.Contains(f, "extension rejected for "+tm.ref("Eva")) {
		t.Errorf("footer = %q", f)
	}
	det := stored(t, kari, tm.ref("Eva"))
	last := det.Events[len(det.Events)-1]
	if last.Kind != "approval.decided" || !strings.Contains(last.Details, "rejected: Svar innen fristen") {
		t.Errorf("last event %+v", last)
	}
	// y and n on a case row say where they apply.
	cursorTo(t, dr, secOverdue, tm.ref("Ingrid"))
	dr.keys("y")
	if f := footer(dr); !strings.Contains(f, "Waiting for approval") {
		t.Errorf("y on a case row: footer %q", f)
	}
}

func TestBulkReassignMarkedCases(t *testing.T) {
	tm := seedTeam(t)
	kari := tm.desks["kari"]
	dr := overviewDriver(t, kari, "nb", 100, 30)
	cursorTo(t, dr, secOverdue, tm.ref("Ingrid"))
	dr.keys(" ") // marks and moves on
	cursorTo(t, dr, secUnassigned, tm.ref("Tor"))
	dr.keys("x")
	if v := dr.m.View(); !strings.Contains(v, "2 merket") || strings.Count(v, "✓") != 2 {
		t.Fatalf("marks not shown:\n%s", v)
	}
	dr.keys("A")
	if !strings.Contains(dr.m.View(), "Tildel 2 saker til") {
		t.Fatalf("no prompt:\n%s", dr.m.View())
	}
	// Tab completes from the handlers with open cases.
	dr.typeText("p")
	dr.keys("tab", "enter")
	for _, n := range []string{"Ingrid", "Tor"} {
		if got := stored(t, kari, tm.ref(n)).Case.Assignee; got != "per" {
			t.Errorf("%s's case: assignee %q, want per", n, got)
		}
	}
	if f := footer(dr); !strings.Contains(f, "2 saker tildelt per") {
		t.Errorf("footer = %q", f)
	}
	if len(dr.m.overview.marked) != 0 {
		t.Errorf("marks left: %v", dr.m.overview.marked)
	}
	// Per now has Ingrid's overdue case too.
	for _, l := range dr.m.overview.ov.Load {
		if l.Handler == "per" && (l.Open != 4 || l.Overdue != 2) {
			t.Errorf("per's load %+v", l)
		}
	}
}

// A marked case someone else moved since the lead saw it is left alone
// and named in the footer; the others are reassigned.
func TestBulkReassignReportsConflictsPerCase(t *testing.T) {
	tm := seedTeam(t)
	kari := tm.desks["kari"]
	dr := overviewDriver(t, kari, "nb", 100, 30)
	cursorTo(t, dr, secOverdue, tm.ref("Jonas"))
	dr.keys(" ")
	cursorTo(t, dr, secDueSoon, tm.ref("Sara"))
	dr.keys(" ")
	// Per hands Jonas's case on to ola meanwhile, at 10:00 by the clock.
	tm.act("per", "Jonas", func(d *desk.Desk, id, v int64) (*dsr.Case, error) {
		return d.Assign(context.Background(), id, v, "ola")
	})
	dr.keys("A")
	dr.typeText("kari")
	dr.keys("enter")
	f := footer(dr)
	if !strings.Contains(f, "1 av 2 saker tildelt kari") || !strings.Contains(f, tm.ref("Jonas")+" endret av per kl. 10:00") {
		t.Errorf("footer = %q", f)
	}
	if got := stored(t, kari, tm.ref("Jonas")).Case.Assignee; got != "ola" {
		t.Errorf("the conflicting case was reassigned to %q", got)
	}
	if got := stored(t, kari, tm.ref("Sara")).Case.Assignee; got != "kari" {
		t.Errorf("Sara's case: %q", got)
	}
	// The failed one stays marked for another go.
	det := stored(t, kari, tm.ref("Jonas"))
	if !dr.m.overview.marked[det.Case.ID] || len(dr.m.overview.marked) != 1 {
		t.Errorf("marks after: %v", dr.m.overview.marked)
	}
}

// With nothing marked, A reassigns the case under the cursor, starting
// from its handler.
func TestReassignCurrentCase(t *testing.T) {
	tm := seedTeam(t)
	kari := tm.desks["kari"]
	dr := overviewDriver(t, kari, "en", 100, 30)
	cursorTo(t, dr, secPaused, tm.ref("Liv"))
	dr.keys("A")
	if !strings.Contains(dr.m.View(), "> kari") {
		t.Fatalf("the prompt does not start from the handler:\n%s", dr.m.View())
	}
	dr.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	dr.typeText("ola")
	dr.keys("enter")
	if got := stored(t, kari, tm.ref("Liv")).Case.Assignee; got != "ola" {
		t.Errorf("assignee %q", got)
	}
	if f := footer(dr); !strings.Contains(f, tm.ref("Liv")+" assigned to ola") {
		t.Errorf("footer = %q", f)
	}
}

func TestOverviewEnterOpensCaseAndEscReturns(t *testing.T) {
	tm := seedTeam(t)
	dr := overviewDriver(t, tm.desks["kari"], "nb", 100, 30)
	ref := tm.ref("Jonas")
	cursorTo(t, dr, secOverdue, ref)
	dr.keys("enter")
	if dr.m.page != pageCase || dr.m.caseP == nil || dr.m.caseP.ref != ref || dr.m.caseP.detail == nil {
		t.Fatalf("enter did not open %s", ref)
	}
	// Work the case from there: the overview shows it when back.
	dr.keys("a")
	dr.keys("esc")
	if dr.m.page != pageOverview {
		t.Fatalf("esc went to page %d", dr.m.page)
	}
	if it, _ := dr.m.overview.current(); it.sec != secOverdue {
		t.Errorf("the cursor moved to section %d", it.sec)
	}
	if _, r := dr.m.overview.caseOf(dr.m.overview.items[dr.m.overview.cursor]); r != ref {
		t.Errorf("the cursor is on %s, want %s", r, ref)
	}
	if v := dr.m.View(); !strings.Contains(v, "▸  "+ref) || !strings.Contains(v, "Jonas Lie") {
		t.Errorf("overview after the case:\n%s", v)
	}
	row := dr.m.overview.rows(secOverdue)[1]
	if row.Assignee != "kari" {
		t.Errorf("the overview was not read again: %+v", row)
	}
	// And esc again goes to the inbox, f to the figures and back.
	dr.keys("f")
	if dr.m.page != pageFigures {
		t.Fatal("f did not open the figures")
	}
	dr.keys("esc")
	if dr.m.page != pageOverview {
		t.Fatal("esc from the figures did not return to the overview")
	}
	dr.keys("esc")
	if dr.m.page != pageInbox || dr.m.overview != nil {
		t.Fatal("esc from the overview did not return to the inbox")
	}
}

// A handler's extension is not an error: the footer says it waits for a
// lead, and it shows on the lead's overview.
func TestHandlerExtensionWaitsForLead(t *testing.T) {
	tm := seedTeam(t)
	dr := newDriver(t, Options{Desk: tm.desks["ola"]}, 100, 30)
	dr.openRef(tm.ref("Nils"))
	dr.keys("e")
	dr.typeText("Mye data")
	dr.keys("enter")
	if f := footer(dr); !strings.Contains(f, "forlengelse sendt til teamleder") || strings.Contains(f, "kunne ikke") {
		t.Errorf("footer = %q", f)
	}
	lead := overviewDriver(t, tm.desks["kari"], "nb", 100, 30)
	if n := lead.m.overview.count(secApprovals); n != 2 {
		t.Errorf("%d requests waiting, want 2", n)
	}
}

// The overview fits every terminal from 80x24 to wide, scrolled to the
// end and with the prompt open, in both languages.
func TestOverviewWidths(t *testing.T) {
	tm := seedTeam(t)
	for _, lang := range []string{"nb", "en"} {
		for _, sz := range [][2]int{{80, 24}, {100, 30}, {160, 50}, {60, 15}} {
			w, h := sz[0], sz[1]
			dr := overviewDriver(t, tm.desks["kari"], lang, w, h)
			check := func(what string) {
				t.Helper()
				v := dr.m.View()
				if n := strings.Count(v, "\n") + 1; n != h {
					t.Errorf("%s %dx%d %s: %d lines, want %d", lang, w, h, what, n, h)
				}
				checkFits(t, v, w, h)
			}
			check("top")
			dr.keys("G")
			check("end")
			dr.keys("?")
			check("full help")
			dr.keys("?", "A")
			check("reassign prompt")
			dr.keys("esc", "f")
			check("figures")
			dr.keys("G")
			check("figures end")
			dr.keys("m", "[")
			check("figures, a quarter")
		}
	}
}

func TestOverviewTinyTerminals(t *testing.T) {
	tm := seedTeam(t)
	dr := overviewDriver(t, tm.desks["kari"], "en", 100, 30)
	for _, sz := range [][2]int{{1, 1}, {10, 3}, {20, 5}, {30, 8}, {40, 2}} {
		w, h := sz[0], sz[1]
		dr.send(tea.WindowSizeMsg{Width: w, Height: h})
		checkFits(t, dr.m.View(), w, h)
		dr.keys("G", "f")
		checkFits(t, dr.m.View(), w, h)
		dr.keys("G", "esc")
		checkFits(t, dr.m.View(), w, h)
	}
}

// Names, reasons and references typed by strangers or staff reach the lead
// screens cleaned: a hostile requester, a handler whose name and reason
// carry escape sequences, an extension and a refusal with hostile reasons.
func TestLeadScreensNeverDrawRawText(t *testing.T) {
	d := hostileDesk(t)
	ctx := context.Background()
	ola := desk.New(d.Store(), desk.Options{Now: func() time.Time { return fixedNow }, User: "ola" + hostile,
		Leads: []string{"kari"}, Systems: testSystems})
	rows, err := d.Inbox(ctx, desk.ScopeOpen)
	if err != nil || len(rows) != 2 {
		t.Fatalf("inbox: %d rows, %v", len(rows), err)
	}
	first, second := rows[0], rows[1]
	cs, err := d.Extend(ctx, first.ID, stored(t, d, first.Ref).Case.Version, "Grunn "+hostile)
	if err != nil {
		t.Fatal(err)
	}
	var asked *desk.NeedsApprovalError
	if _, err := ola.SetStatus(ctx, cs.ID, cs.Version, dsr.StatusRefused, "Avslag "+hostile); !errors.As(err, &asked) {
		t.Fatalf("handler refusal: %v", err)
	}
	if _, err := d.SetStatus(ctx, second.ID, stored(t, d, second.Ref).Case.Version, dsr.StatusRefused, "Nei "+hostile); err != nil {
		t.Fatal(err)
	}
	for _, sz := range [][2]int{{80, 24}, {160, 50}} {
		w, h := sz[0], sz[1]
		dr := overviewDriver(t, d, "nb", w, h)
		if dr.m.overview.count(secApprovals) != 1 {
			t.Fatalf("the hostile request is not on the overview:\n%s", dr.m.View())
		}
		assertSafe(t, fmt.Sprintf("overview %dx%d", w, h), dr.m.View())
		checkFits(t, dr.m.View(), w, h)
		if v := dr.m.View(); !strings.Contains(v, "Avslag RØD") || !strings.Contains(v, "olaRØD") {
			// The test means something only if the text is on screen.
			t.Errorf("the hostile request is not drawn at all:\n%s", v)
		}
		dr.keys("A")
		assertSafe(t, "reassign prompt", dr.m.View())
		checkFits(t, dr.m.View(), w, h)
		dr.keys("esc", "f")
		if len(dr.m.figures.f.Extensions) != 1 || len(dr.m.figures.f.Refusals) != 1 {
			t.Fatalf("figures without the hostile reasons: %+v", dr.m.figures.f)
		}
		assertSafe(t, fmt.Sprintf("figures %dx%d", w, h), dr.m.View())
		assertSafe(t, "figures content", dr.m.figures.content)
		if c := dr.m.figures.content; !strings.Contains(c, "Grunn RØD") || !strings.Contains(c, "Nei RØD") {
			t.Errorf("the hostile reasons are not drawn at all:\n%s", c)
		}
		checkFits(t, dr.m.View(), w, h)
	}
}

// New mail shows on an open overview as it arrives, as in the inbox.
func TestOverviewFollowsLiveIntake(t *testing.T) {
	tm := seedTeam(t)
	dr := overviewDriver(t, tm.desks["kari"], "nb", 100, 30)
	cursorTo(t, dr, secOverdue, tm.ref("Jonas"))
	tm.receive("Mona Berg", "Slett meg", dsr.Erasure)
	dr.send(watchEventsMsg{evs: []desk.WatchEvent{{State: desk.WatchSynced, NewCases: 1, At: fixedNow}}})
	if n := dr.m.overview.count(secUnassigned); n != 3 {
		t.Errorf("%d unassigned after new mail, want 3", n)
	}
	if _, r := dr.m.overview.caseOf(dr.m.overview.items[dr.m.overview.cursor]); r != tm.ref("Jonas") {
		t.Errorf("the reload moved the cursor to %s", r)
	}
}

// A handler may not move a colleague's case: the case page says it is
// for leads, in the desk's language, and the case stays where it was.
func TestHandlerCannotReassignAColleaguesCase(t *testing.T) {
	tm := seedTeam(t)
	dr := newDriver(t, Options{Desk: tm.desks["ola"]}, 100, 30)
	dr.openRef(tm.ref("Jonas"))
	dr.keys("A")
	dr.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	dr.typeText("ola")
	dr.keys("enter")
	if f := footer(dr); !strings.Contains(f, "bare en teamleder kan gjøre dette") {
		t.Errorf("footer = %q", f)
	}
	if got := stored(t, tm.desks["ola"], tm.ref("Jonas")).Case.Assignee; got != "per" {
		t.Errorf("assignee %q, want per", got)
	}
}

// The inbox's full help names o for a lead, not for a handler.
func TestOverviewKeyInHelp(t *testing.T) {
	tm := seedTeam(t)
	for user, want := range map[string]bool{"kari": true, "ola": false} {
		dr := newDriver(t, Options{Desk: tm.desks[user]}, 100, 30)
		dr.keys("?")
		if got := strings.Contains(dr.m.View(), "o oversikt"); got != want {
			t.Errorf("%s: o in the full help = %v, want %v", user, got, want)
		}
	}
}
