package sim

import (
	"path/filepath"
	"testing"

	"helm.sh/helm/v3/pkg/cli/values"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/render"
)

// BenchmarkSimulate: an install followed by an upgrade of a loaded chart,
// through Helm's actions against the fake cluster.
func BenchmarkSimulate(b *testing.B) {
	charts, err := corpus.BenchCharts(filepath.Join("..", "testdata", "charts", "sim-backup"))
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range charts {
		dir, v := bc.Dir, values.Options{ValueFiles: bc.ValueFiles()}
		b.Run(bc.ID, func(b *testing.B) {
			ch, err := render.Load(dir, &render.Options{Values: v, ReleaseName: "rel", Namespace: "bench", KubeVersion: corpusKubeVersion})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				sc := &Scenario{Release: "rel", Namespace: "bench", KubeVersion: corpusKubeVersion, Steps: []Step{
					{Action: ActionInstall, Chart: ch, Timeout: DefaultTimeout},
					{Action: ActionUpgrade, Chart: ch, Timeout: DefaultTimeout},
				}}
				if _, err := Run(sc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
