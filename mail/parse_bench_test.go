package mail

import (
	"os"
	"runtime"
	"testing"
)

// BenchmarkParseCorpus parses every corpus message per iteration, as a first
// sync does, and reports the cost per message.
func BenchmarkParseCorpus(b *testing.B) {
	files := corpusFiles(b)
	raws := make([][]byte, len(files))
	var size int64
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		raws[i] = raw
		size += int64(len(raw))
	}
	b.ReportAllocs()
	b.SetBytes(size)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0 := cpuTime()
	for b.Loop() {
		for _, raw := range raws {
			if m := Parse(raw); m.From.Addr == "" {
				b.Fatal("no sender")
			}
		}
	}
	cpu := cpuTime() - cpu0
	runtime.ReadMemStats(&after)
	msgs := float64(b.N * len(raws))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/msgs, "ns/msg")
	// CPU time, garbage collection included, says more than wall time on a
	// machine shared with other benchmarks.
	b.ReportMetric(float64(cpu.Nanoseconds())/msgs, "cpu-ns/msg")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/msgs, "allocs/msg")
}
