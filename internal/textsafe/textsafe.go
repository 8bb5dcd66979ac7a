// Package textsafe makes untrusted text safe to draw on a terminal.
//
// Subjects, bodies, names and file names come from strangers. Written to a
// terminal as they are, escape sequences in them could recolour the screen,
// retitle the window, plant hyperlinks, write the clipboard (OSC 52) or move
// the cursor, and bidi controls could make text read differently from how it
// is stored. Bubble Tea draws strings without a cell layer of its own, so
// every untrusted string must pass through Clean (or Line or Wrap, which call
// it) before it reaches a view.
//
// What Clean removes, and why:
//
//   - escape sequences (CSI, OSC, DCS, APC, PM, SOS, and two-byte ESC
//     sequences), via x/ansi's parser; every ESC left over afterwards is
//     dropped as well. The text is stripped one line at a time, so an
//     unterminated OSC or DCS hides at most the rest of its own line rather
//     than the rest of a message;
//   - C0 controls except "\n" (tabs become spaces, see below), DEL, and C1
//     controls U+0080–U+009F, which some terminals obey even in UTF-8;
//   - every Unicode format character (category Cf): the bidi embeddings,
//     overrides and isolates (U+202A–U+202E, U+2066–U+2069), the marks
//     U+200E, U+200F and U+061C, zero-width space U+200B, word joiner U+2060,
//     BOM U+FEFF, soft hyphen U+00AD (terminals disagree on its width) and the
//     invisible tag characters U+E0000–U+E007F that can smuggle hidden text.
//     Two are kept: ZWJ U+200D, which joins emoji sequences, and ZWNJ U+200C,
//     which Persian and Indic spelling needs; both have zero width everywhere
//     and cannot reorder text.
//
// What Clean rewrites: invalid UTF-8 becomes U+FFFD; "\r\n", a lone "\r",
// U+2028 and U+2029 become "\n"; a tab becomes four spaces, because tabs have
// no fixed width and would break lipgloss's layout arithmetic.
package textsafe

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// tabSpaces replaces a tab. A fixed run rather than tab stops, because the
// column a string will be drawn at is not known here.
const tabSpaces = "    "

// ellipsis marks a cut made by Line.
const ellipsis = "…"

// Clean returns s with escape sequences, control characters and invisible
// format characters removed, so it can be drawn on a terminal. The result is
// valid UTF-8 and contains no byte below 0x20 other than "\n". See the package
// documentation for exactly what is removed.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")

	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		line, rest, found := cutLine(s)
		if strings.IndexByte(line, 0x1b) >= 0 {
			// Once the text is valid UTF-8, only ESC can start a sequence.
			line = ansi.Strip(line)
		}
		writeClean(&b, line)
		if found {
			b.WriteByte('\n')
		}
		s = rest
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII and newlines only, which is
// most text and needs no work.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\n') || c >= 0x7f {
			return false
		}
	}
	return true
}

// cutLine splits s at its first line break, which may be "\n", "\r\n" or a
// lone "\r", so each line can be stripped on its own.
func cutLine(s string) (line, rest string, found bool) {
	i := strings.IndexAny(s, "\r\n")
	if i < 0 {
		return s, "", false
	}
	if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
		return s[:i], s[i+2:], true
	}
	return s[:i], s[i+1:], true
}

// writeClean appends the safe runes of one stripped line to b.
func writeClean(b *strings.Builder, line string) {
	for _, r := range line {
		switch {
		case r == '\t':
			b.WriteString(tabSpaces)
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case dropped(r):
		default:
			b.WriteRune(r)
		}
	}
}

// dropped reports whether r must not reach the terminal.
func dropped(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f: // C0 (ESC included) and DEL
		return true
	case r < 0x80:
		return false
	case r <= 0x9f: // C1
		return true
	case r == '\u200c' || r == '\u200d':
		return false
	case r == utf8.RuneError:
		return false // stands for bytes that were not UTF-8; worth showing
	}
	return unicode.Is(unicode.Cf, r)
}

// Line returns s cleaned and made to fit one line of at most width terminal
// cells: every run of whitespace, newlines included, becomes one space, the
// ends are trimmed, and text that does not fit is cut with "…". Wide East
// Asian characters and emoji count two cells. Line returns "" if width ≤ 0.
func Line(s string, width int) string {
	if width <= 0 {
		return ""
	}
	s = strings.Join(strings.Fields(Clean(s)), " ")
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, ellipsis)
}

// Wrap returns s cleaned and soft-wrapped to lines of at most width cells.
// Lines are broken at spaces; a word longer than width is broken wherever it
// has to be. Existing line breaks and blank lines are kept, and the leading
// indentation of a wrapped line stays on its first piece. A single character
// wider than width (an emoji at width 1) still takes its own line. Wrap
// returns "" if width ≤ 0.
func Wrap(s string, width int) string {
	if width <= 0 {
		return ""
	}
	s = Clean(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/width + 1)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		wrapLine(&b, strings.TrimRight(line, " "), width)
	}
	return b.String()
}

// wrapLine writes one line of text wrapped to width, greedily: each word goes
// on the current line if it fits, else starts a new one.
func wrapLine(b *strings.Builder, line string, width int) {
	if ansi.StringWidth(line) <= width {
		b.WriteString(line)
		return
	}
	words := strings.Fields(line)
	if len(words) == 0 {
		return
	}
	indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
	if len(indent)+ansi.StringWidth(words[0]) > width {
		indent = "" // an indent that pushes the first word over helps nobody
	}
	b.WriteString(indent)
	col := len(indent)
	for i, word := range words {
		w := ansi.StringWidth(word)
		if i > 0 {
			if col+1+w <= width {
				b.WriteByte(' ')
				col++
			} else {
				b.WriteByte('\n')
				col = 0
			}
		}
		if col+w <= width {
			b.WriteString(word)
			col += w
			continue
		}
		// Here col is 0 and the word is longer than a whole line: break it
		// into pieces of at most width cells and go on after the last one.
		pieces := strings.Split(strings.TrimPrefix(ansi.Hardwrap(word, width, false), "\n"), "\n")
		b.WriteString(strings.Join(pieces, "\n"))
		col = ansi.StringWidth(pieces[len(pieces)-1])
	}
}

// Width returns the number of terminal cells s occupies, counted the way
// lipgloss counts them: escape sequences take none, wide East Asian
// characters and emoji take two.
func Width(s string) int {
	return ansi.StringWidth(s)
}
