package classify

import (
	"fmt"
	"math/bits"
	"sync"
)

// The lexicon answers, for one word, every question the rules will ask of
// it: which word families it belongs to (negation windows, gaps and vetoes
// test families dozens of times per message, so each test becomes a bit
// test), and which rules may start at it. A walk down a letter trie
// answers both; words with letters outside a-z and 0-9 fall back to maps.

// maxFamilies bounds the word families; setBits has one bit per family.
// The rules have some 1,350 (every pattern element and word list is one);
// the rest is room for new rules, and the panic in family says when it
// runs out. 1,536 (from 1,344 in batch 25) costs about 1% more
// instructions: each set is three words longer.
const maxFamilies = 1536

// setBits is a set of word-family ids.
type setBits [maxFamilies / 64]uint64

func (b *setBits) has(id int) bool { return b[uint(id)/64]&(1<<(uint(id)%64)) != 0 }

func (b *setBits) add(id int) { b[id/64] |= 1 << (id % 64) }

func (b *setBits) hasAll(ids []uint16) bool {
	for _, id := range ids {
		if b[id/64]&(1<<(id%64)) == 0 {
			return false
		}
	}
	return true
}

func (b *setBits) or(o *setBits) {
	// Three words a step: sentence unions OR a row per word, and the loop's
	// own counting was as much work as the ORs.
	for i := range len(b) / 3 {
		x, y := (*[3]uint64)(b[3*i:]), (*[3]uint64)(o[3*i:])
		x[0] |= y[0]
		x[1] |= y[1]
		x[2] |= y[2]
	}
}

// Or covers every word only if the rows are a whole number of steps.
var _ [0]struct{} = [len(setBits{}) % 3]struct{}{}

// alphabet is the trie's letters: a-z then 0-9.
const alphabet = 36

func letter(c byte) int {
	switch {
	case 'a' <= c && c <= 'z':
		return int(c - 'a')
	case '0' <= c && c <= '9':
		return 26 + int(c-'0')
	}
	return -1
}

// trie is a letter trie; node 0 is the root. Each node may carry a family
// set for words that pass through it (prefixes, or suffixes in the
// backward trie), one for words that end at it (whole words), and the
// rules that may start at a word whose index key it spells.
type trie struct {
	next [][alphabet]uint16
	pass []int32 // into lexicon.bits; 0 is none
	// cum is, per node, the union of pass along the path from the root,
	// filled in by seal, so a walk ends with one set to add, not one per
	// prefix it passed.
	cum   []int32
	whole []int32
	slot  []int32 // into engine.slots; 0 is none
	lang  []int16 // into langWeights; 0 is none
}

func newTrie() trie {
	return trie{next: make([][alphabet]uint16, 1), pass: make([]int32, 1), whole: make([]int32, 1),
		slot: make([]int32, 1), lang: make([]int16, 1)}
}

// node returns the node that spells w (forward, or backward), adding it;
// ok is false when w has a letter outside the alphabet.
func (t *trie) node(w string, backward bool) (n int, ok bool) {
	for i := range len(w) {
		c := w[i]
		if backward {
			c = w[len(w)-1-i]
		}
		l := letter(c)
		if l < 0 {
			return 0, false
		}
		if t.next[n][l] == 0 {
			if len(t.next) == 1<<16 {
				panic("classify: lexicon trie too large")
			}
			t.next = append(t.next, [alphabet]uint16{})
			t.pass = append(t.pass, 0)
			t.whole = append(t.whole, 0)
			t.slot = append(t.slot, 0)
			t.lang = append(t.lang, 0)
			t.next[n][l] = uint16(len(t.next) - 1)
		}
		n = int(t.next[n][l])
	}
	return n, true
}

type lexicon struct {
	seal     sync.Once
	sealed   bool
	families map[string]*altSet // by source, so rules share a family
	bits     []setBits          // the family sets the tries point to
	pre, suf trie
	// full is, per node of pre, its cum and the families of the whole word
	// that ends there, filled in by seal.
	full []int32
	// cpre and csuf are pre and suf as seal packs them for reading: a node
	// is one word, so the whole walk of a word stays in the cache, where the
	// 72-byte child arrays of the building trie did not.
	cpre, csuf packedTrie
}

// packedTrie is a sealed trie with each node's children side by side: a
// node is its child letters as a bit mask (alphabet bits) and, above them,
// the number of its first child. Nodes are renumbered; node 0 is still
// the root, and the per-node tables are permuted to match.
type packedTrie struct {
	nodes []uint64
	info  []nodeInfo
}

// nodeInfo is what a walk reads of a node besides its children, side by
// side: kept in separate tables, the end of a walk cost a cache miss for
// each of them.
type nodeInfo struct {
	cum  int32
	full int32 // pre only
	slot int32 // pre only
	lang int16 // pre only
}

// child returns the node under n by letter c, or 0 if there is none.
func (p *packedTrie) child(n int, c int) int {
	x := p.nodes[n]
	bit := uint64(1) << uint(c)
	if x&bit == 0 {
		return 0
	}
	return int(x>>alphabet) + bits.OnesCount64(x&(bit-1))
}

// walk follows w[i:end] down from node n for as long as the trie has the
// letters, and returns where it stopped: the index of the first letter it
// could not follow (end if none) and the node of the last one it did.
func (p *packedTrie) walk(w string, i, end, n int) (int, int) {
	for ; i < end; i++ {
		c := letterOf[w[i]]
		if c < 0 {
			break
		}
		next := p.child(n, int(c))
		if next == 0 {
			break
		}
		n = next
	}
	return i, n
}

// pack renumbers t so that the children of a node are consecutive, and
// returns the packed nodes with old[new], the old number of each new node.
// The top levels go breadth first, where every walk passes and they stay
// cached together; below them each subtree goes depth first, so the nodes
// of one word's walk lie close together.
func pack(t *trie) (nodes []uint64, old []int) {
	old = []int{0}
	nodes = make([]uint64, len(t.next))
	depth := []int{0}
	place := func(k int) (first, n int) {
		var mask uint64
		first = len(old)
		for c, ch := range t.next[old[k]] {
			if ch != 0 {
				mask |= 1 << uint(c)
				old = append(old, int(ch))
				depth = append(depth, depth[k]+1)
			}
		}
		if first >= 1<<(64-alphabet) {
			panic("classify: lexicon trie too large to pack")
		}
		nodes[k] = mask | uint64(first)<<alphabet
		return first, len(old) - first
	}
	var deep func(k int)
	deep = func(k int) {
		first, n := place(k)
		for j := first; j < first+n; j++ {
			deep(j)
		}
	}
	for k := 0; k < len(old); k++ {
		if depth[k] < packBreadth {
			place(k)
		} else if depth[k] == packBreadth {
			deep(k)
		}
	}
	return nodes[:len(old)], old
}

// packBreadth is how many levels of a trie pack lays out breadth first.
const packBreadth = 3

// theLexicon holds the word families of all rules; it is filled while the
// rules compile at start-up and only read afterwards.
var theLexicon = &lexicon{
	families: map[string]*altSet{},
	bits:     make([]setBits, 1),
	pre:      newTrie(),
	suf:      newTrie(),
}

// addLang marks w as a profile word whose weights are langWeights[i]. A
// word with letters outside the alphabet is left out: one word less in a
// profile changes little.
func (l *lexicon) addLang(w string, i int16) {
	if n, ok := l.pre.node(w, false); ok {
		l.pre.lang[n] = i
	}
}

// addTo adds family id to the set a trie node points to at *ref.
func (l *lexicon) addTo(ref *int32, id int) {
	if *ref == 0 {
		*ref = int32(len(l.bits))
		l.bits = append(l.bits, setBits{})
	}
	l.bits[*ref].add(id)
}

// family returns the word family for an element's alternatives, adding it
// on first use.
func (l *lexicon) family(src string, alts []alt) *altSet {
	if f := l.families[src]; f != nil {
		return f
	}
	if l.sealed {
		panic("classify: word family added after the lexicon was first used")
	}
	f := &altSet{id: len(l.families)}
	if f.id >= maxFamilies {
		panic(fmt.Sprintf("classify: more than %d word families", maxFamilies))
	}
	l.families[src] = f
	for _, a := range alts {
		switch a.kind {
		case exact:
			if n, ok := l.pre.node(a.s, false); ok {
				l.addTo(&l.pre.whole[n], f.id)
				continue
			}
		case prefix:
			if n, ok := l.pre.node(a.s, false); ok {
				l.addTo(&l.pre.pass[n], f.id)
				continue
			}
		case suffix:
			if n, ok := l.suf.node(a.s, true); ok {
				l.addTo(&l.suf.pass[n], f.id)
				continue
			}
		}
		f.fallback = append(f.fallback, a)
	}
	return f
}

// indexSlot marks the word (or word start) k as the index key of rule
// slot s.
func (l *lexicon) indexSlot(k string, s int32) bool {
	n, ok := l.pre.node(k, false)
	if ok {
		l.pre.slot[n] = s
	}
	return ok
}

// sealTrie fills t.cum. The rules add families while the package
// initialises, so this runs on first use, when the lexicon is complete.
func (l *lexicon) sealTrie(t *trie) {
	t.cum = make([]int32, len(t.next))
	var walk func(n int)
	walk = func(n int) {
		for _, c := range t.next[n] {
			if c == 0 {
				continue
			}
			t.cum[c] = t.cum[n]
			if p := t.pass[c]; p != 0 {
				if t.cum[c] == 0 {
					t.cum[c] = p
				} else {
					b := l.bits[t.cum[c]]
					b.or(&l.bits[p])
					t.cum[c] = int32(len(l.bits))
					l.bits = append(l.bits, b)
				}
			}
			walk(int(c))
		}
	}
	walk(0)
}

// sealAll completes the tries for reading; see sealTrie.
func (l *lexicon) sealAll() {
	// The rules add their word families when they compile, which is on
	// first use (theEngine): compile them now if the first use is this.
	theEngine()
	l.sealTrie(&l.pre)
	l.sealTrie(&l.suf)
	l.full = make([]int32, len(l.pre.next))
	for n := range l.full {
		l.full[n] = l.union(l.pre.cum[n], l.pre.whole[n])
	}
	nodes, old := pack(&l.pre)
	l.cpre = packedTrie{nodes: nodes, info: make([]nodeInfo, len(old))}
	for n, o := range old {
		l.cpre.info[n] = nodeInfo{cum: l.pre.cum[o], full: l.full[o], slot: l.pre.slot[o], lang: l.pre.lang[o]}
	}
	nodes, old = pack(&l.suf)
	l.csuf = packedTrie{nodes: nodes, info: make([]nodeInfo, len(old))}
	for n, o := range old {
		l.csuf.info[n].cum = l.suf.cum[o]
	}
	l.dedupRows()
	lexBits = l.bits
	l.sealed = true
}

// dedupRows keeps one row of bits per distinct set and points the packed
// tries at it: sealing makes a row per trie node that needs one, about
// half of them alike, and the fewer rows the more of them stay cached.
// Row 0, the empty set, stays row 0.
func (l *lexicon) dedupRows() {
	remap := make([]int32, len(l.bits))
	seen := make(map[setBits]int32, len(l.bits))
	var rows []setBits
	for i, r := range l.bits {
		j, ok := seen[r]
		if !ok {
			j = int32(len(rows))
			seen[r] = j
			rows = append(rows, r)
		}
		remap[i] = j
	}
	for _, info := range [][]nodeInfo{l.cpre.info, l.csuf.info} {
		for n := range info {
			info[n].cum, info[n].full = remap[info[n].cum], remap[info[n].full]
		}
	}
	l.bits = rows
}

// union returns the index of the union of bits[a] and bits[b], adding it
// if neither holds the other's families.
func (l *lexicon) union(a, b int32) int32 {
	if a == 0 || a == b {
		return b
	}
	if b == 0 {
		return a
	}
	u := l.bits[a]
	u.or(&l.bits[b])
	l.bits = append(l.bits, u)
	return int32(len(l.bits) - 1)
}

// annotate points every token to its word families and sets its index
// slot and language row. Tokens share the lexicon's sets and refer to them
// by index: two integers per word, no set to fill and no pointer for the
// garbage collector to trace.
func (l *lexicon) annotate(toks []token) {
	l.seal.Do(l.sealAll)
	pre, suf := &l.cpre, &l.csuf
	for k := range toks {
		t := &toks[k]
		t.slot = 0
		t.lang = 0
		w := t.s
		// The key's letters first, then the rest with no test for the key's
		// end at every letter.
		keyEnd := min(len(w), keyLen)
		i, n := pre.walk(w, 0, keyEnd, 0)
		if i == keyEnd && keyEnd > 0 {
			t.slot = pre.info[n].slot
			i, n = pre.walk(w, i, len(w), n)
		}
		// A whole walk ends on n: one read of its info answers the rest.
		end := &pre.info[n]
		if i == len(w) && n != 0 {
			t.pre = end.full
			t.lang = end.lang
		} else {
			t.pre = end.cum
			if i < keyEnd && letterOf[w[i]] < 0 {
				t.slot = -1 // the key has an odd letter: the engine's map knows it
			}
		}
		n = 0
		for i := len(w) - 1; i >= 0; i-- {
			c := letterOf[w[i]]
			if c < 0 {
				break
			}
			next := suf.child(n, int(c))
			if next == 0 {
				break
			}
			n = next
		}
		t.suf = suf.info[n].cum
	}
}

// letterOf is letter for every byte.
var letterOf = func() (t [256]int8) {
	for c := range t {
		t[c] = int8(letter(byte(c)))
	}
	return t
}()

// lexBits is theLexicon.bits once sealed, which it is before any token is
// annotated: word-family tests read it without going through the lexicon.
var lexBits []setBits

// in reports whether the word belongs to word family id.
func (t *token) in(id int) bool {
	// Most words end in no suffix family: their suf is row 0, the empty
	// set, and need not be read.
	return lexBits[t.pre].has(id) || (t.suf != 0 && lexBits[t.suf].has(id))
}

// sets returns the word's family sets.
func (t *token) sets() (pre, suf *setBits) {
	return &lexBits[t.pre], &lexBits[t.suf]
}
