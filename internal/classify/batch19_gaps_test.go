package classify_test

import "testing"

// The cases below were written for what held-out batch 19 missed, with
// near misses that must stay as they are.
func TestConsentTakenBackInOtherWords(t *testing.T) {
	run(t, []tc{
		{"en: that yes taken back", "cookies", "I clicked accept on your cookie banner by mistake. Please treat that yes as taken back.", "withdraw_consent", ""},
		{"en: necessary cookies only", "", "Necessary cookies only for me from now on, please.", "withdraw_consent", ""},
		{"nb: tillatelsen tar jeg tilbake", "", "Jeg sa ja til personlige tilbud i appen. Den tillatelsen tar jeg tilbake.", "withdraw_consent", ""},
		{"nb: ja-et gjelder ikke lenger", "", "Jeg sa ja til at dere kunne bruke posisjonen min. Det ja-et gjelder ikke lenger.", "withdraw_consent", ""},
		{"da: tilladelsen trækker jeg tilbage", "", "I måtte bruge mit billede på hjemmesiden, men den tilladelse trækker jeg tilbage.", "withdraw_consent", ""},
		// A product taken back is a return.
		{"en: take back the TV", "Return", "Will you take back the TV I bought last week? It has a dead pixel.", "none", ""},
		{"nb: tar tilbake varen", "Retur", "Tar dere tilbake varen hvis esken er åpnet?", "none", ""},
	})
}

func TestForgetMeAndStopFilming(t *testing.T) {
	run(t, []tc{
		{"nb: glem meg", "", "Jeg har ikke handlet hos dere på år. Kan dere bare glemme meg? Alt sammen.", "erasure", ""},
		{"nb: ikke glem meg (en bestilling)", "", "Ikke glem meg når vaskemaskinen kommer inn igjen, jeg står på venteliste.", "none", ""},
		{"nb: kamera, slutt med det", "", "Kameraet over inngangen filmer hele busstoppet. Jeg ber om at dere slutter med det.", "objection", ""},
		{"nb: slutt med det, ingen kamera", "", "Dere sender feil vare for tredje gang. Nå må dere slutte med det.", "none", ""},
		{"de: Auskunftei ist keine Auskunft", "", "Welche Auskunftei nutzen Sie für die Bonitätsprüfung, und wie lange speichern Sie das Ergebnis?", "information", ""},
		{"de: Adresse stimmt nicht mehr", "", "Meine Adresse stimmt nicht mehr, bitte ändern Sie sie auf Storgata 1, 9405 Harstad.", "rectification", ""},
		{"sv: ingen människa har tittat", "Nekad delbetalning", "Jag fick nej på sekunder. Ingen människa kan ha tittat på min ansökan. Jag vill att någon går igenom den.", "automated_decision", ""},
		{"en: don't put me on the offers list", "", "Please change my e-mail to kim@example.com, but don't put the new address on the newsletter or offers list.", "rectification,objection_marketing", ""},
	})
}

// The company's routine, told, is no request: "you normally delete after
// a few days" beside "do not let the footage be deleted" asks to keep it.
func TestRoutineToldIsNoRequest(t *testing.T) {
	run(t, []tc{
		{"en: keep the footage, you normally delete", "CCTV", "Someone hit my car in your car park on Saturday. Please do not let the footage be deleted, I need it for the insurance claim. I know you normally delete after a few days.", "restriction", ""},
		{"en: please delete automatically", "", "Please delete my account and all data you hold on me.", "erasure", ""},
		{"en: can you delete", "", "Can you delete everything you have about me?", "erasure", ""},
		{"en: you usually delete, do it now", "", "You usually delete inactive accounts after three years. Mine has been inactive for five, so delete it now please.", "erasure", ""},
	})
}
