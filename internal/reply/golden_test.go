package reply

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the built-in templates")

// fixture is the case the golden letters are rendered for: an access and
// erasure request received on 2 March 2026, due 7 April 2026 (the Easter
// example of DESIGN.md), with the handler's texts in the letter's language.
func fixture(k Kind, lang string) Data {
	received := time.Date(2026, 3, 2, 10, 15, 0, 0, deadline.Oslo)
	d := Data{
		Ref:           "PV-2026-0042",
		RequesterName: "Kari Nordmann",
		RequesterAddr: "kari.nordmann@example.no",
		Rights:        []dsr.Right{dsr.Erasure, dsr.Access},
		Received:      received,
		Due:           deadline.Due(received),
		Handler:       "Ola Hansen",
		Company:       DefaultCompany(),
		Language:      lang,
		Now:           time.Date(2026, 3, 3, 9, 0, 0, 0, deadline.Oslo),
	}
	nb := lang == "nb"
	switch k {
	case Extension:
		d.Extended = true
		d.Due = deadline.Extended(received)
		d.ExtendReason = "Forespørselen gjelder opplysninger fra flere år i fire systemer, blant annet arkivert regnskapsmateriale som vi må hente fram hos en ekstern leverandør."
		if !nb {
			d.ExtendReason = "Your request covers several years of data in four systems, including archived accounting records that we must retrieve from an outside supplier."
		}
	case Refusal:
		d.Reason = "Du ba om det samme 12. februar 2026 og fikk svar 20. februar. Opplysningene om deg er ikke endret siden da, og vi anser en ny kopi som en åpenbart overdreven forespørsel fordi den gjentas (personvernforordningen artikkel 12 nr. 5 bokstav b)."
		if !nb {
			d.Reason = "You asked for the same on 12 February 2026 and we answered on 20 February. Your data has not changed since then, and we regard a new copy as manifestly excessive because of its repetitive character (Article 12(5)(b) of the GDPR)."
		}
	case Clarification:
		d.Reason = "Du skriver at du vil ha «alt dere har om meg». Gjelder det kjøp i butikken i Harstad, i nettbutikken eller begge deler? Og har du brukt en annen e-postadresse hos oss tidligere?"
		if !nb {
			d.Reason = "You write that you want \"everything you have on me\". Does this concern purchases in our shop in Harstad, in our online shop, or both? And have you used another e-mail address with us before?"
		}
	case Answer:
		d.Reason = "Vi bruker informasjonskapsler på nettsiden vår bare til det som trengs for at handlekurven og innloggingen skal virke, og til anonym statistikk. Vi deler ikke opplysninger om besøket ditt med annonsenettverk."
		if !nb {
			d.Reason = "On our website we use cookies only for what the basket and the login need to work, and for anonymous statistics. We do not share data about your visit with advertising networks."
		}
	}
	return d
}

func formatLetter(l Letter) string { return "Subject: " + l.Subject + "\n\n" + l.Body }

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/reply -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (review, then go test ./internal/reply -update):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// TestGolden renders every kind in both languages for the fixture case.
func TestGolden(t *testing.T) {
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Kinds {
		for _, lang := range Languages {
			t.Run(string(k)+"."+lang, func(t *testing.T) {
				l, err := s.Render(k, fixture(k, lang))
				if err != nil {
					t.Fatal(err)
				}
				if l.Kind != k || l.Language != lang {
					t.Errorf("letter is %s/%s, want %s/%s", l.Kind, l.Language, k, lang)
				}
				checkGolden(t, string(k)+"."+lang+".txt", formatLetter(l))
			})
		}
	}
}

// TestGoldenCompletionPerRight renders a completion letter for each right
// alone, so every section is reviewed and passes its checks on its own.
func TestGoldenCompletionPerRight(t *testing.T) {
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range dsr.AllRights {
		for _, lang := range Languages {
			t.Run(string(r)+"."+lang, func(t *testing.T) {
				d := fixture(Completion, lang)
				d.Rights = []dsr.Right{r}
				if r == dsr.Complaint {
					d.Reason = "Vi har sett på nyhetsbrevet du fikk 10. februar. Adressen din ble lagt inn på nytt ved en feil da vi byttet e-postsystem i januar. Vi beklager. Feilen er rettet, og adressen din er nå på reservasjonslisten vår."
					if lang == "en" {
						d.Reason = "We have looked at the newsletter you received on 10 February. Your address was added again by mistake when we changed our e-mail system in January. We apologise. The error has been fixed, and your address is now on our suppression list."
					}
				}
				l, err := s.Render(Completion, d)
				if err != nil {
					t.Fatal(err)
				}
				checkGolden(t, "completion-"+string(r)+"."+lang+".txt", formatLetter(l))
			})
		}
	}
}

// TestLateReceiptApologises: a receipt written after the due date has
// passed names the date it should have met and apologises, rather than
// promising an answer by a date already gone; on the due day itself it
// still promises.
func TestLateReceiptApologises(t *testing.T) {
	set, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, late, onTime string
	}{{"nb", "beklager", "senest 7. april 2026"}, {"en", "sorry", "by 7 April 2026 at the latest"}} {
		d := fixture(Receipt, c.lang)
		d.Now = time.Date(2026, 4, 7, 23, 0, 0, 0, deadline.Oslo) // still the due day
		l, err := set.Render(Receipt, d)
		if err != nil || !strings.Contains(l.Body, c.onTime) {
			t.Errorf("%s on the due day: %v\n%s", c.lang, err, l.Body)
		}
		d.Now = time.Date(2026, 4, 8, 9, 0, 0, 0, deadline.Oslo)
		l, err = set.Render(Receipt, d)
		if err != nil || !strings.Contains(l.Body, c.late) || strings.Contains(l.Body, c.onTime) {
			t.Errorf("%s after the due day: %v\n%s", c.lang, err, l.Body)
		}
	}
}
