package classify_test

import "testing"

// Restriction asked in plain words: use held off until something is
// settled, and data kept because the sender needs it for a claim, in
// phrasings of our own, with near misses that must stay as they are.
func TestRestrictionGaps(t *testing.T) {
	run(t, []tc{
		// Use held off until a check ends.
		{"nb: ikke bruk før avklart, bevis", "", "Ikke bruk opptakene av meg før saken er avklart, jeg trenger dem som bevis.", "restriction", ""},
		{"nb: ikke bruk inntil avklart", "", "Ikke bruk opptakene av meg inntil saken er avklart.", "restriction", ""},
		{"nb: ber dere ikke bruke til avgjort", "", "Jeg ber dere om ikke å bruke bildene av meg fra butikken til klagen min er avgjort.", "restriction", ""},
		{"nn: ikkje bruk før avklara", "", "Ikkje bruk opptaka av meg før saka er avklara.", "restriction", ""},
		{"sv: använd inte förrän utrett", "", "Använd inte inspelningarna av mig förrän ärendet är utrett.", "restriction", ""},
		{"da: brug ikke før afklaret", "", "Brug ikke optagelserne af mig, før sagen er afklaret.", "restriction", ""},
		{"de: nicht verwenden bis geklärt", "", "Bitte verwenden Sie die Aufnahmen von mir nicht, bis der Fall geklärt ist.", "restriction", ""},
		{"en: don't use until settled", "", "Please don't use the recordings of me until the matter is settled.", "restriction", ""},

		// Data kept at the sender's request for a claim.
		{"nb: ta vare på videoopptaket, bevis", "", "Jeg ber dere ta vare på videoopptaket fra 14. mars, jeg trenger det som bevis.", "restriction", ""},
		{"nb: dere må bevare loggene, tvist", "", "Dere må bevare loggene fra kundeappen for januar. Jeg har en tvist med banken om et kjøp.", "restriction", ""},
		{"nn: ta vare på kvitteringane, forsikringssak", "", "Kan de ta vare på kvitteringane mine frå i fjor? Eg treng dei i ei forsikringssak.", "restriction", ""},
		{"sv: spara inspelningen, bevis", "", "Snälla spara inspelningen från kassan den 3 maj, jag behöver den som bevis i en tvist.", "restriction", ""},
		{"da: gem optagelsen, retssag", "", "Gem venligst videoen fra butikken den 2. juni. Jeg skal bruge den i en retssag.", "restriction", ""},
		{"de: Aufnahme aufbewahren, Beweis", "", "Können Sie die Videoaufnahme aus der Filiale aufbewahren? Ich brauche sie als Beweis.", "restriction", ""},
		{"de: bewahren Sie auf, Versicherung", "", "Bitte bewahren Sie die Aufnahmen vom Parkplatz auf, meine Versicherung braucht sie für den Schadensfall.", "restriction", ""},
		{"de: ich werde aufbewahren", "", "Ich werde die Quittung als Beweis für die Versicherung aufbewahren.", "none", ""},
		{"en: keep the footage for my claim", "", "Please keep the CCTV footage from March 14, I need it for my claim.", "restriction", ""},
		{"en: preserve the chat logs, court", "", "Could you preserve the chat logs with your support team? My lawyer needs them for a court case.", "restriction", ""},

		// Near misses: one's own keeping, other "keep"s, questions on how
		// long data is kept, other rights.
		{"nb: jeg tar vare på kvitteringen", "", "jeg tar vare på kvitteringen som bevis for garantien", "none", ""},
		{"en: keep me updated", "", "keep me updated on my order", "none", ""},
		{"en: keep my account, change address", "", "please keep my account, just change my address", "rectification", ""},
		{"nb: slett opptakene", "", "slett opptakene", "erasure", ""},
		// A copy of nothing named; what it is today (none), not a restriction.
		{"nb: ikke slett, bare kopi", "", "ikke slett noe, jeg vil bare ha en kopi", "none", ""},
		{"en: keep up the good work", "", "keep up the good work", "none", ""},
		{"en: receipt copy for insurance", "", "I need the receipt for my insurance claim, can you send a copy?", "none", ""},
		{"en: how long do you keep the footage", "", "How long do you keep the footage from the shop cameras, and on what legal basis? I may need it for an insurance claim.", "information", ""},
		{"nb: hvor lenge tar dere vare på opptak", "", "Hvor lenge tar dere vare på videoopptak? Jeg lurer på om det kan brukes som bevis.", "information", ""},
		{"en: I'll keep the receipts", "", "I'll keep the receipts as proof for my insurance claim.", "none", ""},
		{"sv: jag sparar kvittot", "", "Jag sparar kvittot som bevis för garantin.", "none", ""},
		{"nb: vil ikke bruke maskinen før", "", "Jeg vil ikke bruke vaskemaskinen før reklamasjonen er avklart.", "none", ""},

		// Restriction beside another right keeps both.
		{"nb: protest og ikke bruk før avklart", "", "Jeg protesterer mot at dere bruker kjøpshistorikken min til analyse basert på berettiget interesse. Ikke bruk opptakene av meg før saken er avklart.", "restriction,objection", ""},
		{"en: wrong address and keep logs", "", "My address in your records is wrong, please correct it to Storgata 5. Please keep the delivery logs from May, I need them as evidence for my insurance claim.", "rectification,restriction", ""},
	})
}
