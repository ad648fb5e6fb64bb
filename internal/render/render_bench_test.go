package render

import (
	"path/filepath"
	"testing"

	"helm.sh/helm/v3/pkg/cli/values"

	"github.com/hooklint/hooklint/internal/corpus"
)

// benchCharts are the charts benchmarks use: a few corpus charts of
// different sizes when ../shared/corpus is there, else the example chart.
func benchCharts(b *testing.B) map[string]Options {
	b.Helper()
	charts, err := corpus.BenchCharts(filepath.Join("..", "..", "examples", "guestbook-backup"))
	if err != nil {
		b.Fatal(err)
	}
	out := map[string]Options{}
	for _, c := range charts {
		out[c.Dir] = Options{Values: values.Options{ValueFiles: c.ValueFiles()}}
	}
	return out
}

// BenchmarkLoad: reading the chart and merging values (render.Load).
func BenchmarkLoad(b *testing.B) {
	for dir, opts := range benchCharts(b) {
		b.Run(filepath.Base(dir), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load(dir, &opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRender: one install render of a loaded chart, what `helm
// template` does after loading.
func BenchmarkRender(b *testing.B) {
	for dir, opts := range benchCharts(b) {
		b.Run(filepath.Base(dir), func(b *testing.B) {
			c, err := Load(dir, &opts)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Render(c, &opts, Install); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
