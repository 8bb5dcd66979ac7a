package mail

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that Parse survives anything: it must not panic (nor
// recover from a panic of its own), must keep the input as Raw, and must
// return valid UTF-8 text. It is seeded with the corpus and the test
// messages.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.eml"))
	more, _ := filepath.Glob(filepath.Join("testdata", "parse", "*.eml"))
	for _, name := range append(files, more...) {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add(benchMessage)
	f.Add([]byte{})
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		checkInvariants(t, raw, Parse(raw))
	})
}

// fuzzSeeds are hand-made hostile messages, shared with the golden test.
var fuzzSeeds = []string{
	"Content-Type: text/html\r\n\r\n<ul><li>a<ul><li>b<blockquote><p>c<a href=\"http://x\">d</a>",
	"Content-Type: message/rfc822\r\n\r\nContent-Type: message/rfc822\r\n\r\nFrom: a@b\r\n\r\nx",
	"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: multipart/alternative; boundary=c\r\n\r\n--c\r\n\r\nx\r\n--c--\r\n--b",
	"Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/plain; charset=koi8-r\r\n\r\n=E6=3D=\r\n= \r\n",
	"Subject: =?utf-8?b?w6Y=?= =?iso-8859-1?q?=E6?=\r\nFrom: \"a\" <A@B>\r\n\r\n",
}
