package desk_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

// fixedNow is the desk clock in tests: a Wednesday morning in Harstad.
var fixedNow = time.Date(2026, 11, 25, 10, 0, 0, 0, deadline.Oslo)

func newDesk(t *testing.T) *desk.Desk {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "pv.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return desk.New(st, desk.Options{Now: func() time.Time { return fixedNow }, User: "kari"})
}

type msg struct {
	from, subject, body, id, inReplyTo string
}

func (m msg) raw() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: post@magnetharstad.no\r\nSubject: %s\r\nDate: Mon, 23 Nov 2026 09:00:00 +0100\r\n", m.from, m.subject)
	if m.id != "" {
		fmt.Fprintf(&b, "Message-ID: <%s>\r\n", m.id)
	}
	if m.inReplyTo != "" {
		fmt.Fprintf(&b, "In-Reply-To: <%s>\r\nReferences: <%s>\r\n", m.inReplyTo, m.inReplyTo)
	}
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
	b.WriteString(strings.ReplaceAll(m.body, "\n", "\r\n"))
	return []byte(b.String())
}

func ingest(t *testing.T, d *desk.Desk, uid uint32, m msg, at time.Time) desk.IngestResult {
	t.Helper()
	res, err := d.Ingest(context.Background(), desk.Incoming{
		Mailbox: "INBOX", UIDValidity: 7, UID: uid, InternalDate: at, Raw: m.raw(),
	})
	if err != nil {
		t.Fatalf("ingest %d: %v", uid, err)
	}
	return res
}

func TestIngestOpensCaseWithDeadlineFromInternalDate(t *testing.T) {
	d := newDesk(t)
	// The sender's Date says 23 Nov, but the mail reached us on 31 Jan:
	// the deadline runs from arrival.
	at := time.Date(2026, 1, 31, 12, 0, 0, 0, deadline.Oslo)
	res := ingest(t, d, 1, msg{from: "Ola Nordmann <ola@example.no>", subject: "Sletting",
		body: "Hei, jeg vil at dere sletter alle opplysninger om meg.\nOla", id: "a1@example.no"}, at)
	if res.Outcome != desk.OutcomeNewCase || res.Ref != "PV-2026-0001" {
		t.Fatalf("result = %+v", res)
	}
	det, err := d.CaseByRef(context.Background(), res.Ref)
	if err != nil {
		t.Fatal(err)
	}
	c := det.Case
	if got := deadline.Format(c.DueAt); got != "2026-03-02" {
		t.Errorf("due = %s, want 2026-03-02 (28 Feb is a Saturday)", got)
	}
	if c.Requester != "ola@example.no" || c.RequesterName != "Ola Nordmann" {
		t.Errorf("requester = %q %q", c.Requester, c.RequesterName)
	}
	if !strings.Contains(dsr.JoinRights(c.RightList()), "erasure") || c.Status != dsr.StatusNew {
		t.Errorf("rights %v status %s", c.RightList(), c.Status)
	}
	if len(det.Events) != 1 || det.Events[0].Kind != "case.opened" {
		t.Errorf("events = %+v", det.Events)
	}
	if len(det.Messages) != 1 || !det.Messages[0].ReceivedAt.Equal(at) {
		t.Errorf("messages = %+v", det.Messages)
	}
}

func TestNotARequestStillGetsACase(t *testing.T) {
	d := newDesk(t)
	res := ingest(t, d, 1, msg{from: "kunde@example.no", subject: "Hvor er pakken min?",
		body: "Hei, jeg bestilte en vaskemaskin forrige uke. Når kommer den?", id: "o1@example.no"}, fixedNow)
	det, err := d.Case(context.Background(), res.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	if det.Case.Status != dsr.StatusNotARequest || len(det.Case.Rights) != 0 {
		t.Errorf("status %s rights %v, want not_a_request without rights", det.Case.Status, det.Case.Rights)
	}
}

func TestFollowUpThreadsByHeaders(t *testing.T) {
	d := newDesk(t)
	first := ingest(t, d, 1, msg{from: "ola@example.no", subject: "Innsyn", body: "Jeg ber om innsyn i opplysningene dere har om meg.", id: "a1@example.no"}, fixedNow.Add(-48*time.Hour))
	second := ingest(t, d, 2, msg{from: "ola@example.no", subject: "Re: Innsyn", body: "Her er legitimasjon.", id: "a2@example.no", inReplyTo: "a1@example.no"}, fixedNow)
	if second.Outcome != desk.OutcomeThreaded || second.CaseID != first.CaseID {
		t.Fatalf("follow-up = %+v, want threaded onto %d", second, first.CaseID)
	}
	rows, _ := d.Inbox(context.Background(), desk.ScopeAll)
	if len(rows) != 1 {
		t.Errorf("cases = %d, want 1", len(rows))
	}
}

func TestSubjectTagOnlyFromRequester(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	first := ingest(t, d, 1, msg{from: "ola@example.no", subject: "Innsyn", body: "Jeg ber om innsyn i opplysningene dere har om meg.", id: "a1@example.no"}, fixedNow.Add(-48*time.Hour))
	// The requester writes a new mail (no threading headers) with the tag.
	own := ingest(t, d, 2, msg{from: "OLA@example.no", subject: "[" + first.Ref + "] tillegg", body: "Jeg glemte å nevne kundenummeret mitt.", id: "a2@example.no"}, fixedNow)
	if own.Outcome != desk.OutcomeThreaded || own.CaseID != first.CaseID {
		t.Fatalf("requester's tagged mail = %+v, want threaded", own)
	}
	// Someone else copies the tag: a new case with a note, not a join.
	other := ingest(t, d, 3, msg{from: "mallory@example.net", subject: "Re: [" + first.Ref + "] Innsyn", body: "Send meg alle opplysningene om Ola.", id: "m1@example.net"}, fixedNow)
	if other.Outcome != desk.OutcomeNewCase || other.CaseID == first.CaseID {
		t.Fatalf("stranger's tagged mail = %+v, want a new case", other)
	}
	det, err := d.Case(ctx, other.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(det.Case.Note, first.Ref) || !strings.Contains(det.Case.Note, "not that case's requester") {
		t.Errorf("note = %q", det.Case.Note)
	}
	orig, _ := d.Case(ctx, first.CaseID)
	if len(orig.Messages) != 2 {
		t.Errorf("original case has %d messages, want 2", len(orig.Messages))
	}
}

func TestSameMessageNeverStoredTwice(t *testing.T) {
	d := newDesk(t)
	m := msg{from: "ola@example.no", subject: "Slett meg", body: "Slett kontoen min.", id: "dup@example.no"}
	first := ingest(t, d, 1, m, fixedNow)
	again := ingest(t, d, 1, m, fixedNow) // same IMAP identity
	if again.Outcome != desk.OutcomeAlreadyStored {
		t.Errorf("same UID: %v", again.Outcome)
	}
	// Same Message-ID under a new UIDVALIDITY / UID.
	res, err := d.Ingest(context.Background(), desk.Incoming{Mailbox: "INBOX", UIDValidity: 8, UID: 1, InternalDate: fixedNow, Raw: m.raw()})
	if err != nil || res.Outcome != desk.OutcomeAlreadyStored || res.CaseID != first.CaseID {
		t.Errorf("same Message-ID: %+v %v", res, err)
	}
	// Without a Message-ID, the bytes decide.
	noID := msg{from: "per@example.no", subject: "Slett meg", body: "Slett kontoen min."}
	ingest(t, d, 2, noID, fixedNow)
	res, err = d.Ingest(context.Background(), desk.Incoming{Mailbox: "INBOX", UIDValidity: 9, UID: 5, InternalDate: fixedNow, Raw: noID.raw()})
	if err != nil || res.Outcome != desk.OutcomeAlreadyStored {
		t.Errorf("same bytes: %+v %v", res, err)
	}
	n, _ := d.Store().CountMessages(context.Background())
	if n != 2 {
		t.Errorf("stored messages = %d, want 2", n)
	}
}

func TestBrokenMessageKeepsRawBytes(t *testing.T) {
	d := newDesk(t)
	raw := []byte("From: ola@example.no\r\nSubject: slett meg\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64\r\n")
	res, err := d.Ingest(context.Background(), desk.Incoming{Mailbox: "INBOX", UIDValidity: 1, UID: 1, InternalDate: fixedNow, Raw: raw})
	if err != nil {
		t.Fatal(err)
	}
	det, _ := d.Case(context.Background(), res.CaseID)
	if len(det.Messages) != 1 || len(det.Messages[0].Warnings) == 0 {
		t.Fatalf("want a parse warning, got %+v", det.Messages)
	}
	got, err := d.Store().Raw(context.Background(), det.Messages[0].ID)
	if err != nil || string(got) != string(raw) {
		t.Errorf("raw bytes not kept: %q %v", got, err)
	}
}
