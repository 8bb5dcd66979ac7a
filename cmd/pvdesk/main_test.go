package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/mail"
)

func runCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestDeadlineCommand(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"deadline", "--received", "2026-01-05T10:00:00+01:00"}, "2026-02-05"},
		{[]string{"deadline", "--received", "2026-01-31T10:00:00+01:00"}, "2026-03-02"},
		{[]string{"deadline", "--received", "2026-03-02T10:00:00+01:00"}, "2026-04-07"},
		// 23:30 UTC on 30 Jan is already 31 Jan in Oslo.
		{[]string{"deadline", "--received", "2026-01-30T23:30:00Z"}, "2026-03-02"},
	}
	for _, c := range cases {
		out, errOut, code := runCmd(t, c.args...)
		if code != 0 || strings.TrimSpace(out) != c.want {
			t.Errorf("%v: %q (exit %d, %s), want %s", c.args, out, code, errOut, c.want)
		}
	}
	if _, _, code := runCmd(t, "deadline", "--received", "yesterday"); code != 2 {
		t.Errorf("bad date: exit %d, want 2", code)
	}
	out, _, code := runCmd(t, "deadline", "--received", "2026-01-05T10:00:00+01:00", "--extended")
	if code != 0 || strings.TrimSpace(out) != "2026-04-07" {
		t.Errorf("extended: %q", out)
	}
}

func TestUnknownCommandIsUsageError(t *testing.T) {
	if _, errOut, code := runCmd(t, "frobnicate"); code != 2 || !strings.Contains(errOut, "unknown command") {
		t.Errorf("exit %d, %s", code, errOut)
	}
}

func TestClassifyFormat(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.eml", "From: a@example.no\r\nSubject: Slett meg\r\n\r\nJeg vil at dere sletter alle opplysninger om meg.\r\n")
	b := write("b.eml", "From: b@example.no\r\nSubject: Pakke\r\n\r\nHvor er pakken min? Ordrenummer 1234.\r\n")
	out, _, code := runCmd(t, "classify", a, b)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || lines[0] != a+"\terasure" || lines[1] != b+"\tnone" {
		t.Errorf("output:\n%s", out)
	}
}

// TestSyncTwiceAndList runs the sync sub-command twice against the
// in-process IMAP server: the second run stores nothing new.
func TestSyncTwiceAndList(t *testing.T) {
	srv, err := mail.StartDemo(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dir := t.TempDir()
	host, port := splitHostPort(srv.Addr)
	cfg := filepath.Join(dir, "config.toml")
	conf := fmt.Sprintf("[imap]\nhost = %q\nport = %d\nsecurity = \"none\"\nusername = %q\n", host, port, srv.User)
	if err := os.WriteFile(cfg, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PVDESK_IMAP_PASSWORD", srv.Password)
	db := filepath.Join(dir, "pv.db")
	samples, _ := mail.DemoMessages()

	out, errOut, code := runCmd(t, "--config", cfg, "--db", db, "sync", "--json")
	if code != 0 {
		t.Fatalf("first sync: exit %d: %s", code, errOut)
	}
	var reps []map[string]any
	if err := json.Unmarshal([]byte(out), &reps); err != nil || len(reps) != 1 {
		t.Fatalf("sync --json: %v\n%s", err, out)
	}
	if int(reps[0]["fetched"].(float64)) != len(samples) {
		t.Errorf("first sync fetched %v, want %d", reps[0]["fetched"], len(samples))
	}
	out, errOut, code = runCmd(t, "--config", cfg, "--db", db, "sync")
	if code != 0 || !strings.Contains(out, "new cases 0") || !strings.Contains(out, "fetched 0") {
		t.Fatalf("second sync: exit %d: %s %s", code, out, errOut)
	}
	if strings.Contains(out+errOut, srv.Password) {
		t.Error("the password appears in the output")
	}

	out, _, code = runCmd(t, "--db", db, "--config", cfg, "list", "--all", "--json")
	if code != 0 {
		t.Fatalf("list: exit %d", code)
	}
	var cases []map[string]any
	if err := json.Unmarshal([]byte(out), &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no cases listed")
	}
	for _, k := range []string{"ref", "requester", "rights", "status", "received_at", "due_at"} {
		if _, ok := cases[0][k]; !ok {
			t.Errorf("list --json lacks %q", k)
		}
	}
	if _, err := time.Parse(time.RFC3339, cases[0]["received_at"].(string)); err != nil {
		t.Errorf("received_at: %v", err)
	}
	ref := cases[0]["ref"].(string)
	out, _, code = runCmd(t, "--db", db, "--config", cfg, "show", ref)
	if code != 0 || !strings.Contains(out, ref) || !strings.Contains(out, "history:") {
		t.Errorf("show: exit %d\n%s", code, out)
	}
}

// TestErrorsAreTerminalSafe: an error that quotes text with escape
// sequences (here a file name; in the field, a server's answer or a
// requester's address) reaches stderr without them.
func TestErrorsAreTerminalSafe(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "gone\x1b]0;pwned\x07.eml")
	_, errOut, code := runCmd(t, "classify", missing)
	if code == 0 || !strings.Contains(errOut, "gone") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if strings.ContainsAny(errOut, "\x1b\x07") {
		t.Errorf("stderr carries control characters: %q", errOut)
	}
}
