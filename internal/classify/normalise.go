package classify

import (
	"unicode"
	"unicode/utf8"
)

// token is one word of a message in folded form, with where it came from so
// evidence can quote the sender's own spelling.
type token struct {
	s          string // folded: lower case, æøå/äöü folded, joiners removed
	start, end int    // byte offsets in the original text
	sent       int    // sentence number; patterns never span two sentences
	clause     int    // clause number; negation never reaches across one
}

// doc is a tokenised text. Tokens share one backing string so tokenising a
// message costs a couple of allocations, not one per word.
type doc struct {
	text string
	toks []token
}

// foldRune maps letters that people type in several ways to one spelling, so
// "slette", "sloett", "ønsker" and "onsker" meet. It returns 0 for runes that
// are not part of words.
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
	case 'æ', 'Æ', 'ä', 'Ä', 'å', 'Å', 'á', 'à', 'â', 'Á', 'À', 'Â', 'ã':
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

// foldDigraphs rewrites the ASCII stand-ins for æ, ø, å, ä, ö ("ae", "oe",
// "aa") in place, because people without a Nordic keyboard type them and the
// folded letter above is a single vowel. It returns the new length.
func foldDigraphs(b []byte) int {
	w := 0
	for r := 0; r < len(b); r++ {
		c := b[r]
		if r+1 < len(b) {
			n := b[r+1]
			if (c == 'a' && (n == 'a' || n == 'e')) || (c == 'o' && n == 'e') {
				b[w] = c
				w++
				r++
				continue
			}
		}
		if c == 's' && r+1 < len(b) && b[r+1] == 's' && r+2 == len(b) {
			// word-final "ss" and "ß" meet ("gemäss"/"gemäß").
			b[w] = c
			w++
			r++
			continue
		}
		b[w] = c
		w++
	}
	return w
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

// tokenise splits text into folded words and marks sentence and clause
// boundaries. Hyphens and apostrophes inside a word join it ("e-post" is
// "epost", "don't" is "dont"), since people write compounds both ways.
func tokenise(text string) doc {
	d := doc{text: text}
	if text == "" {
		return d
	}
	buf := make([]byte, 0, len(text))
	d.toks = make([]token, 0, len(text)/5)
	type span struct{ bstart, bend, start, end int }
	spans := make([]span, 0, len(text)/5)

	sent, clause := 0, 0
	pendSent, pendClause, pendDot, pendNL := false, false, false, false
	inTok := false
	var cur span
	atLineStart := true

	finish := func(endByte int) {
		n := foldDigraphs(buf[cur.bstart:])
		buf = buf[:cur.bstart+n]
		cur.bend = len(buf)
		cur.end = endByte
		spans = append(spans, cur)
		inTok = false
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		fr, word := foldRune(r)
		if word {
			if !inTok {
				// A token starts: settle the boundary the gap before it made.
				if len(spans) > 0 {
					if pendDot && !pendSent {
						last := spans[len(spans)-1]
						prev := buf[last.bstart:last.bend]
						nextLower := unicode.IsLower(r)
						nextDigit := unicode.IsDigit(r)
						switch {
						case abbreviations[string(prev)], len(prev) == 1, nextDigit:
						case isDigits(prev) && nextLower:
						default:
							pendSent = true
						}
					}
					if pendNL && atLineStart && unicode.IsDigit(r) && listNumber(text[i:]) {
						pendSent = true
					}
					if pendSent {
						sent++
						clause++
					} else if pendClause {
						clause++
					}
				}
				pendSent, pendClause, pendDot, pendNL = false, false, false, false
				inTok = true
				cur = span{bstart: len(buf), start: i}
			}
			buf = utf8.AppendRune(buf, fr)
			atLineStart = false
			i += size
			continue
		}
		if inTok {
			// Joiners keep a word whole when a letter follows.
			if r == '-' || r == '\'' || r == '’' || r == '\u00ad' {
				if nr, _ := utf8.DecodeRuneInString(text[i+size:]); i+size < len(text) {
					if _, ok := foldRune(nr); ok {
						i += size
						continue
					}
				}
			}
			finish(i)
			d.toks = append(d.toks, token{sent: sent, clause: clause})
		}
		switch r {
		case '?', '!':
			pendSent = true
		case '.', '…':
			pendDot = true
		case ',', ';', ':', '(', ')', '"', '«', '»', '“', '”', '–', '—', '/', '|':
			pendClause = true
		case '\n':
			if pendNL {
				pendSent = true // blank line
			}
			pendNL = true
			atLineStart = true
		case '-', '*', '•', '>', '·':
			if atLineStart {
				pendSent = true // list item or quote marker
			} else {
				pendClause = true
			}
		case ' ', '\t', '\r':
		default:
			if !unicode.IsSpace(r) {
				atLineStart = false
			}
		}
		i += size
	}
	if inTok {
		finish(len(text))
		d.toks = append(d.toks, token{sent: sent, clause: clause})
	}
	all := string(buf)
	for k := range d.toks {
		sp := spans[k]
		d.toks[k].s = all[sp.bstart:sp.bend]
		d.toks[k].start = sp.start
		d.toks[k].end = sp.end
	}
	return d
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
