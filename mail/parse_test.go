package mail

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// eml joins lines with CRLF, as messages arrive over IMAP.
func eml(lines ...string) []byte {
	return []byte(strings.Join(lines, "\r\n"))
}

// simple is a one-part message with the given Content-Type,
// Content-Transfer-Encoding (omitted if "") and body.
func simple(ctype, cte string, body []byte) []byte {
	h := []string{
		"From: Kari Nordmann <kari@example.no>",
		"To: post@magnetharstad.no",
		"Subject: Innsyn",
		"Date: Mon, 05 Jan 2026 10:00:00 +0100",
		"Message-ID: <t1@example.no>",
		"MIME-Version: 1.0",
	}
	if ctype != "" {
		h = append(h, "Content-Type: "+ctype)
	}
	if cte != "" {
		h = append(h, "Content-Transfer-Encoding: "+cte)
	}
	return append(eml(append(h, "", "")...), body...)
}

// parse parses raw and checks what must hold for every message.
func parse(t *testing.T, raw []byte) *Message {
	t.Helper()
	if recordInput != nil {
		recordInput(raw)
	}
	m := Parse(raw)
	checkInvariants(t, raw, m)
	return m
}

func checkInvariants(t testing.TB, raw []byte, m *Message) {
	t.Helper()
	if m == nil {
		t.Fatal("Parse returned nil")
	}
	if !bytes.Equal(m.Raw, raw) {
		t.Fatal("Raw is not the input")
	}
	if !utf8.ValidString(m.Text) {
		t.Fatalf("Text is not valid UTF-8: %q", m.Text)
	}
	if strings.Contains(m.Text, "\r") {
		t.Fatalf("Text holds a CR: %q", m.Text)
	}
	for _, w := range m.Warnings {
		if strings.Contains(w, internalErrorPrefix) {
			t.Fatalf("Parse recovered from a panic: %s", w)
		}
	}
	// Text may outgrow the input (list marks, link addresses, forwarded
	// headers), but only by a bounded factor.
	if len(m.Text) > 8*len(raw)+4096 {
		t.Fatalf("Text is %d bytes for %d bytes of input", len(m.Text), len(raw))
	}
	if len(m.Warnings) > maxWarnings+1 {
		t.Fatalf("%d warnings", len(m.Warnings))
	}
	for _, s := range []string{m.Subject, m.From.Name, m.From.Addr, m.MessageID} {
		if !utf8.ValidString(s) {
			t.Fatalf("header field is not valid UTF-8: %q", s)
		}
	}
}

// wantWarning fails t unless a warning contains want; want "" means there
// must be no warnings at all.
func wantWarning(t *testing.T, m *Message, want string) {
	t.Helper()
	if want == "" {
		if len(m.Warnings) > 0 {
			t.Errorf("unexpected warnings: %q", m.Warnings)
		}
		return
	}
	for _, w := range m.Warnings {
		if strings.Contains(w, want) {
			return
		}
	}
	t.Errorf("no warning contains %q; warnings: %q", want, m.Warnings)
}

func TestParseCharsets(t *testing.T) {
	tests := []struct {
		name     string
		ctype    string
		cte      string
		body     []byte
		want     string
		wantWarn string
	}{
		{"utf-8 8bit", `text/plain; charset="utf-8"`, "8bit",
			[]byte("Jeg ønsker innsyn.\r\nMvh Bjørn"), "Jeg ønsker innsyn.\nMvh Bjørn", ""},
		{"utf-8 quoted-printable", "text/plain; charset=UTF-8", "quoted-printable",
			[]byte("Jeg =C3=B8nsker innsyn i alt dere har lagret om meg, og en kopi av =\r\nopplysningene.=20\r\n"),
			"Jeg ønsker innsyn i alt dere har lagret om meg, og en kopi av opplysningene.", ""},
		{"utf-8 base64", "text/plain; charset=utf-8", "base64",
			[]byte("U2xldHQga29udG9lbiBtaW4sIHRha2suIEhpbHNlbiBCasO4cm4=\r\n"), "Slett kontoen min, takk. Hilsen Bjørn", ""},
		{"iso-8859-1 quoted-printable", `text/plain; charset="iso-8859-1"`, "quoted-printable",
			[]byte("V=E6r s=E5 snill =E5 slette meg. Hilsen =D8ystein"), "Vær så snill å slette meg. Hilsen Øystein", ""},
		{"iso-8859-1 8bit is read as windows-1252", "text/plain; charset=ISO-8859-1", "8bit",
			[]byte("\x93Slett meg\x94 \x96 n\xe5"), "“Slett meg” – nå", ""},
		{"windows-1252", `text/plain; charset="windows-1252"`, "quoted-printable",
			[]byte("Pris =80 100 =96 =93tilbud=94"), "Pris € 100 – “tilbud”", ""},
		{"iso-8859-15 via go-message/charset", "text/plain; charset=iso-8859-15", "8bit",
			[]byte("Pris \xa4 100"), "Pris € 100", ""},
		{"koi8-r via go-message/charset", "text/plain; charset=koi8-r", "8bit",
			[]byte("\xf0\xd2\xc9\xd7\xc5\xd4"), "Привет", ""},
		{"label utf8", "text/plain; charset=utf8", "8bit",
			[]byte("Jeg ønsker innsyn"), "Jeg ønsker innsyn", ""},
		{"us-ascii", "text/plain; charset=us-ascii", "7bit",
			[]byte("Slett meg"), "Slett meg", ""},
		{"no Content-Type, UTF-8", "", "",
			[]byte("Slett meg, Bjørn"), "Slett meg, Bjørn", ""},
		{"no charset, Latin-1 bytes", "text/plain", "8bit",
			[]byte("Slett meg, Bj\xf8rn"), "Slett meg, Bjørn", "names no charset and is not UTF-8"},
		{"unknown charset with Latin-1 bytes", `text/plain; charset="x-unknown"`, "quoted-printable",
			[]byte("V=E6r s=E5 snill"), "Vær så snill", `unknown charset "x-unknown"; it was read as windows-1252`},
		{"unknown charset with UTF-8 bytes", "text/plain; charset=x-foo", "8bit",
			[]byte("Vær så snill"), "Vær så snill", `unknown charset "x-foo"; it was read as UTF-8`},
		{"utf-8 label on Latin-1 bytes", "text/plain; charset=utf-8", "8bit",
			[]byte("V\xe6r s\xe5 snill"), "Vær så snill", "is not valid UTF-8"},
		{"utf-8 label with one stray Latin-1 byte", "text/plain; charset=utf-8", "8bit",
			[]byte("Bjørn sier: pris 100 kr \xb7 takk"), "Bjørn sier: pris 100 kr · takk", "is not valid UTF-8"},
		{"iso-8859-1 label on UTF-8 bytes", "text/plain; charset=iso-8859-1", "8bit",
			[]byte("Vær så snill"), "Vær så snill", `marked "iso-8859-1" but is UTF-8`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parse(t, simple(tt.ctype, tt.cte, tt.body))
			if m.Text != tt.want {
				t.Errorf("Text = %q, want %q", m.Text, tt.want)
			}
			wantWarning(t, m, tt.wantWarn)
		})
	}
}

func TestParseHeaders(t *testing.T) {
	tests := []struct {
		name     string
		header   []string
		subject  string
		from     Address
		wantWarn string
	}{
		{"plain", []string{"From: Kari Nordmann <Kari@Example.NO>", "Subject: Innsyn"},
			"Innsyn", Address{"Kari Nordmann", "kari@example.no"}, ""},
		{"bare address", []string{"From: kari@example.no", "Subject: x"},
			"x", Address{"", "kari@example.no"}, ""},
		{"quoted name", []string{`From: "Nordmann, Kari" <kari@example.no>`, "Subject: x"},
			"x", Address{"Nordmann, Kari", "kari@example.no"}, ""},
		{"RFC 2047 UTF-8 Q", []string{
			"From: =?UTF-8?Q?Maria_Nystr=C3=B6m?= <maria@example.net>",
			"Subject: =?UTF-8?Q?Radera_inte_mina_uppgifter_=E2=80=93_begr=C3=A4nsning?="},
			"Radera inte mina uppgifter – begränsning", Address{"Maria Nyström", "maria@example.net"}, ""},
		{"RFC 2047 UTF-8 B", []string{
			"From: =?utf-8?B?QmrDuHJuIMOFc2hlaW0=?= <bjorn@example.no>",
			"Subject: =?utf-8?B?UmVrbGFtYXNqb24gcMOlIGthZmZlbWFza2lu?="},
			"Reklamasjon på kaffemaskin", Address{"Bjørn Åsheim", "bjorn@example.no"}, ""},
		{"RFC 2047 ISO-8859-1 Q and B", []string{
			"From: =?ISO-8859-1?Q?Anders_=D8deg=E5rd?= <anders@example.no>",
			"Subject: =?iso-8859-1?b?U2xldHRpbmcgYXYgb3BwbHlzbmluZ2VyIG9tIG1lZyBww6U=?="},
			"Sletting av opplysninger om meg pÃ¥", Address{"Anders Ødegård", "anders@example.no"}, ""},
		{"RFC 2047 windows-1252", []string{
			"From: =?windows-1252?Q?=93Kari=94?= <kari@example.no>",
			"Subject: =?windows-1252?Q?Pris_=80_100_=96_tilbud?="},
			"Pris € 100 – tilbud", Address{"“Kari”", "kari@example.no"}, ""},
		{"ISO-8859-1 word using windows-1252 punctuation", []string{
			"From: kari@example.no", "Subject: =?iso-8859-1?q?=93Slett_meg=94?="},
			"“Slett meg”", Address{"", "kari@example.no"}, ""},
		{"adjacent encoded words, folded", []string{
			"From: kari@example.no",
			"Subject: =?UTF-8?Q?Begj=C3=A6ring_om_?=\r\n =?UTF-8?Q?innsyn_og_sletting?= [PV-2026-0012]"},
			"Begjæring om innsyn og sletting [PV-2026-0012]", Address{"", "kari@example.no"}, ""},
		{"raw UTF-8 in headers", []string{
			"From: Bjørn Åsheim <bjorn.asheim@example.no>", "Subject: Sletting – Bjørn Åsheim"},
			"Sletting – Bjørn Åsheim", Address{"Bjørn Åsheim", "bjorn.asheim@example.no"}, ""},
		{"raw Latin-1 in headers", []string{
			"From: Bj\xf8rn \xc5sheim <bjorn.asheim@example.no>", "Subject: Sletting av opplysninger \x96 Bj\xf8rn"},
			"Sletting av opplysninger – Bjørn", Address{"Bjørn Åsheim", "bjorn.asheim@example.no"},
			"the Subject header holds bytes that are not UTF-8; they were read as windows-1252"},
		{"unknown charset in a word", []string{
			"From: kari@example.no", "Subject: =?x-foo?Q?Hei_p=C3=A5_deg?="},
			"Hei på deg", Address{"", "kari@example.no"}, `unknown charset "x-foo"`},
		{"escape sequences are kept for textsafe to remove", []string{
			"From: kari@example.no", "Subject: \x1b[31mVIKTIG\x1b[0m\a"},
			"\x1b[31mVIKTIG\x1b[0m\a", Address{"", "kari@example.no"}, ""},
		{"unparseable From with angle address", []string{
			"From: Kari <Nordmann> <kari@example.no", "Subject: x"},
			"x", Address{"Kari <Nordmann>", "kari@example.no"}, `the address "kari@example.no" was guessed`},
		{"unparseable From with bare address", []string{
			"From: kari@example.no (Kari Nordmann", "Subject: x"},
			"x", Address{"(Kari Nordmann", "kari@example.no"}, "the From header could not be parsed"},
		{"From without an address", []string{"From: Kari Nordmann", "Subject: x"},
			"x", Address{}, "holds no readable address"},
		{"no From", []string{"Subject: x"}, "x", Address{}, "no From header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := eml(append(tt.header, "Date: Mon, 05 Jan 2026 10:00:00 +0100", "Message-ID: <h@x>", "", "Hei")...)
			m := parse(t, raw)
			if m.Subject != tt.subject {
				t.Errorf("Subject = %q, want %q", m.Subject, tt.subject)
			}
			if m.From != tt.from {
				t.Errorf("From = %+v, want %+v", m.From, tt.from)
			}
			wantWarning(t, m, tt.wantWarn)
		})
	}
}

func TestParseTo(t *testing.T) {
	m := parse(t, eml(
		"From: kari@example.no",
		`To: Magnet AS <Post@MagnetHarstad.no>, "Ola" <ola@example.no>,`,
		" =?UTF-8?Q?Personvern_=C3=B8st?= <personvern@magnetharstad.no>",
		"", "Hei"))
	want := []Address{
		{"Magnet AS", "post@magnetharstad.no"},
		{"Ola", "ola@example.no"},
		{"Personvern øst", "personvern@magnetharstad.no"},
	}
	if !reflect.DeepEqual(m.To, want) {
		t.Errorf("To = %+v, want %+v", m.To, want)
	}
}

func TestParseIDs(t *testing.T) {
	tests := []struct {
		name       string
		header     []string
		id         string
		inReplyTo  []string
		references []string
	}{
		{"standard", []string{
			"Message-ID: <C76EB84A-99E5@example.no>",
			"In-Reply-To: <20260113091502.7f3a9c.PV-2026-0012@magnetharstad.no>",
			"References: <a1@magnetharstad.no> <20260113091502.7f3a9c.PV-2026-0012@magnetharstad.no>"},
			"C76EB84A-99E5@example.no",
			[]string{"20260113091502.7f3a9c.PV-2026-0012@magnetharstad.no"},
			[]string{"a1@magnetharstad.no", "20260113091502.7f3a9c.PV-2026-0012@magnetharstad.no"}},
		{"messy References whitespace and folding", []string{
			"Message-Id:   <x1@example.no>  ",
			"References: <r1@example.no>\r\n\t<r2@example.no>   <r3@example.no>\r\n  <r4@example.no>"},
			"x1@example.no", nil,
			[]string{"r1@example.no", "r2@example.no", "r3@example.no", "r4@example.no"}},
		{"commas and a comment", []string{
			"Message-ID: <x2@example.no> (sent by webmail)",
			"In-Reply-To: <p1@example.no> (Kari's message of Monday)",
			"References: <r1@example.no>,<r2@example.no>"},
			"x2@example.no", []string{"p1@example.no"}, []string{"r1@example.no", "r2@example.no"}},
		{"no angle brackets", []string{
			"Message-ID: x3@example.no",
			"In-Reply-To: p2@example.no"},
			"x3@example.no", []string{"p2@example.no"}, nil},
		{"missing", nil, "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parse(t, eml(append([]string{"From: kari@example.no"}, append(tt.header, "", "Hei")...)...))
			if m.MessageID != tt.id {
				t.Errorf("MessageID = %q, want %q", m.MessageID, tt.id)
			}
			if !reflect.DeepEqual(m.InReplyTo, tt.inReplyTo) {
				t.Errorf("InReplyTo = %q, want %q", m.InReplyTo, tt.inReplyTo)
			}
			if !reflect.DeepEqual(m.References, tt.references) {
				t.Errorf("References = %q, want %q", m.References, tt.references)
			}
			wantWarning(t, m, "")
		})
	}
}

func TestParseDate(t *testing.T) {
	oslo := time.FixedZone("", 3600)
	tests := []struct {
		header   string
		want     time.Time
		wantWarn string
	}{
		{"Date: Mon, 01 Dec 2025 23:41:02 +0100", time.Date(2025, 12, 1, 23, 41, 2, 0, oslo), ""},
		{"Date: Mon, 1 Dec 2025 23:41:02 +0100 (CET)", time.Date(2025, 12, 1, 23, 41, 2, 0, oslo), ""},
		{"Date: 1 Dec 2025 23:41 +0100", time.Date(2025, 12, 1, 23, 41, 0, 0, oslo), ""},
		{"Date: Mon, 01 Dec 2025 23:41:02 CET", time.Date(2025, 12, 1, 23, 41, 2, 0, oslo), ""},
		{"Date: Mon, 01 Dec 2025 17:41:02 EST", time.Date(2025, 12, 1, 23, 41, 2, 0, oslo), ""},
		{"Date: Mon Dec  1 22:41:02 2025", time.Date(2025, 12, 1, 23, 41, 2, 0, oslo), ""},
		{"Date: 2025-12-01T23:41:02+01:00", time.Date(2025, 12, 1, 23, 41, 2, 0, oslo), ""},
		{"Date: 2025-12-01 23:41:02 +0100", time.Date(2025, 12, 1, 23, 41, 2, 0, oslo), ""},
		{"Date: 2025-12-01 23:41 +01:00", time.Date(2025, 12, 1, 23, 41, 0, 0, oslo), ""},
		{"Date: 2025-12-01 22:41:02 Z", time.Date(2025, 12, 1, 23, 41, 2, 0, oslo), ""},
		{"Date: 2025-12-01 22:41 Z", time.Date(2025, 12, 1, 23, 41, 0, 0, oslo), ""},
		{"Date: 2025-12-01 22:41:02Z", time.Date(2025, 12, 1, 23, 41, 2, 0, oslo), ""},
		{"Date: 2025-12-01 22:41:02.250+00:00", time.Date(2025, 12, 1, 23, 41, 2, 250e6, oslo), ""},
		{"Date: Mon, 01 Dec 2025 22:41:02 Z", time.Date(2025, 12, 1, 23, 41, 2, 0, oslo), ""},
		{"Date: Mon, 01 Dec 2025 23:41:02 CEST", time.Date(2025, 12, 1, 22, 41, 2, 0, oslo), ""},
		{"Date: yesterday", time.Time{}, `the Date header "yesterday" is unreadable`},
		{"X-No-Date: 1", time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			m := parse(t, eml("From: kari@example.no", tt.header, "", "Hei"))
			if !m.Date.Equal(tt.want) {
				t.Errorf("Date = %v, want %v", m.Date, tt.want)
			}
			wantWarning(t, m, tt.wantWarn)
		})
	}
}

func TestParseAutoSubmitted(t *testing.T) {
	tests := []struct {
		header, want string
	}{
		{"Auto-Submitted: auto-replied", "auto-replied"},
		{"Auto-Submitted: Auto-Generated; owner-email=\"x@example.no\"", "auto-generated"},
		{"Auto-Submitted: no", ""},
		{"X-Autoreply: yes", "auto-replied"},
		{"X-Autorespond: Fravær", "auto-replied"},
		{"Precedence: auto_reply", "auto-replied"},
		{"Precedence: bulk", ""},
		{"X-Other: 1", ""},
	}
	for _, tt := range tests {
		m := parse(t, eml("From: kari@example.no", tt.header, "", "Hei"))
		if m.AutoSubmitted != tt.want {
			t.Errorf("%s: AutoSubmitted = %q, want %q", tt.header, m.AutoSubmitted, tt.want)
		}
	}
}

func TestParseHTMLOnly(t *testing.T) {
	body := `<html><head><title>Ignored</title><style>p {color: red}</style>
<script>alert("no")</script></head>
<body><p class="MsoNormal">Hei,<o:p></o:p></p>
<p class="MsoNormal">&nbsp;<o:p></o:p></p>
<p class="MsoNormal">Jeg &oslash;nsker   innsyn&nbsp;i:</p>
<ul><li>kj&oslash;pshistorikk</li><li>Magnet&nbsp;Pluss</li></ul>
<p>Se <a href="https://magnetharstad.no/personvern">personvernerkl&aelig;ringen</a>
og <a href="mailto:post@magnetharstad.no">post@magnetharstad.no</a>.<br>Mvh<br>Kari</p>
</body></html>`
	m := parse(t, simple(`text/html; charset="utf-8"`, "8bit", []byte(body)))
	want := "Hei,\n\nJeg ønsker innsyn i:\n\n- kjøpshistorikk\n- Magnet Pluss\n\n" +
		"Se personvernerklæringen (https://magnetharstad.no/personvern) og post@magnetharstad.no.\nMvh\nKari"
	if m.Text != want {
		t.Errorf("Text = %q\nwant   %q", m.Text, want)
	}
	if !m.HTMLOnly {
		t.Error("HTMLOnly not set")
	}
	if m.ContentType != "text/html" {
		t.Errorf("ContentType = %q", m.ContentType)
	}
	wantWarning(t, m, "")
}

func TestHTMLToText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"entities", "Tom &amp; Jerry &lt;3 &quot;hei&quot; &#229; &aring;", `Tom & Jerry <3 "hei" å å`},
		{"whitespace collapses", "a  \n\t b\u00a0\u00a0c", "a b c"},
		{"br and divs (Gmail)", "<div>Hei,</div><div><br></div><div>slett meg<br></div><div>Kari</div>", "Hei,\n\nslett meg\nKari"},
		{"paragraphs", "<p>a</p><p>b</p>", "a\n\nb"},
		{"at most one blank line", "a<br><br><br><br>b<p></p><p></p><p>c</p>", "a\n\nb\n\nc"},
		{"headings", "<h1>Tittel</h1>tekst", "Tittel\n\ntekst"},
		{"nested lists", "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "- a\n  - b\n- c"},
		{"ordered list", "<ol><li>en</li><li>to</li></ol>", "- en\n- to"},
		{"link text equals URL", `<a href="https://www.magnet.no/">www.magnet.no</a>`, "www.magnet.no"},
		{"link with other text", `<a href="https://x.example/u?id=1">Avslutt</a> her`, "Avslutt (https://x.example/u?id=1) her"},
		{"anchor and javascript links", `<a href="#top">Til toppen</a> <a href="javascript:void(0)">Klikk</a>`, "Til toppen Klikk"},
		{"image link", `<a href="https://x.example/"><img src="cid:logo"></a>`, "(https://x.example/)"},
		{"unclosed link", `<a href="https://x.example/">les mer`, "les mer (https://x.example/)"},
		{"table cells", "<table><tr><td>Navn:</td><td>Kari</td></tr><tr><td>Kunde:</td><td>123</td></tr></table>", "Navn: Kari\nKunde: 123"},
		{"pre keeps layout", "<pre>a   b\n  c</pre>d", "a   b\n  c\n\nd"},
		{"blockquote", "Svar<blockquote><div>sitert<br>tekst</div></blockquote>Kari", "Svar\n\n> sitert\n> tekst\n\nKari"},
		{"nested blockquote with paragraphs", "<blockquote><p>a</p><blockquote><p>b</p></blockquote><p>c</p></blockquote>", "> a\n>\n>> b\n>\n> c"},
		{"head without end tag", "<head><title>t</title><body>tekst", "tekst"},
		{"comments and conditional comments", "a<!-- skjult --><!--[if mso]>x<![endif]-->b", "ab"},
		{"script content", "a<script>document.write('x')</script>b", "ab"},
		{"self-closing script does not swallow the rest", "a<script/>b", "ab"},
		{"style", "<style>.x{}</style>tekst", "tekst"},
		{"no markup", "bare tekst", "bare tekst"},
		{"empty", "", ""},
		{"NUL is dropped, as browsers do", "a\x00b", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlToText(tt.in); got != tt.want {
				t.Errorf("htmlToText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// Deep nesting must not make the text grow with the square of the input,
// which unbounded indentation would.
func TestHTMLToTextDeepNesting(t *testing.T) {
	for _, open := range []string{"<ul><li>x", "<blockquote>x<br>"} {
		in := strings.Repeat(open, 5000)
		if got := htmlToText(in); len(got) > 20*len(in) {
			t.Errorf("%d levels of %q made %d bytes of text", 5000, open, len(got))
		}
	}
}

func TestParseWarningsAreBounded(t *testing.T) {
	lines := []string{"From: kari@example.no", `Content-Type: multipart/mixed; boundary="b"`, "", "--b", "", "Hei"}
	for i := range 100 {
		lines = append(lines, "--b", "Content-Type: application/pdf", "Content-Transfer-Encoding: x-enc-"+strconv.Itoa(i), "", "x")
	}
	m := parse(t, eml(append(lines, "--b--", "")...))
	if len(m.Warnings) != maxWarnings+1 || m.Warnings[maxWarnings] != "further warnings were left out" {
		t.Errorf("%d warnings: %q", len(m.Warnings), m.Warnings)
	}
	if len(m.Attachments) != 100 {
		t.Errorf("%d attachments, want 100", len(m.Attachments))
	}
}

func TestParseAlternative(t *testing.T) {
	alt := func(plain string) []byte {
		return eml(
			"From: kari@example.no",
			"Content-Type: multipart/alternative; boundary=\"alt\"",
			"",
			"--alt",
			"Content-Type: text/plain; charset=utf-8",
			"",
			plain,
			"--alt",
			"Content-Type: text/html; charset=utf-8",
			"Content-Transfer-Encoding: quoted-printable",
			"",
			"<p>Fra HTML: slett meg =E2=80=93 takk</p>",
			"--alt--",
			"")
	}
	m := parse(t, alt("Fra tekst: slett meg – takk"))
	if m.Text != "Fra tekst: slett meg – takk" || m.HTMLOnly {
		t.Errorf("plain part not preferred: Text = %q, HTMLOnly = %v", m.Text, m.HTMLOnly)
	}
	if m.ContentType != "multipart/alternative" {
		t.Errorf("ContentType = %q", m.ContentType)
	}
	wantWarning(t, m, "")

	m = parse(t, alt("  "))
	if m.Text != "Fra HTML: slett meg – takk" || !m.HTMLOnly {
		t.Errorf("blank plain part should give way to HTML: Text = %q, HTMLOnly = %v", m.Text, m.HTMLOnly)
	}
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "parse", name))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestParseAttachments(t *testing.T) {
	m := parse(t, readTestdata(t, "attachments.eml"))
	if m.Text != "Hei,\n\nvedlagt er legitimasjonen min, som dere ba om.\n\nMvh Kari" || m.HTMLOnly {
		t.Errorf("Text = %q, HTMLOnly = %v", m.Text, m.HTMLOnly)
	}
	if m.From != (Address{"Kari Nordmann Ødegård", "kari.nordmann@example.no"}) {
		t.Errorf("From = %+v", m.From)
	}
	if m.Subject != "Legitimasjon til sak PV-2026-0012" {
		t.Errorf("Subject = %q", m.Subject)
	}
	want := []Attachment{
		{Filename: "legitimasjon.pdf", ContentType: "application/pdf", Size: 218},
		{Filename: "", ContentType: "image/png", Size: 29},
		{Filename: "førerkort bakside.jpg", ContentType: "application/octet-stream", Size: 10},
		{Filename: "søknad.txt", ContentType: "text/plain", Size: int64(len("Dette er et vedlegg, ikke teksten i e-posten."))},
	}
	if !reflect.DeepEqual(m.Attachments, want) {
		t.Errorf("Attachments =\n%+v\nwant\n%+v", m.Attachments, want)
	}
	wantWarning(t, m, "")
}

func TestParseAttachmentNames(t *testing.T) {
	tests := []struct {
		name, header, want string
	}{
		{"RFC 2047 in Content-Type name", `Content-Type: application/pdf; name="=?UTF-8?Q?S=C3=B8knad.pdf?="`, "Søknad.pdf"},
		{"RFC 2231 continuation", "Content-Type: application/pdf\r\nContent-Disposition: attachment;\r\n filename*0*=utf-8''Kj%C3%B8p;\r\n filename*1*=s.pdf", "Kjøps.pdf"},
		{"Windows path", `Content-Type: application/pdf; name="C:\\Users\\kari\\pass.pdf"`, "pass.pdf"},
		{"duplicate parameter", "Content-Type: application/pdf; name=a.pdf; name=b.pdf", "a.pdf"},
		{"raw Latin-1", "Content-Type: application/pdf; name=\"s\xf8knad.pdf\"", "søknad.pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parse(t, eml(
				"From: kari@example.no",
				`Content-Type: multipart/mixed; boundary="b"`,
				"", "--b", "", "Hei", "--b",
				tt.header, "Content-Transfer-Encoding: base64", "", "AAAA", "--b--", ""))
			if len(m.Attachments) != 1 || m.Attachments[0].Filename != tt.want || m.Attachments[0].Size != 3 {
				t.Errorf("Attachments = %+v, want one named %q of 3 bytes", m.Attachments, tt.want)
			}
			if m.Text != "Hei" {
				t.Errorf("Text = %q", m.Text)
			}
		})
	}
}

func TestParseForwarded(t *testing.T) {
	m := parse(t, readTestdata(t, "forwarded.eml"))
	want := "Please delete me from this list, see below.\n\n" +
		forwardedMarker + "\n" +
		"From: Magnet AS <nyhetsbrev@magnetharstad.no>\n" +
		"Date: Thu, 25 Jun 2026 07:00:00 +0200\n" +
		"Subject: Ukens tilbud på kaffe\n" +
		"To: Natalie Brooks <natalie.brooks@example.net>\n\n" +
		"Hei Natalie, her er ukens tilbud på kaffe og kaffemaskiner."
	if m.Text != want {
		t.Errorf("Text =\n%s\nwant\n%s", m.Text, want)
	}
	wantAtt := []Attachment{
		{Filename: "Nyhetsbrev.eml", ContentType: "message/rfc822", Size: 608},
		{Filename: "tilbud.pdf", ContentType: "application/pdf", Size: 9},
	}
	if !reflect.DeepEqual(m.Attachments, wantAtt) {
		t.Errorf("Attachments = %+v, want %+v", m.Attachments, wantAtt)
	}
	if m.From.Addr != "natalie.brooks@example.net" || m.Subject != "Fw: Nyhetsbrev" {
		t.Errorf("outer headers lost: From = %+v, Subject = %q", m.From, m.Subject)
	}
	wantWarning(t, m, "")
}

func TestParseBounce(t *testing.T) {
	m := parse(t, readTestdata(t, "bounce.eml"))
	want := "I'm sorry to have to inform you that your message could not\n" +
		"be delivered to one or more recipients.\n\n" +
		"<kjell.nyhus@example.net>: 550 5.1.1 User unknown"
	if m.Text != want {
		t.Errorf("Text = %q, want %q", m.Text, want)
	}
	if m.ContentType != "multipart/report" || m.AutoSubmitted != "auto-replied" {
		t.Errorf("ContentType = %q, AutoSubmitted = %q", m.ContentType, m.AutoSubmitted)
	}
	if strings.Contains(m.Text, forwardedMarker) {
		t.Error("the returned message of a bounce was appended as a forward")
	}
	if len(m.Attachments) != 2 || m.Attachments[0].ContentType != "message/delivery-status" || m.Attachments[1].ContentType != "message/rfc822" {
		t.Errorf("Attachments = %+v", m.Attachments)
	}
	wantWarning(t, m, "")
}

func TestParseMissingDateAndMessageID(t *testing.T) {
	m := parse(t, eml("From: Roy <roy@example.com>", "Subject: Fjern meg", "", "Fjern meg."))
	if !m.Date.IsZero() || m.MessageID != "" {
		t.Errorf("Date = %v, MessageID = %q; want zero and empty", m.Date, m.MessageID)
	}
	if m.Text != "Fjern meg." || m.From.Addr != "roy@example.com" {
		t.Errorf("Text = %q, From = %+v", m.Text, m.From)
	}
	wantWarning(t, m, "")
}

func TestParseTransferEncodings(t *testing.T) {
	tests := []struct {
		name     string
		cte      string
		body     string
		want     string
		wantWarn string
	}{
		{"QP soft breaks, =3D and lower-case hex", "quoted-printable", "a=3Db =c3=a6=\r\nc=\nd", "a=b æcd", ""},
		{"QP padding before a line end", "quoted-printable", "linje   \r\nneste\t\r\n", "linje\nneste", ""},
		{"QP malformed escapes kept literally", "quoted-printable", "100% =ZZ =4 slutt=", "100% =ZZ =4 slutt", ""},
		{"QP with raw 8-bit bytes", "Quoted-Printable", "Bjørn =C3=85sheim", "Bjørn Åsheim", ""},
		{"QP space before soft break", "quoted-printable", "to =\r\nord", "to ord", ""},
		{"base64 with spaces", "base64", "SGVp IGRl\r\ncmU=", "Hei dere", ""},
		{"base64 without padding", "base64", "SGVpIGRlcmU", "Hei dere", "ends early"},
		{"base64 pieces glued together", "base64", "SGVp\r\nIA==ZGVyZQ==", "Hei dere", ""},
		{"base64 cut mid-quantum", "base64", "SGVpIGRlcmUgLSB",
			"Hei dere -", "ends early"},
		{"base64 that is not base64", "base64", "Hei, dette er ikke base64!",
			"Hei, dette er ikke base64!", "is marked base64 but is not valid base64; its raw text is shown"},
		{"unknown transfer encoding", "x-uuencode", "begin 644 x", "begin 644 x", `unknown transfer encoding "x-uuencode"`},
		{"7bit", "7bit", "Hei\r\n", "Hei", ""},
		{"lone CR", "8bit", "a\rb\r\nc", "a\nb\nc", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parse(t, simple("text/plain; charset=utf-8", tt.cte, []byte(tt.body)))
			if m.Text != tt.want {
				t.Errorf("Text = %q, want %q", m.Text, tt.want)
			}
			wantWarning(t, m, tt.wantWarn)
		})
	}
}

func TestParseBroken(t *testing.T) {
	tests := []struct {
		name     string
		raw      []byte
		textHas  string // Text must contain this
		wantWarn string // "" means no warning is required
		fromAddr string
	}{
		{"unterminated final boundary", eml(
			"From: kari@example.no",
			`Content-Type: multipart/mixed; boundary="b"`,
			"", "--b", "Content-Type: text/plain", "", "Slett meg, takk.", "--b",
			"Content-Type: application/pdf", "Content-Transfer-Encoding: base64", "", "JVBERi0xLjQK"),
			"Slett meg, takk.", "", "kari@example.no"},
		{"boundary never appears", eml(
			"From: kari@example.no",
			`Content-Type: multipart/mixed; boundary="b"`,
			"", "Slett meg, takk.", "--feil", "mer tekst"),
			"Slett meg, takk.", "unreadable MIME structure", "kari@example.no"},
		{"multipart without boundary", eml(
			"From: kari@example.no", "Content-Type: multipart/mixed", "", "Slett meg, takk."),
			"Slett meg, takk.", "unreadable MIME structure", "kari@example.no"},
		{"unreadable Content-Type", eml(
			"From: kari@example.no", "Content-Type: ???", "", "Slett meg."),
			"Slett meg.", `the Content-Type "???" is unreadable; read as text/plain`, "kari@example.no"},
		{"malformed Content-Type parameters", eml(
			"From: kari@example.no", `Content-Type: multipart/mixed; boundary="b"; boundary="c"`,
			"", "--b", "", "Slett meg.", "--b--"),
			"Slett meg.", "is malformed", "kari@example.no"},
		{"junk line inside the header", eml(
			"From: kari@example.no", "this is no header line", "Subject: Sletting", "", "Slett meg."),
			"Slett meg.", "malformed header", "kari@example.no"},
		{"mbox From_ line first", eml(
			"From kari@example.no Mon Jan  5 10:00:00 2026", "From: kari@example.no", "", "Slett meg."),
			"Slett meg.", "malformed header", "kari@example.no"},
		{"no blank line after the header", eml(
			"From: kari@example.no", "Subject: x", "Slett meg.", "Nå."),
			"Slett meg.\nNå.", "malformed header", "kari@example.no"},
		{"header only, no line end", []byte("From: kari@example.no\r\nSubject: x"),
			"", "", "kari@example.no"},
		{"no header at all", []byte("Hei, slett meg.\r\n\r\nKari"),
			"Hei, slett meg.\n\nKari", "no readable header", ""},
		{"binary garbage", []byte("\x00\x01\xff\xfe--\r\n\x1b[2J\x00\xc3"),
			"\x1b[2J", "", ""},
		{"first line starts with a space", []byte(" From: kari@example.no\r\n\r\nSlett meg"),
			"Slett meg", "malformed header", "kari@example.no"},
		{"nested multipart without end", eml(
			"From: kari@example.no", `Content-Type: multipart/mixed; boundary="a"`, "",
			"--a", `Content-Type: multipart/alternative; boundary="b"`, "",
			"--b", "Content-Type: text/plain", "", "Slett meg."),
			"Slett meg.", "", "kari@example.no"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parse(t, tt.raw)
			t.Logf("Text %q, warnings %q", m.Text, m.Warnings)
			if !strings.Contains(m.Text, tt.textHas) {
				t.Errorf("Text = %q, want it to contain %q", m.Text, tt.textHas)
			}
			if tt.wantWarn != "" {
				wantWarning(t, m, tt.wantWarn)
			}
			if m.From.Addr != tt.fromAddr {
				t.Errorf("From.Addr = %q, want %q", m.From.Addr, tt.fromAddr)
			}
		})
	}
}

func TestParseEmpty(t *testing.T) {
	for _, raw := range [][]byte{nil, {}} {
		m := parse(t, raw)
		if m.Text != "" || m.From != (Address{}) || len(m.Attachments) != 0 {
			t.Errorf("Parse(%q) = %+v", raw, m)
		}
		wantWarning(t, m, "the message is empty")
	}
}

// corpusDir holds the labelled development corpus shared by the team.
const corpusDir = "../../shared/corpus/dev"

// corpusFiles returns the corpus messages; without the corpus the test is
// skipped, except on CI, where it must be there.
func corpusFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.eml"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		if os.Getenv("CI") == "" {
			tb.Skipf("no corpus in %s", corpusDir)
		}
		tb.Fatalf("CI is set but there is no corpus in %s", corpusDir)
	}
	return files
}

func TestParseCorpus(t *testing.T) {
	for _, f := range corpusFiles(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m := parse(t, raw)
			if m.From.Addr == "" {
				t.Error("From address is empty")
			}
			if strings.TrimSpace(m.Text) == "" {
				t.Error("Text is empty")
			}
		})
	}
}

// TestParseCorpusDefects pins what the corpus README says of its
// deliberately defective messages.
func TestParseCorpusDefects(t *testing.T) {
	tests := []struct {
		file     string
		check    func(m *Message) bool
		wantWarn string
	}{
		{"061.eml", func(m *Message) bool {
			return m.From.Name == "Bjørn Åsheim" && m.Subject == "Sletting av mine opplysninger – Bjørn Åsheim"
		}, ""},
		{"066.eml", func(m *Message) bool { return strings.Contains(m.Subject, "\x1b[31m") }, ""},
		{"087.eml", func(m *Message) bool { return strings.Contains(m.Text, "Vær så snill å slette") }, `unknown charset "x-unknown"`},
		{"091.eml", func(m *Message) bool { return strings.Contains(m.Text, "Jeg ønsker innsyn") }, ""},
		{"097.eml", func(m *Message) bool { return strings.Contains(m.Text, "ber om innsyn") }, "ends early"},
		{"099.eml", func(m *Message) bool { return m.Date.IsZero() }, ""},
	}
	if len(corpusFiles(t)) == 0 {
		return
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(corpusDir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			m := parse(t, raw)
			if !tt.check(m) {
				t.Errorf("unexpected result: From = %+v, Subject = %q, Text = %q", m.From, m.Subject, m.Text)
			}
			wantWarning(t, m, tt.wantWarn)
		})
	}
}

// benchMessage is a typical 2 KB request: multipart/alternative, UTF-8,
// quoted-printable HTML.
var benchMessage = eml(
	"Return-Path: <maria.nystrom@example.net>",
	"Received: from mx.example.net (mx.example.net [203.0.113.71])",
	"\tby mx1.magnetharstad.no (Postfix) with ESMTPS id 4dYrC09WlpHsm",
	"\tfor <post@magnetharstad.no>; Sun, 27 Sep 2026 13:07:03 +0200 (CEST)",
	"From: =?UTF-8?Q?Maria_Nystr=C3=B6m?= <maria.nystrom@example.net>",
	"To: post@magnetharstad.no",
	"Subject: =?UTF-8?Q?Radera_inte_mina_uppgifter_=E2=80=93_begr=C3=A4nsning?=",
	"Date: Sun, 27 Sep 2026 13:06:29 +0200",
	"Message-ID: <PA4PR10MB843225EDBBF1CA41CAFF12285806E03D@example.net>",
	"MIME-Version: 1.0",
	`Content-Type: multipart/alternative; boundary="_000_D1uivY9ERZ5j8HPzk7xRBSocHQe17hh"`,
	"",
	"--_000_D1uivY9ERZ5j8HPzk7xRBSocHQe17hh",
	`Content-Type: text/plain; charset="utf-8"`,
	"Content-Transfer-Encoding: 8bit",
	"",
	"Hej,",
	"",
	"Jag fick ett mejl om att mitt kundkonto kommer att raderas eftersom det",
	"har varit inaktivt i tre år. Radera det inte ännu. Jag behöver kvittona",
	"och servicehistoriken för diskmaskinen i en tvist med mitt",
	"försäkringsbolag.",
	"",
	"Jag begär därför begränsning av behandlingen enligt artikel 18 i GDPR:",
	"spara uppgifterna, men använd dem inte till något annat förrän tvisten",
	"är avgjord.",
	"",
	"Vänliga hälsningar",
	"Maria Nyström",
	"",
	"--_000_D1uivY9ERZ5j8HPzk7xRBSocHQe17hh",
	`Content-Type: text/html; charset="utf-8"`,
	"Content-Transfer-Encoding: quoted-printable",
	"",
	`<html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3Dutf-8">`,
	`</head><body><div><p class=3D"MsoNormal">Hej,</p><p class=3D"MsoNormal">&nbsp;</p>`,
	`<p class=3D"MsoNormal">Jag fick ett mejl om att mitt kundkonto kommer att raderas eftersom det =`,
	`har varit inaktivt i tre =C3=A5r. Radera det inte =C3=A4nnu. Jag beh=C3=B6ver kvittona =`,
	`och servicehistoriken f=C3=B6r diskmaskinen i en tvist med mitt f=C3=B6rs=C3=A4kringsbolag.</p>`,
	`<p class=3D"MsoNormal">Jag beg=C3=A4r d=C3=A4rf=C3=B6r begr=C3=A4nsning av behandlingen enligt =`,
	`artikel 18 i GDPR: spara uppgifterna, men anv=C3=A4nd dem inte till n=C3=A5got annat f=C3=B6rr=C3=A4n =`,
	`tvisten =C3=A4r avgjord.</p><p class=3D"MsoNormal">V=C3=A4nliga h=C3=A4lsningar<br>Maria Nystr=C3=B6m</p>`,
	`</div></body></html>`,
	"",
	"--_000_D1uivY9ERZ5j8HPzk7xRBSocHQe17hh--",
	"")

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchMessage)))
	for b.Loop() {
		if m := Parse(benchMessage); m.Text == "" {
			b.Fatal("no text")
		}
	}
}
