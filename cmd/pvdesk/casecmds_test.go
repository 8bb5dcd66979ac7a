package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

func seedCase(t *testing.T, db string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	d := desk.New(st, desk.Options{Now: func() time.Time { return now }, User: "kari"})
	res, err := d.Ingest(ctx, desk.Incoming{Mailbox: "INBOX", UIDValidity: 1, UID: 1, InternalDate: now,
		Raw: []byte("From: ola@example.no\r\nSubject: Stopp\r\nMessage-ID: <s1@example.no>\r\n\r\nMeld meg av nyhetsbrevet.\r\n")})
	if err != nil {
		t.Fatal(err)
	}
	det, _ := d.Case(ctx, res.CaseID)
	c, err := d.ConfirmRights(ctx, res.CaseID, det.Case.Version, []dsr.Right{dsr.ObjectionMarketing})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Assign(ctx, c.ID, c.Version, "kari"); err != nil {
		t.Fatal(err)
	}
}

func TestAuditVerifyNamesTheEditedEvent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pv.db")
	seedCase(t, db)
	out, errOut, code := runCmd(t, "--db", db, "audit", "verify")
	if code != 0 || !strings.Contains(out, "intact: 3 events") {
		t.Fatalf("intact chain: exit %d %q %q", code, out, errOut)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`UPDATE events SET actor = 'mallory' WHERE id = 2`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	_, errOut, code = runCmd(t, "--db", db, "audit", "verify")
	if code != 1 || !strings.Contains(errOut, "event 2") {
		t.Errorf("tampered chain: exit %d %q", code, errOut)
	}
}

func TestSuppressionsExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pv.db")
	seedCase(t, db)
	out, _, code := runCmd(t, "--db", db, "suppressions")
	if code != 0 || strings.TrimSpace(out) != "ola@example.no" {
		t.Errorf("plain: exit %d %q", code, out)
	}
	out, _, code = runCmd(t, "--db", db, "suppressions", "--csv")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || lines[0] != "address,added_at,case,reason" || !strings.HasPrefix(lines[1], "ola@example.no,2026-11-25T10:00:00Z,PV-2026-0001,") {
		t.Errorf("csv: exit %d %q", code, out)
	}
}
