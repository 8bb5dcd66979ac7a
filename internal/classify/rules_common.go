package classify

import (
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// Word families shared by the rule tables of several languages. Each is a
// set of single-word tests (see pattern.go); the tables combine them into
// phrases.
const (
	// marketingWords name marketing itself; on their own they are no request,
	// next to "ikke", "stop" or an objection they are one.
	marketingWords = "reklame*|*reklame|*reklamen|reklam|reklamer|reklamerna|nyhetsbrev*|*nyhetsbrev|*nyhetsbrevet|" +
		"nyheitsbrev*|nyhedsbrev*|newsletter*|marketing*|markedsføring*|markedsforing*|markedsfør*|" +
		"marknadsföring*|advertis*|ads|adverts|annonse*|annons*|werbung|*werbung|werbe*|tilbudsmail*|" +
		"tilbudsepost*|salgsmail*|telefonsalg*|telemarketing|katalog*|*katalogen|promo*|promotional|" +
		"utskick*|spam|retargeting|markedsføringsformål*|tilbud|tilboda|tilbod|tilbuda|offers|utsendingar|" +
		"utsendelse*|*utsendelser|reklamesms*|salgsoppringing*|kampanje*"
	// contactWords are channels a shop markets through.
	contactWords = "sms*|*sms|epost*|eposten*|email*|emails|mail|mails|mailer|meldinger|meldingar|messages|" +
		"texts|tekstmeldinger|oppringinger|calls|telefoner|telefonsamtaler|samtaler|brev|letters|mejl*|nyhetsbrev*"
	// listWords are the lists people ask to be taken off.
	listWords = "liste|lista|listen|listene|lister|listane|listar|listor|lists|list|*liste|*lista|*listen|*listene|*list|*lists|" +
		"nyhetsbrev*|*nyhetsbrev|*nyhetsbrevet|nyheitsbrev*|newsletter*|mailing*|*sms*|sms*|utsendel*|" +
		"*utsendelse|*utsendelser|distribusjon*|utskick*|verteiler*|mailliste*|epostliste*"
	// shopListWords are the shop's own lists a customer keeps, not a
	// mailing list: "slette ting fra ønskelisten", "remove it from my
	// wishlist", "von der Merkliste entfernen" use the shop.
	shopListWords = "ønskeliste*|ønskelista|ønskjeliste*|ønskjelista|handleliste*|handlelista|gaveliste*|gavelista|" +
		"önskelist*|inköpslist*|wishlist*|wunschliste*|merkliste*|einkaufsliste*|indkøbsliste*|favorittliste*|favoritlist*|favourites|favorites"
	// cartWords are the shop's basket: an item deleted from it is goods,
	// not data ("slette en støvsuger fra handlekurven", "delete it from my
	// cart", "aus dem Warenkorb löschen").
	cartWords = "handlekurv*|handlevogn*|handlekorg*|varekorg*|varukorg*|kundvagn*|indkøbskurv*|kurven|cart|basket|trolley|warenkorb*|" + shopListWords
	// accountWords are a person's account and data: beside them a basket
	// or a wish list is one more thing deleted with the account ("slett
	// kontoen min og ønskelisten"), not the whole of what is asked.
	accountWords = "konto|kontoen|kontoer|kontot|*konto|*kontoen|*kontot|kundekonto*|brukerkonto*|kundenkonto*|benutzerkonto*|" +
		"profil|profilen|profilar|profiler|*profil|*profilen|profile|profiles|account|accounts|*account|" +
		"opplysning*|*opplysninger|*opplysningene|*opplysningane|opplysing*|*opplysingar|*opplysingane|oplysning*|*oplysninger|*oplysningerne|" +
		"uppgift*|*uppgifter|*uppgifterna|daten|*daten|data|dataene|dataa|datane|*data|*dataene|personal|details|" +
		"medlemskap*|medlemskab*|medlemsskap*|mitgliedschaft*|membership*|kundeforhold*|kundeklubb*|kundeklubben|kundklubb*|kundeklub*|" +
		// "slett meg som kunde", "delete me as a customer".
		"kunde|kunden|kund|customer"
	// feeWords are charges a customer disputes: an objection to one is
	// about money, not about processing.
	feeWords = "gebyr|gebyret|gebyra|gebyrer|gebyrene|*gebyr|*gebyret|avgift|avgifta|avgiften|*avgift|*avgifta|*avgiften|" +
		"gebühr|gebühren|*gebühr|fee|fees|surcharge*|avgifter|avgifterna|*gebyrer"
	// quitWords stop something: "slutt å sende", "stop emailing me".
	// ownRight are possessives that make "rett", "ret" a noun: "min rett
	// til innsyn", "min ret til indsigt".
	ownRight = "min|mi|mitt|din|di|sin|si|vår|hans|hennes|jeres|vores|hendes"
	// endWords end a subscription or membership.
	endWords = "avslutt|avslutte|avslutter|avslutta|avslutning|avslutninga|avsluta|afslut|afslutte|kanseller*|terminer*|" +
		"cancel|cancelling|canceling|opsig|opsige|kündig*|kündige|kündigen|beenden|beende"
	quitWords = "slutt|slutte|slutter|sluttar|stopp|stop|stops|stoppe|stopper|stopping|sluta|slutar|cease|quit|aufhören|hør|hoer"

	// scopeWords say what something is about: "dette gjelder ikke
	// markedsføring", "this is not about marketing" limit an objection,
	// they make none.
	scopeWords = "gjelder|gjeld|gjaldt|handler|handlar|angår|dreier|dreiar|omfatter|omfattar|concerns|concern|regards|about|regarding|gäller|gælder|betrifft|betreffen|vedrører|vedkjem"
	// negWords open a phrase that carries its own negation.
	negWords = "ikke|ikkje|aldri|ingen|inga|inte|ej|not|no|never|dont|don't|nicht|kein|keine|keinen|ingen|ikkje"
	// receivedWords turn "ikke fått nyhetsbrevet" into a complaint about not
	// getting it, the opposite of stopping it.
	receivedWords = "fått|fatt|fikk|fekk|mottatt|mottok|mottek|received|got|gotten|get|bekommen|erhalten|fått|meld|melde|meldt|avmeld*|unsubscrib*|fjern*|slutt|stopp|stop|" +
		"arrive|arrives|arrived|arriving|kommer|kom|kommet|comes|came|ankommer"
)

// commonRules are phrases that read the same in every language: article
// numbers and the words of the regulation itself.
var commonRules = []ruleSpec{
	// Art. 15(1)(h), cited for "the logic involved", asks about an
	// automated decision, not for a copy.
	article("15", dsr.Access, 0.8).unless(logicWords),
	rule(dsr.AutomatedDecision, 0.45, artWords+" ~1 15 ~3 1 ~3 h").except("a|bis|to|til|till|through|b|c"),
	article("16", dsr.Rectification, 0.8),
	article("17", dsr.Erasure, 0.8),
	article("18", dsr.Restriction, 0.85),
	article("20", dsr.Portability, 0.85),
	article("22", dsr.AutomatedDecision, 0.8),
	rule(dsr.Objection, 0.85, artWords+" ~1 21 ~2 1").in("art21"),
	rule(dsr.ObjectionMarketing, 0.9, artWords+" ~1 21 ~2 2|3").in("art21"),
	rule(dsr.Objection, 0.6, artWords+" ~1 21").or(dsr.ObjectionMarketing, marketingWords).in("art21"),
	// "slutt å lage profiler av meg", "stop profiling me", "sluta
	// profilera mig": profiling stopped, for marketing when ads share the
	// clause.
	rule(dsr.Objection, 0.5, quitWords+" ~4 profiler|profilene|profilar|profiles|profilere*|profilera*|profilering*|profilieren|profiling|kartlegg*").
		or(dsr.ObjectionMarketing, marketingWords).in("stop").unless(temporary),
	rule(dsr.WithdrawConsent, 0.8, artWords+" ~1 7 ~2 3"),
	rule(dsr.Information, 0.6, artWords+" ~1 13|14"),
	rule(dsr.Complaint, 0.5, artWords+" ~1 77"),
	rule(dsr.Portability, 0.95, "dataportabilitet*|portabilit*|dataportabilität|dataportabilitat"),
	rule(dsr.Portability, 0.8, "data ~1 portability"),
	rule(dsr.Portability, 0.85, "maskinlesbar*|maskinleseleg*|maskinläsbar*|maskinlæsbar*|maschinenlesbar*|machinereadable"),
	rule(dsr.Portability, 0.85, "machine ~1 readable"),
	rule(dsr.Portability, 0.6, "csv|json|xml ~5 fil|fila|filen|format*|file|files|export*|eksport*|datei|filer").in("fileformat"),
	rule(dsr.Portability, 0.6, "fil|fila|filen|format*|file|export*|eksport*|datei|filer ~4 csv*|json*|xml").in("fileformat"),
	rule(dsr.Portability, 0.6, "csvfil*|jsonfil*|csvformat*|csvfile*|jsonfile*|excelfil*|regneark*|spreadsheet*").in("fileformat"),

	rule(dsr.Complaint, 0.45, "datatilsynet*|imy|integritetsskyddsmyndigheten|datenschutzbehörde*|aufsichtsbehörde*|ico|datatilsynets|tilsynsmyndighet*").in("dpa").unless(spamWords),
	rule(dsr.Complaint, 0.6, "meldt|klaget|klaga|sendt|rapportert|reported|complained|anmeldt ~5 datatilsynet*|imy|ico|tilsynsmyndighet*|authority").in("dpa").unless(spamWords),
	rule(dsr.ObjectionMarketing, 0.7, quitWords+" ~4 "+marketingWords).in("nomore").unless("faktura*|invoice*"),
	// "utsendelsene må stoppe", "the newsletters have to stop".
	rule(dsr.ObjectionMarketing, 0.7, marketingWords+" ~3 "+quitWords+"|opphøre|opphører|opphøyre|cease|ophøre|upphöra|aufhören").with(noReport).in("nomore").
		unless("faktura*|invoice*|ordre*|order*|kvittering*|receipt*"),
	// "I never signed up for your newsletter", "jeg har aldri meldt meg
	// på reklame": unsolicited marketing, to be stopped.
	rule(dsr.ObjectionMarketing, 0.6, "never|aldri|not|didn't|ikke|ikkje|nie|nicht|aldrig|inte ~3 signed|subscribed|registered|opted|meldt|meldte|abonnert|abonnerte|påmeldt|samtykket|samtykka|samtykt|consented|agreed|angemeldet|tilmeldt|prenumererat ~4 "+marketingWords).with(selfNeg).in("nomore"),
	// Ending a subscription to a list: "avslutte nyhetsbrevet", "si opp
	// SMS-listen", "cancel the newsletter", "Newsletter kündigen".
	rule(dsr.ObjectionMarketing, 0.8, endWords+" ~3 "+listWords+"|nyhedsbrev*").in("unsub").unless(shopListWords),
	rule(dsr.ObjectionMarketing, 0.8, "si|sei|sig|säg ~1 opp|op|upp ~3 "+listWords+"|nyhedsbrev*").in("unsub").unless(shopListWords),
	rule(dsr.ObjectionMarketing, 0.8, "nyhetsbrev*|*nyhetsbrevet|nyheitsbrev*|nyhedsbrev*|newsletter*|mailing*|sms|utskick* ~2 "+endWords).with(noReport).in("unsub"),
	rule(dsr.ObjectionMarketing, 0.65, quitWords+" ~2 "+contactWords).in("nomore").unless("faktura*|invoice*|ordre*|order*|kvittering*|receipt*"),
	rule(dsr.ObjectionMarketing, 0.65, quitWords+"|cease ~1 it|this|that|them|dem|det|dette").
		given(marketingWords + "|texts|messages|calls|emails|mails|*reklame|sms*|oppringing*|selger|salg").in("nomore"),

	// "fikk ordrebekreftelsen til en helt annen kunde", "you sent my
	// details to the wrong person", "en annen kundes kvittering": personal
	// data that reached the wrong person is a breach, told without the
	// word. A parcel at the wrong door names no data. One rule for all
	// languages: the words differ, the phrase is the same.
	rule(dsr.Complaint, 0.4, misdirectedData+" ~4 "+otherWords+"|feil|wrong|different|fel|forkert|falschen ~1 "+
		"kunde|kunden|person|personen|mottaker|mottakar|customer|customers|recipient|stranger|kund|mottagare|modtager|kundin|empfänger").in("crit"),
	rule(dsr.Complaint, 0.4, otherWords+" ~1 kundes|kunders|persons|customer's|customers|person's|people's|kunds ~2 "+misdirectedData).in("crit"),
	// "jeg forventer at dere tar dette på alvor", "you don't take privacy
	// seriously", "nehmen Sie das ernst": the tone of a complaint, asked
	// for or denied.
	rule(dsr.Complaint, 0.3, "ta|tar|tek|tok|tatt|teke|take|takes|taking|took|taken|tage|tager|tag|taget|tagit|nehmen|nimmt|nehme ~4 "+
		"alvor|alvorlig|alvorleg|allvar|seriously|alvorligt|seriøst|ernst").with(selfNeg).in("serious"),
	rule(dsr.Complaint, 0.3, "ernst ~1 nehmen|nimmt|nehme|genommen").with(selfNeg).in("serious"),
}

// complaintWords name a complaint; a sentence holding one is about what it
// complains of.
const complaintWords = "complaint|complaints|complain|complaining|klage|klager|klagen|klaga|klagar|klagemål*|beschwerde*|beschweren|klagomål*"

// misdirectedData is what of a customer's data reaches another customer
// by mistake; otherWords say it was someone else's.
const (
	misdirectedData = "opplysning*|opplysing*|personopplysning*|kundeopplysning*|personalia|ordrebekreftels*|*ordrebekreftelsen|" +
		"kvittering*|*kvitteringen|*kvitteringa|faktura|fakturaen|navn|namn|navnet|namnet|adresse|adressa|adressen|fødselsnummer*|personnummer*|" +
		"details|data|information|name|address|receipt|receipts|invoice|confirmation|personal|" +
		"uppgift*|personuppgift*|namnet|kvitto*|orderbekräftelse*|fakturan|oplysning*|personoplysning*|ordrebekræftelse*|" +
		"daten|angaben|namen|anschrift|rechnung|quittung|bestellbestätigung"
	otherWords = "annen|annan|anna|fremmed|framand|another|other|stranger's|anden|andere|anderen|fremden"
)

// actionWords are verbs of the other rights; a sentence holding one uses
// "the data you have on me" as its object, not as a request for access.
var actionWords = compileWordSet("slett*|sletning*|slet|fjern*|stryk*|delete*|deleting|erase*|remove*|wipe*|radera*|" +
	"lösch*|rett|rette|retter|rettes|korriger*|oppdater*|correct*|update*|overfør*|transfer*|anonymi*|begrens*|" +
	"restrict*|bruk|bruke|bruker|brukar|brukes|use|using|analyse*|analys*|stop|stopp|slutt*|stans*|endr*|" +
	"feil|uriktig*|ukorrekt*|wrong|incorrect|inaccurate|outdated|forkert*|fel|felaktig*|falsch*")

// temporary marks a pause, which is restriction, not an objection to the
// processing as such.
const temporary = "midlertidig|midlertidig*|mellombels|temporarily|temporary|foreløpig|inntil|mens|medan|until|while|pending"

// logicWords name the logic behind an automated decision.
const logicWords = "logikk*|logic|logik*|logiken"

// artWords name an article of the regulation.

const artWords = "art|artikkel|artikel|artikkelen|article|articles|artikla|artiklen|artiklane|artiklar"

func article(n string, right dsr.Right, w float64) ruleSpec {
	return rule(right, w, artWords+" ~1 "+n).in("article")
}

// spamWords void a cue that pitches and phishing also use.
const spamWords = "kurs|nettkurs|webinar*|rabatt*|discount*|seo"

// Pseudo-rights for what makes a message no request at all. They share the
// rule engine with the real rights and never reach a Result.
const (
	cueSpam   dsr.Right = "x-spam"
	cueSignup dsr.Right = "x-signup"
	cueThanks dsr.Right = "x-thanks"
	cuePolite dsr.Right = "x-polite"

	cueID      dsr.Right = "x-id"
	cueRequest dsr.Right = "x-request"
	cueJob     dsr.Right = "x-job"
	cueOrder   dsr.Right = "x-order"
	cueAway    dsr.Right = "x-away"
	cueHowTo   dsr.Right = "x-howto"
	// cueGeneral marks a question the sender sets apart from their own
	// request ("et mer generelt spørsmål", "unabhängig davon eine
	// allgemeine Frage"): it asks about the processing on its own, it is
	// not part of the request beside it.
	cueGeneral dsr.Right = "x-general"
)

// cueRules recognise pitches, phishing, sign-ups, thanks, identity papers,
// job applications, customer-service questions and absence notes, in all
// languages at once.
var cueRules = []ruleSpec{
	// Sales pitches and SEO offers to the business.
	rule(cueSpam, 0.5, "seo").in("seo"),
	rule(cueSpam, 0.3, "ranking|rankings|rangering*").in("seo"),
	rule(cueSpam, 0.6, "organic ~1 traffic|search"),
	rule(cueSpam, 0.6, "free ~2 audit|consultation|trial|demo|analysis"),
	rule(cueSpam, 0.5, "gratis ~2 analyse|demo|prøveperiode|konsultasjon|gjennomgang|revisjon"),
	rule(cueSpam, 0.5, "quick ~2 call|chat"),
	rule(cueSpam, 0.5, "min|mins|minute|minutters|minutter|minutes|minuten|minuter ~1 call|chat|demo|meeting|samtale|møte|demonstrasjon|gespräch|telefonat|samtal|möte|opkald|møde"),
	rule(cueSpam, 0.4, "open|interested|åpen|åpne|interessert|öppen|intresserad|interesseret|interesse ~5 call|chat|demo|meeting|samtale|møte|prat|samtal|möte|møde|gespräch").in("demo"),
	rule(cueSpam, 0.5, "helps|help|hjelper|hjälper|hjælper|hilft ~3 retailers|businesses|companies|stores|shops|brands|butikker|bedrifter|virksomheter|kjeder|butiker|företag|händler|händlern|unternehmen|detaljister"),
	rule(cueSpam, 0.4, "reaching|reach ~1 out ~1 from"),
	rule(cueSpam, 0.6, "book|booke|bestill|schedule|boka|buchen|vereinbaren ~5 call|demo|meeting|møte|samtale|møtet|demonstrasjon").in("demo"),
	rule(cueSpam, 0.4, "demo|demoen|produktdemo|demonstrasjon").in("demo"),
	// Vendors selling compliance: "our platform automates DSAR intake",
	// "vår løsning hjelper bedrifter med GDPR".
	rule(cueSpam, 0.5, "automates|automatiserer|automatiserar|automatisera|automatisiert|automatisieren|streamlines|effektiviserer ~4 "+
		"dsar*|requests|request|intake|compliance|handling|hantering*|hanteringen|bearbeitung*|*anfragen|*ersuchen|workflow*|arbeidsflyt*|henvendelser|forespørsler|innsynskrav*|saksbehandling*|prosess*").in("vendor"),
	rule(cueSpam, 0.5, "compliance|personvern*|gdpr ~1 tool|tools|platform|software|solution|solutions|verktøy*|verktøyet|løsning*|plattform*|programvare").in("vendor"),
	rule(cueSpam, 0.4, "our|vår|vårt|våre|unser|unsere|vores|vår ~1 platform|solution|software|tool|løsning|løsningen|plattform|plattformen|verktøy|programvare|lösning").in("vendor"),
	rule(cueSpam, 0.5, "receiving|mottar|får ~2 this|denne|dette ~3 because|fordi|ettersom").in("massmail"),
	rule(cueSpam, 0.4, "typically|typisk|gjennomsnittlig|average ~3 cut|save|saves|reduce|reduces|sparer|kutter|reduserer"),
	rule(cueSpam, 0.5, "uforpliktende|unverbindlich*|obligationfree|noobligation"),
	rule(cueSpam, 0.4, "no ~1 obligation"),
	rule(cueSpam, 0.4, "account ~1 executive|manager"),
	rule(cueSpam, 0.5, "results ~1 guaranteed"),
	rule(cueSpam, 0.5, "garanterte|garantert ~1 resultater"),
	rule(cueSpam, 0.4, "no ~1 contracts|contract"),
	rule(cueSpam, 0.5, "we ~2 helped|help ~2 businesses|companies|retailers|stores|shops"),
	rule(cueSpam, 0.6, "vi ~2 hjelper|hjulpet ~2 bedrifter|butikker|selskaper|virksomheter"),

	rule(cueSpam, 0.4, "våre|our ~1 tjenester|services|agency|experts|kurs"),
	rule(cueSpam, 0.4, "vi|we ~1 tilbyr|offer|provide"),
	rule(cueSpam, 0.5, "nettkurs*|webinar*|kurset|kurs|course|masterclass|workshop"),
	rule(cueSpam, 0.6, "meld|melde ~1 dere ~1 på"),
	rule(cueSpam, 0.3, "rabatt*|discount*|rabattkode*"),
	rule(cueSpam, 0.4, "kundene ~1 deres|dykkar"),
	rule(cueSpam, 0.4, "your|dine|deres ~1 customers|clients|kunder|business|bedrift"),
	rule(cueSpam, 0.4, "bedrifter|businesses|virksomheter ~4 som ~2 dere|deg"),
	// Phishing.
	rule(cueSpam, 0.6, "verify|confirm|bekreft|verifiser* ~3 account|konto*|mailbox|postkasse*|password|passord|credentials|login|innlogging*|pålogging*|brukernavn|username"),
	// The threat that makes one click: "failure to verify will result in
	// your mailbox being deleted", "postkassen din blir stengt innen 24
	// timer".
	rule(cueSpam, 0.5, "failure ~2 to ~1 verify|confirm|update|validate|respond"),
	rule(cueSpam, 0.4, "mailbox|postkasse*|innboks*|epostkonto* ~8 suspend*|suspension|deactivat*|deaktiver*|terminat*|stengt|stenges|sperret|sperres|closed|disabled"),
	rule(cueSpam, 0.3, "within|innen|innan|binnen|inden ~1 12|24|48|72 ~1 hours|hrs|timer|timar|timmar|stunden"),
	rule(cueSpam, 0.6, "mailbox|postkasse*|innboks*|storage ~4 full|quota|kvote|lagringsplass"),
	rule(cueSpam, 0.6, "password|passord* ~4 expire*|utløper|reset|tilbakestill*|oppdater*"),
	rule(cueSpam, 0.4, "klikk|click ~2 here|her|lenken|link|nedenfor|below"),
	rule(cueSpam, 0.6, "tollgebyr*|tollavgift*|customs ~1 fee|fees"),
	rule(cueSpam, 0.4, "pakken|pakka|pakke|parcel|package ~3 din|your|venter|waiting|held|kan"),
	rule(cueSpam, 0.4, "betal|pay ~2 nå|now|umiddelbart|immediately"),
	rule(cueSpam, 0.5, "lottery|winner|vinner|gevinst|bitcoin|crypto|kryptovaluta|inheritance|arv"),
	rule(cueSpam, 0.6, "gratulerer|congratulations ~4 vunnet|won|selected|valgt"),
	// Other companies' newsletters.
	rule(cueSpam, 0.5, "shop|handle|kjøp|bestill ~1 now|nå|her|today|idag"),
	rule(cueSpam, 0.4, "limited ~1 time|offer|stock"),
	rule(cueSpam, 0.4, "free|gratis ~1 shipping|frakt|delivery|levering"),
	rule(cueSpam, 0.3, "black|cyber ~1 friday|monday|week|week"),
	rule(cueSpam, 0.4, "sale|salg|salget|tilbudet ~2 ends|slutter|avsluttes ~2 soon|snart|tonight|midnight|ikveld"),

	// A question set apart as general or separate (see cueGeneral).
	rule(cueGeneral, 0.8, "generelt|generell|generelle|generell|allmänt|allmän|allmänna|allgemeine|allgemeiner|allgemein|general|generel|generelt ~1 spørsmål|spurnad|spørgsmål|fråga|frage|question|questions"),
	rule(cueGeneral, 0.8, "uavhengig|uavhengig|unabhängig|uafhængigt|uafhængig|oberoende|separately ~1 av|davon|af|av|of ~1 dette|det|this|that"),

	// Newsletter sign-ups: the opposite of unsubscribing.
	rule(cueSignup, 0.8, "meld|melde|melder ~1 meg|oss ~1 på|paa"),
	rule(cueSignup, 0.6, "påmelding*|paamelding*|registrering ~2 nyhetsbrev*"),
	rule(cueSignup, 0.6, "legg|legge|legger ~1 meg|oss|adressen|eposten ~2 til|inn|på"),
	rule(cueSignup, 0.8, "sign ~1 me|us ~1 up"),
	rule(cueSignup, 0.8, "subscribe ~1 me|us"),
	rule(cueSignup, 0.6, "add ~1 me|my ~3 list|newsletter|mailing"),
	rule(cueSignup, 0.6, "abonnere|abonnera|prenumerera|tilmeld|tilmelde|anmelden|abonnieren ~3 på|pa|nyhetsbrev*|newsletter|mig"),

	// Thanks and identity papers: thread replies that open no new request.
	// Gratitude for something done ("takk for svaret") can be a whole
	// reply; a bare "Takk." after a request is only politeness.
	rule(cueThanks, 0.6, "takk|takker|tack|thanks|thank|thx|danke|tak|takka ~2 for|för|für|so|very|you|skal|så|mye|igjen|again"),
	rule(cueThanks, 0.6, "much|greatly ~1 appreciated"),
	rule(cuePolite, 0.6, "takk|takker|tack|thanks|thank|thx|danke|tak|cheers|flott|supert|perfekt|great|appreciated").with(alone),
	rule(cueID, 0.6, "legitimasjon*|passet|passkopi*|passport*|passbilde*|førerkort*|førarkort*|fødselsattest*|idkort*|idcard|"+
		"identifikasjon*|identification|licence|license|ausweis*|personalausweis|bankid|legitimation|identitetskort*|*legitimasjon"),
	rule(cueID, 0.3, "vedlagt|vedlegg|attached|attachment|enclosed|anbei|bifogad*|vedhæftet|bilete|bilde|photo|scan|skanna|skannet"),

	// What a request sounds like; thanks and out-of-office heuristics must not
	// swallow "Takk! Kan dere også slette ...".
	rule(cueRequest, 0.6, "kan|kunne|vil|could|can|would|will|kann|können|könnten|kan ~1 dere|de|du|i|ni|you|sie|dykk"),
	rule(cueRequest, 0.6, "please|pls|plz|vennligst|vennlegast|bitte|kindly|snill|snälla|venligst"),
	rule(cueRequest, 0.6, "ber|bed|beder|begär|begjærer|krever|krev|kræver|fordere|request|demand|insist ~2 om|dere|eg|jeg|you|that|att|at|sie|ni"),
	rule(cueRequest, 0.6, "jeg|eg|i|jag|ich|vi|we ~2 vil|ønsker|ønskjer|want|wish|would|request|demand|krever|krev|begär|vill|önskar|möchte|fordere|beder|kræver|object|withdraw|trekker|trekkjer|protesterer|need|trenger|treng|like"),
	rule(cueRequest, 0.6, "id ~1 like"),
	rule(cueRequest, 0.5, "slett|slet|delete|fjern|remove|unsubscribe|stopp|stop|radera|lösche|loschen|stans|rett|correct|update|oppdater|fix|erase|avslutt|send"),

	// Job applications.
	rule(cueJob, 0.6, "søknad|søker|søke|soknad|apply|applying|application ~3 stilling*|jobb*|position|job|role|vacancy|stillinga|stillingen"),
	rule(cueJob, 0.5, "cv|cven|resume|attester|curriculum|vitnemål*|referanser"),
	rule(cueJob, 0.5, "hiring ~1 manager|team"),
	rule(cueJob, 0.6, "bewerbung|ansökan|ansøgning|jobbsøknad*|jobbsoknad*"),

	// Customer service: orders, invoices, delivery, warranty, repairs.
	rule(cueOrder, 0.4, "ordre*|ordrenummer*|bestilling*|bestilte|faktura*|levering*|leveres|garanti*|kvittering*|"+
		"reklamasjon*|gavekort*|frakt*|fragt*|purring*|forfall*|order|orders|invoice*|delivery|shipping|refund*|"+
		"warranty|receipt*|verksted*|verkstad*|reparasjon*|repair*|åpningstid*|opningstid*|pakke*|betaling*|payment|"+
		"webshop|hente|henting|sporing|levert|bytte|retur*|vare|varen|produkt*|product*"),

	// Questions on how to do something oneself, or whether we do it: the
	// body then speaks for itself and the subject ("Slette søk") is a topic.
	rule(cueHowTo, 0.6, "hvordan|korleis|how|hur|wie ~4 slett*|sletter|endr*|oppdater*|fjern*|meld*|delete*|change*|update*|remove*|unsubscrib*|ändra*|radera*").with(asked),
	rule(cueHowTo, 0.6, "slett*|sletter|lagrer|lagrar|delete|deletes|store|keep ~1 dere|de|you").with(asked),

	// Absence notes that arrive without an Auto-Submitted header.
	rule(cueAway, 0.8, "out ~2 office"),
	rule(cueAway, 0.8, "ute ~2 kontoret"),
	rule(cueAway, 0.8, "fravær*|fråvær*|fraværende|frånvaro|frånvarande|abwesend|abwesenheit*|fraværsmelding"),
	rule(cueAway, 0.8, "automatisk ~1 svar"),
	rule(cueAway, 0.8, "autosvar|autoreply|abwesenheitsnotiz"),
	rule(cueAway, 0.8, "automatic ~1 reply"),
	rule(cueAway, 0.5, "på|pa|on|i ~1 ferie|holiday|vacation|leave|permisjon|semester|urlaub"),
	rule(cueAway, 0.4, "begrenset|limited|avgrensa|begränsad ~2 tilgang|access|tillgång"),
}

// keepAsked: "how long do you keep the footage?" asks about a practice; a
// sender who wants data kept for a claim does not ask how long it is kept.
// One list for every language, as the family count is near its bound.
const keepAsked = "long|lenge|lengi|länge|længe|lange"
