package classify_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/magnetharstad/pvdesk/internal/classify"
)

// mail2K is a realistic 2 KB message: a request with several rights, a
// signature and a quoted earlier reply.
var mail2K = func() string {
	var b strings.Builder
	b.WriteString("Hei,\n\nJeg har vært kunde hos dere i mange år, men flytter nå til Tromsø og kommer ikke til å handle mer i butikken. " +
		"Jeg ber derfor om at kundekontoen min og medlemskapet i Magnet Pluss slettes, og at jeg ikke får flere nyhetsbrev. " +
		"Før dere sletter noe vil jeg gjerne ha en kopi av opplysningene dere har om meg, inkludert kjøpshistorikken.\n\n" +
		"Jeg har også sett at adressen min er registrert feil (Storgata 12 skal være Storgata 21). Kan dere rette det først?\n\n" +
		"Med vennlig hilsen\nKari Nordmann\nStorgata 21\n9405 Harstad\n\nSendt fra min iPhone\n\n")
	b.WriteString("Den 3. mars 2026 kl. 10:00 skrev Magnet AS <post@magnetharstad.no>:\n")
	for b.Len() < 2048 {
		b.WriteString("> Du kan be om innsyn, retting, sletting og begrensning, og trekke tilbake samtykke når som helst.\n")
	}
	return b.String()
}()

// prose2K is 2 KB of new text with no quote to drop: the worst case, since
// every word goes through the rules.
var prose2K = func() string {
	var b strings.Builder
	for b.Len() < 2048 {
		b.WriteString("Jeg har vært kunde hos dere i mange år, men flytter nå til Tromsø og kommer ikke til å handle mer i butikken. " +
			"Jeg ber derfor om at kundekontoen min og medlemskapet i Magnet Pluss slettes, og at jeg ikke får flere nyhetsbrev. " +
			"I also want a copy of my data, and I object to profiling. Kan dere rette adressen min?\n\n")
	}
	return b.String()
}()

func BenchmarkClassify(b *testing.B) {
	for _, c := range []struct{ name, body string }{{"mail-2KB", mail2K}, {"prose-2KB", prose2K}} {
		b.Run(c.name, func(b *testing.B) {
			in := classify.Input{Subject: "Sletting og innsyn", Body: c.body, From: "kari@example.no"}
			b.ReportAllocs()
			b.SetBytes(int64(len(in.Body)))
			for b.Loop() {
				classify.Classify(in)
			}
		})
	}
}

// BenchmarkClassifyCorpus classifies every mail of the dev corpus, parsed
// as the desk parses it, per iteration: the mix a first sync sees.
func BenchmarkClassifyCorpus(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(devCorpus, "*.eml"))
	if len(files) == 0 {
		b.Skip("dev corpus not found")
	}
	var ins []classify.Input
	var size int64
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		in := inputOf(raw)
		ins = append(ins, in)
		size += int64(len(in.Subject) + len(in.Body))
	}
	b.ReportAllocs()
	b.SetBytes(size)
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	cpu0, cpuOK := processCPU()
	n := 0
	for b.Loop() {
		for _, in := range ins {
			classify.Classify(in)
		}
		n++
	}
	cpu1, _ := processCPU()
	runtime.ReadMemStats(&ms1)
	msgs := float64(n * len(ins))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/msgs, "ns/msg")
	if cpuOK {
		// The process's CPU time, garbage collection included: what a sync
		// sharing the cores with the store and the parser pays.
		b.ReportMetric(float64(cpu1-cpu0)/msgs, "cpu-ns/msg")
	}
	b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/msgs, "allocs/msg")
	b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/msgs, "B/msg")
}
