package fidelity

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	yaml "go.yaml.in/yaml/v3"
	"helm.sh/helm/v3/pkg/cli/values"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/helmtool"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/internal/render"
)

// hookID is what must agree between hooklint and helm template.
type hookID struct {
	Path, Kind, Name string
	Events           string
	Weight           int
	DeletePolicies   string
	OutputLog        string
}

// clockStamp is a name part `now | date "20060102150405"` writes: hooklint
// fixes the clock during a render (deterministic output, issue 17), helm
// template reads it, so the two can only agree on the rest of the name.
var clockStamp = regexp.MustCompile(`20[0-9]{12}`)

// randomPart is a name part a random function writes in the fixtures of
// HL4004 (randAlphaNum after "rnd-", uuidv4): hooklint and helm template
// each draw their own, so the two can only agree on the rest of the name.
var randomPart = regexp.MustCompile(`rnd-[a-z0-9]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

func ids(s *hook.Set) []hookID {
	var out []hookID
	for _, h := range s.Hooks {
		if h.Dropped {
			continue
		}
		id := hookID{Path: h.Object.Path, Kind: h.Object.Kind, Name: randomPart.ReplaceAllString(clockStamp.ReplaceAllString(h.Object.Name, "<now>"), "<random>"), Weight: h.Weight}
		var ev, dp, ol []string
		for _, e := range h.Events {
			ev = append(ev, e.String())
		}
		for _, p := range h.DeletePolicies {
			dp = append(dp, string(p))
		}
		for _, p := range h.OutputLogPolicies {
			ol = append(ol, string(p))
		}
		id.Events, id.DeletePolicies, id.OutputLog = strings.Join(ev, ","), strings.Join(dp, ","), strings.Join(ol, ",")
		out = append(out, id)
	}
	return out
}

type target struct {
	name  string
	dir   string
	opts  render.Options
	hooks int // hooks helm template must print; -1 unknown
}

// compare renders t with hooklint and with `helm template` and compares
// the hook sets, or that both fail.
func compare(t *testing.T, helm string, tc target) {
	t.Helper()
	opts := tc.opts
	opts.ReleaseName = "fidelity"
	kube := render.DefaultKubeVersion()
	args := []string{"template", "fidelity", tc.dir, "--kube-version", kube}
	for _, f := range opts.Values.ValueFiles {
		args = append(args, "-f", f)
	}
	for _, s := range opts.Values.Values {
		args = append(args, "--set", s)
	}
	if opts.KubeVersion != "" {
		args[4] = opts.KubeVersion
	}
	cmd := exec.Command(helm, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	helmErr := cmd.Run()

	var ours *hook.Set
	c, err := render.Load(tc.dir, &opts)
	if err == nil {
		var r *render.Rendered
		if r, err = render.Render(c, &opts, render.Install); err == nil {
			ours, err = hook.Extract(tc.dir, r, c.Sources)
		}
	}
	switch {
	case helmErr != nil && err != nil:
		return // both refuse the chart
	case helmErr != nil:
		t.Fatalf("helm template failed but hooklint rendered: %v: %s", helmErr, stderr.String())
	case err != nil:
		t.Fatalf("hooklint failed but helm template rendered: %v", err)
	}
	theirs, err := hook.ExtractStreamHelm("helm", stdout.String(), "fidelity", "default", opts.Helm)
	if err != nil {
		t.Fatalf("reading helm template output: %v", err)
	}
	checkSkipped(t, opts.Helm, stderr.String(), ours)
	if tc.hooks >= 0 && len(ids(theirs)) != tc.hooks {
		t.Errorf("helm template printed %d hooks, MANIFEST.tsv says %d", len(ids(theirs)), tc.hooks)
	}
	if diff := cmp.Diff(ids(theirs), ids(ours)); diff != "" {
		t.Errorf("hook set differs from helm template (-helm +hooklint):\n%s", diff)
	}
	// The non-hook documents helm template prints are ours too.
	if got, want := printed(ours), len(theirs.Objects); got != want {
		t.Errorf("helm template printed %d documents, hooklint has %d printable ones", want, got)
	}
}

// skippedRe matches the line Helm logs for each document it drops for an
// unknown hook event: v3's log.Printf (pkg/releaseutil/manifest_sorter.go)
// and v4's slog.Info (pkg/release/v1/util/manifest_sorter.go), which the
// v4 CLI's logger prints to stderr.
var skippedRe = map[string]*regexp.Regexp{
	render.HelmV3: regexp.MustCompile(`(?m)info: skipping unknown hook: `),
	render.HelmV4: regexp.MustCompile(`(?m)level=INFO msg="skipping unknown hooks"|INFO skipping unknown hooks`),
}

// checkSkipped: helm logged one "skipping unknown hook(s)" line for each
// document hooklint says Helm drops.
func checkSkipped(t *testing.T, helm, stderr string, ours *hook.Set) {
	t.Helper()
	if helm == "" {
		helm = render.HelmV3
	}
	dropped := 0
	for _, h := range ours.Hooks {
		if h.Dropped {
			dropped++
		}
	}
	if n := len(skippedRe[helm].FindAllStringIndex(stderr, -1)); n != dropped {
		t.Errorf("helm %s logged %d skipped hooks, hooklint drops %d:\n%s", helm, n, dropped, stderr)
	}
}

// printed counts the documents helm template prints: hooks not dropped
// and generic manifests that are not empty.
func printed(s *hook.Set) int {
	n := 0
	for _, o := range s.Objects {
		if o.Hook != nil && o.Hook.Dropped {
			continue
		}
		if strings.TrimSpace(o.Text) == "" {
			continue
		}
		n++
	}
	return n
}

func TestCorpusMatchesHelmTemplate(t *testing.T) { corpusMatches(t, render.HelmV3) }

// TestCorpusMatchesHelm4Template: lint --helm v4 reads the corpus as
// Helm 4's `helm template` does.
func TestCorpusMatchesHelm4Template(t *testing.T) { corpusMatches(t, render.HelmV4) }

func corpusMatches(t *testing.T, version string) {
	charts, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	if charts == nil {
		t.Skip("../shared/corpus is absent: the corpus fidelity test needs it next to the repository")
	}
	helm, err := helmtool.PathFor(version)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range charts {
		t.Run(c.ID, func(t *testing.T) {
			t.Parallel()
			tc := target{name: c.ID, dir: c.Dir, hooks: c.Hooks, opts: render.Options{Helm: version}}
			if c.Values != "" {
				tc.opts.Values.ValueFiles = []string{c.Values}
			}
			compare(t, helm, tc)
		})
	}
}

func TestFixturesMatchHelmTemplate(t *testing.T) { fixturesMatch(t, render.HelmV3) }

// TestFixturesMatchHelm4Template: every fixture, read as Helm 4 does.
func TestFixturesMatchHelm4Template(t *testing.T) { fixturesMatch(t, render.HelmV4) }

func fixturesMatch(t *testing.T, version string) {
	root, err := corpus.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, pat := range []string{"rules/*/testdata/*/Chart.yaml", "testdata/charts/*/Chart.yaml", "examples/*/Chart.yaml"} {
		m, err := filepath.Glob(filepath.Join(root, pat))
		if err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, m...)
	}
	if len(dirs) == 0 {
		t.Fatal("no fixture charts found")
	}
	helm, err := helmtool.PathFor(version)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		dir := filepath.Dir(d)
		rel, _ := filepath.Rel(root, dir)
		t.Run(rel, func(t *testing.T) {
			t.Parallel()
			tc := target{name: rel, dir: dir, hooks: -1, opts: render.Options{Helm: version}}
			skip, err := fixtureOptions(dir, &tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if skip != "" {
				t.Skip("not compared with helm template: " + skip)
			}
			compare(t, helm, tc)
		})
	}
}

// fixtureOptions reads a fixture's linttest.yaml into o and returns why
// helm template must not render it ("" when it may).
func fixtureOptions(dir string, o *render.Options) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "linttest.yaml"))
	if os.IsNotExist(err) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	var cfg linttest.Config
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		return "", fmt.Errorf("%s: %w", dir, err)
	}
	for _, v := range cfg.Values {
		o.Values.ValueFiles = append(o.Values.ValueFiles, filepath.Join(dir, v))
	}
	o.Values.Values = cfg.Set
	o.KubeVersion = cfg.KubeVersion
	return cfg.NotHelmTemplate, nil
}

// TestFlagsMatchHelmTemplate renders one fixture with Helm's flags, each
// spelled as hooklint and helm template take them, and compares.
func TestFlagsMatchHelmTemplate(t *testing.T) { flagsMatch(t, render.HelmV3) }

// TestFlagsMatchHelm4Template: the same flags with Helm 4 (its
// MergeValues differs: --set-json takes a whole JSON object).
func TestFlagsMatchHelm4Template(t *testing.T) { flagsMatch(t, render.HelmV4) }

func flagsMatch(t *testing.T, version string) {
	root, err := corpus.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	helm, err := helmtool.PathFor(version)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "testdata", "charts", "flags")
	tests := []struct {
		name string
		opts render.Options
	}{
		{name: "defaults"},
		{name: "values file", opts: render.Options{Values: values.Options{ValueFiles: []string{filepath.Join(dir, "override.yaml")}}}},
		{name: "set", opts: render.Options{Values: values.Options{Values: []string{"weight=7,events=post-install", "sub.enabled=false", "tags.extras=true"}}}},
		{name: "set-string", opts: render.Options{Values: values.Options{StringValues: []string{"weight=010"}}}},
		{name: "set-json object", opts: render.Options{Values: values.Options{JSONValues: []string{`{"weight":"3","extraHook":{"event":"test","n":2}}`}}}},
		{name: "set-json", opts: render.Options{Values: values.Options{JSONValues: []string{`extraHook={"event":"test","n":1}`}}}},
		{name: "set-literal", opts: render.Options{Values: values.Options{LiteralValues: []string{"policy=hook-succeeded,hook-failed"}}}},
		{name: "set-file", opts: render.Options{Values: values.Options{FileValues: []string{"image=" + filepath.Join(dir, "image.txt")}}}},
		{name: "release and namespace", opts: render.Options{ReleaseName: "rel", Namespace: "ns"}},
		{name: "kube version", opts: render.Options{KubeVersion: "v1.31.2"}},
		{name: "kube version too old", opts: render.Options{KubeVersion: "1.20.0"}},
		{name: "api versions", opts: render.Options{APIVersions: []string{"example.com/v1"}}},
		{name: "is-upgrade", opts: render.Options{IsUpgrade: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.opts.Helm = version
			compareFlags(t, helm, dir, tt.opts)
		})
	}
}

func compareFlags(t *testing.T, helm, dir string, opts render.Options) {
	t.Helper()
	name := opts.ReleaseName
	if name == "" {
		name = "release-name"
	}
	kube := opts.KubeVersion
	if kube == "" {
		kube = render.DefaultKubeVersion()
	}
	args := []string{"template", name, dir, "--kube-version", kube}
	if opts.Namespace != "" {
		args = append(args, "--namespace", opts.Namespace)
	}
	for _, f := range opts.Values.ValueFiles {
		args = append(args, "-f", f)
	}
	for flag, vs := range map[string][]string{
		"--set": opts.Values.Values, "--set-string": opts.Values.StringValues, "--set-json": opts.Values.JSONValues,
		"--set-literal": opts.Values.LiteralValues, "--set-file": opts.Values.FileValues, "--api-versions": opts.APIVersions,
	} {
		for _, v := range vs {
			args = append(args, flag, v)
		}
	}
	if opts.IsUpgrade {
		args = append(args, "--is-upgrade")
	}
	cmd := exec.Command(helm, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	helmErr := cmd.Run()

	var ours *hook.Set
	c, err := render.Load(dir, &opts)
	if err == nil {
		var r *render.Rendered
		if r, err = render.Render(c, &opts, render.Install); err == nil {
			ours, err = hook.Extract(dir, r, c.Sources)
		}
	}
	switch {
	case helmErr != nil && err != nil:
		return
	case helmErr != nil:
		t.Fatalf("helm %v failed but hooklint rendered: %s", args, stderr.String())
	case err != nil:
		t.Fatalf("hooklint failed but helm %v rendered: %v", args, err)
	}
	theirs, err := hook.ExtractStreamHelm("helm", stdout.String(), name, opts.Namespace, opts.Helm)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ids(theirs), ids(ours)); diff != "" {
		t.Errorf("helm %v: hook set differs (-helm +hooklint):\n%s", args, diff)
	}
	if len(ids(ours)) == 0 {
		t.Errorf("helm %v: no hook to compare", args)
	}
}
