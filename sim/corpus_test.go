package sim

import (
	"errors"
	"io"
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/cli/values"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/render"
)

// corpusKubeVersion is passed explicitly so results do not depend on how
// the test binary was built.
const corpusKubeVersion = "v1.35.0"

// TestCorpusLifecycle simulates install, upgrade, rollback, test and
// uninstall of every corpus chart (with the values file MANIFEST.tsv names)
// and checks that the simulation runs: a helm command may fail (that is a
// finding about the chart), but the simulator must neither crash nor return
// an error, and every step must leave a result.
func TestCorpusLifecycle(t *testing.T) {
	charts, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	if charts == nil {
		t.Skip("corpus not found: ../shared/corpus next to the repository root")
	}
	for _, c := range charts {
		t.Run(c.ID, func(t *testing.T) {
			t.Parallel()
			var vals values.Options
			if c.Values != "" {
				vals.ValueFiles = []string{c.Values}
			}
			ch, err := render.Load(c.Dir, &render.Options{Values: vals, ReleaseName: "rel", Namespace: "corpus", KubeVersion: corpusKubeVersion})
			if err != nil {
				var ie *render.InputError
				if errors.As(err, &ie) {
					// helm install refuses the chart the same way (e.g.
					// dependencies missing from charts/): nothing to simulate.
					t.Skipf("helm cannot load this chart either: %v", err)
				}
				t.Fatalf("load: %v", err)
			}
			steps := []Step{
				{Action: ActionInstall, Chart: ch, Timeout: DefaultTimeout},
				{Action: ActionUpgrade, Chart: ch, Timeout: DefaultTimeout},
				{Action: ActionRollback, Revision: 1, Timeout: DefaultTimeout},
				{Action: ActionTest, Timeout: DefaultTimeout},
				{Action: ActionUninstall, Timeout: DefaultTimeout},
			}
			res, err := Run(&Scenario{Release: "rel", Namespace: "corpus", KubeVersion: corpusKubeVersion, Steps: steps})
			if err != nil {
				t.Fatalf("simulate: %v", err)
			}
			if len(res.Steps) != len(steps) {
				t.Fatalf("got %d step results, want %d", len(res.Steps), len(steps))
			}
			for _, st := range res.Steps {
				if strings.Contains(st.Err, "hooklint: helm panicked") {
					t.Errorf("step %d (%s): %s", st.Index, st.Action, st.Err)
				}
			}
			for _, w := range []func(io.Writer, *Result) error{WriteText, WriteJSON, WriteMermaid} {
				if err := w(io.Discard, res); err != nil {
					t.Fatal(err)
				}
			}
			Findings(res)
		})
	}
}
