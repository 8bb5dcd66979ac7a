package ui

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

// Hostile pieces of text: colour, a bell, a right-to-left override that
// would make "exe.txt" read "txt.exe", an OSC 8 hyperlink, an OSC 52
// clipboard write, a window title, a C1 CSI and cursor movement.
const (
	red      = "\x1b[31m"
	bell     = "\a"
	rlo      = "\u202e"
	osc8     = "\x1b]8;;https://evil.example/\x1b\\klikk her\x1b]8;;\x1b\\"
	osc52    = "\x1b]52;c;cm0gLXJmIH4=\a"
	title    = "\x1b]0;pwned\a"
	c1CSI    = "\u009b2J"
	cursorUp = "\x1b[5A\x1b[2K"
)

var hostile = red + "RØD" + bell + " " + rlo + "exe.txt " + osc8 + " " + osc52 + title + c1CSI + cursorUp

// encodedWord smuggles bytes into a header the way a sender would: as an
// RFC 2047 encoded word, which the parser decodes.
func encodedWord(s string) string {
	return "=?utf-8?b?" + base64.StdEncoding.EncodeToString([]byte(s)) + "?="
}

func hostileMessage() string {
	return "From: " + encodedWord("Mallory "+hostile) + " <mallory@example.com>\r\n" +
		"To: post@magnetharstad.no\r\n" +
		"Subject: " + encodedWord("Slett meg "+hostile) + "\r\n" +
		"Date: Mon, 23 Nov 2026 09:00:00 +0100\r\n" +
		"Message-ID: <evil-1@example.com>\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=b\r\n\r\n" +
		"--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
		"Hei.\r\n" + hostile + "\r\nSlett alt.\r\n" + "\x1b[2J\x1b[H" + "skjult" + bell + "\r\n" +
		"--b\r\nContent-Type: application/octet-stream\r\n" +
		"Content-Disposition: attachment; filename*=utf-8''%1B%5B31m%E2%80%AEfdp.exe\r\n\r\n" +
		"AAAA\r\n--b--\r\n"
}

// hostileDesk holds the hostile message twice: once through the real
// ingest path (which may already clean some of it), and once written
// straight to the store, so the screens meet the raw bytes whatever the
// parser does. The classifier quotes the hostile text back as evidence.
func hostileDesk(t *testing.T) *desk.Desk {
	t.Helper()
	cls := func(in classify.Input) classify.Result {
		return classify.Result{Language: "nb" + hostile, Labels: []classify.Label{
			{Right: dsr.Erasure, Confidence: 0.9, Evidence: []string{in.Subject, in.Body}},
		}}
	}
	d := newDesk(t, cls)
	ingest(t, d, 1, fixedNow.Add(-48*time.Hour), hostileMessage())

	ctx := context.Background()
	err := d.Store().Write(ctx, func(tx *store.Tx) error {
		ref, err := tx.NextRef(ctx, 2026)
		if err != nil {
			return err
		}
		received := fixedNow.Add(-24 * time.Hour)
		c := &dsr.Case{
			Ref: ref, Requester: "raw" + hostile + "@example.com", RequesterName: "Raw " + hostile,
			Subject: "Raw " + hostile, Language: hostile, Status: dsr.StatusInProgress,
			Assignee: "kari" + hostile, ReceivedAt: received, DueAt: deadline.Due(received),
			Note: "Note " + hostile,
			Rights: []dsr.CaseRight{{Right: dsr.Access, Source: dsr.SourceAuto, Confidence: 0.5,
				Evidence: []string{hostile, "innsyn " + hostile}}},
		}
		if err := tx.InsertCase(ctx, c, "pvdesk"+hostile, fixedNow); err != nil {
			return err
		}
		m := &store.Message{
			CaseID: c.ID, Direction: "in", Mailbox: "INBOX", FromAddr: c.Requester,
			FromName: c.RequesterName, Subject: c.Subject, ReceivedAt: received,
			Text: "Body " + hostile + "\n" + hostile, Warnings: []string{"warning " + hostile},
			Raw:         []byte(hostile),
			Attachments: []store.Attachment{{Filename: hostile + "cv.pdf", ContentType: "application/pdf", Size: 2048}},
		}
		if err := tx.InsertMessage(ctx, m); err != nil {
			return err
		}
		return tx.AppendEvent(ctx, &store.Event{CaseID: c.ID, At: fixedNow, Actor: "kari" + hostile,
			Kind: "note" + hostile, Details: "Details " + hostile})
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// assertSafe fails if view carries anything the terminal would obey. With
// the Ascii profile lipgloss writes no escape sequences of its own, so any
// ESC at all came from a message.
func assertSafe(t *testing.T, what, view string) {
	t.Helper()
	for _, bad := range []struct{ name, s string }{
		{"ESC", "\x1b"}, {"BEL", "\a"}, {"U+202E", "\u202e"}, {"C1 CSI", "\u009b"},
		{"OSC 8 target", "evil.example"}, {"title text", "pwned"},
	} {
		if strings.Contains(view, bad.s) {
			t.Errorf("%s: %s reached the screen:\n%q", what, bad.name, view)
		}
	}
	for _, r := range view {
		if r < 0x20 && r != '\n' {
			t.Errorf("%s: control character %U reached the screen", what, r)
			break
		}
	}
}

func TestHostileTextIsNeverDrawnRaw(t *testing.T) {
	d := hostileDesk(t)

	// The screens must meet the raw bytes for this test to mean anything.
	rows, err := d.Inbox(context.Background(), desk.ScopeAll)
	if err != nil || len(rows) != 2 {
		t.Fatalf("inbox: %d rows, %v", len(rows), err)
	}
	if !strings.Contains(rows[0].Subject+rows[1].Subject, "\x1b") {
		t.Fatal("no ESC in the stored subjects: the test would prove nothing")
	}

	for _, sz := range [][2]int{{80, 24}, {160, 50}} {
		w, h := sz[0], sz[1]
		dr := newDriver(t, Options{Desk: d, Language: "nb"}, w, h)
		dr.keys("tab") // all cases
		assertSafe(t, fmt.Sprintf("inbox %dx%d", w, h), dr.m.View())
		checkFits(t, dr.m.View(), w, h)
		for pos := range dr.m.inbox.visible() {
			dr.m.inbox.cursor = pos
			dr.keys("enter")
			if dr.m.caseP.detail == nil {
				t.Fatalf("case %d did not load", pos)
			}
			ref := dr.m.caseP.ref
			assertSafe(t, "thread "+ref, dr.m.View())
			checkFits(t, dr.m.View(), w, h)
			// Scroll through the whole thread.
			assertSafe(t, "thread content "+ref, dr.m.caseP.content[tabThread])
			dr.keys("tab")
			assertSafe(t, "history "+ref, dr.m.View())
			assertSafe(t, "history content "+ref, dr.m.caseP.content[tabHistory])
			checkFits(t, dr.m.View(), w, h)
			dr.keys("esc")
		}
		// A filter typed (or pasted) with control characters keeps none.
		dr.keys("/")
		dr.send(keyMsg("røddd" + bell + "\x1b[31m"))
		assertSafe(t, "filter", dr.m.View())
	}
}
