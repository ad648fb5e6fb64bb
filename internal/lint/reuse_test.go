package lint_test

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"helm.sh/helm/v3/pkg/cli/values"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/rules"
)

// TestUpgradeRenderReuse: for every chart render.Chart.SameForUpgrade
// accepts, reusing the install render as the upgrade render gives exactly
// the findings of a real second render.
func TestUpgradeRenderReuse(t *testing.T) {
	dirs := map[string]values.Options{filepath.Join("..", "..", "testdata", "charts", "sim-backup"): {}}
	charts, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range charts {
		var v values.Options
		if c.Values != "" {
			v.ValueFiles = []string{c.Values}
		}
		dirs[c.Dir] = v
	}
	reused := 0
	for dir, v := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			opts := &render.Options{Values: v}
			c, err := render.Load(dir, opts)
			if err != nil {
				t.Skipf("does not load: %v", err)
			}
			if !c.SameForUpgrade() {
				t.Skip("templates read the release's install/upgrade fields")
			}
			reused++
			findings := func(reuse bool) []lint.Finding {
				sets, notes, err := lint.RenderSets(c, opts, reuse)
				if err != nil || len(notes) > 0 {
					t.Skipf("render: %v %v", err, notes)
				}
				fs, err := lint.Run(rules.All, lint.ChartInfo{Arg: dir}, sets, lint.Settings{})
				if err != nil {
					t.Fatal(err)
				}
				return fs
			}
			if diff := cmp.Diff(findings(false), findings(true)); diff != "" {
				t.Errorf("findings with the reused render differ (-rendered +reused):\n%s", diff)
			}
		})
	}
	t.Logf("%d charts reuse the install render", reused)
}
