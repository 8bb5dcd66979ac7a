package main

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/dovetest"
)

// syncConfig writes a config for srv with the given [imap] lines on top of
// host and user.
func syncConfig(t *testing.T, imapLines string) (cfg, db string) {
	t.Helper()
	dir := t.TempDir()
	cfg = filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, []byte("[imap]\n"+imapLines), 0o600); err != nil {
		t.Fatal(err)
	}
	return cfg, filepath.Join(dir, "pv.db")
}

const request = "From: Ola <ola@example.no>\r\nTo: post@magnetharstad.no\r\nSubject: Innsyn\r\nMessage-ID: <r1@example.no>\r\n\r\nJeg ber om innsyn i opplysningene dere har om meg.\r\n"

func TestSyncAgainstDovecot(t *testing.T) {
	srv := dovetest.Start(t)
	srv.Deliver(t, "INBOX", []byte(request), time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	t.Setenv("PVDESK_IMAP_PASSWORD", srv.Password)
	base := fmt.Sprintf("host = \"127.0.0.1\"\nusername = %q\n", srv.User)

	// A CA that did not sign the server's certificate.
	otherCA := filepath.Join(t.TempDir(), "other.pem")
	other := dovetest.Start(t)
	data, err := os.ReadFile(other.CAFile)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(otherCA, data, 0o600)

	cases := []struct {
		name     string
		imap     string
		password string
		code     int
		want     string
	}{
		{"tls with ca_file", fmt.Sprintf("port = %d\nsecurity = \"tls\"\nca_file = %q\n", srv.TLSPort, srv.CAFile), srv.Password, 0, "fetched 1"},
		{"starttls", fmt.Sprintf("port = %d\nsecurity = \"starttls\"\nca_file = %q\n", srv.Port, srv.CAFile), srv.Password, 0, "fetched 1"},
		{"plain on loopback", fmt.Sprintf("port = %d\nsecurity = \"none\"\n", srv.Port), srv.Password, 0, "fetched 1"},
		{"wrong CA", fmt.Sprintf("port = %d\nsecurity = \"tls\"\nca_file = %q\n", srv.TLSPort, otherCA), srv.Password, exitTLS, "certificate of 127.0.0.1 is not signed by a trusted authority"},
		{"no CA at all", fmt.Sprintf("port = %d\nsecurity = \"starttls\"\n", srv.Port), srv.Password, exitTLS, "127.0.0.1"},
		{"wrong password", fmt.Sprintf("port = %d\nsecurity = \"tls\"\nca_file = %q\n", srv.TLSPort, srv.CAFile), "not-the-password", exitAuth, "refused the login of " + srv.User},
		{"unknown mailbox", fmt.Sprintf("port = %d\nsecurity = \"tls\"\nca_file = %q\nmailbox = \"Personvern\"\n", srv.TLSPort, srv.CAFile), srv.Password, exitMailbox, `mailbox "Personvern" does not exist`},
		{"unreachable", fmt.Sprintf("port = %d\nsecurity = \"tls\"\n", freePort(t)), srv.Password, exitUnreachable, "cannot reach the mail server"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, db := syncConfig(t, base+c.imap)
			t.Setenv("PVDESK_IMAP_PASSWORD", c.password)
			out, errOut, code := runCmd(t, "--config", cfg, "--db", db, "sync", "--attempts", "1")
			if code != c.code || !strings.Contains(out+errOut, c.want) {
				t.Errorf("exit %d, want %d; output %q %q, want %q", code, c.code, out, errOut, c.want)
			}
			if strings.Contains(out+errOut, c.password) {
				t.Errorf("the password is in the output: %q %q", out, errOut)
			}
		})
	}
}

func TestPlaintextToRemoteHostRefused(t *testing.T) {
	cfg, db := syncConfig(t, "host = \"imap.example.no\"\nsecurity = \"none\"\nusername = \"x\"\n")
	t.Setenv("PVDESK_IMAP_PASSWORD", "pw")
	_, errOut, code := runCmd(t, "--config", cfg, "--db", db, "sync")
	if code != exitConfig || !strings.Contains(errOut, "loopback") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestSyncSeveralMailboxes: with mailbox = a list, each is synced and
// reported on its own line, and a second run finds nothing new in either.
// The second is a folder below another with a name outside ASCII, which
// goes over the wire in modified UTF-7 (RFC 3501 5.1.3).
func TestSyncSeveralMailboxes(t *testing.T) {
	srv := dovetest.Start(t)
	srv.Deliver(t, "INBOX", []byte(request), time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	other := "From: Per <per@example.no>\r\nTo: personvern@magnetharstad.no\r\nSubject: Sletting\r\nMessage-ID: <p1@example.no>\r\n\r\nSlett alle opplysninger om meg.\r\n"
	srv.Deliver(t, "Personvern.Forespørsler", []byte(other), time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC))
	t.Setenv("PVDESK_IMAP_PASSWORD", srv.Password)
	cfg, db := syncConfig(t, fmt.Sprintf("host = \"127.0.0.1\"\nport = %d\nsecurity = \"none\"\nusername = %q\nmailbox = [\"INBOX\", \"Personvern.Forespørsler\"]\n", srv.Port, srv.User))
	out, errOut, code := runCmd(t, "--config", cfg, "--db", db, "sync")
	if code != 0 || !strings.Contains(out, "INBOX: fetched 1, new cases 1") || !strings.Contains(out, "Personvern.Forespørsler: fetched 1, new cases 1") {
		t.Fatalf("first sync: exit %d\n%s%s", code, out, errOut)
	}
	out, _, code = runCmd(t, "--config", cfg, "--db", db, "sync")
	if code != 0 || strings.Count(out, "fetched 0, new cases 0") != 2 {
		t.Errorf("second sync: exit %d\n%s", code, out)
	}
}
