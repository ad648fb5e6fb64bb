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

	"github.com/google/go-cmp/cmp"

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
	reported := corpusFindings(t, corpusGolden, as, lint.Settings{}, "")
	checkPrecision(t, reported)
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
	_ = corpusFindings(t, corpusArgoCDGolden, hl8, lint.Settings{Engine: lint.EngineArgoCD}, " --engine argocd, HL8xxx rules only")
}

// corpusFindings asserts the golden of per-rule counts and returns the
// warnings and errors, one "chart/file:line | rule | severity" each, sorted.
func corpusFindings(t *testing.T, goldenPath string, as []*lint.Analyzer, st lint.Settings, mode string) []string {
	t.Helper()
	charts, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	if charts == nil {
		t.Skip("../shared/corpus is absent: the corpus findings golden needs it next to the repository")
	}
	lines := make([]string, len(charts))
	loud := make([][]string, len(charts))
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
				if f.Severity >= lint.Warning {
					loud[i] = append(loud[i], fmt.Sprintf("%s/%s:%d | %s | %s", c.ID, f.Pos.File, f.Pos.Line, f.Rule.ID, f.Severity))
				}
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
	var out []string
	for _, l := range loud {
		out = append(out, l...)
	}
	sort.Strings(out)
	return out
}

const precisionDoc = "../docs/precision.md"

// checkPrecision ties docs/precision.md to the corpus: its table must list
// exactly the warnings and errors reported (position, rule, severity), with
// no false positive and at most one noise finding in ten.
func checkPrecision(t *testing.T, reported []string) {
	t.Helper()
	b, err := os.ReadFile(precisionDoc)
	if err != nil {
		t.Fatal(err)
	}
	var reviewed []string
	verdicts := map[string]int{}
	for _, l := range strings.Split(string(b), "\n") {
		cells := strings.Split(l, " | ")
		if !strings.HasPrefix(l, "| ") || len(cells) < 5 || !strings.HasPrefix(cells[1], "HL") {
			continue
		}
		pos := strings.TrimPrefix(cells[0], "| ")
		reviewed = append(reviewed, pos+" | "+cells[1]+" | "+cells[2])
		switch v := cells[3]; v {
		case "TP", "FP", "noise":
			verdicts[v]++
		default:
			t.Errorf("%s: %s %s: verdict %q is not TP, FP or noise", precisionDoc, pos, cells[1], v)
		}
		if why := strings.TrimSuffix(strings.Join(cells[4:], " | "), " |"); len(strings.TrimSpace(why)) < 20 {
			t.Errorf("%s: %s %s: no reason given", precisionDoc, pos, cells[1])
		}
	}
	sort.Strings(reviewed)
	if diff := cmp.Diff(reported, reviewed); diff != "" {
		t.Errorf("the corpus warnings and errors (-reported) and %s (+reviewed) differ: review the changed findings there\n%s", precisionDoc, diff)
	}
	if verdicts["FP"] > 0 {
		t.Errorf("%s: %d false positives among the corpus warnings and errors", precisionDoc, verdicts["FP"])
	}
	if n := len(reviewed); 10*verdicts["noise"] > n {
		t.Errorf("%s: %d of %d findings are noise, more than one in ten", precisionDoc, verdicts["noise"], n)
	}
	want := fmt.Sprintf("Totals: %d findings; %d TP, %d FP, %d noise.", len(reviewed), verdicts["TP"], verdicts["FP"], verdicts["noise"])
	if !strings.Contains(string(b), want) {
		t.Errorf("%s: the totals line must read %q", precisionDoc, want)
	}
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
