package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/magnetharstad/pvdesk/internal/desk"
)

// waitFor waits until the program has drawn every one of the strings.
func waitFor(t *testing.T, tm *teatest.TestModel, want ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
		for _, w := range want {
			if !bytes.Contains(out, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func finalView(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
}

func TestInboxGolden(t *testing.T) {
	m := New(Options{Desk: demoDesk(t), Language: "nb"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "PV-2026-0001", "aldri synkronisert")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

func TestCaseGolden(t *testing.T) {
	m := New(Options{Desk: demoDesk(t), Language: "nb"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "PV-2026-0001")
	// Find Roar's case with the filter, as a handler would, and open it.
	tm.Type("/roar")
	waitFor(t, tm, "1/29")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Tråd (2)", "Sendt fra min iPhone")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

func TestCaseHistoryGolden(t *testing.T) {
	m := New(Options{Desk: demoDesk(t), Language: "en"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "PV-2026-0001")
	tm.Type("/roar")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Thread (2)")
	// Thread, checklist, history.
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	waitFor(t, tm, "message.threaded")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

// An access request half way: identity and two of the per-system
// searches ticked through the desk, as a handler would have, and the
// checklist tab open.
func TestChecklistGolden(t *testing.T) {
	d := demoDesk(t)
	ctx := context.Background()
	det, err := d.CaseByRef(ctx, "PV-2026-0005")
	if err != nil {
		t.Fatal(err)
	}
	c := &det.Case
	for _, step := range []string{"identity", "searched:Nyhetsbrev", "searched:CRM"} {
		if c, err = d.MarkStep(ctx, c.ID, c.Version, step, true, ""); err != nil {
			t.Fatal(err)
		}
	}
	tm := teatest.NewTestModel(t, New(Options{Desk: d, Language: "nb"}), teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "PV-2026-0001")
	tm.Type("/whitfield")
	waitFor(t, tm, "1/29")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Sjekkliste 3/8")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	waitFor(t, tm, "[x] Søkt i CRM")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

// refs lists the case references on screen, top to bottom.
func refs(view string) []string {
	var out []string
	for _, f := range strings.Fields(view) {
		if strings.HasPrefix(f, "PV-2026-") {
			out = append(out, f)
		}
	}
	return out
}

func TestFilterNarrowsAsYouTypeAndEscRestores(t *testing.T) {
	dr := newDriver(t, Options{Desk: demoDesk(t)}, 100, 30)
	all := dr.m.inbox.visible()
	if all != 29 {
		t.Fatalf("open cases = %d, want 29", all)
	}
	dr.keys("/")
	if !dr.m.inbox.Typing() {
		t.Fatal("/ did not start the filter")
	}
	counts := []int{all}
	for _, r := range "slett" {
		dr.typeText(string(r))
		counts = append(counts, dr.m.inbox.visible())
	}
	for i := 1; i < len(counts); i++ {
		if counts[i] > counts[i-1] {
			t.Errorf("typing widened the list: %v", counts)
		}
	}
	// sletting is a right; the rows are the erasure cases, still by due date.
	got := dr.m.inbox.visible()
	if got == 0 || got >= all {
		t.Fatalf("\"slett\" kept %d of %d rows", got, all)
	}
	for pos := range got {
		r := dr.m.inbox.row(pos)
		if !strings.Contains(strings.ToLower(r.Subject), "slett") && !strings.Contains(dr.m.c.T.RightsShort(r.Rights), "sletting") {
			t.Errorf("%s %q (%s) matched \"slett\"", r.Ref, r.Subject, r.Rights)
		}
		if pos > 0 && r.DueAt().Before(dr.m.inbox.row(pos-1).DueAt()) {
			t.Errorf("filtered rows are not by due date at %d", pos)
		}
	}
	view := dr.m.View()
	if !strings.Contains(view, "/ slett") || !strings.Contains(view, fmt.Sprintf("%d/%d", got, all)) {
		t.Errorf("filter line or count missing:\n%s", view)
	}

	// Backspace widens again, to exactly what the shorter query found.
	dr.keys("backspace", "backspace")
	if n := dr.m.inbox.visible(); n != counts[3] {
		t.Errorf("after backspace to %q: %d rows, want %d", dr.m.inbox.query, n, counts[3])
	}

	dr.keys("esc")
	if dr.m.inbox.Typing() || dr.m.inbox.query != "" || dr.m.inbox.visible() != all {
		t.Errorf("esc: typing=%v query=%q rows=%d, want every row back",
			dr.m.inbox.Typing(), dr.m.inbox.query, dr.m.inbox.visible())
	}
}

func TestFilterMatches(t *testing.T) {
	dr := newDriver(t, Options{Desk: demoDesk(t)}, 100, 30)
	for _, tc := range []struct {
		query string
		want  string // a ref that must be among the matches
		only  bool   // and the only one
	}{
		{"roar", "PV-2026-0002", true},            // requester name
		{"ROAR.P@EXAMPLE", "PV-2026-0002", true},  // address, any case
		{"bjorn asheim", "PV-2026-0011", true},    // accents folded: Bjørn Åsheim
		{"nrdmn", "", false},                      // fuzzy, but nobody is called that
		{"pv-2026-0005", "PV-2026-0005", true},    // reference
		{"kamera bilskilt", "PV-2026-0003", true}, // two words of the subject
		{"automatisert", "PV-2026-0006", false},   // a right by its short name
		{"erasure", "PV-2026-0002", false},        // a right by its identifier
		{"whtfld", "PV-2026-0005", true},          // fuzzy inside one word
		{"slttng", "PV-2026-0002", false},         // fuzzy on a right's name
		{"zzz", "", true},                         // nothing
	} {
		dr.keys("/")
		dr.typeText(tc.query)
		var got []string
		for pos := range dr.m.inbox.visible() {
			got = append(got, dr.m.inbox.row(pos).Ref)
		}
		switch {
		case tc.want == "" && tc.only && len(got) != 0:
			t.Errorf("%q matched %v, want nothing", tc.query, got)
		case tc.want != "" && tc.only && (len(got) != 1 || got[0] != tc.want):
			t.Errorf("%q matched %v, want only %s", tc.query, got, tc.want)
		case tc.want != "" && !strings.Contains(strings.Join(got, " "), tc.want):
			t.Errorf("%q matched %v, want %s among them", tc.query, got, tc.want)
		}
		dr.keys("esc")
	}
}

func TestNavigation(t *testing.T) {
	dr := newDriver(t, Options{Desk: demoDesk(t)}, 100, 30)
	in := dr.m.inbox
	dr.keys("j", "j", "j", "k")
	if in.cursor != 2 {
		t.Fatalf("cursor after j j j k = %d, want 2", in.cursor)
	}
	if got := refs(dr.m.View()); len(got) < 3 || got[2] != in.selected().Ref {
		t.Fatalf("rows on screen %v, cursor on %s", got, in.selected().Ref)
	}
	if !strings.Contains(dr.m.View(), "▸ "+in.selected().Ref) {
		t.Errorf("cursor mark not on the selected row")
	}
	ref := in.selected().Ref
	dr.keys("enter")
	if dr.m.page != pageCase || dr.m.caseP == nil || dr.m.caseP.detail == nil {
		t.Fatalf("enter did not open a loaded case: page=%v", dr.m.page)
	}
	if v := dr.m.View(); !strings.HasPrefix(v, "Sak "+ref) {
		t.Fatalf("case page does not start with its reference:\n%s", v)
	}
	// The thread scrolls with j and pgdown.
	dr.keys("j", "pgdown")
	if dr.m.caseP.vp.YOffset == 0 {
		t.Error("j/pgdown did not scroll the thread")
	}
	dr.keys("tab")
	if dr.m.caseP.tab != tabChecklist || !strings.Contains(dr.m.View(), "[ ] ") {
		t.Error("tab did not show the checklist")
	}
	dr.keys("tab")
	if dr.m.caseP.tab != tabHistory || !strings.Contains(dr.m.View(), "case.opened") {
		t.Error("a second tab did not show the history")
	}
	dr.keys("esc")
	if dr.m.page != pageInbox || in.cursor != 2 {
		t.Fatalf("esc: page=%v cursor=%d, want the inbox with the cursor kept", dr.m.page, in.cursor)
	}

	// The filter survives a visit to a case, and G/g go to the ends.
	dr.keys("/")
	dr.typeText("ny")
	dr.keys("enter")
	n := in.visible()
	dr.keys("esc")
	if dr.m.page != pageInbox || in.query != "ny" || in.visible() != n {
		t.Fatalf("after esc from the case: page=%v query=%q rows=%d", dr.m.page, in.query, in.visible())
	}
	dr.keys("G")
	if in.cursor != n-1 {
		t.Errorf("G: cursor %d, want %d", in.cursor, n-1)
	}
	dr.keys("g")
	if in.cursor != 0 {
		t.Errorf("g: cursor %d, want 0", in.cursor)
	}
	// esc outside the filter line clears an applied filter.
	dr.keys("esc")
	if in.query != "" {
		t.Errorf("esc left the filter %q", in.query)
	}
}

func TestCaseThatCannotBeOpened(t *testing.T) {
	dr := newDriver(t, Options{Desk: demoDesk(t), Language: "en"}, 80, 24)
	dr.send(openCaseMsg{id: 99999, ref: "PV-2026-9999"})
	v := dr.m.View()
	if !strings.Contains(v, "could not open the case") {
		t.Fatalf("no error state:\n%s", v)
	}
	checkFits(t, v, 80, 24)
	dr.keys("j") // clears the footer, not the page
	if !strings.Contains(dr.m.View(), "could not open the case") {
		t.Error("the error state went away on a key")
	}
	dr.keys("esc")
	if dr.m.page != pageInbox {
		t.Error("esc did not go back")
	}
}

func TestScopeCycles(t *testing.T) {
	dr := newDriver(t, Options{Desk: demoDesk(t), Language: "en"}, 100, 30)
	for _, want := range []string{"Inbox · all 36", "Inbox · mine 0", "Inbox · unassigned 29", "Inbox · open 29"} {
		dr.keys("tab")
		if v := dr.m.View(); !strings.Contains(v, want) {
			t.Errorf("title missing %q:\n%s", want, strings.SplitN(v, "\n", 2)[0])
		}
	}
}

func TestQuitKeys(t *testing.T) {
	dr := newDriver(t, Options{Desk: demoDesk(t)}, 100, 30)
	dr.keys("/")
	// q is a letter while filtering...
	if _, cmd := dr.m.Update(keyMsg("q")); cmd != nil {
		if _, ok := cmd().(tea.QuitMsg); ok {
			t.Fatal("q quit while typing a filter")
		}
	}
	// ...but ctrl+c always quits.
	_, cmd := dr.m.Update(keyMsg("ctrl+c"))
	if cmd == nil {
		t.Fatal("ctrl+c did nothing")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("ctrl+c did not quit")
	}
}

func TestWidths(t *testing.T) {
	for _, lang := range []string{"nb", "en"} {
		for _, sz := range [][2]int{{80, 24}, {100, 30}, {160, 50}, {60, 15}} {
			w, h := sz[0], sz[1]
			t.Run(fmt.Sprintf("%s-%dx%d", lang, w, h), func(t *testing.T) {
				dr := newDriver(t, Options{Desk: demoDesk(t), Language: lang}, w, h)
				check := func(what string) {
					t.Helper()
					v := dr.m.View()
					if n := strings.Count(v, "\n") + 1; n != h {
						t.Errorf("%s: %d lines, want the full %d", what, n, h)
					}
					checkFits(t, v, w, h)
				}
				check("inbox")
				dr.keys("?")
				check("inbox full help")
				dr.keys("?", "/")
				dr.typeText("sletting innsyn")
				check("inbox filtering")
				dr.keys("esc", "tab")
				check("inbox, all")
				// Every case, both tabs, scrolled to the end.
				for pos := range dr.m.inbox.visible() {
					dr.m.inbox.cursor = pos
					dr.keys("enter")
					check("case " + dr.m.caseP.ref)
					dr.keys("G")
					check("case end " + dr.m.caseP.ref)
					dr.keys("tab")
					check("history " + dr.m.caseP.ref)
					dr.keys("esc")
				}
			})
		}
	}
}

func TestWatchInBackground(t *testing.T) {
	d := demoDesk(t)
	release := make(chan struct{})
	watch := func(ctx context.Context, events chan<- desk.WatchEvent) {
		events <- desk.WatchEvent{State: desk.WatchConnecting}
		events <- desk.WatchEvent{State: desk.WatchSyncing, Progress: desk.SyncProgress{Mailbox: "INBOX", Done: 120, Total: 400}, Rate: 350.4}
		select {
		case <-release:
		case <-ctx.Done():
			return
		}
		events <- desk.WatchEvent{State: desk.WatchSynced, NewCases: 3, At: fixedNow}
		<-ctx.Done()
	}
	tm := teatest.NewTestModel(t, New(Options{Desk: d, Language: "nb", Watch: watch}), teatest.WithInitialTermSize(100, 30))
	// The inbox is usable while the sync runs.
	waitFor(t, tm, "henter 120/400 · 350/s", "PV-2026-0001")
	tm.Send(keyMsg("j"))
	close(release)
	waitFor(t, tm, "synkronisert 10:00 · 3 nye")
	v := finalView(t, tm)
	if !strings.Contains(v, "▸ PV-2026-0002") {
		t.Errorf("the reload after the sync moved the cursor:\n%s", v)
	}
}

// A disconnect is a state, not a passing error: it stays on the status
// line, cleaned of whatever the error quoted, until intake is back.
func TestWatchDisconnectIsCleaned(t *testing.T) {
	watch := func(ctx context.Context, events chan<- desk.WatchEvent) {
		events <- desk.WatchEvent{State: desk.WatchDisconnected, RetryAt: time.Now().Add(30 * time.Second),
			Err: errors.New("dial tcp: connection refused \x1b]0;pwned\a")}
		<-ctx.Done()
	}
	tm := teatest.NewTestModel(t, New(Options{Desk: demoDesk(t), Language: "en", Watch: watch}), teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "disconnected – retrying in", "dial tcp: connection refused")
	tm.Send(keyMsg("j"))
	v := finalView(t, tm)
	if !strings.Contains(v, "disconnected") || strings.Contains(v, "pwned") || strings.Contains(v, "\x1b") {
		t.Errorf("status line after a key:\n%s", v)
	}
}

// A terminal shrunk to almost nothing must not panic or overflow; the help
// bar gives way first.
func TestTinyTerminals(t *testing.T) {
	dr := newDriver(t, Options{Desk: demoDesk(t), Language: "en"}, 100, 30)
	for _, sz := range [][2]int{{1, 1}, {10, 3}, {20, 5}, {30, 8}, {40, 2}} {
		w, h := sz[0], sz[1]
		dr.send(tea.WindowSizeMsg{Width: w, Height: h})
		checkFits(t, dr.m.View(), w, h)
		dr.keys("enter")
		checkFits(t, dr.m.View(), w, h)
		dr.keys("G", "tab", "?")
		checkFits(t, dr.m.View(), w, h)
		dr.keys("?", "esc", "/", "x")
		checkFits(t, dr.m.View(), w, h)
		dr.keys("esc")
	}
	dr.send(tea.WindowSizeMsg{Width: 0, Height: 0})
	if v := dr.m.View(); v != "" {
		t.Errorf("a zero-size terminal got %q", v)
	}
}

// A reload (r, or the end of a sync) keeps the screen still: same case
// under the cursor, on the same line, under the same filter.
func TestReloadKeepsTheScreenStill(t *testing.T) {
	dr := newDriver(t, Options{Desk: demoDesk(t)}, 80, 24)
	dr.keys("/")
	dr.typeText("e")
	for range 25 {
		dr.keys("down")
	}
	for range 10 {
		dr.keys("up") // to the middle of the screen
	}
	if dr.m.inbox.offset == 0 || dr.m.inbox.query != "e" {
		t.Fatalf("offset %d, query %q: the test needs a scrolled, filtered list", dr.m.inbox.offset, dr.m.inbox.query)
	}
	page := func() string { return strings.Join(strings.Split(dr.m.View(), "\n")[:20], "\n") }
	before := page()
	dr.send(watchEventsMsg{evs: []desk.WatchEvent{{State: desk.WatchSynced, NewCases: 1}}})
	if after := page(); after != before {
		t.Errorf("reload moved the screen:\n%s\n---\n%s", before, after)
	}
}
