package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/mail"
	"github.com/magnetharstad/pvdesk/store"
)

func TestReplyCommand(t *testing.T) {
	var mu sync.Mutex
	var got [][]byte
	srv, err := mail.StartDemoSMTP(func(from string, to []string, raw []byte) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, raw)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "pv.db")
	seedCase(t, db) // PV-2026-0001, objection_marketing confirmed
	host, port := splitHostPort(srv.Addr)
	cfg := filepath.Join(dir, "config.toml")
	conf := fmt.Sprintf("[smtp]\nhost = %q\nport = %d\nsecurity = \"none\"\nfrom = \"Magnet AS <post@magnetharstad.no>\"\n", host, port)
	if err := os.WriteFile(cfg, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", dir)

	out, _, code := runCmd(t, "--config", cfg, "--db", db, "reply", "--list")
	if code != 0 || strings.Count(out, "\n") != 7 || !strings.Contains(out, "refusal") {
		t.Errorf("--list: exit %d\n%s", code, out)
	}
	out, errOut, code := runCmd(t, "--config", cfg, "--db", db, "reply", "PV-2026-0001", "--template", "completion")
	if code != 0 || !strings.Contains(out, "[PV-2026-0001]") {
		t.Errorf("preview: exit %d %s\n%s", code, errOut, out)
	}
	_, errOut, code = runCmd(t, "--config", cfg, "--db", db, "reply", "PV-2026-0001", "--template", "refusal")
	if code == 0 || !strings.Contains(errOut, "reason") {
		t.Errorf("refusal without --reason: exit %d %s", code, errOut)
	}
	out, errOut, code = runCmd(t, "--config", cfg, "--db", db, "reply", "PV-2026-0001", "--template", "completion", "--send")
	if code != 0 || !strings.Contains(out, "sent completion letter to ola@example.no") {
		t.Fatalf("send: exit %d %s\n%s", code, errOut, out)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 {
		t.Fatalf("server got %d messages", len(got))
	}
	p := mail.Parse(got[0])
	if !strings.HasPrefix(p.Subject, "Re: [PV-2026-0001]") {
		t.Errorf("subject %q", p.Subject)
	}
}

// TestReplyPreviewIsTerminalSafe: the preview prints the requester's own
// subject and name, which must not carry escape sequences to the terminal.
func TestReplyPreviewIsTerminalSafe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pv.db")
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	d := desk.New(st, desk.Options{Now: func() time.Time { return now }, User: "kari"})
	raw := "From: =?utf-8?q?Ola_=1B]0;pwned=07Nordmann?= <ola@example.no>\r\n" +
		"Subject: =?utf-8?q?Slett_meg_=1B[2J=E2=80=AE?=\r\nMessage-ID: <h1@example.no>\r\n\r\n" +
		"Jeg vil at dere sletter alle opplysninger om meg.\r\n"
	if _, err := d.Ingest(ctx, desk.Incoming{Mailbox: "INBOX", UIDValidity: 1, UID: 1, InternalDate: now, Raw: []byte(raw)}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	t.Setenv("XDG_CONFIG_HOME", dir)
	out, errOut, code := runCmd(t, "--db", db, "reply", "PV-2026-0001", "--template", "receipt")
	if code != 0 || !strings.Contains(out, "[PV-2026-0001]") {
		t.Fatalf("preview: exit %d %s\n%s", code, errOut, out)
	}
	if strings.ContainsAny(out, "\x1b\x07\u202e") {
		t.Errorf("preview carries control characters: %q", out)
	}
}
