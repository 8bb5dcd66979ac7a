package classify_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// heldoutFloor is the macro-F1 each file of testdata/heldout*.tsv must
// reach. The messages were written apart from the dev corpus, in other
// styles, and each file was scored once before any rule was changed for
// it; those first scores are the honest estimate of how the rules carry
// over to unseen mail (exact label sets right, batches 2 to 16: 40/50,
// 42/50, 42/50, 23/25, 13/20 (adversarial), 26/30, 23/30, 17/20, 26/30,
// 14/20, 15/20, 19/20, 19/20, 13/15, 19/20;
// batch 17, sv/da/de/nynorsk and messy forms: 37/40; batch 18, the hard
// pairs and three-right mail: 34/36; batch 19, written blind to the rules
// in six languages: 35/48; batch 20, written blind in other styles after
// the batch-19 rules: 36/48; batch 21, blind, weighted to nynorsk, Swedish,
// Danish and German: 35/48; batch 22, blind, the everyday mix of the
// mailbox: 37/48; batch 23, blind, a third of it near misses: 38/48;
// batch 24, blind, the five hardest labels six times each or more: 31/48;
// batch 25, blind, after the batch-24 rules, every form of letter: 35/48;
// batch 26, blind, after the batch-25 rules, more forms and scenarios:
// 33/48; batch 27, blind, written on the boundaries between labels:
// 23/48; batch 28, blind, the everyday mailbox, short mails from phones,
// threads and forwards: 41/48).
// Afterwards they guard against regressions.
const heldoutFloor = 0.9

// heldoutFloors sets the floor of a batch apart from heldoutFloor: lower
// for a batch whose misses are not yet worked through (it still guards
// what the batch gets right), higher for one that reaches more. Batch 24,
// its eleven misses after the first pass worked through in a second (see
// its header and batch24_gaps_test.go), is at macro-F1 1.000 (48/48).
// Batch 25, from 35/48 (macro-F1 0.835) at first look, is at 46/48
// (macro-F1 0.976) after its misses were worked through (see its header
// and batch25_gaps_test.go); two "none" near misses are left (j06, j35).
// Batch 26, from 33/48 (macro-F1 0.837) at first look, is at 45/48
// (macro-F1 0.972) after its misses were worked through (see its header
// and batch26_gaps_test.go); two lawyer letters citing the wrong article
// (k27, k31) and a "none" near miss (k12) are left. Batch 27, from 23/48
// (macro-F1 0.716) at first look, is at 45/48 (macro-F1 0.977) after its
// misses were worked through (see its header and batch27_gaps_test.go);
// a fix asked after "that is wrong" (m29) and two requests told as past
// (m30, m31) are left. Batch 28, from 41/48 (macro-F1 0.897) at first
// look, is at 45/48 (macro-F1 0.936) after a first pass over its misses
// (see its header and batch28_gaps_test.go); an objection told apart
// from marketing (n28), a restriction asked while an objection is
// assessed (n12) and an objection to a camera in plain dialect (n43)
// are left.
var heldoutFloors = map[string]float64{"testdata/heldout24.tsv": 1.0, "testdata/heldout25.tsv": 0.95, "testdata/heldout26.tsv": 0.97, "testdata/heldout27.tsv": 0.97, "testdata/heldout28.tsv": 0.93}

func TestHeldOut(t *testing.T) {
	for _, name := range []string{"testdata/heldout.tsv", "testdata/heldout2.tsv", "testdata/heldout3.tsv", "testdata/heldout4.tsv", "testdata/heldout5.tsv", "testdata/heldout6.tsv", "testdata/heldout7.tsv", "testdata/heldout8.tsv", "testdata/heldout9.tsv", "testdata/heldout10.tsv", "testdata/heldout11.tsv", "testdata/heldout12.tsv", "testdata/heldout13.tsv", "testdata/heldout14.tsv", "testdata/heldout15.tsv", "testdata/heldout16.tsv", "testdata/heldout17.tsv", "testdata/heldout18.tsv", "testdata/heldout19.tsv", "testdata/heldout20.tsv", "testdata/heldout21.tsv", "testdata/heldout22.tsv", "testdata/heldout23.tsv", "testdata/heldout24.tsv", "testdata/heldout25.tsv", "testdata/heldout26.tsv", "testdata/heldout27.tsv", "testdata/heldout28.tsv"} {
		t.Run(name, func(t *testing.T) { heldOut(t, name) })
	}
}

// heldOutRow is one line of a held-out batch: id, gold labels, subject and
// body (with its newlines written as \n).
type heldOutRow struct {
	id, labels string
	in         classify.Input
}

// readHeldOut reads a held-out batch (testdata/heldout*.tsv).
func readHeldOut(t *testing.T, name string) []heldOutRow {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []heldOutRow
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.SplitN(line, "\t", 4)
		if len(cols) != 4 {
			t.Fatalf("%s: bad line %q", name, line)
		}
		rows = append(rows, heldOutRow{id: cols[0], labels: cols[1],
			in: classify.Input{Subject: cols[2], Body: strings.ReplaceAll(cols[3], `\n`, "\n")}})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func heldOut(t *testing.T, name string) {
	gold, pred := map[string][]dsr.Right{}, map[string][]dsr.Right{}
	results := map[string]classify.Result{}
	for _, row := range readHeldOut(t, name) {
		var want []dsr.Right
		for _, l := range strings.Split(row.labels, ",") {
			r, err := dsr.ParseRight(l)
			if err != nil {
				t.Fatal(err)
			}
			if r != dsr.None {
				want = append(want, r)
			}
		}
		res := classify.Classify(row.in)
		gold[row.id], pred[row.id], results[row.id] = want, res.Rights(), res
	}
	rep := classify.Evaluate(gold, pred)
	t.Logf("%s, %d messages\n%s", name, len(gold), rep.Table())
	for id := range gold {
		if w, g := dsr.JoinRights(gold[id]), dsr.JoinRights(pred[id]); w != g {
			t.Logf("MISS %s: want %s, got %s\n%s", id, w, g, indent(classify.Explain(results[id])))
		}
	}
	floor := heldoutFloor
	if f, ok := heldoutFloors[name]; ok {
		floor = f
	}
	if rep.MacroF1 < floor {
		t.Errorf("held-out macro-F1 %.3f is below %.2f", rep.MacroF1, floor)
	}
}
