package ui

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/mail"
	"github.com/magnetharstad/pvdesk/store"
	"github.com/muesli/termenv"
)

// fixedNow is the desk clock in tests: a Wednesday morning in Harstad.
var fixedNow = time.Date(2026, 11, 25, 10, 0, 0, 0, deadline.Oslo)

func TestMain(m *testing.M) {
	// No colour codes in the goldens, and none for the sanitisation tests
	// to confuse with codes smuggled in by a message.
	lipgloss.SetColorProfile(termenv.Ascii)
	code := m.Run()
	removeBenchDBs()
	os.Exit(code)
}

// testSystems are the default desk.systems, so per-system checklist steps
// expand as they do for a handler.
var testSystems = []string{"Nyhetsbrev", "CRM", "Regnskap", "Nettside og informasjonskapsler"}

// newDesk opens a real store in a temporary directory with the fixed clock.
//
// cls classifies; nil uses the real classifier.
func newDesk(t testing.TB, cls func(classify.Input) classify.Result) *desk.Desk {
	t.Helper()
	return deskAt(t, filepath.Join(t.TempDir(), "pv.db"), "kari", cls)
}

// deskAt opens the store at path as user, with the fixed clock. Two desks
// on one file are two handlers at two desks. with changes the options
// further (a mailer for the reply tests).
func deskAt(t testing.TB, path, user string, cls func(classify.Input) classify.Result, with ...func(*desk.Options)) *desk.Desk {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	o := desk.Options{Now: func() time.Time { return fixedNow }, User: user, Classify: cls, Systems: testSystems}
	for _, f := range with {
		f(&o)
	}
	return desk.New(st, o)
}

// demoDesk is a desk holding the demo sample mail, ingested oldest first
// with UIDs 1..n as the demo server would hand them out.
//
// The rights come from the labels in the demo manifest (see
// manifestClassifier), not from internal/classify, so that tuning the
// classifier does not change these screens. A change to the demo mail
// does: review it and refresh the goldens with go test ./ui -update.
func demoDesk(t testing.TB) *desk.Desk {
	t.Helper()
	return demoDeskAt(t, filepath.Join(t.TempDir(), "pv.db"))
}

// demoDeskAt is demoDesk on the database file at path, so a test can open
// a second desk on it: a colleague at another desk.
func demoDeskAt(t testing.TB, path string, with ...func(*desk.Options)) *desk.Desk {
	t.Helper()
	msgs, err := mail.DemoMessages()
	if err != nil {
		t.Fatal(err)
	}
	slices.SortStableFunc(msgs, func(a, b mail.DemoMessage) int {
		switch {
		case a.DaysAgo > b.DaysAgo:
			return -1
		case a.DaysAgo < b.DaysAgo:
			return 1
		}
		return 0
	})
	raws := make([]string, len(msgs))
	for i, m := range msgs {
		at := mail.DemoArrival(fixedNow, m.DaysAgo)
		date := at.Add(-5 * time.Second).In(deadline.Oslo).Format("Mon, 02 Jan 2006 15:04:05 -0700")
		raws[i] = strings.ReplaceAll(string(m.Raw), "{{DATE}}", date)
	}
	d := deskAt(t, path, "kari", manifestClassifier(msgs, raws), with...)
	for i, m := range msgs {
		ingest(t, d, uint32(i+1), mail.DemoArrival(fixedNow, m.DaysAgo), raws[i])
	}
	return d
}

// manifestClassifier answers with the labels the demo manifest gives each
// sample, and finds evidence by a few trigger words per right, so the case
// page has phrases to show.
func manifestClassifier(msgs []mail.DemoMessage, raws []string) func(classify.Input) classify.Result {
	type key struct{ from, subject string }
	known := make(map[key]mail.DemoMessage)
	for i, m := range msgs {
		p := mail.Parse([]byte(raws[i]))
		known[key{p.From.Addr, p.Subject}] = m
	}
	return func(in classify.Input) classify.Result {
		m, ok := known[key{in.From, in.Subject}]
		if !ok {
			return classify.Result{}
		}
		lang, _, _ := strings.Cut(m.Note, ";")
		lang, _, _ = strings.Cut(lang, "/")
		res := classify.Result{Language: lang}
		for i, l := range m.Labels {
			r := dsr.Right(l)
			res.Labels = append(res.Labels, classify.Label{
				Right: r, Confidence: 0.95 - 0.07*float64(i), Evidence: evidence(in.Subject+"\n"+in.Body, r),
			})
		}
		return res
	}
}

// triggers are the words the test classifier quotes as evidence.
var triggers = map[dsr.Right][]string{
	dsr.Access:             {"innsyn", "access", "kopi", "copy"},
	dsr.Rectification:      {"adresse", "rett", "feil", "address", "correct"},
	dsr.Erasure:            {"slett", "delete", "fjern meg", "fjerne", "erase"},
	dsr.Restriction:        {"ikke slett", "ikkje slett", "do not delete", "begrens", "restrict"},
	dsr.Portability:        {"csv", "json", "portab", "overfør", "transfer", "export"},
	dsr.ObjectionMarketing: {"avmeld", "nyhetsbrev", "reklame", "sms", "marketing", "ads", "tilbud"},
	dsr.Objection:          {"protest", "motsett", "object", "innsigelse"},
	dsr.WithdrawConsent:    {"samtykke", "consent", "informasjonskapsl", "cookie"},
	dsr.Information:        {"hvordan", "korleis", "what does", "hvor har", "informasjon"},
	dsr.AutomatedDecision:  {"automat", "computer", "maskin", "human"},
	dsr.Complaint:          {"klage", "complain", "datatilsynet"},
}

// evidence quotes up to two phrases of text that start with a trigger of
// r: the trigger's word and the next two, as written.
func evidence(text string, r dsr.Right) []string {
	lower := strings.ToLower(text)
	var out []string
	for _, tr := range triggers[r] {
		i := strings.Index(lower, tr)
		if i < 0 || len(lower) != len(text) {
			continue
		}
		for i > 0 && text[i-1] != ' ' && text[i-1] != '\n' {
			i--
		}
		line, _, _ := strings.Cut(text[i:min(len(text), i+60)], "\n")
		words := strings.Fields(line)
		phrase := strings.Join(words[:min(3, len(words))], " ")
		if !slices.Contains(out, phrase) {
			out = append(out, strings.Trim(phrase, ".,:;!?"))
		}
		if len(out) == 2 {
			break
		}
	}
	return out
}

func ingest(t testing.TB, d *desk.Desk, uid uint32, at time.Time, raw string) desk.IngestResult {
	t.Helper()
	res, err := d.Ingest(context.Background(), desk.Incoming{
		Mailbox: "INBOX", UIDValidity: 1, UID: uid, InternalDate: at,
		Size: int64(len(raw)), Raw: []byte(raw),
	})
	if err != nil {
		t.Fatalf("ingest UID %d: %v", uid, err)
	}
	return res
}

// driver runs a root model without a terminal: it applies messages and
// runs the commands they return, synchronously, until nothing is left.
// Timers (the spinner, the reconnect countdown) are not run: the messages
// they would send wait in ticks, and the wall clock is wall, so a test
// moves time on by hand.
type driver struct {
	t     testing.TB
	m     *model
	ticks []tea.Msg
	wall  time.Time
}

func newDriver(t testing.TB, o Options, width, height int) *driver {
	t.Helper()
	if o.Language == "" {
		o.Language = "nb"
	}
	dr := &driver{t: t, m: New(o).(*model), wall: time.Now()}
	dr.m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd {
		dr.ticks = append(dr.ticks, msg)
		return nil
	}
	dr.m.wall = func() time.Time { return dr.wall }
	dr.run(dr.m.Init())
	dr.send(tea.WindowSizeMsg{Width: width, Height: height})
	return dr
}

func (dr *driver) send(msg tea.Msg) {
	dr.t.Helper()
	_, cmd := dr.m.Update(msg)
	dr.run(cmd)
}

func (dr *driver) run(cmd tea.Cmd) {
	dr.t.Helper()
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 1000 {
			dr.t.Fatal("commands do not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		// tea.Sequence's message is an unexported []tea.Cmd: run its
		// commands first, in order, as the program would.
		if rv := reflect.ValueOf(msg); rv.Kind() == reflect.Slice && rv.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			seq := make([]tea.Cmd, rv.Len())
			for i := range seq {
				seq[i] = rv.Index(i).Interface().(tea.Cmd)
			}
			queue = append(seq, queue...)
			continue
		}
		switch msg := msg.(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			_, next := dr.m.Update(msg)
			queue = append(queue, next)
		}
	}
}

// openRef opens the case ref from the inbox, as enter on its row does.
func (dr *driver) openRef(ref string) {
	dr.t.Helper()
	in := dr.m.inbox
	for pos := range in.visible() {
		if in.row(pos).Ref == ref {
			in.cursor = pos
			in.clampScroll()
			dr.keys("enter")
			if dr.m.caseP == nil || dr.m.caseP.detail == nil {
				dr.t.Fatalf("%s did not open", ref)
			}
			return
		}
	}
	dr.t.Fatalf("%s is not in the inbox", ref)
}

// tick delivers the timer messages the model asked for, as if their time
// had come, and forgets them.
func (dr *driver) tick() {
	dr.t.Helper()
	ticks := dr.ticks
	dr.ticks = nil
	for _, msg := range ticks {
		dr.send(msg)
	}
}

// keys sends each string as one key press: a name bubbletea knows
// ("enter", "esc", "tab") or literal runes.
func (dr *driver) keys(keys ...string) {
	dr.t.Helper()
	for _, k := range keys {
		dr.send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	case " ":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// typeText sends one key press per rune, as a person types.
func (dr *driver) typeText(s string) {
	dr.t.Helper()
	for _, r := range s {
		dr.send(keyMsg(string(r)))
	}
}

// checkFits fails if any line of view is wider than width or the view is
// taller than height.
func checkFits(t testing.TB, view string, width, height int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > height {
		t.Errorf("%d lines, terminal has %d", len(lines), height)
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > width {
			t.Errorf("line %d is %d cells wide, terminal has %d: %q", i+1, w, width, l)
		}
	}
}
