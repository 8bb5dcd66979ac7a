package classify_test

import "testing"

// The cases below were written for what held-out batch 20 missed, with
// near misses that must stay as they are.
func TestBatch20Phrasings(t *testing.T) {
	run(t, []tc{
		{"nb: sa ja, det trekker jeg tilbake", "", "Jeg sa ja til at appen kunne bruke posisjonen min. Det trekker jeg tilbake nå.", "withdraw_consent", ""},
		{"nb: en bestilling trukket tilbake", "", "Jeg bestilte en TV i går. Den bestillingen trekker jeg tilbake.", "none", ""},
		{"nb: er det sånn dere behandler kundeopplysninger", "", "Naboen fikk kvitteringen min med navn og adresse. Er det virkelig sånn dere behandler kundeopplysninger?", "complaint", ""},
		{"en: is that how you handle personal data", "", "The cashier read my ID number out loud to the whole queue. Is that how you handle personal data??", "complaint", ""},
		{"en: is that how you handle returns", "", "You refused my return because the box was opened. Is that how you handle returns?", "none", ""},
		{"de: Beschwerde über ein Produkt", "Beschwerde", "Ich möchte mich beschweren: Die Kaffeemaschine ist nach sechs Wochen undicht. Ich erwarte Ersatz.", "none", ""},
		{"de: Beschwerde über Daten", "", "Ich möchte mich beschweren, dass Sie meine Daten ohne meine Zustimmung an Dritte weitergegeben haben.", "complaint", ""},
		{"de: nicht weiter verwendet", "", "Ich widerspreche der Videoaufzeichnung. Solange Sie das prüfen, verlange ich, dass die Aufnahmen nicht weiter verwendet werden.", "restriction,objection", ""},
		// What the sender has learnt of the routine is no request; a wish
		// in front of the same words is one.
		{"nb: har skjønt at dere sletter opptak", "", "Jeg har skjønt at dere sletter kameraopptak etter en viss tid, men jeg ber om at opptakene av meg IKKE slettes, siden jeg trenger dem som bevis i en forsikringssak.", "restriction", ""},
		{"en: do not let the recording be deleted", "", "Please do not let the recording of my accident be deleted, I need it for the insurance claim.", "restriction", ""},
		{"nb: ber om at dere sletter", "", "Jeg ber om at dere sletter alle opplysningene om meg.", "erasure", ""},
		{"en: I know that you delete", "", "Please do not delete the recording of my accident, I need it for the insurance claim. I know that you delete footage after 30 days.", "restriction", ""},
	})
}

// What held-out batch 21 missed, with near misses.
func TestBatch21Phrasings(t *testing.T) {
	run(t, []tc{
		{"nb: stoppe det for min del", "", "Dere bruker chatsamtalene til opplæring og mener dere har berettiget interesse. Det er jeg ikke enig i, og ber dere stoppe det for min del.", "objection", ""},
		{"nn: slutte med dette for min del", "", "Eg vil ikkje at kjøpa mine skal vere med i statistikken. Eg ber ikkje om sletting, berre at de sluttar med dette for min del.", "objection", ""},
		{"nb: sa ja, det har jeg angret på", "", "Jeg sa ja til at appen kunne bruke posisjonen min. Det har jeg angret på.", "withdraw_consent", ""},
		{"sv: bytt efternamn", "", "Hej, jag har bytt efternamn från Lindqvist till Berg. Kan ni ändra det i mitt medlemskonto?", "rectification", ""},
		{"de: Werbe-SMS keine mehr", "", "Werbe-SMS will ich keine mehr bekommen.", "objection_marketing", ""},
		{"da: hvor længe ligger de", "", "Gemmer I samtalerne fra chatten? Hvor længe ligger de hos jer?", "information", ""},
		// Goods and a missing password e-mail are customer service.
		{"nb: klage på mikrobølgeovnen", "", "Jeg vil klage på mikrobølgeovnen jeg kjøpte i mai. Den har sluttet å varme, og jeg vil ha pengene tilbake.", "none", ""},
		{"en: password e-mail never arrives", "", "When I click forgot password no e-mail ever arrives (checked spam). Could someone help?", "none", ""},
		{"sv: ny leveransadress", "", "Hej, min beställning ska till en ny leveransadress: Storgatan 2, Kiruna.", "none", ""},
	})
}

// What held-out batch 22 missed, with near misses.
func TestBatch22Phrasings(t *testing.T) {
	run(t, []tc{
		{"nb: en datamaskin som sa nei", "Avslag på delbetaling", "Jeg fikk avslag med en gang. Det virker som det bare var en datamaskin som sa nei. Jeg ønsker at en person vurderer søknaden min på nytt.", "automated_decision", ""},
		{"nb: hva systemet la vekt på", "", "Selgeren sa det var systemet som bestemte. Jeg vil vite hva systemet la vekt på.", "automated_decision", ""},
		{"nb: hvordan finner dere ut hvilke tilbud", "", "Jeg fikk tilbud på babyutstyr. Hvordan finner dere ut hvilke tilbud dere sender til hvem?", "information", ""},
		{"en: how are you picking what to send me", "", "How exactly are you picking what to send me, and what are you basing it on?", "information", ""},
		{"nb: vil ikke at dere filmer meg", "", "Kameraet deres filmer inngangen min. Jeg vil ikke at dere filmer meg hver gang jeg går hjem, stopp det.", "objection", ""},
		{"nb: det gjelder ikke nå", "", "Dere får ikke bruke posisjonen min lenger, jeg sa ja til det før men det gjelder ikke nå.", "withdraw_consent", ""},
		{"de: Verarbeitung eingeschränkt", "", "Bis Sie über meinen Widerspruch entschieden haben, verlange ich, dass die Verarbeitung meiner Daten eingeschränkt wird.", "restriction,objection", ""},
		// A blender, a phone wiped before trade-in, a test of the system.
		{"en: complain about a blender", "", "I want to complain about the blender I bought in October. The jug cracked. Can I get my money back?", "none", ""},
		{"nb: telefonen slettet før innbytte", "", "Blir telefonen slettet før den blir resirkulert i innbyttekampanjen, eller må jeg gjøre det selv?", "none", ""},
		{"nb: hvordan finner jeg tilbudene", "", "Hvordan finner jeg tilbudene i appen?", "none", ""},
		{"en: how do I pick an offer", "", "How do I pick which offer to use at the checkout?", "none", ""},
	})
}

// What held-out batch 23 missed, with near misses.
func TestBatch23Phrasings(t *testing.T) {
	run(t, []tc{
		{"sv: protest mot priset", "", "Jag protesterar mot att jag fick betala mer än priset i webbshoppen. Kan ni återbetala mellanskillnaden?", "none", ""},
		{"nb: protesterer mot behandlingen", "", "Jeg protesterer mot at dere bruker kjøpshistorikken min til analyser.", "objection", ""},
		{"nb: jeg trekker det tilbake", "", "Jeg sa ja til at dere kunne bruke posisjonen min. Jeg trekker det tilbake.", "withdraw_consent", ""},
		{"en: the logic behind that decision", "", "I was turned down within seconds. Could you explain the logic behind that decision?", "automated_decision", ""},
		{"en: didn't use that record for anything", "", "Until that's sorted, I'd rather you didn't use that record for anything at all.", "restriction", ""},
		{"nb: jeg ser at dere sletter", "", "Jeg ser av personvernerklæringen at dere sletter kjøpshistorikk etter en viss tid. Jeg er i en tvist med forsikringsselskapet om kjøpet, så ikke slett opplysningene om meg.", "restriction", ""},
		{"en: put my order on hold", "", "Please put my order on hold, I'm away next week.", "none", ""},
	})
}

// What the first pass over held-out batch 24 covers, with near misses.
func TestBatch24Phrasings(t *testing.T) {
	run(t, []tc{
		{"en: chats kept, for how long", "", "Are those chat conversations kept, and if so for how long?", "information", ""},
		{"nb: ta meg ut av det", "", "Dere bruker kjøpsdata til interne analyser med berettiget interesse som grunnlag. Det vil jeg ikke være med på. Ta meg ut av det.", "objection", ""},
		{"nn: ein person sjå på dette", "", "Bestillinga mi vart stoppa av systemet. Kan ein person sjå på dette, og kva er det systemet dykkar reagerer på?", "automated_decision", ""},
		{"en: complaint about customer service", "", "Your system charged my card twice. Nobody has answered, so consider this a complaint about your customer service.", "none", ""},
		{"nb: ta meg ut av køen", "", "Jeg står i kø for en PlayStation. Ta meg ut av det, jeg har kjøpt en annen.", "none", ""},
		{"en: stop the push notifications with deals", "", "Please stop the push notifications with deals, I get them every day.", "objection_marketing", ""},
		{"en: push notifications for my delivery", "", "How do I stop the push notifications about my delivery status?", "none", ""},
		{"en: don't use the fraud flag against me", "", "My order was flagged as fraud. Please don't use that marking against me until it has been checked.", "restriction", ""},
	})
}
