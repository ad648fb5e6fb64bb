package hook

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"helm.sh/helm/v3/pkg/releaseutil"
)

var splitSeeds = []string{
	"",
	"a: 1",
	"---\na: 1\n---\nb: 2\n",
	"a: 1\n---\n---\nb: 2",
	"  \n---foo\nbar: 1\n--- \n\n",
	"# comment\n---\nkind: Job\n",
	"a: |\n  ---\n  not a separator\n",
	"\r\n---\r\nx: y\r\n",
}

// FuzzSplit: splitDocs returns exactly releaseutil.SplitManifests' documents,
// in order, and each one starts on the line it says.
func FuzzSplit(f *testing.F) {
	for _, s := range splitSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content string) {
		{
			trimmed := strings.TrimLeftFunc(content, unicode.IsSpace)
			var want [][2]int
			for _, loc := range sep.FindAllStringIndex(trimmed, -1) {
				want = append(want, [2]int{loc[0], loc[1]})
			}
			if got := sepIndexes(trimmed); !slices.Equal(got, want) {
				t.Fatalf("sepIndexes(%q) = %v, the regexp finds %v", trimmed, got, want)
			}
		}
		docs := splitDocs(content)
		helm := releaseutil.SplitManifests(content)
		var got, want []string
		for _, d := range docs {
			got = append(got, d.Text)
		}
		for i := range len(helm) {
			want = append(want, helm[fmt.Sprintf("manifest-%d", i)])
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("splitDocs(%q) differs from SplitManifests (-helm +ours):\n%s", content, diff)
		}
		lines := strings.Split(content, "\n")
		for _, d := range docs {
			if d.Text == "" {
				continue
			}
			first, _, _ := strings.Cut(d.Text, "\n")
			if d.Line < 1 || d.Line > len(lines) || !strings.Contains(lines[d.Line-1], strings.TrimSpace(first)) {
				t.Fatalf("document %q said to start on line %d of %q", d.Text, d.Line, content)
			}
		}
	})
}

// FuzzSourceMap: any template and rendered text map every rendered line to
// a line of the template, without panicking.
func FuzzSourceMap(f *testing.F) {
	f.Add("a: {{ .x }}\nb: 2\n", "a: 1\nb: 2\n")
	f.Add("{{- if .x }}\nk: v\n{{- end }}\n", "k: v\n")
	f.Add("{{/* c }} */}}\n{{ include \"x\" . | nindent 2 }}\n", "  a: b\n  c: d\n")
	f.Add("x: \"{{ if .a }}1{{ else }}2{{ end }}\"\n{{", "x: \"2\"\n")
	f.Fuzz(func(t *testing.T, tpl, rendered string) {
		docs := splitDocs(rendered)
		m := newSrcMap(tpl, rendered, docs)
		n := strings.Count(tpl, "\n") + 1
		for i := 1; i <= strings.Count(rendered, "\n")+1; i++ {
			if l := m.line(i); l < 1 || l > n {
				t.Fatalf("rendered line %d mapped to template line %d of %d", i, l, n)
			}
		}
	})
}

// FuzzExtractStream: any input is either an error or a model whose
// positions lie within the input.
func FuzzExtractStream(f *testing.F) {
	for _, s := range splitSeeds {
		f.Add(s)
	}
	f.Add("---\n# Source: c/templates/a.yaml\nkind: Job\nmetadata:\n  name: a\n  annotations:\n    helm.sh/hook: pre-instal,\n")
	f.Add("kind: List\nitems:\n- &a {metadata: {annotations: {helm.sh/hook: test}}}\n- *a\n")
	f.Fuzz(func(t *testing.T, stream string) {
		set, err := ExtractStream("fuzz", stream, "", "")
		if err != nil {
			return
		}
		n := strings.Count(stream, "\n") + 1
		for _, o := range set.Objects {
			for _, a := range o.Annotations {
				if a.KeyAt.Line < 1 || a.KeyAt.Line > n {
					t.Fatalf("annotation %q at line %d of %d", a.Key, a.KeyAt.Line, n)
				}
			}
		}
	})
}
