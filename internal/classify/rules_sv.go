package classify

import "github.com/magnetharstad/pvdesk/internal/dsr"

// Swedish word families.
const (
	svData     = "uppgift*|personuppgift*|data|information|info|kunduppgift*"
	svEraseObj = svData + "|konto*|*konto|*kontot|kundkonto*|profil*|bild*|*bilden|foto*|register*|*registret|system*|historik*|allt|alla|medlemskap*"
	svSelf     = "jag|vi"
	svKeepObj  = svData + "|inspelning*|*inspelning|*inspelningen|*inspelningarna|film*|*filmen|video*|*video|*videon|kvitto*|*kvittot|*kvittona|logg*|bild*|*bilden|dem|det|den|allt|mejl*|e-post*"
	// svLegalPurpose: the claim data is kept for, somewhere in the mail.
	svLegalPurpose = "bevis*|tvist*|rättegång*|rättstvist*|domstol*|försäkring*|anspråk*|ersättning*|skadeanmälan|polis*|polisanmälan|advokat*|stämning*"
	// svSettled: how a hold ends, a check or a dispute over.
	svSettled = "utrett|utredd|klart|klar|löst|avgjort|avslutat|avslutad|rättat|rättad|rättats|korrigerat|kontrollerat|granskat"
)

// svRules are the Swedish phrase families.
var svRules = []ruleSpec{
	// "radera min beställning" cancels an order, as "slett bestillingen"
	// does: the Norwegian list of things that are no data holds the
	// Swedish order words too.
	rule(dsr.Erasure, 0.85, "radera|raderar|raderas|raderade|radering*|raderingen|utplåna*").with(noReport|noPermit).in("delete").
		notOf(noNotData).unlessOnly(cartWords, accountWords),
	// "Ta bort mig från ert sms-utskick" takes one off a list.
	rule(dsr.Erasure, 0.7, "ta|tar ~1 bort ~4 "+svEraseObj+"|mig").with(noReport | noPermit).except(listWords).notOf(listWords).in("remove"),
	rule(dsr.Erasure, 0.9, "rätt|rätten ~4 glömd|bortglömd|glömmas"),

	rule(dsr.Access, 0.9, "registerutdrag*").with(noReport),
	rule(dsr.Access, 0.8, "kopia|kopian ~5 "+svData+"|allt|lagrat|sparat|registrerat|inspelning*|*inspelningen|videoinspelning*|övervakningsfilm*|filmen|videon").with(noReport).in("copy").unless("kvitto*|faktura*|order*"),
	rule(dsr.Access, 0.65, "vilka|vad|vilken ~6 om ~1 mig|oss|henne|honom").with(noReport).in("whathave").unless("används|använder|ändamål*|delar|länge|varför|beslut*|baserat|baserades|grund|grunden|logik*").
		notOf(passOn),
	// "Vad har ni egentligen registrerat på mig?" (see bokmål).
	rule(dsr.Access, 0.65, "vad|vilka ~3 har|registrerat|sparat|lagrat ~4 på ~1 mig|oss|henne|honom").with(noReport).in("whathave").
		unless("används|ändamål*|delar|länge|varför|lager|lagret|order*|beställning*|pris*|erbjudand*|poäng*|bonus*|rabatt*|saldo*"),
	rule(dsr.Access, 0.7, "tillgång ~3 mina|till ~2 "+svData).with(noReport).in("copy"),
	// "ta bort mitt konto och allt ni har om mig" erases what it names;
	// "gick bort" (died) is no removal: "min mamma gick bort, jag vill
	// veta allt ni har om henne" asks for access.
	rule(dsr.Access, 0.65, svData+"|allt ~3 ni ~3 har|sparat|lagrat|behandlar|registrerat ~3 om|på ~1 mig|oss|henne|honom").with(noReport|nounPhrase).in("whathave").
		unlessOnly("bort", "gick|gått|går|gå|gikk|gjekk|gått"),
	rule(dsr.Access, 0.5, "få ~1 ut|se ~3 "+svData).with(noReport).in("copy"),

	rule(dsr.Rectification, 0.7, "rätta|rättas|rättar|rättelse|korrigera*|uppdatera*|ändra|ändras ~4 adress*|namn*|efternamn*|epost*|mejl*|telefon*|nummer*|personnummer|födelsedatum|uppgift*|personuppgift*").in("fix"),
	rule(dsr.Rectification, 0.45, "rätta|korrigera|ändra ~1 det|detta|den").in("fixit"),
	// "jag har bytt efternamn": data that went out of date.
	rule(dsr.Rectification, 0.55, "bytt|ändrat|nytt|ny ~2 efternamn*|namn|adress*|telefonnummer*|mejladress*|e-postadress*").in("moved").unless("leveransadress*|beställning*|order*"),
	rule(dsr.Rectification, 0.35, "fel|felaktig*|felstavat|inaktuell* ~3 adress*|namn*|uppgift*|nummer*").in("err"),
	rule(dsr.Rectification, 0.35, "adress*|namn*|efternamn*|förnamn*|uppgift*|nummer*|telefonnummer* ~4 fel|felaktig*|felstavat*|felstavad").in("err"),
	rule(dsr.Rectification, 0.5, "min|mitt|mina ~1 adress*|namn*|efternamn*|förnamn*|nummer*|telefonnummer*|personnummer ~4 fel|felaktig*|felstavat*|felstavad").in("mine"),
	rule(dsr.Rectification, 0.35, "rätt|rätta|korrekt|korrekta ~1 adress*|adressen|namn*|namnet|nummer*|nummret|stavning").in("shouldbe"),

	rule(dsr.Restriction, 0.9, "begränsning*|begränsa ~3 behandling*"),
	rule(dsr.Restriction, 0.5, "bara|endast|enbart ~3 spara|sparas|lagra|lagras|förvara*").in("storeonly"),
	rule(dsr.Restriction, 0.5, "spara|lagra|behåll* ~6 men ~3 inte|ej ~2 använd*|dela*").with(selfNeg).in("storeonly"),
	rule(dsr.Restriction, 0.4, "radera|raderas|ta").with(onlyNeg).in("keep"),
	// "tills ärendet är avslutat", "innan det är rättat": how long a hold
	// lasts, as in bokmål.
	rule(dsr.Restriction, 0.4, "tills|medan|innan ~3 är|blir|har ~2 "+svSettled).in("pause"),
	rule(dsr.Restriction, 0.35, "tvist*|rättegång*|rättstvist*|bevis*|domstol*|försäkringsbolag*|rättsligt ~1 anspråk").in("legal"),
	// "Använd inte inspelningarna förrän ärendet är utrett": use held off
	// until a check ends, read whole, the negation before or after the verb.
	rule(dsr.Restriction, 0.5, "inte|ej ~2 använd|använda|används|behandla|behandlas ~6 innan|tills|förrän|medan ~5 "+svSettled).
		with(selfNeg).notAfter(svSelf).in("useuntil"),
	rule(dsr.Restriction, 0.5, "använd|använda|används|behandla|behandlas ~4 inte|ej ~6 innan|tills|förrän|medan ~5 "+svSettled).
		with(selfNeg).notAfter(svSelf).in("useuntil"),
	// "Spara inspelningen, jag behöver den som bevis": kept at the
	// sender's request for a claim; "jag sparar kvittot" is their own.
	rule(dsr.Restriction, 0.5, "spara|bevara|behåll|behålla|förvara ~3 "+svKeepObj).
		notAfter(svSelf).given(svLegalPurpose).with(noPermit).unless(keepAsked).in("preserve"),
	rule(dsr.Restriction, 0.5, "ta ~1 vara ~1 på ~3 "+svKeepObj).
		notAfter(svSelf).given(svLegalPurpose).with(noPermit).unless(keepAsked).in("preserve"),

	rule(dsr.Portability, 0.45, "överför*|flytta|skicka ~4 "+svData+"|köphistorik*|historik*|kvitton").in("transfer"),
	rule(dsr.Portability, 0.45, "annan|ny|nya ~1 leverantör*|tjänst*|app|appen|kundklubb*|personuppgiftsansvarig*|företag*|butik|butiken|kedja").in("elsewhere"),
	rule(dsr.Portability, 0.45, "byter|byta|byt ~3 kundklubb*|butik|leverantör*|app|tjänst*").in("elsewhere"),

	rule(dsr.Portability, 0.6, "exportera*|export ~4 "+svData+"|köp*|historik*").in("export"),
	// "uppgifterna jag själv har lämnat till er" (a cue, see bokmål).
	rule(dsr.Portability, 0.45, svData+" ~4 jag|vi ~3 har ~2 lämnat|gett|givit|uppgett").in("provided"),

	rule(dsr.ObjectionMarketing, 0.85, "avregistrera*|avprenumerera*|avanmäl*|avsluta ~3 prenumeration*|nyhetsbrev*|utskick*").in("unsub"),
	rule(dsr.ObjectionMarketing, 0.85, "ta|tar ~1 bort ~4 "+listWords).in("unsub").unless(shopListWords),
	rule(dsr.ObjectionMarketing, 0.6, "inte|ej ~3 skicka|ringa|kontakta ~2 mig").with(selfNeg).in("nomore"),
	rule(dsr.ObjectionMarketing, 0.7, "sluta ~2 skicka|ringa|kontakta|mejla").in("nomore"),
	rule(dsr.ObjectionMarketing, 0.75, "spärra* ~3 "+marketingWords+"|direktreklam").in("reserve"),

	rule(dsr.Objection, 0.75, "invänd*|invändning*|motsätter|motsätta").or(dsr.ObjectionMarketing, marketingWords).in("object").unless(feeWords),
	rule(dsr.Objection, 0.35, "berättigat|berättigade ~1 intresse*").in("li"),
	rule(dsr.Objection, 0.5, "sluta ~2 spåra|övervaka|filma|profilera|analysera ~1 mig|oss").
		or(dsr.ObjectionMarketing, marketingWords).in("stop"),

	rule(dsr.WithdrawConsent, 0.9, "återkalla*|återkallar|drar|dra|tar ~4 samtycke*").in("withdraw"),
	rule(dsr.WithdrawConsent, 0.9, "samtycke* ~4 återkalla*|tillbaka").in("withdraw"),
	// "mamma skrev under ... Det vill jag inte längre": a yes refused.
	rule(dsr.WithdrawConsent, 0.6, "det ~1 vill ~1 jag ~1 inte ~1 längre").
		with(selfNeg).given("ja|samtyck*|samtycke*|godkänt|godkände|skrev|signerade|underskrift*").in("nolonger"),

	rule(dsr.Information, 0.5, "hur ~1 länge ~5 spara*|sparar|lagra*|lagrar|behåll*").in("retention"),
	// "jag behöver inte se uppgifterna själv": no copy wanted.
	rule(dsr.Information, 0.45, "behöver ~1 inte ~4 se|få|kopia|utdrag|uppgifter*|data|inspelning*").with(selfNeg).in("notaccess"),
	// "vad händer med numret efteråt, sparas det någonstans?"
	rule(dsr.Information, 0.5, "vad ~1 händer|sker ~2 med ~3 numret|personnummer*|uppgift*|uppgifterna|data|informationen").in("purpose"),
	rule(dsr.Information, 0.45, "sparas|lagras ~2 det|den|de ~1 någonstans|hos|var").in("where"),
	rule(dsr.Information, 0.5, "vilka|vilket|vad ~3 ändamål*|syfte*").in("purpose"),
	rule(dsr.Information, 0.45, "vad|vilka ~4 används|använder ~5 till|för").in("purpose"),
	rule(dsr.Information, 0.5, "vad ~1 gör ~1 ni ~2 med ~3 "+svData).in("purpose"),
	rule(dsr.Information, 0.5, "rättslig*|laglig* ~2 grund*").in("basis"),
	rule(dsr.Information, 0.55, "var|varifrån|hur ~3 ni ~2 fått|fick|hämtat|köpt ~4 "+svData+"|namn*|adress*|nummer*|mejl*").with(noReport).in("source"),
	rule(dsr.Information, 0.4, "vem|vilka ~5 delar|delas|får|tillgång|lämnar").in("share"),
	rule(dsr.Information, 0.45, "varför ~3 behöver|samlar|sparar|lagrar|kräver").in("why"),

	rule(dsr.AutomatedDecision, 0.45, "automatisk*|automatiserad*|algoritm*|systemet ~5 beslut*|avslag*|nekad*|avslog|bedömning*|kreditprövning*").in("autodec"),
	rule(dsr.AutomatedDecision, 0.45, "beslut*|avslag*|nekad*|bedömning*|kreditprövning* ~5 automatisk*|automatiserad*|systemet").in("autodec"),
	rule(dsr.AutomatedDecision, 0.5, "manuell*|mänsklig* ~3 prövning|bedömning|granskning|omprövning").in("human"),
	rule(dsr.AutomatedDecision, 0.45, "människa|person|handläggare ~5 granskar|prövar|bedömer|tittar|går|granskat|prövat|bedömt|tittat|kollat").in("human"),
	// "att någon går igenom ansökan manuellt", "pröva beslutet manuellt":
	// the adverb last names the review as a person's, as in bokmål.
	rule(dsr.AutomatedDecision, 0.45, "igenom|granska*|pröva*|ompröva*|bedöm*|kolla* ~4 manuellt|manuell").in("human"),
	// "vilken logik som låg bakom": the logic of a decision, weak alone.
	rule(dsr.AutomatedDecision, 0.3, "logik|logiken|kriterier|kriterierna").in("why"),
	// "ingen människa kan ha tittat på det så snabbt": no person decided.
	rule(dsr.AutomatedDecision, 0.5, "ingen ~1 människa|person|handläggare|människor ~5 granskat|prövat|bedömt|tittat|kollat|granskar|tittar|läst").with(selfNeg).in("human"),
	// A credit refused: our credit checks are automated.
	rule(dsr.AutomatedDecision, 0.3, "avslag*|nekad*|nekat|nekades ~4 faktura*|fakturaköp*|kredit*|delbetalning*|avbetalning*").in("creditdec"),

	rule(dsr.Complaint, 0.65, "klagomål*|klaga|klagar|anmäla|anmälan").in("complain").unless("vara|varan|produkt*|leverans*"),
}
