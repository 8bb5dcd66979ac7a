package classify

import "github.com/magnetharstad/pvdesk/internal/dsr"

// Norwegian word families, bokmål and nynorsk together: they share most
// stems, and people mix them.
const (
	noData = "opplysning*|opplysing*|personopplysning*|personopplysing*|data|dataene|dataa|dataen|*data|*dataene|" +
		"informasjon*|informasjonen|info|personinfo*|personalia|kundeopplysning*|kundedata"
	// noKeepObj: what a sender asks us to keep as evidence: recordings,
	// receipts, logs, their data, or "it" after they named it; Danish
	// words too, as Danish reads bokmål's lists.
	noKeepObj = noData + "|opptak*|*opptak|*opptaket|*opptakene|*opptaka|video*|*video|*videoen|bilde*|*bildene|*bileta|" +
		"kvittering*|*kvitteringen|*kvitteringene|logg*|*loggen|*loggane|*loggene|e-post*|epost*|*eposten|samtale*|*samtalen|dem|dei|det|den|alt|" +
		"optagelse*|*optagelse|*optagelsen|*optagelserne|billede*|*billedet|mail*|e-mail*|log|logs"
	// noLegalPurpose: the claim data is kept for, somewhere in the mail;
	// Danish, folded into bokmål, reads the same list.
	noLegalPurpose = "bevis*|rettssak*|rettsak*|retssag*|tvist*|søksmål*|rettskrav*|retskrav*|forsikringssak*|forsikring*|erstatning*|krav|kravet|" +
		"forliksråd*|tingrett*|advokat*|domstol*|politi*|anmeldelse*|anmelde|klagesak*|skadesag*"
	// noSettled: how a hold ends, a check or a dispute over.
	noSettled = "avklart|avklara|oppklart|avgjort|løst|løyst|undersøkt|sjekket|sjekka|" +
		"avsluttet|avslutta|ferdig|ferdigbehandlet|ferdigbehandla|over|rettet|retta|korrigert|fikset|fiksa|ordnet|ordna"
	// restrictGoods: a hold on an order, a payment or a parcel is
	// customer service, not a hold on data (Danish spells them alike).
	restrictGoods = "ordre*|bestilling*|betaling*|kort|kortet|pakke*|pakken|levering*|faktura*"
	// noAccessObj: what a copy or an overview is of, when it is the
	// person's own data and not a receipt.
	noAccessObj = noData + "|alt|lagret|lagra|registrert|registrerte|lagrede|lagra|behandler|handsamar|om|" + noRecording
	// noRecording: camera and sound recordings, which hold the person too
	// (Danish spellings included, they fold alike).
	noRecording = "opptak*|*opptak|*opptaket|*opptakene|*opptaka|videoopptak*|kameraopptak*|filmopptak*|lydopptak*|" +
		"overvåkingsbild*|overvåkingsbilete*|overvakingsbilete*|overvåkingsvideo*|kamerabild*|videoen|videoane|videoene|" +
		"optagelse*|*optagelse|*optagelsen|*optagelserne"
	// noEraseObj: what people ask to have removed.
	noEraseObj = noData + "|konto*|*konto|*kontoen|kundekonto*|brukar*|bruker|brukeren|brukerkonto*|profil*|*profil|*profilen|" +
		"bilde*|bilete*|*bildet|*biletet|foto*|*fotoet|*register|*registeret|*registre|*registra|*registeret|system*|*systemet|*systemene|*systema|" +
		"historikk*|*historikk|*historikken|alt|alle|medlemskap*|kundeforhold*|database*|*databasen|spor|kopier|kopiar|navn*|namn*"
	// noPersons: whose data it is; requests on behalf of someone else are
	// requests too.
	noPersons = "meg|oss|henne|ham|han|barnet|sonen|sønnen|dattera|datteren|dotter|mor|mora|moren|far|faren|" +
		"klienten|klientens|mannen|kona|kona|kone|konen|sambo|hennar|hans|hennes"
	// noPortObj: what people take with them to another provider.
	noPortObj = noData + "|kjøp*|kjøpshistorikk*|historikk*|*historikken|kvittering*|*kvitteringane|garanti*|" +
		"kundeopplysning*|servicehistorikk*|serviceavtal*|filer|fila|filene"
	noRectVerb = "rett|rette|retter|rettes|rettet|retta|rettast|rettar|retting|korriger*|oppdater*|oppdatering|endr*|" +
		"justere|justeres|fikse|fiks|fikses|rettelse"
	noRectObj = "adresse*|adressa|postadresse*|navn*|namn*|navnet|namnet|etternavn*|etternamn*|fornavn*|førenamn*|epost*|" +
		"epostadresse*|mail|mailadresse*|telefon*|telefonnummer*|mobil*|mobilnummer*|nummer*|nummeret|fødselsdato*|" +
		"fødselsdag*|fodselsdato*|fødselsnummer*|opplysning*|opplysing*|personopplysning*|data|dataene|info*|husnummer*|" +
		"postnummer*|stavemåte*|skrivemåte*|staving*|registrering*|kundeopplysning*|kontaktinfo*|kontaktopplysning*|" +
		"personalia|kundeprofil*|profil*|profilen|*navn|*navnet|*namn|*namnet|*adresse|*adressen|*nummer|*nummeret"
	noErrWords = "feil|feilstav*|feilstava|feilstavet|feilskrevet|feilskriven|feilregistrert*|uriktig*|ukorrekt*|" +
		"utdatert*|gammel|gamle|gammelt|foreldet|ufullstendig*|mangelfull*|galt|gale|riktig|korrekt"
	noAuto = "automatisk*|automatiske|automatiser*|automatisert*|algoritm*|systemet|system|maskin|maskina|maskinen|robot*|dataprogram*|ki|datamaskin*"
	noDec  = "avgjør*|avgjer*|avgjerd*|beslutning*|vedtak*|avslag*|avslått|avslatt|avslo|avviste|avvist|kredittvurdering*|" +
		"kredittsjekk*|vurdering*|vurderinga|flagget|flagga|flagga|sperret|sperra|kansellert|silt|frasortert|sortert|scoring|score|poengsum|nei|" +
		"bestemte|bestemt|bestemmer|avgjorde"
	// discontentData: what a discontent is about when it is a complaint
	// about data (bokmål and nynorsk, Danish, Swedish): the data named as
	// the person's, not "informasjon", which a shop also gives about its
	// goods.
	discontentData = "opplysning*|opplysing*|personopplysning*|personopplysing*|data|dataene|dataa|dataen|*data|*dataene|" +
		"personinfo*|personalia|kundeopplysning*|kundedata|personvern*|oplysning*|personoplysning*|kundeoplysning*|" +
		"uppgift*|personuppgift*|kunduppgift*"
	// noProduct: a "klage" about goods or service is a product complaint
	// (reklamasjon), not one about personal data.
	noProduct = "varen|vara|vare|varer|produkt*|maskin*|*maskin|*maskinen|levering*|pakke*|pakken|kvalitet*|" +
		"ovn|ovnen|*ovn|*ovnen|kjøleskap*|fryser*|støvsuger*|komfyr*|tv|tv-en|pengene|refusjon*|" +
		"reparasjon*|pris*|prisen|service|reklamasjon*|*maskina"
	// noStaff: a "klage" about a salesperson is about service, unless the
	// sentence names what they did with the person's data ("ekspedienten
	// leste opp personnummeret mitt"): see noStaffData. Danish "ekspedient",
	// "sælger" too. Not their manners, which a data complaint may also
	// name ("en uhøflig måte å behandle opplysningene mine på").
	noStaff = "butikkansatt*|ekspeditør*|ekspedient*|sælger|sælgeren|selger|selgeren|betjening*"
	// noStaffData: what makes a complaint about staff one about data.
	noStaffData = noData + "|personnummer*|fødselsnummer*|telefonnummer*|mobilnummer*|personvern*|gdpr|" +
		"bilde|bildet|bilder|*bilde|*bildet|foto*|video*|opptak*|adresse|adressen|adressa|*adresse|*adressen|" +
		"epost*|e-post*|kortnummer*|kredittkort*|kontonummer*|legitimasjon*|førerkort*|pass|passet"
	// noNotData: things deleted that are not personal data (a cart item,
	// an order being cancelled).
	noNotData = "handlekurv*|handlevogn*|handlekorg*|ønskeliste*|ønskjeliste*|favoritt*|ordren|bestillingen|bestillinga|" +
		"ordrene|bestillingene|ordre|bestilling|bestilingen|bestilinga|bestiling|bestilingene|beställning|beställningen|beställningar|ordern|vare|varen|varene|appen|app|timen|avtalen|reservasjonen|duplikat*|dobbel*"

	// customerLists are the shop's register of customers: to be taken
	// off it is erasure, not an unsubscription (listWords).
	customerLists = "kundeliste*|kundelista|kundelistene|kundelistane|kundelister|kunderegist*|kundedatabase*|kundekartotek*"

	// passOn: data passed on to someone, in the passive or with a
	// recipient ahead ("blir sende til", "sendes videre", "går til").
	passOn = "sendes|sendast|sende|sendt|sendte|deles|delast|utleveres|utleverast|utlevert|overføres|overførast|overført|" +
		"videresendes|gis|gjevast|går|gikk|gjekk|videre|vidare|" +
		"sent|passed|shared|disclosed|transferred|forwarded|given|" +
		"skickas|skickats|delas|lämnas|överförs|videregives|overføres|sendes"
	// wrongRecipient: "sendt til feil kunde" is about where data went, not
	// about the data being wrong.
	wrongRecipient = "kunde|kunden|person|personen|mottaker*|mottakar*|nabo|naboen|folk|firma|selskap"
	noHumanVerb    = "ser|se|sjå|vurder*|går|gå|ga|gjennomgå*|behandl*|handsam*|sjekk*|kontroller*|titter|tittar|leser|les"
)

// noRules are the Norwegian phrase families, bokmål and nynorsk.
var noRules = []ruleSpec{
	// erasure: "slett meg", "sletting av kundekonto", "kan dere slette",
	// "ber om at opplysningene slettes", "vert sletta".
	rule(dsr.Erasure, 0.85, "slett*|sletning*").
		with(noReport|noPermit).in("delete").notOf(noNotData).
		// A phone wiped before it is traded in or recycled is a device; a
		// thing deleted from the basket is goods.
		unless("innbytte*|resirkuler*|resirkulert|tilbakestill*|fabrikkinnstill*").unlessOnly(cartWords, accountWords),
	rule(dsr.Erasure, 0.75, "fjern*|stryk*|strøk ~4 "+noEraseObj).with(noReport | noPermit).in("remove").except(listWords),
	rule(dsr.Erasure, 0.6, noEraseObj+" ~3 fjernes|fjernast|fjerna|strykes|fjernet").with(noReport | noPermit).in("remove"),
	// "fjern meg helt fra kundeklubben og kundelistene": the shop's
	// customer lists are its register of customers, not a mailing list.
	// "kundelista for nyhetsbrev" is a mailing list after all.
	rule(dsr.Erasure, 0.7, "fjern*|stryk* ~2 meg|oss ~5 "+customerLists).with(noReport | noPermit).in("remove").
		notOf(marketingWords + "|" + contactWords),
	// "har dere noe på meg fra den gamle kundeklubben, så fjern det": the
	// data named before, removed by a pronoun. Goods, baskets and orders
	// are no data.
	rule(dsr.Erasure, 0.6, "fjern|fjerne|fjernar|stryk ~1 det|dem|dei|alt").with(noReport | noPermit).in("remove").
		given(noData + "|registrert|registrerte|lagret|lagra|kundeklubb*|*kundeklubben|medlemskap*|konto*|*kontoen|profil*").
		unless(cartWords + "|" + noNotData + "|" + listWords).
		notOf("regning*|regninga|regningen|faktura*|*fakturaen|*fakturaen|kvittering*|*kvitteringen|nota|notaen|beløp*|summen|prisen"),
	// "ber om at medlemskapet og alt dere har registrert om henne blir
	// fjernet": the passive with its auxiliary, the object a clause away
	// (Danish "bliver fjernet" too). Goods and orders are no data.
	rule(dsr.Erasure, 0.6, noEraseObj+" ~6 blir|bli|vert|verte|bliver ~1 fjernet|fjerna|strøket|stroke").with(noReport | noPermit).in("remove").
		except(noNotData + "|" + listWords),
	rule(dsr.Erasure, 0.6, "ta|tek|tar ~1 meg|oss ~1 ut|bort ~3 av|fra|frå ~3 "+noEraseObj).with(noReport | noPermit).in("remove"),
	rule(dsr.Erasure, 0.7, "ta|tek|tar ~1 ned|bort|vekk ~3 bilde*|bilete*|*bildet|*biletet|foto*|innlegg*|innlegget|video*|opptak*").with(noReport | noPermit).in("remove"),

	rule(dsr.Erasure, 0.9, "rett|retten|retta|rettigheten ~4 glemt|glømt|gløymd|gløymt|glemmes"),
	rule(dsr.Erasure, 0.7, "bli|verte|vere ~1 glemt|gløymd|gløymt").in("forget"),
	// "kan dere bare glemme meg?": the right to be forgotten, in plain words.
	rule(dsr.Erasure, 0.7, "glem|glemme|glemmer|gløym|gløyme ~1 meg|oss").in("forget"),
	rule(dsr.Erasure, 0.6, "ikke|ikkje ~2 være|vere|stå|sta|bli|ligge ~1 registrert|registrerte|lagret|lagra|lagra|registrerad").with(selfNeg).in("notstored"),
	rule(dsr.Erasure, 0.45, "ikke|ikkje ~3 at ~3 ha|har|lagre|lagrar|lagrer|oppbevare|beholde|behalde ~3 "+noData+"|navn*|namn*|adresse*").with(selfNeg).in("notstored"),
	rule(dsr.Erasure, 0.5, "avslutt*|avslutte|lukk|lukke|lukkes|stenge|steng|terminer* ~3 konto*|kontoen|*konto|*kontoen|brukar*|brukerkonto*|profil*|profilen").
		with(noReport).in("close"),
	rule(dsr.Erasure, 0.4, "avslutt*|avslutte|si|seie ~3 kundeforhold*|medlemskap*|medlemskapet|opp").with(noReport).in("close"),
	rule(dsr.Erasure, 0.7, "anonymiser*|anonymisere|anonymisert"),

	// access: "innsyn", "kopi av opplysningene", "hva har dere lagret om meg".
	rule(dsr.Access, 0.9, "innsyn|innsynet|innsynsbegjæring*|innsynsbegjaring*|innsynskrav*|innsynsforespørsel*|innsynsrett*|innsynsførespurnad*|innsynsrequest").
		with(noReport).in("innsyn"),
	rule(dsr.Access, 0.8, "kopi|kopien|kopiar|kopier|kopi ~5 "+noAccessObj).with(noReport).in("copy").
		unless("kvittering*|*kvittering|*kvitteringa|*kvitteringen|faktura*|*faktura|*fakturaen|ordrebekreftels*|garanti*|legitimasjon*|førerkort*|pass|passet|kontrakt*|avtale*|*avtalen|brev|brevet|vedlagt|vedlegg"),
	// "kva for opplysningar om meg blir sende til kredittbyrået?" asks who
	// receives the data (Art. 13(1)(e)), not for a copy of it: a verb of
	// passing on right after the phrase makes it a question about
	// recipients.
	rule(dsr.Access, 0.65, "hva|hvilke|hvilken|hvilket|kva|kvar|kven|kor ~6 om ~1 "+noPersons).with(noReport).in("whathave").
		unless("brukes|brukast|bruker|brukar|formål*|føremål*|deler|delt|lenge|hvorfor|kvifor|samler|samlar|nødvendig*|trenger|treng|bygde|bygget|bygger|bygd|bygg|basert|baserte|grunnlag|grunnlaget|avgjørelse*|avgjerd*|vedtak*|logikk*|kriteri*|avslag*|avslaget").
		notOf(passOn),
	// "Hva har dere egentlig registrert på meg?", "kva har de på meg?":
	// "på meg" is "om meg" when something held is asked after.
	rule(dsr.Access, 0.65, "hva|hvilke|kva ~3 har|vet|veit|lagret|lagra|registrert|lagrer|lagrar ~4 på ~1 "+noPersons).with(noReport).in("whathave").
		unless("brukes|brukast|formål*|føremål*|deler|lenge|hvorfor|kvifor|lager|lageret|ordre*|bestilling*|pris*|tilbud*|poeng*|bonus*|rabatt*|saldo*"),
	rule(dsr.Access, 0.6, "hva|hvilke|kva|kvar ~4 dere|de|dykk ~3 har|veit|vet ~3 lagret|lagra|registrert|om|på").with(noReport).in("whathave").
		unless("brukes|brukast|formål*|føremål*|deler|lenge|hvorfor|kvifor|bygde|bygget|bygger|bygd|bygg|basert|baserte|grunnlag|grunnlaget|avgjørelse*|avgjerd*|vedtak*|logikk*|kriteri*|avslag*|avslaget"),
	rule(dsr.Access, 0.6, "oversikt|oversikten|utskrift|utskrifta|utskriften|utdrag|liste ~4 "+noAccessObj).with(noReport).in("overview").
		unless("kvittering*|faktura*|ordre*|garanti*|åpningstid*|opningstid*|prisar|priser|varer"),
	rule(dsr.Access, 0.5, "få|fa|sjå|se ~3 mine|egne|eigne|mitt|dykkar|deres ~2 "+noData).with(noReport),
	// Where the data came from (art. 14 nr. 2 bokstav f) is a question
	// about the processing; with a copy asked for too, it is access.
	rule(dsr.Information, 0.55, "hvor|kor|hvorfra|kvarfrå|kvar|hvordan|korleis ~3 dere|de ~2 fått|fatt|fikk|fekk|henta|hentet|kjøpt|kjøpte|skaffet|skaffa ~4 "+noData+"|dem|dei|navn*|namn*|adresse*|adressa|nummer*|*nummer|*nummeret|mobil*|telefon*|epost*|mail*").with(noReport).in("source"),
	rule(dsr.Information, 0.5, "kilde|kilden|kildene|kjelde|kjelda|kjeldene ~4 "+noData+"|navn*|namn*|adresse*|adressa|nummer*|epost*").in("source"),
	rule(dsr.Information, 0.5, "hva|kva ~2 gir|gjev|gav|ga ~2 dere|de|dykk ~2 rett|retten|lov|løyve").in("basis"),
	rule(dsr.Access, 0.6, noData+" ~4 har|lagrer|lagrar|lagret|lagra|oppbevarer|behandler|handsamar|registrert ~3 om|på ~1 "+noPersons).
		with(noReport | nounPhrase).in("whathave").unless("brukes|brukast|formål*|føremål*|deler|lenge|hvorfor|kvifor|bygde|bygget|bygger|bygd|bygg|basert|baserte|grunnlag|grunnlaget|avgjørelse*|avgjerd*|vedtak*|logikk*|kriteri*|avslag*|avslaget"),
	rule(dsr.Access, 0.6, "dere|de|dykk ~2 har|lagrer|lagrar ~1 noe|noko|noen|nokon ~3 lagret|lagra|registrert|registrerte|opplysning*|om|på ~2 "+noPersons).
		with(noReport).in("whathave"),
	rule(dsr.Access, 0.6, "tilsendt|tilsend|utlevert ~4 "+noData+"|alt").with(noReport).in("copy").
		unless("kvittering*|faktura*|ordre*|garanti*"),
	// "ta bort kontoen og alt dere har om meg" erases what it names; "mor
	// gikk bort" (died) is no removal (see Swedish).
	rule(dsr.Access, 0.65, noData+"|alt ~3 dere|de|dykk ~3 har|lagrer|lagrar|lagret|lagra|oppbevarer|behandler|handsamar|registrert ~3 om|på ~1 "+noPersons).
		with(noReport|nounPhrase).in("whathave").unlessOnly("bort", "gikk|gjekk|gått|gatt|går|gå").unless("brukes|brukast|formål*|føremål*|deler|lenge|hvorfor|kvifor|bygde|bygget|bygger|bygd|bygg|basert|baserte|grunnlag|grunnlaget|avgjørelse*|avgjerd*|vedtak*|logikk*|kriteri*|avslag*|avslaget"),
	rule(dsr.Access, 0.5, "få|fa|sjå|se|vite ~2 hva|kva|hvilke ~5 har|lagrer|lagrar|lagret|lagra|registrert|behandler|handsamar").with(noReport).in("whathave").
		unless("brukes|brukast|formål*|føremål*|deler|lenge|hvorfor|kvifor|samler|bygde|bygget|bygger|bygd|bygg|basert|baserte|grunnlag|grunnlaget|avgjørelse*|avgjerd*|vedtak*|logikk*|kriteri*|avslag*|avslaget"),
	rule(dsr.Access, 0.5, "bekreftelse|bekrefte|stadfesting|stadfeste ~4 behandler|handsamar|behandles|lagrer|lagrar ~4 "+noData).with(noReport),
	rule(dsr.Access, 0.5, "kopi|kopien|kopiar ~2 disse|dei|dem|desse").with(noReport).given(noData).in("copy"),
	rule(dsr.Access, 0.7, "få|fa ~1 se|sjå|utlevert|utlevere|tilsendt|tilsend|kopi ~5 "+noRecording).with(noReport).in("copy"),
	rule(dsr.Access, 0.7, "ha|få|fa ~1 utlevert|utlevere ~5 "+noData+"|kopi").with(noReport).in("copy").
		unless("portabilitet*|maskinlesbar*|csv|json|overført|overføre|ta"),

	// rectification: "rett adressen", "navnet er feilstavet", "ny adresse er".
	// "min rett til innsyn i personopplysningane" names a right, it is no
	// verb: a possessive in front makes "rett" a noun.
	rule(dsr.Rectification, 0.7, noRectVerb+" ~4 "+noRectObj).with(noReport | noPermit).in("fix").unless("faktura*|ordre*|bestilling*|leveringsadresse*|passord*").notAfter(ownRight),
	// "Rett datoen no, takk": the date of a record (the birth date named
	// before), in the definite form a verb takes; a delivery, an order or
	// an appointment has dates of its own.
	rule(dsr.Rectification, 0.7, "rett|rette|korriger|korrigere|endre|endra|oppdater|oppdatere ~2 datoen|datoa").in("fix").notAfter(ownRight).
		unless("levering*|leveranse*|ordre*|bestilling*|faktura*|time|timen|avtale*|henting*|montering*|levert|leveringsdato*"),
	// "Mellomnavn mangler": incomplete data.
	rule(dsr.Rectification, 0.5, "mellomnavn*|mellomnamn*|etternavn*|etternamn*|fornavn*|navnet|namnet ~1 mangler|manglar|mangla|mangel").in("err"),
	// "Feil namn på Pluss-kortet": a wrong name (not a wrong address, which
	// is as often a parcel's).
	rule(dsr.Rectification, 0.5, "feil|gale|galt|feilstavet|feilstava ~1 namn|navn|navnet|namnet|etternavn*|etternamn*|fornavn*|førenamn*|fødselsdato*|fødselsdag*|personnummer*").in("err"),
	rule(dsr.Rectification, 0.7, noRectObj+" ~3 "+noRectVerb).with(noReport).in("fix").unless("faktura*|ordre*|bestilling*|passord*"),
	// "Adressa i profilen min er rett, det gjeld berre ordren": after a
	// copula "rett" is the adjective, the data is right.
	rule(dsr.Rectification, 0.45, "rett|rette|retter|retta|korriger|korrigere|fikse|fiks|endre|endra|oppdatere|oppdater det|dette|den|dei|dem|opp|feilen").in("fixit").
		notAfter("er|var|vere|være|blir|vert|ble|vart|stemmer"),
	// "Kan det rettes?", "kan dette korrigeres": the fix asked in the
	// passive (Danish "kan det rettes" reads the same).
	rule(dsr.Rectification, 0.45, "det|dette|den|dei|dem ~1 rettes|rettast|korrigeres|korrigerast|oppdateres|oppdaterast|fikses").in("fixit"),
	// "Det dere har registrert om meg er feil og må rettes", "adressa er
	// feil og må rettast": the person's data named wrong and its fix
	// asked in the passive, the subject too far back for the rule above.
	// An error in an app, a price or an invoice is not the person's data;
	// one in an order or an amount is customer service (the "mine" rules'
	// list). All lists are shared with rules above.
	rule(dsr.Rectification, 0.55, noRectObj+" ~6 "+noErrWords+" ~4 rettes|rettast|korrigeres|korrigerast|oppdateres|oppdaterast|fikses").
		with(noReport).in("errfix").unless("klaget|klagd|klaga|klagde|faktura*|ordre*|beløp*|pris*|vare*"),
	rule(dsr.Rectification, 0.55, "registrert|registrerte|står|stod ~6 "+noErrWords+" ~4 rettes|rettast|korrigeres|korrigerast|oppdateres|oppdaterast|fikses").
		in("errfix").unless("klaget|klagd|klaga|klagde|faktura*|ordre*|beløp*|pris*|vare*"),
	// "eg skreiv feil husnummer då eg bestilte komfyren": an error made
	// while ordering is the order's.
	rule(dsr.Rectification, 0.35, noErrWords+" ~3 "+noRectObj).in("err").unless("klaget|klagd|klaga|klagde|faktura*|ordre*|beløp*|pris*|vare*|bestilte|bestilt|bestilde|bestelte"),
	rule(dsr.Rectification, 0.35, noRectObj+" ~8 "+noErrWords).in("err").unless("klaget|klagd|klaga|klagde|faktura*|ordre*|beløp*|pris*|vare|varen|varer|varene").
		notOf(wrongRecipient),
	rule(dsr.Rectification, 0.35, "registrert|registrerte|står|stod ~3 som|feil|at").in("err"),
	rule(dsr.Rectification, 0.35, noRectObj+" ~2 er|blir ~1 stavet|stava|skrevet|skrive|skrivi").in("err"),
	rule(dsr.Rectification, 0.35, "endre|endra|oppdatere|oppdater|endr ~2 den|det|dei|dem ~1 til").in("newvalue"),
	rule(dsr.Rectification, 0.5, noRectObj+" ~1 mitt|min|mi|mine|vårt|vår ~4 "+noErrWords).in("mine").unless("klaget|klagd|klaga|klagde|faktura*|ordre*|beløp*|pris*|vare*").
		notOf(wrongRecipient),
	rule(dsr.Rectification, 0.5, "mitt|min|mi|mine ~1 "+noRectObj+" ~4 "+noErrWords).in("mine").unless("klaget|klagd|klaga|klagde|faktura*|ordre*|beløp*|pris*|vare*").
		notOf(wrongRecipient),
	rule(dsr.Rectification, 0.5, "skrevet|skrive|skrivi|stavet|stava|registrert|lagt ~4 "+noRectObj+" ~3 feil|galt|gale").in("mine"),
	// "Kan dere endre leveringsadressen på ordre 12345?": an order's
	// details changed are customer service, as for "fix" above (the same
	// list, one word family).
	rule(dsr.Rectification, 0.45, "vennligst|vennlegast|venligst|snill|kan|kunne ~2 oppdater|oppdatere|endre|rette|rett|korriger|korrigere|fikse").in("fixit").
		unless("faktura*|ordre*|bestilling*|leveringsadresse*|passord*"),
	rule(dsr.Rectification, 0.35, "skulle|skal|burde ~2 være|vere|vært|vore").in("shouldbe").unless("bestilte|bestilt|bestilde|ordre*|ordren|bestilling*|bestillinga"),
	rule(dsr.Rectification, 0.35, "skrivefeil|feilskriving|tastefeil").in("err"),
	rule(dsr.Rectification, 0.35, "riktig|riktige|korrekt|korrekte|rette ~2 er|adresse*|adressa|navn*|namn*|nummer*|epost*|epostadresse*").in("shouldbe"),
	// "står jeg bare som Anne Olsen, men jeg heter Anne Marit Sørbø
	// Olsen": the real name set against the recorded one (Swedish "men
	// jag heter", Danish "men jeg hedder" read the same).
	rule(dsr.Rectification, 0.35, "men ~2 heter|heiter|hedder|født|fødd|född").in("shouldbe"),
	rule(dsr.Rectification, 0.45, "ny|nye|nytt ~1 adresse|adressa|postadresse|epost*|epostadresse*|etternavn*|etternamn*|navn|namn|telefonnummer|nummer|mobilnummer").in("new"),
	rule(dsr.Rectification, 0.35, "flyttet|flytta|flyttar|flytter|giftet|gifta|skilt").with(noPermit).in("moved"),
	rule(dsr.Rectification, 0.5, "endret|endra|byttet|bytta|skiftet|skifta ~3 etternavn*|etternamn*|navn*|namn*|adresse*|epost*|nummer*|telefonnummer*").in("new"),
	rule(dsr.Rectification, 0.6, "komplett*|kompletter*|supplere*|suppler*|utfylle*|fullstendiggjør* ~4 "+noRectObj+"|saken|saka|registrering*|journal*").in("complete"),
	rule(dsr.Rectification, 0.6, noRectObj+"|registrering*|saken ~4 kompletteres|kompletterast|suppleres|komplett*").in("complete"),
	rule(dsr.Rectification, 0.6, noRectObj+" ~3 legges|leggast|føyes|førast|føres ~1 til|inn|på").in("complete"),
	rule(dsr.Rectification, 0.6, "legg|legge|legger|føy|føye ~1 til|inn ~3 "+noRectObj).in("complete"),

	// restriction: "begrensning av behandlingen", "ikke slett, trenger det i
	// en rettssak", "bare lagres, ikke brukes".
	rule(dsr.Restriction, 0.9, "begrensning*|begrensing*|avgrensing*|avgrensning*|behandlingsbegrensning*").unless("tilgang|tilgangen|lagringsplass"),
	rule(dsr.Restriction, 0.8, "begrens*|avgrens* ~4 behandling*|handsaming*|bruk|bruken|bruka").in("limit"),
	rule(dsr.Restriction, 0.8, "behandling*|handsaming*|bruken ~4 begrenses|begrensast|avgrenses|avgrensast|avgrensa|begrenset|avgrensast").in("limit"),
	rule(dsr.Restriction, 0.5, "bare|kun|berre|utelukkende ~3 lagres|lagrast|lagre|lagra|oppbevare|oppbevares|oppbevarast|lagring|oppbevaring").in("storeonly"),
	rule(dsr.Restriction, 0.5, "lagre|lagra|oppbevare|behold*|behalde|ta ~6 men ~3 ikke|ikkje ~3 bruk*|bruke|utlever*|sendes|dele|analysere").in("storeonly").with(selfNeg),
	rule(dsr.Restriction, 0.4, "ikke|ikkje ~3 bruk*|brukast|utlever*|sendes|sendast|sende|deles|delast ~8 inntil|mens|medan").in("pause").with(selfNeg),

	rule(dsr.Restriction, 0.4, "inntil|mens|medan|før ~6 avklart|avklara|undersøkt|kontrollert|vurdert|vurderer|avgjort|ferdig|oppklart|løst|behandlet|sjekket|sjekka").in("pause"),
	// "mens dere sjekker det", "la være å bruke dem": the check still runs,
	// the use is held off without an "ikke".
	rule(dsr.Restriction, 0.4, "inntil|mens|medan ~3 sjekker|sjekkar|undersøker|undersøkjer|kontrollerer|kontrollerar|avklarer|avklarar|etterprøver|granskar|gransker").in("check").
		unless(restrictGoods),
	rule(dsr.Restriction, 0.4, "la|lar|late|lat ~1 være|vere|vera ~3 bruke|bruka|behandle|handsame|dele|sende|utlevere ~8 inntil|mens|medan|før").in("holdoff").
		unless(restrictGoods),
	// "inntil dere har tatt stilling til protesten min": a hold until a
	// decision, as "inntil det er avgjort".
	rule(dsr.Restriction, 0.4, "inntil|mens|medan|før ~4 tatt|teke|tar ~1 stilling").in("pause"),
	// "ikke bruker opptakene til noe som helst": no use at all, as en
	// "not use it for anything".
	rule(dsr.Restriction, 0.35, "ikke|ikkje ~2 bruk|bruker|bruke|brukar|brukes|brukast ~5 til ~1 noe|noko|noen|noka|annet|anna").with(selfNeg).in("dontuse"),
	rule(dsr.Restriction, 0.4, "til ~1 dere|de ~1 har ~1 avklart|avklara|undersøkt|kontrollert|vurdert|sjekket|sjekka|oppklart|sett|gått|gjennomgått").in("pause"),
	// "til saka er avslutta", "før det er rettet": the time a hold lasts,
	// until a dispute is over or the data put right (Art. 18(1)(a)).
	// "Takk for at det er rettet" thanks for a fix done.
	rule(dsr.Restriction, 0.4, "til|inntil|før|mens|medan ~3 er|blir|vert|har ~2 "+noSettled).in("pause").notAfter("takk|takker|tusen"),
	rule(dsr.Restriction, 0.35, noData+" ~6 feil|uriktig*|ukorrekt*").in("contest"),

	rule(dsr.Restriction, 0.6, "frys*|fryse|pause|pauser ~2 bruken|bruk|behandlinga|behandlingen|handsaminga|"+noData).in("freeze"),
	rule(dsr.Restriction, 0.6, "stans*|stanse|stopp*|stoppe ~2 midlertidig").in("freeze"),
	rule(dsr.Restriction, 0.6, "midlertidig ~2 stans*|stanse|stopp*|stoppe|pause|frys*").in("freeze"),

	rule(dsr.Restriction, 0.35, "ikke|ikkje ~2 bruk|bruker|bruke|brukar|brukast|brukes|utleverer|utlevere|behandler|behandle|handsamar|deler|dele ~2 "+noData+"|dem|dei|de").
		with(selfNeg).in("dontuse"),
	rule(dsr.Restriction, 0.35, "ikke|ikkje ~2 sendes|sendast|utleveres|utleverast|deles|delast|brukes|brukast|oversendes|send|sende|videresend*|gi|gje ~3 til|videre|vidare|inkasso*|andre").
		with(selfNeg).in("dontuse"),
	// To dispute a decision ("bestride avgjørelsen", Art. 22(3)) is not to
	// dispute the accuracy of data.
	rule(dsr.Restriction, 0.35, "bestrider|bestride|bestrid|bestridt|bestridte|bestrides|uriktige|ukorrekte").in("contest").
		notOf("avgjørelse*|avgjerd*|vedtak*|vedtaket|beslutning*|avslag*|avslaget"),
	rule(dsr.Restriction, 0.35, "stemmer|stemmar ~1 ikke|ikkje").with(selfNeg).in("contest"),
	rule(dsr.Restriction, 0.45, "sperres|sperre|sperr|blokker*|låses|låse ~4 tilgang*|profil*|konto*|opplysning*|kundeprofil*|data").in("block"),
	rule(dsr.Restriction, 0.6, "sperr|sperre|sperres|frys|fryse ~2 bruken|bruk|behandlinga|behandlingen").in("freeze"),
	rule(dsr.Restriction, 0.45, "tilgang*|kundeprofil*|profil* ~4 sperres|blokkeres|låses|avgrenses").in("block"),
	rule(dsr.Restriction, 0.4, "slett|slette|sletter|slettar|slettes|slettast").with(onlyNeg).in("keep"),
	rule(dsr.Restriction, 0.4, "vent|venta|vente ~2 med ~2 det|dette|slettinga|slettingen|å|a").in("keep"),
	// "ikke slett noe før tvisten er avgjort": "før" folds to "for", so
	// the negation reaches the time clause; the phrase is read whole.
	rule(dsr.Restriction, 0.5, "ikke|ikkje ~3 slett|slette|slettes|slettast|sletter|slettar ~5 før ~5 avklart|avklara|avgjort|løst|løyst|ferdig|oppklart|avsluttet|avslutta|ferdigbehandlet|behandlet").
		with(selfNeg).given("tvist*|rettssak*|klage*|klagesak*|reklamasjon*|forsikring*|krav|kravet|søksmål*|forliksråd*|advokat*|uenighet*|usemje").in("keepuntil"),

	rule(dsr.Restriction, 0.35, "rettssak*|rettsak*|tvist*|søksmål*|bevis*|rettskrav*|forliksråd*|tingrett*|forsikringssak*|forsikringsselskap*|rettstvist*|advokat*|domstol*").in("legal"),
	// "Ikke bruk opptakene av meg før saken er avklart": the use and how
	// long it is held off, read whole, are a hold on their own. The
	// negation swallows the time clause ("før" reads as negated), so the
	// pause rules above may not count; a customer's own "jeg vil ikke
	// bruke vaskemaskinen før ..." is not about our use of data.
	rule(dsr.Restriction, 0.5, "ikke|ikkje ~2 bruk|bruker|bruke|brukar|brukes|brukast ~6 til|inntil|før|mens|medan ~5 "+noSettled).
		with(selfNeg).notAfter("jeg|eg|vi").unless(restrictGoods).in("useuntil"),
	// "Jeg ber dere ta vare på videoopptaket, jeg trenger det som bevis":
	// data kept at the sender's request for a claim (Art. 18(1)(c)). The
	// verb is the imperative or infinitive the shop is asked with; "jeg
	// tar vare på kvitteringen" is the customer's own keeping, and "jeg
	// vil ta vare på" is vetoed by the subject in front.
	rule(dsr.Restriction, 0.5, "ta ~1 vare ~1 på ~3 "+noKeepObj).
		notAfter("jeg|eg|vi").given(noLegalPurpose).with(noPermit).unless(keepAsked).in("preserve"),
	rule(dsr.Restriction, 0.5, "bevar|bevare|oppbevar|oppbevare|lagre|lagra|behold|beholde|behalde ~3 "+noKeepObj).
		notAfter("jeg|eg|vi").given(noLegalPurpose).with(noPermit).unless(keepAsked).in("preserve"),

	// portability: "dataportabilitet", "overføre til en annen leverandør",
	// "eksport som CSV", "ta med meg til en annen kundeklubb".
	rule(dsr.Portability, 0.55, "overfør*|overført|overfort|flytte|flytt|flytta|oversend*|overlevere ~4 "+noPortObj).in("transfer"),
	rule(dsr.Portability, 0.45, "direkte|direkta|direkt ~2 til|till ~2 dem|dei|de|den|ny|nye|annen|annan").in("elsewhere"),
	rule(dsr.Portability, 0.5, "ta ~2 med ~3 meg|dei|den|dem|det ~3 over|til").in("transfer"),
	rule(dsr.Portability, 0.5, "få|fa|ta ~1 med ~1 meg ~4 "+noPortObj).in("transfer"),
	// "ta med dataene mine til en annen butikk": the data taken along,
	// somewhere.
	rule(dsr.Portability, 0.5, "ta|tek|tar ~1 med ~3 "+noPortObj+" ~4 til|over").in("transfer"),
	rule(dsr.Portability, 0.45, "bytte|bytter|byter|skifte|skifter|flytter ~3 kundeklubb*|klubb*|leverandør*|butikk|butikkjede*|app|appen|tjeneste*|teneste*").in("elsewhere"),
	rule(dsr.Portability, 0.45, "annen|annan|anna|annet|andre|ny|nye|nytt ~1 leverandør*|leverandor*|tilbyder*|tilbydar*|kundeklubb*|klubb*|*klubben|app|appen|tjeneste*|teneste*|installatør*|behandlingsansvarlig*|aktør*|selskap*|system|*system|*systemet|butikk|butikkjede*|kjede|nettbutikk*|forhandler*|forhandlar*").in("elsewhere"),
	rule(dsr.Portability, 0.6, "eksport*|export* ~4 "+noPortObj).in("export"),
	rule(dsr.Portability, 0.45, "som|i ~2 fil|fila|filen|filer|format|formatet|*fil|*fila|*filen|*format|*formatet").in("fileformat"),
	rule(dsr.Portability, 0.4, "laste|lasta ~1 opp|inn|importere|importer|lese ~1 inn").in("import"),
	// "opplysningene jeg selv har gitt dere", Danish "de oplysninger, jeg
	// selv har givet jer": the data the person provided, which is what
	// Art. 20 carries. A cue: an access or erasure request names it too.
	rule(dsr.Portability, 0.45, noData+"|"+daData+" ~4 jeg|eg|vi ~3 har|hev ~2 gitt|gjeve|gjevi|oppgitt|oppgjeve|levert|givet|opgivet|afgivet|leveret").in("provided"),

	// objection_marketing: "meld meg av", "reservere meg mot markedsføring",
	// "ikke send meg reklame", "fjern meg fra SMS-lista".
	rule(dsr.ObjectionMarketing, 0.85, "meld|melde|meldt|melder|meldar ~2 meg|oss|henne|ham|adressen|eposten|nummeret ~1 av|ut ~3 "+listWords).in("unsub"),
	rule(dsr.ObjectionMarketing, 0.8, "meld|melde|melder|meldar ~1 meg|oss av").in("unsub").with(noReport),
	rule(dsr.ObjectionMarketing, 0.65, "slutt|stopp|stop|hold ~2 med|opp ~1 det|dette|slikt|med").
		given(marketingWords + "|*reklame|selge|selger|salg|salgs*|ringt|ringer|ringe|oppringing*").in("nomore"),
	rule(dsr.ObjectionMarketing, 0.8, "avmeld*|avregistrer*|avbestill*|utmelding*").in("unsub").unless("avmeldingslenke*|avmeldingslenkja|lenke*"),
	rule(dsr.ObjectionMarketing, 0.8, "fjern*|stryk*|slett* ~5 "+listWords).in("unsub").unless(shopListWords).
		unlessOnly(customerLists, marketingWords+"|"+contactWords),
	rule(dsr.ObjectionMarketing, 0.85, "ta|tek|tar ~1 meg|oss|adressa|adressen|nummeret ~1 av|ut|bort ~4 "+listWords).in("unsub").unless(shopListWords),
	rule(dsr.ObjectionMarketing, 0.85, "reserv* ~5 markedsføring*|markedsforing*|reklame*|*reklame|telefonsalg*|markedsføringen").in("reserve"),
	rule(dsr.ObjectionMarketing, 0.85, "reserv* ~3 mot ~3 alt|all|alle|"+marketingWords).in("reserve"),
	rule(dsr.ObjectionMarketing, 0.7, "reservasjon|reservasjonen|reservasjonsregister*").in("reserve"),
	// "jeg reserverer meg mot at dere bruker kjøpshistorikken": a
	// reservation (in the present tense: "kan jeg reservere meg" asks how)
	// against a processing objects to it, to marketing when
	// offers share the clause.
	rule(dsr.Objection, 0.7, "reserverer|reserverar ~1 meg|oss ~1 mot|imot").
		with(noReport).or(dsr.ObjectionMarketing, marketingWords).in("object"),
	rule(dsr.ObjectionMarketing, 0.75, negWords+" ~4 "+marketingWords).with(selfNeg).except(receivedWords + "|" + scopeWords).notAfter(scopeWords).in("nomore").unless("samtykk*|faktura*"),
	rule(dsr.ObjectionMarketing, 0.65, negWords+" ~3 kontakt*|kontakta|ringt|ringe|ring|oppringt|oppringing*|contacted|called|phoned").with(selfNeg).
		given(marketingWords + "|selger|seljar|salg|salgs*|selge|sales|seller|telefonsalg*").in("nomore"),
	rule(dsr.ObjectionMarketing, 0.6, negWords+" ~2 send*|sende|ring*|ringe|kontakt*|kontakte ~1 meg|oss").with(selfNeg).in("nomore").
		unless("faktura*|purring*|inkasso*|kopi*|bekreftels*|kvittering*|svar|trenger|treng"),
	rule(dsr.ObjectionMarketing, 0.6, negWords+" ~2 ha|få|fa|motta|mottaka|ta|tilsendt|sendt ~4 "+contactWords).with(selfNeg).except(receivedWords).in("nomore"),
	rule(dsr.ObjectionMarketing, 0.6, negWords+" ~2 mer|meir|flere|fleire|noen|fleire ~2 "+contactWords).with(selfNeg).except(receivedWords).in("nomore"),
	rule(dsr.ObjectionMarketing, 0.7, quitWords+" ~3 send*|sende|sendinga|ringe|ring|kontakte|mase|spamme|spamming").in("nomore").unless("faktura*|purring*"),
	rule(dsr.ObjectionMarketing, 0.8, "stopp|stop|slutt|avmeld|avmelding").with(alone).in("stop"),
	rule(dsr.ObjectionMarketing, 0.8, "profil* ~8 "+marketingWords).with(onlyNeg).in("profiling"),
	rule(dsr.ObjectionMarketing, 0.7, "send*|sende|ring*|kontakt*|kontakte ~3 meg|oss ~4 "+marketingWords).with(onlyNeg).in("nomore"),
	rule(dsr.ObjectionMarketing, 0.6, negWords+" ~2 høre|høyre|hear ~2 mer|meir|more|igjen|again|noe|anything ~2 fra|frå|from").with(selfNeg).in("nomore"),
	rule(dsr.ObjectionMarketing, 0.7, "bruk*|brukar|nytt*|anvend* ~6 "+marketingWords).with(onlyNeg).in("nomore"),
	rule(dsr.ObjectionMarketing, 0.7, "fjern*|stryk* ~2 nummeret|nummer|mobilnummeret|eposten|epostadressen|adressa|adressen|meg").
		given(marketingWords + "|*reklame|sms*|*sms").in("unsub"),
	rule(dsr.ObjectionMarketing, 0.6, "vil|ønsker|ønskjer ~1 ikke|ikkje ~1 ha|motta|få ~1 det|dette|dei|dem|den|slikt").with(selfNeg).
		given(marketingWords + "|*reklame").in("nomore"),
	rule(dsr.WithdrawConsent, 0.6, "trekk*|trekkjer|tilbakekall* ~3 det|dette|den ~2 tilbake|attende").given("samtykk*|samtykkje*").in("withdraw"),

	rule(dsr.ObjectionMarketing, 0.3, "direkte ~1 markedsføring*|markedsforing*|reklame|marknadsføring").in("mktctx"),
	// "vil ikke at dere skal ... lage tilbud ut fra det": offers made from
	// what the person does, refused.
	rule(dsr.ObjectionMarketing, 0.6, "lage|lager|lag|tilpasse|skreddersy* ~2 tilbud*|reklame|anbefaling* ~2 ut|basert|ifra|etter").with(onlyNeg).in("profiling"),

	// objection: "protesterer mot behandlingen", "innsigelse", "berettiget
	// interesse"; about marketing it is the absolute marketing objection.
	rule(dsr.Objection, 0.75, "protester*|protest|protesten|innsigelse*|innsigelsar|innvending*|motsetter|motset|motsett*").
		with(notOwned).or(dsr.ObjectionMarketing, marketingWords).in("object").
		// A protest at a price ("jag protesterar mot att jag fick betala
		// mer") or a fee ("protesterer mot returgebyret") is about money.
		unless("pris|prisen|priset|priser|prisgaranti*|betale|betala|betalt|kostar|koster|mellanskillnad*|mellomlegg*|differansen|refusjon*|återbetal*|tilbakebetal*|" + feeWords),

	rule(dsr.Objection, 0.35, "berettig*|berettiga|legitim* ~1 interess*").in("li"),
	rule(dsr.Objection, 0.75, "setter|sett|set ~1 meg|oss ~1 imot|mot").or(dsr.ObjectionMarketing, marketingWords).in("object"),
	rule(dsr.Objection, 0.5, "er|går ~1 imot").with(noReport).or(dsr.ObjectionMarketing, marketingWords).in("object"),
	rule(dsr.Objection, 0.5, "er|går ~1 i mot").with(noReport).or(dsr.ObjectionMarketing, marketingWords).in("object"),
	rule(dsr.Objection, 0.5, "ikke|ikkje ~4 inngår|inngå|inkluderes|inkludert|delta|deltar").with(selfNeg).
		given("berettig*|legitim*|analyse*|analyser|statistikk*|profilering*|sporing*").in("stop"),
	// "ber dere stoppe det for min del", "at de sluttar med dette for min
	// del": a processing stopped for the sender alone.
	rule(dsr.Objection, 0.5, "stans*|stanse|stopp*|stoppe|slutt*|sluttar|avslutt* ~3 det|dette|den|med ~2 for ~1 min|mi ~1 del").
		or(dsr.ObjectionMarketing, marketingWords).in("stop"),
	rule(dsr.Objection, 0.5, "stans*|stanse|stopp*|slutt*|avslutt* ~4 behandling*|handsaming*|analyse*|sporing*|registrering*|filming*|overvåk*|logging*|kartlegging*").
		or(dsr.ObjectionMarketing, marketingWords).in("stop").unless(temporary),
	// "slutt å spore meg", "ikke lag kundeprofil på meg": a processing
	// stopped by its verb, for marketing when ads share the clause.
	rule(dsr.Objection, 0.5, quitWords+" ~2 spore|spora|overvåke|overvake|filme|filma|analysere|analysera|kartlegge|kartleggje|profilere ~1 meg|oss").
		or(dsr.ObjectionMarketing, marketingWords).in("stop").unless(temporary),
	// "... berettiget interesse. Det vil jeg ikke være med på. Ta meg ut av
	// det."
	rule(dsr.Objection, 0.55, "ta|tek ~1 meg|oss ~1 ut ~1 av ~1 det|dette|den|analys*|statistikk*|analysane|analysene").
		given("berettig*|analys*|statistikk*|interesse").in("stop"),
	// "Jeg ønsker ikke at mine kjøp skal være med i det" after a
	// processing on legitimate interest is named.
	rule(dsr.Objection, 0.5, "ikke|ikkje ~5 være|vere ~1 med ~1 på|i").with(selfNeg).given("berettig*|analys*|statistikk*|sporing*|profilering*").in("stop").
		unless("konkurranse*|konkurranse|trekning*|trekninga|loddtrekning*|kampanje*|kundeklubb*|*kundeklubben"),
	// "jeg vil ikke at dere filmer meg hver gang jeg går hjem".
	rule(dsr.Objection, 0.6, "ikke|ikkje ~3 filmer|filmar|filme|filma|overvåker|overvakar ~1 meg|oss").with(selfNeg).in("stop"),
	rule(dsr.Objection, 0.5, "stopp|stans|stopp ~1 det|dette|filminga|filmingen").given("kamera*|filme*|filmer|filma|opptak*|overvåk*").in("stop"),
	// "kameraet filmer fortauet ... jeg ber om at dere slutter med det".
	rule(dsr.Objection, 0.5, "slutter|slutte|slutta|stopper|stoppe|stansar|stanser ~2 med ~1 det|dette|filminga|filmingen|opptak*|opptaka|opptakene").
		given("kamera*|filme*|filmer|filma|opptak*|overvåk*|video*").in("stop"),
	rule(dsr.Objection, 0.6, "ikke|ikkje ~2 lage|lag|lagar|lager|bygge|bygg ~2 kundeprofil*|profil|profiler|profilar ~1 på|av|om|over ~1 meg|oss").
		with(selfNeg|noReport).or(dsr.ObjectionMarketing, marketingWords).in("stop"),
	// "jeg vil ikke bli filmet", "eg vil ikkje bli sporet": the person
	// objects to being watched.
	rule(dsr.Objection, 0.6, "ikke|ikkje ~1 bli|verte|vere|være ~1 filmet|filma|filmes|overvåket|overvåka|overvaka|sporet|spora|spores|profilert|profilerast|kartlagt|logget|logga").
		with(selfNeg|noReport).or(dsr.ObjectionMarketing, marketingWords).in("stop"),
	rule(dsr.Objection, 0.5, "ikke|ikkje ~3 brukes|brukast|analyseres|analyserast|spores|filmes|overvåkes|logges ~3 til|i ~2 analyse*|statistikk*|sporing*|profilering*").
		with(selfNeg).or(dsr.ObjectionMarketing, marketingWords).in("stop"),

	// withdraw_consent: "trekker tilbake samtykket", "trekkjer attende
	// samtykket", "samtykket gjelder ikke lenger".
	rule(dsr.WithdrawConsent, 0.9, "trekk*|tilbaketrekk*|trukket|trekkjer|trekte|tilbakekall*|kaller ~5 samtykk*|samtykkje*|samtykkja|tillatels*|tillating*|løyve").in("withdraw"),
	rule(dsr.WithdrawConsent, 0.9, "samtykk*|samtykkje*|tillatels*|tillating*|løyve ~4 trekk*|trukket|tilbakekall*|trekkes|trekkast").in("withdraw"),
	// "det vil jeg ikke trekke tilbake": a negation inside the span keeps
	// the consent.
	rule(dsr.WithdrawConsent, 0.9, "samtykk*|samtykkje*|tillatels*|tillating* ~10 trekk*|trekkes|trekkast|trekkjast ~2 tilbake|attende").in("withdraw").except(negWords),
	rule(dsr.WithdrawConsent, 0.9, "ta|tar|tek|tok ~2 tilbake|attende ~3 samtykk*|samtykkje*").in("withdraw"),
	// "jeg tar tilbake ja-et mitt", "trekker tilbake godkjenningen".
	rule(dsr.WithdrawConsent, 0.8, "ta|tar|tek|tok|trekk*|trekkjer ~2 tilbake|attende ~2 jaet|jaen|godkjenning*|godkjenninga|godkjennelse*").in("withdraw"),
	// "jeg sa ja til at appen kunne bruke posisjonen min. Det trekker jeg
	// tilbake": a yes, taken back by a pronoun.
	rule(dsr.WithdrawConsent, 0.6, "det|dette|den ~1 trekker|trekkjer|tar|tek ~2 tilbake|attende").
		given("ja|samtykk*|samtykkje*|tillatels*|tillating*|godkjen*").in("withdraw"),
	// "jeg sa ja til at appen kunne bruke posisjonen min. Det har jeg
	// angret på": a yes regretted.
	rule(dsr.WithdrawConsent, 0.6, "det|dette|den ~3 angret|angra|angrar|angrer|angra ~1 på").
		given("ja|samtykk*|samtykkje*|tillatels*|tillating*|godkjen*").in("withdraw"),
	// "jeg sa ja til at dere kunne bruke posisjonen min ... jeg trekker det
	// tilbake".
	rule(dsr.WithdrawConsent, 0.6, "trekker|trekkjer|tar|tek ~1 det|dette|den ~1 tilbake|attende").
		given("ja|samtykk*|samtykkje*|tillatels*|tillating*|godkjen*").in("withdraw"),
	// "jeg sa ja til det før, men det gjelder ikke nå".
	rule(dsr.WithdrawConsent, 0.6, "det|dette|den ~1 gjelder|gjeld ~1 ikke|ikkje ~1 nå|no|lenger|lengre|meir").
		with(selfNeg).given("ja|samtykk*|samtykkje*|tillatels*|tillating*").in("nolonger"),
	// "mamma skrev under på at dere fikk bruke bildet. Det vil jeg ikke
	// lenger": a yes or a signature, refused from now on by a pronoun.
	rule(dsr.WithdrawConsent, 0.6, "det|dette ~1 vil|ønsker|ønskjer ~1 jeg|eg ~1 ikke|ikkje ~1 lenger|lengre|meir|mer").
		with(selfNeg).given("ja|samtykk*|samtykkje*|tillatels*|tillating*|godkjen*|skrev|signerte|signert|underskrev|underskrift*").in("nolonger"),
	// "den tillatelsen tar jeg tilbake", "det ja-et gjelder ikke lenger".
	rule(dsr.WithdrawConsent, 0.9, "samtykk*|samtykkje*|tillatels*|tillating*|løyve ~3 tar|tek ~2 tilbake|attende").in("withdraw"),
	// "de har ikkje lenger lov til å bruke dei", Swedish "inte längre lov",
	// Danish "ikke længere lov": a permission given once (a yes, a
	// signature) taken from the shop ("har jeg ikke lenger lov til å
	// returnere" is the customer's own).
	rule(dsr.WithdrawConsent, 0.6, "dere|de|ni|i ~2 ikke|ikkje|inte ~1 lenger|lengre|meir|längre|længere ~3 lov|løyve|tillatelse|tillåtelse|tilladelse").
		with(selfNeg | stated).given("ja|samtykk*|samtykkje*|samtycke*|tillatels*|tillating*|godkjen*|skrev|skreiv|signerte|signert|underskrev|underskrift*|godkänt|godkendt").in("nolonger"),
	rule(dsr.WithdrawConsent, 0.6, "jaet|samtykket|samtykkjet|tillatelsen|tillatinga|løyvet ~2 gjelder|gjeld ~1 ikke|ikkje ~1 lenger|lengre|meir").with(selfNeg).in("nolonger"),
	rule(dsr.WithdrawConsent, 0.6, "samtykk*|samtykkje* ~3 ikke|ikkje ~1 lenger|lengre|meir").with(selfNeg).in("nolonger"),
	rule(dsr.WithdrawConsent, 0.6, "ikke|ikkje ~1 lenger|lengre|meir ~2 samtykk*|samtykkje*").with(selfNeg).in("nolonger"),
	rule(dsr.WithdrawConsent, 0.55, "samtykker|samtykkjer ~1 ikke|ikkje").with(selfNeg).in("nolonger"),
	rule(dsr.WithdrawConsent, 0.5, "avvis*|avslå|fjern*|slå|deaktiver*|skru ~3 av ~2 informasjonskapsl*|cookie*|sporing*").in("cookies"),
	rule(dsr.WithdrawConsent, 0.5, "ombestemt|angrer ~6 samtykk*").in("nolonger"),

	// information: how and why we process, without asking for a copy.
	rule(dsr.Information, 0.5, "hvor|kor ~1 lenge ~5 lagr*|lagres|lagrast|oppbevar*|beholder|behalder|spar*|sletter|slettar|held|ligger|ligg|liggjande|liggende").in("retention"),
	// "kva for opplysningar om meg blir sende til kredittopplysningsføretaket?"
	// "hvilke opplysninger om meg går til Klarna?": the verbs that keep
	// the access phrase from reading as a copy asked for (passOn).
	rule(dsr.Information, 0.5, "hvilke|kva|hva ~3 "+noData+" ~4 "+passOn+"|send|gis|gjevne ~2 til|videre").in("share"),
	rule(dsr.Information, 0.5, "hvor|kor ~1 lenge ~6 vare").in("retention"),
	// "Jeg trenger ikke se opptakene selv", "treng ikkje kopi": no copy is
	// wanted, the questions are about processing (see notAccess).
	rule(dsr.Information, 0.45, "trenger|treng|behøver ~1 ikke|ikkje ~4 se|sjå|få|kopi*|innsyn|opptak*|opptaka|dataene|opplysning*|opplysing*").with(selfNeg).in("notaccess"),
	rule(dsr.Information, 0.4, "lagringstid*|oppbevaringstid*|lagringsperiode*|slettefrist*|slettingsfrist*|slettereglar|sletteregler|sletterutine*").in("retention"),
	rule(dsr.Information, 0.45, "hva|kva|hvilke|kvifor ~4 brukes|brukast|bruker|brukar|nyttar|nytter|brukt|nytta ~6 til|for").in("purpose"),
	rule(dsr.Information, 0.5, "hvilke|hvilket|hva|kva|kor ~3 formål*|føremål*|formaal*|føremålet").in("purpose"),
	// "formål" folds to English "formal": "a formal complaint", "my formal
	// request" name no purpose.
	rule(dsr.Information, 0.35, "formål*|føremål*|formålet|føremålet").in("purpose").
		notAfter("a|an|the|my|this|make|making").notOf("complaint|complaints|request|requests|objection|letter|notice"),
	rule(dsr.Information, 0.5, "rettslig*|lovlig*|juridisk*|rettsleg* ~2 grunnlag*|grunnlaget|heimel|hjemmel").in("basis"),
	rule(dsr.Information, 0.5, "behandlingsgrunnlag*|overføringsgrunnlag*|rettsgrunnlag*|grunnlaget").in("basis"),
	rule(dsr.Information, 0.5, "hvem|kven ~5 deler|deles|delt|får|far|tilgang|ser|sjå|mottar|mottek|utleverer ~4 "+noData+"|dem|dei|det").in("share"),
	// "hvordan finner dere ut hvilke tilbud dere sender til hvem?"
	rule(dsr.Information, 0.5, "hvordan|korleis ~1 finner|velger|vel|bestemmer|avgjør|plukker ~1 dere|de|dykk ~5 tilbud*|reklame*|annonse*|anbefaling*").in("profiling"),
	rule(dsr.Information, 0.5, "deler|deles|selger|sel|selj* ~5 med|til|videre ~3 andre|tredjepart*|tredjeperson*|partnere|selskap*|aktører|samarbeidspartner*").in("share"),
	rule(dsr.Information, 0.5, "hvor|kor ~3 lagres|lagrast|lagret|lagra|oppbevares|oppbevarast|behandles|handsamast ~3 "+noData).in("where"),
	rule(dsr.Information, 0.5, "hvor|kor ~3 "+noData+" ~3 lagres|lagrast|lagret|lagra|oppbevares|oppbevarast|behandles|handsamast").in("where"),
	rule(dsr.Information, 0.3, "databehandler*|databehandlar*|underleverandør*|underleverandor*|tredjeland*|usa|utenfor ~2 eu|eøs|europa").in("transfer"),
	rule(dsr.Information, 0.45, "hvilke|hva|kva|bruker|brukar ~3 informasjonskapsl*|cookie*|cookies|pixel*|*piksel*|*pikselen|sporingsverktøy*|analyseverktøy*").in("cookies"),
	rule(dsr.Information, 0.45, "hvorfor|kvifor|korfor ~4 trenger|treng|trengs|samler|samlar|lagrer|lagrar|registrerer|ber|spør|krever|krev|oppgi|oppgje|registrere").in("why"),
	rule(dsr.Information, 0.55, "hvorfor|kvifor|korfor ~6 "+noData+"|fødselsnummer*|personnummer*|*nummer|nummer|bilskilt*|legitimasjon").in("why").
		unless("faktura*|ordre*|ordrenummer*|sporingsnummer*|kundenummer*|pris*"),

	rule(dsr.Information, 0.45, "hvilke|hva|kva|kor ~4 samler|samlar|henter|registrerer|lagrer|lagrar|logger|loggar ~3 inn|dere|de|om").in("collect").
		unless("meg|mig"),
	rule(dsr.Information, 0.3, "vil|ville ~2 bare|berre|gjerne ~1 vite|forstå|skjønne|skjøne").in("justknow"),
	// "klagar på korleis de handsama saka": the way data was handled is
	// what a complaint is about, not a question (see English).
	rule(dsr.Information, 0.3, "hvordan|korleis ~4 behandler|handsamar|bruker|brukar|fungerer|verkar|virker|lagrer|lagrar|beskytter|sikrer").in("how").
		unless(complaintWords),
	rule(dsr.Information, 0.5, "hvordan|korleis ~3 behandler|handsamar|bruker|brukar|lagrer|lagrar|beskytter|vernar|sikrer|sikrar ~4 "+noData).in("howdata").
		unless(complaintWords),
	rule(dsr.Information, 0.35, "hva|kva ~1 skjer|skjer|hender ~3 med ~3 "+noData).in("how"),
	rule(dsr.Information, 0.5, "informasjon|opplysning* ~2 om ~3 behandling*|handsaming*|hvordan|korleis").in("infoabout"),
	rule(dsr.Information, 0.5, "hva|kva ~3 gjør|gjer ~3 dere|de ~3 med ~3 "+noData+"|kjøpsdata*|kundedata*").in("howdata"),
	rule(dsr.Information, 0.5, "solgt|selges|seljast|selt|sold ~2 videre|vidare|on|til ~2 andre|tredjepart*").in("share"),
	rule(dsr.Information, 0.5, "andre|tredjepart*|selskap*|partnere ~5 tilgang|innsyn ~4 "+noData+"|dem|dei").with(asked).in("share"),
	rule(dsr.Information, 0.2, "personvernerklæring*|personvernerklæringa|personvernerklæringen|personvernerklaering*").in("policy"),
	rule(dsr.Information, 0.45, "bruker|brukar|selger|sel|deler|sporer|profilerer|overvåker|overvakar|registrerer|lagrer|lagrar|analyserer|samler|samlar|setter|set ~1 dere|de|dykk").
		with(asked).in("practice"),

	// automated_decision: "avslått automatisk", "en person ser på søknaden
	// på nytt", "manuell vurdering".
	rule(dsr.AutomatedDecision, 0.45, noAuto+" ~5 "+noDec).in("autodec"),
	rule(dsr.AutomatedDecision, 0.45, noDec+" ~5 "+noAuto).in("autodec"),
	rule(dsr.AutomatedDecision, 0.6, "menneskelig*|menneskeleg* ~1 vurdering*|behandling*|overprøving*|gjennomgang*|kontroll").in("human"),
	// "kan ein person sjå på dette, og kva er det systemet dykkar reagerer
	// på?"
	rule(dsr.AutomatedDecision, 0.45, "person|menneske|nokon|noen|saksbehandler ~2 ser|sjå|se ~2 på ~1 dette|det|saka|saken|søknaden|nivået|nivået|vurderinga|vurderingen|poengene|poenga|sperringa|sperringen").given(noAuto).in("human"),
	// "ikke bare lar systemet avgjøre det", Swedish "det är systemet som
	// bestämmer": a machine said to decide.
	rule(dsr.AutomatedDecision, 0.45, "lar|la|late|lét ~1 systemet|maskinen|algoritmen|datamaskinen|appen ~2 avgjøre|avgjere|bestemme|bestemma|avgjer|avgjør").in("autodec"),
	rule(dsr.AutomatedDecision, 0.45, "systemet|algoritmen|maskinen|datorn ~2 som ~1 bestämmer|bestämde|avgör|avgjorde|beslutar|beslutade|bestemmer|bestemte|avgjør|avgjorde|afgør|afgjorde").in("autodec"),
	rule(dsr.AutomatedDecision, 0.45, "systemet|system ~3 reagerer|reagerte|reagerar|stoppa|stoppet|sperra|sperret|flagga|flagget").in("autodec"),
	// "jeg vil vite hva systemet la vekt på": the logic of a decision.
	rule(dsr.AutomatedDecision, 0.45, "hva|kva|hvilke|kva ~4 la|lagt|legg|legger ~2 vekt ~1 på").given(noAuto).in("logic"),
	// "eg vil at nokon ser på saka på nytt": the decision looked at again.
	rule(dsr.AutomatedDecision, 0.3, "ser|sjå|ser|vurderer|går|gå ~4 på ~1 nytt").given(noDec).in("human"),
	rule(dsr.AutomatedDecision, 0.45, "manuell*|manuelt ~3 vurder*|behandl*|handsam*|gjennomgang*|sjekk*|kontroll*").in("human"),
	rule(dsr.AutomatedDecision, 0.45, "vurder*|behandl*|handsam*|sjekk*|kontroller* ~4 manuelt|manuell*").in("human"),
	rule(dsr.AutomatedDecision, 0.45, "person|menneske|saksbehandler*|saksbehandlar*|ansatt|tilsett ~5 "+noHumanVerb).in("human"),
	rule(dsr.AutomatedDecision, 0.45, "vurdering*|vurdert|gjennomgang|gjennomgått|behandling|behandlet|sett ~2 av ~2 person|menneske|saksbehandler*|saksbehandlar*|ansatt").in("human"),
	rule(dsr.AutomatedDecision, 0.45, "vurdert|vurdering*|avgjort|bestemt|behandlet ~6 dataprogram*|maskin|maskinen|algoritme*|automatisk|datamaskin*|systemet").in("autodec"),
	rule(dsr.AutomatedDecision, 0.4, "overprøv*|overprøving*").in("human"),
	// "et menneske ser på kredittsjekken", "en person går gjennom
	// sperringen": a person asked to look at the decision itself, a
	// refusal or an account blocked by the system.
	rule(dsr.AutomatedDecision, 0.6, "person|menneske|saksbehandler*|saksbehandlar*|ansatt|tilsett ~5 "+noHumanVerb+" ~4 kredittsjekk*|kredittvurdering*|avslag*|avslaget|avgjørelse*|avgjerd*|beslutning*|vedtak*|"+
		"sperring*|sperringa|sperringen|utestenging*|blokkering*|blokkeringa|blokkeringen").in("human"),
	// "hvordan ble avgjørelsen tatt", "hvorfor fikk jeg avslag" about
	// credit: our credit checks are automated, the question is about one.
	rule(dsr.AutomatedDecision, 0.5, "hvordan|korleis|hvorfor|kvifor ~5 avgjørelse*|avgjerd*|beslutning*|vurdering*|vurderinga|avslag*|avslaget|avslått|avslo|avvist|avviste").
		given("kreditt*|kredittsjekk*|kredittvurdering*|delbetaling*|fakturakjøp*|avbetaling*|finansiering*|lån|kredit*").in("howdec"),
	rule(dsr.AutomatedDecision, 0.45, "bestrider|bestride|påklage|påklager|klage ~4 avgjørelse*|avgjerd*|avslag*|avslaget|vedtak*|vurdering*").in("human"),
	rule(dsr.AutomatedDecision, 0.3, "uten|utan ~1 at ~3 menneske|person|noen|nokon").in("why"),
	rule(dsr.AutomatedDecision, 0.3, "logikk*|logikken|kriteri*|kriterium").in("why"),
	rule(dsr.AutomatedDecision, 0.3, "lå|la|ligg|ligger ~2 grunn").in("why"),
	rule(dsr.AutomatedDecision, 0.3, "bygde|bygger|bygd|basert|baserte ~2 på").in("why"),
	rule(dsr.AutomatedDecision, 0.25, "sekund|sekunder|sekund*|minutt*|umiddelbart|øyeblikkelig*").in("fast"),

	// complaint: "formell klage", "klage på hvordan dere har behandlet
	// opplysningene mine", a threat to go to Datatilsynet with criticism.
	rule(dsr.Complaint, 0.9, "formell*|formelt ~2 klage|klaga").in("complain"),
	// "er det virkelig sånn dere behandler kundeopplysninger?": a complaint
	// asked as a question.
	rule(dsr.Complaint, 0.6, "er ~1 det|dette ~2 sånn|slik|slikt ~1 dere|de ~1 behandler|behandlar|håndterer|handterer|handsamar|passer ~3 "+noData+"|kundeopplysning*|personvern*").in("complain"),
	rule(dsr.Complaint, 0.85, "klage|klager|klagen|klaga|klagar|klagemål* ~4 behandling*|handsam*|håndter*|håndtering*|måten|korleis|hvordan|personvern*|opplysning*|opplysing*").
		with(notOwned).in("complain").unless(noProduct).unlessOnly(noStaff, noStaffData),

	rule(dsr.Complaint, 0.65, "klage|klager|klagar|klaga ~1 på|over").in("complain").unless(noProduct).unlessOnly(noStaff, noStaffData),
	rule(dsr.Complaint, 0.65, "vil|ønsker|ønskjer|må|skal|ville ~2 klage|klaga").in("complain").unless(noProduct).unlessOnly(noStaff, noStaffData),
	rule(dsr.Complaint, 0.7, "dette|det|denne ~2 er|vere|være|blir ~3 klage").in("complain"),
	rule(dsr.Complaint, 0.7, "anser|ser|reknar|regner ~4 som ~2 klage").in("complain"),
	// "jeg vil at dere registrerer det som en klage", "behandle dette som
	// en formell klage": a complaint asked to be filed as one.
	rule(dsr.Complaint, 0.7, "registrer|registrere|registrerer|registrerar|behandle|behandler|behandlar|handsame|handsamar|noter|notere|noterer|føre|fører ~4 som ~2 klage|klagesak").
		in("complain").unless(noProduct).unlessOnly(noStaff, noStaffData),
	rule(dsr.Complaint, 0.75, "klager|klagar ~1 herved|hermed|med|formelt").in("complain"),
	rule(dsr.Complaint, 0.7, "jeg|eg|vi ~3 klager|klagar").in("complain").unless(noProduct).unlessOnly(noStaff, noStaffData),
	rule(dsr.Complaint, 0.4, "dårlig|dårleg|slurvete|kritikkverdig* ~2 håndtering|behandling|handsaming|personvern").in("crit"),
	// "en dårlig måte å behandle opplysningene mine på", Danish "en
	// dårlig måde at behandle mine oplysninger på": the handling of the
	// person's data judged.
	rule(dsr.Complaint, 0.6, "dårlig|dårleg|elendig|uakseptabel|uakseptabelt|uacceptabel ~1 måte|måde|måten ~2 behandle|håndtere|handsame|handtere ~3 opplysning*|opplysing*|oplysning*|data|personopplysning*|personoplysning*|mine|mit|min").in("complain"),
	// Danish "Jeg er meget utilfreds med, at I sender mine oplysninger til
	// en anden", bokmål "misfornøyd med at dere deler opplysningene mine":
	// discontent with what was done with the data.
	// Personal data by name, not "informasjon": "misfornøyd med
	// informasjonen jeg fikk om garantien" is about the service.
	rule(dsr.Complaint, 0.6, "utilfreds|misfornøyd|misfornøgd|missnöjd ~8 "+discontentData).with(noReport).in("complain").unless(noProduct),
	rule(dsr.Complaint, 0.4, "brudd|avvik|lekkasje|lekket|lekka ~3 personvern*|opplysning*|opplysing*|data").in("crit"),
	rule(dsr.Complaint, 0.4, "personvernbrudd*|avviksmelding*|sikkerhetsbrudd*").in("crit"),
	// "misfornøyd med svaret på innsynsbegjæringen", beside Datatilsynet
	// or a complaint word it is one.
	rule(dsr.Complaint, 0.4, "misfornøyd|misfornøgd|misnøgd|lei ~3 svar|svaret|svara|håndtering*|handtering*|behandlinga|behandlingen|måten|saksbehandling*").in("crit"),
	rule(dsr.Complaint, 0.6, "vurderer|tenker|tenkjer|vurderar|kommer|kjem ~3 gå|melde|klage|klaga|rapportere|anmelde ~3 datatilsynet*|tilsynsmyndighet*").with(noReport).in("dpa"),
	// "Hører jeg ikke fra dere innen 14 dager, sender jeg klage til
	// Datatilsynet": a complaint sent or to be sent (a question how to
	// send one asks for information).
	rule(dsr.Complaint, 0.6, "sender|sende|send|sendt|sendte|levere|leverer|levert ~2 klage|klagen|klaga ~2 til ~1 datatilsynet*|tilsynsmyndighet*").with(stated).in("dpa"),
	// Two rules, not one: written as one pattern, the words read as a
	// three-word phrase ("uakseptabel ... ikke ... greit") and neither
	// "uakseptabelt" nor "ikke greit" counted on its own.
	rule(dsr.Complaint, 0.3, "uakseptabel*|uhørt|skandaløs*|kritikkverdig*").in("crit"),
	rule(dsr.Complaint, 0.3, "ikke|ikkje ~1 greit|greitt|akseptabelt|akseptabel").with(selfNeg).in("crit"),
	rule(dsr.Complaint, 0.3, "ikke|ikkje|ingen|inga ~2 fått|fatt|fekk|svar ~1 svar").with(selfNeg).in("crit"),
	rule(dsr.Complaint, 0.3, "ikke|ikkje ~2 svart|besvart|svara|reagert").with(selfNeg).in("crit"),
}
