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

		// "på meg" for "om meg" after a question about what is held (m01).
		{"nb: hva har dere registrert på meg", "", "Hva har dere egentlig registrert på meg? Send meg det på e-post.", "access", ""},
		{"nn: kva har de på meg", "", "Kva har de eigentleg på meg?", "access", ""},
		{"nb: lagret på sønnen min", "", "Hva slags opplysninger har dere lagret på sønnen min?", "access", ""},
		{"da: hvad har I registreret på mig", "", "Hvad har I egentlig registreret på mig?", "access", ""},
		{"sv: vad har ni registrerat på mig", "", "Vad har ni registrerat på mig?", "access", ""},
		{"nb: på lager", "", "Hva har dere på lager av vaskemaskiner?", "none", ""},
		{"nb: registrert på ordren", "", "Hva har dere registrert på ordren min? Den har ikke kommet.", "none", ""},
		{"nb: poeng på meg", "", "Hva har dere lagret på meg av poeng i Magnet Pluss?", "none", ""},
		{"da: på min ordre", "", "Hvad har I registreret på min ordre?", "none", ""},
		{"sv: erbjudanden på mig", "", "Vad har ni för erbjudanden på mig som medlem?", "none", ""},

		// German: data about a relative one writes for, "was ... über mich
		// gespeichert", "eine Kopie davon" (m44).
		{"de: Daten über meine Mutter", "", "Bitte teilen Sie mir mit, ob Sie Daten über meine Mutter gespeichert haben, und schicken Sie mir gegebenenfalls eine Kopie davon.", "access", ""},
		{"de: was über mich gespeichert", "", "Was haben Sie eigentlich über mich gespeichert?", "access", ""},
		{"de: welche Daten über meinen Sohn", "", "Welche Daten haben Sie über meinen Sohn gespeichert?", "access", ""},
		{"de: Kopie davon", "", "Haben Sie Daten über meinen Vater? Bitte senden Sie mir eine Kopie davon.", "access", ""},
		{"de: Kopie davon, Rechnung", "", "Bitte schicken Sie mir eine Kopie davon, ich habe die Rechnung verloren.", "none", ""},
		{"de: über meine Bestellung", "", "Haben Sie Informationen über meine Bestellung? Sie ist nicht gekommen.", "none", ""},
		{"de: was über den Kühlschrank", "", "Was haben Sie über den Kühlschrank gespeichert, ist die Garantie registriert?", "none", ""},
		{"de: wie lange über meinen Sohn", "", "Wie lange speichern Sie Daten über meinen Sohn?", "information", ""},
	})
}
