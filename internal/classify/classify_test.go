package classify_test

import (
	"strings"
	"testing"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// tc is one message and the labels a handler would give it.
type tc struct {
	name    string
	subject string
	body    string
	want    string // comma-separated labels in RIGHTS.md order, or "none"
	lang    string // expected language, "" to skip the check
}

func run(t *testing.T, cases []tc) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := classify.Classify(classify.Input{Subject: c.subject, Body: c.body, From: "someone@example.com"})
			got := dsr.JoinRights(res.Rights())
			if got != c.want {
				t.Errorf("got %s, want %s\n%s", got, c.want, classify.Explain(res))
			}
			if c.lang != "" && res.Language != c.lang {
				t.Errorf("language %q, want %q", res.Language, c.lang)
			}
		})
	}
}

func TestBokmal(t *testing.T) {
	run(t, []tc{
		{"imperative delete", "", "Hei. Slett all informasjon dere har om meg, takk.", "erasure", "nb"},
		{"wants deletion, no æøå", "sletting", "hei jeg onsker at dere sletter kontoen min og alt som ligger der. har ikke brukt den pa flere aar", "erasure", "nb"},
		{"passive ber om", "", "Jeg ber om at samtlige personopplysninger om meg blir slettet fra deres systemer.", "erasure", "nb"},
		{"forget me", "", "Jeg vil bli glemt. Fjern profilen min og alle kjøp knyttet til den.", "erasure", "nb"},
		{"remove from register", "", "Kan dere fjerne meg fra kunderegisteret deres? Jeg er ikke kunde lenger.", "erasure", "nb"},
		{"access innsyn", "", "Hei, jeg ønsker innsyn i hvilke opplysninger dere har lagret om meg.", "access", "nb"},
		{"access copy casual", "", "Kan jeg få en kopi av alt dere har registrert på meg? Mvh Per", "access", "nb"},
		{"access what do you know", "Hva vet dere om meg?", "Lurer på hva dere egentlig har av data om meg etter alle årene som kunde. Send gjerne en oversikt.", "access", "nb"},
		{"rectification phone", "", "Telefonnummeret mitt er feil i kundeklubben. Riktig nummer er 912 34 567. Kan dere endre det?", "rectification", "nb"},
		{"rectification moved", "Ny adresse", "Hei! Jeg har flyttet og ny adresse er Storgata 5, 9405 Harstad. Vennligst oppdater adressen i Magnet Pluss.", "rectification", "nb"},
		{"unsubscribe", "", "Meld meg av nyhetsbrevet deres, jeg får altfor mange e-poster.", "objection_marketing", "nb"},
		{"no ads", "Reklame", "Jeg vil ikke ha mer reklame fra dere, verken på SMS eller e-post.", "objection_marketing", "nb"},
		{"reserve", "", "Jeg reserverer meg mot markedsføring fra Magnet.", "objection_marketing", "nb"},
		{"withdraw consent", "", "Jeg trekker tilbake samtykket jeg ga til at dere kan bruke kjøpshistorikken min til analyse.", "withdraw_consent", "nb"},
		{"portability", "", "Jeg vil gjerne ha dataene mine i et maskinlesbart format slik at jeg kan overføre dem til en annen butikk.", "portability", "nb"},
		{"restriction explicit", "", "Jeg ber om begrensning av behandlingen av mine opplysninger til klagen min er ferdig behandlet.", "restriction", "nb"},
		{"objection li", "", "Jeg protesterer mot at dere bruker posisjonsdata fra appen til statistikk, som dere sier er berettiget interesse.", "objection", "nb"},
		{"automated", "", "Søknaden min om delbetaling ble avslått automatisk. Jeg vil at en saksbehandler vurderer den manuelt.", "automated_decision", "nb"},
		{"complaint", "", "Jeg vil klage på hvordan dere har behandlet personopplysningene mine. En ansatt viste kjøpene mine til en annen kunde.", "complaint", "nb"},
		{"information", "", "Hvor lenge lagrer dere opplysninger om kunder som har sluttet å handle, og hva brukes de til?", "information", "nb"},
		{"on behalf of deceased", "", "Min far døde i vår. Jeg er arving og ber om at kundekontoen hans slettes.", "erasure", "nb"},
		{"erasure and newsletter", "", "Slett meg og ikke send flere nyhetsbrev.", "erasure,objection_marketing", "nb"},
	})
}

func TestNynorsk(t *testing.T) {
	run(t, []tc{
		{"erasure", "", "Hei. Eg vil at de slettar alt de har om meg. Eg handlar ikkje hjå dykk lenger.", "erasure", "nn"},
		{"access", "", "Eg ber om innsyn i kva opplysningar de har om meg, og ein kopi av dei.", "access", "nn"},
		{"rectification", "", "Adressa mi er feil hjå dykk. Eg bur no i Kyrkjevegen 4. Kan de rette det?", "rectification", "nn"},
		{"unsubscribe", "", "Ver snill og meld meg av e-postlista dykkar.", "objection_marketing", "nn"},
		{"withdraw", "", "Eg trekkjer samtykket mitt til informasjonskapslar på nettsida dykkar.", "withdraw_consent", "nn"},
		{"information", "", "Kva nyttar de opplysningane om medlemmene til, og kor lenge tek de vare på dei? Eg treng ikkje kopi.", "information", "nn"},
		{"objection", "", "Eg protesterer mot at kameraet dykkar filmar inn i hagen min.", "objection", "nn"},
		{"automated", "", "Kreditten vart avslått automatisk. Eg krev at eit menneske ser på søknaden.", "automated_decision", "nn"},
		{"complaint", "", "Eg vil klage på korleis de handsama førespurnaden min. Eg fekk aldri svar.", "complaint", "nn"},
	})
}

func TestEnglish(t *testing.T) {
	run(t, []tc{
		{"delete account", "", "Hi, please delete my account and any data you hold on me. Thanks, Sam", "erasure", "en"},
		{"want data deleted", "", "I want my personal information erased from all your systems.", "erasure", "en"},
		{"forgotten", "Right to be forgotten", "I am exercising my right to be forgotten under the GDPR.", "erasure", "en"},
		{"sar", "", "This is a subject access request. Please send me all the personal data you hold about me.", "access", "en"},
		{"copy casual", "", "could u send me a copy of my data? cheers", "access", "en"},
		{"update email", "", "My email address has changed to sam.new@example.com, could you update your records?", "rectification", "en"},
		{"wrong name", "", "You have my name spelled wrong on my account - it's Katherine, not Catherine. Please correct it.", "rectification", "en"},
		{"unsubscribe", "", "Unsubscribe.", "objection_marketing", "en"},
		{"no more marketing", "", "I don't want any more marketing emails from you. Take me off the list.", "objection_marketing", "en"},
		{"withdraw", "", "I withdraw my consent for you to use my purchase history for recommendations.", "withdraw_consent", "en"},
		{"portability", "", "Please export my order history as a CSV file so I can move it to another retailer.", "portability", "en"},
		{"restriction", "", "Please restrict the processing of my data while you check whether my address is correct.", "restriction", "en"},
		{"objection", "", "I object to you analysing my purchases for your statistics. I do not think your legitimate interest outweighs my privacy.", "objection", "en"},
		{"automated", "", "My credit application was rejected automatically within seconds. I want a human to review the decision.", "automated_decision", "en"},
		{"complaint", "", "I want to complain about how you handled my personal data. My invoice was emailed to a stranger.", "complaint", "en"},
		{"information", "", "What data do you collect through the loyalty card and who do you share it with? I'm not asking for a copy, just want to understand.", "information", "en"},
		{"on behalf of child", "", "I'm writing on behalf of my son (12). Please delete his account, he created it without our permission.", "erasure", "en"},
	})
}

func TestSwedish(t *testing.T) {
	run(t, []tc{
		{"erasure", "", "Hej! Jag vill att ni raderar mitt konto och alla mina uppgifter. Tack!", "erasure", "sv"},
		{"access", "", "Jag begär en kopia av de personuppgifter ni behandlar om mig.", "access", "sv"},
		{"unsubscribe", "", "Jag vill inte ha fler nyhetsbrev från er. Avregistrera mig.", "objection_marketing", "sv"},
		{"withdraw", "", "Jag återkallar mitt samtycke till att ni använder mina uppgifter för marknadsföring.", "withdraw_consent", "sv"},
		{"rectification", "", "Min adress är fel i ert system. Kan ni rätta den till Storgatan 3?", "rectification", "sv"},
	})
}

func TestDanish(t *testing.T) {
	run(t, []tc{
		{"erasure", "", "Hej. Jeg vil gerne have, at I sletter alle mine oplysninger. Venlig hilsen Mette", "erasure", "da"},
		{"access", "", "Jeg anmoder om indsigt i de oplysninger, I har om mig.", "access", "da"},
		{"unsubscribe", "", "Afmeld mig venligst jeres nyhedsbrev.", "objection_marketing", "da"},
		{"rectification", "", "Mit navn er stavet forkert i jeres system. Kan I rette det?", "rectification", "da"},
	})
}

func TestGerman(t *testing.T) {
	run(t, []tc{
		{"erasure", "", "Bitte löschen Sie mein Kundenkonto und alle meine Daten.", "erasure", "de"},
		{"erasure ascii", "", "Bitte loeschen Sie alle Daten ueber mich.", "erasure", "de"},
		{"access", "", "Ich bitte um Auskunft über die zu meiner Person gespeicherten Daten.", "access", "de"},
		{"newsletter", "", "Ich möchte Ihren Newsletter abbestellen und keine Werbung mehr erhalten.", "objection_marketing", "de"},
		{"withdraw", "", "Hiermit widerrufe ich meine Einwilligung zur Nutzung meiner Daten.", "withdraw_consent", "de"},
	})
}

// The hard pairs of RIGHTS.md, each side written a few ways.
func TestHardPairs(t *testing.T) {
	run(t, []tc{
		// access vs information
		{"access: what and copy", "", "Hva har dere lagret om meg? Send meg en kopi.", "access", ""},
		{"information: how in general", "", "Hvordan behandler dere kundedata, og hvilket rettslig grunnlag har dere for å lagre kjøpshistorikk?", "information", ""},
		{"information: explicitly no copy", "", "Dette er ikke en innsynsbegjæring. Jeg lurer bare på hvor lenge dere oppbevarer opptak fra kameraene.", "information", ""},
		{"information: cookies", "", "Which cookies do you set on the web shop and what are they used for?", "information", ""},
		{"none: receipt copy", "", "Kan dere sende meg en kopi av fakturaen for vaskemaskinen? Trenger den til garantien.", "none", ""},

		// objection vs objection_marketing
		{"marketing: object to ads", "", "I object to receiving advertising from you.", "objection_marketing", ""},
		{"marketing: profiling for ads", "", "Jeg vil ikke at dere bruker kjøpene mine til å profilere meg for reklame.", "objection_marketing", ""},
		{"objection: camera", "", "Jeg protesterer mot kameraovervåkingen av parkeringsplassen, den fanger opp vinduet mitt.", "objection", ""},
		{"objection: credit check", "", "I object to your processing of my data for credit checks based on legitimate interest.", "objection", ""},
		{"objection: general", "", "Jeg protesterer mot behandlingen av mine personopplysninger.", "objection", ""},

		// restriction vs erasure vs rectification
		{"restriction: keep for claim", "", "Ikke slett opptakene fra 3. mai. Jeg trenger dem som bevis i en rettssak mot forsikringsselskapet.", "restriction", ""},
		{"restriction: keep but do not use", "", "Please keep my data but do not use it for anything until the dispute about the invoice is resolved.", "restriction", ""},
		{"rectification: don't delete, fix", "", "Ikke slett kontoen min! Bare rett opp e-postadressen, den skal være ola@example.com.", "rectification", ""},
		{"erasure: later, when transfer confirmed", "", "Please transfer my data to NewShop and delete it when the transfer is confirmed.", "erasure,portability", ""},
		{"none: permission to delete later", "", "Dere kan slette kvitteringen når ordren er ferdig levert.", "none", ""},
		{"none: permission, so-clause", "", "Jeg gir beskjed når garantien er ute, så kan dere slette det.", "none", ""},

		// withdraw_consent vs objection_marketing
		{"withdraw only cookies", "", "Jeg trekker samtykket til informasjonskapsler.", "withdraw_consent", ""},
		{"withdraw and stop ads", "", "Jeg trekker samtykket til informasjonskapsler, og vil ikke lenger ha reklame fra dere.", "objection_marketing,withdraw_consent", ""},

		// portability vs access
		{"portability: file for app", "", "Can I get my purchases exported as JSON so my budgeting app can import them?", "portability", ""},
		{"access and portability", "", "I want a copy of all my data and also my order history in a machine-readable format.", "access,portability", ""},

		// complaint with other rights
		{"complaint and erasure", "", "Dette er en formell klage: dere sendte meg reklame etter at jeg ba om sletting. Slett meg nå.", "erasure,complaint", ""},
		{"none: product complaint", "", "Jeg vil klage på kaffemaskinen, den lekker vann. Kan jeg få en ny?", "none", ""},
	})
}

func TestNegation(t *testing.T) {
	run(t, []tc{
		{"ønsker ikke sletting", "", "Jeg ønsker ikke at dere sletter kontoen min, bare at dere oppdaterer telefonnummeret.", "rectification", ""},
		{"not asking to delete", "", "I'm not asking you to delete anything, I just want to know which data you have on me.", "access", ""},
		{"don't want account deleted", "", "I don't want my account deleted. Please change the email on it to new@example.com.", "rectification", ""},
		{"keep newsletter", "", "Ikke meld meg av nyhetsbrevet, men slett det gamle telefonnummeret mitt.", "erasure", ""},
		{"radera inte", "", "Radera inte mitt konto, jag använder det fortfarande.", "none", ""},
		{"reported deletion", "", "Dere skrev at kontoen min ville bli slettet i mars. Hvorfor får jeg fortsatt regninger?", "none", ""},
		{"hypothetical", "", "Hvis jeg sletter kontoen, mister jeg da bonuspoengene?", "none", ""},
	})
}

func TestNotARequest(t *testing.T) {
	run(t, []tc{
		{"order", "Hvor er pakken min?", "Hei, jeg bestilte en TV for to uker siden og har ikke fått den. Ordrenr 55012.", "none", ""},
		{"invoice", "", "Fakturaen stemmer ikke med prisen i butikken. Kan dere sende en ny?", "none", ""},
		{"sign-up", "", "Jeg vil gjerne melde meg på nyhetsbrevet. Legg meg til på lista!", "none", ""},
		{"sign-up en", "", "Please sign me up for your newsletter, I love the weekly offers.", "none", ""},
		{"job", "Søknad", "Hei! Jeg søker på stillingen som selger. CV og attester er vedlagt.", "none", ""},
		{"seo spam", "", "Hi! We help retailers rank on Google. Book a free audit today - no contracts, results guaranteed. Also, is your site GDPR compliant? Customers can ask for deletion and access anytime.", "none", ""},
		{"gdpr course pitch", "", "Vet dere hva dere skal gjøre når kundene deres ber om innsyn eller sletting? Meld dere på vårt nettkurs i GDPR, 20 % rabatt denne uka.", "none", ""},
		{"phishing", "", "Your mailbox storage is full. Verify your account now or messages will be deleted.", "none", ""},
		{"thanks only", "Re: [PV-2026-0101] Sletting", "Tusen takk for raskt svar!", "none", ""},
		{"id only", "Re: [PV-2026-0102] Innsyn", "Her er kopi av passet mitt.", "none", ""},
		{"id only en", "Re: [PV-2026-0103] Your request", "Attached is my driving licence as requested.", "none", ""},
		{"thanks for deleting", "Re: [PV-2026-0104]", "Thanks for deleting my account so quickly.", "none", ""},
		{"thanks but also a request", "Re: [PV-2026-0105]", "Takk for svaret! Kan dere også slette telefonnummeret mitt?", "erasure", ""},
		{"absence without header", "", "Jeg er på ferie til og med 12. august og har begrenset tilgang til e-post.", "none", ""},
	})
}

func TestMachineMail(t *testing.T) {
	cases := []struct {
		name string
		in   classify.Input
	}{
		{"auto-submitted", classify.Input{Subject: "Re: Slett meg", Body: "Slett meg", AutoSubmitted: "auto-replied"}},
		{"out of office subject", classify.Input{Subject: "Out of Office: Innsyn", Body: "I am away until Monday."}},
		{"fravær subject", classify.Input{Subject: "Fravær: [PV-2026-0009] Vi har mottatt", Body: "Jeg er borte denne uka."}},
		{"abwesend", classify.Input{Subject: "Abwesenheitsnotiz", Body: "Ich bin bis 3. Mai nicht im Büro."}},
		{"bounce content type", classify.Input{Subject: "Undelivered Mail Returned to Sender", Body: "Please delete your own text", ContentType: "multipart/report"}},
		{"mailer-daemon", classify.Input{Subject: "failure", Body: "slett", From: "MAILER-DAEMON@mx.example.net"}},
		{"dsn subject", classify.Input{Subject: "Delivery Status Notification (Failure)", Body: "Delete me"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := classify.Classify(c.in)
			if len(res.Labels) != 0 || res.Reason == "" {
				t.Errorf("got %v, reason %q; want none with a reason", res.Rights(), res.Reason)
			}
		})
	}
}

// Quoted text is someone else's words: it must not add labels.
func TestQuotedTextIgnored(t *testing.T) {
	quote := "\n\nOn Tue, 3 Mar 2026 at 10:00, Magnet AS <post@magnetharstad.no> wrote:\n" +
		"> Hei,\n> Du kan be om innsyn, retting, sletting, begrensning og dataportabilitet,\n" +
		"> og protestere mot behandlingen. Slett, innsyn, kopi av opplysningene,\n" +
		"> meld deg av nyhetsbrevet, trekk tilbake samtykket, klage til Datatilsynet.\n> Hilsen Personvernteamet\n"
	res := classify.Classify(classify.Input{Subject: "Re: [PV-2026-0001] Innsyn", Body: "Takk for hjelpen!" + quote})
	if len(res.Labels) != 0 {
		t.Errorf("thanks with a quote: got %v, want none\n%s", res.Rights(), classify.Explain(res))
	}

	requests := []tc{
		{"erasure", "Slett meg", "Slett kontoen min.", "erasure", ""},
		{"access", "", "Jeg ber om innsyn i opplysningene dere har om meg.", "access", ""},
		{"unsubscribe", "", "Please unsubscribe me from all emails.", "objection_marketing", ""},
	}
	for _, c := range requests {
		bare := classify.Classify(classify.Input{Subject: c.subject, Body: c.body})
		for _, q := range []string{
			quote,
			"\n\n-----Original Message-----\nFrom: Magnet AS\nSent: 3. mars\nSubject: x\n\nDu kan be om innsyn og retting, og trekke samtykket.\n",
			"\n\nFra: Magnet AS <post@magnetharstad.no>\nSendt: tirsdag 3. mars 2026 10:00\nTil: deg\nEmne: Svar\n\nVi har mottatt kravet om innsyn og sletting. Du kan klage til Datatilsynet.\n",
			"\n\nDen 3. mars 2026 kl. 10:00 skrev Magnet AS <post@magnetharstad.no>:\n> Vi har registrert at du vil ha innsyn, retting og dataportabilitet.\n",
		} {
			quoted := classify.Classify(classify.Input{Subject: c.subject, Body: c.body + q})
			if a, b := dsr.JoinRights(bare.Rights()), dsr.JoinRights(quoted.Rights()); a != b || a != c.want {
				t.Errorf("%s: bare %s, with quote %s, want %s", c.name, a, b, c.want)
			}
		}
	}
}

func TestForwarded(t *testing.T) {
	run(t, []tc{
		{"please handle forward", "Fwd: sletting", "Se nedenfor.\n\n---------- Forwarded message ---------\nFra: Kari Nordmann <kari@example.no>\nDate: 1. mars 2026\nSubject: sletting\nTo: ole@example.no\n\nHei, kan du be Magnet slette alle opplysninger om meg? Hilsen Kari", "erasure", ""},
		{"forward of own newsletter only", "Fwd: Ukens tilbud", "FYI\n\n---------- Forwarded message ---------\nFrom: Magnet AS <nyhetsbrev@magnetharstad.no>\nSubject: Ukens tilbud\n\nMeld deg av nyhetsbrevet her. Kopi av dine opplysninger på Min side.", "none", ""},
		{"own newsletter forwarded with request", "Fwd: Ukens tilbud", "Jeg har aldri bedt om dette. Slutt å sende meg nyhetsbrev.\n\n---------- Forwarded message ---------\nFrom: Magnet AS <nyhetsbrev@magnetharstad.no>\n\nTilbud! Kopi av kvittering.", "objection_marketing", ""},
	})
}

func TestSignatureIgnored(t *testing.T) {
	run(t, []tc{
		{"signature mentions rights", "", "Hvor er pakken min? Ordre 1234.\n\n-- \nKari Nordmann\nPersonvernombud, Firma AS\nVi tar innsyn og sletting på alvor.", "none", ""},
		{"sent from", "", "Slett meg.\n\nSendt fra min iPhone", "erasure", ""},
	})
}

func TestEvidenceAndExplain(t *testing.T) {
	res := classify.Classify(classify.Input{Subject: "Innsyn", Body: "Hei!\n\nJeg ønsker INNSYN i mine personopplysninger, jf. GDPR art. 15.\n\nMvh Kari"})
	if len(res.Labels) != 1 || res.Labels[0].Right != dsr.Access {
		t.Fatalf("got %v", res.Rights())
	}
	l := res.Labels[0]
	if l.Confidence < 0.9 || l.Confidence > 1 {
		t.Errorf("confidence %.2f, want ≥ 0.9 for an exact term and an article", l.Confidence)
	}
	found := false
	for _, e := range l.Evidence {
		if strings.Contains(e, "INNSYN") {
			found = true // as written, not folded
		}
	}
	if !found {
		t.Errorf("evidence %q does not quote the sender", l.Evidence)
	}
	ex := classify.Explain(res)
	for _, want := range []string{"access", "INNSYN", "language: nb"} {
		if !strings.Contains(ex, want) {
			t.Errorf("Explain lacks %q:\n%s", want, ex)
		}
	}
	none := classify.Explain(classify.Classify(classify.Input{Subject: "Automatic reply", Body: "away", AutoSubmitted: "auto-replied"}))
	if !strings.Contains(none, "none: auto-reply") {
		t.Errorf("Explain of none lacks the reason:\n%s", none)
	}
}

// TestConcurrent classifies from several goroutines at once, as the desk
// does while syncing; run with -race it checks the shared rule tables and
// the scratch pool.
func TestConcurrent(t *testing.T) {
	msgs := []string{"Slett meg.", "Jeg ber om innsyn.", "Unsubscribe me please.", "Hva brukes dataene til?"}
	want := make([]string, len(msgs))
	for i, m := range msgs {
		want[i] = dsr.JoinRights(classify.Classify(classify.Input{Body: m}).Rights())
	}
	done := make(chan string, 8*len(msgs))
	for g := 0; g < 8; g++ {
		go func() {
			for i, m := range msgs {
				if got := dsr.JoinRights(classify.Classify(classify.Input{Body: m}).Rights()); got != want[i] {
					done <- m + ": " + got + " != " + want[i]
					continue
				}
				done <- ""
			}
		}()
	}
	for range 8 * len(msgs) {
		if e := <-done; e != "" {
			t.Error(e)
		}
	}
}
