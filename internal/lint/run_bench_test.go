package lint_test

import (
	"path/filepath"
	"testing"

	"helm.sh/helm/v3/pkg/cli/values"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/gencharts"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/rules"
)

func benchDirs(b *testing.B) map[string]values.Options {
	b.Helper()
	charts, err := corpus.BenchCharts(filepath.Join("..", "..", "examples", "guestbook-backup"))
	if err != nil {
		b.Fatal(err)
	}
	dirs := map[string]values.Options{}
	for _, c := range charts {
		dirs[c.Dir] = values.Options{ValueFiles: c.ValueFiles()}
	}
	return dirs
}

// BenchmarkRun: every rule (rules.All) over the renders of one chart, the
// renders done once outside the loop.
func BenchmarkRun(b *testing.B) {
	for dir, v := range benchDirs(b) {
		b.Run(filepath.Base(dir), func(b *testing.B) {
			opts := &render.Options{Values: v}
			c, err := render.Load(dir, opts)
			if err != nil {
				b.Fatal(err)
			}
			sets, _, err := lint.Sets(c, opts)
			if err != nil {
				b.Fatal(err)
			}
			info := lint.ChartInfo{Arg: dir}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := lint.Run(rules.All, info, sets, lint.Settings{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLintChart: the whole of `hooklint lint CHART` but printing:
// load, renders, extraction, rules.
func BenchmarkLintChart(b *testing.B) {
	for dir, v := range benchDirs(b) {
		b.Run(filepath.Base(dir), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res := lint.LintChart(dir, &render.Options{Values: v}, rules.All, lint.Settings{})
				if res.Err != nil {
					b.Fatal(res.Err)
				}
			}
		})
	}
}

// BenchmarkGenerated: `hooklint lint` (LintChart) of each generated
// performance chart (internal/gencharts: 1 MB template, 10 MB and 50 MB
// renders, 10,000 and 200,000 documents, a 1.4 MB CRD kept and as a
// hook), the charts written once outside the loop.
func BenchmarkGenerated(b *testing.B) {
	dir := b.TempDir()
	for _, c := range gencharts.Cases() {
		if c.Bad {
			continue
		}
		chart, err := gencharts.Write(dir, c)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if res := lint.LintChart(chart, &render.Options{}, rules.All, lint.Settings{}); res.Err != nil {
					b.Fatal(res.Err)
				}
			}
		})
	}
}
