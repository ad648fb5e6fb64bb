package rules_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"helm.sh/helm/v3/pkg/cli/values"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/rules"
)

// TestCorpusFindingsRealKeyGeneration lints every corpus chart whose
// templates call one of sprig's key and certificate generators
// (corpus.KeyFuncs) twice, with the default rules: with the deterministic
// functions every lint uses (fixed keys, a seeded stream, a fixed clock)
// and with sprig's own (render.Options.RealGeneration: crypto/rand keys,
// time.Now), for Helm 3 and Helm 4. The findings, in full, and the
// chart's error and notes must be the same: the fixed key material changes
// nothing a user sees (issue 14, point 2).
//
// So that the test cannot pass with no real generation, the rendered
// documents of the two runs are compared too: the ones that differ are
// logged, and with each Helm some document that carries a PEM block (a
// key or a certificate, in plain text or base64) must differ.
func TestCorpusFindingsRealKeyGeneration(t *testing.T) {
	charts := corpus.KeyChartsFor(t)
	as, err := lint.Select(rules.All, lint.Selection{})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	generated := map[string]int{}
	t.Run("charts", func(t *testing.T) {
		for _, c := range charts {
			for _, helm := range []string{render.HelmV3, render.HelmV4} {
				t.Run(c.ID+"/"+helm, func(t *testing.T) {
					t.Parallel()
					st := lint.Settings{Helm: helm}
					run := func(real bool) (string, map[string]string) {
						start := time.Now()
						ch, opts, err := lint.LoadChart(c.Dir, &render.Options{Values: valuesOf(c), RealGeneration: real}, st)
						if err != nil {
							t.Fatal(err)
						}
						res, sets := lint.LintLoaded(ch, opts, as, st)
						b, err := json.MarshalIndent(struct {
							Findings []lint.Finding
							Err      string
							Notes    []string
						}{res.Findings, errText(res.Err), res.Notes}, "", "  ")
						if err != nil {
							t.Fatal(err)
						}
						docs := map[string]string{}
						for _, s := range sets {
							for _, o := range s.Objects {
								docs[fmt.Sprintf("%s %s/%s %s#%d", s.Context, o.Kind, o.Name, o.File, o.Index)] = o.Text
							}
						}
						t.Logf("real generation %v: %v", real, time.Since(start).Round(time.Millisecond))
						return string(b), docs
					}
					det, detDocs := run(false)
					real, realDocs := run(true)
					if diff := cmp.Diff(strings.Split(det, "\n"), strings.Split(real, "\n")); diff != "" {
						t.Errorf("findings (-deterministic +real generation):\n%s", diff)
					}
					var differ, keys []string
					for k, text := range detDocs {
						if r, ok := realDocs[k]; ok && r != text {
							differ = append(differ, k)
							if strings.Contains(text, "-----BEGIN") || strings.Contains(text, pemBase64) {
								keys = append(keys, k)
							}
						}
					}
					sort.Strings(differ)
					sort.Strings(keys)
					mu.Lock()
					generated[helm] += len(keys)
					mu.Unlock()
					t.Logf("documents that differ: %d, with key material: %v", len(differ), keys)
				})
			}
		}
	})
	for _, helm := range []string{render.HelmV3, render.HelmV4} {
		if generated[helm] == 0 {
			t.Errorf("helm %s: no rendered key or certificate differs between the deterministic and the real functions: real generation did not happen", helm)
		}
	}
}

// pemBase64 is "-----BEGIN" in base64, as a Secret's data holds a PEM
// block.
const pemBase64 = "LS0tLS1CRUdJTi"

func valuesOf(c corpus.KeyChart) (v values.Options) {
	v.ValueFiles = c.ValueFiles()
	return v
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
