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

func TestDigest(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "pv.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	d := desk.New(st, desk.Options{})
	now := time.Now()
	for i, age := range []int{45, 27, 2} {
		raw := fmt.Sprintf("From: P%d <p%d@example.no>\r\nSubject: Slett meg\r\nMessage-ID: <d%d@example.no>\r\n\r\nSlett alle opplysninger om meg.\r\n", i, i, i)
		if _, err := d.Ingest(ctx, desk.Incoming{Mailbox: "INBOX", UIDValidity: 1, UID: uint32(i + 1), InternalDate: now.AddDate(0, 0, -age), Raw: []byte(raw)}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	var mu sync.Mutex
	var got []string
	srv, err := mail.StartDemoSMTP(func(from string, to []string, raw []byte) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, strings.Join(to, ",")+"\n"+string(raw))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	host, port := splitHostPort(srv.Addr)
	cfg := filepath.Join(dir, "config.toml")
	conf := fmt.Sprintf("[smtp]\nhost = %q\nport = %d\nsecurity = \"none\"\nfrom = \"Magnet AS <post@magnetharstad.no>\"\n[desk]\nlanguage = \"en\"\nleads = [\"kari\", \"per\"]\nlead_addresses = { per = \"per.leder@example.no\" }\n", host, port)
	if err := os.WriteFile(cfg, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", dir)

	out, errOut, code := runCmd(t, "--config", cfg, "--db", db, "digest")
	if code != 0 {
		t.Fatalf("digest: exit %d %s", code, errOut)
	}
	if !strings.Contains(out, ": 1 overdue, 1 due within 7 days") || !strings.Contains(out, "PV-") || !strings.Contains(out, "P0") {
		t.Errorf("digest:\n%s", out)
	}
	out, errOut, code = runCmd(t, "--config", cfg, "--db", db, "digest", "--send")
	if code != 0 || !strings.Contains(out, "kari@magnetharstad.no, per.leder@example.no") {
		t.Fatalf("digest --send: exit %d %s %s", code, out, errOut)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 2 || !strings.HasPrefix(got[0], "kari@magnetharstad.no\n") || !strings.Contains(got[1], "1 overdue") {
		t.Errorf("received %d digests: %q", len(got), got)
	}
}
