package sim

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/corpus"
)

// TestCorpusTimelinesRealKeyGeneration simulates, for every corpus chart
// whose templates call one of sprig's key and certificate generators
// (corpus.KeyCharts), the scenario bench/compare.sh times (install,
// upgrade, rollback 1, test, uninstall; `hooklint simulate --scenario`)
// with Helm 3 and Helm 4, twice: with the deterministic functions every
// simulation uses and with sprig's own (Scenario.RealGeneration:
// crypto/rand keys, time.Now). The printed timelines must be the same: the
// fixed key material changes no timeline (issue 14, point 2).
func TestCorpusTimelinesRealKeyGeneration(t *testing.T) {
	charts := corpus.KeyChartsFor(t)
	dir := t.TempDir()
	for _, c := range charts {
		// bench/compare.sh's scenario file
		var b strings.Builder
		b.WriteString("release: rel\nkubeVersion: " + corpusKubeVersion + "\nchart: " + c.Dir + "\n")
		if c.Values != "" {
			b.WriteString("values: [" + c.Values + "]\n")
		}
		b.WriteString("steps: [{action: install}, {action: upgrade}, {action: rollback, revision: 1}, {action: test}, {action: uninstall}]\n")
		file := filepath.Join(dir, c.ID+".yaml")
		if err := os.WriteFile(file, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, helm := range []HelmVersion{HelmV3, HelmV4} {
			t.Run(c.ID+"/"+helm.String(), func(t *testing.T) {
				t.Parallel() // Helm 3 simulations take turns (sprig3.go); Helm 4 ones run beside them
				timeline := func(real bool) string {
					// as cmd/hooklint runScenario: the flags' defaults
					sc, err := LoadScenario(file, "", Scenario{Helm: helm}, DefaultTimeout)
					if err != nil {
						t.Fatal(err)
					}
					sc.RealGeneration = real
					res, err := Run(sc)
					if err != nil {
						t.Fatal(err)
					}
					var out bytes.Buffer
					if err := WriteText(&out, res); err != nil {
						t.Fatal(err)
					}
					return out.String()
				}
				start := time.Now()
				det := timeline(false)
				mid := time.Now()
				real := timeline(true)
				t.Logf("deterministic %v, real generation %v", mid.Sub(start).Round(time.Millisecond), time.Since(mid).Round(time.Millisecond))
				if diff := cmp.Diff(strings.Split(det, "\n"), strings.Split(real, "\n")); diff != "" {
					t.Errorf("timeline (-deterministic +real generation):\n%s", diff)
				}
			})
		}
	}
}
