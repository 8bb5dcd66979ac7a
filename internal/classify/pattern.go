package classify

import (
	"fmt"
	"strconv"
	"strings"
)

// A pattern is a short sequence of word tests over folded tokens, written as
// a string so rule tables read like the phrases they catch:
//
//	slett*|sletting ~3 opplysning*|data   a word, up to 3 other words, a word
//	[alle|all]                            an optional word
//	ord  ord*  *ord  *ord*                exact, prefix, suffix, infix
//
// Words are folded like message text, so "ønsker" and "onsker" are the same
// test. A pattern never matches across a sentence boundary.
type pattern []elem

type elem struct {
	alts []alt
	gap  int // other tokens allowed between the previous element and this one
	set  *altSet
}

type altKind uint8

const (
	exact altKind = iota
	prefix
	suffix
	infix
)

type alt struct {
	s    string
	kind altKind
}

func (a alt) match(s string) bool {
	switch a.kind {
	case prefix:
		return strings.HasPrefix(s, a.s)
	case suffix:
		return strings.HasSuffix(s, a.s)
	case infix:
		return strings.Contains(s, a.s)
	}
	return s == a.s
}

// bigElem is the number of alternatives from which an element becomes a
// word family of the lexicon. Every element is one: the lexicon answers a
// family with a bit test for words it has already walked, which beats
// comparing even a single alternative, and the rule index can then rule
// out a pattern by the families of all its later words.
const bigElem = 1

// altSet is a word family: a big element whose membership the lexicon
// computes once per token.
type altSet struct {
	id       int
	fallback []alt // alternatives the lexicon cannot hold (infixes)
}

func (a *altSet) matchTok(t *token) bool {
	if t.in(a.id) {
		return true
	}
	for _, x := range a.fallback {
		if x.match(t.s) {
			return true
		}
	}
	return false
}

func (e *elem) matchTok(t *token) bool {
	if e.set != nil {
		return e.set.matchTok(t)
	}
	for _, a := range e.alts {
		if a.match(t.s) {
			return true
		}
	}
	return false
}

// wordSet is a single-word test used for context (marketing words in the
// sentence, words that veto a rule): "a|b*|*c".
type wordSet elem

func (w *wordSet) matchTok(t *token) bool { return (*elem)(w).matchTok(t) }

func (w wordSet) empty() bool { return len(w.alts) == 0 }

func compileWordSet(src string) wordSet {
	if src == "" {
		return wordSet{}
	}
	return wordSet(compileElem(src))
}

func compileElem(src string) elem {
	var e elem
	for _, a := range strings.Split(src, "|") {
		kind := exact
		pre, suf := strings.HasSuffix(a, "*"), strings.HasPrefix(a, "*")
		w := fold(strings.Trim(a, "*"))
		switch {
		case pre && suf:
			kind = infix
		case pre:
			kind = prefix
		case suf:
			kind = suffix
		}
		if w == "" {
			panic(fmt.Sprintf("classify: empty word in %q", src))
		}
		e.alts = append(e.alts, alt{s: w, kind: kind})
	}
	if len(e.alts) >= bigElem {
		e.set = theLexicon.family(src, e.alts)
	}
	return e
}

// compilePatterns parses src and returns one pattern per combination of its
// optional words, so the matcher itself never has to branch on optionals.
func compilePatterns(src string) []pattern {
	type part struct {
		e   elem
		opt bool
	}
	var parts []part
	gap := 0
	for _, f := range strings.Fields(src) {
		if strings.HasPrefix(f, "~") {
			n, err := strconv.Atoi(f[1:])
			if err != nil {
				panic(fmt.Sprintf("classify: bad gap %q in %q", f, src))
			}
			gap = n
			continue
		}
		opt := strings.HasPrefix(f, "[") && strings.HasSuffix(f, "]")
		if opt {
			f = f[1 : len(f)-1]
		}
		e := compileElem(f)
		e.gap = gap
		gap = 0
		parts = append(parts, part{e, opt})
	}
	if len(parts) == 0 || parts[0].opt {
		panic(fmt.Sprintf("classify: pattern %q must start with a required word", src))
	}
	for _, a := range parts[0].e.alts {
		if a.kind == infix || (a.kind != exact && len(a.s) < keyLen) {
			panic(fmt.Sprintf("classify: pattern %q must start with a whole word, or a prefix or suffix of %d+ letters", src, keyLen))
		}
	}
	// A dropped optional element hands its gap on to the element after it.
	var out []pattern
	var build func(i, carry int, acc pattern)
	build = func(i, carry int, acc pattern) {
		if i == len(parts) {
			out = append(out, append(pattern(nil), acc...))
			return
		}
		e := parts[i].e
		e.gap += carry
		build(i+1, 0, append(acc, e))
		if parts[i].opt {
			build(i+1, carry+parts[i].e.gap, acc)
		}
	}
	build(0, 0, nil)
	return out
}

// keyLen is how many leading (or, for suffix tests, trailing) bytes of a
// token index the rules that may start there; patterns must start with a
// whole word, or a prefix or suffix at least this long.
const keyLen = 4

func key(s string) string {
	if len(s) > keyLen {
		return s[:keyLen]
	}
	return s
}

func tailKey(s string) string {
	if len(s) > keyLen {
		return s[len(s)-keyLen:]
	}
	return s
}

// matchAt tries p with its first element on toks[i] and returns the index of
// the last token matched.
func (p pattern) matchAt(toks []token, i int) (int, bool) {
	if !p[0].matchTok(&toks[i]) {
		return 0, false
	}
	return p.rest(toks, 1, i+1, toks[i].sent)
}

func (p pattern) rest(toks []token, k, pos int, sent int32) (int, bool) {
	if k == len(p) {
		return pos - 1, true
	}
	e := &p[k]
	for j := pos; j <= pos+e.gap && j < len(toks) && toks[j].sent == sent; j++ {
		if e.matchTok(&toks[j]) {
			if end, ok := p.rest(toks, k+1, j+1, sent); ok {
				return end, true
			}
		}
	}
	return 0, false
}
