package classify_test

import "testing"

// What the pass over held-out batch 28 covers, in phrasings of our own,
// with near misses on both sides that must stay as they are.
func TestBatch28Gaps(t *testing.T) {
	run(t, []tc{
		// A full stop after a word that only folds to an abbreviation
		// ("noe." to "no", "blå." to "bla") ends its sentence, so a
		// negation before it does not reach the request after it (n35).
		{"nb: aldri meldt meg på noe. ta meg av", "", "har aldri meldt meg på noe. ta meg av lista", "objection_marketing", ""},
		{"nb: ikke bedt om noe. Fjern meg fra", "", "Jeg har ikke bedt om noe. Fjern meg fra nyhetsbrevet.", "objection_marketing", ""},
		{"nb: ikke gjort noe. Slett kontoen", "", "Eg har ikkje gjort noe. Slett kontoen min.", "erasure", ""},
		{"nb: ikke ha noe. Ikke slett", "", "Jeg vil ikke ha noe. Ikke slett kontoen min.", "none", ""},
		{"nb: noe, slett den ikke", "", "Jeg vil ikke at dere gjør noe, slett den ikke", "none", ""},
		{"nb: ikke send meg noe. meld meg av", "", "ikke send meg noe. meld meg av nyhetsbrevet", "objection_marketing", ""},
		{"nb: trenger ikke kopi av noe. vil vite", "", "Jeg trenger ikke kopi av noe. Jeg vil bare vite hvor lenge dere lagrer kortnummeret.", "information", ""},
	})
}
