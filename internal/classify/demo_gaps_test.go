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
