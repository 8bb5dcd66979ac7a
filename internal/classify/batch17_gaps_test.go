package classify_test

import "testing"

// The cases below were written for what held-out batch 17 missed: a
// German field named wrong in one sentence and the fix asked for in the
// next, ending a newsletter subscription ("avslutte nyhetsbrevet") rather
// than unsubscribing, and a vendor pitch that names access requests.

func TestGermanFieldThenFix(t *testing.T) {
	run(t, []tc{
		{"de: nummer falsch, korrigieren Sie sie", "", "Meine Telefonnummer in Ihrem Kundenclub ist falsch. Bitte korrigieren Sie sie auf 912 34 567.", "rectification", ""},
		{"de: adresse veraltet, ändern Sie das", "", "Meine Adresse bei Ihnen ist veraltet. Können Sie das bitte ändern? Neu: Hauptstraße 3, Berlin.", "rectification", ""},
		{"de: name falsch geschrieben", "", "Mein Nachname ist bei Ihnen falsch geschrieben, es heißt Meier mit ei. Bitte berichtigen Sie das.", "rectification", ""},
		{"de: email fehlerhaft", "", "Die E-Mail in meinem Profil ist fehlerhaft. Bitte aktualisieren Sie sie auf anna@example.de.", "rectification", ""},
		// An order or an invoice that is wrong is customer service.
		{"de: bestellung ändern", "", "Können Sie meine Bestellung bitte ändern? Ich möchte zwei statt drei Stück.", "none", ""},
		{"de: rechnung falsch", "", "Der Betrag auf meiner Rechnung ist falsch. Bitte korrigieren Sie das.", "none", ""},
		{"de: lieferadresse ändern", "", "Bitte ändern Sie die Lieferadresse für Bestellung 4411 auf meine Arbeitsadresse.", "none", ""},
	})
}

func TestEndSubscription(t *testing.T) {
	run(t, []tc{
		{"nb: bullet avslutte nyhetsbrevet", "", "Hei,\n\nJeg ønsker:\n• avslutte nyhetsbrevet\n\nMvh Trond", "objection_marketing", ""},
		{"nb: si opp nyhetsbrevet", "", "Jeg vil si opp nyhetsbrevet deres, takk.", "objection_marketing", ""},
		{"nn: avslutt nyheitsbrevet", "", "Ver venleg og avslutt nyheitsbrevet mitt.", "objection_marketing", ""},
		{"en: cancel the newsletter", "", "Please cancel my newsletter subscription.", "objection_marketing", ""},
		{"da: opsig nyhedsbrevet", "", "Jeg vil gerne opsige jeres nyhedsbrev.", "objection_marketing", ""},
		{"de: Newsletter kündigen", "", "Ich möchte den Newsletter kündigen.", "objection_marketing", ""},
		{"sv: avsluta nyhetsbrevet", "", "Jag vill avsluta ert nyhetsbrev.", "objection_marketing", ""},
		// Ending an order, a membership or a contract is no unsubscription.
		{"nb: avslutte bestillingen", "", "Kan dere avslutte bestillingen min? Jeg fant varen billigere et annet sted.", "none", ""},
		{"en: cancel order", "", "Please cancel my order 12345, I no longer need the fridge.", "none", ""},
		{"nb: sign-up not ending", "", "Hei! Jeg vil gjerne melde meg på nyhetsbrevet deres.", "none", ""},
	})
}

func TestPitchNamingRequests(t *testing.T) {
	run(t, []tc{
		{"en: helps retailers handle access requests", "GDPR compliance made easy", "Hi Magnet team,\n\nI'm reaching out from DataGuard. Our GDPR compliance platform helps retailers handle data subject access requests 70% faster. Would you be open to a 15 min call next week?\n\nBest,\nMark", "none", ""},
		{"nb: hjelper butikker med innsynskrav", "", "Hei! Vi hjelper butikker med å svare på innsynskrav og slettekrav. Er dere interessert i et kort møte på 20 min?", "none", ""},
		{"de: hilft Händlern", "", "Guten Tag, unsere Software hilft Händlern, Auskunftsersuchen schneller zu bearbeiten. Hätten Sie Interesse an einem 15 Min Gespräch?", "none", ""},
		// A customer who mentions a call still asks.
		{"en: customer open to call", "", "Please send me a copy of all data you hold about me. I'm also open to a call if that is easier.", "access", ""},
		{"nb: kunde, 10 min", "", "Jeg brukte 10 min i telefonkø i går. Slett kontoen min og alle opplysninger om meg.", "erasure", ""},
	})
}
