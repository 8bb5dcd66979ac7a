package ui

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/reply"
	"github.com/magnetharstad/pvdesk/mail"
)

// Demo cases the reply tests write to: Roar's erasure request (nb, new)
// and Kjetil's marketing objection (nb, new), which needs no proof of
// identity, so the completion letter fits it straight away; Hilde's
// marketing objection comes with a complaint, whose answer is hers to
// get in the completion letter.
const (
	roarRef   = erasureRef
	kjetilRef = "PV-2026-0020"
	hildeRef  = "PV-2026-0013"
)

// smtpSink is a real SMTP server on 127.0.0.1 that keeps what it gets.
type smtpSink struct {
	mu   sync.Mutex
	got  [][]byte
	to   [][]string
	port int
}

func startSink(t *testing.T) *smtpSink {
	t.Helper()
	s := &smtpSink{}
	srv, err := mail.StartDemoSMTP(func(_ string, to []string, raw []byte) error {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.got = append(s.got, raw)
		s.to = append(s.to, to)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	_, port, err := net.SplitHostPort(srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	s.port, _ = strconv.Atoi(port)
	return s
}

func (s *smtpSink) messages() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.got)
}

// withMailer gives the desk a mailer that sends to 127.0.0.1 on the port
// port returns when a letter goes out, so a test can bring the server
// back after a failure.
func withMailer(port func() int) func(*desk.Options) {
	return func(o *desk.Options) {
		o.Replies = desk.ReplyConfig{Mailer: &desk.Mailer{
			From: mail.Address{Name: "Magnet AS", Addr: "post@magnetharstad.no"},
			SMTP: func(context.Context) (mail.SMTPConfig, error) {
				return mail.SMTPConfig{Host: "127.0.0.1", Port: port(), Security: "none", Timeout: 5 * time.Second}, nil
			},
		}}
	}
}

// sendingDesk is the demo desk with a mailer to sink.
func sendingDesk(t *testing.T, sink *smtpSink) *desk.Desk {
	t.Helper()
	return demoDeskAt(t, filepath.Join(t.TempDir(), "pv.db"), withMailer(func() int { return sink.port }))
}

// compose opens ref's case and its reply screen, as R does.
func (dr *driver) compose(ref string) *composePage {
	dr.t.Helper()
	dr.openRef(ref)
	dr.keys("R")
	cp := dr.m.compose
	if cp == nil || dr.m.page != pageCompose || !cp.loaded {
		dr.t.Fatalf("R did not open the reply screen for %s:\n%s", ref, dr.m.View())
	}
	return cp
}

// pickKind moves to the template of kind with j and k and presses enter.
func (dr *driver) pickKind(kind reply.Kind) {
	dr.t.Helper()
	cp := dr.m.compose
	for i, it := range cp.items {
		if it.draft != nil || it.kind != kind {
			continue
		}
		for cp.cursor < i {
			dr.keys("j")
		}
		for cp.cursor > i {
			dr.keys("k")
		}
		dr.keys("enter")
		return
	}
	dr.t.Fatalf("no %s template in the list", kind)
}

// draftsOf reads a case's unsent drafts from the store.
func draftsOf(t *testing.T, d *desk.Desk, ref string) []desk.Draft {
	t.Helper()
	drafts, err := d.Drafts(context.Background(), stored(t, d, ref).Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	return drafts
}

func wantInView(t *testing.T, dr *driver, want ...string) {
	t.Helper()
	v := dr.m.View()
	for _, w := range want {
		if !strings.Contains(v, w) {
			t.Errorf("view lacks %q:\n%s", w, v)
		}
	}
}

// The preview of a receipt for Roar's request, as the handler sees it
// after R and enter on the first template.
func TestComposeGolden(t *testing.T) {
	m := New(Options{Desk: demoDesk(t), Language: "nb"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "PV-2026-0001")
	tm.Type("/roar")
	waitFor(t, tm, "1/29")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Tråd (2)")
	tm.Type("R")
	waitFor(t, tm, "Passer for saken")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "ikke lagret")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

func TestComposeListsFittingTemplatesFirst(t *testing.T) {
	dr := newDriver(t, Options{Desk: demoDesk(t)}, 100, 30)
	cp := dr.compose(kjetilRef)
	var fit, rest []reply.Kind
	for _, it := range cp.items {
		if it.fits {
			fit = append(fit, it.kind)
		} else {
			rest = append(rest, it.kind)
		}
	}
	// A new marketing objection: no proof of identity is needed, so the
	// completion letter comes right after the receipt.
	if want := []reply.Kind{reply.Receipt, reply.Completion, reply.Clarification}; !slices.Equal(fit, want) {
		t.Errorf("fitting = %v, want %v", fit, want)
	}
	if len(fit)+len(rest) != len(reply.Kinds) {
		t.Errorf("%d templates listed, want %d", len(fit)+len(rest), len(reply.Kinds))
	}
	wantInView(t, dr, "Svar PV-2026-0020", "Til Kjetil Hanssen <kjetilh@example.net>", "Språk nb",
		"Passer for saken", "Andre maler", "▸ kvittering", "Kvittering for mottatt forespørsel",
		"gjennomført", "↑↓/jk flytt", "enter åpne", "esc tilbake")
	// esc goes back to the case.
	dr.keys("esc")
	if dr.m.page != pageCase || dr.m.compose != nil {
		t.Errorf("esc did not go back to the case")
	}
}

func TestComposeCompletionSends(t *testing.T) {
	sink := startSink(t)
	d := sendingDesk(t, sink)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	cp := dr.compose(kjetilRef)
	dr.pickKind(reply.Completion)
	if cp.step != stepPreview || cp.draft == nil {
		t.Fatalf("no preview after choosing completion:\n%s", dr.m.View())
	}
	if cp.check != nil {
		t.Fatalf("the completion letter fails its own check: %v", cp.check)
	}
	wantInView(t, dr, "Svar PV-2026-0020 · gjennomført", "ikke lagret", "Emne:", "s send", "d lagre utkast")

	dr.keys("s")
	wantInView(t, dr, "Send til kjetilh@example.net? y/n", "y ja", "n/esc nei")
	if got := len(sink.messages()); got != 0 {
		t.Fatalf("%d letters went out before the yes", got)
	}
	dr.keys("y")

	got := sink.messages()
	if len(got) != 1 || len(sink.to[0]) != 1 || sink.to[0][0] != "kjetilh@example.net" {
		t.Fatalf("the server got %d letters (to %v)", len(got), sink.to)
	}
	sent := mail.Parse(got[0])
	det := stored(t, d, kjetilRef)
	if det.Case.Status != dsr.StatusAnswered {
		t.Errorf("status = %s, want answered", det.Case.Status)
	}
	for _, st := range det.Steps {
		if st.ID == "reply" && !st.Done {
			t.Error("the reply step is not ticked")
		}
	}
	if len(draftsOf(t, d, kjetilRef)) != 0 {
		t.Error("the sent letter is still a draft")
	}
	// Back on the case, read again: the thread ends with the letter.
	if dr.m.page != pageCase || dr.m.compose != nil {
		t.Fatal("not back on the case after sending")
	}
	if f := footer(dr); !strings.Contains(f, "✓ sendt "+sent.MessageID) {
		t.Errorf("footer = %q, want ✓ sendt %s", f, sent.MessageID)
	}
	msgs := dr.m.caseP.detail.Messages
	if last := msgs[len(msgs)-1]; last.Direction != "out" || last.Subject != sent.Subject {
		t.Errorf("the case page does not show the letter: %+v", last)
	}
	if !strings.Contains(dr.m.caseP.content[tabThread], "→ ut · Magnet AS") {
		t.Errorf("thread:\n%s", dr.m.caseP.content[tabThread])
	}
	wantInView(t, dr, "besvart")
	if !dr.m.inboxStale {
		t.Error("the inbox is not marked for a reload")
	}
}

func TestComposeRefusalAsksForReason(t *testing.T) {
	// lise leads; kari, at the desk, does not.
	d := demoDeskAt(t, filepath.Join(t.TempDir(), "pv.db"), func(o *desk.Options) { o.Leads = []string{"lise"} })
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	cp := dr.compose(roarRef)
	dr.pickKind(reply.Refusal)
	if cp.step != stepReason {
		t.Fatalf("a refusal did not ask for the reasons:\n%s", dr.m.View())
	}
	wantInView(t, dr, "Begrunnelse for avslaget (kreves; står i brevet):", "ctrl+s ferdig", "esc avbryt")
	// Nothing typed: the letter is not written.
	dr.keys("ctrl+s")
	if cp.step != stepReason || cp.busy != "" {
		t.Fatal("an empty reason was taken")
	}
	wantInView(t, dr, "må fylles ut")
	// Two lines; q and r are text here, not quit and reload.
	dr.typeText("Åpenbart grunnløst: tredje like forespørsel.")
	dr.keys("enter")
	dr.typeText("Se vår FAQ.")
	dr.keys("ctrl+s")
	if cp.step != stepPreview {
		t.Fatalf("no preview after the reason:\n%s", dr.m.View())
	}
	want := "Åpenbart grunnløst: tredje like forespørsel.\nSe vår FAQ."
	if cp.draft.Reason != want || !strings.Contains(cp.draft.Body, "Åpenbart grunnløst") {
		t.Fatalf("reason %q not in the letter:\n%s", cp.draft.Reason, cp.draft.Body)
	}
	wantInView(t, dr, "Åpenbart grunnløst")

	// kari is no lead and nobody approved the refusal: the desk says no,
	// and the draft stays with the error.
	dr.keys("s", "y")
	if f := footer(dr); !strings.Contains(f, "et avslag må godkjennes av en teamleder") {
		t.Errorf("footer = %q", f)
	}
	wantInView(t, dr, "Sending feilet – utkastet er lagret. s prøver igjen.", "et avslag må godkjennes")
	drafts := draftsOf(t, d, roarRef)
	if len(drafts) != 1 || drafts[0].Reason != want || !strings.Contains(drafts[0].LastError, "approved") {
		t.Errorf("drafts after the refusal was refused: %+v", drafts)
	}
}

// A desk without SMTP keeps the letter and says what to configure.
func TestComposeWithoutMailer(t *testing.T) {
	d := demoDesk(t)
	dr := newDriver(t, Options{Desk: d, Language: "en"}, 100, 30)
	dr.compose(roarRef)
	dr.pickKind(reply.Receipt)
	dr.keys("s", "y")
	wantInView(t, dr, "Sending failed – the draft is kept. s tries again.",
		"no SMTP configured ([smtp] in the configuration) – the letter is kept as a draft")
	if drafts := draftsOf(t, d, roarRef); len(drafts) != 1 || drafts[0].LastError == "" {
		t.Errorf("drafts: %+v", drafts)
	}
}

// A letter the desk cannot write as it should comes back with what it
// lacks: both the letter and the list show.
func TestComposeShowsWhatIsMissing(t *testing.T) {
	dr := newDriver(t, Options{Desk: demoDesk(t)}, 100, 30)
	cp := dr.compose(roarRef)
	dr.pickKind(reply.Extension) // the case is not extended
	if cp.step != stepPreview || cp.check == nil || len(cp.check.Needs) == 0 {
		t.Fatalf("no check error for an extension notice on an unextended case: %+v", cp.check)
	}
	wantInView(t, dr, "Brevet kan ikke sendes slik det står:", "Mangler fra saken:",
		"• an extension needs a reason", "Emne:")
	// The letter is under the box, scrollable.
	if !strings.Contains(cp.vp.View(), "PV-2026-0002") && !strings.Contains(cp.draft.Subject, "PV-2026-0002") {
		t.Errorf("no letter under the box:\n%s", dr.m.View())
	}
	checkFits(t, dr.m.View(), 100, 30)
}

func TestComposeSMTPFailureKeepsDraftAndRetries(t *testing.T) {
	sink := startSink(t)
	var port atomic.Int64
	port.Store(1) // nothing listens on port 1
	d := demoDeskAt(t, filepath.Join(t.TempDir(), "pv.db"), withMailer(func() int { return int(port.Load()) }))
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	cp := dr.compose(roarRef)
	dr.pickKind(reply.Receipt)
	body := cp.draft.Body
	dr.keys("s", "y")

	if cp.step != stepPreview || cp.failure == "" || !cp.saved {
		t.Fatalf("after a failed send: step %d, failure %q, saved %v", cp.step, cp.failure, cp.saved)
	}
	wantInView(t, dr, "Sending feilet – utkastet er lagret. s prøver igjen.", "sending feilet: ",
		"får ikke kontakt med SMTP-tjeneren")
	if f := footer(dr); !strings.Contains(f, "sending feilet: får ikke kontakt med SMTP-tjeneren") {
		t.Errorf("footer = %q", f)
	}
	drafts := draftsOf(t, d, roarRef)
	if len(drafts) != 1 || drafts[0].LastError == "" || drafts[0].Body != body || drafts[0].ID != cp.draft.ID {
		t.Fatalf("draft after the failure: %+v", drafts)
	}
	first := drafts[0].LastError

	// s tries again at once: the handler said yes to this letter.
	dr.keys("s")
	if dr.m.dialog != nil {
		t.Fatal("a retry asked again")
	}
	if drafts = draftsOf(t, d, roarRef); len(drafts) != 1 || drafts[0].LastError == "" {
		t.Fatalf("draft after the second failure: %+v", drafts)
	}
	if n := len(stored(t, d, roarRef).Messages); n != 2 {
		t.Errorf("%d messages on the case; a failed letter was stored as sent", n)
	}

	// The server is back.
	port.Store(int64(sink.port))
	dr.keys("s")
	if got := sink.messages(); len(got) != 1 {
		t.Fatalf("the server got %d letters", len(got))
	}
	if mail.Parse(sink.messages()[0]).Text == "" || len(draftsOf(t, d, roarRef)) != 0 {
		t.Error("the draft was not the letter sent")
	}
	if dr.m.page != pageCase || !strings.Contains(footer(dr), "✓ sendt ") {
		t.Errorf("after the retry: page %d, footer %q (first error %q)", dr.m.page, footer(dr), first)
	}
}

// A draft whose send failed is listed on top and resumes with its error.
func TestComposeResumesDraft(t *testing.T) {
	var port atomic.Int64
	port.Store(1)
	d := demoDeskAt(t, filepath.Join(t.TempDir(), "pv.db"), withMailer(func() int { return int(port.Load()) }))
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	cp := dr.compose(roarRef)
	dr.pickKind(reply.Receipt)
	dr.keys("d")
	if !cp.saved || cp.draft.ID == 0 {
		t.Fatal("d did not save the draft")
	}
	if f := footer(dr); !strings.Contains(f, "✓ utkast lagret") {
		t.Errorf("footer = %q", f)
	}
	wantInView(t, dr, fmt.Sprintf("utkast %d", cp.draft.ID))
	dr.keys("s", "y") // fails: nothing listens
	id := cp.draft.ID

	dr.keys("esc")
	if cp.step != stepPick || len(cp.items) == 0 || cp.items[0].draft == nil || cp.items[0].draft.ID != id {
		t.Fatalf("the draft is not on top of the list:\n%s", dr.m.View())
	}
	wantInView(t, dr, "Utkast som ikke er sendt", "▸ kvittering", "! sending feilet")
	dr.keys("enter")
	if cp.step != stepPreview || cp.draft.ID != id || !cp.saved {
		t.Fatalf("resumed: step %d, draft %+v", cp.step, cp.draft)
	}
	wantInView(t, dr, "Forrige forsøk på å sende feilet:", fmt.Sprintf("utkast %d", id))
	// Sending a resumed draft asks first, and sends that draft.
	sink := startSink(t)
	port.Store(int64(sink.port))
	dr.keys("s")
	if dr.m.dialog == nil {
		t.Fatal("sending a resumed draft did not ask")
	}
	dr.keys("y")
	if len(sink.messages()) != 1 || len(draftsOf(t, d, roarRef)) != 0 {
		t.Errorf("sent %d, drafts left %d", len(sink.messages()), len(draftsOf(t, d, roarRef)))
	}
}

func TestComposeEditInPlace(t *testing.T) {
	sink := startSink(t)
	d := sendingDesk(t, sink)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	cp := dr.compose(roarRef)
	dr.pickKind(reply.Receipt)
	dr.keys("e")
	if cp.step != stepEdit || !cp.Typing() {
		t.Fatalf("e did not start editing:\n%s", dr.m.View())
	}
	wantInView(t, dr, "┃ ", "ctrl+s/esc ferdig")
	// The cursor starts at the top; q is text here.
	dr.typeText("Takk for tålmodigheten, sa q.")
	dr.keys("enter")
	// esc ends the edit and keeps it, like ctrl+s.
	dr.keys("esc")
	if cp.step != stepPreview || !cp.edited {
		t.Fatalf("after esc: step %d, edited %v", cp.step, cp.edited)
	}
	if !strings.HasPrefix(cp.draft.Body, "Takk for tålmodigheten, sa q.\n") {
		t.Fatalf("body after the edit:\n%s", cp.draft.Body)
	}
	// The edit was saved at once.
	drafts := draftsOf(t, d, roarRef)
	if len(drafts) != 1 || drafts[0].Body != cp.draft.Body || !cp.saved {
		t.Fatalf("the edit was not saved: %+v", drafts)
	}
	wantInView(t, dr, "endret – sjekkes igjen når det sendes", "Takk for tålmodigheten")

	// An edit asks again before sending.
	dr.keys("s", "y")
	got := sink.messages()
	if len(got) != 1 || !strings.Contains(mail.Parse(got[0]).Text, "Takk for tålmodigheten, sa q.") {
		t.Fatalf("the edited body was not what went out (%d letters)", len(got))
	}
}

// An edit in place that changes nothing saves nothing.
func TestComposeEditUnchangedSavesNothing(t *testing.T) {
	d := demoDesk(t)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	cp := dr.compose(roarRef)
	dr.pickKind(reply.Receipt)
	dr.keys("e", "down", "ctrl+s")
	if cp.step != stepPreview || cp.edited || cp.saved || len(draftsOf(t, d, roarRef)) != 0 {
		t.Errorf("an untouched edit: edited %v, saved %v", cp.edited, cp.saved)
	}
}

// runExec stands in for tea.ExecProcess: it runs the editor at once, with
// no terminal, and hands its result to the callback.
func runExec(cmd *exec.Cmd, cb tea.ExecCallback) tea.Cmd {
	return func() tea.Msg { return cb(cmd.Run()) }
}

// writeScript puts a shell script in a temporary directory.
func writeScript(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "editor.sh")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+text), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestComposeEditInEditor(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where the letter's temporary file goes
	mode := filepath.Join(t.TempDir(), "mode")
	t.Setenv("EDITOR", writeScript(t, `stat -c %a "$1" > `+mode+`
echo "Ring oss gjerne." >> "$1"
`))
	d := demoDesk(t)
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	dr.m.exec = runExec
	cp := dr.compose(roarRef)
	dr.pickKind(reply.Receipt)
	before := cp.draft.Body
	dr.keys("E")

	if cp.busy != "" || cp.step != stepPreview {
		t.Fatalf("after the editor: busy %q, step %d", cp.busy, cp.step)
	}
	if want := strings.TrimRight(before, "\n") + "\nRing oss gjerne."; cp.draft.Body != want {
		t.Fatalf("body after the editor:\n%q\nwant\n%q", cp.draft.Body, want)
	}
	if drafts := draftsOf(t, d, roarRef); len(drafts) != 1 || drafts[0].Body != cp.draft.Body {
		t.Errorf("the edit was not saved: %+v", drafts)
	}
	if b, err := os.ReadFile(mode); err != nil || strings.TrimSpace(string(b)) != "600" {
		t.Errorf("the temporary file had mode %q (%v), want 600", b, err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}

	// An editor that fails (vim's :cq) changes nothing.
	t.Setenv("EDITOR", writeScript(t, `echo "kastet" >> "$1"; exit 1
`))
	body := cp.draft.Body
	dr.keys("E")
	if cp.draft.Body != body {
		t.Error("a failed editor's text was taken")
	}
	if f := footer(dr); !strings.Contains(f, "redigeringsprogrammet feilet") {
		t.Errorf("footer = %q", f)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestEditorCommand(t *testing.T) {
	t.Setenv("EDITOR", "")
	if c := editorCommand("/tmp/x"); !slices.Equal(c.Args, []string{"vi", "/tmp/x"}) {
		t.Errorf("unset EDITOR: %v", c.Args)
	}
	t.Setenv("EDITOR", "code --wait")
	if c := editorCommand("/tmp/x"); !slices.Equal(c.Args, []string{"code", "--wait", "/tmp/x"}) {
		t.Errorf("EDITOR with arguments: %v", c.Args)
	}
}

// Every step fits the terminal, from 80x24 up, in both languages.
func TestComposeFits(t *testing.T) {
	for _, lang := range []string{"nb", "en"} {
		for _, sz := range [][2]int{{80, 24}, {100, 30}, {160, 50}} {
			w, h := sz[0], sz[1]
			t.Run(fmt.Sprintf("%s/%dx%d", lang, w, h), func(t *testing.T) {
				dr := newDriver(t, Options{Desk: demoDesk(t), Language: lang}, w, h)
				cp := dr.compose(hildeRef)
				checkFits(t, dr.m.View(), w, h)
				dr.pickKind(reply.Completion) // the complaint needs an answer
				if cp.step != stepReason {
					t.Fatalf("a completion with a complaint did not ask for the answer")
				}
				checkFits(t, dr.m.View(), w, h)
				dr.typeText(strings.Repeat("Vi beklager. ", 40))
				dr.keys("ctrl+s")
				checkFits(t, dr.m.View(), w, h)
				dr.keys("pgdown", "e")
				checkFits(t, dr.m.View(), w, h)
				dr.keys("esc", "esc")
				dr.pickKind(reply.Extension) // with a box of what is missing
				if cp.check == nil {
					t.Fatal("no box")
				}
				checkFits(t, dr.m.View(), w, h)
				dr.keys("s")
				checkFits(t, dr.m.View(), w, h)
			})
		}
	}
}

// The letter names the requester, whose name came in a stranger's mail:
// it is cleaned before it is drawn, in the preview and in the textarea.
func TestComposeNeverDrawsRawText(t *testing.T) {
	d := hostileDesk(t)
	dr := newDriver(t, Options{Desk: d, Language: "nb"}, 100, 30)
	dr.keys("tab") // all cases
	for pos := range dr.m.inbox.visible() {
		dr.m.inbox.cursor = pos
		dr.keys("enter", "R")
		ref := dr.m.caseP.ref
		assertSafe(t, "list "+ref, dr.m.View())
		dr.keys("enter")
		cp := dr.m.compose
		if cp.step != stepPreview {
			t.Fatalf("%s: no preview", ref)
		}
		if !strings.Contains(cp.draft.Body, "\x1b") && !strings.Contains(cp.draft.Body, rlo) {
			t.Logf("%s: the letter holds no hostile text", ref)
		}
		assertSafe(t, "preview "+ref, dr.m.View())
		assertSafe(t, "letter "+ref, cp.letterView())
		dr.keys("s")
		assertSafe(t, "confirm "+ref, dr.m.View())
		dr.keys("n", "e")
		assertSafe(t, "edit "+ref, dr.m.View())
		// Typed or pasted text keeps no invisible controls either.
		dr.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x" + rlo + bell + "y")})
		if v := cp.body.Value(); strings.Contains(v, rlo) || strings.Contains(v, bell) {
			t.Errorf("%s: the textarea took control characters", ref)
		}
		dr.keys("esc", "esc", "esc", "esc")
	}
}

// The screen's idea of which templates fit (the desk orders them but does
// not say where the fitting ones end) must agree with the desk: for every
// status, set of rights and extension flag, the rest of the desk's list is
// the remaining kinds in their usual order, as reply.Suggest promises.
func TestFittingKindsFollowTheDesk(t *testing.T) {
	for _, st := range dsr.AllStatuses {
		for mask := 0; mask < 1<<len(dsr.AllRights); mask++ {
			var rights []dsr.CaseRight
			for i, r := range dsr.AllRights {
				if mask&(1<<i) != 0 {
					rights = append(rights, dsr.CaseRight{Right: r})
				}
			}
			for _, ext := range []bool{false, true} {
				c := &dsr.Case{Status: st, Rights: rights, Extended: ext}
				all := reply.Suggest(c.RightList(), st, ext)
				n := fittingKinds(c)
				if n < 1 || n > len(all) {
					t.Fatalf("%s %v ext=%v: %d fit of %d", st, c.RightList(), ext, n, len(all))
				}
				var rest []reply.Kind
				for _, k := range reply.Kinds {
					if !slices.Contains(all[:n], k) {
						rest = append(rest, k)
					}
				}
				if !slices.Equal(all[n:], rest) {
					t.Fatalf("%s %v ext=%v: desk %v, screen says %d fit", st, c.RightList(), ext, all, n)
				}
			}
		}
	}
	// And the cases reply.Suggest's documentation names.
	access := []dsr.CaseRight{{Right: dsr.Access}}
	marketing := []dsr.CaseRight{{Right: dsr.ObjectionMarketing}}
	for _, tc := range []struct {
		c    dsr.Case
		want []reply.Kind
	}{
		{dsr.Case{Status: dsr.StatusNew, Rights: access}, []reply.Kind{reply.Receipt, reply.Identity, reply.Clarification}},
		{dsr.Case{Status: dsr.StatusNew, Rights: marketing}, []reply.Kind{reply.Receipt, reply.Completion, reply.Clarification}},
		{dsr.Case{Status: dsr.StatusNew}, []reply.Kind{reply.Receipt, reply.Clarification}},
		{dsr.Case{Status: dsr.StatusInProgress, Rights: access, Extended: true}, []reply.Kind{reply.Completion, reply.Refusal, reply.Answer}},
		{dsr.Case{Status: dsr.StatusAwaitingRequester, Rights: access}, []reply.Kind{reply.Clarification, reply.Identity}},
		{dsr.Case{Status: dsr.StatusAnswered, Rights: access}, []reply.Kind{reply.Answer}},
	} {
		all := reply.Suggest(tc.c.RightList(), tc.c.Status, tc.c.Extended)
		if n := fittingKinds(&tc.c); !slices.Equal(all[:n], tc.want) {
			t.Errorf("%s %v: fitting %v, want %v", tc.c.Status, tc.c.RightList(), all[:n], tc.want)
		}
	}
}

// The screen asks for the handler's text exactly when the desk would
// otherwise say the letter needs it.
func TestNeedsReasonFollowsTheDesk(t *testing.T) {
	d := demoDesk(t)
	ctx := context.Background()
	for _, ref := range []string{roarRef, hildeRef} {
		det := stored(t, d, ref)
		for _, k := range reply.Kinds {
			dr, err := d.ComposeReply(ctx, det.Case.ID, k, "")
			if dr == nil {
				t.Fatalf("%s %s: %v", ref, k, err)
			}
			desk := false
			if ce, ok := err.(*reply.CheckError); ok {
				for _, n := range ce.Needs {
					desk = desk || strings.Contains(n, "(Reason is empty)")
				}
			}
			if got := needsReason(k, &det.Case); got != desk {
				t.Errorf("%s %s: screen asks %v, desk needs %v", ref, k, got, desk)
			}
		}
	}
}

// A draft whose send was begun and never recorded (the desk died) is in
// doubt: sending it asks whether it went out already, and sends it again
// only on yes.
func TestComposeDraftInDoubtAsks(t *testing.T) {
	sink := startSink(t)
	d := demoDeskAt(t, filepath.Join(t.TempDir(), "pv.db"), withMailer(func() int { return sink.port }))
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	cp := dr.compose(roarRef)
	dr.pickKind(reply.Receipt)
	dr.keys("d")
	id := cp.draft.ID
	// Another desk claimed it long ago and never came back.
	if err := d.Store().ClaimDraft(context.Background(), id, "ola", fixedNow.Add(-time.Hour), false); err != nil {
		t.Fatal(err)
	}
	dr.keys("s", "y")
	if dr.m.dialog == nil {
		t.Fatalf("no question for a draft in doubt; footer %q", footer(dr))
	}
	wantInView(t, dr, "ola begynte å sende dette brevet")
	dr.keys("n")
	if len(sink.messages()) != 0 {
		t.Fatal("a draft in doubt went out on no")
	}
	dr.keys("s")
	if dr.m.dialog == nil {
		t.Fatal("the second try did not ask again")
	}
	dr.keys("y")
	if got := len(sink.messages()); got != 1 || len(draftsOf(t, d, roarRef)) != 0 {
		t.Fatalf("after yes: %d letters sent, %d drafts left", got, len(draftsOf(t, d, roarRef)))
	}
}

// Each kind of SMTP failure is named in the desk's language, with the
// error itself after it; a refusal by the server is shown as it came.
func TestSendErrorNamesTheFailure(t *testing.T) {
	kinds := []mail.ErrorKind{mail.KindAuth, mail.KindTLS, mail.KindUnreachable, mail.KindTimeout, mail.KindLost, mail.KindConfig}
	for _, lang := range []string{"nb", "en"} {
		c := &Common{T: translations(lang)}
		seen := map[string]bool{}
		for _, k := range kinds {
			err := fmt.Errorf("desk: send: %w", &mail.Error{Kind: k, Msg: "smtp.example.no said so"})
			got := c.sendError(err)
			why := c.T.SMTPFail[desk.ErrorKind(err)]
			if why == "" || seen[why] {
				t.Errorf("%s, kind %v: no text of its own (%q)", lang, k, why)
			}
			seen[why] = true
			if got != c.T.SendFailed+why+" ("+err.Error()+")" {
				t.Errorf("%s, kind %v: %q", lang, k, got)
			}
		}
		refused := &mail.Error{Kind: mail.KindOther, Msg: "the server refused the recipient: 550 no such user"}
		if got := c.sendError(refused); got != c.T.SendFailed+refused.Error() {
			t.Errorf("%s: refusal shown as %q", lang, got)
		}
	}
}

// What the store refuses reaches the screen in the desk's language: a
// draft another desk is sending (and whose), an approval already asked
// for, a database locked by another pvdesk (a real SQLITE_BUSY); a mail
// server's reply that merely says "database is locked" is not taken for
// ours; and a letter that went out but could not be recorded says so
// before anything its cause says.
func TestStoreRefusalsInTheDesksLanguage(t *testing.T) {
	busy := realBusyError(t)
	smtpText := &mail.Error{Kind: mail.KindOther, Msg: "the server refused the message: 451 4.3.0 database is locked, try later"}
	for _, lang := range []string{"nb", "en"} {
		c := &Common{T: translations(lang)}
		cases := []struct {
			got, want string
		}{
			{c.sendError(fmt.Errorf("send: %w", &desk.DraftBusyError{By: "ola"})), c.T.SendFailed + fmt.Sprintf(c.T.DraftBusyByFmt, "ola")},
			{c.sendError(fmt.Errorf("send: %w", &desk.DraftBusyError{})), c.T.SendFailed + c.T.DraftBusy},
			{c.sendError(fmt.Errorf("send: %w", busy)), c.T.SendFailed + c.T.StoreBusy},
			{c.sendError(smtpText), c.T.SendFailed + smtpText.Error()},
			{c.sendError(&desk.SentNotRecordedError{MessageID: "x1@magnetharstad.no", Err: busy}),
				fmt.Sprintf(c.T.SentNotRecordedFmt, "x1@magnetharstad.no", busy)},
			{c.actionError(fmt.Errorf("ask: %w", desk.ErrApprovalPending)), c.T.ActionFailed + c.T.ApprovalPending},
			{c.actionError(fmt.Errorf("save: %w", busy)), c.T.ActionFailed + c.T.StoreBusy},
		}
		for i, tc := range cases {
			if tc.got != tc.want || strings.Contains(tc.got, "%!") {
				t.Errorf("%s #%d: %q, want %q", lang, i, tc.got, tc.want)
			}
		}
	}
}

// realBusyError is SQLite's own error for a write lock another connection
// holds, with no busy timeout to wait it out.
func realBusyError(t *testing.T) error {
	t.Helper()
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "busy.db")+"?_pragma=busy_timeout(0)&_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	holder, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { holder.Close() })
	if _, err := holder.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { holder.ExecContext(ctx, "ROLLBACK") })
	waiter, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { waiter.Close() })
	_, err = waiter.ExecContext(ctx, "BEGIN IMMEDIATE")
	if err == nil || !desk.IsStoreBusy(err) {
		t.Fatalf("a second writer: %v, want SQLITE_BUSY", err)
	}
	return err
}
