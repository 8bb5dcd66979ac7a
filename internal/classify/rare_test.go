package classify_test

import "testing"

// TestRarerPhrasings covers the labels with few examples in the dev corpus,
// phrased in ways the corpus does not use.
func TestRarerPhrasings(t *testing.T) {
	run(t, []tc{
		// restriction
		{"restr: freeze while checked", "", "Opplysningene dere har om betalingsanmerkningen min er feil. Kan dere fryse bruken av dem til dere har sjekket saken?", "restriction", ""},
		{"restr: keep for lawyer", "", "My lawyer has advised me to ask you not to erase any records about the accident in your shop until the case is settled.", "restriction", ""},
		{"restr: pause processing", "", "Please pause all processing of my data while my objection is being assessed.", "restriction", ""},
		{"restr: nn berre lagrast", "", "Eg ber om at opplysningane mine berre vert lagra og ikkje brukte til noko anna før klagesaka er avgjort.", "restriction", ""},
		// objection
		{"obj: legitimate interest general", "", "You say you process my data based on legitimate interests. I object to that processing.", "objection", ""},
		{"obj: analytics on me", "", "Jeg vil ikke at dere analyserer handlemønsteret mitt. Jeg protesterer mot den behandlingen.", "objection", ""},
		{"obj: credit check", "", "Jeg motsetter meg at dere kjører kredittsjekk på meg hver gang jeg handler.", "objection", ""},
		{"obj: stop tracking website", "", "Please stop tracking my visits to your website for analytics.", "objection", ""},
		// information
		{"info: which data collected app", "", "Hvilke data samler appen deres inn, og hvem får tilgang til dem?", "information", ""},
		{"info: how long keep cctv", "", "How long do you keep CCTV footage, and who can see it? I'm not asking for the footage itself.", "information", ""},
		{"info: data processors", "", "Bruker dere databehandlere utenfor EU/EØS, og hvilket overføringsgrunnlag har dere i så fall?", "information", ""},
		{"info: why phone number", "", "Hvorfor må jeg oppgi telefonnummer for å handle i nettbutikken, og hva brukes det til?", "information", ""},
		// automated_decision
		{"auto: algorithm", "", "It seems an algorithm decided I was not creditworthy. I want the decision reviewed by a real person.", "automated_decision", ""},
		{"auto: nn", "", "Søknaden om delbetaling vart avvist av systemet på sekund. Eg vil at ein person går gjennom han på nytt.", "automated_decision", ""},
		{"auto: explain logic", "", "Dere avslo kreditten min automatisk. Jeg ber om en forklaring på logikken bak og at en person vurderer saken.", "automated_decision", ""},
		// complaint
		{"complaint: en breach", "", "Your staff discussed my purchases loudly at the counter in front of other customers. I want to lodge a complaint about this breach of my privacy.", "complaint", ""},
		{"complaint: slow access answer", "", "Jeg ba om innsyn for to måneder siden og har ikke fått svar. Jeg klager på saksbehandlingen og vurderer å gå til Datatilsynet.", "access,complaint", ""},
		{"complaint: nn", "", "Eg er misnøgd med korleis de har handsama personopplysningane mine, og vil med dette klage.", "complaint", ""},
		// portability
		{"port: move to competitor", "", "I'm switching to another electronics chain. Please transfer my purchase history and warranty data to them.", "portability", ""},
		{"port: download data", "", "Is it possible to download all my data in a machine readable format?", "portability", ""},
		{"port: nn", "", "Kan de sende kjøpshistorikken min som CSV-fil? Eg skal flytte han over til ein annan app.", "portability", ""},
		// withdraw
		{"wc: no longer agree", "", "Jeg samtykker ikke lenger til at dere bruker bildene av meg.", "withdraw_consent", ""},
		{"wc: en cookies", "", "I want to withdraw the consent I gave to your cookies.", "withdraw_consent", ""},
		{"wc: nn", "", "Eg tek attende samtykket til at de kan sende meg tilpassa tilbod.", "withdraw_consent", ""},
		// rectification
		{"rect: incomplete record", "", "Kundeprofilen min mangler det nye etternavnet mitt etter at jeg giftet meg. Kan dere legge det inn?", "rectification", ""},
		{"rect: wrong email", "", "The email address you have for me has a typo: it should be jon.smith@example.com, not jon.smit@example.com.", "rectification", ""},
		// combos
		{"combo: access+rect", "", "Send meg en kopi av opplysningene dere har om meg. Jeg mistenker også at adressen min er feil registrert, den skal være Storgata 8.", "access,rectification", ""},
		{"combo: erasure+wc", "", "I withdraw all consents and want you to delete my data.", "erasure,withdraw_consent", ""},
		{"combo: objection+restriction", "", "Jeg protesterer mot at dere bruker opplysningene mine til kredittvurdering, og ber om at behandlingen begrenses mens dere vurderer protesten.", "restriction,objection", ""},
		{"combo: marketing+complaint", "", "Jeg har reservert meg mot markedsføring to ganger, men får fortsatt reklame. Slutt å sende meg reklame! Dette er en klage.", "objection_marketing,complaint", ""},
	})
}
