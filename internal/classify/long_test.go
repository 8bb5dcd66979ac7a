package classify_test

import "testing"

// TestLongMail holds whole messages: greetings, background, the request
// somewhere in the middle, incidental words that name other rights, and a
// signature.
func TestLongMail(t *testing.T) {
	run(t, []tc{
		{"repair story then access", "Spørsmål om data",
			"Hei,\n\nJeg leverte inn oppvaskmaskinen til reparasjon i mars, og fikk den tilbake med en kopi av arbeidsordren. " +
				"Det var en feil på pumpa som ble fikset, og alt har fungert fint siden.\n\n" +
				"Nå lurer jeg likevel på hvilke opplysninger dere egentlig har registrert om meg i forbindelse med dette og andre kjøp. " +
				"Kan jeg få en kopi av det dere har lagret?\n\nMed vennlig hilsen\nTove Lillevik\nTlf 412 34 567",
			"access", "nb"},
		{"order complaint with the word slette", "Feil på ordre 55120",
			"Hei.\n\nJeg bestilte to lamper, men fikk bare én. Kan dere sende den andre, eller skal jeg slette bestillingen og bestille på nytt?\n\nMvh Even",
			"none", "nb"},
		{"long english erasure with background", "Account",
			"Hello there,\n\nI used to live in Harstad for a couple of years while working offshore and bought most of my electronics from you. " +
				"Your staff were always helpful and I have nothing but good things to say about the shop.\n\n" +
				"I have now moved back to Aberdeen for good, and I'm trying to reduce my digital footprint. " +
				"Could you please delete my customer account and any personal information associated with it? " +
				"There is no need to send me a copy first.\n\nAll the best,\nGraham Reid",
			"erasure", "en"},
		{"newsletter rant with erasure", "",
			"Dette er tredje gang jeg skriver. Jeg får fortsatt nyhetsbrevet deres hver fredag, selv om jeg har trykket på lenken nederst flere ganger. " +
				"Nå vil jeg at dere sletter hele kundeprofilen min og slutter å sende meg e-post.\n\nRolf",
			"erasure,objection_marketing", "nb"},
		{"moved, new address, keep newsletter", "Ny adresse",
			"Hei!\n\nVi har flyttet fra Kanebogen til Stangnes. Ny adresse er Stangnesveien 3, 9409 Harstad. " +
				"Nyhetsbrevet vil vi gjerne fortsatt ha, det er ofte gode tilbud der.\n\nHilsen familien Berg",
			"rectification", "nb"},
		{"parent access and erasure for child", "Sønnen min",
			"Hei,\n\nSønnen min (15) har visst registrert seg i Magnet Pluss uten at vi visste om det. " +
				"Jeg ber om å få vite hvilke opplysninger dere har om ham, og deretter at alt slettes.\n\nMvh\nAnne Kristin Dahl",
			"access,erasure", "nb"},
		{"cookie question, no copy", "Cookies",
			"Hei, jeg ser at nettsiden deres bruker mange informasjonskapsler. Hvilke tredjeparter får data om hva jeg klikker på? " +
				"Jeg vil bare forstå hvordan det fungerer.",
			"information", "nb"},
		{"photo consent withdrawn, delete photo", "Bildet fra julebordet",
			"Hei! På julebordet deres i desember ble det tatt bilder, og jeg sa ja til at de kunne brukes. " +
				"Nå har jeg ombestemt meg og trekker samtykket tilbake. Vær så snill å ta ned bildet av meg fra Facebook.\n\nMvh Lise",
			"erasure,withdraw_consent", "nb"},
		{"credit refused, wants person", "Kreditt",
			"Hei. Jeg søkte om kreditt på en TV i går og fikk automatisk avslag i appen. Jeg har god økonomi og forstår ikke hvorfor. " +
				"Kan en saksbehandler se på søknaden min på nytt og forklare hva avgjørelsen bygger på?",
			"automated_decision", "nb"},
		{"complaint about leak, wants explanation", "Personvern",
			"Til Magnet AS.\n\nI går fikk jeg en e-post fra dere som inneholdt en annen kundes navn, adresse og kjøpshistorikk. " +
				"Det betyr vel at min informasjon også kan ha havnet hos fremmede. Jeg klager herved på hvordan dere håndterer personopplysninger, " +
				"og ønsker en forklaring på hva som har skjedd.\n\nHilsen Bjørn Tore",
			"complaint", "nb"},
		{"nn objection to cctv", "Kamera",
			"Hei.\n\nKameraet de har sett opp på baksida av butikken filmar rett inn i stova mi. Eg protesterer mot dette og vil at de flyttar eller maskerer kameraet.\n\nHelsing Ola",
			"objection", "nn"},
		{"sv marketing stop", "Sms",
			"Hej!\n\nJag får sms med erbjudanden från er nästan varje dag. Sluta skicka dem, jag vill inte ha reklam från er.\n\nMvh Anna",
			"objection_marketing", "sv"},
		{"en rectification long", "Details",
			"Hi,\n\nWhen I picked up my laptop from repair, I noticed the service ticket had my old phone number. " +
				"My current number is +47 900 11 222 - please update my details so the workshop can reach me next time.\n\nThanks,\nPriya",
			"rectification", "en"},
		{"de erasure formal", "Löschung",
			"Sehr geehrte Damen und Herren,\n\nich bitte Sie, mein Kundenkonto sowie alle dazugehörigen personenbezogenen Daten zu löschen.\n\nMit freundlichen Grüßen\nAnna Schmidt",
			"erasure", "de"},
		{"da access", "Indsigt",
			"Hej,\n\nJeg vil gerne have en kopi af de personoplysninger, I har om mig, og vide hvad I bruger dem til.\n\nVenlig hilsen\nLars",
			"access", "da"},
		{"warranty receipt, not access", "Garanti",
			"Hei, kaffemaskinen har gått i stykker etter 14 måneder. Jeg har ikke kvitteringen lenger. Kan dere finne kjøpet i systemet og sende meg en kopi, så jeg kan bruke garantien?",
			"none", "nb"},
		{"privacy policy praise, no request", "",
			"Jeg leste personvernerklæringen deres og synes den var veldig ryddig. Bra jobba! Jeg har et spørsmål om åpningstidene i romjula.",
			"none", "nb"},
		{"sign-up with unsubscribe mention", "Nyhetsbrev",
			"Hei! Jeg meldte meg av nyhetsbrevet ved en feil i fjor. Kan dere melde meg på igjen?",
			"none", "nb"},
		{"reply to own mail, not request", "Re: Ordrebekreftelse 100223",
			"Takk, men jeg fikk visst to ordrebekreftelser. Er det bestilt to ganger?\n\nDen 3. mars 2026 kl. 10:00 skrev Magnet AS <ordre@magnetharstad.no>:\n> Takk for bestillingen! Du kan be om innsyn og sletting på magnetharstad.no/personvern.",
			"none", "nb"},
	})
}
