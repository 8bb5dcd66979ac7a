package classify

import "github.com/magnetharstad/pvdesk/internal/dsr"

// Danish word families. Most Norwegian stems match Danish too once folded
// ("slette", "kopi", "samtykke"); these are the words that differ.
const (
	daData     = "oplysning*|personoplysning*|data|information|info|kundeoplysning*"
	daEraseObj = daData + "|konto*|*konto|*kontoen|kundekonto*|profil*|billede*|*billedet|foto*|*register|*registeret|*registre|*registra|system*|historik*|alt|alle|medlemskab*"
	// daUse: the use held off, before or after its "ikke".
	daUse = "brug|bruge|bruges|behandl|behandle|behandles"
	// daSettled: how a hold ends, a check or a dispute over.
	daSettled = "afklaret|afgjort|undersøgt|løst|afsluttet|rettet|korrigeret|kontrolleret"
)

// daRules are the Danish phrase families.
var daRules = []ruleSpec{
	rule(dsr.Erasure, 0.85, "slet|sletning*|slettede|sletningen").with(noReport|noPermit).in("delete").unlessOnly(cartWords, accountWords),
	// "Fjern mig fra jeres mailliste" takes one off a list, not out of the shop.
	rule(dsr.Erasure, 0.7, "fjern*|fjerne ~4 "+daEraseObj+"|mig").with(noReport | noPermit).except(listWords).notOf(listWords + "|nyhedsbrev*").in("remove"),
	rule(dsr.Erasure, 0.9, "ret|retten ~4 glemt"),

	rule(dsr.Access, 0.9, "indsigt*|indsigtsanmodning*|indsigtsret*").with(noReport),
	rule(dsr.Access, 0.8, "kopi|kopien ~5 "+daData+"|alt|gemt|registreret|optagelse*|*optagelse|*optagelser|*optagelserne|*optagelsen|video*|*video|*videoen|overvågningsvideo*").with(noReport).in("copy").unless("kvittering*|faktura*|ordre*"),
	rule(dsr.Access, 0.65, "hvad|hvilke ~6 om ~1 mig|os|hende|ham").with(noReport).in("whathave").unless("bruges|bruger|formål*|deler|længe|hvorfor|beslutning*|afgørelse*|baseret|grundlag*|logik*").
		notOf(passOn),
	// "Hvad har I egentlig registreret på mig?" (see bokmål).
	rule(dsr.Access, 0.65, "hvad|hvilke ~3 har|registreret|gemt ~4 på ~1 mig|os|hende|ham").with(noReport).in("whathave").
		unless("bruges|formål*|deler|længe|hvorfor|lager|lageret|ordre*|bestilling*|pris*|tilbud*|point*|bonus*|rabat*|saldo*"),
	rule(dsr.Access, 0.65, daData+"|alt ~3 i ~3 har|gemt|registreret|behandler ~3 om|på ~1 mig|os|hende|ham").with(noReport | nounPhrase).in("whathave"),

	rule(dsr.Rectification, 0.7, "ret|rette|rettes|rettet|korriger*|opdater*|ændre|ændres|ændring ~4 adresse*|navn*|efternavn*|email*|mail*|telefon*|nummer*|husnummer*|fødselsdato*|oplysning*|personoplysning*").in("fix").notAfter(ownRight),
	rule(dsr.Rectification, 0.7, "adresse*|navn*|efternavn*|email*|nummer*|oplysning* ~3 rettes|rettet|korrigeres|opdateres|ændres").in("fix"),
	rule(dsr.Rectification, 0.45, "ret|rette|korriger|ændre ~1 det|dette|den").in("fixit"),
	// "send de oplysninger, jeg selv har givet jer, direkte til Elkjøp".
	rule(dsr.Portability, 0.55, "sende|send|sendes|overføre|overfør|overføres ~8 direkte ~1 til").in("transfer"),
	rule(dsr.Portability, 0.45, "format ~4 uploade|importere|indlæse").in("fileformat"),
	rule(dsr.Rectification, 0.35, "forkert*|fejl*|forkerte ~3 adresse*|navn*|nummer*|oplysning*|fødselsdato*|fødselsdag*").in("err"),
	rule(dsr.Rectification, 0.35, "adresse*|navn*|efternavn*|fornavn*|*navn|nummer*|oplysning*|fødselsdato*|fødselsdag* ~4 forkert*|fejl*|forkerte").in("err"),
	rule(dsr.Rectification, 0.5, "mit|min|mine ~1 adresse*|navn*|efternavn*|fornavn*|*navn|nummer*|telefonnummer*|fødselsdato* ~4 forkert*|fejl*").in("mine"),

	rule(dsr.Rectification, 0.35, "registreret|står ~3 forkert|som").in("err"),

	rule(dsr.Restriction, 0.9, "begrænsning*|begrænse ~3 behandling*"),
	rule(dsr.Restriction, 0.5, "kun|bare ~3 opbevar*|gemme|gemmes|lagre*").in("storeonly"),
	rule(dsr.Restriction, 0.35, "tvist*|retssag*|bevis*|domstol*|forsikringssag*|retskrav*|erstatning*|erstatningssag*|skadesag*|advokat*").in("legal"),
	// "indtil da må de ikke bruges til andet eller deles med nogen".
	rule(dsr.Restriction, 0.35, "ikke ~2 bruges|bruge|deles|dele|videregives ~3 til|med ~2 andet|andre|nogen|noget").with(selfNeg).in("dontuse"),
	rule(dsr.Restriction, 0.4, "slet|slette|slettes").with(onlyNeg).in("keep"),
	// "indtil sagen er afsluttet", "før det er rettet" (bokmål's rule
	// reads the latter): how long a hold lasts.
	rule(dsr.Restriction, 0.4, "indtil|mens ~3 er|bliver|har ~2 "+daSettled).in("pause"),
	// "Brug ikke optagelserne af mig, før sagen er afklaret": use held off
	// until a check ends, read whole, the negation before or after the verb.
	rule(dsr.Restriction, 0.5, "ikke ~2 "+daUse+" ~6 før|indtil|mens ~5 "+daSettled).
		with(selfNeg).notAfter("jeg|vi").unless(restrictGoods).in("useuntil"),
	rule(dsr.Restriction, 0.5, daUse+" ~4 ikke ~6 før|indtil|mens ~5 "+daSettled).
		with(selfNeg).notAfter("jeg|vi").unless(restrictGoods).in("useuntil"),
	// "Gem venligst optagelsen, jeg skal bruge den som bevis": kept at the
	// sender's request for a claim; "jeg gemmer kvitteringen" is their own.
	rule(dsr.Restriction, 0.5, "gem|gemme|opbevar|opbevare|bevar|bevare|behold|beholde ~3 "+noKeepObj).
		notAfter("jeg|vi").given(noLegalPurpose).with(noPermit).unless(keepAsked).in("preserve"),

	rule(dsr.Portability, 0.45, "overfør*|flytte|flyt|send ~4 "+daData+"|købshistorik*|historik*|kvitteringer").in("transfer"),
	rule(dsr.Portability, 0.45, "anden|andet|ny|nye ~1 leverandør*|udbyder*|tjeneste*|app|appen|kundeklub*|dataansvarlig*|virksomhed*").in("elsewhere"),

	rule(dsr.ObjectionMarketing, 0.85, "afmeld*|frameld*|afmelding*").in("unsub"),
	rule(dsr.ObjectionMarketing, 0.6, "ikke ~3 sende|ringe|kontakte ~2 mig").with(selfNeg).in("nomore"),
	rule(dsr.ObjectionMarketing, 0.7, "stop|hold ~2 op ~2 med ~2 at ~1 sende|ringe").in("nomore"),

	rule(dsr.Objection, 0.75, "indsigelse*|gør ~2 indsigelse").or(dsr.ObjectionMarketing, marketingWords).in("object").unless(feeWords),
	rule(dsr.Objection, 0.35, "legitim*|berettiget ~1 interesse*").in("li"),

	rule(dsr.WithdrawConsent, 0.9, "tilbagekald*|trækker ~4 samtykke*|tilladelse*").in("withdraw"),
	rule(dsr.WithdrawConsent, 0.9, "samtykke*|tilladelse* ~4 tilbage|tilbagekald*").in("withdraw"),
	// "Det samtykke, jeg gav til marketingcookies, vil jeg gerne trække
	// tilbage": the consent first, the verb at the end of a long clause.
	// A negation inside so long a span ("jeg ønsker ikke at trække det
	// tilbage") keeps the consent.
	rule(dsr.WithdrawConsent, 0.9, "samtykke*|tilladelse* ~20 trække|trækker|trækkes|trak ~1 tilbage").in("withdraw").except(negWords + "|aldrig"),
	rule(dsr.WithdrawConsent, 0.9, "trække|træk|trak ~4 samtykke*|tilladelse*").in("withdraw"),
	// "min mor skrev under ... Det vil jeg ikke længere": a yes refused.
	rule(dsr.WithdrawConsent, 0.6, "det ~1 vil ~1 jeg ~1 ikke ~1 længere|mere").
		with(selfNeg).given("ja|samtyk*|samtykke*|godkendt|godkendte|skrev|underskrev|underskrift*").in("nolonger"),

	rule(dsr.Information, 0.5, "hvor ~1 længe ~5 opbevar*|gemmer|gem|lagrer|ligger|gemmes|beholder").in("retention"),
	rule(dsr.Information, 0.45, "hvad ~4 bruges|bruger ~5 til").in("purpose"),
	rule(dsr.Information, 0.5, "hvad ~1 gør|bruger ~1 i|de ~3 "+daData+" ~2 til|med").in("purpose"),
	rule(dsr.Information, 0.5, "hvad ~1 gør ~1 i|de ~1 med ~3 "+daData).in("purpose"),
	rule(dsr.Information, 0.5, "hvilke|hvad ~3 formål*").in("purpose"),
	rule(dsr.Information, 0.5, "retsgrundlag*|retligt ~1 grundlag").in("basis"),
	rule(dsr.Information, 0.55, "hvor|hvorfra|hvordan ~3 i|de ~2 fået|fik|hentet|købt ~4 "+daData+"|navn*|adresse*|nummer*|mail*").with(noReport).in("source"),
	rule(dsr.Information, 0.45, "hvorfor ~3 har|skal|må ~2 brug|behøver|indsamler|gemmer|oplyse|opgive|registrere").in("why"),
	rule(dsr.Information, 0.55, "hvorfor ~5 "+daData+"|cpr*|*nummer|nummer|personnummer").in("why"),

	rule(dsr.AutomatedDecision, 0.45, "automatisk*|automatiseret* ~5 afgørelse*|beslutning*|afslag*|vurdering*").in("autodec"),
	rule(dsr.AutomatedDecision, 0.45, "afgørelse*|beslutning*|afslag*|vurdering* ~5 automatisk*|automatiseret*").in("autodec"),
	rule(dsr.AutomatedDecision, 0.45, "menneske|person|medarbejder ~5 ser|vurderer|gennemgår|kigger").in("human"),
	rule(dsr.AutomatedDecision, 0.5, "manuel*|menneskelig* ~3 vurdering|behandling|gennemgang").in("human"),
	// "at nogen gennemgår ansøgningen manuelt": the adverb last.
	rule(dsr.AutomatedDecision, 0.45, "gennemgå*|vurder*|behandl*|kontroller*|tjek* ~4 manuelt").in("human"),
	rule(dsr.AutomatedDecision, 0.3, "logik|logikken|kriterier|kriterierne").in("why"),
	rule(dsr.AutomatedDecision, 0.3, "afslag*|afvist|afviste ~4 faktura*|kredit*|afbetaling*|delbetaling*").in("creditdec"),
}
