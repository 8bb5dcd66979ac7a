package classify

import "strings"

// The checks in this file look at the words just around a match and decide
// whether the sender is asking for the thing the phrase names, or saying the
// opposite ("ikke slett"), reporting what happened ("kontoen vil bli
// slettet"), allowing it later ("dere kan slette den når ...") or only
// supposing it ("hvis dere sletter ...").

// wordFamily is a closed list of words known to the lexicon, tested with
// one bit per token. It holds the family's id, not the family: tests of
// it run in every context check, and the id saves them a load.
type wordFamily struct{ id int }

func family(words ...string) wordFamily {
	alts := make([]alt, len(words))
	for i, w := range words {
		alts[i] = alt{s: fold(w)}
	}
	return wordFamily{theLexicon.family("family:"+strings.Join(words, "|"), alts).id}
}

func (f wordFamily) has(t *token) bool { return t.in(f.id) }

var (
	negators = family("ikke", "ikkje", "not", "never", "aldri", "inte", "ej", "icke",
		"nicht", "kein", "keine", "keinen", "nie", "dont", "don't", "doesn't", "didn't", "won't",
		"cannot", "can't", "isn't", "aren't", "wouldn't", "shouldn't", "ingen", "uten", "without",
		"ohne", "nor", "neither", "unngå", "avoid", "refrain", "unnlat", "unnlate")
	// A negation does not reach past these: "ikke kunde lenger, og slett meg".
	negationStops = family("og", "and", "och", "und", "men", "but", "aber", "så", "so", "please",
		"vennligst", "bitte", "pls", "kindly", "samt", "sondern", "utan", "then", "da", "derfor", "therefore",
		// "ikke slett dem inntil saken er avgjort": the time clause is not
		// negated ("før" folds to "for" and cannot be told apart).
		"inntil", "until", "mens", "medan", "while", "before", "pending", "bis", "tills")
	// "ikke bare", "not only": the sender wants more, not less.
	notOnly    = family("bare", "berre", "bara", "nur", "only", "just", "kun", "enbart", "alene")
	objectPron = family("det", "den", "dem", "dei", "it", "them", "meg", "mig", "mich", "es", "sie", "dette", "this", "that", "those", "these")
	postNeg    = family("ikke", "ikkje", "inte", "not", "nicht", "ej")
	// Sentence adverbs that may stand between the verb (or its pronoun
	// object) and a negation after it: "radera det ändå inte", "slett den
	// likevel ikke", "slet dem alligevel ikke".
	negAdverbs = family("ändå", "likevel", "likevél", "allikevel", "alligevel", "endå", "enda", "dock", "heller", "altså", "jo", "nog")
	// Words skipped when looking for the verb in front of a match.
	fillers = family("en", "ei", "et", "ein", "eit", "a", "an", "the", "min", "mitt", "mi", "mine", "my",
		"automatisk", "automatically", "allerede", "already", "nå", "now", "nettopp", "just", "alle",
		"all", "also", "også", "likevel", "still", "fortsatt", "ganske", "faktisk", "completely", "helt")
	reportVerbs = family("håndterte", "handterte", "behandlet", "behandla", "handsama", "handled", "processed",
		"answered", "besvarte", "besvart", "avviste", "ignorerte", "ignored", "rejected", "refused",
		"ble", "blei", "vart", "var", "blitt", "vært", "vore", "was", "were", "been", "wurde", "worden",
		"blev", "blivit", "fikk", "fekk", "fått", "got", "received", "sendte", "sent", "submitted",
		"har", "hadde", "have", "has", "had", "haben", "habe", "hat", "mottok", "mottog", "requested",
		"fået", "faaet", "modtaget", "modtog", "fick", "erhalten", "erhielt", "bekommen", "bekam")
	// pastAsks are past tenses of asking: "eg bad om innsyn for ei tid
	// sidan", "I asked for a copy last year" tell of an earlier request.
	waits = family("venter", "ventar", "venta", "ventet", "waiting", "awaiting", "await", "still", "fortsatt", "framleis", "enda", "ennå", "väntar", "warte")
	// rightPreps join a right to what it is a right to: "right to",
	// "retten til", "rätten att", "Recht auf".
	rightPreps = family("to", "of", "til", "på", "att", "till", "auf", "zur", "zum", "om")
	rightWords = family("right", "rights", "retten", "rettane", "rettene", "rettighet", "rettigheten",
		"rettighetene", "rettigheter", "rettigheit", "rettigheita", "rettigheitene", "rettigheiter", "rätt", "rätten",
		"rättighet", "rättigheter", "rättigheterna", "recht", "rechte", "rechts", "rettighed", "rettigheder", "rettighederne")
	existence = family("existence", "eksistens", "eksistensen", "förekomst", "förekomsten", "bestehen")
	// whetherWords ask whether something takes place at all.
	whetherWords = family("whether", "hvorvidt", "korvidt", "huruvida", "ob")
	// exercise verbs invoke a right rather than name it.
	exercise = family("exercise", "exercising", "invoke", "invoking", "use", "using", "have", "has", "claim",
		"utøve", "utøver", "utøvar", "bruke", "bruker", "brukar", "benytte", "benytter", "nytte", "nyttar",
		"påberope", "påberoper", "påkalle", "har", "krever", "krev", "kreve", "ber", "ønsker", "ønskjer", "vil",
		"want", "wish", "request", "requesting", "utöva", "utövar", "åberopar", "åberopa", "anvende",
		"anvender", "gør", "geltend", "wahrnehmen", "habe", "hat",
		// "Gebrauch machen von", "utnyttja", "udnytte", "benytta".
		"mache", "machen", "ausüben", "übe", "nutze", "nutzen", "utnyttjar", "utnyttja", "nyttjar", "nyttja",
		"använder", "använda", "utövar", "benyttar", "benytta", "udnytter", "udnytte", "udøver", "udøve", "bruger")
	// mentionStops end the reach of a "right to" in front: a new request
	// starts.
	mentionStops = family("please", "vennligst", "venligst", "bitte", "so", "så", "derfor", "therefore", "then",
		"jeg", "eg", "i", "jag", "ich", "vi", "we")
	// haveWish come before a "have" that means to get: "vil gerne have",
	// "like to have".
	haveWish = family("vil", "ville", "gerne", "gjerne", "like", "want", "wants", "wish", "ønsker", "to")
	pastAsks = family("ba", "bad", "bat", "asked", "spurte", "spurde", "krevde", "kravde", "begjærte")
	// requestNouns and ofPreps make up "innsyn i", "a copy of": the
	// request an earlier ask was for, before what it was about.
	requestNouns = family("innsyn", "kopi", "kopien", "copy", "access", "oversikt", "utskrift", "indsigt", "tillgång", "auskunft")
	ofPreps      = family("i", "av", "of", "to", "over", "til", "in", "über")
	answerPrep   = family("på", "to", "on", "til")
	answers      = family("svar", "svaret", "svara", "answer", "answered", "response", "reply", "purring", "purret", "purra", "reminder", "besvart", "svarte")
	aboutPrep    = family("om", "of", "about", "regarding", "concerning", "angående", "vedrørende", "vedkommande", "re", "on")
	caseWords    = family("sak", "saken", "saka", "handling", "behandlingen", "behandlinga", "handsaminga", "henvendelse",
		"henvendelsen", "førespurnaden", "forespørselen", "kravet", "request", "case", "matter", "complaint", "klage",
		"klagen", "answer", "svar", "svaret", "response", "reply", "processing", "ærend", "saksbehandlingen")
	notices = family("varsel", "varslet", "varsla", "varsling", "beskjed", "informert", "informerte", "opplyst",
		"notice", "notified", "notification", "informed", "told", "meddelt", "underrättelse", "benachrichtigt",
		"ser", "see", "saw", "noticed", "leste", "las", "read", "oppdaget", "oppdaga", "merket", "merka",
		"hørte", "høyrde", "heard", "skrev", "wrote", "said")
	thatWords = family("at", "that", "om", "about", "att", "dass")
	// mails and gotWords make up "eg fekk e-post om at kontoen min blir
	// sletta": a mail received told it, as a notice does. A mail sent
	// ("jeg sendte en e-post om at dere må slette") was a request.
	mails = family("epost", "eposten", "email", "mail", "mailen", "melding", "meldinga", "meldingen", "brev", "brevet",
		"letter", "message", "sms", "smsen", "mejl", "mejlet", "meddelande", "besked", "nachricht", "schreiben")
	gotWords = family("fikk", "fekk", "fått", "mottok", "mottatt", "mottek", "motteke", "got", "received", "receive",
		"fick", "fik", "fået", "modtog", "modtaget", "bekam", "bekommen", "erhielt", "erhalten")
	wideOpeners = family("at", "att", "that", "dass", "want", "wish", "ønsker", "ønskjer", "vil",
		// "do not let the recording ... be deleted", "ikke la opptaket bli slettet".
		"let", "allow", "la", "lat", "låt", "lass", "lassen")
	// asWords name what the mail is taken as: "count this as my
	// objection", "betrakt dette som min protest", "consider this my
	// objection".
	asWords     = family("as", "som", "als", "this", "dette", "detta", "dies")
	possessives = family(
		"my", "our", "his", "her", "their", "min", "mitt", "mi", "mine", "vår", "vårt", "våre", "hans", "hennes", "dykkar", "deres")
	howWords  = family("hvordan", "korleis", "how", "hur", "wie", "hvorledes")
	scheduled = family("due", "scheduled", "set", "going", "planned", "about", "supposed", "planlagt", "satt", "tenkt", "ment")
	futureAux = family(
		"vil", "ville", "skal", "skulle", "kommer", "kjem", "will", "would", "shall", "going", "wird", "werden", "würde")
	firstPerson = family("jeg", "eg", "i", "vi", "we", "jag", "ich", "wir")
	// controllerPron and habitual make up "you normally delete": the
	// company's routine, told (see practice).
	controllerPron = family("you", "they", "dere", "de", "ni", "ihr", "sie", "i") // Danish "I" is "you"
	subjunctors    = family("at", "that", "att", "dass")
	// "fått vite", "fået at vide", "fått veta", "been told": learnt from
	// someone else.
	knowWords = family("høre", "høyre", "höra", "hören", "skjønt", "skjønner", "forstått", "forstår", "vet", "veit", "vite", "vide", "veta", "told", "fortalt", "fortald",
		"informert", "informeret", "lest", "hørt", "sett", "kjent", "ser", "leser", "leste",
		"know", "understand", "understood", "read", "heard", "aware", "seen", "noticed",
		"förstått", "förstår", "läst", "hört", "forstået", "forstår", "læst", "hørt", "ved",
		"weiß", "gelesen", "gehört", "verstanden", "bekannt")
	habitual = family("normally", "usually", "routinely", "automatically", "always", "generally", "typically",
		"vanligvis", "normalt", "automatisk", "alltid", "rutinemessig", "vanlegvis", "vanligtvis", "normalerweise",
		"automatisch", "immer", "normalt", "automatiskt", "sædvanligvis", "altid")
	conditional = family("hvis", "dersom", "viss", "if", "whether", "falls", "wenn", "ifall", "om")
	modals      = family("kan", "can", "may", "kann", "können", "får", "må", "might")
	secondPers  = family("dere", "de", "you", "ni", "i", "sie", "du", "dykk", "jer")
	thenWords   = family("så", "da", "then", "dann", "sen", "derefter", "etterpå", "deretter", "etterpå")
	whenWords   = family("når", "once", "when", "after", "etter", "efter", "nachdem", "sobald", "until",
		"tills", "bis", "inntil", "later", "senere", "seinare", "senare", "später")
)

// How far back a negation reaches: narrowScope words in general, wideScope
// when it opens a clause ("ikke at dere ...").
const (
	narrowScope = 5
	wideScope   = 12
)

// negated reports whether the match toks[i..j] is negated: a negator shortly
// before it in the same clause, or right after the verb ("slett den ikke",
// "radera det inte", "löschen Sie die Daten nicht").
func negated(toks []token, i, j int) bool {
	c := toks[i].clause
	// A match that opens a time clause ("inntil saken er avklart") is
	// not reached by a negation in front of it.
	from := i - 1
	if negationStops.has(&toks[i]) {
		from = -1
	}
	for k := from; k >= 0 && k >= i-wideScope && toks[k].clause == c; k-- {
		t := &toks[k]
		if negationStops.has(t) {
			break
		}
		if i-k <= narrowScope && deferred(toks, k, i) {
			return true // "hold off on deleting", "vent med å slette"
		}
		if negators.has(t) {
			if k+1 < len(toks) && notOnly.has(&toks[k+1]) {
				return false
			}
			// "Jeg vil ikke at dere ...", "I don't want you to ...": the
			// negation covers the whole clause that follows.
			wide := k+1 < i && wideOpeners.has(&toks[k+1])
			return i-k <= narrowScope || wide
		}
	}

	// After the match: "slett ikke", "radera det inte".
	for k, n := j+1, 0; k < len(toks) && toks[k].clause == toks[j].clause && n < 6; k, n = k+1, n+1 {
		t := &toks[k]
		if postNeg.has(t) {
			if k+1 < len(toks) && notOnly.has(&toks[k+1]) {
				return false
			}
			// German puts "nicht" at the end of the clause; elsewhere the
			// negation must follow the verb or its pronoun object at once.
			// A sentence adverb may come between: "radera det ändå inte".
			adv := 0
			if n > 0 && negAdverbs.has(&toks[k-1]) {
				adv = 1
			}
			return n-adv == 0 || (n-adv == 1 && objectPron.has(&toks[j+1])) || t.s == "nicht"
		}
		if negationStops.has(t) {
			break
		}
	}
	return false
}

// reported reports whether the match is told as something that happened or
// will happen, not asked for: "vil bli slettet", "was deleted", "fikk
// innsyn", "sendte en innsynsbegjæring".
func reported(toks []token, i int) bool {
	c := toks[i].clause
	k := i - 1
	for n := 0; k >= 0 && toks[k].clause == c && n < 3 && fillers.has(&toks[k]); n++ {
		k--
	}
	if noticed(toks, i) || practice(toks, i) {
		return true
	}
	if k < 0 || toks[k].clause != c {
		return false
	}
	s := toks[k].s
	switch {
	case s == "bli" || s == "be" || s == "att":
		// "kontoen vil bli slettet" is a report, "jeg vil bli slettet" a wish.
		if k >= 1 && futureAux.has(&toks[k-1]) {
			// With no subject in front ("Vil bli slettet."), the sender
			// speaks of themself.
			return k >= 2 && toks[k-2].clause == c && !firstPerson.has(&toks[k-2])
		}
		// "is due to be deleted", "skal etter planen bli slettet".
		return k >= 2 && (toks[k-1].s == "to" || toks[k-1].s == "a") && scheduled.has(&toks[k-2])
	case answerPrep.has(&toks[k]):
		// "fekk svar på innsynskravet", "an answer to my access request".
		return k >= 1 && answers.has(&toks[k-1])
	case aboutPrep.has(&toks[k]):
		// "saken min om sletting", "your handling of my access request":
		// a request already made, named, not a new one.
		m := k - 1
		for n := 0; m >= 0 && toks[m].clause == c && n < 2 && fillers.has(&toks[m]); n++ {
			m--
		}
		return m >= 0 && caseWords.has(&toks[m])
	case s == "have" && k >= 1 && toks[k-1].clause == c && haveWish.has(&toks[k-1]):
		// "jeg vil gerne have en kopi", "I'd like to have a copy": Danish
		// and English "have" after a wish is to get, not to have had.
		return false
	case s == "har" || s == "have" || s == "has" || s == "had" || s == "hadde":
		// "I have deleted the app" reports; "har dere slettet" asks about
		// it; both are not a new request.
		return true
	}
	return reportVerbs.has(&toks[k])
}

// practice reports a match told as what the desk's side does as a rule:
// "I know you normally delete after a few days", "they usually erase
// the footage". The sender describes a routine, and asks for nothing by
// it ("please delete" and "can you delete" have no habit in between).
func practice(toks []token, i int) bool {
	c := toks[i].clause
	if i >= 2 && toks[i-1].clause == c && toks[i-2].clause == c &&
		habitual.has(&toks[i-1]) && controllerPron.has(&toks[i-2]) {
		return true
	}
	// "jeg har skjønt at dere sletter opptak etter en viss tid", "I know
	// that you delete": what the sender has learnt of the routine. A wish
	// has a wish in front ("jeg ber om at dere sletter").
	if i < 3 || !controllerPron.has(&toks[i-1]) || !subjunctors.has(&toks[i-2]) {
		return false
	}
	for k := i - 3; k >= 0 && k >= i-5 && toks[k].sent == toks[i].sent; k-- {
		if knowWords.has(&toks[k]) {
			return true
		}
	}
	return false
}

// answeredBefore reports a request told as made earlier and answered
// since: "eg bad om innsyn for ei tid sidan. Svaret eg fekk ...", "I
// asked for a copy in May; your reply left out ...". A request asked
// before and never answered ("ba om innsyn for to måneder siden og har
// ikke fått svar") is still open, so it still counts.
func answeredBefore(toks []token, i int) bool {
	c := toks[i].clause
	k := i - 1
	for n := 0; k >= 0 && toks[k].clause == c && n < 3 && fillers.has(&toks[k]); n++ {
		k--
	}
	// "Jeg ba om innsyn i opplysningene dere har om meg": what the
	// earlier request was for is told with it, after its noun.
	if k >= 2 && toks[k].clause == c && toks[k-1].clause == c && ofPreps.has(&toks[k]) && requestNouns.has(&toks[k-1]) {
		k -= 2
		for n := 0; k >= 0 && toks[k].clause == c && n < 3 && fillers.has(&toks[k]); n++ {
			k-- // "asked for a copy of"
		}
	}
	if k < 1 || toks[k].clause != c || !(aboutPrep.has(&toks[k]) || toks[k].s == "for") {
		return false
	}
	m := k - 1
	for n := 0; m >= 0 && toks[m].clause == c && n < 2 && fillers.has(&toks[m]); n++ {
		m--
	}
	if m < 0 || toks[m].clause != c || !pastAsks.has(&toks[m]) {
		return false
	}
	for k := range toks {
		if answers.has(&toks[k]) && !negated(toks, k, k) && !awaited(toks, k) {
			return true
		}
	}
	return false
}

// awaited reports an answer still waited for: "venter fortsatt på svar",
// "still waiting for a reply".
func awaited(toks []token, k int) bool {
	for m := k - 1; m >= 0 && m >= k-4 && toks[m].clause == toks[k].clause; m-- {
		if waits.has(&toks[m]) {
			return true
		}
	}
	return false
}

// mentioned reports a right named as a piece of information, not invoked:
// an access request that copies Art. 15(1) asks for "the existence of my
// rights to rectification, erasure, restriction and objection", "my right
// to lodge a complaint with a supervisory authority", "informasjon om
// retten til å kreve retting, sletting og begrensning", "whether
// automated decision-making takes place". A right one exercises ("I
// exercise my right to erasure", "jeg krever retten til sletting", "I
// have the right to be forgotten") is still a request. decision is set
// for automated decisions, whose existence is asked with "whether".
func mentioned(toks []token, i int, decision bool) bool {
	s := toks[i].sent
	for k := i - 1; k >= 0 && k >= i-mentionReach && toks[k].sent == s; k-- {
		t := &toks[k]
		switch {
		case mentionStops.has(t):
			return false
		case existence.has(t), decision && whetherWords.has(t):
			return true
		case rightWords.has(t) && rightOf(toks, k, i):
			for m := k - 1; m >= 0 && m >= k-3 && toks[m].sent == s; m-- {
				if exercise.has(&toks[m]) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// rightOf reports a right word at k joined to what follows it up to i:
// "right to", "rettane mine til".
func rightOf(toks []token, k, i int) bool {
	n := k + 1
	if n < i && possessives.has(&toks[n]) {
		n++
	}
	return n < i && rightPreps.has(&toks[n])
}

// mentionReach is how far back mentioned looks for "right to" or
// "existence of": over a list of four rights.
const mentionReach = 10

// owned reports a possessive right before the match's first word or, in
// Norwegian, right after it: "my objection", "protesten min". "Count this
// as my objection", "se på dette som min protest" make the noun of the
// mail itself: what the sender now files, not what was filed before.
func owned(toks []token, i int) bool {
	c := toks[i].clause
	if i > 0 && toks[i-1].clause == c && possessives.has(&toks[i-1]) {
		return !(i > 1 && toks[i-2].clause == c && asWords.has(&toks[i-2]))
	}
	if i+1 < len(toks) && toks[i+1].clause == c && possessives.has(&toks[i+1]) {
		return !(i > 0 && toks[i-1].clause == c && asWords.has(&toks[i-1]))
	}
	return false
}

// noticed reports a match told as what a notice said or what the sender
// saw: "jeg fikk varsel om at kontoen min slettes om en måned", "jeg ser
// at dere skal slette historikken", "you informed me that my data will be
// deleted". The notice word must head a that-clause holding the match.
func noticed(toks []token, i int) bool {
	c := toks[i].clause
	that := false
	for k := i - 1; k >= 0 && k >= i-10 && toks[k].clause == c; k-- {
		if thatWords.has(&toks[k]) {
			that = true
		}
		if that && (notices.has(&toks[k]) || (mails.has(&toks[k]) && got(toks, k))) {
			return true
		}
	}
	return false
}

// got reports a verb of receiving shortly before toks[k], in its clause:
// "fekk e-post", "received a letter".
func got(toks []token, k int) bool {
	for m := k - 1; m >= 0 && m >= k-3 && toks[m].clause == toks[k].clause; m-- {
		if gotWords.has(&toks[m]) {
			return true
		}
	}
	return false
}

// supposed reports whether the match sits in an if-clause: "hvis dere
// sletter kontoen, mister jeg poengene?".
func supposed(toks []token, i int) bool {
	c := toks[i].clause
	for k := i - 1; k >= 0 && k >= i-3 && toks[k].clause == c; k-- {
		if conditional.has(&toks[k]) && toks[k].s != "om" {
			return true
		}
		if toks[k].s == "om" && (k == 0 || toks[k-1].clause != c) {
			return true // clause-initial "om" is "if"; "ber om" is not
		}
	}
	return false
}

// permitted reports whether the sender only allows a later deletion: "dere
// kan slette den når ordren er ferdig", "så kan dere slette", "you may
// delete it once the order is done". "Kan dere slette meg?" and "You can
// delete my account" are requests.
func permitted(toks []token, i int) bool {
	c := toks[i].clause
	s := toks[i].sent
	for k := i - 1; k >= 0 && k >= i-4 && toks[k].clause == c; k-- {
		if !modals.has(&toks[k]) {
			continue
		}
		if toks[k].s == "må" || toks[k].s == "ma" {
			// "dere må gjerne slette", Danish "I må gerne slette": "må"
			// allows only with the adverb; bare, it demands.
			if !hasWord(toks, k+1, i, "gjerne") && !hasWord(toks, k+1, i, "gerne") {
				continue
			}
		}
		before := k >= 1 && toks[k-1].sent == s && secondPers.has(&toks[k-1])
		inverted := k+1 < i && secondPers.has(&toks[k+1]) && k >= 1 && toks[k-1].sent == s && thenWords.has(&toks[k-1])
		if inverted {
			return true
		}
		if before && sentenceHas(toks, i, whenWords) {
			return true
		}
	}
	return false
}

func hasWord(toks []token, from, to int, w string) bool {
	for k := from; k < to; k++ {
		if toks[k].s == w {
			return true
		}
	}
	return false
}

func sentenceHas(toks []token, i int, words wordFamily) bool {
	from, to := sentenceOf(toks, i)
	for k := from; k < to; k++ {
		if words.has(&toks[k]) {
			return true
		}
	}
	return false
}

// sentenceSets caches, per sentence, the union of its words' families,
// so "is any word of this sentence about marketing" is a bit test after the
// first time it is asked.
type sentenceSets struct {
	union []setBits
	done  []bool

	doc     setBits // the union over the whole message
	docDone bool
	// also is more of the message for docMatches: the subject while the
	// body is read, the body while a subject is read on its own
	// ("Formal complaint" over a body about personal data).
	also []token

	perRule []uint8 // hits made so far, by rule
	ruled   bool    // perRule is cleared for this text
}

// reset readies ss for the text toks, keeping its storage.
func (ss *sentenceSets) reset(toks []token) {
	n := 0
	if len(toks) > 0 {
		n = int(toks[len(toks)-1].sent) + 1
	}
	if cap(ss.done) < n {
		ss.union = make([]setBits, n)
		ss.done = make([]bool, n)
	} else {
		ss.union = ss.union[:n]
		ss.done = ss.done[:n]
		clear(ss.done)
	}
	ss.docDone = false
	ss.ruled = false
}

// docMatches reports whether any word of the message passes w.
func (ss *sentenceSets) docMatches(toks []token, w *wordSet) bool {
	if w.set == nil || len(w.set.fallback) > 0 {
		for _, ts := range [2][]token{toks, ss.also} {
			for k := range ts {
				if w.matchTok(&ts[k]) {
					return true
				}
			}
		}
		return false
	}
	if !ss.docDone {
		ss.doc = setBits{}
		for _, ts := range [2][]token{toks, ss.also} {
			for k := range ts {
				pre, suf := ts[k].sets()
				ss.doc.or(pre)
				ss.doc.or(suf)
			}
		}
		ss.docDone = true
	}
	return ss.doc.has(w.set.id)
}

// matches reports whether any word of the sentence holding toks[i] passes
// w.
func (ss *sentenceSets) matches(toks []token, i int, w *wordSet) bool {
	if w.set == nil || len(w.set.fallback) > 0 {
		from, to := sentenceOf(toks, i)
		for k := from; k < to; k++ {
			if w.matchTok(&toks[k]) {
				return true
			}
		}
		return false
	}
	return ss.of(toks, i).has(w.set.id)
}

// of returns the union of the families of the sentence holding toks[i].
func (ss *sentenceSets) of(toks []token, i int) *setBits {
	s := int(toks[i].sent)
	if !ss.done[s] {
		u := &ss.union[s]
		*u = setBits{}
		from, to := sentenceOf(toks, i)
		for k := from; k < to; k++ {
			// Set 0 is the empty set, the set of most words' ends.
			if p := toks[k].pre; p != 0 {
				u.or(&lexBits[p])
			}
			if p := toks[k].suf; p != 0 {
				u.or(&lexBits[p])
			}
		}
		ss.done[s] = true
	}
	return &ss.union[s]
}

// clauseMatches reports whether any word of the clause holding toks[i]
// passes w: "I object to your ads" is about marketing, "I like the
// newsletter, but I object to the tracking" is not.
//
// A negated word does not count: "I object to the analytics, not to
// marketing" is about the analytics.
func clauseMatches(toks []token, i int, w *wordSet) bool {
	c := toks[i].clause
	for k := i; k >= 0 && toks[k].clause == c; k-- {
		if w.matchTok(&toks[k]) && !negatedWord(toks, k) {
			return true
		}
	}
	for k := i + 1; k < len(toks) && toks[k].clause == c; k++ {
		if w.matchTok(&toks[k]) && !negatedWord(toks, k) {
			return true
		}
	}
	return false
}

// negatedWord reports a negator at most two words before toks[k], in
// its clause: "ikke markedsføring", "not to marketing".
func negatedWord(toks []token, k int) bool {
	for m := k - 1; m >= 0 && m >= k-2 && toks[m].clause == toks[k].clause; m-- {
		if negators.has(&toks[m]) {
			return true
		}
	}
	return false
}

// deferrers are verbs that put an action off.
func deferrers(s string) bool {
	switch s {
	case "postpone", "delay", "utsett", "utsette", "utset", "utsetje":
		return true
	}
	return false
}

// deferred reports whether toks[k] puts off what follows it up to i:
// "postpone", "utsett", "hold off on", "wait with", "vent med".
func deferred(toks []token, k, i int) bool {
	s := toks[k].s
	if deferrers(s) {
		return true
	}
	if k+1 >= i {
		return false
	}
	next := toks[k+1].s
	switch s {
	case "la":
		return next == "vaere" || next == "vere" // "la være å sende"
	case "hold":
		return next == "off"
	case "wait", "vent", "venta", "vente":
		return next == "with" || next == "med" || next == "on"
	}
	return false
}

// practiceQuestion reports a question about how things are done rather than
// a request to do them: "sletter dere dataene på disken?", "do you delete
// ...?", "hvordan sletter jeg søkehistorikken?", "how do I change my
// email?". "Kan dere slette ...?" and "Could you delete ...?" ask for it.
func practiceQuestion(toks []token, i, j int) bool {
	if !inQuestion(toks, i) {
		return false
	}
	s := toks[i].sent
	if j+1 < len(toks) && toks[j+1].sent == s {
		next := &toks[j+1]
		if i == j && secondPers.has(next) {
			return true // verb first: "sletter dere ...?"
		}
		if firstPerson.has(next) && sentenceHas(toks, i, howWords) {
			return true // "hvordan sletter jeg ...?"
		}
	}
	// "do you delete", "how do I delete"
	for k := i - 1; k >= 0 && k >= i-3 && toks[k].sent == s; k-- {
		if toks[k].s == "do" || toks[k].s == "does" {
			return k+1 < i && (secondPers.has(&toks[k+1]) || (firstPerson.has(&toks[k+1]) && sentenceHas(toks, i, howWords)))
		}
	}
	return false
}

// inQuestion reports whether the sentence holding toks[i] ends with "?".
func inQuestion(toks []token, i int) bool {
	_, to := sentenceOf(toks, i)
	return toks[to-1].ask
}

// sentenceOf returns the token range [from, to) of the sentence holding
// toks[i].
func sentenceOf(toks []token, i int) (from, to int) {
	s := toks[i].sent
	from, to = i, i+1
	for from > 0 && toks[from-1].sent == s {
		from--
	}
	for to < len(toks) && toks[to].sent == s {
		to++
	}
	return from, to
}
