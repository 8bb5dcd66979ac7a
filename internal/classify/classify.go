// Package classify turns the text of a message into the rights it invokes,
// each with the phrases that decided it (evidence) and a confidence.
package classify

import "github.com/magnetharstad/pvdesk/internal/dsr"

// Input is what the classifier reads of a message.
type Input struct {
	Subject       string
	Body          string // plain text
	From          string // sender address
	AutoSubmitted string // Auto-Submitted or equivalent header value, "" if none
	ContentType   string // top-level media type
}

// Label is one right found in a message.
type Label struct {
	Right      dsr.Right
	Confidence float64  // 0..1
	Evidence   []string // the phrases that matched, as written in the message
}

// Result is the classification of one message. No labels means "none".
type Result struct {
	Labels   []Label
	Language string // nb, nn, en, sv, da, de; "" if unknown
	// Reason explains a "none" verdict (auto-reply, bounce...), "" otherwise.
	Reason string
}

// Rights returns the labels' rights in canonical order.
func (r Result) Rights() []dsr.Right {
	rs := make([]dsr.Right, 0, len(r.Labels))
	for _, l := range r.Labels {
		rs = append(rs, l.Right)
	}
	return dsr.SortRights(rs)
}

// Classify returns the rights invoked by in. PLACEHOLDER: replaced by the
// rule engine.
func Classify(in Input) Result { return Result{} }
