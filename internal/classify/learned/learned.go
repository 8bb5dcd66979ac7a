// Package learned is the classifier's learned layer: a small model trained
// from the cases whose rights staff confirmed or corrected, combined with the
// rules of package classify.
//
// Two parts, because corrections arrive one at a time and the rules are
// already good:
//
//   - a multinomial naive Bayes per right (one-vs-rest) over word unigrams
//     and bigrams of the folded text. It needs a few confirmed examples on
//     each side of a right before it is trusted; then it may veto a rule hit
//     it finds very unlikely, or add a right it is very sure of.
//   - a nearest neighbour: a new message nearly identical to a confirmed one
//     (the same web form, the same template from a consumer service) takes
//     that case's confirmed rights. This is what makes one correction count
//     at once.
//
// With no confirmed cases the rules alone decide. Training is linear in the
// examples and takes well under a second for 10,000 cases.
package learned

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// Example is a staff-confirmed case: its text and the rights staff set (none
// for a confirmed "not a request").
type Example struct {
	Ref    string
	Text   string
	Rights []dsr.Right
}

// Thresholds of the combination; see Combine.
const (
	// MinPerSide is how many confirmed examples with and without a right
	// the model needs before its view of that right counts.
	MinPerSide = 20
	// VetoBelow: a rule hit is dropped when the model gives the right a
	// probability below this.
	VetoBelow = 0.02
	// AddAbove: a right the rules missed is added when the model gives it
	// a probability above this (and has MinAdd positive examples).
	AddAbove = 0.98
	// MinAdd is how many positive examples a right needs before the model
	// may add it on its own.
	MinAdd = 30
	// Twin is the similarity above which a confirmed case counts as the
	// same message.
	Twin = 0.75
	// Temper scales the mean per-word log-ratio into the model's logit.
	Temper = 8
)

type rightModel struct {
	pos, neg    int     // examples with and without the right
	posCount    []int32 // feature counts in positive examples, by feature id
	posTotal    int
	logPriorPos float64
	logPriorNeg float64
	logDenomPos float64
	logDenomNeg float64
}

// Model is a trained learned layer. The zero value (and nil) knows nothing.
type Model struct {
	ids      map[uint64]int32 // feature hash → id
	total    []int            // count of each feature over all examples
	df       []int            // examples each feature occurs in
	idf      []float64        // log((n+1)/(df+1)) + 1, the weight of a feature in similarity
	allTotal int
	rights   map[dsr.Right]*rightModel
	examples []vecExample
	// postings lists, per feature, the examples it occurs in; only for
	// features rare enough to tell messages apart (see Nearest).
	postings [][]int32
	n        int
}

type vecExample struct {
	ref    string
	rights []dsr.Right
	ids    []int32 // sorted, unique
	counts []float64
	norm   float64
}

// Size is the number of examples the model was trained on.
func (m *Model) Size() int {
	if m == nil {
		return 0
	}
	return m.n
}

// Train builds a model from confirmed examples.
func Train(examples []Example) *Model {
	m := &Model{ids: map[uint64]int32{}, rights: make(map[dsr.Right]*rightModel, len(dsr.AllRights)), n: len(examples)}
	for _, r := range dsr.AllRights {
		m.rights[r] = &rightModel{}
	}
	counts := map[int32]float64{}
	for _, ex := range examples {
		feats, _ := hashed(ex.Text)
		clear(counts)
		for _, f := range feats {
			id, ok := m.ids[f]
			if !ok {
				id = int32(len(m.total))
				m.ids[f] = id
				m.total = append(m.total, 0)
				m.df = append(m.df, 0)
			}
			m.total[id]++
			counts[id]++
		}
		m.allTotal += len(feats)
		v := vecExample{ref: ex.Ref, rights: dsr.SortRights(ex.Rights)}
		for id, c := range counts {
			m.df[id]++
			v.ids = append(v.ids, id)
			v.norm += c * c
		}
		sort.Slice(v.ids, func(i, j int) bool { return v.ids[i] < v.ids[j] })
		v.counts = make([]float64, len(v.ids))
		for i, id := range v.ids {
			v.counts[i] = counts[id]
		}
		v.norm = math.Sqrt(v.norm)
		for _, r := range v.rights {
			if rm := m.rights[r]; rm != nil {
				rm.pos++
				rm.posTotal += len(feats)
			}
		}
		m.examples = append(m.examples, v)
	}
	for _, rm := range m.rights {
		if rm.pos > 0 {
			rm.posCount = make([]int32, len(m.total))
		}
	}
	for _, ex := range m.examples {
		for _, r := range ex.rights {
			rm := m.rights[r]
			if rm == nil {
				continue
			}
			for j, id := range ex.ids {
				rm.posCount[id] += int32(ex.counts[j])
			}
		}
	}
	vocab := len(m.total) + 1
	for _, rm := range m.rights {
		rm.neg = m.n - rm.pos
		total := float64(m.n)
		rm.logPriorPos = math.Log((float64(rm.pos) + 1) / (total + 2))
		rm.logPriorNeg = math.Log((float64(rm.neg) + 1) / (total + 2))
		rm.logDenomPos = math.Log(float64(rm.posTotal + vocab))
		rm.logDenomNeg = math.Log(float64(m.allTotal - rm.posTotal + vocab))
	}
	// Similarity weighs words by how rare they are (tf-idf): two messages
	// are not alike because both say "jeg" and "dere".
	m.idf = make([]float64, len(m.df))
	for id, df := range m.df {
		m.idf[id] = math.Log(float64(m.n+1)/float64(df+1)) + 1
	}
	for i := range m.examples {
		ex := &m.examples[i]
		ex.norm = 0
		for j, id := range ex.ids {
			ex.counts[j] *= m.idf[id]
			ex.norm += ex.counts[j] * ex.counts[j]
		}
		ex.norm = math.Sqrt(ex.norm)
	}
	m.postings = make([][]int32, len(m.total))
	limit := m.rareLimit()
	for i, ex := range m.examples {
		for _, id := range ex.ids {
			if m.df[id] <= limit {
				m.postings[id] = append(m.postings[id], int32(i))
			}
		}
	}
	return m
}

// rareLimit is the largest document frequency a feature may have and still
// be used to find candidate twins: words in most messages ("jeg", "dere")
// would make every example a candidate.
func (m *Model) rareLimit() int { return max(20, m.n/20) }

// Score is the model's view of one right for one text.
type Score struct {
	Right dsr.Right
	P     float64 // probability the text invokes the right
	// Trusted is set when the model has seen enough examples on both sides.
	Trusted bool
	// Positives is how many confirmed examples had the right.
	Positives int
	// Features are the words that pushed most towards the right.
	Features []string
}

// Predict scores every right for text.
func (m *Model) Predict(text string) []Score {
	if m == nil || m.n == 0 {
		return nil
	}
	feats, name := hashed(text)
	return m.predict(feats, name)
}

func (m *Model) predict(feats []uint64, name func(int) string) []Score {
	ids := make([]int32, 0, len(feats))
	for _, f := range feats {
		if id, ok := m.ids[f]; ok {
			ids = append(ids, id)
		} else {
			ids = append(ids, -1)
		}
	}
	out := make([]Score, 0, len(dsr.AllRights))
	for _, r := range dsr.AllRights {
		rm := m.rights[r]
		lp, ln := rm.logPriorPos, rm.logPriorNeg
		bestW, best := [3]float64{}, [3]int{-1, -1, -1}
		for i, id := range ids {
			pc, tc := 0, 0
			if id >= 0 {
				tc = m.total[id]
				if rm.posCount != nil {
					pc = int(rm.posCount[id])
				}
			}
			wp := math.Log(float64(pc+1)) - rm.logDenomPos
			wn := math.Log(float64(tc-pc+1)) - rm.logDenomNeg
			lp += wp
			ln += wn
			if w := wp - wn; pc > 0 && w > bestW[2] && (best[0] < 0 || feats[i] != feats[best[0]]) && (best[1] < 0 || feats[i] != feats[best[1]]) {
				bestW[2], best[2] = w, i
				for j := 2; j > 0 && bestW[j] > bestW[j-1]; j-- {
					bestW[j], bestW[j-1] = bestW[j-1], bestW[j]
					best[j], best[j-1] = best[j-1], best[j]
				}
			}
		}
		// Naive Bayes adds one log-ratio per word as if words were
		// independent, which makes long messages absurdly certain; the
		// mean ratio per word, scaled, keeps the evidence and tempers the
		// certainty (a "geometric mean" naive Bayes).
		prior := rm.logPriorPos - rm.logPriorNeg
		like := (lp - rm.logPriorPos) - (ln - rm.logPriorNeg)
		if len(ids) > 0 {
			like = Temper * like / float64(len(ids))
		}
		s := Score{Right: r, P: 1 / (1 + math.Exp(-(prior + like))), Trusted: rm.pos >= MinPerSide && rm.neg >= MinPerSide, Positives: rm.pos}
		for _, i := range best {
			if i >= 0 {
				s.Features = append(s.Features, name(i))
			}
		}
		out = append(out, s)
	}
	return out
}

// Nearest returns the confirmed example most like text and its cosine
// similarity over word and word-pair counts (0 if the model is empty).
// Candidates are the examples sharing a rare feature with text, so the cost
// grows with how many messages look alike, not with the model.
func (m *Model) Nearest(text string) (ref string, rights []dsr.Right, sim float64) {
	if m == nil || len(m.examples) == 0 {
		return "", nil, 0
	}
	feats, _ := hashed(text)
	return m.nearest(feats)
}

func (m *Model) nearest(feats []uint64) (string, []dsr.Right, float64) {
	q := map[int32]float64{}
	var qnorm float64
	unknown := 0
	for _, f := range feats {
		if id, ok := m.ids[f]; ok {
			q[id]++
		} else {
			unknown++
		}
	}
	for id, c := range q {
		q[id] = c * m.idf[id]
		qnorm += q[id] * q[id]
	}
	// Features the model never saw count in the query's length with the
	// weight of the commonest word: they are mostly what varies between
	// twins (names, numbers, addresses), which should not hide the likeness.
	qnorm = math.Sqrt(qnorm + float64(unknown))
	if qnorm == 0 {
		return "", nil, 0
	}
	shared := map[int32]int{}
	for id := range q {
		for _, ex := range m.postings[id] {
			shared[ex]++
		}
	}
	best, bestSim := -1, 0.0
	for i := range shared {
		ex := &m.examples[i]
		dot := 0.0
		for j, id := range ex.ids {
			if c, ok := q[id]; ok {
				dot += c * ex.counts[j]
			}
		}
		if s := dot / (qnorm * ex.norm); s > bestSim || (s == bestSim && int(i) < best) {
			best, bestSim = int(i), s
		}
	}
	if best < 0 {
		return "", nil, 0
	}
	return m.examples[best].ref, m.examples[best].rights, bestSim
}

// Combine merges the rules' result for text with the model's view:
//
//   - a confirmed twin (similarity ≥ Twin) decides outright: staff already
//     said what this message asks for;
//   - otherwise a rule hit stands unless the model, trusted for that right,
//     finds it very unlikely (P < VetoBelow);
//   - a right the rules missed is added only when the model is trusted, has
//     at least MinAdd positive examples and is very sure (P > AddAbove).
//
// Each label keeps or gains evidence saying where it came from.
func (m *Model) Combine(text string, rules classify.Result) classify.Result {
	if m == nil || m.n == 0 {
		return rules
	}
	feats, name := hashed(text)
	if ref, rights, sim := m.nearest(feats); sim >= Twin {
		out := rules
		out.Labels = nil
		out.Reason = ""
		for _, r := range rights {
			out.Labels = append(out.Labels, classify.Label{Right: r, Confidence: sim,
				Evidence: []string{"like " + ref + ", confirmed by staff (similarity " + fmt2(sim) + ")"}})
		}
		if len(rights) == 0 {
			out.Reason = "like " + ref + ", confirmed by staff as not a request"
		}
		return out
	}
	scores := map[dsr.Right]Score{}
	for _, s := range m.predict(feats, name) {
		scores[s.Right] = s
	}
	out := rules
	out.Labels = nil
	have := map[dsr.Right]bool{}
	for _, l := range rules.Labels {
		s := scores[l.Right]
		if s.Trusted && s.P < VetoBelow {
			continue
		}
		have[l.Right] = true
		out.Labels = append(out.Labels, l)
	}
	for _, r := range dsr.AllRights {
		s := scores[r]
		if have[r] || !s.Trusted || s.Positives < MinAdd || s.P <= AddAbove {
			continue
		}
		ev := append([]string{"learned from confirmed cases"}, s.Features...)
		out.Labels = append(out.Labels, classify.Label{Right: r, Confidence: s.P, Evidence: ev})
	}
	if len(out.Labels) == 0 && len(rules.Labels) > 0 {
		out.Reason = "the rules' labels were overruled by what staff confirmed on similar cases"
	}
	return out
}

func fmt2(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

// Features are the words and word pairs of text, lower-cased with æ/ø/å and
// accents folded, so "Slett" and "slett" meet and "ø"/"o" spellings match.
func Features(text string) []string {
	words := words(text)
	feats := make([]string, 0, 2*len(words))
	for i, w := range words {
		feats = append(feats, w)
		if i > 0 {
			feats = append(feats, words[i-1]+"_"+w)
		}
	}
	return feats
}

// MaxWords is how many words of a message the model reads. A request says
// what it wants near its start; the rest is detail, signature and quoted
// thread, which would only slow training on years of cases.
const MaxWords = 150

// hashed returns the features of text as 64-bit hashes, which is what the
// model counts: training on 10,000 long messages must not build millions of
// word-pair strings. name turns a hash's index back into its text for
// explanations.
func hashed(text string) (hs []uint64, name func(i int) string) {
	var hw []uint64
	var starts, ends []int
	h, n, start := uint64(14695981039346656037), 0, -1
	lower := strings.ToLower(text)
	add := func(b byte) {
		h ^= uint64(b)
		h *= 1099511628211
		n++
	}
	flush := func(end int) {
		if n > 1 && len(hw) < MaxWords {
			hw = append(hw, h)
			starts, ends = append(starts, start), append(ends, end)
		}
		h, n, start = 14695981039346656037, 0, -1
	}
	for i, r := range lower {
		isWord := true
		switch {
		case r == 'æ' || r == 'ä':
			add('a')
			add('e')
		case r == 'ø' || r == 'ö':
			add('o')
		case r == 'å':
			add('a')
			add('a')
		case r == 'é' || r == 'è':
			add('e')
		case r == 'ü':
			add('u')
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			add(byte(r))
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			var buf [4]byte
			for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
				add(b)
			}
		default:
			isWord = false
		}
		if isWord {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		if len(hw) >= MaxWords {
			break
		}
	}
	flush(len(lower))
	hs = make([]uint64, 0, 2*len(hw))
	for i, x := range hw {
		hs = append(hs, x)
		if i > 0 {
			hs = append(hs, hw[i-1]*0x9E3779B97F4A7C15^x)
		}
	}
	return hs, func(i int) string {
		// Index 0 is word 0; then each word k ≥ 1 adds (pair, word).
		if i == 0 {
			return lower[starts[0]:ends[0]]
		}
		k := (i + 1) / 2
		if i%2 == 1 {
			return lower[starts[k-1]:ends[k-1]] + " " + lower[starts[k]:ends[k]]
		}
		return lower[starts[k]:ends[k]]
	}
}

func words(text string) []string {
	var ws []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 1 {
			ws = append(ws, b.String())
		}
		b.Reset()
	}
	for _, r := range strings.ToLower(text) {
		switch {
		case r == 'æ' || r == 'ä':
			b.WriteString("ae")
		case r == 'ø' || r == 'ö':
			b.WriteByte('o')
		case r == 'å':
			b.WriteString("aa")
		case r == 'é' || r == 'è':
			b.WriteByte('e')
		case r == 'ü':
			b.WriteByte('u')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return ws
}
