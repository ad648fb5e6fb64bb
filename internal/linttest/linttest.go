// Package linttest runs a rule over its fixture charts and checks the
// findings against "want" marks in the template sources, as
// golang.org/x/tools/go/analysis/analysistest does with // want comments.
//
// A fixture is a chart directory under the rule's testdata/. A template line
// that must produce a finding ends with
//
//	# want "HL1003"
//
// or, to pin the message, # want "HL1003: unknown event .pre-instal." (a
// regular expression after the colon). Several strings mean several
// findings. In block scalars and on action-only lines, write
// {{/* want "HL1003" */}} instead: it renders to nothing.
//
// The test fails when a finding was not wanted, when a want got no finding,
// when the fixture "bad" has no want, or when "good" is missing. An optional
// linttest.yaml in the fixture sets values, --set, the kube version, the
// release name and namespace, the timeout, --simulate, --engine, --helm and
// rules.default (rulesDefault).
package linttest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/internal/simlint"
)

// Config is a fixture's linttest.yaml.
type Config struct {
	Values      []string `yaml:"values"`
	Set         []string `yaml:"set"`
	KubeVersion string   `yaml:"kubeVersion"`
	ReleaseName string   `yaml:"releaseName"`
	Namespace   string   `yaml:"namespace"`
	Timeout     string   `yaml:"timeout"`
	// Simulate runs the chart through the lifecycle simulator, as
	// lint --simulate does (for the HL7 rules).
	Simulate bool `yaml:"simulate"`
	// Engine is lint --engine: helm (the default) or argocd (for the HL8
	// rules).
	Engine string `yaml:"engine"`
	// Helm is lint --helm: v3 (the default) or v4, for rules whose
	// verdict differs between them.
	Helm string `yaml:"helm"`
	// RulesDefault is .hooklint.yaml's rules.default: all sets
	// lint.Settings.AllRules (rules that report only outliers by default
	// report every case).
	RulesDefault string `yaml:"rulesDefault"`
	// Wants are want marks for files that cannot carry a comment
	// (values.schema.json, a symbolic link): the chart-relative file,
	// the line (0 for none) and "RULE" or "RULE: regexp" as in a mark.
	Wants []FileWant `yaml:"wants"`
	// NotHelmTemplate says why the fixture is not rendered with the real
	// helm template for comparison (internal/fidelity): a chart that
	// leads outside itself, which Helm would follow (network, host files).
	NotHelmTemplate string `yaml:"notHelmTemplate"`
}

// FileWant is a want mark kept in linttest.yaml.
type FileWant struct {
	File string `yaml:"file"`
	Line int    `yaml:"line"`
	Want string `yaml:"want"`
}

var (
	wantRe = regexp.MustCompile(`(?:#|\{\{-?\s*/\*)\s*want((?:\s+"[^"]*")+)`)
	strRe  = regexp.MustCompile(`"([^"]*)"`)
)

type want struct {
	file string
	line int
	rule string
	re   *regexp.Regexp
	raw  string
	hit  bool
}

// Run lints every fixture chart under testdata/ of the current directory
// with a alone (and what it requires) and checks the findings against the
// wants. The rule folders have no test of their own: rules.TestRules calls
// RunDir for every registered rule; Run stays for a test inside a rule folder.
func Run(t *testing.T, a *lint.Analyzer) {
	t.Helper()
	RunDir(t, a, ".")
}

// RunDir is Run for the rule folder ruleDir: it checks every fixture chart
// ruleDir/testdata/*, and fails when bad or good is missing.
func RunDir(t *testing.T, a *lint.Analyzer, ruleDir string) {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(ruleDir, "testdata", "*", "Chart.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, d := range dirs {
		dir := filepath.Dir(d)
		have[filepath.Base(dir)] = true
		t.Run(filepath.Base(dir), func(t *testing.T) {
			n := RunFixture(t, a, dir)
			if filepath.Base(dir) == "bad" && n == 0 {
				t.Errorf("%s: a bad fixture needs at least one want", dir)
			}
			if filepath.Base(dir) == "good" && n != 0 {
				t.Errorf("%s: a good fixture must have no wants", dir)
			}
		})
	}
	for _, must := range []string{"bad", "good"} {
		if !have[must] {
			t.Errorf("rule %s has no testdata/%s fixture", a.ID, must)
		}
	}
}

// RunFixture checks one fixture and returns how many wants it has.
func RunFixture(t *testing.T, a *lint.Analyzer, dir string) int {
	t.Helper()
	opts, st, fileWants, err := options(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := render.Load(dir, opts)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	wants, err := parseWants(c.Sources, c.File, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, fw := range fileWants {
		w, err := newWant(fw.File, fw.Line, fw.Want, a.ID)
		if err != nil {
			t.Fatalf("%s/linttest.yaml: %v", dir, err)
		}
		if w != nil {
			wants = append(wants, w)
		}
	}
	res := lint.LintChart(dir, opts, []*lint.Analyzer{a}, st)
	if res.Err != nil {
		t.Fatalf("lint: %v", res.Err)
	}
	for _, f := range res.Findings {
		if f.Rule.ID != a.ID {
			continue
		}
		matched := false
		for _, w := range wants {
			if !w.hit && w.file == f.Pos.File && w.line == f.Pos.Line && w.re.MatchString(f.Message) {
				w.hit, matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("%s: unexpected %s: %s", f.Pos, f.Rule.ID, f.Message)
		}
	}
	for _, w := range wants {
		if !w.hit {
			t.Errorf("%s:%d: no %s finding matching %q", w.file, w.line, w.rule, w.raw)
		}
	}
	return len(wants)
}

func options(dir string) (*render.Options, lint.Settings, []FileWant, error) {
	opts := &render.Options{}
	st := lint.Settings{}
	var cfg Config
	b, err := os.ReadFile(filepath.Join(dir, "linttest.yaml"))
	if os.IsNotExist(err) {
		return opts, st, cfg.Wants, nil
	}
	if err != nil {
		return nil, st, nil, err
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil {
		return nil, st, nil, fmt.Errorf("%s/linttest.yaml: %w", dir, err)
	}
	for _, v := range cfg.Values {
		opts.Values.ValueFiles = append(opts.Values.ValueFiles, filepath.Join(dir, v))
	}
	opts.Values.Values = cfg.Set
	opts.KubeVersion, opts.ReleaseName, opts.Namespace = cfg.KubeVersion, cfg.ReleaseName, cfg.Namespace
	if cfg.Simulate {
		st.Simulate = simlint.Simulate
	}
	st.Engine = cfg.Engine
	if err := lint.ParsePreset(cfg.RulesDefault); err != nil {
		return nil, st, nil, fmt.Errorf("%s/linttest.yaml: rulesDefault: %w", dir, err)
	}
	st.AllRules = cfg.RulesDefault == lint.PresetAll
	opts.Helm, st.Helm = cfg.Helm, cfg.Helm
	if cfg.Timeout != "" {
		if st.Timeout, err = time.ParseDuration(cfg.Timeout); err != nil {
			return nil, st, nil, fmt.Errorf("%s/linttest.yaml: timeout: %w", dir, err)
		}
	}
	return opts, st, cfg.Wants, nil
}

// newWant is one want string s ("RULE" or "RULE: regexp") at file:line,
// or nil when it is another rule's.
func newWant(file string, line int, s, id string) (*want, error) {
	rule, rx, _ := strings.Cut(s, ":")
	rule = strings.TrimSpace(rule)
	if rule != id {
		return nil, nil
	}
	re, err := regexp.Compile(strings.TrimSpace(rx))
	if err != nil {
		return nil, fmt.Errorf("%s:%d: bad want regexp: %w", file, line, err)
	}
	return &want{file: file, line: line, rule: rule, re: re, raw: s}, nil
}

// parseWants reads the want marks for rule id from template sources.
func parseWants(sources map[string]string, file func(string) string, id string) ([]*want, error) {
	paths := make([]string, 0, len(sources))
	for p := range sources {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var out []*want
	for _, p := range paths {
		for i, line := range strings.Split(sources[p], "\n") {
			m := wantRe.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			for _, s := range strRe.FindAllStringSubmatch(m[1], -1) {
				w, err := newWant(file(p), i+1, s[1], id)
				if err != nil {
					return nil, err
				}
				if w != nil {
					out = append(out, w)
				}
			}
		}
	}
	return out, nil
}
