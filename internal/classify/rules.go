package classify

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// ruleFlag changes how a rule's match is read in context.
type ruleFlag uint8

const (
	// selfNeg: the pattern carries its own negation ("ikke send meg
	// reklame"), so a negator in front of it is part of the phrase.
	selfNeg ruleFlag = 1 << iota
	// onlyNeg: the rule counts only when its phrase is negated ("jeg ber
	// ikke om kopi" is a sign of a question about processing).
	onlyNeg
	// noReport: skip phrases told as past or future events ("kontoen vil
	// bli slettet", "fikk innsyn").
	noReport
	// noPermit: skip a deletion the sender only allows for later.
	noPermit
	// alone: the phrase must be its whole sentence ("Stopp.").
	alone
)

// ruleSpec is one line of a rule table: a phrase family that is evidence of
// a right, and how strongly. Weights read as probabilities: 0.9 for exact
// terms and article numbers, 0.5-0.7 for usual phrasings, 0.3-0.4 for cues
// that only count together with another.
type ruleSpec struct {
	right    dsr.Right
	weight   float64
	pat      string
	flags    ruleFlag
	group    string    // rules of one group count once, at their best weight
	veto     string    // words that void the rule when in the same sentence
	gapVeto  string    // words that void the rule when inside the matched span
	altRight dsr.Right // the right credited instead when altCtx is in the sentence
	altCtx   string
}

func rule(right dsr.Right, w float64, pat string) ruleSpec {
	return ruleSpec{right: right, weight: w, pat: pat}
}

func (s ruleSpec) with(f ruleFlag) ruleSpec { s.flags |= f; return s }

func (s ruleSpec) in(group string) ruleSpec { s.group = group; return s }

func (s ruleSpec) unless(words string) ruleSpec { s.veto = words; return s }

// except voids the rule when one of words sits inside the match: "ikke ~4
// nyhetsbrev" is a marketing objection, "ikke meld meg av nyhetsbrevet" and
// "ikke fått nyhetsbrevet" are not.
func (s ruleSpec) except(words string) ruleSpec { s.gapVeto = words; return s }

// or credits right instead when one of words shares the sentence: an
// objection is a marketing objection when the sentence is about ads.
func (s ruleSpec) or(right dsr.Right, words string) ruleSpec {
	s.altRight, s.altCtx = right, words
	return s
}

type compiled struct {
	ruleSpec
	group   int
	veto    wordSet
	gapVeto wordSet
	altCtx  wordSet
}

type entry struct {
	rule int
	pat  pattern
}

// engine holds every rule compiled once at start-up, indexed by the first
// letters of the word each pattern starts with, so a message costs one map
// look-up per word plus the few patterns that can start there.
type engine struct {
	rules []compiled
	index map[string][]entry
	// tails indexes patterns whose first word is a suffix test
	// ("*kontoen"), by the word's last letters.
	tails map[string][]entry
}

func newEngine(tables ...[]ruleSpec) *engine {
	e := &engine{index: make(map[string][]entry), tails: make(map[string][]entry)}
	groups := map[string]int{}
	for _, t := range tables {
		for _, s := range t {
			r := compiled{ruleSpec: s, veto: compileWordSet(s.veto), gapVeto: compileWordSet(s.gapVeto), altCtx: compileWordSet(s.altCtx)}
			gk := string(s.right) + "/" + s.group
			if s.group == "" {
				gk = string(s.right) + "#" + s.pat
			}
			g, ok := groups[gk]
			if !ok {
				g = len(groups)
				groups[gk] = g
			}
			r.group = g
			id := len(e.rules)
			e.rules = append(e.rules, r)
			for _, p := range compilePatterns(s.pat) {
				seen := map[string]bool{}
				for _, a := range p[0].alts {
					idx, k := e.index, key(a.s)
					if a.kind == suffix {
						idx, k = e.tails, "*"+tailKey(a.s)
					}
					if seen[k] {
						continue
					}
					seen[k] = true
					idx[strings.TrimPrefix(k, "*")] = append(idx[strings.TrimPrefix(k, "*")], entry{rule: id, pat: p})
				}
			}
		}
	}
	return e
}

// hit is one rule matched in a text.
type hit struct {
	rule       *compiled
	right      dsr.Right
	start, end int // token indices, inclusive
	negated    bool
}

// run matches every rule against d and returns the hits that count: not
// negated (or negated, for onlyNeg rules), not reported, not merely
// permitted or supposed, not vetoed.
func (e *engine) run(d doc) []hit {
	var hits []hit
	toks := d.toks
	for i := range toks {
		hits = e.tryAt(hits, toks, i, e.index[key(toks[i].s)])
		if len(e.tails) > 0 {
			hits = e.tryAt(hits, toks, i, e.tails[tailKey(toks[i].s)])
		}
	}
	return hits
}

func (e *engine) tryAt(hits []hit, toks []token, i int, entries []entry) []hit {
	for _, en := range entries {
		end, ok := en.pat.matchAt(toks, i)
		if !ok {
			continue
		}
		r := &e.rules[en.rule]
		if dup(hits, r, i) {
			continue
		}
		h := hit{rule: r, right: r.right, start: i, end: end}
		if !e.counts(&h, toks) {
			continue
		}
		hits = append(hits, h)
	}
	return hits
}

func dup(hits []hit, r *compiled, start int) bool {
	for k := len(hits) - 1; k >= 0 && hits[k].start == start; k-- {
		if hits[k].rule == r {
			return true
		}
	}
	return false
}

func (e *engine) counts(h *hit, toks []token) bool {
	r := h.rule
	i, j := h.start, h.end
	if r.flags&alone != 0 {
		if (i > 0 && toks[i-1].sent == toks[i].sent) || (j+1 < len(toks) && toks[j+1].sent == toks[j].sent) {
			return false
		}
	}
	if r.flags&selfNeg == 0 {
		h.negated = negated(toks, i, j)
		if h.negated != (r.flags&onlyNeg != 0) {
			return false
		}
	}
	if r.flags&noReport != 0 && reported(toks, i) {
		return false
	}
	if r.flags&noPermit != 0 && permitted(toks, i) {
		return false
	}
	if r.flags&(selfNeg|onlyNeg) == 0 && supposed(toks, i) {
		return false
	}
	if !r.veto.empty() && sentenceAny(toks, i, r.veto.match) {
		return false
	}
	for k := i + 1; k < j && !r.gapVeto.empty(); k++ {
		if r.gapVeto.match(toks[k].s) {
			return false
		}
	}
	if !r.altCtx.empty() && sentenceAny(toks, i, r.altCtx.match) {
		h.right = r.altRight
	}
	return true
}

// threshold is the score a right needs to be proposed.
const threshold = 0.5

// tally turns hits into labels and cue scores: within a group the best
// weight counts, and groups combine like independent pieces of evidence
// (1 - Π(1 - w)). Rights at or above the threshold become labels; the
// pseudo-rights of notrequest.go become cue scores.
func tally(hits []hit, d doc) ([]Label, cueScores) {
	if len(hits) == 0 {
		return nil, nil
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].right != hits[b].right {
			return hits[a].right < hits[b].right
		}
		if hits[a].rule.group != hits[b].rule.group {
			return hits[a].rule.group < hits[b].rule.group
		}
		return hits[a].rule.weight > hits[b].rule.weight
	})
	var labels []Label
	var cues cueScores
	for a := 0; a < len(hits); {
		b := a
		miss := 1.0
		for b < len(hits) && hits[b].right == hits[a].right {
			g := hits[b].rule.group
			miss *= 1 - hits[b].rule.weight // the first of a group is its best
			for b < len(hits) && hits[b].right == hits[a].right && hits[b].rule.group == g {
				b++
			}
		}
		conf := 1 - miss
		r := hits[a].right
		switch {
		case r.Order() == len(dsr.AllRights):
			if cues == nil {
				cues = cueScores{}
			}
			cues[r] = conf
		case conf >= threshold:
			labels = append(labels, Label{Right: r, Confidence: round2(conf), Evidence: evidence(hits[a:b], d.text, d.toks)})
		}
		a = b
	}
	sort.SliceStable(labels, func(a, b int) bool { return labels[a].Right.Order() < labels[b].Right.Order() })
	return labels, cues
}

func round2(f float64) float64 {
	if f > 0.99 {
		f = 0.99
	}
	return float64(int(f*100+0.5)) / 100
}

// maxEvidence bounds the phrases kept per label: enough for a handler to
// see why, short enough for one screen line each.
const maxEvidence = 3

// evidence quotes the strongest matches as the sender wrote them.
func evidence(hits []hit, text string, toks []token) []string {
	hs := append([]hit(nil), hits...)
	sort.SliceStable(hs, func(a, b int) bool { return hs[a].rule.weight > hs[b].rule.weight })
	var out []string
	for _, h := range hs {
		q := quote(text, toks, h.start, h.end)
		if q == "" || contains(out, q) {
			continue
		}
		out = append(out, q)
		if len(out) == maxEvidence {
			break
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// maxQuote bounds one evidence phrase in bytes.
const maxQuote = 80

// quote returns the original text of toks[i..j], widened by a word on each
// side when the match is a single short word, so "innsyn" reads as "ber om
// innsyn i".
func quote(text string, toks []token, i, j int) string {
	if i == j && len(toks[i].s) < 8 {
		if i > 0 && toks[i-1].sent == toks[i].sent {
			i--
		}
		if j+1 < len(toks) && toks[j+1].sent == toks[j].sent {
			j++
		}
	}
	s := text[toks[i].start:toks[j].end]
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxQuote {
		cut := strings.LastIndexByte(s[:maxQuote], ' ')
		if cut < maxQuote/2 {
			cut = maxQuote
			for cut > 0 && !utf8.RuneStart(s[cut]) {
				cut--
			}
		}
		s = strings.TrimRight(s[:cut], " ,.;:") + "…"
	}
	return s
}
