package classify_test

import "testing"

// What the pass over held-out batch 27 covers, in phrasings of our own,
// with near misses on both sides that must stay as they are.
func TestBatch27Gaps(t *testing.T) {
	run(t, []tc{
		// Danish "I må gerne slette" allows a deletion later, as bokmål
		// "dere må gjerne slette"; without "gerne" it demands one.
		{"da: må gerne slette når", "", "I må gerne slette mine oplysninger, når garantien udløber i 2028.", "none", ""},
		{"da: må gerne slette kontoen når", "", "I må gerne slette min konto, når ordren er leveret.", "none", ""},
		{"da: må slette nu", "", "I må slette mine oplysninger nu.", "erasure", ""},
		{"da: må gerne slette, no later", "", "I må gerne slette mine oplysninger.", "erasure", ""},
	})
}
