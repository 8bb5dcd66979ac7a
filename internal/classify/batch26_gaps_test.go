package classify_test

import "testing"

// What the pass over held-out batch 26 covers (k02, k03, k13, k15, k25,
// k30, k32, k33, k35, k41, k43, k45), in phrasings of our own, with near
// misses that must stay as they are.
func TestBatch26Gaps(t *testing.T) {
	run(t, []tc{
		// An assent given in other words than "consent", taken back.
		{"en: take back my yes", "", "Last year I said yes to you quoting my review on your website. I am taking back my yes.", "withdraw_consent", ""},
		{"en: withdraw my approval", "", "I gave your photographer my approval to use the pictures from the store opening. I withdraw my approval.", "withdraw_consent", ""},
		{"nb: tar tilbake ja-et", "", "Jeg sa ja til at montøren tok bilder av kjøkkenet til kursmateriell. Jeg tar tilbake ja-et mitt.", "withdraw_consent", ""},
		{"en: take back the kettle", "", "Can I take back the kettle I bought on Monday? It leaks.", "none", ""},

		// Goods deleted from the basket are no data.
		{"nb: slette fra handlekurven", "", "Jeg får ikke slettet kaffemaskinen fra handlekurven i appen, den kommer tilbake hver gang. Hva gjør jeg feil?", "none", ""},
		{"en: delete from my cart", "", "I keep trying to delete a blender from my cart on the website but it won't go away. Can you help?", "none", ""},
		{"da: slette fra kurven", "", "Jeg kan ikke slette støvsugeren fra indkøbskurven på jeres side. Kan I hjælpe?", "none", ""},
		{"nb: slett kontoen min", "", "Slett kontoen min og alle opplysningene om meg.", "erasure", ""},

		// The data named by a participle, the holder between; the copy of
		// "the same"; "complete" as an adjective.
		{"en: information held regarding myself", "", "Kindly furnish the personal information stored by your company regarding myself along with a copy of the same.", "access", ""},
		{"en: complete details of my data", "", "Please send me the complete details of the data you hold about me.", "access", ""},
		{"en: complete my address", "", "My profile only has the street name. Please complete my address with the house number 14B.", "rectification", ""},
		{"en: copy of the same invoice", "", "You sent me invoice 4471 twice. Could you send a copy of the same invoice with the right VAT?", "none", ""},

		// Punctuation said into a phone's dictation.
		{"nb: diktert punktum og komma", "", "hei jeg fikk nei på delbetaling på nettet og det var visst systemet som avgjorde det punktum jeg skjønner ikke hvorfor komma kan en person se på søknaden min på nytt punktum hilsen ola", "automated_decision", ""},
		{"nb: diktert spørsmålstegn", "", "hei jeg vil vite hvor lenge dere lagrer opptakene fra kameraene spørsmålstegn hilsen kari", "information", ""},
		{"sv: komma är att komma", "", "Hej, när kan jag komma och hämta min tvättmaskin? Ordernummer 55120.", "none", ""},

		// The routine the sender has been told of asks for nothing.
		{"da: fået at vide at I sletter", "", "Jeg har en tvist med forsikringen om køleskabet. Jeg har fået at vide at I sletter kundedata efter fem år. I må ikke slette oplysningerne om købet, jeg skal bruge dem som bevis.", "restriction", ""},
		{"nb: fått vite at dere sletter", "", "Jeg har fått vite at dere sletter opptak etter 30 dager. Hvor lenge lagrer dere kvitteringer?", "information", ""},
		{"da: I skal slette", "", "Jeg vil have, at I sletter alle mine oplysninger.", "erasure", ""},

		// The mail itself taken as an objection.
		{"en: treat this as my objection", "", "You use my loyalty card purchases for store planning under legitimate interest. Please treat this as my objection to that.", "objection", ""},
		{"nb: se på dette som min protest", "", "Dere analyserer kjøpene mine med grunnlag i berettiget interesse. Se på dette som min protest mot det.", "objection", ""},
		{"en: my objection is being assessed", "", "Thanks for confirming that my objection is being assessed. I'll wait for your decision.", "none", ""},

		// A removal in the passive, the object a clause away.
		{"nb: ber om at kontoen og alt blir fjernet", "", "Jeg ber om at kontoen min og alt dere har lagret om meg blir fjernet.", "erasure", ""},
		{"da: bliver fjernet", "", "Vi beder om at profilen og alt I har gemt om vores søn bliver fjernet.", "erasure", ""},
		{"nb: varen blir fjernet fra ordren", "", "Kan dere sørge for at varen blir fjernet fra ordren min? Jeg trenger bare laderen.", "none", ""},

		// Danish: the consent first, "trække tilbage" at the end; the
		// questions beside a withdrawal stay information.
		{"da: samtykke ... trække tilbage", "", "Det samtykke, jeg gav til jeres nyhedsmails og målrettede annoncer sidste år, vil jeg gerne trække tilbage.", "withdraw_consent", ""},
		{"nb: spørsmål og tilbaketrekking", "", "Hvilke informasjonskapsler bruker dere, hva bruker dere dem til og hvem deler dere dataene med? Og samtykket jeg ga til markedsføringscookies trekker jeg tilbake.", "withdraw_consent,information", ""},
		{"nb: slett og hvor lenge", "", "Slett kontoen min. Hvor lenge lagrer dere opplysningene etter det?", "erasure", ""},

		// A fix asked in the passive; the real birth date set against
		// the recorded one.
		{"nb: kan det rettes", "", "I lønnssystemet står fødselsdatoen min som 12.05.1986, men jeg er født 21.05.1986. Kan det rettes?", "rectification", ""},
		{"en: can it be corrected", "", "Your system has my date of birth as 1979 but I was born in 1997. Can it be corrected?", "rectification", ""},
		{"nb: kan det rettes, en ordre", "", "Jeg bestilte feil farge på ordre 44120. Kan det endres før den sendes?", "none", ""},

		// A reminder renews the request it tells of.
		{"en: still want the copy", "", "I asked for a copy of my personal data in January and have heard nothing. I still want the copy.", "access", ""},
		{"en: still waiting for the receipt copy", "", "I still need the copy of my receipt for the warranty claim on the dryer.", "none", ""},

		// A complaint about a salesperson is no data complaint.
		{"da: klage over sælgeren", "Klage over sælgeren", "Sælgeren i tv-afdelingen var meget uhøflig over for min mor i går.", "none", ""},
		{"nb: klage over ekspeditøren", "Klage på ekspeditør", "Han i kassa var frekk og ville ikke svare på spørsmål om garantien.", "none", ""},
		{"nb: uhøflig og klage på behandling av opplysninger", "", "Det er en uhøflig og uakseptabel måte å behandle opplysningene mine på, og jeg klager på det.", "complaint", ""},

		// Phishing that threatens a mailbox.
		{"en: verify your login or lose the mailbox", "", "Your mailbox will be suspended. Failure to verify your login credentials within 24 hours will result in all your data being deleted. Click below to verify.", "none", ""},
		{"nb: bekreft innlogging, postkassen stenges", "", "Postkassen din blir stengt. Bekreft innloggingsinformasjonen din innen 24 timer, ellers blir alle data slettet. Klikk her.", "none", ""},
		{"en: delete my account within 24 hours", "", "Please delete my account and all my data within 24 hours.", "erasure", ""},
	})
}

// A basket or a wish list deleted along with the account or the data is
// still erasure; deleted alone, it is goods.
func TestBatch26CartBesideAccount(t *testing.T) {
	run(t, []tc{
		{"nb: kontoen og ønskelisten", "", "Hei, slett kontoen min og ønskelisten min, og alle opplysninger dere har om meg.", "erasure", ""},
		{"nb: slett kontoen og handlekurven", "", "Slett kontoen og handlekurven.", "erasure", ""},
		{"nb: meg som kunde, med handlevogna", "", "Jeg vil at dere sletter meg som kunde, inkludert handlevogna.", "erasure", ""},
		{"de: Kundenkonto und Wunschliste", "", "Löschen Sie bitte mein Kundenkonto und meine Wunschliste.", "erasure", ""},
		{"sv: konto och önskelista", "", "Radera mitt konto och min önskelista, tack.", "erasure", ""},
		{"da: konto og ønskeliste", "", "Slet min konto og min ønskeliste.", "erasure", ""},
		{"en: account and basket", "", "Please delete my account and whatever is in my basket.", "erasure", ""},
		{"nb: bare en vare i handlekurven", "", "Hvordan sletter jeg en vare fra handlekurven? Knappen virker ikke.", "none", ""},
		{"da: en vare fra kurven", "", "Jeg kan ikke slette en vare fra indkøbskurven i appen.", "none", ""},
		{"en: an item from the cart", "", "I can't delete the kettle from my cart, it keeps coming back.", "none", ""},
	})
}

// A consent kept in so many words, the verb at the end of a long span.
func TestBatch26ConsentKept(t *testing.T) {
	run(t, []tc{
		{"da: ønsker ikke at trække det tilbage", "", "Jeg har givet samtykke til cookies, og jeg ønsker ikke at trække det tilbage.", "none", ""},
		{"nb: vil jeg ikke trekke tilbake", "", "Jeg har samtykket til at dere bruker kjøpshistorikken, og det vil jeg ikke trekke tilbake.", "none", ""},
		{"da: vil jeg gerne trække tilbage", "", "Mit samtykke til nyhedsbreve og personlige tilbud på baggrund af mine køb vil jeg gerne trække tilbage.", "withdraw_consent", ""},
	})
}

// A complaint about a salesperson is about data when the sentence says
// what they did with it.
func TestBatch26StaffAndData(t *testing.T) {
	run(t, []tc{
		{"nb: ekspedienten leste opp personnummeret", "Klage", "Jeg vil klage på at ekspedienten leste opp personnummeret mitt høyt i butikken så alle hørte det.", "complaint", ""},
		{"nb: betjeningen ga opplysningene til feil person", "Klage", "Jeg vil klage på hvordan dere har behandlet personopplysningene mine, betjeningen i butikken ga dem til feil person.", "complaint", ""},
		{"da: sælgeren tog billede af mit kørekort", "Klage", "Jeg vil klage over at sælgeren tog et foto af mit kørekort med sin egen telefon.", "complaint", ""},
		{"nb: ekspedienten var frekk", "Klage", "Jeg vil klage på ekspedienten som var frekk mot meg i kassa.", "none", ""},
		{"nb: selgeren lovet feil pris", "Klage", "Jeg klager på selgeren, han lovet meg en annen pris enn den jeg betalte.", "none", ""},
	})
}
