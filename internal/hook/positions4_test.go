package hook_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/render"
)

// TestCorpusPositionsSameInHelm4: Helm 4 splits documents differently
// (they keep their trailing newline), but a hook's document and its
// annotation keys map to the same template lines as with Helm 3.
func TestCorpusPositionsSameInHelm4(t *testing.T) {
	charts, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	if charts == nil {
		t.Skip("../shared/corpus is absent")
	}
	extract := func(c corpus.Chart, helm string) *hook.Set {
		opts := &render.Options{Helm: helm}
		if c.Values != "" {
			opts.Values.ValueFiles = []string{c.Values}
		}
		ch, err := render.Load(c.Dir, opts)
		if err != nil {
			return nil
		}
		r, err := render.Render(ch, opts, render.Install)
		if err != nil {
			return nil
		}
		set, err := hook.Extract(c.Dir, r, ch.Sources)
		if err != nil {
			return nil
		}
		return set
	}
	compared := 0
	for _, c := range charts {
		v3, v4 := extract(c, ""), extract(c, render.HelmV4)
		if v3 == nil || v4 == nil || len(v3.Hooks) != len(v4.Hooks) {
			continue
		}
		for i, h3 := range v3.Hooks {
			h4 := v4.Hooks[i]
			if h3.Object.At.Resolved() != h4.Object.At.Resolved() {
				t.Errorf("%s %s: document at %s with Helm 3, %s with Helm 4", c.ID, h3.Object.ID(), h3.Object.At, h4.Object.At)
			}
			for j, a := range h3.Object.Annotations {
				if j < len(h4.Object.Annotations) && a.KeyAt.Resolved() != h4.Object.Annotations[j].KeyAt.Resolved() {
					t.Errorf("%s %s: %s at %s with Helm 3, %s with Helm 4", c.ID, h3.Object.ID(), a.Key, a.KeyAt, h4.Object.Annotations[j].KeyAt)
				}
			}
			compared++
		}
	}
	if compared < 50 {
		t.Errorf("only %d hooks compared", compared)
	}
}
