package classify_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// The golden check pins Classify's whole Result, evidence and confidences
// included, on thousands of inputs, so work on the classifier's speed can
// show it changed nothing. Run with -update only when a change of result is
// meant.
var update = flag.Bool("update", false, "rewrite testdata/classify_golden.json from the current classifier")

const goldenFile = "testdata/classify_golden.json"

// The golden file holds the base inputs, as collected from the corpus and
// the test tables when it was written, and the result of every case built
// from them (each base as it is, then in the variants of expand). The check
// therefore needs neither the corpus nor the other tests' tables to stay as
// they are, and the file stays a few megabytes.
type goldenBase struct {
	ID    string
	Input classify.Input
	// Plain marks a base that is classified only as it is (a bare string
	// from a test table), without variants.
	Plain bool `json:",omitempty"`
}

type goldenResult struct {
	ID     string
	Result classify.Result
	Rights []dsr.Right
}

type namedInput struct {
	id string
	in classify.Input
}

func TestGoldenEquivalence(t *testing.T) {
	var bases []goldenBase
	if *update {
		bases = collectBases(t)
	} else {
		raw, err := os.ReadFile(goldenFile)
		if err != nil {
			t.Fatalf("%v (generate it with -update from a classifier known to be right)", err)
		}
		var g struct{ Bases []goldenBase }
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatal(err)
		}
		bases = g.Bases
	}
	cases := expand(bases)

	var buf bytes.Buffer
	line := func(v any, more bool) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(b)
		if more {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("{\"Bases\": [\n")
	for i, b := range bases {
		line(b, i+1 < len(bases))
	}
	// Every result is kept until all are done, so a result that shared
	// storage the classifier reuses for later messages would show.
	results := make([]classify.Result, len(cases))
	for i, c := range cases {
		results[i] = classify.Classify(c.in)
	}
	buf.WriteString("],\n\"Results\": [\n")
	for i, c := range cases {
		res := results[i]
		line(goldenResult{ID: c.id, Result: res, Rights: res.Rights()}, i+1 < len(cases))
	}
	buf.WriteString("]}\n")

	if *update {
		if err := os.WriteFile(goldenFile, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %d bases, %d cases to %s", len(bases), len(cases), goldenFile)
		return
	}
	want, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(want, buf.Bytes()) {
		t.Logf("%d cases identical", len(cases))
		return
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(buf.String(), "\n")
	shown := 0
	for i := 0; i < len(wl) && i < len(gl) && shown < 5; i++ {
		if wl[i] != gl[i] {
			t.Errorf("line %d differs:\nwant %s\n got %s", i+1, clip(wl[i]), clip(gl[i]))
			shown++
		}
	}
	if shown == 0 {
		t.Errorf("golden differs (%d lines, got %d)", len(wl), len(gl))
	}
}

func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}

// roundTrip passes in through JSON as the golden file will, so the input
// classified is the one stored (invalid UTF-8 would become U+FFFD).
func roundTrip(t *testing.T, in classify.Input) classify.Input {
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out classify.Input
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// collectBases gathers realistic and odd inputs: the dev corpus as the desk
// parses it, the held-out batches, and every string in the package's test
// tables.
func collectBases(t *testing.T) []goldenBase {
	t.Helper()
	var out []goldenBase
	add := func(id string, in classify.Input, plain bool) {
		out = append(out, goldenBase{ID: id, Input: roundTrip(t, in), Plain: plain})
	}

	files, _ := filepath.Glob(filepath.Join(devCorpus, "*.eml"))
	if len(files) == 0 {
		t.Fatalf("dev corpus not found at %s", devCorpus)
	}
	sort.Strings(files)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		add("corpus/"+filepath.Base(f), inputOf(raw), false)
	}

	tsvs, _ := filepath.Glob("testdata/heldout*.tsv")
	sort.Strings(tsvs)
	for _, name := range tsvs {
		for _, row := range readHeldOut(t, name) {
			add(filepath.Base(name)+"/"+row.id, row.in, false)
		}
	}

	// Pairs from struct literals ({name, subject, body, ...}), and every
	// literal on its own as a body.
	lits, pairs := testLiterals(t)
	for i, p := range pairs {
		add(fmt.Sprintf("pair/%d", i), classify.Input{Subject: p[0], Body: p[1], From: "someone@example.com"}, false)
	}
	for i, s := range lits {
		add(fmt.Sprintf("lit/%d", i), classify.Input{Body: s}, true)
	}
	return out
}

// expand returns every base as it is and, unless plain, in variants:
// shouted, folded to ASCII, quoted, signed, forwarded, cut short, run
// together with the next bases into long mail.
func expand(bases []goldenBase) []namedInput {
	var out []namedInput
	add := func(id string, in classify.Input) { out = append(out, namedInput{id, in}) }
	quote := "\n\nDen 3. mars 2026 kl. 10:00 skrev Magnet AS <post@magnetharstad.no>:\n" +
		"> Du kan be om innsyn, retting, sletting og begrensning,\n> og trekke tilbake samtykke når som helst.\n"
	outlook := "\n\nFra: Magnet AS <post@magnetharstad.no>\nSendt: tirsdag 3. mars 2026 10:00\nTil: deg\nEmne: Svar\n\n" +
		"Vi har mottatt kravet om innsyn og sletting. Du kan klage til Datatilsynet.\n"
	sig := "\n\nMed vennlig hilsen\nKari Nordmann\nStorgata 21\n9405 Harstad\n\nSendt fra min iPhone\n"
	sigEN := "\n\nKind regards,\nGraham Reid\n-- \nGraham Reid | Offshore AS | +47 412 34 567\nThis email and any attachments are confidential.\n"
	for k, b := range bases {
		add(b.ID, b.Input)
		subj, body := b.Input.Subject, b.Input.Body
		if b.Plain || strings.TrimSpace(body) == "" {
			continue
		}
		id := b.ID
		add(id+"/upper", classify.Input{Subject: strings.ToUpper(subj), Body: strings.ToUpper(body)})
		add(id+"/ascii", classify.Input{Subject: asciiNordic(subj), Body: asciiNordic(body)})
		add(id+"/crlf", classify.Input{Subject: subj, Body: strings.ReplaceAll(body, "\n", "\r\n")})
		add(id+"/quoted", classify.Input{Subject: "Re: " + subj, Body: body + quote})
		add(id+"/outlook", classify.Input{Subject: "SV: " + subj, Body: body + outlook})
		add(id+"/signed-en", classify.Input{Subject: subj, Body: body + sigEN})
		add(id+"/forward", classify.Input{Subject: "Fwd: " + subj, Body: "Se under.\n\n---------- Forwarded message ---------\n" +
			"Fra: Ola Nordmann <ola@example.no>\nDate: 1. mars 2026\nSubject: " + subj + "\nTo: post@magnetharstad.no\n\n" + body})
		add(id+"/forward-note", classify.Input{Subject: "Fwd: " + subj, Body: "Jeg har aldri bedt om dette, se under.\n\n-----Original Message-----\n" +
			"From: Ola Nordmann <ola@example.no>\nSent: 1. mars\nSubject: x\n\n" + body})
		add(id+"/half", classify.Input{Subject: subj, Body: body[:len(body)/2]})
		add(id+"/subjectonly", classify.Input{Subject: firstLine(body), Body: "Se emnefeltet."})
		add(id+"/punct", classify.Input{Subject: subj, Body: strings.NewReplacer(".", " . ", ",", " ,", "?", "!", "\n", " ").Replace(body)})
		if k%2 == 0 {
			add(id+"/lower", classify.Input{Subject: strings.ToLower(subj), Body: strings.ToLower(body)})
			add(id+"/signed", classify.Input{Subject: subj, Body: body + sig})
			add(id+"/tail", classify.Input{Subject: subj, Body: body[len(body)/3:]})
			add(id+"/nosubject", classify.Input{Body: body})
		}
		if k%3 == 0 {
			// Long prose: this message and the next few run together.
			var long strings.Builder
			for j := k; j < len(bases) && j < k+6; j++ {
				long.WriteString(bases[j].Input.Body)
				long.WriteString("\n\n")
			}
			add(id+"/long", classify.Input{Subject: subj, Body: long.String()})
		}
		if k%5 == 0 {
			add(id+"/repeat", classify.Input{Subject: subj, Body: strings.Repeat(body+" ", 8)})
		}
		if k%7 == 0 {
			add(id+"/auto", classify.Input{Subject: subj, Body: body, AutoSubmitted: "auto-replied"})
			add(id+"/bounce", classify.Input{Subject: subj, Body: body, From: "MAILER-DAEMON@mx.example.net"})
		}
	}
	return out
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

var asciiNordicReplacer = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "Æ", "AE", "Ø", "OE", "Å", "AA",
	"ä", "a", "ö", "o", "ü", "ue", "ß", "ss", "Ä", "A", "Ö", "O", "Ü", "UE", "é", "e")

// asciiNordic writes a text as someone without a Nordic keyboard would.
func asciiNordic(s string) string { return asciiNordicReplacer.Replace(s) }

// testLiterals returns every string constant in this package's test files,
// and the (subject, body) pairs of struct literals whose second and third
// fields are strings.
func testLiterals(t *testing.T) (lits []string, pairs [][2]string) {
	t.Helper()
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	fset := token.NewFileSet()
	seen := map[string]bool{}
	seenPair := map[[2]string]bool{}
	for _, name := range files {
		if name == "equiv_test.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if len(n.Elts) >= 3 {
					s, ok1 := constString(n.Elts[1])
					b, ok2 := constString(n.Elts[2])
					if ok1 && ok2 && !seenPair[[2]string{s, b}] {
						seenPair[[2]string{s, b}] = true
						pairs = append(pairs, [2]string{s, b})
					}
				}
			case ast.Expr:
				if s, ok := constString(n); ok {
					if len(s) >= 2 && !seen[s] {
						seen[s] = true
						lits = append(lits, s)
					}
					return false // the whole sum, not its parts
				}
			}
			return true
		})
	}
	return lits, pairs
}

// constString evaluates a string literal or a sum of them.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := constString(e.X)
		b, ok2 := constString(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}
