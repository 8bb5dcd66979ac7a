// Command pvdesk-eval measures the classifier on a labelled corpus (a
// directory of .eml files with a labels.tsv: file, labels, ...): per-label
// precision, recall and F1, micro and macro F1, and the misclassified files
// with their evidence. With -k N it also measures the learned layer by
// k-fold cross-validation: train on N-1 folds as if staff had confirmed
// them, classify the held-out fold with rules plus learned layer.
//
//	go run ./cmd/pvdesk-eval [-k 5] [-seed 1] [DIR]   (make eval)
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/classify/learned"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/mail"
)

type item struct {
	file  string
	gold  []dsr.Right
	input classify.Input
	text  string
}

func main() {
	k := flag.Int("k", 0, "also run k-fold cross-validation of rules + learned layer (0: rules only)")
	seed := flag.Uint64("seed", 1, "seed for the fold split")
	flag.Parse()
	dir := "../shared/corpus/dev"
	if flag.NArg() > 0 {
		dir = flag.Arg(0)
	}
	items, err := load(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pvdesk-eval:", err)
		os.Exit(1)
	}
	if err := run(os.Stdout, items, *k, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "pvdesk-eval:", err)
		os.Exit(1)
	}
}

func load(dir string) ([]item, error) {
	f, err := os.Open(filepath.Join(dir, "labels.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var items []item
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first {
			first = false
			if strings.HasPrefix(line, "file\t") {
				continue
			}
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || cols[0] == "" {
			continue
		}
		var gold []dsr.Right
		for _, l := range strings.Split(cols[1], ",") {
			r, err := dsr.ParseRight(l)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", cols[0], err)
			}
			if r != dsr.None {
				gold = append(gold, r)
			}
		}
		raw, err := os.ReadFile(filepath.Join(dir, cols[0]))
		if err != nil {
			return nil, err
		}
		m := mail.Parse(raw)
		in := classify.Input{Subject: m.Subject, Body: m.Text, From: m.From.Addr, AutoSubmitted: m.AutoSubmitted, ContentType: m.ContentType}
		items = append(items, item{file: cols[0], gold: gold, input: in, text: m.Subject + "\n" + m.Text})
	}
	return items, sc.Err()
}

func run(w io.Writer, items []item, k int, seed uint64) error {
	gold := map[string][]dsr.Right{}
	pred := map[string][]dsr.Right{}
	results := map[string]classify.Result{}
	for _, it := range items {
		gold[it.file] = it.gold
		res := classify.Classify(it.input)
		results[it.file] = res
		pred[it.file] = res.Rights()
	}
	rep := classify.Evaluate(gold, pred)
	fmt.Fprintf(w, "rules, %d messages\n%s\n", len(items), rep.Table())
	miss := 0
	for _, it := range items {
		if dsr.JoinRights(it.gold) == dsr.JoinRights(pred[it.file]) {
			continue
		}
		if miss == 0 {
			fmt.Fprintln(w, "misclassified:")
		}
		miss++
		fmt.Fprintf(w, "  %s  want %s  got %s\n", it.file, dsr.JoinRights(it.gold), dsr.JoinRights(pred[it.file]))
		for _, line := range strings.Split(strings.TrimRight(classify.Explain(results[it.file]), "\n"), "\n") {
			fmt.Fprintf(w, "      %s\n", line)
		}
	}
	if miss == 0 {
		fmt.Fprintln(w, "misclassified: none")
	}
	if k < 2 {
		return nil
	}
	// k-fold: every message is classified by a model that never saw it.
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15))
	r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	kpred := map[string][]dsr.Right{}
	alone := map[string][]dsr.Right{}
	changed := 0
	for fold := range k {
		var train []learned.Example
		var test []item
		for pos, i := range order {
			if pos%k == fold {
				test = append(test, items[i])
			} else {
				train = append(train, learned.Example{Ref: items[i].file, Text: items[i].text, Rights: items[i].gold})
			}
		}
		m := learned.Train(train)
		for _, it := range test {
			for _, sc := range m.Predict(it.text) {
				if sc.P >= 0.5 {
					alone[it.file] = append(alone[it.file], sc.Right)
				}
			}
			res := m.Combine(it.text, results[it.file])
			kpred[it.file] = res.Rights()
			if dsr.JoinRights(kpred[it.file]) != dsr.JoinRights(pred[it.file]) {
				changed++
			}
		}
	}
	arep := classify.Evaluate(gold, alone)
	fmt.Fprintf(w, "\nlearned model alone (naive Bayes, P >= 0.5), %d-fold cross-validation (seed %d): what it learns from this many examples\n%s\n",
		k, seed, arep.Table())
	krep := classify.Evaluate(gold, kpred)
	fmt.Fprintf(w, "\nrules + learned layer, %d-fold cross-validation (seed %d): %d of %d messages changed by the learned layer\n%s\n",
		k, seed, changed, len(items), krep.Table())
	var diffs []string
	for _, it := range items {
		if dsr.JoinRights(kpred[it.file]) != dsr.JoinRights(pred[it.file]) {
			diffs = append(diffs, fmt.Sprintf("  %s  want %s  rules %s  combined %s", it.file,
				dsr.JoinRights(it.gold), dsr.JoinRights(pred[it.file]), dsr.JoinRights(kpred[it.file])))
		}
	}
	sort.Strings(diffs)
	for _, d := range diffs {
		fmt.Fprintln(w, d)
	}
	return nil
}
