package classify_test

import "testing"

// TestVariedStyles holds messages phrased the way different people write:
// terse, rambling, formal, without æøå, with typos, on behalf of others.
// They were written for this test, not taken from the dev corpus.
func TestVariedStyles(t *testing.T) {
	run(t, []tc{
		// access
		{"access: kunne dere sendt", "", "Hei! Kunne dere sendt meg all informasjon dere har om meg? Tenker på kjøpshistorikk, kundeklubb og sånt.", "access", "nb"},
		{"access: krever innsyn", "", "Jeg krever innsyn etter personopplysningsloven.", "access", "nb"},
		{"access: hva slags", "", "Hva slags personopplysninger lagrer dere om meg? Ønsker en fullstendig oversikt.", "access", "nb"},
		{"access: formal en", "", "I would like to know what personal data you are processing about me and receive a copy of it.", "access", "en"},
		{"access: entitled to see", "", "Under GDPR I'm entitled to see the data you have on me. Please send it over.", "access", "en"},
		{"access: nn sjå", "", "Kan eg få sjå kva de har lagra om meg?", "access", "nn"},
		{"access: provide all information", "", "Please provide me with all information you store about me.", "access", "en"},
		{"access: sv", "", "Vilka uppgifter har ni om mig? Skicka gärna ett registerutdrag.", "access", "sv"},
		{"access: da", "", "Jeg vil gerne se, hvilke oplysninger I har registreret om mig.", "access", "da"},
		{"access: de", "", "Welche Daten haben Sie über mich gespeichert? Bitte senden Sie mir eine Kopie.", "access", "de"},
		{"access: no æøå", "innsyn", "hei, onsker innsyn i det dere har lagret pa meg. mvh", "access", "nb"},

		// erasure
		{"erasure: registrene", "", "Vil ikke lenger stå i registrene deres. Fjern alt.", "erasure", "nb"},
		{"erasure: brukeren min", "", "Kan dere slette brukeren min? Brukernavn: olanor", "erasure", "nb"},
		{"erasure: data fjernet", "", "Ønsker å avslutte medlemskapet og at alle data om meg blir fjernet.", "erasure", "nb"},
		{"erasure: remove database", "", "Please remove all my personal information from your database.", "erasure", "en"},
		{"erasure: wipe", "", "Close my account and wipe my data.", "erasure", "en"},
		{"erasure: get rid", "", "I no longer want you to hold any of my details. Get rid of them.", "erasure", "en"},
		{"erasure: nn sletta", "", "Eg vil ha sletta kontoen min.", "erasure", "nn"},
		{"erasure: sv ta bort", "", "Ta bort mina uppgifter ur era system.", "erasure", "sv"},
		{"erasure: da", "", "Slet venligst min profil og mine oplysninger.", "erasure", "da"},
		{"erasure: de", "", "Ich möchte, dass Sie meine Daten löschen.", "erasure", "de"},
		{"erasure: angry", "SLETT", "Jeg er lei av dere. Slett meg!!!", "erasure", "nb"},
		{"erasure: typo slet", "", "slet meg fra systemet deres takk", "erasure", ""},

		// rectification
		{"rect: name spelled", "", "Dere har skrevet navnet mitt feil på kundekortet, det er Kjersti med j.", "rectification", "nb"},
		{"rect: new phone", "", "Har fått nytt telefonnummer: 98765432. Vennligst oppdater.", "rectification", "nb"},
		{"rect: old address", "", "Postadressen dere har på meg er gammel, jeg bor nå i Sortland. Kan dere endre den?", "rectification", "nb"},
		{"rect: dob wrong", "", "My date of birth in your system is wrong. It's 3 May 1990.", "rectification", "en"},
		{"rect: update address", "", "Please update my address to 12 High Street, Bodø.", "rectification", "en"},
		{"rect: nn", "", "Adressa mi er endra. Ny adresse er Fjellvegen 2, 9402 Harstad.", "rectification", ""},
		{"rect: sv", "", "Mitt efternamn är felstavat i ert system, det ska vara Lindqvist. Kan ni rätta det?", "rectification", "sv"},
		{"rect: de", "", "Bitte berichtigen Sie meine Adresse, sie ist falsch.", "rectification", "de"},

		// restriction
		{"restr: dispute, don't use", "", "Jeg bestrider at opplysningene stemmer. Inntil dette er avklart ber jeg om at dere ikke bruker dem.", "restriction", "nb"},
		{"restr: don't delete for warranty dispute", "", "Please don't delete my order history yet, I need it as evidence in a warranty dispute with the manufacturer.", "restriction", "en"},
		{"restr: nn bevis", "", "Ikkje slett opptaka frå 12. mai. Eg treng dei som bevis i ei rettssak.", "restriction", "nn"},
		{"restr: request restrict", "", "I request that you restrict processing of my personal data.", "restriction", "en"},
		{"restr: sv", "", "Jag begär begränsning av behandlingen av mina uppgifter tills saken är utredd.", "restriction", "sv"},

		// portability
		{"port: file for other app", "", "Kan jeg få kjøpshistorikken min som en fil jeg kan laste opp i en annen app?", "portability", "nb"},
		{"port: right", "", "I'd like to exercise my right to data portability.", "portability", "en"},
		{"port: transfer to shop", "", "Vennligst overfør dataene mine direkte til Elkjøp.", "portability", "nb"},
		{"port: csv", "", "Please send me my purchase data in CSV format.", "portability", "en"},

		// objection_marketing
		{"mkt: don't call", "", "Ikke ring meg mer med tilbud!", "objection_marketing", "nb"},
		{"mkt: stop sms", "STOPP", "Stopp alle SMS-er fra dere.", "objection_marketing", "nb"},
		{"mkt: newsletter anymore", "", "I don't want to receive your newsletter anymore.", "objection_marketing", "en"},
		{"mkt: stop promotional", "", "Please stop sending me promotional emails.", "objection_marketing", "en"},
		{"mkt: telefonsalg", "Reservasjon mot telefonsalg", "Ikke kontakt meg for salg på telefon.", "objection_marketing", "nb"},
		{"mkt: ta meg av lista", "", "Ta meg av e-postlisten deres.", "objection_marketing", "nb"},
		{"mkt: nn", "", "Ikkje send meg meir reklame.", "objection_marketing", "nn"},
		{"mkt: sv", "", "Jag vill inte ha fler utskick från er. Avsluta mitt nyhetsbrev.", "objection_marketing", "sv"},
		{"mkt: de", "", "Bitte keine Werbung mehr an diese Adresse.", "objection_marketing", "de"},
		{"mkt: use for marketing", "", "Jeg vil ikke at dere bruker dataene mine til markedsføring.", "objection_marketing", "nb"},

		// objection
		{"obj: motsetter", "", "Jeg motsetter meg at dere bruker kjøpsdataene mine til analyser.", "objection", "nb"},
		{"obj: wifi", "", "I object to being tracked by your in-store wifi sensors.", "objection", "en"},
		{"obj: stop analysing", "", "Stop analysing my purchase history, I never agreed to it.", "objection", "en"},
		{"obj: nn", "", "Eg protesterer mot at de brukar kjøpshistorikken min til statistikk.", "objection", "nn"},

		// withdraw_consent
		{"wc: trekke tilbake", "", "Jeg ønsker å trekke tilbake samtykket mitt.", "withdraw_consent", "nb"},
		{"wc: angrer", "", "Jeg angrer samtykket til at dere lagrer kortet mitt.", "withdraw_consent", "nb"},
		{"wc: no longer consent", "", "I no longer consent to you using my photo.", "withdraw_consent", "en"},
		{"wc: revoke", "", "I hereby revoke my consent to location tracking in the app.", "withdraw_consent", "en"},
		{"wc: tar tilbake", "", "Jeg tar tilbake samtykket til informasjonskapsler.", "withdraw_consent", "nb"},

		// information
		{"info: who has access", "", "Hvem har tilgang til opplysningene om kundene i Magnet Pluss?", "information", "nb"},
		{"info: sell on", "", "Selger dere kundeinformasjon videre til andre selskaper?", "information", "nb"},
		{"info: legal basis", "", "What is your legal basis for processing my data?", "information", "en"},
		{"info: how protect", "", "Hvordan beskytter dere personopplysningene mine?", "information", "nb"},
		{"info: where stored", "", "Where is my data stored - in Norway or abroad?", "information", "en"},

		// automated_decision
		{"auto: machine decided", "", "Hvorfor fikk jeg nei på kreditt? Det virker som en maskin som bestemte. Jeg vil ha en manuell vurdering.", "automated_decision", "nb"},
		{"auto: someone look", "", "Your system rejected my application automatically. I want someone to look at it again.", "automated_decision", "en"},
		{"auto: contest", "", "I want to contest the automated decision to refuse my credit.", "automated_decision", "en"},

		// complaint
		{"complaint: misfornøyd", "", "Jeg er svært misfornøyd med hvordan dere har behandlet saken min om sletting, og vil klage.", "complaint", "nb"},
		{"complaint: formal", "", "This is a formal complaint regarding your handling of my access request.", "complaint", "en"},
		{"complaint: melde til datatilsynet", "", "Jeg kommer til å melde dere til Datatilsynet for brudd på personvernet.", "complaint", "nb"},

		// none
		{"none: påske", "", "Har dere åpent i påsken?", "none", "nb"},
		{"none: return", "", "Kan jeg returnere en vare uten kvittering?", "none", "nb"},
		{"none: password", "", "Hei, jeg har glemt passordet til Min side. Hvordan får jeg nytt?", "none", "nb"},
		{"none: sponsor", "", "Vi i Harstad IL ønsker å høre om dere vil sponse draktene våre.", "none", "nb"},
		{"none: join club", "", "Hvordan melder jeg meg inn i Magnet Pluss?", "none", "nb"},
		{"none: thanks shop", "", "Takk for god hjelp i butikken i dag!", "none", "nb"},
		{"none: cart", "", "Jeg prøver å slette en vare fra handlekurven, men knappen virker ikke.", "none", "nb"},
		{"none: job", "", "Jeg ønsker å søke jobb hos dere, har dere ledige stillinger?", "none", "nb"},
		{"none: wants newsletter", "", "Jeg vil gjerne få nyhetsbrevet deres.", "none", "nb"},
		{"none: delivery en", "", "When will my order 10023 be delivered? It has been two weeks.", "none", "en"},
		{"none: gdpr audit spam", "", "Dear business owner, is your company GDPR compliant? Our consultants offer a free GDPR audit. Book a call today!", "none", "en"},

		// negation
		{"neg: not delete, want copy", "", "Jeg ønsker ikke å slette kontoen, men jeg vil ha en kopi av dataene.", "access", "nb"},
		{"neg: keep account, fix name", "", "Please do not close or delete my account. Just correct my surname to Hansen.", "rectification", "en"},
	})
}

// TestMachineAndBulk holds bounces, auto-replies and newsletters that
// arrive without the headers that mark them.
func TestMachineAndBulk(t *testing.T) {
	run(t, []tc{
		{"other shop newsletter", "Black Friday starter NÅ", "BLACK FRIDAY!\n\nOpptil 50 % på alt av kjøkkenutstyr. Handle nå på example.no!\nGratis frakt over 499,-\n\nAvmeld deg her | Vis i nettleser", "none", ""},
		{"en newsletter", "Our biggest sale of the year", "Shop now and save up to 40%. Limited time offer!\nFree shipping on all orders.\n\nUnsubscribe | Manage preferences", "none", ""},
		{"nb bounce subject", "Kan ikke leveres: [PV-2026-0400] Svar på henvendelsen", "Meldingen kunne ikke leveres til mottakeren.", "none", ""},
	})
}

// TestSubjectAndBody: the subject counts, but the body decides when they
// disagree.
func TestSubjectAndBody(t *testing.T) {
	run(t, []tc{
		{"subject innsyn, body unsubscribe", "Innsyn", "Hei, jeg vil bare melde meg av nyhetsbrevet. Takk!", "objection_marketing", ""},
		{"subject only", "Slett meg", "", "erasure", ""},
		{"subject only, signature body", "Unsubscribe", "Sent from my iPhone", "objection_marketing", ""},
		{"subject request, body thanks reply", "Re: Slett meg", "Takk for svaret!", "none", ""},
		{"subject and body agree", "Innsyn og sletting", "Jeg ber om innsyn, og deretter sletting av alle opplysninger om meg.", "access,erasure", ""},
	})
}

// TestReportedNotRequested: what a notice said, or what the sender saw, is
// not what the sender asks for.
func TestReportedNotRequested(t *testing.T) {
	run(t, []tc{
		{"saw plan, wants keep", "", "Jeg ser at dere skal slette servicehistorikken min neste uke. Vent med det, jeg trenger den som bevis i en tvist.", "restriction", ""},
		{"so-clause is not a notice", "", "Jeg flytter til Spania, så jeg vil at dere sletter alt om meg.", "erasure", ""},
		{"saw ads, then delete", "", "Jeg ser at dere fortsatt sender meg reklame, slett meg nå.", "erasure", ""},
		{"told it would be deleted", "", "You told me that my data would be deleted after a year. Has that happened?", "none", ""},
	})
}

// TestProfiling: profiling for marketing is objected to by saying no to it;
// asking whether it happens is a question.
func TestProfiling(t *testing.T) {
	run(t, []tc{
		{"no profiling for ads", "", "I don't want any profiling of me for advertising.", "objection_marketing", ""},
		{"question about profiling", "", "Do you use profiling for advertising? What data do you collect for it?", "information", ""},
		{"nb ikke profilering", "", "Jeg vil ikke at dere profilerer meg for reklameformål.", "objection_marketing", ""},
	})
}
