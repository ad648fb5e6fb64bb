package sim

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/golden"
)

// TestGoldenTimelines simulates each scenario under testdata/scenarios and
// compares its text, JSON and Mermaid timelines with testdata/golden
// (go test ./sim -update rewrites them).
func TestGoldenTimelines(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "scenarios", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no scenarios in testdata/scenarios")
	}
	formats := []struct {
		ext   string
		write func(*bytes.Buffer, *Result) error
	}{
		{"txt", func(b *bytes.Buffer, r *Result) error { return WriteText(b, r) }},
		{"json", func(b *bytes.Buffer, r *Result) error { return WriteJSON(b, r) }},
		{"mmd", func(b *bytes.Buffer, r *Result) error { return WriteMermaid(b, r) }},
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		t.Run(name, func(t *testing.T) {
			run := func() *Result {
				sc, err := LoadScenario(file, "", Scenario{}, DefaultTimeout)
				if err != nil {
					t.Fatal(err)
				}
				res, err := Run(sc)
				if err != nil {
					t.Fatal(err)
				}
				return res
			}
			res := run()
			for _, f := range formats {
				var b bytes.Buffer
				if err := f.write(&b, res); err != nil {
					t.Fatal(err)
				}
				golden.Assert(t, filepath.Join("testdata", "golden", name+"."+f.ext), b.Bytes())
			}
			// Deterministic: a second run prints the same.
			var first, second bytes.Buffer
			if err := WriteJSON(&first, res); err != nil {
				t.Fatal(err)
			}
			if err := WriteJSON(&second, run()); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(first.String(), second.String()); diff != "" {
				t.Errorf("two runs differ (-first +second):\n%s", diff)
			}
		})
	}
}
