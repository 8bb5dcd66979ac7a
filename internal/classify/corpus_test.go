package classify_test

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/mail"
)

// devCorpus is the labelled development corpus, shared beside the repo.
const devCorpus = "../../../shared/corpus/dev"

// macroFloor is the lowest macro-F1 the classifier may fall to on the dev
// corpus (issue 3); the target is 0.95.
const macroFloor = 0.80

// readLabels reads labels.tsv: file, labels, lang, note.
func readLabels(t *testing.T, path string) (gold map[string][]dsr.Right, lang map[string]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, lang = map[string][]dsr.Right{}, map[string]string{}
	sc := bufio.NewScanner(f)
	for first := true; sc.Scan(); first = false {
		cols := strings.Split(sc.Text(), "\t")
		if first || len(cols) < 3 {
			continue
		}
		var rs []dsr.Right
		for _, l := range strings.Split(cols[1], ",") {
			r, err := dsr.ParseRight(l)
			if err != nil {
				t.Fatalf("%s: %v", cols[0], err)
			}
			if r != dsr.None {
				rs = append(rs, r)
			}
		}
		gold[cols[0]] = rs
		lang[cols[0]] = cols[2]
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return gold, lang
}

// inputOf parses a raw message the way the desk does before classifying.
func inputOf(raw []byte) classify.Input {
	m := mail.Parse(raw)
	return classify.Input{
		Subject: m.Subject, Body: m.Text, From: m.From.Addr,
		AutoSubmitted: m.AutoSubmitted, ContentType: m.ContentType,
	}
}

// TestDevCorpus measures the classifier on the dev corpus, logs the
// per-label table and the misclassified files, and fails below the floor.
func TestDevCorpus(t *testing.T) {
	labels := filepath.Join(devCorpus, "labels.tsv")
	if _, err := os.Stat(labels); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("dev corpus missing in CI: %v", err)
		}
		t.Skipf("dev corpus not found: %v", err)
	}
	gold, lang := readLabels(t, labels)
	pred := map[string][]dsr.Right{}
	results := map[string]classify.Result{}
	langOK := 0
	for file := range gold {
		raw, err := os.ReadFile(filepath.Join(devCorpus, file))
		if err != nil {
			t.Fatal(err)
		}
		res := classify.Classify(inputOf(raw))
		pred[file] = res.Rights()
		results[file] = res
		if res.Language == lang[file] {
			langOK++
		}
	}
	rep := classify.Evaluate(gold, pred)
	t.Logf("dev corpus, %d messages\n%s", len(gold), rep.Table())
	t.Logf("language detected right: %d/%d", langOK, len(gold))

	files := make([]string, 0, len(gold))
	for f := range gold {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		want, got := dsr.JoinRights(gold[f]), dsr.JoinRights(pred[f])
		if res := results[f]; res.Language != lang[f] {
			t.Logf("language %s: want %s, got %q", f, lang[f], res.Language)
		}
		if want == got {
			continue
		}
		t.Logf("MISS %s: want %s, got %s\n%s", f, want, got, indent(classify.Explain(results[f])))
	}
	if rep.MacroF1 < macroFloor {
		t.Errorf("macro-F1 %.3f is below the floor %.2f", rep.MacroF1, macroFloor)
	}
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ")
}
