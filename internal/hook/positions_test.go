package hook_test

import (
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/render"
)

// TestCorpusKeyPositions: on every corpus chart, an annotation key that is
// written literally in its template must be mapped to a template line that
// holds that key (and a hook's helm.sh/hook key to the right document).
func TestCorpusKeyPositions(t *testing.T) {
	charts, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	if charts == nil {
		t.Skip("../shared/corpus is absent")
	}
	for _, c := range charts {
		t.Run(c.ID, func(t *testing.T) {
			opts := &render.Options{}
			if c.Values != "" {
				opts.Values.ValueFiles = []string{c.Values}
			}
			ch, err := render.Load(c.Dir, opts)
			if err != nil {
				t.Skipf("does not load: %v", err)
			}
			r, err := render.Render(ch, opts, render.Install)
			if err != nil {
				t.Skipf("does not render: %v", err)
			}
			set, err := hook.Extract(c.Dir, r, ch.Sources)
			if err != nil {
				t.Fatal(err)
			}
			checked := 0
			for _, o := range set.Objects {
				src := ch.Sources[o.Path]
				lines := strings.Split(src, "\n")
				for _, a := range o.Annotations {
					if !strings.Contains(src, a.Key) || !strings.HasPrefix(a.Key, "helm.sh/") {
						continue
					}
					checked++
					l := a.KeyAt.Resolved().Line
					if l < 1 || l > len(lines) || !strings.Contains(lines[l-1], a.Key) {
						got := ""
						if l >= 1 && l <= len(lines) {
							got = lines[l-1]
						}
						t.Errorf("%s %s: annotation %q mapped to %s, whose line is %q", o.File, o.ID(), a.Key, a.KeyAt, got)
					}
				}
			}
			t.Logf("%d helm.sh/ annotation keys checked", checked)
		})
	}
}
