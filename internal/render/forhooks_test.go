package render_test

import (
	"path/filepath"
	"testing"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/render"
)

// renderTarget is a chart the render tests compare renders of.
type renderTarget struct{ name, dir, values string }

// renderTargets are every corpus chart (with its values file), every rule
// fixture and every chart of testdata/charts.
func renderTargets(t *testing.T) []renderTarget {
	t.Helper()
	var targets []renderTarget
	charts, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range charts {
		targets = append(targets, renderTarget{"corpus/" + c.ID, c.Dir, c.Values})
	}
	fixtures, err := filepath.Glob(filepath.Join("..", "..", "rules", "*", "testdata", "*"))
	if err != nil {
		t.Fatal(err)
	}
	ex, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "charts", "*"))
	for _, d := range append(fixtures, ex...) {
		targets = append(targets, renderTarget{d, d, ""})
	}
	return targets
}

// load loads the target with its values file; ok is false when it does
// not load.
func (tg renderTarget) load() (c *render.Chart, opts *render.Options, ok bool) {
	opts = &render.Options{}
	if tg.values != "" {
		opts.Values.ValueFiles = []string{tg.values}
	}
	c, err := render.Load(tg.dir, opts)
	return c, opts, err == nil
}

// TestForHooksRendersTheSameHooks: on every corpus chart and rule fixture,
// the upgrade render of Chart.ForHooks (only hook templates and helpers
// executed) yields exactly the hooks, in Helm's order, of the full upgrade
// render, and the same template positions.
func TestForHooksRendersTheSameHooks(t *testing.T) {
	compared := 0
	for _, tg := range renderTargets(t) {
		c, opts, ok := tg.load()
		if !ok {
			continue
		}
		r, err := render.Render(c, opts, render.Install)
		if err != nil {
			continue
		}
		in, err := hook.Extract(c.Arg, r, c.Sources)
		if err != nil {
			continue
		}
		files := map[string]bool{}
		for _, h := range in.Hooks {
			files[h.Object.Path] = true
		}
		full, errFull := render.Render(c, opts, render.Upgrade)
		part, errPart := render.Render(c.ForHooks(files), opts, render.Upgrade)
		if errFull != nil {
			continue // the full render fails offline; nothing to compare
		}
		if errPart != nil {
			t.Errorf("%s: the full upgrade render works, the hooks-only one fails: %v", tg.name, errPart)
			continue
		}
		fs, err1 := hook.Extract(c.Arg, full, c.Sources)
		ps, err2 := hook.Extract(c.Arg, part, c.Sources)
		if err1 != nil || err2 != nil {
			t.Errorf("%s: extract: %v / %v", tg.name, err1, err2)
			continue
		}
		if len(fs.Hooks) != len(ps.Hooks) {
			t.Errorf("%s: %d hooks in the full upgrade render, %d in the hooks-only one", tg.name, len(fs.Hooks), len(ps.Hooks))
			continue
		}
		for i := range fs.Hooks {
			a, b := fs.Hooks[i].Object, ps.Hooks[i].Object
			if a.Path != b.Path || a.Text != b.Text || a.At.Resolved() != b.At.Resolved() {
				t.Errorf("%s: hook %d differs: %s %s vs %s %s", tg.name, i, a.At.Resolved(), a.ID(), b.At.Resolved(), b.ID())
			}
		}
		compared++
	}
	if compared < 20 {
		t.Errorf("only %d charts compared", compared)
	}
	t.Logf("%d charts compared", compared)
}
