package rules_test

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/golden"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/rules"
)

const (
	corpusGolden       = "testdata/corpus-findings.txt"
	corpusArgoCDGolden = "testdata/corpus-findings-argocd.txt"
)

// TestCorpusFindings records, for every corpus chart, how many findings
// each rule reports (without --simulate). Every finding behind these counts
// has been read; a change here is a change in what users see.
//
// The rules are the default selection (the recommended preset: opt-in
// rules are left out), as `hooklint lint` runs them without configuration.
func TestCorpusFindings(t *testing.T) {
	as, err := lint.Select(rules.All, lint.Selection{})
	if err != nil {
		t.Fatal(err)
	}
	corpusFindings(t, corpusGolden, as, lint.Settings{}, "")
}

// TestCorpusFindingsArgoCD records the same for the HL8xxx rules, which
// report only with lint --engine argocd.
func TestCorpusFindingsArgoCD(t *testing.T) {
	var hl8 []*lint.Analyzer
	for _, a := range rules.All {
		if strings.HasPrefix(a.ID, "HL8") {
			hl8 = append(hl8, a)
		}
	}
	corpusFindings(t, corpusArgoCDGolden, hl8, lint.Settings{Engine: lint.EngineArgoCD}, " --engine argocd, HL8xxx rules only")
}

func corpusFindings(t *testing.T, goldenPath string, as []*lint.Analyzer, st lint.Settings, mode string) {
	t.Helper()
	charts, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	if charts == nil {
		t.Skip("../shared/corpus is absent: the corpus findings golden needs it next to the repository")
	}
	lines := make([]string, len(charts))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, c := range charts {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			opts := &render.Options{}
			if c.Values != "" {
				opts.Values.ValueFiles = []string{c.Values}
			}
			res := lint.LintChart(c.Dir, opts, as, st)
			if res.Err != nil {
				lines[i] = c.ID + "\terror"
				return
			}
			counts := map[string]int{}
			for _, f := range res.Findings {
				counts[f.Rule.ID]++
			}
			ids := make([]string, 0, len(counts))
			for id := range counts {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			var b strings.Builder
			b.WriteString(c.ID)
			for _, id := range ids {
				fmt.Fprintf(&b, "\t%s=%d", id, counts[id])
			}
			lines[i] = b.String()
		}()
	}
	wg.Wait()
	got := "# chart\trule=findings ..." + mode + " (go test ./rules -run TestCorpusFindings -update)\n" + strings.Join(lines, "\n") + "\n"
	golden.Assert(t, goldenPath, []byte(got))
}

// corpusCharts counts, per rule, the corpus charts it fires on, from the
// golden files (so the README needs no corpus to be checked): the HL8xxx
// rules from the --engine argocd run, the others from the default one.
func corpusCharts(t *testing.T) (map[string]int, int) {
	t.Helper()
	per, total := map[string]int{}, 0
	for _, path := range []string{corpusGolden, corpusArgoCDGolden} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "#") {
				continue
			}
			n++
			for _, col := range strings.Split(sc.Text(), "\t")[1:] {
				id, c, ok := strings.Cut(col, "=")
				if k, err := strconv.Atoi(c); ok && err == nil && k > 0 {
					per[id]++
				}
			}
		}
		f.Close()
		if total == 0 {
			total = n
		} else if n != total {
			t.Fatalf("%s has %d charts, %s %d", path, n, corpusGolden, total)
		}
	}
	return per, total
}

// TestRuleNoise: no rule fires on more than a third of the corpus charts
// by default unless its documentation says why.
func TestRuleNoise(t *testing.T) {
	per, total := corpusCharts(t)
	for _, a := range rules.All {
		if n := per[a.ID]; 3*n > total && !strings.Contains(a.Doc, "corpus") {
			t.Errorf("%s fires on %d of %d corpus charts and its doc does not justify it", a.ID, n, total)
		}
	}
}
