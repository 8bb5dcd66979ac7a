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

// Probes around batch 18: being filmed or tracked refused in so many
// words, a reservation against a processing, the computer that said no
// and the question how a credit decision was made, and "don't delete
// before the dispute is settled" where "før" folds to "for".
func TestNotBeWatched(t *testing.T) {
	run(t, []tc{
		{"nb: vil ikke bli filmet", "", "Jeg vil ikke bli filmet i butikken.", "objection", ""},
		{"nn: vil ikkje bli overvaka", "", "Eg vil ikkje bli overvaka av kameraa dykkar.", "objection", ""},
		{"en: don't want to be filmed", "", "I don't want to be filmed when I shop.", "objection", ""},
		{"en: not be tracked for ads", "", "I do not want to be tracked for ads.", "objection_marketing", ""},
		// Told, not asked.
		{"nb: ble ikke filmet", "", "Jeg ble ikke filmet, sa vekteren.", "none", ""},
		{"nb: kameraet filmet ikke", "", "Kameraet filmet ikke tyven.", "none", ""},
	})
}

func TestReservationAgainstProcessing(t *testing.T) {
	run(t, []tc{
		{"nb: reserverer meg mot tilpassede tilbud", "", "Jeg reserverer meg mot at dere bruker kjøpshistorikken min til å tilpasse tilbud til meg.", "objection_marketing", ""},
		{"nb: reserverer meg mot analyse", "", "Jeg reserverer meg mot at dere analyserer kjøpene mine.", "objection", ""},
		{"nn: reserverar meg mot kamera", "", "Eg reserverar meg mot at de filmar meg i butikken.", "objection", ""},
		// Asking how is a question.
		{"nb: kan jeg reservere meg", "", "Kan jeg reservere meg mot kameraene?", "none", ""},
	})
}

func TestCreditDecisionHow(t *testing.T) {
	run(t, []tc{
		{"en: computer said no, human", "", "The computer said no to my credit application. Can a human look at it?", "automated_decision", ""},
		{"nb: hvordan avgjørelsen ble tatt", "", "Hvorfor fikk jeg avslag på kreditt? Jeg vil vite hvordan avgjørelsen ble tatt.", "automated_decision", ""},
		{"en: how the decision was made, invoice", "", "Why was my invoice payment refused? I'd like to know how the decision was made.", "automated_decision", ""},
		// No credit, no credit decision.
		{"en: computer says no connection", "", "My computer says no connection. Can someone look at it?", "none", ""},
		{"nb: bestilling avvist", "", "Hvorfor ble bestillingen min avvist?", "none", ""},
		{"nb: betale med faktura", "", "Hvordan kan jeg betale med faktura?", "none", ""},
	})
}

func TestNoDeleteBeforeSettled(t *testing.T) {
	run(t, []tc{
		{"nb: ikke slette før tvisten er avgjort", "", "Dere må ikke slette noe før tvisten med dere er avgjort.", "restriction", ""},
		{"nb: ikke slett bildene før klagesaken", "", "Ikke slett bildene før klagesaken er behandlet.", "restriction", ""},
		{"nn: ikkje slett før kravet er avklart", "", "Ikkje slett opptaka før kravet mitt mot forsikringa er avklart.", "restriction", ""},
		// An order to finish first is no legal claim.
		{"nb: ikke slett før ordren er ferdig", "", "Ikke slett kontoen før ordren er ferdig.", "none", ""},
	})
}

// Probes on the same pairs: tracking or profiling of the person stopped
// by its verb, and dissatisfaction with an answer next to a threat to go
// to Datatilsynet.
func TestStopWatchingMe(t *testing.T) {
	run(t, []tc{
		{"nb: slutt å spore meg", "", "Slutt å spore meg på nettsiden.", "objection", ""},
		{"en: stop tracking me", "", "Stop tracking me on your website.", "objection", ""},
		{"en: stop tracking me for ads", "", "Stop tracking me to show me ads.", "objection_marketing", ""},
		{"nb: ikke lag kundeprofil for reklame", "", "Dere må ikke lage kundeprofil på meg for reklame.", "objection_marketing", ""},
		{"nb: ikke lag profil på meg", "", "Ikke lag profil på meg.", "objection", ""},
		{"en: don't build a profile of me", "", "Please don't build a profile of me.", "objection", ""},
		// A parcel tracked, a profile in the app, are no processing of the person.
		{"nb: slutte å spore pakken", "", "Kan dere slutte å spore pakken min? Den er allerede levert.", "none", ""},
		{"en: stop tracking my parcel", "", "Please stop tracking my parcel notifications, it arrived.", "none", ""},
		{"nb: klarte ikke å lage profil", "", "Jeg klarte ikke å lage profil i appen. Hjelp?", "none", ""},
		{"en: couldn't create a profile", "", "I couldn't create a profile on your site, error 500.", "none", ""},
	})
}

func TestUnhappyAnswerDPA(t *testing.T) {
	run(t, []tc{
		{"nb: misfornøyd, vurderer Datatilsynet", "", "Jeg er misfornøyd med svaret på innsynsbegjæringen min og vurderer å gå til Datatilsynet.", "complaint", ""},
		{"en: unhappy, thinking of reporting", "", "I'm unhappy with your answer to my deletion request and I'm thinking of reporting you to Datatilsynet.", "complaint", ""},
		// Goods and delivery, or a shop's own question to the authority.
		{"nb: misfornøyd med svaret om vaskemaskinen", "", "Jeg er misfornøyd med svaret fra kundeservice om vaskemaskinen.", "none", ""},
		{"en: unhappy with delivery", "", "I'm unhappy with the way the delivery was handled.", "none", ""},
		{"nb: kontakte Datatilsynet om veiledning", "", "Vi vurderer å kontakte Datatilsynet om en veiledning for vår egen butikk.", "none", ""},
	})
}

// A person asked to look at a credit decision, in the Nordic languages
// and German: the check itself named, or a refused credit beside it.
func TestHumanLooksAtCredit(t *testing.T) {
	run(t, []tc{
		{"nb: menneske ser på kredittsjekken", "", "Jeg vil at et menneske ser på kredittsjekken.", "automated_decision", ""},
		{"de: Mensch überprüft Entscheidung", "", "Ich möchte, dass ein Mensch die automatische Entscheidung über meinen Ratenkauf überprüft.", "automated_decision", ""},
		{"sv: människa granskar avslag", "", "Jag vill att en människa granskar beslutet om avslag på fakturaköp.", "automated_decision", ""},
		{"da: medarbejder ser på afslag", "", "Jeg vil gerne have, at en medarbejder ser på mit afslag på kredit.", "automated_decision", ""},
		// A person looking at a return or an order is customer service.
		{"nb: person ser på reklamasjonen", "", "Kan en person se på reklamasjonen min?", "none", ""},
		{"de: Mitarbeiter prüft Bestellung", "", "Kann ein Mitarbeiter meine Bestellung prüfen?", "none", ""},
	})
}

// Swedish and Danish on the same pairs: tracking stopped, "what do you do
// with my data" as a question about processing, and "slet ikke" kept for
// a court case.
func TestNordicPairs18(t *testing.T) {
	run(t, []tc{
		{"sv: sluta spåra mig", "", "Sluta spåra mig på er webbplats.", "objection", ""},
		{"sv: vad gör ni med mina uppgifter", "", "Vad gör ni med mina uppgifter?", "information", ""},
		{"da: hvad bruger I mine oplysninger til", "", "Hvad bruger I mine oplysninger til?", "information", ""},
		{"da: hvad gør I med mine oplysninger", "", "Hvad gør I med mine oplysninger?", "information", ""},
		{"da: slet ikke, retssag", "", "Slet ikke mine data, jeg skal bruge dem i en retssag.", "restriction", ""},
		// An order, a return: customer service.
		{"sv: vad gör ni med min beställning", "", "Vad gör ni med min beställning?", "none", ""},
		{"da: slet ikke ordren", "", "Slet ikke ordren, jeg vil stadig have varen.", "none", ""},
		{"da: hvad gør I med min reklamation", "", "Hvad gør I med min reklamation?", "none", ""},
	})
}
