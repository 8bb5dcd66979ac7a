package classify

// The checks in this file look at the words just around a match and decide
// whether the sender is asking for the thing the phrase names, or saying the
// opposite ("ikke slett"), reporting what happened ("kontoen vil bli
// slettet"), allowing it later ("dere kan slette den når ...") or only
// supposing it ("hvis dere sletter ...").

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[fold(w)] = true
	}
	return m
}

var (
	negators = set("ikke", "ikkje", "not", "never", "aldri", "inte", "ej", "icke",
		"nicht", "kein", "keine", "keinen", "nie", "dont", "don't", "doesn't", "didn't", "won't",
		"cannot", "can't", "isn't", "aren't", "wouldn't", "shouldn't", "ingen", "uten",
		"without", "ohne", "nor", "neither")
	// A negation does not reach past these: "ikke kunde lenger, og slett meg".
	negationStops = set("og", "and", "och", "und", "men", "but", "aber", "så", "so", "please",
		"vennligst", "bitte", "pls", "kindly", "samt", "sondern", "utan", "then", "da", "derfor", "therefore")
	// "ikke bare", "not only": the sender wants more, not less.
	notOnly    = set("bare", "berre", "bara", "nur", "only", "just", "kun", "enbart", "alene")
	objectPron = set("det", "den", "dem", "dei", "it", "them", "meg", "mig", "mich", "es", "sie", "dette", "this", "that", "those", "these")
	postNeg    = set("ikke", "ikkje", "inte", "not", "nicht", "ej")
	// Words skipped when looking for the verb in front of a match.
	fillers = set("en", "ei", "et", "ein", "eit", "a", "an", "the", "min", "mitt", "mi", "mine", "my",
		"automatisk", "automatically", "allerede", "already", "nå", "now", "nettopp", "just", "alle",
		"all", "also", "også", "likevel", "still", "fortsatt", "ganske", "faktisk", "completely", "helt")
	reportVerbs = set("ble", "blei", "vart", "var", "blitt", "was", "were", "been", "wurde", "worden",
		"blev", "blivit", "fikk", "fekk", "fått", "got", "received", "sendte", "sent", "submitted",
		"har", "hadde", "have", "has", "had", "haben", "habe", "hat", "mottok", "mottog")
	answerPrep  = set("på", "to", "on", "til")
	answers     = set("svar", "svaret", "svara", "answer", "answered", "response", "reply", "purring", "purret", "purra", "reminder", "besvart", "svarte")
	futureAux   = set("vil", "ville", "skal", "skulle", "kommer", "kjem", "will", "would", "shall", "going", "wird", "werden", "würde")
	firstPerson = set("jeg", "eg", "i", "vi", "we", "jag", "ich", "wir")
	conditional = set("hvis", "dersom", "viss", "if", "whether", "falls", "wenn", "ifall", "om")
	modals      = set("kan", "can", "may", "kann", "können", "får", "må", "might")
	secondPers  = set("dere", "de", "you", "ni", "i", "sie", "du", "dykk", "jer")
	thenWords   = set("så", "da", "then", "dann", "sen", "derefter", "etterpå", "deretter", "etterpå")
	whenWords   = set("når", "once", "when", "after", "etter", "efter", "nachdem", "sobald", "until",
		"tills", "bis", "inntil", "later", "senere", "seinare", "senare", "später")
)

// negated reports whether the match toks[i..j] is negated: a negator shortly
// before it in the same clause, or right after the verb ("slett den ikke",
// "radera det inte", "löschen Sie die Daten nicht").
func negated(toks []token, i, j int) bool {
	c := toks[i].clause
	for k := i - 1; k >= 0 && k >= i-5 && toks[k].clause == c; k-- {
		s := toks[k].s
		if negationStops[s] {
			break
		}
		if negators[s] {
			if k+1 < len(toks) && notOnly[toks[k+1].s] {
				return false
			}
			return true
		}
	}
	// After the match: "slett ikke", "radera det inte".
	for k, n := j+1, 0; k < len(toks) && toks[k].clause == toks[j].clause && n < 4; k, n = k+1, n+1 {
		s := toks[k].s
		if postNeg[s] {
			if k+1 < len(toks) && notOnly[toks[k+1].s] {
				return false
			}
			// German puts "nicht" at the end of the clause; elsewhere the
			// negation must follow the verb or its pronoun object at once.
			return n == 0 || (n == 1 && objectPron[toks[j+1].s]) || s == "nicht"
		}
		if negationStops[s] {
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
	for n := 0; k >= 0 && toks[k].clause == c && n < 3 && fillers[toks[k].s]; n++ {
		k--
	}
	if k < 0 || toks[k].clause != c {
		return false
	}
	s := toks[k].s
	switch {
	case s == "bli" || s == "be" || s == "att":
		// "kontoen vil bli slettet" is a report, "jeg vil bli slettet" a wish.
		if k >= 1 && futureAux[toks[k-1].s] {
			return k < 2 || !firstPerson[toks[k-2].s]
		}
		return false
	case answerPrep[s]:
		// "fekk svar på innsynskravet", "an answer to my access request".
		return k >= 1 && answers[toks[k-1].s]
	case s == "har" || s == "have" || s == "has" || s == "had" || s == "hadde":
		// "I have deleted the app" reports; "har dere slettet" asks about
		// it; both are not a new request.
		return true
	}
	return reportVerbs[s]
}

// supposed reports whether the match sits in an if-clause: "hvis dere
// sletter kontoen, mister jeg poengene?".
func supposed(toks []token, i int) bool {
	c := toks[i].clause
	for k := i - 1; k >= 0 && k >= i-3 && toks[k].clause == c; k-- {
		if conditional[toks[k].s] && toks[k].s != "om" {
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
		if !modals[toks[k].s] {
			continue
		}
		if toks[k].s == "må" || toks[k].s == "ma" {
			if !hasWord(toks, k+1, i, "gjerne") {
				continue
			}
		}
		before := k >= 1 && toks[k-1].sent == s && secondPers[toks[k-1].s]
		inverted := k+1 < i && secondPers[toks[k+1].s] && k >= 1 && toks[k-1].sent == s && thenWords[toks[k-1].s]
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

func sentenceHas(toks []token, i int, words map[string]bool) bool {
	return sentenceAny(toks, i, func(s string) bool { return words[s] })
}

// sentenceAny reports whether any word of the sentence holding toks[i]
// passes ok.
func sentenceAny(toks []token, i int, ok func(string) bool) bool {
	s := toks[i].sent
	for k := i; k >= 0 && toks[k].sent == s; k-- {
		if ok(toks[k].s) {
			return true
		}
	}
	for k := i + 1; k < len(toks) && toks[k].sent == s; k++ {
		if ok(toks[k].s) {
			return true
		}
	}
	return false
}
