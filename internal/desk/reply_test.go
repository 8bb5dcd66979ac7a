package desk_test

import (
	"context"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/reply"
	"github.com/magnetharstad/pvdesk/mail"
	"github.com/magnetharstad/pvdesk/store"
)

// smtpSink is a real SMTP server on 127.0.0.1 that keeps what it receives.
type smtpSink struct {
	mu   sync.Mutex
	got  [][]byte
	to   [][]string
	addr string
}

func startSMTP(t *testing.T) *smtpSink {
	t.Helper()
	s := &smtpSink{}
	srv, err := mail.StartDemoSMTP(func(from string, to []string, raw []byte) error {
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
	s.addr = srv.Addr
	return s
}

func (s *smtpSink) messages() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([][]byte{}, s.got...)
}

func replyDesk(t *testing.T, clk *clock, smtpAddr string, user string, leads []string, copies *[][]byte) *desk.Desk {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "pv.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	host, port := splitAddr(t, smtpAddr)
	mailer := &desk.Mailer{
		From: mail.Address{Name: "Magnet AS", Addr: "post@magnetharstad.no"},
		SMTP: func(context.Context) (mail.SMTPConfig, error) {
			return mail.SMTPConfig{Host: host, Port: port, Security: "none", Timeout: 5 * time.Second}, nil
		},
	}
	if copies != nil {
		mailer.SentCopy = func(_ context.Context, raw []byte, _ time.Time) error {
			*copies = append(*copies, raw)
			return nil
		}
	}
	return desk.New(st, desk.Options{Now: clk.now, User: user, Leads: leads, Replies: desk.ReplyConfig{Mailer: mailer}})
}

func TestSendReceiptOverSMTP(t *testing.T) {
	ctx := context.Background()
	sink := startSMTP(t)
	clk := &clock{oslo(2026, 3, 2, 10)}
	var copies [][]byte
	d := replyDesk(t, clk, sink.addr, "kari", nil, &copies)
	res := ingest(t, d, 1, msg{from: "Ola Nordmann <ola@example.no>", subject: "Innsyn og sletting",
		body: "Jeg ber om innsyn i opplysningene dere har om meg, og at dere sletter dem etterpå.", id: "req-1@example.no"}, clk.t)
	dr, err := d.ComposeReply(ctx, res.CaseID, reply.Receipt, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SaveDraft(ctx, dr); err != nil {
		t.Fatal(err)
	}
	sent, err := d.SendDraft(ctx, dr.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := sink.messages()
	if len(got) != 1 || len(copies) != 1 || string(copies[0]) != string(got[0]) {
		t.Fatalf("received %d, filed %d", len(got), len(copies))
	}
	p := mail.Parse(got[0])
	if p.Subject != "Re: [PV-2026-0001] Innsyn og sletting" {
		t.Errorf("subject = %q", p.Subject)
	}
	if len(p.InReplyTo) != 1 || p.InReplyTo[0] != "req-1@example.no" || len(p.References) != 1 || p.References[0] != "req-1@example.no" {
		t.Errorf("threading: in-reply-to %v references %v", p.InReplyTo, p.References)
	}
	if p.MessageID != sent.MessageID || p.From.Addr != "post@magnetharstad.no" || len(p.To) != 1 || p.To[0].Addr != "ola@example.no" {
		t.Errorf("headers: id %q from %q to %v", p.MessageID, p.From.Addr, p.To)
	}
	if !strings.Contains(p.Text, "PV-2026-0001") || !strings.Contains(p.Text, "7. april 2026") {
		t.Errorf("body lacks the ref or the due date:\n%s", p.Text)
	}
	det, _ := d.Case(ctx, res.CaseID)
	if len(det.Messages) != 2 || det.Messages[1].Direction != "out" {
		t.Errorf("outbound message not stored: %+v", det.Messages)
	}
	if last := det.Events[len(det.Events)-1]; last.Kind != "reply.sent" || !strings.Contains(last.Details, sent.MessageID) {
		t.Errorf("last event = %+v", last)
	}
	if det.Case.Status != dsr.StatusInProgress {
		t.Errorf("status = %s", det.Case.Status)
	}
	// The person answers the reply: it threads onto the case.
	back := ingest(t, d, 2, msg{from: "ola@example.no", subject: "Re: [PV-2026-0001] Innsyn og sletting", body: "Takk!", id: "req-2@example.no", inReplyTo: sent.MessageID}, clk.t.Add(time.Hour))
	if back.Outcome != desk.OutcomeThreaded || back.CaseID != res.CaseID {
		t.Errorf("answer to our reply: %+v", back)
	}
}

func TestCompletionTicksStepAndAnswers(t *testing.T) {
	ctx := context.Background()
	sink := startSMTP(t)
	clk := &clock{oslo(2026, 3, 2, 10)}
	d := replyDesk(t, clk, sink.addr, "kari", nil, nil)
	res := ingest(t, d, 1, msg{from: "ola@example.no", subject: "Stopp reklame", body: "Meld meg av nyhetsbrevet deres.", id: "m-1@example.no"}, clk.t)
	dr, err := d.ComposeReply(ctx, res.CaseID, reply.Completion, "")
	if err != nil {
		t.Fatal(err)
	}
	d.SaveDraft(ctx, dr)
	if _, err := d.SendDraft(ctx, dr.ID); err != nil {
		t.Fatal(err)
	}
	det, _ := d.Case(ctx, res.CaseID)
	if det.Case.Status != dsr.StatusAnswered {
		t.Errorf("status = %s", det.Case.Status)
	}
	for _, s := range det.Steps {
		if s.ID == "reply" && !s.Done {
			t.Error("reply step not ticked")
		}
	}
}

func TestEditedLetterMustKeepRequiredContent(t *testing.T) {
	ctx := context.Background()
	sink := startSMTP(t)
	clk := &clock{oslo(2026, 3, 2, 10)}
	d := replyDesk(t, clk, sink.addr, "kari", nil, nil)
	res := ingest(t, d, 1, msg{from: "ola@example.no", subject: "Innsyn", body: "Jeg ber om innsyn i opplysningene om meg.", id: "a-1@example.no"}, clk.t)
	dr, err := d.ComposeReply(ctx, res.CaseID, reply.Refusal, "Åpenbart grunnløst: tredje like forespørsel denne måneden.")
	if err != nil {
		t.Fatal(err)
	}
	dr.Body = regexp.MustCompile(`(?i)datatilsynet`).ReplaceAllString(dr.Body, "tilsynet")
	d.SaveDraft(ctx, dr)
	_, err = d.SendDraft(ctx, dr.ID)
	var ce *reply.CheckError
	if !errors.As(err, &ce) {
		t.Fatalf("edited refusal without Datatilsynet: %v", err)
	}
	if len(sink.messages()) != 0 {
		t.Error("a letter lacking required content went out")
	}
}

func TestSMTPFailureKeepsTheDraft(t *testing.T) {
	ctx := context.Background()
	clk := &clock{oslo(2026, 3, 2, 10)}
	d := replyDesk(t, clk, "127.0.0.1:1", "kari", nil, nil) // nothing listens on port 1
	res := ingest(t, d, 1, msg{from: "ola@example.no", subject: "Innsyn", body: "Jeg ber om innsyn i opplysningene om meg.", id: "a-1@example.no"}, clk.t)
	dr, _ := d.ComposeReply(ctx, res.CaseID, reply.Receipt, "")
	d.SaveDraft(ctx, dr)
	if _, err := d.SendDraft(ctx, dr.ID); err == nil {
		t.Fatal("send to a closed port succeeded")
	}
	drafts, _ := d.Drafts(ctx, res.CaseID)
	if len(drafts) != 1 || drafts[0].LastError == "" || drafts[0].Body != dr.Body {
		t.Fatalf("draft after failure: %+v", drafts)
	}
	det, _ := d.Case(ctx, res.CaseID)
	if len(det.Messages) != 1 {
		t.Error("a failed letter was stored as sent")
	}
}

func TestRefusalLetterNeedsApproval(t *testing.T) {
	ctx := context.Background()
	sink := startSMTP(t)
	clk := &clock{oslo(2026, 3, 2, 10)}
	d := replyDesk(t, clk, sink.addr, "ola", []string{"kari"}, nil)
	res := ingest(t, d, 1, msg{from: "x@example.no", subject: "Innsyn", body: "Jeg ber om innsyn i opplysningene om meg.", id: "a-1@example.no"}, clk.t)
	dr, _ := d.ComposeReply(ctx, res.CaseID, reply.Refusal, "Grunnløs.")
	d.SaveDraft(ctx, dr)
	if _, err := d.SendDraft(ctx, dr.ID); !errors.Is(err, desk.ErrLeadOnly) {
		t.Errorf("handler's unapproved refusal: %v", err)
	}
	dr2, _ := d.ComposeReply(ctx, res.CaseID, reply.Extension, "")
	d.SaveDraft(ctx, dr2)
	if _, err := d.SendDraft(ctx, dr2.ID); err == nil || !strings.Contains(err.Error(), "not extended") {
		t.Errorf("extension notice on an unextended case: %v", err)
	}
	if len(sink.messages()) != 0 {
		t.Error("letters went out")
	}
}

func splitAddr(t *testing.T, addr string) (string, int) {
	t.Helper()
	i := strings.LastIndex(addr, ":")
	var port int
	for _, c := range addr[i+1:] {
		port = port*10 + int(c-'0')
	}
	return addr[:i], port
}

// TestDraftIsSentOnce: a draft another desk is sending is refused, and a
// sent draft cannot be sent again.
func TestDraftIsSentOnce(t *testing.T) {
	ctx := context.Background()
	sink := startSMTP(t)
	clk := &clock{oslo(2026, 3, 2, 10)}
	d := replyDesk(t, clk, sink.addr, "kari", nil, nil)
	res := ingest(t, d, 1, msg{from: "ola@example.no", subject: "Innsyn", body: "Jeg ber om innsyn i opplysningene om meg.", id: "a-1@example.no"}, clk.t)
	dr, _ := d.ComposeReply(ctx, res.CaseID, reply.Receipt, "")
	d.SaveDraft(ctx, dr)
	// Another desk on the same file is in the middle of sending it.
	if err := d.Store().ClaimDraft(ctx, dr.ID, "ola", clk.t, false); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SendDraft(ctx, dr.ID); !errors.Is(err, store.ErrDraftBusy) || !strings.Contains(err.Error(), "ola") {
		t.Fatalf("send while another desk sends: %v", err)
	}
	if len(sink.messages()) != 0 {
		t.Fatal("the letter went out twice")
	}
	// That desk died, before or after the SMTP server took the letter:
	// once the claim is stale the draft is in doubt, and only sent again
	// when someone says so.
	clk.t = clk.t.Add(store.DraftClaimTimeout + time.Minute)
	var doubt *desk.DraftInDoubtError
	if _, err := d.SendDraft(ctx, dr.ID); !errors.As(err, &doubt) || doubt.By != "ola" || !doubt.At.Equal(oslo(2026, 3, 2, 10)) {
		t.Fatalf("send after the stale claim: %v, want in doubt (ola, 10:00)", err)
	}
	if len(sink.messages()) != 0 {
		t.Fatal("a draft in doubt went out without being asked")
	}
	if _, err := d.ResendDraft(ctx, dr.ID); err != nil {
		t.Fatalf("sending again after the stale claim: %v", err)
	}
	if evs := events(t, d, res.CaseID, "reply.sent"); len(evs) != 1 || !strings.Contains(evs[0], "sent again") {
		t.Errorf("reply.sent events %q, want one that says it was sent again", evs)
	}
	if _, err := d.SendDraft(ctx, dr.ID); err == nil || !strings.Contains(err.Error(), "already sent") {
		t.Errorf("second send: %v", err)
	}
	if n := len(sink.messages()); n != 1 {
		t.Errorf("server received %d letters, want 1", n)
	}
}

// TestRefusalLetterKeepsItsReason: a lead's refusal letter records the
// reason on the case, so the annual figures list it.
func TestRefusalLetterKeepsItsReason(t *testing.T) {
	ctx := context.Background()
	sink := startSMTP(t)
	clk := &clock{oslo(2026, 3, 2, 10)}
	d := replyDesk(t, clk, sink.addr, "kari", nil, nil)
	res := ingest(t, d, 1, msg{from: "x@example.no", subject: "Innsyn", body: "Jeg ber om innsyn i opplysningene om meg.", id: "a-1@example.no"}, clk.t)
	reason := "Fjerde like forespørsel på to måneder (art. 12 nr. 5)."
	dr, _ := d.ComposeReply(ctx, res.CaseID, reply.Refusal, reason)
	d.SaveDraft(ctx, dr)
	if _, err := d.SendDraft(ctx, dr.ID); err != nil {
		t.Fatal(err)
	}
	f, err := d.Figures(ctx, desk.Period{From: oslo(2026, 1, 1, 0), To: oslo(2026, 12, 31, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Refusals) != 1 || f.Refusals[0].Reason != reason {
		t.Errorf("refusals = %+v", f.Refusals)
	}
}

// events returns the details of the case's audit events of kind.
func events(t *testing.T, d *desk.Desk, caseID int64, kind string) []string {
	t.Helper()
	evs, err := d.Store().Events(context.Background(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		if e.Kind == kind {
			out = append(out, e.Details)
		}
	}
	return out
}
