package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/gencharts"
	"github.com/hooklint/hooklint/internal/golden"
)

// generatedCeilings are the peak-RSS ceilings of TestGeneratedMemory, per
// case of internal/gencharts: about 1.4x what hooklint took on the 2-core
// machine (docs/performance.md has the figures and helm template's beside
// them). They catch the defects of issue 14 (a 1.4 MB CRD took 3.7 GB),
// not the last 10 %. runBinRSS measures hooklint alone.
var generatedCeilings = map[string]int64{
	"template-1mb":      116 << 20,
	"render-10mb":       384 << 20,
	"render-50mb":       320 << 20,
	"docs-10k":          112 << 20,
	"docs-200k":         512 << 20,
	"crd-keep-1.4mb":    140 << 20,
	"crd-hook-1.4mb":    150 << 20,
	"template-file-6mb": 96 << 20,
}

// TestGeneratedMemory lints each generated performance chart
// (internal/gencharts) in its own hooklint process: its output is golden
// (testdata/generated/<case>.golden, with the exit code) and its peak RSS
// stays under the case's ceiling.
func TestGeneratedMemory(t *testing.T) {
	for _, c := range gencharts.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := gencharts.Write(dir, c); err != nil {
				t.Fatal(err)
			}
			hooklintBin(t)
			res := runBinRSS(t, dir, nil, "lint", "--no-color", c.Name)
			ceiling, ok := generatedCeilings[c.Name]
			if !ok {
				t.Fatalf("no ceiling for %s", c.Name)
			}
			t.Logf("peak RSS %d MiB (ceiling %d MiB)", res.maxRSS>>20, ceiling>>20)
			if res.maxRSS > ceiling {
				t.Errorf("peak RSS %d MiB, ceiling %d MiB", res.maxRSS>>20, ceiling>>20)
			}
			// exit 2 for a chart both tools refuse; 0 or 1 (findings) otherwise
			if okCode := (c.Bad && res.code == 2) || (!c.Bad && (res.code == 0 || res.code == 1)); !okCode {
				t.Errorf("exit %d (refused by Helm: %v)", res.code, c.Bad)
			}
			out := res.stdout
			if res.stderr != "" {
				out += "--- stderr\n" + res.stderr
			}
			if strings.Contains(out, "panic") || strings.Contains(out, "goroutine ") {
				t.Errorf("output has a panic:\n%s", out)
			}
			golden.Assert(t, filepath.Join("testdata", "generated", c.Name+".golden"), fmt.Appendf(nil, "exit %d\n%s", res.code, out))
		})
	}
}

// TestGOMAXPROCSDeterministic: one lint run of every corpus chart (or, without
// the corpus, of the rule fixtures) prints the same bytes whatever
// GOMAXPROCS is, although the work inside each chart spreads over the CPUs
// the other charts leave free (internal/par).
func TestGOMAXPROCSDeterministic(t *testing.T) {
	args := []string{"lint", "-o", "json", "--fail-on", "none"}
	cs, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		args = append(args, c.Dir)
	}
	if cs == nil {
		dirs, _ := filepath.Glob("../../rules/hl*/testdata/*")
		args = append(args, dirs...)
	}
	// (with default values some corpus charts are input errors: exit 2)
	var first procResult
	for _, procs := range []string{"1", "2", "8"} {
		res := runBin(t, ".", []string{"GOMAXPROCS=" + procs}, nil, args...)
		if !strings.Contains(res.stdout, `"findings"`) {
			t.Fatalf("GOMAXPROCS=%s: exit %d, no findings in the output\n%s", procs, res.code, res.stderr)
		}
		if procs == "1" {
			first = res
			continue
		}
		if res.stdout != first.stdout || res.code != first.code {
			t.Fatalf("GOMAXPROCS=%s: the output (exit %d) differs from GOMAXPROCS=1's (exit %d)", procs, res.code, first.code)
		}
	}
}
