package hook

import (
	"path/filepath"
	"testing"

	"helm.sh/helm/v3/pkg/cli/values"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/render"
)

// BenchmarkExtract: building the hook model (Helm's SortManifests, our
// YAML parse and the source map) from one render of a corpus chart.
func BenchmarkExtract(b *testing.B) {
	charts, err := corpus.BenchCharts(filepath.Join("..", "..", "examples", "guestbook-backup"))
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range charts {
		dir, v := bc.Dir, values.Options{ValueFiles: bc.ValueFiles()}
		b.Run(bc.ID, func(b *testing.B) {
			opts := &render.Options{Values: v}
			c, err := render.Load(dir, opts)
			if err != nil {
				b.Fatal(err)
			}
			r, err := render.Render(c, opts, render.Install)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Extract(c.Arg, r, c.Sources); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSourceMap: the template-to-rendered line alignment alone, on
// a generated 2,000-line template with a range.
func BenchmarkSourceMap(b *testing.B) {
	var tpl, out []byte
	for i := range 200 {
		tpl = append(tpl, "---\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n  labels:\n    {{- include \"labels\" . | nindent 4 }}\ndata:\n  key: {{ .Values.v | quote }}\n  other: \"{{ .Values.o }}\"\n"...)
		out = append(out, "---\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n    a: b\n    c: d\ndata:\n  key: \"1\"\n  other: \"2\"\n"...)
		_ = i
	}
	rendered := string(out)
	docs := splitDocs(rendered)
	b.ReportAllocs()
	for b.Loop() {
		newSrcMap(string(tpl), rendered, docs)
	}
}

// BenchmarkSourceMapRepeated: the alignment of templates whose lines
// repeat (repeatedLines), which pair every rendered line with every
// template line unless the candidates are banded.
func BenchmarkSourceMapRepeated(b *testing.B) {
	for _, c := range repeatedLines() {
		b.Run(c.name, func(b *testing.B) {
			docs := splitDocs(c.rendered)
			b.ReportAllocs()
			for b.Loop() {
				newSrcMap(c.tpl, c.rendered, docs)
			}
		})
	}
}
