// Package classify turns the text of a message into the rights it invokes,
// each with the phrases that decided it (evidence) and a confidence.
//
// It is a rule engine, not a statistical model: every label can be traced to
// a phrase a handler can read, and a rule can be fixed without retraining.
// A message goes through four steps:
//
//  1. machine mail (auto-replies, bounces) is set aside by its headers;
//  2. the body is cleaned to what the sender wrote now (clean.go): quoted
//     replies, signatures and footers go, a bare "please handle" forward is
//     replaced by the request it forwards;
//  3. the text is folded and tokenised (normalise.go) and every phrase
//     family of every language (rules_*.go) is matched at once, each match
//     read in context: negated, reported, merely permitted (negation.go);
//  4. matches combine into a confidence per right, the hard pairs of
//     RIGHTS.md are settled, and messages that are no request at all
//     (pitches, sign-ups, thanks-only replies) get a reason instead
//     (notrequest.go).
package classify

import (
	"sync"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

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

// theEngine holds every rule, compiled once, on first use rather than at
// start-up: commands that never classify (list, show) do not pay for it,
// and a sync compiles it (Warm) on a goroutine of its own while it connects.
var theEngine = sync.OnceValue(func() *engine {
	return newEngine(commonRules, noRules, enRules, svRules, daRules, deRules, cueRules,
		notAccess(noRules, enRules, svRules, daRules, deRules))
})

// Classify returns the rights invoked by in, with evidence, the language of
// the message and, for a message that invokes none, the reason.
func Classify(in Input) Result {
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	if reason := machineReason(in); reason != "" {
		return Result{Reason: reason, Language: detectLanguage(sc.analyse(0, in.Body))}
	}
	c := sc.lines.clean(in.Body, in.Subject)
	body := sc.analyse(0, c.text)
	subj := sc.analyse(1, in.Subject)
	res := Result{Language: detectLanguage(subj, body)}
	if res.Language == "" {
		res.Language = detectLanguage(subj, body, sc.strippedDoc(c.stripped))
	}
	if isReplySubject(in.Subject) {
		subj = doc{} // someone else's words
	}

	// A rule that needs a word somewhere in the message (given) finds it
	// in the subject too: "Data leak" over "I want to make a formal
	// complaint".
	sc.sents.also = subj.toks
	sc.hits = theEngine().runWith(body, sc.hits, &sc.sents)
	sc.sents.also = nil
	labels, cues := theEngine().tally(sc.hits, body, sc.bestOf())
	if reason := notARequest(cues, body, c, len(labels) > 0, sc); reason != "" {
		res.Reason = reason
		return res
	}
	if len(labels) == 0 && c.fwdText != "" {
		// "Se under fra min far": a note that itself asks for nothing in
		// front of a forwarded request passes the request on.
		fwd := analyse(c.fwdText)
		sc.hits = theEngine().runWith(fwd, sc.hits, &sc.sents)
		var fcues cueScores
		if labels, fcues = theEngine().tally(sc.hits, fwd, sc.bestOf()); fcues[iSpam] >= spamLevel {
			labels = nil // a forwarded pitch or phishing mail, shown to us
		}
	}
	if len(labels) == 0 && len(subj.toks) > 0 && cues[iHowTo] < 0.5 {
		// The subject speaks only when the body does not: "Innsyn" over a
		// body that only unsubscribes is an unsubscription.
		labels = sc.subjectLabels(subj, body)
	}
	labels = settlePairs(labels, cues)
	if len(labels) == 0 {
		res.Reason = noneReason(cues, body, c)
		return res
	}
	res.Labels = labels
	return res
}

// scratch is the per-message working storage, reused across messages: the
// tokens of a 2 KB message and their hits would otherwise be most of the
// garbage a busy desk makes. Nothing in a Result points into it.
type scratch struct {
	toks  [3][]token // by slot: body, subject, cut sign-off
	bufs  [3][]byte
	hits  []hit
	aux   []hit // the sign-off's hits, found while hits are still read
	best  []float64
	lines lineScratch
	sents sentenceSets

	stripped     doc // the cut sign-off, analysed
	haveStripped bool
}

// release returns s to the pool holding nothing of the message it read, so
// a pooled scratch does not keep a message alive.
func (s *scratch) release() {
	s.stripped, s.haveStripped = doc{}, false
	scratchPool.Put(s)
}

// strippedDoc returns the cut sign-off text analysed, analysing it the
// first time a message asks: the language and the thanks check may both
// need it.
func (s *scratch) strippedDoc(text string) doc {
	if !s.haveStripped {
		s.stripped = s.analyse(2, text)
		s.haveStripped = true
	}
	return s.stripped
}

func (s *scratch) bestOf() []float64 {
	if len(s.best) < len(theEngine().groupRight) {
		s.best = make([]float64, len(theEngine().groupRight))
	}
	return s.best
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// analyse is the package's analyse, reusing the scratch storage of slot.
func (s *scratch) analyse(slot int, text string) doc {
	var d doc
	d, s.bufs[slot] = tokeniseInto(text, s.toks[slot], s.bufs[slot])
	if d.toks != nil { // an empty text returns none, and the storage stays
		s.toks[slot] = d.toks
	}
	theLexicon.annotate(d.toks)
	return d
}

// subjectLabels classifies a subject line on its own terms: a pitch's
// subject asks for nothing, and a subject is short, so its labels count a
// little less and must still reach the threshold. A rule that needs a
// word somewhere in the message (given) finds it in the body too.
func (s *scratch) subjectLabels(subj, body doc) []Label {
	s.sents.also = body.toks
	s.hits = theEngine().runWith(subj, s.hits, &s.sents)
	s.sents.also = nil
	labels, cues := theEngine().tally(s.hits, subj, s.bestOf())
	if cues[iSpam] >= spamLevel {
		return nil
	}
	kept := labels[:0]
	for _, l := range labels {
		if l.Confidence *= subjectDiscount; l.Confidence >= threshold {
			l.Confidence = round2(l.Confidence)
			kept = append(kept, l)
		}
	}
	return kept
}

// subjectDiscount lowers the confidence of labels read only from a subject
// line, which is short and often written before the body was.
const subjectDiscount = 0.9

// settlePairs applies the labelling notes of RIGHTS.md that concern two
// rights at once.
func settlePairs(labels []Label, cues cueScores) []Label {
	var conf [16]float64 // by Right.Order(); 0 is absent
	for _, l := range labels {
		conf[l.Right.Order()] = l.Confidence
	}
	drop := func(r dsr.Right) { conf[r.Order()] = 0 }
	has := func(r dsr.Right) bool { return conf[r.Order()] > 0 }

	// "Send my data as CSV" is portability; next to it, access needs words
	// of its own (a copy, innsyn).
	if has(dsr.Portability) && has(dsr.Access) && conf[dsr.Access.Order()] < 0.7 {
		drop(dsr.Access)
	}
	// "What do you have on me, send a copy" is access, and the questions
	// inside another request are part of that request.
	if has(dsr.Information) {
		others := 0
		for _, r := range dsr.AllRights {
			if r != dsr.Information && has(r) {
				others++
			}
		}
		// An unsubscription is no request the questions could belong to:
		// "where did you get my address? And no more ads" asks both. Nor
		// is a complaint: "I complain about how my question was handled,
		// and I still want an answer: why do you need my date of birth?"
		// (the way data was handled, which a complaint is about, is no
		// information cue in a complaint's sentence; see rules_en.go).
		// A consent withdrawn is as one-way: "which cookies do you set,
		// and who gets the data? And I take back my consent to them".
		if has(dsr.ObjectionMarketing) {
			others--
		}
		if has(dsr.WithdrawConsent) {
			others--
		}
		if has(dsr.Complaint) {
			others--
		}
		// A question the sender sets apart as general is no part of the
		// request beside it: "1. an overview of my data. 2. A more general
		// question: how long do you keep data?" asks both.
		apart := cues[iGeneral] >= generalLevel
		if !apart && (has(dsr.Access) || (others > 0 && conf[dsr.Information.Order()] < infoBesideOthers)) {
			drop(dsr.Information)
		}
	}
	// "Meld meg på" is the opposite of "meld meg av".
	if cues[iSignup] >= signupLevel && conf[dsr.ObjectionMarketing.Order()] < 0.85 {
		drop(dsr.ObjectionMarketing)
	}
	out := labels[:0]
	for _, l := range labels {
		if has(l.Right) {
			out = append(out, l)
		}
	}
	return out
}

// infoBesideOthers is the confidence information needs next to another
// right: a request that also asks "how long do you keep it" is not also an
// information request, one that asks purpose, retention and recipients is.
const infoBesideOthers = 0.9

// notAccess derives, from every access phrase, a cue for information that
// counts when the phrase is negated: "ikke en innsynsbegjæring", "I'm not
// asking for a copy" mean the sender wants to know how we process, not
// what we hold.
func notAccess(tables ...[]ruleSpec) []ruleSpec {
	var out []ruleSpec
	for _, t := range tables {
		for _, s := range t {
			if s.right != dsr.Access || s.flags&onlyNeg != 0 {
				continue
			}
			s.right = dsr.Information
			s.weight = 0.45
			s.flags = onlyNeg
			s.group = "notaccess"
			out = append(out, s)
		}
	}
	return out
}
