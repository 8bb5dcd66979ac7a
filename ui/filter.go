package ui

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// rowIndex is what the inbox filter searches, built once when the rows load
// so that a keystroke is one scan over flat memory rather than lower-casing
// and allocating per row. With 100,000 cases it is about 10 MB.
type rowIndex struct {
	// hay holds, per row, the folded (lower-case, accents removed) ref,
	// requester name, address and subject, each field ended by a 0 byte.
	// Row i is hay[off[i]:off[i+1]]. One arena instead of a string per row
	// keeps the garbage collector's work, and the memory, small.
	hay []byte
	off []uint32
	// Rights and statuses are matched through their (translated) names,
	// which are the same for every row with that right or status, so the
	// rows keep only a bit mask and a status number.
	rights []dsr.RightSet
	status []uint8 // index into dsr.AllStatuses; len(AllStatuses) if unknown
}

// buildIndex indexes rows for the filter.
func buildIndex(rows []inboxRow) *rowIndex {
	n := 0
	for i := range rows {
		r := &rows[i]
		n += len(r.Ref) + len(r.RequesterName) + len(r.Requester) + len(r.Subject) + 4
	}
	ix := &rowIndex{
		// Folding never makes Latin text longer (ø is two bytes, o one;
		// æ two, ae two), so this is the size, give or take a rare script.
		hay:    make([]byte, 0, n),
		off:    make([]uint32, len(rows)+1),
		rights: make([]dsr.RightSet, len(rows)),
		status: make([]uint8, len(rows)),
	}
	for i := range rows {
		r := &rows[i]
		ix.off[i] = uint32(len(ix.hay))
		for _, f := range [...]string{r.Ref, r.RequesterName, r.Requester, r.Subject} {
			ix.hay = appendFolded(ix.hay, f)
			ix.hay = append(ix.hay, 0)
		}
		ix.rights[i] = r.Rights
		ix.status[i] = uint8(len(dsr.AllStatuses))
		for k, st := range dsr.AllStatuses {
			if r.Status == st {
				ix.status[i] = uint8(k)
				break
			}
		}
	}
	ix.off[len(rows)] = uint32(len(ix.hay))
	return ix
}

// term is one word of the filter query, with the rights and statuses whose
// names it matches worked out once per keystroke instead of once per row.
type term struct {
	text     []byte
	rights   dsr.RightSet
	statuses uint16 // bit k: dsr.AllStatuses[k]
}

// compileQuery splits q into folded words. A row matches when every word
// matches it.
func compileQuery(q string, t *Strings) []term {
	var terms []term
	for _, w := range strings.Fields(q) {
		tm := term{text: appendFolded(nil, w)}
		for _, r := range dsr.AllRights {
			// The stored identifier counts too, so "erasure" finds sletting
			// in the bokmål desk.
			if nameMatches(tm.text, t.Right(r), t.RightShort[r], string(r)) {
				tm.rights |= dsr.NewRightSet(r)
			}
		}
		for k, st := range dsr.AllStatuses {
			if nameMatches(tm.text, t.Status(st), t.StatusShort(st), string(st)) {
				tm.statuses |= 1 << k
			}
		}
		terms = append(terms, tm)
	}
	return terms
}

func nameMatches(word []byte, names ...string) bool {
	for _, n := range names {
		if wordMatches(appendFolded(nil, n), word) {
			return true
		}
	}
	return false
}

// matches reports whether row i matches every term.
func (ix *rowIndex) matches(i int, terms []term) bool {
	hay := ix.hay[ix.off[i]:ix.off[i+1]]
	for k := range terms {
		t := &terms[k]
		if ix.rights[i]&t.rights != 0 || t.statuses&(1<<ix.status[i]) != 0 {
			continue
		}
		if !wordMatches(hay, t.text) {
			return false
		}
	}
	return true
}

// filter returns the rows among from (all rows if from is nil) that match
// terms, in their order.
func (ix *rowIndex) filter(from []int32, terms []term) []int32 {
	out := make([]int32, 0, 64)
	if from == nil {
		for i := 0; i+1 < len(ix.off); i++ {
			if ix.matches(i, terms) {
				out = append(out, int32(i))
			}
		}
		return out
	}
	for _, i := range from {
		if ix.matches(int(i), terms) {
			out = append(out, i)
		}
	}
	return out
}

// wordMatches is the filter's notion of a match: word occurs in hay, or
// its letters occur in order inside one word of hay that starts with the
// same letter ("nrdmn" finds Nordmann, "slt" finds sletting). Keeping a
// fuzzy match inside one word, from its start, stops a short query from
// matching every long subject.
//
// A query that extends another (one more letter, or one more word) can only
// match fewer rows under this rule, which is what lets the inbox filter the
// previous matches instead of every row on each keystroke.
func wordMatches(hay, word []byte) bool {
	if len(word) == 0 {
		return true
	}
	if bytes.Contains(hay, word) {
		return true
	}
	j := 0
	start := true // at the first byte of a word
	dead := false // this word did not start with word[0]
	for _, c := range hay {
		if !wordByte(c) {
			j, start, dead = 0, true, false
			continue
		}
		if start {
			start = false
			dead = c != word[0]
		}
		if dead || c != word[j] {
			continue
		}
		j++
		if j == len(word) {
			return true
		}
	}
	return false
}

// wordByte reports whether c belongs to a word: ASCII letters and digits,
// and every byte of a non-ASCII letter, which folding left as UTF-8.
func wordByte(c byte) bool {
	return c >= 0x80 || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9')
}

// appendFolded appends s in lower case with the common Latin accents taken
// off, so "Sørensen" is found by "sorensen" and "søren", and "Müller" by
// "muller". Control characters become spaces: they are never drawn, and
// must not glue two words together.
func appendFolded(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c < 0x20 || c == 0x7f:
				c = ' '
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		dst = appendFoldedRune(dst, unicode.ToLower(r))
	}
	return dst
}

func appendFoldedRune(dst []byte, r rune) []byte {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ą':
		return append(dst, 'a')
	case 'æ':
		return append(dst, 'a', 'e')
	case 'ç', 'č', 'ć':
		return append(dst, 'c')
	case 'ð', 'đ':
		return append(dst, 'd')
	case 'è', 'é', 'ê', 'ë', 'ē', 'ę', 'ě':
		return append(dst, 'e')
	case 'ì', 'í', 'î', 'ï', 'ī':
		return append(dst, 'i')
	case 'ł':
		return append(dst, 'l')
	case 'ñ', 'ń', 'ň':
		return append(dst, 'n')
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ő':
		return append(dst, 'o')
	case 'ř':
		return append(dst, 'r')
	case 'ś', 'š':
		return append(dst, 's')
	case 'ß':
		return append(dst, 's', 's')
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű':
		return append(dst, 'u')
	case 'ý', 'ÿ':
		return append(dst, 'y')
	case 'ź', 'ż', 'ž':
		return append(dst, 'z')
	case 'þ':
		return append(dst, 't', 'h')
	}
	return utf8.AppendRune(dst, r)
}
