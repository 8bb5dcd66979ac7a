package textsafe

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain ASCII unchanged", "Slett meg, takk", "Slett meg, takk"},
		{"Norwegian letters kept", "Begjæring om innsyn – Bjørn Åsheim", "Begjæring om innsyn – Bjørn Åsheim"},
		{"SGR colour and BEL", "\x1b[31mVIKTIG!!! SLETT KONTOEN MIN\x1b[0m\a", "VIKTIG!!! SLETT KONTOEN MIN"},
		{"CSI with parameters", "a\x1b[1;31;48;5;196mb\x1b[2J\x1b[10;20Hc\x1b[?1049hd", "abcd"},
		{"OSC 8 hyperlink keeps its text", "see \x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\ now", "see here now"},
		{"OSC 52 clipboard write", "x\x1b]52;c;cm0gLXJmIH4K\ay", "xy"},
		{"OSC window title with ST", "\x1b]0;pwned\x1b\\title", "title"},
		{"DCS", "a\x1bPq#0;2;0;0;0#0~~@@\x1b\\b", "ab"},
		{"C1 CSI as a rune", "a\u009b31mb", "a31mb"},
		{"C1 CSI as a raw byte", "a\x9b31mb", "a\uFFFD31mb"},
		{"other C1 runes", "a\u0085b\u0090c\u009dd", "abcd"},
		{"lone ESC", "a\x1b", "a"},
		{"two-byte ESC sequence", "a\x1bcb", "ab"},
		{"unterminated OSC hides only its line", "a\x1b]0;rest of line\nnext line", "a\nnext line"},
		{"NUL, backspace, DEL", "a\x00b\bc\x7fd", "abcd"},
		{"form feed and vertical tab", "a\fb\vc", "abc"},
		{"bidi override", "invoice\u202Efdp.exe", "invoicefdp.exe"},
		{"bidi set", "\u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069h\u200Ei\u200Fj\u061Ck", "abcdefghijk"},
		{"zero width space and word joiner", "s\u200Blett\u2060 meg\uFEFF", "slett meg"},
		{"soft hyphen", "person\u00ADopplysninger", "personopplysninger"},
		{"tag characters", "hi\U000E0041\U000E0042\U000E007F", "hi"},
		{"ZWJ emoji kept", "👨\u200D👩\u200D👧", "👨\u200D👩\u200D👧"},
		{"ZWNJ kept", "می\u200Cخواهم", "می\u200Cخواهم"},
		{"variation selector kept", "❤\uFE0F", "❤\uFE0F"},
		{"invalid UTF-8", "inv\xff\xfeok", "inv\uFFFDok"},
		{"CRLF", "a\r\nb", "a\nb"},
		{"lone CR", "a\rb\r", "a\nb\n"},
		{"line and paragraph separators", "a\u2028b\u2029c", "a\nb\nc"},
		{"tab to four spaces", "Navn:\tKari", "Navn:    Kari"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width int
		want  string
	}{
		{"fits", "Slett meg", 20, "Slett meg"},
		{"whitespace collapsed", "  Slett \n\n meg\t nå  ", 20, "Slett meg nå"},
		{"cut with ellipsis", "Begjæring om innsyn", 10, "Begjæring…"},
		{"exact fit", "abcdef", 6, "abcdef"},
		{"escape then cut", "\x1b[31mVIKTIG!!! SLETT\x1b[0m\a", 8, "VIKTIG!…"},
		{"CJK counts two cells", "日本語のメール", 7, "日本語…"},
		{"CJK cut does not split a wide cell", "日本語", 4, "日…"},
		{"emoji count two cells", "😀😀😀", 5, "😀😀…"},
		{"width one", "abc", 1, "…"},
		{"width zero", "abc", 0, ""},
		{"negative width", "abc", -3, ""},
		{"only controls", "\x1b[31m\a\x00", 10, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Line(tt.in, tt.width)
			if got != tt.want {
				t.Errorf("Line(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
			if w := Width(got); w > max(tt.width, 0) {
				t.Errorf("Line(%q, %d) is %d cells wide", tt.in, tt.width, w)
			}
		})
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width int
		want  string
	}{
		{"fits", "Slett meg", 20, "Slett meg"},
		{"soft wrap at spaces", "Jeg ber om innsyn i alle opplysninger", 12, "Jeg ber om\ninnsyn i\nalle\nopplysninger"},
		{"paragraphs kept", "Hei,\n\nslett meg fra alt", 10, "Hei,\n\nslett meg\nfra alt"},
		{"long word broken", "see https://example.no/very/long/path ok", 10, "see\nhttps://ex\nample.no/v\nery/long/p\nath ok"},
		{"indent kept on first piece", "  > sitert tekst her", 12, "  > sitert\ntekst her"},
		{"too much indent dropped", "        ordene", 10, "ordene"},
		{"trailing spaces trimmed", "abc   \ndef", 10, "abc\ndef"},
		{"CJK", "日本語 日本語", 6, "日本語\n日本語"},
		{"CJK long word", "日本語日本語", 4, "日本\n語日\n本語"},
		{"cleans first", "\x1b[31mred\x1b[0m text\a", 20, "red text"},
		{"width zero", "abc", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(tt.in, tt.width)
			if got != tt.want {
				t.Errorf("Wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
		})
	}
}

func TestWidth(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"abc", 3},
		{"æøå", 3},
		{"日本", 4},
		{"😀", 2},
		{"👨\u200D👩\u200D👧", 2},
		{"\x1b[31mab\x1b[0m", 2},
		{"", 0},
	}
	for _, tt := range tests {
		if got := Width(tt.in); got != tt.want {
			t.Errorf("Width(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// checkSafe fails t if s holds anything Clean promises to remove.
func checkSafe(t *testing.T, in, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("Clean(%q) = %q: not valid UTF-8", in, s)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n') || c == 0x7f {
			t.Fatalf("Clean(%q) = %q: control byte %#x at %d", in, s, c, i)
		}
	}
	for _, r := range s {
		if r >= 0x80 && r <= 0x9f {
			t.Fatalf("Clean(%q) = %q: C1 control %U", in, s, r)
		}
		if isBidi(r) {
			t.Fatalf("Clean(%q) = %q: bidi control %U", in, s, r)
		}
	}
}

func isBidi(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
		r == 0x200e || r == 0x200f || r == 0x061c
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"", "plain", "\x1b[31mred\x1b[0m\a", "\x1b]8;;http://x\x1b\\t\x1b]8;;\x1b\\",
		"\x1b]52;c;SGVsbG8=\a", "a\u009b31mb", "a\x9b31mb", "\u202Eevil", "\x00\x7f",
		"inv\xff", "日本語😀", "a\r\nb\rc\td", "\x1bP\x1b\\", "\x1b", "\x1b[", "\x1b]",
	} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		c := Clean(s)
		checkSafe(t, s, c)
		if Clean(c) != c {
			t.Fatalf("Clean is not idempotent on %q: %q then %q", s, c, Clean(c))
		}
		width %= 200
		l := Line(s, width)
		checkSafe(t, s, l)
		if strings.Contains(l, "\n") {
			t.Fatalf("Line(%q, %d) = %q holds a newline", s, width, l)
		}
		if w := Width(l); w > max(width, 0) {
			t.Fatalf("Line(%q, %d) = %q is %d cells wide", s, width, l, w)
		}
		w := Wrap(s, width)
		checkSafe(t, s, w)
		for _, line := range strings.Split(w, "\n") {
			// A lone wide character cannot be split below two cells.
			if lw := Width(line); lw > max(width, 2) {
				t.Fatalf("Wrap(%q, %d) has line %q of %d cells", s, width, line, lw)
			}
		}
	})
}

var sink string

func BenchmarkClean(b *testing.B) {
	inputs := map[string]string{
		"plain": strings.Repeat("Jeg ber om innsyn i opplysningene dere har om meg.\n", 40),
		"mixed": strings.Repeat("Begjæring om \x1b[31minnsyn\x1b[0m\u202E – Bjørn\tÅsheim\r\n", 40),
	}
	for name, in := range inputs {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				sink = Clean(in)
			}
		})
	}
}

func BenchmarkLine(b *testing.B) {
	in := "Re: [PV-2026-0012] \x1b[1mBegjæring om innsyn\x1b[0m – personopplysninger i kundeklubben og nettbutikken"
	b.ReportAllocs()
	for b.Loop() {
		sink = Line(in, 40)
	}
}
