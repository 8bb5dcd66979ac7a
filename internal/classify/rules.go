package classify

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// ruleFlag changes how a rule's match is read in context.
type ruleFlag uint16

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
	// nounPhrase: the phrase only names the person's data ("alt dere har
	// om meg"); it asks for access only when no other action shares the
	// sentence ("slett alt dere har om meg" asks for erasure).
	nounPhrase
	// notOwned: the noun names one's own earlier act ("my objection is
	// being assessed", "klagen min"), not a new one.
	notOwned
	// asked: the phrase counts only in a question ("Bruker dere ...?").
	asked
	// stated: the phrase counts only outside a question: "dere har ikke
	// lenger lov" takes a permission away, "har dere ikke lenger lov?"
	// asks about a rule.
	stated
)

// ruleSpec is one line of a rule table: a phrase family that is evidence of
// a right, and how strongly. Weights read as probabilities: 0.9 for exact
// terms and article numbers, 0.5-0.7 for usual phrasings, 0.3-0.4 for cues
// that only count together with another.
type ruleSpec struct {
	right  dsr.Right
	weight float64
	pat    string
	flags  ruleFlag
	group  string // rules of one group count once, at their best weight
	veto   string // words that void the rule when in the same sentence
	// soleVeto voids the rule when one of its words is in the sentence and
	// none of soleKeep is: see unlessOnly.
	soleVeto, soleKeep string
	gapVeto            string    // words that void the rule when inside the matched span
	objVeto            string    // words that void the rule when they follow the match closely
	preVeto            string    // words that void the rule when they come right before the match
	docNeed            string    // words one of which must occur somewhere in the message
	altRight           dsr.Right // the right credited instead when altCtx is in the clause
	altCtx             string
}

func rule(right dsr.Right, w float64, pat string) ruleSpec {
	return ruleSpec{right: right, weight: w, pat: pat}
}

func (s ruleSpec) with(f ruleFlag) ruleSpec { s.flags |= f; return s }

func (s ruleSpec) in(group string) ruleSpec { s.group = group; return s }

func (s ruleSpec) unless(words string) ruleSpec { s.veto = words; return s }

// unlessOnly voids the rule when one of words shares the sentence and none
// of keep does: "slett støvsugeren fra handlekurven" deletes goods, but
// "slett kontoen min og ønskelisten" still deletes an account.
func (s ruleSpec) unlessOnly(words, keep string) ruleSpec {
	s.soleVeto, s.soleKeep = words, keep
	return s
}

// except voids the rule when one of words sits inside the match: "ikke ~4
// nyhetsbrev" is a marketing objection, "ikke meld meg av nyhetsbrevet" and
// "ikke fått nyhetsbrevet" are not.
func (s ruleSpec) except(words string) ruleSpec { s.gapVeto = words; return s }

// notOf voids the rule when one of words is the object right after the
// match: "slett bestillingen" cancels an order, "slett kontoen" is erasure.
func (s ruleSpec) notOf(words string) ruleSpec { s.objVeto = words; return s }

// notAfter voids the rule when one of words comes just before the match:
// "ikke markedsføring" is an objection, "dette gjelder ikke
// markedsføring" says what an objection is not about.
func (s ruleSpec) notAfter(words string) ruleSpec { s.preVeto = words; return s }

// given makes the rule count only in a message that also holds one of
// words, in any sentence: "Fjern nummeret mitt." is an unsubscription in
// a mail about SMS offers.
func (s ruleSpec) given(words string) ruleSpec { s.docNeed = words; return s }

// or credits right instead when one of words shares the clause: an
// objection is a marketing objection when it is about ads.
func (s ruleSpec) or(right dsr.Right, words string) ruleSpec {
	s.altRight, s.altCtx = right, words
	return s
}

type compiled struct {
	ruleSpec
	group    int32 // ids into engine.groupRight
	altGroup int32 // the group credited when altCtx turns the hit into alt
	right    int16 // ids into engine.rights
	alt      int16
	veto     wordSet
	soleVeto wordSet
	soleKeep wordSet
	gapVeto  wordSet
	objVeto  wordSet
	preVeto  wordSet
	docNeed  wordSet
	altCtx   wordSet
}

type entry struct {
	rule uint16
	// first is the word family of the pattern's first word when it is one
	// the lexicon holds whole, -1 otherwise: the test is then a bit test,
	// without a walk to the element.
	first int16
	// need lists word families the pattern's later words belong to: a
	// sentence without one of them cannot match, and that takes a bit test
	// to see. It is held in the entry, as the entries of a word are read
	// one after another; a pattern that needs more keeps the first few,
	// which still rule out most sentences.
	nNeed uint8
	need  [maxNeed]uint16
	// pat indexes engine.pats. The entries of a word are scanned for
	// their tests above, and few get as far as their pattern: with the
	// pattern's slice header and 32-bit numbers, an entry was three times
	// as long, and the scan read three times the cache lines.
	pat uint16
}

const maxNeed = 4

// engine holds every rule compiled once at start-up, indexed by the first
// letters of the word each pattern starts with, so a message costs one map
// look-up per word plus the few patterns that can start there.
type engine struct {
	rules []compiled
	pats  []pattern // by entry.pat
	// slots holds the rules that may start at a word, by the index slot
	// the lexicon gives the word; index has the same lists by key, for
	// words the lexicon cannot spell.
	slots [][]entry
	index map[string][]entry
	// tails indexes patterns whose first word is a suffix test
	// ("*kontoen"), by the word's last letters; tailStarts is the word
	// family of those suffixes, to skip the look-up for most words.
	tails      map[string][]entry
	tailStarts *altSet
	// rights numbers the rights, RIGHTS.md's first and in its order, then
	// the pseudo-rights of notrequest.go, so hits carry small ids.
	rights []dsr.Right
	// groupRight is the right each group counts for.
	groupRight []int16
	// cueOf numbers the pseudo-rights among the cues, by right id.
	cueOf [maxRightIDs]int8
}

func newEngine(tables ...[]ruleSpec) *engine {
	e := &engine{index: make(map[string][]entry), tails: make(map[string][]entry)}
	ids := map[dsr.Right]int16{}
	id := func(r dsr.Right) int16 {
		if r == "" {
			return -1
		}
		if i, ok := ids[r]; ok {
			return i
		}
		ids[r] = int16(len(e.rights))
		e.rights = append(e.rights, r)
		return ids[r]
	}
	for _, r := range dsr.AllRights {
		id(r)
	}
	var starts []alt // suffix tests that begin patterns
	groups := map[string]int32{}
	group := func(right dsr.Right, s ruleSpec) int32 {
		gk := string(right) + "/" + s.group
		if s.group == "" {
			gk = string(right) + "#" + s.pat
		}
		g, ok := groups[gk]
		if !ok {
			g = int32(len(groups))
			groups[gk] = g
			e.groupRight = append(e.groupRight, id(right))
		}
		return g
	}
	for _, t := range tables {
		for _, s := range t {
			r := compiled{ruleSpec: s, right: id(s.right), alt: id(s.altRight),
				veto: compileWordSet(s.veto), gapVeto: compileWordSet(s.gapVeto), objVeto: compileWordSet(s.objVeto),
				preVeto:  compileWordSet(s.preVeto),
				soleVeto: compileWordSet(s.soleVeto), soleKeep: compileWordSet(s.soleKeep),
				docNeed: compileWordSet(s.docNeed),
				altCtx:  compileWordSet(s.altCtx)}
			r.group = group(s.right, s)
			if s.altRight != "" {
				r.altGroup = group(s.altRight, s)
			}
			rid := int32(len(e.rules))
			e.rules = append(e.rules, r)
			for _, p := range compilePatterns(s.pat) {
				seen := map[string]bool{}
				for _, a := range p[0].alts {
					idx, k := e.index, key(a.s)
					if a.kind == suffix {
						idx, k = e.tails, tailKey(a.s)
						starts = append(starts, a)
					}
					if seen[k] {
						continue
					}
					seen[k] = true
					idx[k] = append(idx[k], e.newEntry(rid, p))
				}
			}
		}
	}
	e.slots = make([][]entry, 1)
	for k, entries := range e.index {
		s := int32(len(e.slots))
		if theLexicon.indexSlot(k, s) {
			e.slots = append(e.slots, entries)
		}
	}
	e.tailStarts = theLexicon.family("tail starts", starts)
	if len(e.rights) > maxRightIDs {
		panic("classify: more rights and cues than maxRightIDs")
	}
	for r := len(dsr.AllRights); r < len(e.rights); r++ {
		e.cueOf[r] = int8(cueNumber(e.rights[r]))
	}
	return e
}

// hit is one rule matched in a text. It holds no pointers, so the pooled
// slice of them costs the garbage collector nothing to scan.
type hit struct {
	rule       int32
	group      int32
	weight     float64
	right      int16
	start, end int // token indices, inclusive
}

// runWith matches every rule against d, whose tokens must be annotated,
// and returns the hits that count: not negated (or negated, for onlyNeg
// rules), not reported, not merely permitted or supposed, not vetoed. The
// hits are appended to buf[:0]; sents is reused storage.
func (e *engine) runWith(d doc, buf []hit, sents *sentenceSets) []hit {
	hits := buf[:0]
	toks := d.toks
	sents.reset(toks)
	for i := range toks {
		switch s := toks[i].slot; {
		case s > 0:
			hits = e.tryAt(hits, toks, sents, i, e.slots[s])
		case s < 0:
			hits = e.tryAt(hits, toks, sents, i, e.index[key(toks[i].s)])
		}
		if e.tailStarts.matchTok(&toks[i]) {
			hits = e.tryAt(hits, toks, sents, i, e.tails[tailKey(toks[i].s)])
		}
	}
	return hits
}

func (e *engine) newEntry(rule int32, p pattern) entry {
	if rule > math.MaxUint16 || len(e.pats) > math.MaxUint16 || maxFamilies > math.MaxInt16 {
		panic("classify: too many rules or patterns for an entry's numbers")
	}
	en := entry{rule: uint16(rule), pat: uint16(len(e.pats)), first: -1}
	e.pats = append(e.pats, p)
	if f := p[0].set; f != nil && len(f.fallback) == 0 {
		en.first = int16(f.id)
	}
	for _, id := range needs(p) {
		if int(en.nNeed) < maxNeed {
			en.need[en.nNeed] = uint16(id)
			en.nNeed++
		}
	}
	return en
}

// needs returns the families a sentence must hold for p to match there.
func needs(p pattern) []int {
	var ids []int
	for _, e := range p[1:] {
		if e.set != nil && len(e.set.fallback) == 0 {
			ids = append(ids, e.set.id)
		}
	}
	return ids
}

func (e *engine) tryAt(hits []hit, toks []token, sents *sentenceSets, i int, entries []entry) []hit {
	union := sents.of(toks, i)
	if !sents.ruled {
		if len(sents.perRule) != len(e.rules) {
			sents.perRule = make([]uint8, len(e.rules))
		} else {
			clear(sents.perRule)
		}
		sents.ruled = true
	}
	tok := &toks[i]
	for k := range entries {
		en := &entries[k]
		if sents.perRule[en.rule] >= maxHitsPerRule || !union.hasAll(en.need[:en.nNeed]) {
			continue
		}
		var end int
		var ok bool
		if en.first >= 0 {
			if !tok.in(int(en.first)) {
				continue
			}
			end, ok = e.pats[en.pat].rest(toks, 1, i+1, tok.sent)
		} else {
			end, ok = e.pats[en.pat].matchAt(toks, i)
		}

		if !ok || dup(hits, int32(en.rule), i) {
			continue
		}
		// The hit is set up in place and dropped if it does not count: built
		// on the side and copied in, its fields would be read back in wide
		// loads before their narrow stores had landed.
		r := &e.rules[en.rule]
		hits = append(hits, hit{})
		h := &hits[len(hits)-1]
		h.rule, h.group, h.weight, h.right, h.start, h.end = int32(en.rule), r.group, r.weight, r.right, i, end
		if !e.counts(r, h, toks, sents) {
			hits = hits[:len(hits)-1]
			continue
		}
		sents.perRule[en.rule]++
	}
	return hits
}

// maxHitsPerRule bounds the hits one rule makes in a message: a rule's
// weight counts once, and a few hits are all the evidence needs, so a long
// message repeating a phrase costs no more than a short one.
const maxHitsPerRule = 3

// dup reports whether rule already matched at start (through another of
// its optional-word variants).
func dup(hits []hit, rule int32, start int) bool {
	for k := len(hits) - 1; k >= 0 && hits[k].start == start; k-- {
		if hits[k].rule == rule {
			return true
		}
	}
	return false
}

// counts reads the match h of rule r in its context and reports whether it
// stands; a marketing context turns an objection into its alternative.
func (e *engine) counts(r *compiled, h *hit, toks []token, sents *sentenceSets) bool {
	i, j := h.start, h.end
	if r.flags&alone != 0 {
		if (i > 0 && toks[i-1].sent == toks[i].sent) || (j+1 < len(toks) && toks[j+1].sent == toks[j].sent) {
			return false
		}
	}
	if r.flags&selfNeg == 0 && negated(toks, i, j) != (r.flags&onlyNeg != 0) {
		return false
	}
	if r.flags&noReport != 0 && (reported(toks, i) || answeredBefore(toks, i)) {
		return false
	}
	if r.flags&noPermit != 0 && (permitted(toks, i) || practiceQuestion(toks, i, j)) {
		return false
	}
	if r.flags&(selfNeg|onlyNeg) == 0 && supposed(toks, i) {
		return false
	}
	if !r.veto.empty() && sents.matches(toks, i, &r.veto) {
		return false
	}
	if !r.soleVeto.empty() && sents.matches(toks, i, &r.soleVeto) && !sents.matches(toks, i, &r.soleKeep) {
		return false
	}
	for k := i + 1; k < j && !r.gapVeto.empty(); k++ {
		if r.gapVeto.matchTok(&toks[k]) {
			return false
		}
	}
	if !r.objVeto.empty() && objectVetoed(r, toks, j) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-preReach && toks[k].clause == toks[i].clause && !r.preVeto.empty(); k-- {
		if r.preVeto.matchTok(&toks[k]) {
			return false
		}
	}
	if !r.docNeed.empty() && !sents.docMatches(toks, &r.docNeed) {
		return false
	}
	if r.flags&asked != 0 && !inQuestion(toks, i) {
		return false
	}
	if r.flags&stated != 0 && inQuestion(toks, i) {
		return false
	}
	if rt := e.rights[r.right]; rt != dsr.Access && rt != dsr.Information && mentioned(toks, i, rt == dsr.AutomatedDecision) {
		return false
	}
	if r.flags&notOwned != 0 && owned(toks, i) {
		return false
	}
	if r.flags&nounPhrase != 0 && sents.matches(toks, i, &actionWords) {
		return false
	}
	if !r.altCtx.empty() && clauseMatches(toks, i, &r.altCtx) {
		h.right, h.group = r.alt, r.altGroup
	}
	return true
}

// objectVetoed reports whether one of the rule's notOf words is the object
// after a match ending at j, and no word of its unlessOnly keep list is
// among the objects: "slett bestillingen" cancels an order, "slett kontoen
// og ønskelisten" deletes an account along with a list.
func objectVetoed(r *compiled, toks []token, j int) bool {
	vetoed := false
	for k := j + 1; k <= j+objectReach && k < len(toks) && toks[k].clause == toks[j].clause; k++ {
		if !r.soleKeep.empty() && r.soleKeep.matchTok(&toks[k]) {
			return false
		}
		vetoed = vetoed || r.objVeto.matchTok(&toks[k])
	}
	return vetoed
}

// preReach is how many words before a match notAfter looks ("dette
// gjelder altså ikke reklame").
const preReach = 2

// objectReach is how many words after a verb notOf looks for its object
// ("slett den gamle bestillingen").
const objectReach = 3

// threshold is the score a right needs to be proposed.

const threshold = 0.5

// tally turns hits into labels and cue scores: within a group the best
// weight counts, and groups combine like independent pieces of evidence
// (1 - Π(1 - w)). Rights at or above the threshold become labels, in
// RIGHTS.md order; the pseudo-rights of notrequest.go become cue scores.
// best is scratch space, one slot per group, zero on entry and on return.
func (e *engine) tally(hits []hit, d doc, best []float64) ([]Label, cueScores) {
	var cues cueScores
	if len(hits) == 0 {
		return nil, cues
	}
	for _, h := range hits {
		best[h.group] = max(best[h.group], h.weight)
	}
	var missBuf [maxRightIDs]float64
	miss := missBuf[:len(e.rights)]
	for i := range miss {
		miss[i] = 1
	}
	for _, h := range hits {
		if w := best[h.group]; w > 0 {
			miss[h.right] *= 1 - w
			best[h.group] = 0 // count each group once, and leave best zeroed
		}
	}
	n := 0
	for r, m := range miss {
		if conf := 1 - m; conf != 0 && r < len(dsr.AllRights) && conf >= threshold {
			n++
		}
	}
	var labels []Label
	if n > 0 {
		labels = make([]Label, 0, n)
	}
	for r, m := range miss {
		conf := 1 - m
		switch {
		case conf == 0:
		case r >= len(dsr.AllRights):
			cues[e.cueOf[r]] = conf
		case conf >= threshold:
			labels = append(labels, Label{Right: e.rights[r], Confidence: round2(conf), Evidence: evidence(hits, int16(r), d.text, d.toks)})
		}
	}
	return labels, cues
}

// maxRightIDs bounds the rights and pseudo-rights the engine numbers, so
// tallying needs no slice of its own.
const maxRightIDs = 32

func round2(f float64) float64 {
	if f > 0.99 {
		f = 0.99
	}
	return float64(int(f*100+0.5)) / 100
}

// maxEvidence bounds the phrases kept per label: enough for a handler to
// see why, short enough for one screen line each.
const maxEvidence = 3

// evidence quotes the strongest matches for right as the sender wrote them:
// it picks the heaviest hit not yet taken a few times over, which is
// cheaper than sorting all of them.
func evidence(all []hit, right int16, text string, toks []token) []string {
	var mine [64]int // the hits for right, by index; more are not needed
	n := 0
	for i := range all {
		if all[i].right == right && n < len(mine) {
			mine[n] = i
			n++
		}
	}
	var out []string
	for tries := 0; tries < maxEvidence*3 && len(out) < maxEvidence; tries++ {
		best := -1
		for k := range n {
			if mine[k] >= 0 && (best < 0 || all[mine[k]].weight > all[mine[best]].weight) {
				best = k
			}
		}
		if best < 0 {
			break
		}
		h := all[mine[best]]
		mine[best] = -1
		if q := quote(text, toks, h.start, h.end); q != "" && !overlapping(out, q) {
			if out == nil {
				out = make([]string, 0, maxEvidence)
			}
			out = append(out, q)
		}
	}
	return out
}

// overlapping reports whether q says nothing the chosen phrases do not:
// it is one of them or part of one. A longer phrase holding a chosen one
// replaces it, so "begrensning" gives way to "begrensning av behandlingen".
func overlapping(chosen []string, q string) bool {
	for i, c := range chosen {
		switch {
		case strings.Contains(c, q):
			return true
		case strings.Contains(q, c):
			chosen[i] = q
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
	if needsCollapse(s) {
		s = collapseSpace(s)
	}
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

// needsCollapse reports whether s holds a line break, a tab or two spaces
// in a row, in one pass where strings.ContainsAny built its set per call.
func needsCollapse(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\t', '\r':
			return true
		case ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return true
			}
		}
	}
	return false
}

// collapseSpace is strings.Join(strings.Fields(s), " ") in one allocation.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	in := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in && b.Len() > 0 {
			b.WriteByte(' ')
		}
		in = true
		if r == utf8.RuneError {
			_, w := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+w])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
