package classify

import (
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// token is one word of a message in folded form, with where it came from so
// evidence can quote the sender's own spelling.
type token struct {
	s          string // folded: lower case, æøå/äöü folded, joiners removed
	start, end int32  // byte offsets in the original text
	sent       int32  // sentence number; patterns never span two sentences
	clause     int32  // clause number; negation never reaches across one

	bstart, bend int32 // the folded word's place in the tokeniser's buffer

	// pre and suf are the word families the word belongs to by its start
	// (and whole) and by its end, as indexes into the lexicon's sets.
	pre, suf int32
	slot     int32 // the rules that may start at the word; -1: ask engine.index
	lang     int16 // the word's language weights (lang.go); 0 for none
	ask      bool  // the word ends a question
}

// doc is a tokenised text. Tokens share one backing string so tokenising a
// message costs a couple of allocations, not one per word.
type doc struct {
	text string
	toks []token
}

// foldRune maps letters that people type in several ways to one spelling, so
// "slette", "sloett", "ønsker" and "onsker" meet. It returns 0 for runes that
// are not part of words. Folding merges a few words: "før" is "for" and
// "bør" is "bor", so rules must not lean on those.

func foldRune(r rune) (rune, bool) {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return r, true
		case 'A' <= r && r <= 'Z':
			return r + ('a' - 'A'), true
		}
		return 0, false
	}
	switch r {
	case 'æ', 'Æ', 'ä', 'Ä':
		// Spelt "ae" (see tokeniser.word): "være" and "vaere" meet, and
		// neither becomes "vare", which is another word.
		return 'æ', true
	case 'å', 'Å', 'á', 'à', 'â', 'Á', 'À', 'Â', 'ã':
		return 'a', true

	case 'ø', 'Ø', 'ö', 'Ö', 'ó', 'ò', 'ô', 'Ó', 'Ò', 'Ô', 'õ':
		return 'o', true
	case 'ü', 'Ü', 'ú', 'ù', 'û':
		return 'u', true
	case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê':
		return 'e', true
	case 'í', 'ì', 'î', 'ï':
		return 'i', true
	case 'ñ':
		return 'n', true
	case 'ç':
		return 'c', true
	case 'ß':
		return 's', true // "ss" after the digraph pass would be the same word
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return unicode.ToLower(r), true
	}
	return 0, false
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"jf": true, "jfr": true, "art": true, "nr": true, "ca": true, "kl": true,
	"feks": true, "bla": true, "evt": true, "dvs": true, "osv": true, "mr": true,
	"mrs": true, "ms": true, "dr": true, "st": true, "abs": true, "lit": true,
	"ref": true, "inkl": true, "tlf": true, "etc": true, "vs": true, "no": true,
	"pkt": true, "bzw": true, "z": true, "bspw": true, "ggf": true, "vgl": true,
	"ang": true, "vedr": true, "mvh": false,
}

// asciiClass classifies the ASCII bytes for tokenise's fast path.
var asciiClass = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = cWord
		case 'A' <= c && c <= 'Z':
			t[c] = cUpper
		case c == '-' || c == '\'':
			t[c] = cJoin
		default:
			t[c] = cOther
		}
	}
	return t
}()

// asciiFold maps the ASCII letters and digits to their folded selves and
// every other byte to 0: the inner loop of tokenise in one look-up.
var asciiFold = func() (t [256]byte) {
	for c := range 128 {
		switch asciiClass[c] {
		case cWord:
			t[c] = byte(c)
		case cUpper:
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// asciiFoldSkip is asciiFold in its low byte and, in its high byte, the
// letter after which put drops the byte ('a' for "aa", 'o' for "oe"), 0xff
// for the bytes it never drops: the word loop's two tests in one look-up.
var asciiFoldSkip = func() (t [256]uint16) {
	for c := range t {
		skip := uint16(0xff)
		switch c {
		case 'a', 'A':
			skip = 'a'
		case 'e', 'E':
			skip = 'o'
		}
		t[c] = skip<<8 | uint16(asciiFold[c])
	}
	return t
}()

const (
	cOther uint8 = iota
	cWord
	cUpper
	cJoin
)

// tokenise splits text into folded words and marks sentence and clause
// boundaries. Hyphens and apostrophes inside a word join it ("e-post" is
// "epost", "don't" is "dont"), since people write compounds both ways.
func tokenise(text string) doc {
	d, _ := tokeniseInto(text, nil, nil)
	return d
}

// analyse tokenises text and annotates the tokens from the lexicon, as the
// rule engine needs them.
func analyse(text string) doc {
	d := tokenise(text)
	theLexicon.annotate(d.toks)
	return d
}

// tokeniseInto is tokenise reusing the storage of toks, which the returned
// doc then owns, and of buf, which it returns for the next call.
func tokeniseInto(text string, toks []token, buf []byte) (doc, []byte) {
	d := doc{text: text}
	if text == "" {
		return d, buf
	}
	if cap(buf) < len(text) {
		buf = make([]byte, 0, len(text))
	}
	if n := len(text)/5 + 1; cap(toks) < n {
		toks = make([]token, 0, n)
	}
	t := tokeniser{text: text, buf: buf[:0], toks: toks[:0]}
	t.run()
	// The words are views of buf, not a copy of it: a message's tokens live
	// only while it is classified, and buf is written again only when the
	// next message reuses it. So no token's string may reach a Result;
	// evidence quotes the original text instead.
	var all string
	if len(t.buf) > 0 {
		all = unsafe.String(&t.buf[0], len(t.buf))
	}
	for k := range t.toks {
		t.toks[k].s = all[t.toks[k].bstart:t.toks[k].bend]
	}
	d.toks = t.toks
	return d, t.buf
}

// tokeniser is the state of one tokenise call.
type tokeniser struct {
	text string
	buf  []byte // folded words, back to back
	toks []token

	sent, clause                          int32
	pendSent, pendClause, pendDot, pendNL bool
	// dictated is set once a spoken full stop was read: from then on a
	// spoken comma is one too (see spoken).
	dictated    bool
	atLineStart bool
	inTok       bool
	// curB is where the current word starts in buf; its token is the last
	// of toks, finished in place.
	curB int32
}

func (t *tokeniser) run() {
	t.atLineStart = true
	text := t.text
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case cWord, cUpper:
				if !t.inTok {
					t.word(i, rune(c|0x20))
					i++
				}
				// The rest of an ASCII word, a byte at a time: put, with the
				// buffer held in a local for the length of the word.
				buf := t.buf
				var prev byte // the word's last folded letter, 0 at its start
				if n := len(buf); n > int(t.curB) {
					prev = buf[n-1]
				}
				for ; i < len(text); i++ {
					f := asciiFoldSkip[text[i]]
					c = byte(f)
					if c == 0 {
						break
					}
					if prev == byte(f>>8) {
						continue
					}
					buf = append(buf, c)
					prev = c
				}
				t.buf = buf
				continue
			case cJoin:
				if t.inTok && i+1 < len(text) && isWordStart(text[i+1:]) {
					i++
					continue
				}
			}
			if c == ' ' {
				// The commonest gap, and one that marks no boundary: gap
				// would only finish the word.
				if t.inTok {
					t.finish(i)
				}
			} else {
				t.gap(i, rune(c))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if fr, ok := foldRune(r); ok {
			t.word(i, fr)
		} else if t.inTok && (r == '’' || r == '\u00ad') && i+size < len(text) && isWordStart(text[i+size:]) {
			// a typographic apostrophe or soft hyphen inside a word
		} else {
			t.gap(i, r)
		}
		i += size
	}
	if t.inTok {
		t.finish(len(text))
	}
}

func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	_, ok := foldRune(r)
	return ok
}

// word adds the folded rune fr, found at byte i, to the current token,
// starting one if needed and settling the boundary the gap before made.
func (t *tokeniser) word(i int, fr rune) {
	if !t.inTok {
		if len(t.toks) > 0 {
			if t.pendDot && !t.pendSent {
				last := &t.toks[len(t.toks)-1]
				prev := t.buf[last.bstart:last.bend]
				next := fr
				// An abbreviation is read as written: "noe." and "blå."
				// fold to "no" and "bla" but end their sentences.
				abbr := abbreviations[string(prev)] && int(last.end-last.start) == len(prev)
				switch {
				case abbr, len(prev) == 1, unicode.IsDigit(next):
				case isDigits(prev) && isLowerAt(t.text, i):
				default:
					t.pendSent = true
				}
			}
			if t.pendNL && t.atLineStart && unicode.IsDigit(fr) && listNumber(t.text[i:]) {
				t.pendSent = true
			}
			if t.pendSent {
				t.sent++
				t.clause++
			} else if t.pendClause {
				t.clause++
			}
		}
		t.pendSent, t.pendClause, t.pendDot, t.pendNL = false, false, false, false
		t.inTok = true
		t.curB = int32(len(t.buf))
		// The token is zeroed in place and its fields set there: a token
		// literal is built on the stack a field at a time and then copied
		// in wide loads, which wait on those narrow stores, once per word.
		n := len(t.toks)
		if n < cap(t.toks) {
			t.toks = t.toks[:n+1]
			t.toks[n] = token{}
		} else {
			t.toks = append(t.toks, token{})
		}
		tk := &t.toks[n]
		tk.bstart, tk.start, tk.sent, tk.clause = t.curB, int32(i), t.sent, t.clause
	}
	switch {
	case fr < utf8.RuneSelf:
		t.put(byte(fr))
	case fr == 'æ':
		t.put('a')
		t.put('e')
	default:

		t.buf = utf8.AppendRune(t.buf, fr)
	}
	t.atLineStart = false
}

// gap handles a rune between words: punctuation marks boundaries.
func (t *tokeniser) gap(i int, r rune) {
	if t.inTok {
		t.finish(i)
	}
	switch r {
	case '?':
		t.pendSent = true
		if n := len(t.toks); n > 0 {
			t.toks[n-1].ask = true
		}
	case '!':
		t.pendSent = true
	case '.', '…':
		// A dot with a word right after it is inside an address or a
		// domain ("ola@example.no"), not the end of a sentence.
		if i+1 >= len(t.text) || !isWordStart(t.text[i+1:]) {
			t.pendDot = true
		} else {
			t.pendClause = true
		}
	case ',', ';', ':', '(', ')', '"', '«', '»', '“', '”', '–', '—', '/', '|':
		t.pendClause = true
	case '\n':
		if t.pendNL {
			t.pendSent = true // blank line
		}
		t.pendNL = true
		t.atLineStart = true
	case '-', '*', '•', '>', '·':
		if t.atLineStart {
			t.pendSent = true // list item or quote marker
		} else {
			t.pendClause = true
		}
	case ' ', '\t', '\r':
	default:
		if !unicode.IsSpace(r) {
			t.atLineStart = false
		}
	}
}

// put appends a folded ASCII letter to the current word, folding the ASCII
// stand-ins for å and ø ("aa", "oe") as it goes, because people without a
// Nordic keyboard type them and the folded letter is a single vowel.
func (t *tokeniser) put(c byte) {
	if n := len(t.buf); n > int(t.curB) {
		if p := t.buf[n-1]; (p == 'a' && c == 'a') || (p == 'o' && c == 'e') {
			return
		}
	}
	t.buf = append(t.buf, c)
}

func (t *tokeniser) finish(end int) {
	// Word-final "ss" and "ß" meet ("gemäss"/"gemäß").
	if n := len(t.buf); n >= int(t.curB)+2 && t.buf[n-1] == 's' && t.buf[n-2] == 's' {
		t.buf = t.buf[:n-1]
	}
	cur := &t.toks[len(t.toks)-1]
	cur.bend = int32(len(t.buf))
	cur.end = int32(end)
	t.inTok = false
	if n := cur.bend - cur.bstart; n == 5 || n == 7 || (n >= 11 && n <= 14) {
		t.spoken(cur)
	}
}

// spoken reads punctuation said aloud into a phone's dictation, which
// writes it as words: "... sa nei punktum jeg har fast jobb ... hvorfor
// komma kan en person se på søknaden". Without it such a mail is one
// sentence, and a negation or a pattern reaches across what were
// sentences. The word goes, and the boundary it names takes its place. A
// comma counts only in a mail with a spoken full stop before it: Swedish
// "komma" is "to come".
func (t *tokeniser) spoken(cur *token) {
	switch string(t.buf[cur.bstart:cur.bend]) {
	case "punktum":
		t.dictated = true
		t.pendSent = true
	case "sporsmalstegn", "sporsmalsteikn", "sporgsmalstegn", "fragetecken":
		t.pendSent = true
		if n := len(t.toks); n > 1 {
			t.toks[n-2].ask = true
		}
	case "komma":
		if !t.dictated {
			return
		}
		t.pendClause = true
	default:
		return
	}
	t.buf = t.buf[:cur.bstart]
	t.toks = t.toks[:len(t.toks)-1]
}

func isLowerAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLower(r)
}

// listNumber reports whether s starts with "12." or "3)" followed by a space:
// a numbered list item, which starts a new sentence.
func listNumber(s string) bool {
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t')
}

func isDigits(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// fold returns the folded form of a single word, as tokenise would produce
// it; rule patterns go through it so they can be written in any spelling.
func fold(w string) string {
	d := tokenise(w)
	if len(d.toks) == 0 {
		return ""
	}
	s := d.toks[0].s
	for _, t := range d.toks[1:] {
		s += t.s
	}
	return s
}
