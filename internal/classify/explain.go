package classify

import (
	"fmt"
	"strings"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// Explain renders r for a person: one block per label with its confidence and
// the phrases that decided it, then the language, or the reason for "none".
// It is what `pvdesk classify --explain` prints, so a handler can see why the
// desk proposed a right before confirming it.
func Explain(r Result) string {
	var b strings.Builder
	if len(r.Labels) == 0 {
		reason := r.Reason
		if reason == "" {
			reason = "no data-protection request found"
		}
		fmt.Fprintf(&b, "none: %s\n", reason)
	}
	for _, l := range sortedLabels(r.Labels) {
		fmt.Fprintf(&b, "%s (%s) confidence %.2f\n", l.Right, l.Right.Article(), l.Confidence)
		for _, e := range l.Evidence {
			fmt.Fprintf(&b, "  evidence: %q\n", e)
		}
	}
	lang := r.Language
	if lang == "" {
		lang = "unknown"
	}
	fmt.Fprintf(&b, "language: %s\n", lang)
	return b.String()
}

// sortedLabels orders labels as RIGHTS.md does, so the explanation reads the
// same way as the label list printed beside it.
func sortedLabels(ls []Label) []Label {
	out := make([]Label, 0, len(ls))
	for _, r := range dsr.AllRights {
		for _, l := range ls {
			if l.Right == r {
				out = append(out, l)
			}
		}
	}
	return out
}
