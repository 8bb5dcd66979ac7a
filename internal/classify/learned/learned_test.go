package learned

import (
	"fmt"
	"strings"
	"testing"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

func rulesResult(rs ...dsr.Right) classify.Result {
	var r classify.Result
	for _, x := range rs {
		r.Labels = append(r.Labels, classify.Label{Right: x, Confidence: 0.8, Evidence: []string{"rule"}})
	}
	return r
}

func TestEmptyModelLeavesRulesAlone(t *testing.T) {
	var m *Model
	got := m.Combine("slett meg", rulesResult(dsr.Erasure))
	if len(got.Labels) != 1 || got.Labels[0].Right != dsr.Erasure {
		t.Errorf("got %+v", got)
	}
	got = Train(nil).Combine("slett meg", rulesResult(dsr.Erasure))
	if len(got.Labels) != 1 {
		t.Errorf("empty trained model changed the result: %+v", got)
	}
}

// TestCorrectionChangesTheNextSimilarMessage: a web form's mail that the
// rules read as erasure was confirmed by staff as marketing objection; the
// next mail from the same form, with another name, follows the correction.
func TestCorrectionChangesTheNextSimilarMessage(t *testing.T) {
	form := "Skjema: Kontakt oss\nNavn: %s\nE-post: %s\nEmne: Nyhetsbrev\nMelding: Jeg ønsker ikke lenger å motta e-post fra dere, vennligst fjern adressen min fra lista.\n"
	m := Train([]Example{{Ref: "PV-2026-0007", Text: fmt.Sprintf(form, "Kari Nordmann", "kari@example.no"), Rights: []dsr.Right{dsr.ObjectionMarketing}}})
	next := fmt.Sprintf(form, "Per Hansen", "per.hansen@example.no")
	got := m.Combine(next, rulesResult(dsr.Erasure))
	if len(got.Labels) != 1 || got.Labels[0].Right != dsr.ObjectionMarketing {
		t.Fatalf("after the correction: %+v", got.Labels)
	}
	if ev := got.Labels[0].Evidence[0]; ev == "" || ev[:7] != "like PV" {
		t.Errorf("evidence = %q", ev)
	}
	// An unrelated message is still decided by the rules.
	other := m.Combine("Hei, jeg vil ha innsyn i alle opplysningene dere har om meg, også kjøpshistorikk.", rulesResult(dsr.Access))
	if len(other.Labels) != 1 || other.Labels[0].Right != dsr.Access {
		t.Errorf("unrelated message: %+v", other.Labels)
	}
}

func TestConfirmedNoneTwinClearsLabels(t *testing.T) {
	text := "Automatisk svar: Jeg er på ferie til 1. august og leser ikke e-post. Henvendelser om sletting av data sendes til kollega."
	m := Train([]Example{{Ref: "PV-2026-0002", Text: text}})
	got := m.Combine(text, rulesResult(dsr.Erasure))
	if len(got.Labels) != 0 || got.Reason == "" {
		t.Errorf("got %+v", got)
	}
}

func TestModelVetoesAndAdds(t *testing.T) {
	var ex []Example
	// Staff keep confirming that "avslutt kundekonto" mails are erasure and
	// that mails about "kundeklubb poeng" are not requests.
	for i := range 40 {
		ex = append(ex, Example{Ref: fmt.Sprint(i), Text: fmt.Sprintf("Vær så snill å avslutt kundekonto nummer %d hos dere, takk.", 1000+i), Rights: []dsr.Right{dsr.Erasure}})
		ex = append(ex, Example{Ref: fmt.Sprint(100 + i), Text: fmt.Sprintf("Hvor mange kundeklubb poeng har jeg på kort %d? Hilsen kunde.", 2000+i)})
	}
	m := Train(ex)
	add := m.Combine("Kan dere avslutt kundekonto min, den trengs ikke lenger.", classify.Result{})
	if len(add.Labels) != 1 || add.Labels[0].Right != dsr.Erasure {
		t.Errorf("model did not add erasure: %+v", add.Labels)
	}
	veto := m.Combine("Hvor mange kundeklubb poeng har jeg igjen, og slettes de ved nyttår?", rulesResult(dsr.Erasure))
	if len(veto.Labels) != 0 {
		t.Errorf("model did not veto: %+v", veto.Labels)
	}
}

// TestTrainingTenThousand: a model of 10,000 confirmed cases holds them
// all. How long training takes is BenchmarkTrain10k's to say: a timed test
// fails on a busy machine or under -race, and proves nothing on an idle one.
func TestTrainingTenThousand(t *testing.T) {
	m := Train(syntheticExamples(10000))
	if m.Size() != 10000 {
		t.Errorf("size %d", m.Size())
	}
}

func syntheticExamples(n int) []Example {
	texts := []struct {
		t string
		r []dsr.Right
	}{
		{"Jeg ber om innsyn i personopplysningene dere har om meg og en kopi av dem", []dsr.Right{dsr.Access}},
		{"Slett kontoen min og alle opplysninger om meg", []dsr.Right{dsr.Erasure}},
		{"Meld meg av nyhetsbrevet og ikke send meg reklame", []dsr.Right{dsr.ObjectionMarketing}},
		{"Hvor er pakken min, ordrenummer", nil},
	}
	out := make([]Example, n)
	for i := range out {
		x := texts[i%len(texts)]
		// About 2 KB, like a real request with its greeting and signature.
		var b strings.Builder
		fmt.Fprintf(&b, "%s %d.\n", x.t, i)
		for j := 0; b.Len() < 2000; j++ {
			fmt.Fprintf(&b, "Setning %d om kjøp nummer %d i butikken i Harstad, kundeklubb og levering til adresse %d. ", j, i*31+j, i%97)
		}
		out[i] = Example{Ref: fmt.Sprint(i), Text: b.String(), Rights: x.r}
	}
	return out
}

// BenchmarkTrain10k measures retraining on 10,000 confirmed cases, which
// happens at start and after each correction.
func BenchmarkTrain10k(b *testing.B) {
	ex := syntheticExamples(10000)
	b.ReportAllocs()
	for b.Loop() {
		Train(ex)
	}
}

// BenchmarkCombine measures the learned layer's cost per message with a
// model of 10,000 cases.
func BenchmarkCombine(b *testing.B) {
	m := Train(syntheticExamples(10000))
	text := "Hei, jeg ønsker at dere sletter alle opplysninger om meg og melder meg av nyhetsbrevet. Mvh Kari"
	rules := rulesResult(dsr.Erasure, dsr.ObjectionMarketing)
	b.ReportAllocs()
	for b.Loop() {
		m.Combine(text, rules)
	}
}
