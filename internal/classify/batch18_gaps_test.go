package classify_test

import "testing"

// The cases below were written for what held-out batch 18 missed:
// profiling stopped in the customer's words ("slutt å lage profiler av
// meg"), for marketing when offers share the clause; use held off while
// the data is checked, said without "ikke" ("la være å bruke", "refrain
// from using") or with the check in the present tense ("mens dere
// sjekker det"); and an earlier complaint that a field is wrong, which
// is the context of a restriction, not a new correction.

func TestStopProfiling(t *testing.T) {
	run(t, []tc{
		{"nb: slutt å lage profiler, tilbud", "", "Slutt å lage profiler av meg basert på kjøpene mine for å sende meg skreddersydde tilbud.", "objection_marketing", ""},
		{"nb: slutt å profilere meg, reklame", "", "Dere må slutte å profilere meg for reklame.", "objection_marketing", ""},
		{"en: stop profiling me for ads", "", "Please stop profiling me for targeted ads.", "objection_marketing", ""},
		{"sv: sluta profilera mig, reklam", "", "Sluta profilera mig för reklam.", "objection_marketing", ""},
		{"nb: slutt å lage profiler, no marketing", "", "Slutt å lage profiler av meg ut fra handlehistorikken.", "objection", ""},
		{"nn: slutt å profilere meg", "", "Eg vil at de sluttar å profilere meg.", "objection", ""},
		// A profile of one's own is no profiling.
		{"nb: profilen min er feil stavet", "", "Hei, jeg fikk ikke logget inn på profilen min i går. Hvordan tilbakestiller jeg passordet?", "none", ""},
		{"en: stop sending to old profile email", "", "How do I change the picture on my profile?", "none", ""},
	})
}

func TestHoldOffWhileChecked(t *testing.T) {
	run(t, []tc{
		{"nb: la være å bruke mens dere sjekker", "", "Kan dere la være å bruke opplysningene mine mens dere sjekker det?", "restriction", ""},
		{"nb: ikke bruk mens dere undersøker", "", "Ikke bruk opplysningene mine mens dere undersøker saken.", "restriction", ""},
		{"nn: lat vere å bruke medan de kontrollerer", "", "Ver snill og lat vere å bruke opplysningane mine medan de kontrollerer dei.", "restriction", ""},
		{"en: don't use while you check", "", "Please don't use my data while you check it.", "restriction", ""},
		{"en: refrain from using until", "", "Please refrain from using my details until you have looked into my dispute.", "restriction", ""},
		{"nb: klaget på feil, la være å bruke", "", "Jeg har klaget på at telefonnummeret mitt er feil. Kan dere la være å bruke opplysningene mine mens dere sjekker det?", "restriction", ""},
		// An order checked, a card not charged, is customer service.
		{"nb: ikke bruk kortet mens dere sjekker ordren", "", "Ikke bruk kortet mitt mens dere sjekker ordren.", "none", ""},
		{"en: don't send parcel while you check", "", "Please don't send the parcel while you check the address.", "none", ""},
		{"en: hold off charging while you check the order", "", "Please hold off using my card while you check the order.", "none", ""},
		// A field called wrong now still asks for a fix.
		{"nb: klager, adressen er feil, rett", "", "Jeg klager på at adressen min er feil. Rett den til Storgata 5.", "rectification,complaint", ""},
	})
}
