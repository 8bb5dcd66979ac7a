package classify_test

import "testing"

// The cases below were written for weaknesses an independent sample
// showed: access read into questions about a decision's reasoning or
// into an old request, and the source of the data not read as a question
// about the processing.

func TestAccessNeedsOwnData(t *testing.T) {
	run(t, []tc{
		// Knowing what a decision rested on is about the decision.
		{"en: what the refusal rested on", "", "Your system turned down my instalment plan in seconds. I want someone to look at it again and I want to know which details the decision was based on.", "automated_decision", ""},
		{"en: data behind the score", "", "The credit check rejected me automatically. Please tell me what information about me the score relied on, and have a human reassess it.", "automated_decision", ""},
		{"nb: hva avslaget bygde på", "", "Søknaden om delbetaling ble avslått automatisk på få sekunder. Jeg vil vite hvilke opplysninger avgjørelsen bygde på, og ber om manuell vurdering.", "automated_decision", ""},
		{"nb: art 15 logic citation", "", "Avslaget kom automatisk. Vi krever menneskelig overprøving og en forklaring av logikken bak, jf. art. 15 nr. 1 bokstav h.", "automated_decision", ""},
		// Still access: the person's own data, not the reasons.
		{"en: still access", "", "I'd like to know what information you hold about me, and a copy of it.", "access", ""},
		{"nb: still access with art 15", "", "Jeg ber om innsyn etter art. 15 i alle opplysninger dere har om meg.", "access", ""},

		// An access request told as past and since answered is history.
		{"nn: old answered request", "", "Eg bad om innsyn i fjor. Svaret de sende var mangelfullt, og eg klagar på korleis de handsama saka.", "complaint", ""},
		{"en: old answered request", "", "I asked for a copy of my data in March. The reply I got left out half of it, and I want to complain about how you handled my data.", "complaint", ""},
		// Asked before and never answered: still open.
		{"nb: unanswered request", "", "Jeg ba om innsyn for fem uker siden og har ikke fått noe svar. Dette er en klage på saksbehandlingen.", "access,complaint", ""},
		{"en: unanswered request", "", "I asked for a copy of my data six weeks ago and I am still waiting for a reply. I will complain to the supervisory authority.", "access,complaint", ""},
	})
}

func TestSourceOfData(t *testing.T) {
	run(t, []tc{
		{"nb: hvor fått nummeret", "", "Noen fra dere ringte meg i går. Hvor har dere fått mobilnummeret mitt fra?", "information", ""},
		{"nn: kvar fekk de adressa", "", "Eg har aldri vore kunde hjå dykk. Kvar har de fått adressa mi frå?", "information", ""},
		{"en: where did you get", "", "I've never been your customer. Where did you get my email address from?", "information", ""},
		{"en: how did you obtain", "", "How did you obtain my home address? I never gave it to you.", "information", ""},
		{"sv: varifrån", "", "Jag har aldrig handlat hos er. Varifrån har ni fått min adress?", "information", ""},
		{"da: hvor har I fået", "", "Jeg har aldrig været kunde. Hvor har I fået min adresse fra?", "information", ""},
		{"de: woher", "", "Ich war nie Kunde bei Ihnen. Woher haben Sie meine Adresse?", "information", ""},
		{"nb: source and stop ads", "", "Jeg fikk en katalog fra dere i posten i dag. Hvor har dere fått adressen min fra? Jeg vil ikke ha mer reklame.", "objection_marketing,information", ""},
		{"en: source and unsubscribe", "", "Where did you get my email address? Unsubscribe me from all your mailings.", "objection_marketing,information", ""},
		// With a copy asked for, the source question is part of access.
		{"en: source with copy", "", "Please send me a copy of all data you hold on me and tell me where you got it.", "access", ""},
		// Beside erasure, the question belongs to the deletion.
		{"nb: source with erasure", "", "Hvor har dere fått navnet mitt fra? Slett alt dere har om meg.", "erasure", ""},
		// Not a source question: where a parcel went.
		{"nb: parcel", "", "Hvor har dere sendt pakken min? Sporingen viser ingenting.", "none", ""},
	})
}

func TestVendorPitches(t *testing.T) {
	run(t, []tc{
		{"en: compliance platform", "Cut your DSAR workload", "Hello,\n\nData protection authorities are handing out record fines. Our platform automates request handling end to end, from identity checks to export of the data, so no request misses its deadline. Could we book a short demo on Thursday?\n\nKind regards,\nTom\nAccount Manager", "none", ""},
		{"en: compliance tool erasure pitch", "", "Hi! Deleting customer data by hand is slow. Our GDPR compliance tool finds and erases personal data in every system in minutes. Happy to show you in a 15-minute demo, no obligation.", "none", ""},
		{"nb: vi hjelper bedrifter", "Personvern uten stress", "Hei!\n\nVi hjelper bedrifter med å håndtere innsynskrav og sletting etter GDPR. Løsningen vår automatiserer saksbehandlingen, og kundene våre sparer mange timer i uka. Kan vi booke et uforpliktende møte neste uke?\n\nHilsen Line, salgssjef", "none", ""},
		{"sv: lösning", "", "Hej! Vår lösning automatiserar hanteringen av registerutdrag och radering enligt GDPR. Boka en demo med oss redan idag.", "none", ""},
		{"de: plattform", "", "Guten Tag, unsere Plattform automatisiert Auskunftsersuchen und Löschanfragen nach DSGVO. Gerne zeigen wir Ihnen das in einer unverbindlichen Demo.", "none", ""},
		// Customers who happen to say "demo" or "your system" still ask.
		{"en: demo unit, delete me", "", "I bought the demo unit of the TV in your shop last year. Please delete my account and all data you hold on me.", "erasure", ""},
		{"nb: demo-modell, innsyn", "", "Jeg kjøpte en demomodell hos dere i fjor. Jeg ber om innsyn i alle opplysninger dere har om meg.", "access", ""},
	})
}

func TestRecordingsOfOneself(t *testing.T) {
	run(t, []tc{
		{"nb: kopi av videoopptak", "", "Jeg ble stoppet av en vekter i butikken på fredag. Jeg ber om kopi av videoopptakene der jeg vises.", "access", ""},
		{"nb: få se opptaket", "", "Kan jeg få se opptaket fra kassa den 12. mai? Jeg er på det.", "access", ""},
		{"nn: få utlevert opptaka", "", "Eg vil få utlevert opptaka frå kameraet ved inngangen der eg er med.", "access", ""},
		{"en: copy of cctv", "", "I was in your Harstad store on 3 June around noon. Please send me a copy of the CCTV footage in which I appear.", "access", ""},
		{"en: call recording", "", "You record customer service calls. I would like a copy of the recording of my call last Tuesday.", "access", ""},
		{"en: footage of me", "", "I request all footage of me from your cameras on 4 April.", "access", ""},
		{"da: kopi af optagelse", "", "Jeg beder om en kopi af optagelsen fra jeres kamera, hvor jeg er med.", "access", ""},
		{"sv: kopia av inspelning", "", "Jag begär en kopia av inspelningen från er kamera där jag syns.", "access", ""},
		{"de: Kopie der Aufnahme", "", "Ich bitte um eine Kopie der Videoaufnahmen, auf denen ich zu sehen bin.", "access", ""},
		{"nb: keep footage as evidence", "", "Jeg ber om kopi av opptakene av meg fra kameraet, og at dere ikke sletter dem inntil forsikringssaken er avgjort.", "access,restriction", ""},
		// Deleting the footage is erasure; asking staff to look is none.
		{"nb: slett opptakene", "", "Slett opptakene av meg fra kameraet ved inngangen.", "erasure", ""},
		{"en: delete footage of me", "", "Please delete the footage of me from your cameras.", "erasure", ""},
		{"nb: se på opptaket selv", "", "Jeg betalte for varen. Se på opptaket fra kassa, så ser dere det selv.", "none", ""},
	})
}

func TestNegationStopsAtTimeClause(t *testing.T) {
	run(t, []tc{
		{"nb: ikke slett inntil", "", "Jeg ber om at dere ikke sletter loggene inntil forsikringssaken er avgjort.", "restriction", ""},
		{"en: do not delete until", "", "Do not delete the recordings until my insurance claim is settled.", "restriction", ""},
		// Still negated inside its own clause.
		{"nb: ikke send reklame", "", "Ikke send meg reklame mens jeg er medlem.", "objection_marketing", ""},
	})
}

func TestObjectionScope(t *testing.T) {
	run(t, []tc{
		// An objection to analytics that says it is not about marketing.
		{"nb: gjelder ikke reklame", "", "Jeg protesterer mot at dere bruker handlehistorikken min til statistikk basert på berettiget interesse. Dette gjelder ikke reklame, den kan dere fortsatt sende.", "objection", ""},
		{"nn: gjeld ikkje marknadsføring", "", "Eg protesterer mot at kjøpa mine vert brukte i analysane dykkar. Det gjeld ikkje nyhetsbrevet, berre analysen.", "objection", ""},
		{"en: not about marketing", "", "I object to you using my purchase history for product analytics under legitimate interest. This is not about marketing; keep sending the newsletter.", "objection", ""},
		// Marketing objections stay marketing objections.
		{"nb: protest reklame", "", "Jeg protesterer mot at dere bruker kjøpene mine til målrettet reklame.", "objection_marketing", ""},
		{"nb: ikke mer reklame", "", "Jeg vil ikke ha mer reklame fra dere.", "objection_marketing", ""},
	})
}

func TestComplaintKeepsUnsubscription(t *testing.T) {
	run(t, []tc{
		{"nb: klage og utsendelser stoppe", "", "Jeg klager på hvordan dere behandler e-postadressen min. Jeg meldte meg av for lenge siden, og nå må nyhetsbrevene stoppe.", "objection_marketing,complaint", ""},
		{"en: complaint, never signed up", "", "This is a formal complaint about how you handle my data. I never signed up for your newsletter, yet it arrives every week.", "objection_marketing,complaint", ""},
		{"en: complaint, emails must stop", "", "I want to complain about how you handled my personal data: I unsubscribed in May and the marketing emails have to stop.", "objection_marketing,complaint", ""},
		{"nn: aldri meldt på", "", "Eg har aldri meldt meg på nyhetsbrevet dykkar, men får det kvar veke. Eg klagar på korleis de handsamar e-postadressa mi.", "objection_marketing,complaint", ""},
		// The newsletter stopping is a report, not a wish.
		{"nb: nyhetsbrevet stoppet", "", "Nyhetsbrevet har stoppet å komme. Kan dere sjekke hvorfor?", "none", ""},
		{"en: order emails", "", "The order emails stopped arriving last week. Where is my parcel?", "none", ""},
	})
}

func TestRightsNamedInAccessRequest(t *testing.T) {
	run(t, []tc{
		{"en: SAR listing rights", "Data subject access request", "Under Article 15 GDPR please send me a copy of all personal data you process about me, together with the purposes, the recipients, the retention period, information about the existence of my rights to rectification, erasure, restriction of processing and to object, and my right to lodge a complaint with a supervisory authority.", "access", ""},
		{"en: SAR asks about automated decisions", "", "I request a copy of my personal data. Please also tell me whether any automated decision-making, including profiling, takes place, and the existence of my right to data portability.", "access", ""},
		{"nb: innsyn med rettighetsliste", "Innsynsbegjæring", "Jeg ber om innsyn etter personvernforordningen artikkel 15, herunder formålene, mottakerne, lagringstiden, informasjon om retten til å kreve retting, sletting eller begrensning av behandlingen og retten til å protestere, samt retten til å klage til Datatilsynet.", "access", ""},
		{"nn: innsyn med rettar", "", "Eg ber om innsyn i opplysningane de har om meg, og om informasjon om rettane mine til retting, sletting og avgrensing av handsaminga.", "access", ""},
		{"sv: registerutdrag med rättigheter", "", "Jag begär ett registerutdrag med information om förekomsten av rätten att begära rättelse, radering eller begränsning av behandlingen.", "access", ""},
		{"de: Auskunft mit Rechten", "", "Ich verlange Auskunft nach Art. 15 DSGVO, einschließlich des Bestehens eines Rechts auf Berichtigung, Löschung oder Einschränkung der Verarbeitung.", "access", ""},
		// Rights exercised, not named: still requests.
		{"en: exercise erasure", "", "I am exercising my right to erasure: delete my account and all data you hold on me.", "erasure", ""},
		{"en: access and erasure", "", "Please send me a copy of my data. Then I want you to delete all of it.", "access,erasure", ""},
		{"nb: krever retten til sletting", "", "Jeg krever retten til sletting oppfylt. Slett kontoen min.", "erasure", ""},
		{"nb: innsyn og protest", "", "Jeg ber om innsyn i opplysningene dere har om meg. Jeg protesterer også mot at dere bruker dem til analyse basert på berettiget interesse.", "access,objection", ""},
		{"en: complaint with rights", "", "I want to complain about how you handled my data. I have the right to object, and I object to you analysing my purchases under legitimate interest.", "objection,complaint", ""},
	})
}

func TestRightWordsNeedTheirObject(t *testing.T) {
	run(t, []tc{
		// "Rett" here is "correct", not "the right to".
		{"nb: rett opp, og ikke send", "", "Beløpet dere har registrert på meg er feil. Rett opp dette, og ikke send saken til inkasso inntil det er avklart.", "rectification,restriction", ""},
		// A range of Art. 15(1) items is no citation of item (h) alone.
		{"en: art 15 range", "", "Under Article 15(1)(a) to (h) I request a copy of my personal data.", "access", ""},
	})
}
