package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/magnetharstad/pvdesk/mail"
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
