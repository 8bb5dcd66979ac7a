package ui

import (
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// The inbox filters the previous matches when a query grows, and pops back
// to a kept level on backspace. Whatever is typed, that must give exactly
// what a scan of every row gives.
func TestIncrementalFilterEqualsFullScan(t *testing.T) {
	dr := newDriver(t, Options{Desk: demoDesk(t)}, 100, 30)
	in := dr.m.inbox
	dr.keys("/")
	alphabet := []rune("aeilnorstkmøå .-@0P")
	rapid.Check(t, func(rt *rapid.T) {
		steps := rapid.SliceOfN(rapid.IntRange(-1, len(alphabet)-1), 1, 30).Draw(rt, "keys")
		for _, k := range steps {
			if k < 0 {
				dr.keys("backspace")
			} else {
				dr.typeText(string(alphabet[k]))
			}
			all := make([]int32, len(in.rows))
			for i := range all {
				all[i] = int32(i)
			}
			want := all
			if terms := compileQuery(in.query, dr.m.c.T); len(terms) > 0 {
				want = in.ix.filter(nil, terms)
			}
			got := in.levels[len(in.levels)-1].idx
			if got == nil {
				got = all
			}
			if !slices.Equal(got, want) {
				rt.Fatalf("query %q: incremental %v, full scan %v", in.query, got, want)
			}
		}
		dr.keys("esc", "/")
	})
}

func TestWordMatches(t *testing.T) {
	for _, tc := range []struct {
		hay, word string
		want      bool
	}{
		{"ola nordmann", "nordm", true},
		{"ola nordmann", "nrdmn", true},  // letters in order, one word
		{"ola nordmann", "ordmn", false}, // fuzzy matches start a word
		{"ola nordmann", "olno", false},  // not across words
		{"ola nordmann", "a nor", true},  // a plain substring may cross
		{"sletting", "slt", true},
		{"pv-2026-0042", "pv-2026", true},
		{"", "x", false},
		{"x", "", true},
	} {
		if got := wordMatches([]byte(tc.hay), []byte(tc.word)); got != tc.want {
			t.Errorf("wordMatches(%q, %q) = %v", tc.hay, tc.word, got)
		}
	}
	if got := string(appendFolded(nil, "Bjørn ÅSHEIM Müller Ærlig Straße\x1b")); got != "bjorn asheim muller aerlig strasse " {
		t.Errorf("folded: %q", got)
	}
}
