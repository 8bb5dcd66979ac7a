package mail

import (
	"bufio"
	"bytes"
	"io"
	"mime"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-message"
	gomail "github.com/emersion/go-message/mail"
	mimetext "github.com/emersion/go-message/textproto"
)

// The fuzz targets here check Parse's fast paths against the go-message
// code they stand in for: where a fast path answers, it must answer the
// same.

var addressSeeds = []string{
	"Kari Nordmann <kari@example.no>",
	"kari@example.no",
	"<kari@example.no>",
	`"kari@example.no" <kari@example.no>`,
	`"Nordmann, Kari" <kari@example.no>, ola@example.no,, `,
	"=?UTF-8?Q?Maria_Nystr=C3=B6m?= <maria.nystrom@example.net>",
	"=?iso-8859-1?q?J=F8rn?= =?iso-8859-1?q?_=C5s?= Jr. <j@x.no>",
	"=?x-unknown?q?a?= <a@b>",
	"Bjørn  Åsheim\t<b@x.no>",
	"kari@example.no (Kari)",
	"a@b <c@d>",
	".a@b, a..b@c, a@b.",
	"Group: a@b, c@d;",
	"\"a\\\"b\" <a@b>",
	"<a@[1.2.3.4]>",
	" , ",
}

func FuzzSimpleAddressList(f *testing.F) {
	for _, s := range addressSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if !utf8.ValidString(v) {
			return
		}
		got, ok := simpleAddressList(nil, v)
		if !ok {
			return
		}
		list, err := gomail.ParseAddressList(v)
		if err != nil {
			t.Fatalf("%q: fast path read %+v, go-message fails: %v", v, got, err)
		}
		want := make([]Address, len(list))
		for i, a := range list {
			want[i] = Address{Name: a.Name, Addr: a.Address}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: fast path read %+v, go-message %+v", v, got, want)
		}
	})
}

func FuzzSimpleMsgIDs(f *testing.F) {
	for _, s := range []string{
		"<a@b>", " <a.b@c.d>\t<e@f> ", "<a@b> junk", "<a@[b]>", "<a@b> (c)", "<a@b><c@d>", "<@b>", "<ø@b>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		got, ok := simpleMsgIDs(nil, v)
		if !ok {
			return
		}
		var h gomail.Header
		h.Set("References", v)
		want, err := h.MsgIDList("References")
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: fast path read %q, go-message %q, %v", v, got, want, err)
		}
	})
}

var headerKeys = []string{
	"From", "To", "Subject", "Date", "Message-Id", "In-Reply-To", "References",
	"Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence",
	"Content-Type", "Content-Disposition", "Content-Transfer-Encoding",
	"Received", "X-Mailer", // not among knownKeys: Get scans for them
}

func FuzzScanHeader(f *testing.F) {
	for _, s := range []string{
		"From: a@b\r\nSubject: x\r\n\r\nbody",
		"from:a@b\nSUBJECT:  x \n\ty\r\n \r\n\nbody",
		"Subject: a\r\r\nX: \r\n",
		"Subject: a\r",
		" Subject: a\r\n\r\n",
		": x\r\nFrom: a\r\n",
		"Bad Key: x\r\n\r\n",
		"Subject\r\n : x\r\n\r\n",
		"\r\nbody",
		"Subject: x\r\n\t\r\n\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) == 0 {
			return // Parse never reads an empty message
		}
		r := bytes.NewReader(raw)
		br := bufio.NewReader(r)
		want, err := mimetext.ReadHeader(br)
		h, body, ok := scanHeader(raw)
		if ok != (err == nil) {
			t.Fatalf("%q: scanHeader ok = %v, ReadHeader error %v", raw, ok, err)
		}
		if !ok {
			return
		}
		if consumed := len(raw) - r.Len() - br.Buffered(); body != consumed {
			t.Fatalf("%q: body at %d, ReadHeader read %d", raw, body, consumed)
		}
		wh := message.Header{Header: want}
		for _, k := range headerKeys {
			if g, w := h.Get(k), wh.Get(k); g != w {
				t.Fatalf("%q: %s = %q, ReadHeader gives %q", raw, k, g, w)
			}
		}
	})
}

// FuzzQPRuns checks that the fast steps of Write (runs of text, runs
// ending in a line end, "=XX", soft breaks), in any split of the input,
// decode as feeding every byte through the state machine does.
func FuzzQPRuns(f *testing.F) {
	for _, s := range []string{
		"Jeg =C3=B8nsker innsyn =\r\nog en kopi.=20\r\n", "a =\r\nb", "x  \r\ny\t\n", "=ZZ =4\r\n= \r\nend=", "=\r=\n= \t\r\nq",
		"a  =41 \t=\nb \r\n=\r\n=4g= x=", "  \t", "=0d=0A\n\n  \t\n", "a b \t=\r\nc\t=3D \r\nd =ZZ e  =", "x =\r\n\r\n\t ",
	} {
		f.Add([]byte(s), uint8(3))
	}
	f.Fuzz(func(t *testing.T, in []byte, split uint8) {
		var want bytes.Buffer
		ref := qpDecoder{out: &want}
		for _, c := range in {
			ref.byte(c)
		}
		ref.Close()

		d := qpDecoder{}
		for p, n := in, int(split)+1; len(p) > 0; {
			n = min(n, len(p))
			d.Write(p[:n])
			p = p[n:]
		}
		d.Close()
		if !bytes.Equal(d.buf, want.Bytes()) {
			t.Fatalf("%q: runs give %q, bytes %q", in, d.buf, want.Bytes())
		}
	})
}

func FuzzSplitMultipart(f *testing.F) {
	for _, s := range []string{
		"pre\r\n--b\r\nContent-Type: text/plain\r\n\r\nhei\r\n--b\r\n\r\nto\r\n--b--\r\nepilogue",
		"--b\n\nx\n--b--",
		"--b \t\r\nA: b\r\n\r\n--bx\r\n--b-\r\n--b--",
		"--b\r\n\r\n--b\r\n\r\ny\r\n--b--",
		"--b\r\n\r\nx\r\n--b\r\nno header end\r\n--b--\r\n",
		"--b\r\n\r\nx\r\n--b--\n",
		"--b\r\n\r\nx\n--b\r\n\r\n\r\n--b--",
		"--b\r\n\r\nx",
	} {
		f.Add([]byte(s), "b")
	}
	f.Fuzz(func(t *testing.T, body []byte, boundary string) { checkSplit(t, body, boundary) })
}

// TestSplitMultipartLarge puts near-boundaries and long lines where
// go-message's reader crosses from one 4 KB buffer to the next.
func TestSplitMultipartLarge(t *testing.T) {
	split := 0
	for _, off := range []int{4000, 4090, 4093, 4094, 4095, 4096, 4097, 4100, 8190, 8192} {
		for _, tricky := range []string{"\r\n--bx", "\r\n--b", "\r\n-", "\r", "\n--b--x"} {
			pad := bytes.Repeat([]byte("x"), off)
			body := "pre\r\n--b\r\nContent-Type: text/plain\r\n\r\n" + string(pad) + tricky + string(pad) +
				"\r\n--b\r\n\r\n" + string(pad) + "\r\n--b--\r\n"
			for _, b := range []string{body, string(pad) + "\r\n" + body, body[:len(body)-4]} {
				if checkSplit(t, []byte(b), "b") {
					split++
				}
			}
		}
	}
	if split < 50 {
		t.Errorf("only %d of the messages were split", split)
	}
}

// checkSplit compares splitMultipart with go-message's reader, if it
// splits body; it reports whether it did.
func checkSplit(t *testing.T, body []byte, boundary string) bool {
	if boundary == "" {
		return false // entity refuses it before
	}
	parts, ok := splitMultipart(body, boundary)
	if !ok {
		return false
	}
	mr := mimetext.NewMultipartReader(bytes.NewReader(body), boundary)
	for i := 0; ; i++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			if i != len(parts) {
				t.Fatalf("%q: %d parts, go-message finds %d", body, len(parts), i)
			}
			return true
		}
		if err != nil {
			t.Fatalf("%q: split, but go-message fails: %v", body, err)
		}
		if i >= len(parts) {
			t.Fatalf("%q: %d parts, go-message finds more", body, len(parts))
		}
		data, err := io.ReadAll(p)
		if err != nil {
			t.Fatalf("%q: split, but go-message fails reading part %d: %v", body, i, err)
		}
		if !bytes.Equal(data, parts[i].body.b) {
			t.Fatalf("%q: part %d is %q, go-message reads %q", body, i, parts[i].body.b, data)
		}
		wh := message.Header{Header: p.Header}
		for _, k := range headerKeys {
			if g, w := parts[i].h.Get(k), wh.Get(k); g != w {
				t.Fatalf("%q: part %d: %s = %q, go-message reads %q", body, i, k, g, w)
			}
		}
	}
}

// TestKnownKey checks knownKey against a plain search of knownKeys.
func TestKnownKey(t *testing.T) {
	keys := append([]string{"", "T", "TO", "to", "tO", "Tx", "Frob", "date", "Message-ID", "X-AUTORESPOND", "Content-Typ"}, knownKeys[:]...)
	for _, k := range knownKeys {
		keys = append(keys, "X"+k[1:], k[:len(k)-1]+"x", k+"s")
	}
	for _, k := range keys {
		want := -1
		for i, kk := range knownKeys {
			if strings.EqualFold(k, kk) {
				want = i
				break
			}
		}
		if got := knownKey(k); got != want {
			t.Errorf("knownKey(%q) = %d, want %d", k, got, want)
		}
	}
}

// FuzzSimpleMediaType checks the fast Content-Type reader against
// mime.ParseMediaType wherever it answers.
func FuzzSimpleMediaType(f *testing.F) {
	for _, s := range []string{
		`text/plain; charset="utf-8"`, "TEXT/Plain;Charset=UTF-8;", `multipart/alternative; boundary="=_a b;c"`,
		"text/plain; charset=utf-8; charset=utf-8", "text/plain; charset=a; CHARSET=b", "text ; x=y ;  ",
		`attachment; filename="a\"b.pdf"`, "text/plain; name*=utf-8''%C3%A6", "text/; x=y", "a/b/c", "text/plain;;x=y",
		"text/plain; x=", `text/plain; x=""`, "text/plain; x=y z", "text/plain\t;\tx\t=\ty", "inline",
		"text/plain; name=\"æ.pdf\"", "te\u212at/plain", "text/plain; x=\"a\rb\"", "text/plain;\u00a0x=y", "text/plain; x=y\v",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		mt, p, ok := simpleMediaType(v)
		if !ok {
			return
		}
		if p.m != nil {
			t.Fatalf("%q: fast path read a map", v)
		}
		params := map[string]string{}
		for _, kv := range p.kv[:p.n] {
			params[kv.k] = kv.v
		}
		for _, k := range []string{"charset", "boundary", "name", "filename", "x"} {
			if p.get(k) != params[k] {
				t.Fatalf("%q: get(%q) = %q, the parameters hold %q", v, k, p.get(k), params[k])
			}
		}
		wmt, wparams, err := mime.ParseMediaType(v)
		if err != nil {
			t.Fatalf("%q: fast path read %q %q, ParseMediaType fails: %v", v, mt, params, err)
		}
		if mt != wmt || !reflect.DeepEqual(params, wparams) {
			t.Fatalf("%q: fast path read %q %q, ParseMediaType %q %q", v, mt, params, wmt, wparams)
		}
	})
}

// FuzzBase64Count checks that base64Counter counts what base64Decoder
// decodes, in any split of the input.
func FuzzBase64Count(f *testing.F) {
	for _, s := range []string{"aGVp\r\nZA==", "aGVpZA=", "a", "ab=cd=", "a-_b c\td!", "====", "aGV"} {
		f.Add([]byte(s), uint8(2))
	}
	f.Fuzz(func(t *testing.T, in []byte, split uint8) {
		var out bytes.Buffer
		d := base64Decoder{out: &out}
		var c base64Counter
		for p, n := in, int(split)+1; len(p) > 0; {
			n = min(n, len(p))
			d.Write(p[:n])
			c.Write(p[:n])
			p = p[n:]
		}
		d.Close()
		c.Close()
		if c.size != int64(out.Len()) || c.invalid != d.invalid || c.truncated != d.truncated {
			t.Fatalf("%q: counted %d, %d invalid, truncated %v; decoded %d, %d, %v",
				in, c.size, c.invalid, c.truncated, out.Len(), d.invalid, d.truncated)
		}
	})
}

// FuzzSimpleDate checks the fast Date reader against time.Parse wherever
// it answers. Run it with TZ set too, for the local-zone case.
func FuzzSimpleDate(f *testing.F) {
	for _, s := range []string{
		"Sun, 27 Sep 2026 13:06:29 +0200", "Mon, 2 Jan 2006 15:04:05 -0700", "Tue, 29 Feb 2028 00:00:00 +0000",
		"Wed, 29 Feb 2027 00:00:00 +0000", "Thu, 31 Apr 2026 23:59:59 -1430", "Fri, 01 Jan 0000 00:00:00 +0100",
		"Sat, 1 Jan 2026 24:00:00 +0000", "Mon, 1 Jan 2026 1:00:00 +0000", "mon, 1 jan 2026 01:00:00 +0000",
		"Mon, 1 Jan 2026 01:00:00 -0000", "Mon, 1 Jan 2026 01:00:00 +1500", "Mon, 1 Jan 2026 01:00:00 +0060",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		got, ok := simpleDate(v)
		if !ok {
			return
		}
		want, err := time.Parse(rfc5322Date, v)
		if err != nil {
			t.Fatalf("%q: fast path read %v, time.Parse fails: %v", v, got, err)
		}
		gn, go_ := got.Zone()
		wn, wo := want.Zone()
		if !got.Equal(want) || gn != wn || go_ != wo || (got.Location() == time.Local) != (want.Location() == time.Local) ||
			got.Location().String() != want.Location().String() || got.String() != want.String() {
			t.Fatalf("%q: fast path read %v (%v), time.Parse %v (%v)", v, got, got.Location(), want, want.Location())
		}
	})
}
