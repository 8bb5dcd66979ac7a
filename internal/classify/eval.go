package classify

import (
	"fmt"
	"strings"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// Score counts one label's decisions over a corpus and the measures drawn
// from them.
type Score struct {
	Label     dsr.Right
	Support   int // messages that carry the label in the gold standard
	TP        int
	FP        int
	FN        int
	Precision float64
	Recall    float64
	F1        float64
}

func (s *Score) finish() {
	s.Precision = ratio(s.TP, s.TP+s.FP)
	s.Recall = ratio(s.TP, s.TP+s.FN)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// ratio is num/den, or 1 when there was nothing to get wrong: a label that
// is never expected and never predicted is perfect, not undefined.
func ratio(num, den int) float64 {
	if den == 0 {
		return 1
	}
	return float64(num) / float64(den)
}

// Report is the evaluation of predicted labels against a gold standard.
// "none" (a message with no right) is scored as a label of its own, since
// telling requests from other mail is half of the desk's job.
type Report struct {
	Messages   int
	ExactMatch int     // messages whose label set is exactly right
	Labels     []Score // every right in RIGHTS.md order, then none
	Micro      Score   // pooled over all labels
	MacroF1    float64 // mean F1 over the labels that occur in gold or prediction
}

// Evaluate compares pred with gold, both keyed by message (a file name, a
// message ID). A message missing from pred counts as predicted none.
func Evaluate(gold, pred map[string][]dsr.Right) Report {
	labels := append(append([]dsr.Right(nil), dsr.AllRights...), dsr.None)
	idx := map[dsr.Right]int{}
	scores := make([]Score, len(labels))
	for i, l := range labels {
		idx[l] = i
		scores[i].Label = l
	}
	rep := Report{Messages: len(gold)}
	for id, g := range gold {
		gs, ps := labelSet(g), labelSet(pred[id])
		exact := len(gs) == len(ps)
		for l := range gs {
			scores[idx[l]].Support++
			if ps[l] {
				scores[idx[l]].TP++
			} else {
				scores[idx[l]].FN++
				exact = false
			}
		}
		for l := range ps {
			if !gs[l] {
				scores[idx[l]].FP++
			}
		}
		if exact {
			rep.ExactMatch++
		}
	}
	sum, n := 0.0, 0
	for i := range scores {
		s := &scores[i]
		s.finish()
		rep.Micro.TP += s.TP
		rep.Micro.FP += s.FP
		rep.Micro.FN += s.FN
		rep.Micro.Support += s.Support
		if s.Support+s.FP > 0 {
			sum += s.F1
			n++
		}
	}
	rep.Micro.finish()
	if n > 0 {
		rep.MacroF1 = sum / float64(n)
	}
	rep.Labels = scores
	return rep
}

// labelSet turns a label list into a set; an empty list is {none}.
func labelSet(rs []dsr.Right) map[dsr.Right]bool {
	m := map[dsr.Right]bool{}
	for _, r := range rs {
		if r != dsr.None {
			m[r] = true
		}
	}
	if len(m) == 0 {
		m[dsr.None] = true
	}
	return m
}

// Table renders the report as a fixed-width table for a terminal or a log.
func (r Report) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-20s %7s %4s %4s %4s %9s %7s %6s\n", "label", "support", "tp", "fp", "fn", "precision", "recall", "f1")
	row := func(name string, s Score) {
		fmt.Fprintf(&b, "%-20s %7d %4d %4d %4d %9.3f %7.3f %6.3f\n", name, s.Support, s.TP, s.FP, s.FN, s.Precision, s.Recall, s.F1)
	}
	for _, s := range r.Labels {
		if s.Support+s.FP+s.FN == 0 {
			continue
		}
		row(string(s.Label), s)
	}
	row("micro", r.Micro)
	fmt.Fprintf(&b, "macro-F1 %.3f  micro-F1 %.3f  exact %d/%d\n", r.MacroF1, r.Micro.F1, r.ExactMatch, r.Messages)
	return b.String()
}
