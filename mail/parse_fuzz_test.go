package mail

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that Parse survives anything: it must not panic (nor
// recover from a panic of its own), must keep the input as Raw, and must
// return valid UTF-8 text. It is seeded with the corpus and the test
// messages.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.eml"))
	more, _ := filepath.Glob(filepath.Join("testdata", "parse", "*.eml"))
	for _, name := range append(files, more...) {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add(benchMessage)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, raw []byte) {
		checkInvariants(t, raw, Parse(raw))
	})
}
