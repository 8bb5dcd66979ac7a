package mail

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// The golden test pins everything Parse returns for every message we have,
// and for mangled copies of them, so that work on Parse's speed cannot
// change what it reads. Regenerate with -update only for an intended change
// of output.

var updateGolden = flag.Bool("update", false, "rewrite testdata/parse_golden.json from the current Parse")

const goldenFile = "testdata/parse_golden.json"

// recordInput, when set, is given every message the parse helper reads, so
// the golden test can collect the messages built inside the other tests.
var recordInput func(raw []byte)

// golden is the stored form: full dumps of real messages, and hashes of
// the dumps of mangled ones, which are many and only need to stay the same.
type golden struct {
	Full   map[string]messageDump `json:"full"`
	Hashed map[string]string      `json:"hashed"`
}

// messageDump holds every field of a Message but Raw, which checkInvariants
// compares with the input.
type messageDump struct {
	MessageID     string
	InReplyTo     []string
	References    []string
	From          Address
	To            []Address
	Subject       string
	Date          string // with zone name and location, which == ignores
	Text          string
	HTMLOnly      bool
	AutoSubmitted string
	ContentType   string
	Attachments   []Attachment
	Warnings      []string
	// NilSlices records which slices are nil rather than empty, since
	// callers may tell them apart.
	NilSlices string
}

func dumpMessage(m *Message) messageDump {
	d := messageDump{
		MessageID:     m.MessageID,
		InReplyTo:     m.InReplyTo,
		References:    m.References,
		From:          m.From,
		To:            m.To,
		Subject:       m.Subject,
		Text:          m.Text,
		HTMLOnly:      m.HTMLOnly,
		AutoSubmitted: m.AutoSubmitted,
		ContentType:   m.ContentType,
		Attachments:   m.Attachments,
		Warnings:      m.Warnings,
	}
	if !m.Date.IsZero() {
		date := m.Date
		// time.Parse puts an offset that the machine's own zone uses at
		// that instant into that zone, whose names depend on the machine
		// ("Local", "UTC", "CEST"); such a date is recorded as one in a
		// zone of no name, as Parse gives it when the offsets differ.
		if date.Location() == time.Local {
			_, off := date.Zone()
			date = date.In(time.FixedZone("", off))
		}
		d.Date = date.Format(time.RFC3339Nano+" MST") + " " + date.Location().String()
	}
	d.NilSlices = fmt.Sprint(m.InReplyTo == nil, m.References == nil, m.To == nil, m.Attachments == nil, m.Warnings == nil)
	return d
}

// goldenInputs returns the messages to pin by name; the second map holds
// those compared by hash.
func goldenInputs(t *testing.T) (full, hashed map[string][]byte) {
	full = map[string][]byte{}
	add := func(prefix, pattern string) {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			full[prefix+filepath.Base(f)] = raw
		}
	}
	add("corpus/", filepath.Join(corpusDir, "*.eml"))
	add("demo/", filepath.Join("demodata", "*.eml"))
	add("testdata/", filepath.Join("testdata", "parse", "*.eml"))
	full["bench"] = benchMessage
	for i, s := range fuzzSeeds {
		full[fmt.Sprintf("fuzzseed/%d", i)] = []byte(s)
	}
	for i, s := range edgeInputs {
		full[fmt.Sprintf("edge/%02d", i)] = []byte(s)
	}
	// The messages the parse tests build.
	seen := map[string][]byte{}
	recordInput = func(raw []byte) {
		sum := sha256.Sum256(raw)
		seen["test/"+hex.EncodeToString(sum[:8])] = bytes.Clone(raw)
	}
	defer func() { recordInput = nil }()
	for name, test := range map[string]func(*testing.T){
		"charsets": TestParseCharsets, "headers": TestParseHeaders, "to": TestParseTo,
		"ids": TestParseIDs, "date": TestParseDate, "auto": TestParseAutoSubmitted,
		"htmlonly": TestParseHTMLOnly, "warnings": TestParseWarningsAreBounded,
		"alternative": TestParseAlternative, "names": TestParseAttachmentNames,
		"missing": TestParseMissingDateAndMessageID, "cte": TestParseTransferEncodings,
		"broken": TestParseBroken,
	} {
		t.Run("collect/"+name, test)
	}
	for k, v := range seen {
		full[k] = v
	}

	hashed = map[string][]byte{}
	for name, raw := range full {
		for i, v := range mangle(raw) {
			hashed[fmt.Sprintf("%s~%02d", name, i)] = v
		}
	}
	return full, hashed
}

// mangle returns damaged and varied copies of raw: other line ends, cuts,
// flipped bytes, other charsets, encodings and types.
func mangle(raw []byte) [][]byte {
	var out [][]byte
	out = append(out, bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n")))
	for _, frac := range []int{4, 2} {
		out = append(out, raw[:len(raw)*(frac-1)/frac])
	}
	out = append(out, raw[:len(raw)/3])
	sum := sha256.Sum256(raw)
	rng := rand.New(rand.NewPCG(1, uint64(sum[0])|uint64(sum[1])<<8))
	for range 3 {
		b := bytes.Clone(raw)
		if len(b) > 0 {
			for range 8 {
				b[rng.IntN(len(b))] = byte(rng.IntN(256))
			}
		}
		out = append(out, b)
	}
	for _, r := range [][2]string{
		{"utf-8", "iso-8859-1"},
		{"UTF-8", "windows-1252"},
		{"iso-8859-1", "koi8-r"},
		{"quoted-printable", "base64"},
		{"7bit", "quoted-printable"},
		{"text/plain", "text/html"},
		{"multipart/alternative", "multipart/mixed"},
		{"\r\n\r\n", "\r\n"},
		{"\r\n", "\r"},
		{"=", "=3D"},
		{"<", "&lt;<"},
	} {
		out = append(out, bytes.ReplaceAll(raw, []byte(r[0]), []byte(r[1])))
	}
	return out
}

// edgeInputs reach corners of Parse that the other messages may miss.
var edgeInputs = []string{
	"From: =?iso-8859-1?q?J=F8rn_=C5s?= <JORN@Example.NO>, kari@example.no\r\nTo: \"Ola, N.\" <ola@example.no>; x\r\nSubject: =?windows-1252?q?=93Sletting=94?= og =?utf-8?b?w6bDuMOl?=\r\nDate: Tue, 6 Jan 2026 09:00:00 CEST\r\n\r\nHei",
	"From: <kari@example.no>\r\nSubject: \xe6\xf8\xe5 raw latin-1\r\nDate: 6 Jan 2026 09:00 PST\r\nMessage-ID: kari@example.no (comment)\r\nIn-Reply-To: <a@b> <c@d>\r\nReferences: <a@b>, <c\x01@d>, junk\r\nAuto-Submitted: Auto-Replied; owner=x\r\nContent-Type: text/plain; charset*=utf-8''%C3%A6; format=flowed\r\n\r\nTekst\r\n",
	"From: kari@example.no\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\npreamble\r\n--x\r\nContent-Type: text/plain; charset=\"iso-8859-15\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nPris =A4 10=\r\n0 kr  \r\n--x\r\nContent-Type: application/octet-stream; name=\"=?utf-8?q?m=C3=A5l.pdf?=\"\r\nContent-Disposition: attachment; filename*0=\"a\"; filename*1=\"b.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0x\r\nLjQK=\r\n--x\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\nRnJvbTogYUBiDQpTdWJqZWN0OiBGd2QNCg0KSGVp\r\n--x--\r\nepilogue",
	"From: kari@example.no\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<html><head><title>t</title><style>p{}</style></head><body><p class=MsoNormal>Hei&nbsp;der</p><p class=MsoNormal></p><pre>a\n  b\n</pre><ul><li>en<ol><li>to</ol></ul><blockquote>sitat<br>linje</blockquote><a href=\"mailto:Kari@example.no\">kari@example.no</a> <a href=\"https://x.no/y\">lenke</a><a href=\"#top\">opp</a><table><tr><td>a<td>b</table>\x00\x93q\x94 &amp;&lt;&#230;&eacute;</body></html>",
	"From: kari@example.no\r\nContent-Type: text/plain; charset=utf-16le\r\n\r\nh\x00e\x00i\x00",
	"From: kari@example.no\r\nContent-Type: text/plain; charset=shift_jis\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\n\x82\xa0\x82\xa2",
	"From: kari@example.no\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\nSGVp*IGRlcg==",
	"From: kari@example.no\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\nSGVpIGRlc",
	"Received: x\r\n\tcontinued\r\nFrom kari\r\nFrom: kari@example.no\r\n  folded name\r\nBad Key: v\r\n\r\nbody",
	"From: kari@example.no\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nBounce\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.0.0\r\n--r\r\nContent-Type: message/rfc822\r\n\r\nFrom: post@magnetharstad.no\r\nSubject: Svar\r\n\r\nVi har mottatt\r\n--r--\r\n",
	"From: kari@example.no\r\nDate: Monday, 5 January 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=\"UTF-8\r\n\r\nx",
	"From: kari@example.no\r\nDate: 2026-01-05T10:00:00+01:00\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n\xc3\xa6 multibyte labelled latin-1\r\n",
	"From: kari@example.no\r\nDate: garbage\r\nContent-Type: TEXT/PLAIN; CHARSET=ISO-8859-1\r\nContent-Transfer-Encoding: QUOTED-PRINTABLE\r\n\r\n=E6=\r\n=ZZ =4\r\n= \r\nend=",
	"From: kari@example.no\r\nContent-Type: text/plain; charset=\"\"\r\n\r\n\r\r\n\n\r",
}

func loadGolden(t *testing.T) golden {
	b, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatalf("%v; generate it with -update", err)
	}
	var g golden
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

func dumpJSON(t *testing.T, d messageDump) []byte {
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseGolden(t *testing.T) {
	// Parse reads a zone abbreviation that the machine's own zone uses
	// ("CEST" in Oslo) as that zone, and any other as UTC, so the golden
	// results hold only under one zone: UTC, in which they were written.
	// The test runs in a child process started with TZ=UTC: setting
	// time.Local here would race with any goroutine an earlier test left
	// to wind down (a server's connection reading the clock).
	if os.Getenv("PVDESK_PARSE_GOLDEN_CHILD") == "" {
		args := []string{"-test.run=^TestParseGolden$", "-test.count=1"}
		if *updateGolden {
			args = append(args, "-update")
		}
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), "TZ=UTC", "PVDESK_PARSE_GOLDEN_CHILD=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("the golden test under TZ=UTC: %v\n%s", err, out)
		}
		return
	}
	for _, month := range []time.Month{time.January, time.July} {
		if _, off := time.Date(2026, month, 1, 0, 0, 0, 0, time.Local).Zone(); off != 0 {
			t.Fatalf("the child runs %d s off UTC in %s; want TZ=UTC", off, month)
		}
	}
	full, hashed := goldenInputs(t)
	got := golden{Full: map[string]messageDump{}, Hashed: map[string]string{}}
	for name, raw := range full {
		m := Parse(raw)
		checkInvariants(t, raw, m)
		got.Full[name] = dumpMessage(m)
	}
	for name, raw := range hashed {
		m := Parse(raw)
		checkInvariants(t, raw, m)
		sum := sha256.Sum256(dumpJSON(t, dumpMessage(m)))
		got.Hashed[name] = hex.EncodeToString(sum[:8])
	}

	if *updateGolden {
		if len(corpusFiles(t)) == 0 {
			t.Fatal("the golden file needs the corpus")
		}
		b, err := json.MarshalIndent(got, "", "\t")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenFile, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}

	want := loadGolden(t)
	_, err := os.Stat(corpusDir)
	haveCorpus := err == nil
	var names []string
	for name := range want.Full {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if strings.HasPrefix(name, "corpus/") && !haveCorpus {
			continue
		}
		g, ok := got.Full[name]
		if !ok {
			t.Errorf("%s: input gone", name)
			continue
		}
		if w := want.Full[name]; !bytes.Equal(dumpJSON(t, g), dumpJSON(t, w)) {
			t.Errorf("%s: output changed\n got: %s\nwant: %s", name, dumpJSON(t, g), dumpJSON(t, w))
		}
	}
	names = names[:0]
	for name := range want.Hashed {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if strings.HasPrefix(name, "corpus/") && !haveCorpus {
			continue
		}
		if g, ok := got.Hashed[name]; !ok {
			t.Errorf("%s: input gone", name)
		} else if g != want.Hashed[name] {
			t.Errorf("%s: output changed: %s", name, dumpJSON(t, dumpMessage(Parse(hashed[name]))))
		}
	}
	for name := range got.Full {
		if _, ok := want.Full[name]; !ok {
			t.Errorf("%s: not in the golden file; run with -update on the original code", name)
		}
	}
}
