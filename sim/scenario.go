package sim

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/cli/values"

	"github.com/hooklint/hooklint/internal/render"
)

// HelmVersion is the Helm major version a simulation drives. Both
// helm.sh/helm/v3 (kube3.go, run.go) and helm.sh/helm/v4 (kube4.go, run4.go)
// are linked into hooklint; the fake cluster, outcomes and timeline do not
// depend on the version.
type HelmVersion int

// Helm versions.
const (
	HelmV3 HelmVersion = 3
	HelmV4 HelmVersion = 4
)

// ParseHelmVersion reads --helm: v3, 3, v4 or 4.
func ParseHelmVersion(s string) (HelmVersion, error) {
	switch strings.TrimPrefix(strings.ToLower(s), "v") {
	case "3", "":
		return HelmV3, nil
	case "4":
		return HelmV4, nil
	}
	return 0, fmt.Errorf("--helm %q: want v3 or v4", s)
}

// String is the linked Helm module version, e.g. "v3.22.0" or "v4.3.1".
func (v HelmVersion) String() string {
	var mod string
	switch v {
	case HelmV3:
		mod = "helm.sh/helm/v3"
	case HelmV4:
		mod = "helm.sh/helm/v4"
	default:
		return fmt.Sprintf("v%d", int(v))
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == mod {
				if d.Replace != nil && d.Replace.Version != "" {
					return d.Replace.Version
				}
				return d.Version
			}
		}
	}
	return fmt.Sprintf("v%d", int(v))
}

// Engine is what drives the chart's hooks: the helm CLI, Argo CD or Flux's
// helm-controller.
type Engine string

// Engines.
const (
	EngineHelm   Engine = "helm"   // the helm CLI (Scenario.Helm says which)
	EngineArgoCD Engine = "argocd" // Argo CD: helm template, then a sync with hooks mapped to sync phases (argocd.go)
	EngineFlux   Engine = "flux"   // Flux helm-controller: Helm 4 actions, its own waiter and remediation (flux.go)
)

// ParseEngine reads --engine.
func ParseEngine(s string) (Engine, error) {
	switch e := Engine(strings.ToLower(s)); e {
	case "", EngineHelm:
		return EngineHelm, nil
	case EngineArgoCD, "argo":
		return EngineArgoCD, nil
	case EngineFlux:
		return EngineFlux, nil
	}
	return "", fmt.Errorf("--engine %q: want helm, argocd or flux", s)
}

// Helm 4 wait strategies (helm.sh/helm/v4@v4.3.1 pkg/kube/client.go
// WaitStrategy; --wait STRATEGY).
const (
	WaitHookOnly = "hookOnly" // default: hooks are watched, nothing else is waited for
	WaitWatcher  = "watcher"  // kstatus: --wait alone, implied by --rollback-on-failure
	WaitLegacy   = "legacy"   // Helm 3's polling waiter
)

// MarshalText makes HelmVersion a string in JSON.
func (v HelmVersion) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// Action is a helm command a step runs.
type Action string

// Actions.
const (
	ActionInstall   Action = "install"
	ActionUpgrade   Action = "upgrade"
	ActionRollback  Action = "rollback"
	ActionUninstall Action = "uninstall"
	ActionTest      Action = "test"
)

// DefaultTimeout is helm's --timeout default.
const DefaultTimeout = 5 * time.Minute

// DefaultReleaseName is the release name when none is given, as helm template.
const DefaultReleaseName = "release-name"

// Scenario is a sequence of helm commands run against one fake cluster and
// one release store.
type Scenario struct {
	Helm        HelmVersion // 0 means HelmV3
	Engine      Engine      // "" means EngineHelm
	Flux        FluxOptions // Engine flux: the HelmRelease's settings
	ArgoCDPrune bool        // Engine argocd: syncs prune (argocd app sync --prune; automated prune)
	Release     string      // release name; "" means DefaultReleaseName
	Namespace   string      // release namespace; "" means "default"
	KubeVersion string      // .Capabilities.KubeVersion; "" means render.DefaultKubeVersion()
	APIVersions []string    // extra .Capabilities.APIVersions
	Outcomes    Outcomes    // failure injection for every step
	// ClusterState is what the cluster holds before the first step
	// (--cluster-state): CRDs, Secrets, ConfigMaps of other releases.
	ClusterState []StateObject
	Steps        []Step
	// RealGeneration renders with sprig's own random, clock and key
	// functions (render.SprigFuncs: crypto/rand, time.Now) instead of the
	// deterministic ones every simulation uses (Helm 3: sprig3.go leaves
	// sprig's table alone; Helm 4: Configuration.CustomTemplateFuncs gets
	// sprig's own; Argo CD: render.Options.RealGeneration). For tests
	// only, which show that the deterministic functions change no
	// timeline (TestCorpusTimelinesRealKeyGeneration): no command or
	// scenario file sets it, and a timeline made with it may differ from
	// run to run.
	RealGeneration bool
}

// Step is one helm command. Its flags mean what Helm's do.
type Step struct {
	Action        Action
	Chart         *render.Chart // install, upgrade: the loaded chart with the user values
	Install       bool          // upgrade --install
	Revision      int           // rollback REVISION; 0 means the previous one
	Timeout       time.Duration // --timeout (callers set DefaultTimeout)
	Wait          bool          // --wait
	WaitForJobs   bool          // --wait-for-jobs
	Atomic        bool          // --atomic (Helm 4: --rollback-on-failure)
	CleanupOnFail bool          // --cleanup-on-fail
	// WaitStrategy is Helm 4's --wait STRATEGY (WaitHookOnly, WaitWatcher,
	// WaitLegacy); "" means hookOnly, or watcher when Wait is set.
	WaitStrategy string
	// ServerSide is Helm 4's --server-side: "true", "false" or "auto"; ""
	// means the CLI default (install: true; upgrade, rollback: auto).
	ServerSide  string
	NoHooks     bool     // --no-hooks
	KeepHistory bool     // uninstall --keep-history
	Filter      []string // test --filter
	Outcomes    Outcomes // failure injection added for this step
	// Args are the chart and value arguments as given, for the command line
	// the timeline shows.
	Args []string
}

// commandFor is the helm command line the step stands for, in Helm v's spelling: Helm 4 calls
// --atomic --rollback-on-failure and takes --wait STRATEGY and --server-side.
func (st Step) commandFor(v HelmVersion, release, namespace string) string {
	parts := []string{"helm", string(st.Action)}
	if st.Install {
		parts = append(parts, "--install")
	}
	parts = append(parts, release)
	parts = append(parts, st.Args...)
	if st.Action == ActionRollback && st.Revision > 0 {
		parts = append(parts, fmt.Sprint(st.Revision))
	}
	parts = append(parts, "--namespace", namespace)
	if st.Action != ActionTest || st.Timeout != DefaultTimeout {
		parts = append(parts, "--timeout", st.Timeout.String())
	}
	atomic, wait := "--atomic", "--wait"
	if v == HelmV4 {
		atomic = "--rollback-on-failure"
		if st.WaitStrategy != "" {
			wait = "--wait=" + st.WaitStrategy
		}
	}
	for _, f := range []struct {
		on   bool
		name string
	}{{st.Wait || (v == HelmV4 && st.WaitStrategy != ""), wait}, {st.WaitForJobs, "--wait-for-jobs"}, {st.Atomic, atomic},
		{st.CleanupOnFail, "--cleanup-on-fail"}, {st.NoHooks, "--no-hooks"}, {st.KeepHistory, "--keep-history"},
		{v == HelmV4 && st.ServerSide != "", "--server-side=" + st.ServerSide}} {
		if f.on {
			parts = append(parts, f.name)
		}
	}
	for _, f := range st.Filter {
		parts = append(parts, "--filter", f)
	}
	return strings.Join(parts, " ")
}

// ScenarioFile is the YAML form of a scenario (`hooklint simulate --scenario
// FILE`); see README.md in this package. Decoding is strict: an unknown key
// is an error. Paths are relative to the file.
type ScenarioFile struct {
	Release     string   `yaml:"release"`
	Namespace   string   `yaml:"namespace"`
	KubeVersion string   `yaml:"kubeVersion"`
	APIVersions []string `yaml:"apiVersions"`
	// ClusterState are files or directories of objects the cluster holds
	// before the first step, as --cluster-state.
	ClusterState []string       `yaml:"clusterState"`
	Chart        string         `yaml:"chart"`
	Timeout      *yamlDuration  `yaml:"timeout"`
	Values       FileValues     `yaml:",inline"`
	Inject       FileInjection  `yaml:",inline"`
	Steps        []ScenarioStep `yaml:"steps"`
}

// FileValues are the value flags of a scenario file or step.
type FileValues struct {
	Values     []string `yaml:"values"`
	Set        []string `yaml:"set"`
	SetString  []string `yaml:"setString"`
	SetFile    []string `yaml:"setFile"`
	SetJSON    []string `yaml:"setJSON"`
	SetLiteral []string `yaml:"setLiteral"`
}

// FileInjection is the failure injection of a scenario file or step.
type FileInjection struct {
	Fail     []string `yaml:"fail"`
	Hang     []string `yaml:"hang"`
	Duration []string `yaml:"duration"`
}

// ScenarioStep is one step of a scenario file.
type ScenarioStep struct {
	Action        Action        `yaml:"action"`
	Chart         string        `yaml:"chart"`
	Install       bool          `yaml:"install"`
	Revision      int           `yaml:"revision"`
	Timeout       *yamlDuration `yaml:"timeout"`
	Wait          bool          `yaml:"wait"`
	WaitForJobs   bool          `yaml:"waitForJobs"`
	Atomic        bool          `yaml:"atomic"`
	CleanupOnFail bool          `yaml:"cleanupOnFail"`
	NoHooks       bool          `yaml:"noHooks"`
	KeepHistory   bool          `yaml:"keepHistory"`
	Filter        []string      `yaml:"filter"`
	WaitStrategy  string        `yaml:"waitStrategy"` // Helm 4: hookOnly, watcher, legacy
	ServerSide    string        `yaml:"serverSide"`   // Helm 4: true, false, auto
	Values        FileValues    `yaml:",inline"`
	Inject        FileInjection `yaml:",inline"`
}

type yamlDuration struct{ d time.Duration }

func (y *yamlDuration) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return err
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("line %d: %q is not a duration like 5m0s", n.Line, s)
	}
	y.d = d
	return nil
}

// ParseScenarioFile decodes a scenario file strictly.
func ParseScenarioFile(data []byte) (*ScenarioFile, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f ScenarioFile
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	if len(f.Steps) == 0 {
		return nil, errors.New("no steps")
	}
	for i, st := range f.Steps {
		switch st.Action {
		case ActionInstall, ActionUpgrade, ActionRollback, ActionUninstall, ActionTest:
		default:
			return nil, fmt.Errorf("step %d: action %q: want install, upgrade, rollback, uninstall or test", i+1, st.Action)
		}
		switch st.WaitStrategy {
		case "", WaitHookOnly, WaitWatcher, WaitLegacy:
		default:
			return nil, fmt.Errorf("step %d: waitStrategy %q: want hookOnly, watcher or legacy", i+1, st.WaitStrategy)
		}
		switch st.ServerSide {
		case "", "true", "false", "auto":
		default:
			return nil, fmt.Errorf("step %d: serverSide %q: want true, false or auto", i+1, st.ServerSide)
		}
	}
	return &f, nil
}

// ParseInjection parses --fail, --hang and --duration values.
func ParseInjection(fail, hang, durations []string) (Outcomes, error) {
	var o Outcomes
	for _, s := range fail {
		p, err := ParsePattern(s)
		if err != nil {
			return o, fmt.Errorf("--fail: %w", err)
		}
		o.Fail = append(o.Fail, p)
	}
	for _, s := range hang {
		p, err := ParsePattern(s)
		if err != nil {
			return o, fmt.Errorf("--hang: %w", err)
		}
		o.Hang = append(o.Hang, p)
	}
	for _, s := range durations {
		r, err := ParseDurationRule(s)
		if err != nil {
			return o, fmt.Errorf("--duration: %w", err)
		}
		o.Durations = append(o.Durations, r)
	}
	return o, nil
}

// LoadScenario reads a scenario file and loads its charts. defaultChart is
// used by install and upgrade steps that name no chart (the CHART argument);
// base holds the command line's settings, which the file's own keys
// override, and base.Outcomes is added to the file's injection.
func LoadScenario(path string, defaultChart string, base Scenario, defaultTimeout time.Duration) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &render.InputError{Chart: path, Err: err}
	}
	f, err := ParseScenarioFile(data)
	if err != nil {
		return nil, &render.InputError{Chart: path, Err: fmt.Errorf("scenario: %w", err)}
	}
	dir := filepath.Dir(path)
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	sc := base
	if f.Release != "" {
		sc.Release = f.Release
	}
	if f.Namespace != "" {
		sc.Namespace = f.Namespace
	}
	if f.KubeVersion != "" {
		sc.KubeVersion = f.KubeVersion
	}
	sc.APIVersions = append(append([]string(nil), base.APIVersions...), f.APIVersions...)
	if len(f.ClusterState) > 0 {
		var paths []string
		for _, p := range f.ClusterState {
			paths = append(paths, rel(p))
		}
		objs, err := LoadClusterState(paths)
		if err != nil {
			return nil, &render.InputError{Chart: path, Err: err}
		}
		sc.ClusterState = append(append([]StateObject(nil), base.ClusterState...), objs...)
	}
	inj, err := ParseInjection(f.Inject.Fail, f.Inject.Hang, f.Inject.Duration)
	if err != nil {
		return nil, &render.InputError{Chart: path, Err: err}
	}
	sc.Outcomes = base.Outcomes.merge(inj)
	if f.Timeout != nil {
		defaultTimeout = f.Timeout.d
	}
	chartDefault := rel(f.Chart)
	if chartDefault == "" {
		chartDefault = defaultChart
	}
	sc.Steps = nil
	for i, fs := range f.Steps {
		st := Step{
			Action: fs.Action, Install: fs.Install, Revision: fs.Revision, Timeout: defaultTimeout,
			Wait: fs.Wait, WaitForJobs: fs.WaitForJobs, Atomic: fs.Atomic, CleanupOnFail: fs.CleanupOnFail,
			NoHooks: fs.NoHooks, KeepHistory: fs.KeepHistory, Filter: fs.Filter,
			WaitStrategy: fs.WaitStrategy, ServerSide: fs.ServerSide,
		}
		if fs.Timeout != nil {
			st.Timeout = fs.Timeout.d
		}
		st.Outcomes, err = ParseInjection(fs.Inject.Fail, fs.Inject.Hang, fs.Inject.Duration)
		if err != nil {
			return nil, &render.InputError{Chart: path, Err: fmt.Errorf("step %d: %w", i+1, err)}
		}
		if st.Action == ActionInstall || st.Action == ActionUpgrade {
			chart := rel(fs.Chart)
			if chart == "" {
				chart = chartDefault
			}
			if chart == "" {
				return nil, &render.InputError{Chart: path, Err: fmt.Errorf("step %d: %s needs a chart (the step's chart, the file's chart or the CHART argument)", i+1, st.Action)}
			}
			vals := valueOptions(f.Values, rel)
			sv := valueOptions(fs.Values, rel)
			vals.ValueFiles = append(vals.ValueFiles, sv.ValueFiles...)
			vals.Values = append(vals.Values, sv.Values...)
			vals.StringValues = append(vals.StringValues, sv.StringValues...)
			vals.FileValues = append(vals.FileValues, sv.FileValues...)
			vals.JSONValues = append(vals.JSONValues, sv.JSONValues...)
			vals.LiteralValues = append(vals.LiteralValues, sv.LiteralValues...)
			ch, err := render.Load(chart, &render.Options{Values: vals, ReleaseName: sc.Release, Namespace: sc.Namespace, KubeVersion: sc.KubeVersion, NoSchemaRefs: true})
			if err != nil {
				return nil, err
			}
			st.Chart = ch
			st.Args = append([]string{chart}, ValueArgs(vals)...)
		}
		sc.Steps = append(sc.Steps, st)
	}
	return &sc, nil
}

func valueOptions(v FileValues, rel func(string) string) values.Options {
	o := values.Options{
		Values: v.Set, StringValues: v.SetString, JSONValues: v.SetJSON, LiteralValues: v.SetLiteral,
	}
	for _, f := range v.Values {
		o.ValueFiles = append(o.ValueFiles, rel(f))
	}
	for _, f := range v.SetFile {
		// key=path: the path is relative to the scenario file too.
		if k, p, ok := strings.Cut(f, "="); ok {
			o.FileValues = append(o.FileValues, k+"="+rel(p))
		} else {
			o.FileValues = append(o.FileValues, f)
		}
	}
	return o
}

// ValueArgs renders value options as helm flags, for command lines.
func ValueArgs(v values.Options) []string {
	var out []string
	add := func(flag string, vals []string) {
		for _, x := range vals {
			out = append(out, flag, x)
		}
	}
	add("-f", v.ValueFiles)
	add("--set", v.Values)
	add("--set-string", v.StringValues)
	add("--set-file", v.FileValues)
	add("--set-json", v.JSONValues)
	add("--set-literal", v.LiteralValues)
	return out
}

// testFilters parses helm test --filter values as cmd/helm/release_testing.go
// does: "name=X" selects, "!name=X" excludes, anything else is ignored.
func testFilters(filters []string) map[string][]string {
	notName := regexp.MustCompile(`^!\s?name=`)
	out := map[string][]string{}
	for _, f := range filters {
		for _, part := range strings.Split(f, ",") {
			if strings.HasPrefix(part, "name=") {
				out["name"] = append(out["name"], strings.TrimPrefix(part, "name="))
			} else if notName.MatchString(part) {
				out["!name"] = append(out["!name"], notName.ReplaceAllLiteralString(part, ""))
			}
		}
	}
	return out
}

// capabilities are Helm's default capabilities (helm template's) for the
// Kubernetes version, with the extra API versions: what an Argo CD render
// uses, and the version every engine parses. Helm's actions get theirs from
// the simulated cluster's discovery instead (discovery.go apiVersions).
func capabilities(kubeVersion string, apiVersions []string) (*chartutil.Capabilities, error) {
	v := kubeVersion
	if v == "" {
		v = render.DefaultKubeVersion()
	}
	kv, err := chartutil.ParseKubeVersion(v)
	if err != nil {
		return nil, fmt.Errorf("invalid kube version %q: %w", v, err)
	}
	caps := chartutil.DefaultCapabilities.Copy()
	caps.KubeVersion = *kv
	caps.APIVersions = append(caps.APIVersions, apiVersions...)
	return caps, nil
}
