package classify

import "fmt"

// Language detection by stop-word profiles: short mail has too little text
// for character n-grams, but every sentence has a few function words, and
// the ones that tell bokmål, nynorsk and Danish apart are few and known.

var languages = []string{"nb", "nn", "da", "sv", "de", "en"}

// profiles weigh each word by how much it points to one language. Shared
// words ("jeg" in nb and da) carry little; distinctive ones ("ikkje",
// "mig", "inte", "nicht") carry much.
var profiles = map[string]map[string]float64{
	"nb": weights(map[float64][]string{
		2: {"hva", "hvordan", "hvem", "dere", "noe", "vennlig", "fra", "hjem", "ble", "kjøpt",
			"opplysninger", "personopplysninger", "hun", "mye", "hvis", "dersom", "ønsker", "vært", "gjerne", "meg"},
		1: {"jeg", "ikke", "deres", "hvor", "noen", "hilsen", "bare", "selv", "fordi", "etter", "slik", "vennligst", "fått", "hjelp", "nytt",
			"siden", "mitt", "være", "også", "takk", "hei", "ham", "mvh", "deg", "nå", "hos", "av", "vil"},
		0.3: {"en", "og", "er", "har", "på", "til", "det", "som", "kan", "min", "mine", "med", "om", "i"},
	}),
	"nn": weights(map[float64][]string{
		3: {"eg", "ikkje", "kva", "korleis", "kven", "kvifor", "dykk", "dykkar", "mykje", "venleg",
			"opplysningar", "personopplysningar", "ønskjer", "hjå", "noko", "berre", "frå", "sjølv",
			"meir", "fleire", "sjå", "gjere", "medan", "difor", "nokon", "heim"},
		2:   {"ein", "eit", "vore", "ho", "dei", "vert", "vart", "fekk", "treng", "helsing", "vere", "kor"},
		0.3: {"og", "er", "har", "på", "til", "det", "som", "kan", "med", "om", "meg", "de"},
	}),
	"da": weights(map[float64][]string{
		3: {"mig", "hvad", "jeres", "købt", "oplysninger", "personoplysninger", "venlig", "nogle",
			"noget", "kære", "forkert", "opdaget", "registreret", "indsigt", "blive", "bliver", "meget", "næste"},
		2:   {"af", "dig", "efter", "gerne", "tak", "jer", "sådan", "hej", "nu"},
		1:   {"jeg", "ikke", "også", "være", "hvis", "ved", "kun", "hvordan"},
		0.3: {"og", "er", "har", "på", "til", "det", "som", "kan", "med", "om", "min", "mine", "vil"},
	}),
	"sv": weights(map[float64][]string{
		3: {"jag", "inte", "och", "uppgifter", "personuppgifter", "vänlig", "vänliga", "hälsningar",
			"hälsning", "enligt", "vilka", "behöver", "något", "mejl", "också", "därför"},
		2:   {"mina", "ni", "är", "att", "vill", "begär", "tack", "skicka", "gärna", "hur", "vad"},
		1:   {"mig", "hej", "sedan", "inom", "nu"},
		0.3: {"har", "på", "det", "som", "kan", "med", "om", "min", "av"},
	}),
	"de": weights(map[float64][]string{
		// "dass" folds to "das" (below) and counts as it.
		3: {"ich", "nicht", "meine", "meiner", "meinen", "bitte", "und", "gemäß", "ihnen", "mir",
			"mich", "sehr", "geehrte", "damen", "herren", "freundlichen", "grüßen", "habe", "hiermit"},
		2: {"daten", "der", "das", "sie", "von", "ist", "eine", "ihre", "bei", "auf", "auch", "zur", "nach", "haben", "wurde", "werden"},
		1: {"die", "mit", "zu", "ein", "ihr"},
	}),
	"en": weights(map[float64][]string{
		3: {"the", "please", "would", "which", "about", "unsubscribe"},
		2: {"and", "my", "you", "your", "have", "with", "this", "that", "could", "are", "what",
			"from", "any", "thanks", "hello", "dear", "regards", "was", "don't", "i'm"},
		1:   {"to", "of", "is", "not", "me", "it", "be", "will", "on", "at", "an", "hi", "just", "can", "a"},
		0.5: {"i"},
	}),
}

// weights flattens a profile. Two words that fold to one ("dass" and
// "das") with different weights would leave the weight to the order in
// which the map is read, which changes from run to run, and with it the
// language of a mail whose scores are close: that is refused at start-up.
func weights(m map[float64][]string) map[string]float64 {
	out := map[string]float64{}
	for w, words := range m {
		for _, x := range words {
			if old, ok := out[fold(x)]; ok && old != w {
				panic(fmt.Sprintf("classify: language profile: %q folds to %q, listed with weights %v and %v", x, fold(x), old, w))
			}
			out[fold(x)] = w
		}
	}
	return out
}

// langWeights holds every profile word's weight per language; the lexicon
// points each token to its row when it annotates, so detection costs no
// look-up at all. Row 0 is the row of words in no profile.
var langWeights = func() [][6]float64 {
	rows := [][6]float64{{}}
	idx := map[string]int16{}
	for li, l := range languages {
		for w, x := range profiles[l] {
			i, ok := idx[w]
			if !ok {
				i = int16(len(rows))
				idx[w] = i
				rows = append(rows, [6]float64{})
				theLexicon.addLang(w, i)
			}
			rows[i][li] = x
		}
	}
	return rows
}()

// maxLangTokens bounds the words read: the language is clear long before.
const maxLangTokens = 300

// detectLanguage returns the language whose profile best fits the words of
// the texts, which must be annotated, or "" when none fits at all.
func detectLanguage(texts ...doc) string {
	var score [6]float64
	n := 0
	for _, d := range texts {
		for k := range d.toks {
			if n == maxLangTokens {
				break
			}
			n++
			if l := d.toks[k].lang; l != 0 {
				for li, w := range langWeights[l] {
					score[li] += w
				}
			}
		}
	}
	best, bi := 0.0, -1
	for i, s := range score {
		// Ties go to the earlier language: bokmål before Danish, the desk's
		// own language first.
		if s > best {
			best, bi = s, i
		}
	}
	if bi < 0 || best < 1 {
		return ""
	}
	return languages[bi]
}
