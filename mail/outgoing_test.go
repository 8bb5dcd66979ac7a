package mail_test

import (
	"bytes"
	"io"
	"mime/quotedprintable"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	gomail "github.com/emersion/go-message/mail"

	"github.com/magnetharstad/pvdesk/mail"
)

var (
	testOslo = mustLoc("Europe/Oslo")
	testFrom = mail.Address{Name: "Magnet AS", Addr: "post@magnetharstad.no"}
)

func mustLoc(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// norwegianReply is a reply as the desk sends one: non-ASCII in the
// subject, the name and the body, threaded onto the request.
func norwegianReply() mail.Outgoing {
	return mail.Outgoing{
		From:       testFrom,
		To:         mail.Address{Name: "Bjørn Åsheim", Addr: "bjorn@example.no"},
		Subject:    "Sv: Innsyn i personopplysninger – æøå ÆØÅ [PV-2026-0007]",
		InReplyTo:  "req-2@example.no",
		References: []string{"req-1@example.no", "req-2@example.no"},
		Body: "Hei Bjørn,\n\nvi har mottatt kravet ditt om innsyn og svarer innen fristen.\n" +
			"Blåbærsyltetøy på brødskiva: æ ø å Æ Ø Å.\n" +
			"En linje som er lang nok til at quoted-printable må bryte den, fordi den er over syttiseks tegn lang.\n" +
			".\n" + // a lone dot, which SMTP must stuff
			"Med vennlig hilsen\nMagnet AS",
		Date: time.Date(2026, 3, 2, 14, 5, 9, 0, testOslo),
	}
}

// readBack parses raw with go-message, as a receiving client would.
func readBack(t *testing.T, raw []byte) (gomail.Header, string) {
	t.Helper()
	r, err := gomail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("message does not parse: %v\n%s", err, raw)
	}
	p, err := r.NextPart()
	if err != nil {
		t.Fatalf("no part: %v", err)
	}
	body, err := io.ReadAll(p.Body)
	if err != nil {
		t.Fatal(err)
	}
	return r.Header, string(body)
}

// headerLines counts the header fields named key in raw's header block.
func headerLines(raw []byte, key string) int {
	head, _, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
	n := 0
	for _, line := range strings.Split(string(head), "\r\n") {
		if k, _, ok := strings.Cut(line, ":"); ok && strings.EqualFold(k, key) && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t") {
			n++
		}
	}
	return n
}

// checkWire asserts what SMTP and IMAP need of the bytes: CRLF line ends
// only, a 7-bit-clean body and header lines within RFC 5322's limit.
func checkWire(t *testing.T, raw []byte) {
	t.Helper()
	if bytes.Contains(bytes.ReplaceAll(raw, []byte("\r\n"), nil), []byte("\n")) ||
		bytes.Contains(bytes.ReplaceAll(raw, []byte("\r\n"), nil), []byte("\r")) {
		t.Errorf("bare CR or LF in the message:\n%q", raw)
	}
	for _, line := range bytes.Split(raw, []byte("\r\n")) {
		if len(line) > 78 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
		for _, c := range line {
			if c >= 0x80 || (c < 0x20 && c != '\t') {
				t.Errorf("octet %#x on the wire: %q", c, line)
				break
			}
		}
	}
	if !bytes.HasSuffix(raw, []byte("\r\n")) {
		t.Error("message does not end with CRLF")
	}
}

func TestBuildMessageRoundTrip(t *testing.T) {
	o := norwegianReply()
	raw, id, err := mail.BuildMessage(o)
	if err != nil {
		t.Fatal(err)
	}
	checkWire(t, raw)
	if !regexp.MustCompile(`^[a-z2-7]{26}@magnetharstad\.no$`).MatchString(id) {
		t.Errorf("generated Message-ID %q, want <random>@magnetharstad.no", id)
	}
	h, body := readBack(t, raw)
	if got, _ := h.Subject(); got != o.Subject {
		t.Errorf("Subject %q, want %q", got, o.Subject)
	}
	if !strings.Contains(h.Get("Subject"), "=?utf-8?") {
		t.Errorf("Subject field %q is not RFC 2047-encoded", h.Get("Subject"))
	}
	if from, err := h.AddressList("From"); err != nil || len(from) != 1 || from[0].Name != "Magnet AS" || from[0].Address != "post@magnetharstad.no" {
		t.Errorf("From %v (%v)", from, err)
	}
	if to, err := h.AddressList("To"); err != nil || len(to) != 1 || to[0].Name != "Bjørn Åsheim" || to[0].Address != "bjorn@example.no" {
		t.Errorf("To %v (%v)", to, err)
	}
	if got, _ := h.MessageID(); got != id {
		t.Errorf("Message-ID %q, want %q", got, id)
	}
	if got, _ := h.MsgIDList("In-Reply-To"); !slices.Equal(got, []string{"req-2@example.no"}) {
		t.Errorf("In-Reply-To %v", got)
	}
	if got, _ := h.MsgIDList("References"); !slices.Equal(got, []string{"req-1@example.no", "req-2@example.no"}) {
		t.Errorf("References %v", got)
	}
	if got, err := h.Date(); err != nil || !got.Equal(o.Date) {
		t.Errorf("Date %v (%v), want %v", got, err, o.Date)
	}
	if !strings.HasSuffix(h.Get("Date"), "+0100") {
		t.Errorf("Date %q: want the Oslo offset kept", h.Get("Date"))
	}
	if h.Get("Mime-Version") != "1.0" {
		t.Errorf("MIME-Version %q", h.Get("Mime-Version"))
	}
	if mt, params, _ := h.ContentType(); mt != "text/plain" || params["charset"] != "utf-8" {
		t.Errorf("Content-Type %q", h.Get("Content-Type"))
	}
	if cte := h.Get("Content-Transfer-Encoding"); cte != "quoted-printable" {
		t.Errorf("Content-Transfer-Encoding %q", cte)
	}
	want := strings.ReplaceAll(o.Body, "\n", "\r\n") + "\r\n"
	if body != want {
		t.Errorf("body\n%q\nwant\n%q", body, want)
	}
	// The fields come in the order people expect to read them.
	head, _, _ := strings.Cut(string(raw), "\r\n\r\n")
	var keys []string
	for _, line := range strings.Split(head, "\r\n") {
		if k, _, ok := strings.Cut(line, ":"); ok && line[0] != ' ' {
			keys = append(keys, k)
		}
	}
	wantKeys := []string{"Date", "From", "To", "Subject", "Message-Id", "In-Reply-To", "References", "Mime-Version", "Content-Type", "Content-Transfer-Encoding"}
	if !slices.Equal(keys, wantKeys) {
		t.Errorf("header fields %v, want %v", keys, wantKeys)
	}

	// pvdesk's own parser threads it the same way.
	m := mail.Parse(raw)
	if m.Subject != o.Subject || m.MessageID != id || !slices.Equal(m.InReplyTo, []string{o.InReplyTo}) ||
		!slices.Equal(m.References, o.References) || strings.TrimRight(m.Text, "\n") != strings.TrimRight(o.Body, "\n") {
		t.Errorf("Parse gives subject %q id %q in-reply-to %v refs %v text %q", m.Subject, m.MessageID, m.InReplyTo, m.References, m.Text)
	}
}

func TestBuildMessageBodyLineEnds(t *testing.T) {
	for _, body := range []string{"a\nb\n", "a\r\nb\r\n", "a\rb\r", "a\nb", "a\r\nb"} {
		o := norwegianReply()
		o.Body = body
		raw, _, err := mail.BuildMessage(o)
		if err != nil {
			t.Fatal(err)
		}
		checkWire(t, raw)
		_, part, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
		dec, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(part)))
		if err != nil {
			t.Fatal(err)
		}
		if string(dec) != "a\r\nb\r\n" {
			t.Errorf("body %q on the wire decodes to %q, want CRLF lines", body, dec)
		}
	}
}

func TestBuildMessageThreading(t *testing.T) {
	o := norwegianReply()
	o.References = []string{"req-2@example.no", "req-0@example.no", "req-0@example.no"}
	o.InReplyTo = "req-2@example.no"
	o.MessageID = "fixed-1@magnetharstad.no"
	raw, id, err := mail.BuildMessage(o)
	if err != nil {
		t.Fatal(err)
	}
	if id != "fixed-1@magnetharstad.no" {
		t.Errorf("Message-ID %q, want the given one", id)
	}
	h, _ := readBack(t, raw)
	// Duplicates go, and the parent is last whatever the caller's order.
	if got, _ := h.MsgIDList("References"); !slices.Equal(got, []string{"req-0@example.no", "req-2@example.no"}) {
		t.Errorf("References %v", got)
	}

	// A first letter has no threading fields at all.
	o = norwegianReply()
	o.InReplyTo, o.References = "", nil
	raw, _, err = mail.BuildMessage(o)
	if err != nil {
		t.Fatal(err)
	}
	if headerLines(raw, "In-Reply-To") != 0 || headerLines(raw, "References") != 0 {
		t.Errorf("threading fields in a letter that starts a thread:\n%s", raw)
	}

	// A zero Date is now.
	o.Date = time.Time{}
	raw, _, err = mail.BuildMessage(o)
	if err != nil {
		t.Fatal(err)
	}
	h, _ = readBack(t, raw)
	if d, err := h.Date(); err != nil || time.Since(d) > time.Minute || time.Since(d) < -time.Second {
		t.Errorf("Date %v (%v), want now", d, err)
	}
}

const hostile = "x\r\nBcc: evil@example.com"

func TestBuildMessageFoldsHostileText(t *testing.T) {
	o := norwegianReply()
	o.Subject = "Sv: " + hostile
	o.To.Name = hostile
	o.From.Name = "Magnet\nAS\x00\x1b[31m"
	raw, _, err := mail.BuildMessage(o)
	if err != nil {
		t.Fatal(err)
	}
	checkWire(t, raw)
	if n := headerLines(raw, "Bcc"); n != 0 {
		t.Errorf("%d Bcc fields:\n%s", n, raw)
	}
	if n := headerLines(raw, "To"); n != 1 {
		t.Errorf("%d To fields:\n%s", n, raw)
	}
	h, _ := readBack(t, raw)
	if got, _ := h.Subject(); got != "Sv: x Bcc: evil@example.com" {
		t.Errorf("Subject %q, want the line break folded to a space", got)
	}
	to, err := h.AddressList("To")
	if err != nil || len(to) != 1 || to[0].Address != "bjorn@example.no" || to[0].Name != "x Bcc: evil@example.com" {
		t.Errorf("To %v (%v), want one address, the name folded", to, err)
	}
	if from, _ := h.AddressList("From"); len(from) != 1 || from[0].Name != "Magnet AS [31m" {
		t.Errorf("From %v", from)
	}
	if h.Get("Bcc") != "" || h.Get("Cc") != "" {
		t.Errorf("Bcc %q Cc %q", h.Get("Bcc"), h.Get("Cc"))
	}
}

func TestBuildMessageRefusesHostileAddressesAndIDs(t *testing.T) {
	cases := map[string]func(*mail.Outgoing){
		"to address":           func(o *mail.Outgoing) { o.To.Addr = hostile },
		"to address, tail":     func(o *mail.Outgoing) { o.To.Addr = "kari@example.no\r\nBcc: evil@example.com" },
		"to address, list":     func(o *mail.Outgoing) { o.To.Addr = "kari@example.no, evil@example.com" },
		"to address, angle":    func(o *mail.Outgoing) { o.To.Addr = "kari@example.no>, <evil@example.com" },
		"to address, NUL":      func(o *mail.Outgoing) { o.To.Addr = "kari@example.no\x00" },
		"to address, empty":    func(o *mail.Outgoing) { o.To.Addr = "" },
		"to address, no @":     func(o *mail.Outgoing) { o.To.Addr = "kari" },
		"to address, two @":    func(o *mail.Outgoing) { o.To.Addr = "kari@evil@example.no" },
		"to address, too long": func(o *mail.Outgoing) { o.To.Addr = "0@" + strings.Repeat("~", 998) },
		"from address":         func(o *mail.Outgoing) { o.From.Addr = "post@magnetharstad.no\nBcc: evil@example.com" },
		"in-reply-to":          func(o *mail.Outgoing) { o.InReplyTo = hostile },
		"in-reply-to, LF":      func(o *mail.Outgoing) { o.InReplyTo = "a@b\nBcc: evil@example.com" },
		"in-reply-to, angle":   func(o *mail.Outgoing) { o.InReplyTo = "a@b> <c@d" },
		"references":           func(o *mail.Outgoing) { o.References = []string{"ok@example.no", hostile} },
		"message-id":           func(o *mail.Outgoing) { o.MessageID = hostile },
		"message-id, space":    func(o *mail.Outgoing) { o.MessageID = "a b@c" },
		"message-id, DEL":      func(o *mail.Outgoing) { o.MessageID = "a\x7f@c" },
		"references, invalid":  func(o *mail.Outgoing) { o.References = []string{"\xff@c"} },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			o := norwegianReply()
			mutate(&o)
			raw, id, err := mail.BuildMessage(o)
			if err == nil {
				t.Fatalf("built a message:\n%s", raw)
			}
			if raw != nil || id != "" {
				t.Errorf("returned bytes or an ID with the error %v", err)
			}
			if strings.ContainsAny(err.Error(), "\r\n\x00") {
				t.Errorf("error %q carries a raw control character", err)
			}
		})
	}
}

func FuzzBuildMessageHeaders(f *testing.F) {
	f.Add(hostile, hostile, "kari@example.no", "a@b")
	f.Add("Innsyn æøå", "Bjørn", "bjorn@example.no", "")
	f.Fuzz(func(t *testing.T, subject, name, addr, inReplyTo string) {
		o := norwegianReply()
		o.Subject, o.To.Name, o.To.Addr, o.InReplyTo = subject, name, addr, inReplyTo
		raw, _, err := mail.BuildMessage(o)
		if err != nil {
			return
		}
		if headerLines(raw, "Bcc") != 0 || headerLines(raw, "To") != 1 || headerLines(raw, "Cc") != 0 {
			t.Fatalf("header fields injected:\n%s", raw)
		}
		h, _ := readBack(t, raw)
		to, err := h.AddressList("To")
		if err != nil || len(to) != 1 || to[0].Address != addr {
			t.Fatalf("To %v (%v), want exactly %q", to, err, addr)
		}
		if strings.ContainsAny(to[0].Name, "\r\n") {
			t.Fatalf("To name %q keeps a line break", to[0].Name)
		}
		if got, err := h.Subject(); err != nil || strings.ContainsAny(got, "\r\n") {
			t.Fatalf("Subject %q (%v)", got, err)
		}
	})
}

func TestBuildMessageLongSubjects(t *testing.T) {
	for _, subject := range []string{
		"Sv: Krav om innsyn i personopplysninger etter personvernforordningen artikkel 15 – svar",
		strings.Repeat("æøå ", 40),
		strings.Repeat("a", 70) + " ø " + strings.Repeat("b", 70),
		"Sv: " + strings.Repeat("🙂", 30),
		strings.Repeat("Innsyn ", 30),
	} {
		o := norwegianReply()
		o.Subject = subject
		raw, _, err := mail.BuildMessage(o)
		if err != nil {
			t.Fatal(err)
		}
		checkWire(t, raw)
		h, _ := readBack(t, raw)
		if got, err := h.Subject(); got != strings.TrimSpace(subject) || err != nil {
			t.Errorf("Subject %q (%v)\nwant    %q", got, err, subject)
		}
		if m := mail.Parse(raw); m.Subject != strings.TrimSpace(subject) {
			t.Errorf("Parse: Subject %q\nwant           %q", m.Subject, subject)
		}
	}
}

// TestBuildMessageLongestAddress: an address of the most SMTP carries (254
// bytes) is built and reads back as it was; a longer one is refused
// (TestBuildMessageRefusesHostileAddressesAndIDs).
func TestBuildMessageLongestAddress(t *testing.T) {
	o := norwegianReply()
	o.To.Addr = strings.Repeat("k", 64) + "@" + strings.Repeat("a", 63) + "." + strings.Repeat("b", 63) + "." + strings.Repeat("c", 58) + ".no"
	if len(o.To.Addr) != 254 {
		t.Fatalf("test address is %d bytes", len(o.To.Addr))
	}
	raw, _, err := mail.BuildMessage(o)
	if err != nil {
		t.Fatal(err)
	}
	// An address has nowhere to fold, so its line is over the 78 octets
	// checkWire asks for; it must stay within the 998 that RFC 5322 sets.
	checkLines(t, raw, 998)
	h, _ := readBack(t, raw)
	if to, err := h.AddressList("To"); err != nil || len(to) != 1 || to[0].Address != o.To.Addr {
		t.Errorf("To %v (%v), want %q", to, err, o.To.Addr)
	}
}

// checkLines fails the test for a line of raw longer than max octets.
func checkLines(t *testing.T, raw []byte, max int) {
	t.Helper()
	for _, line := range bytes.Split(raw, []byte("\r\n")) {
		if len(line) > max {
			t.Errorf("line of %d octets, over %d", len(line), max)
		}
	}
}

// TestBuildMessageLongReferences: a requester's Message-ID too long for a
// header line is left out of In-Reply-To and References (folding would cut
// it in two) and the letter is still built; our own Message-ID may not be
// that long.
func TestBuildMessageLongReferences(t *testing.T) {
	long := strings.Repeat("x", 1200) + "@example.no"
	o := norwegianReply()
	o.InReplyTo, o.References = long, []string{"first@example.no", long}
	raw, _, err := mail.BuildMessage(o)
	if err != nil {
		t.Fatal(err)
	}
	checkWire(t, raw)
	if headerLines(raw, "In-Reply-To") != 0 || bytes.Contains(raw, []byte("xxxxxxxxxx")) {
		t.Errorf("the long ID was written:\n%s", raw)
	}
	h, _ := readBack(t, raw)
	if refs, err := h.MsgIDList("References"); err != nil || !slices.Equal(refs, []string{"first@example.no"}) {
		t.Errorf("References %v (%v), want the short one", refs, err)
	}
	o = norwegianReply()
	o.MessageID = long
	if _, _, err := mail.BuildMessage(o); err == nil {
		t.Error("built a message with a Message-ID longer than a header line")
	}
}
