package sim

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/kube"
	"helm.sh/helm/v3/pkg/release"
	"helm.sh/helm/v3/pkg/storage"
	"helm.sh/helm/v3/pkg/storage/driver"
	"k8s.io/cli-runtime/pkg/resource"
	"k8s.io/client-go/discovery"
	"sigs.k8s.io/yaml"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/render"
)

// simulation is the state of one Run: the virtual clock, the fake cluster,
// Helm's action configuration over it, and the timeline.
type simulation struct {
	sc      *Scenario
	clock   Clock
	cluster *Cluster
	kc      *kube.Client
	getter  *clientGetter // the simulated API server as Helm's clients reach it
	// versionSet is the last version set discovery gave, for the CRDs
	// (key) the cluster held then (discovery.go apiVersions).
	versionSet struct {
		key string
		vs  []string
	}
	cfg      *action.Configuration
	drv      helmDriver // the Helm version's actions (helm3, or helm4 in run4.go)
	explain  *explainer
	crdFiles map[string]bool

	builds buildCache // Helm's Build of each manifest text, parsed once

	// the action about to render, the chart trees handed to Helm 3 and a
	// tpl recursion a render found (rendergate.go)
	pending    *pendingRender
	helmCharts map[*render.Chart]*chart.Chart
	inputErr   error

	mu       sync.Mutex
	tags     map[*resource.Info]tag
	events   []Event
	step     int
	action   Action
	outcomes Outcomes
}

// tag says what a built resource is: a hook (and which), a CRD from crds/,
// or a release resource.
type tag struct {
	origin Origin
	hook   *hookInfo
}

// Run simulates the scenario: every step is Helm's own action against the
// fake cluster. A helm command that fails is part of the result (its step's
// Err), not an error; Run returns an error only for input it cannot simulate.
func Run(sc *Scenario) (*Result, error) {
	if sc.Helm == 0 {
		sc.Helm = HelmV3
	}
	if sc.Engine == "" {
		sc.Engine = EngineHelm
	}
	switch {
	case sc.Engine == EngineArgoCD:
		return runArgoCD(sc)
	case sc.Engine == EngineFlux:
		sc.Helm = HelmV4
	case sc.Helm != HelmV3 && sc.Helm != HelmV4:
		return nil, fmt.Errorf("helm %s: only Helm 3 and Helm 4 can be simulated", sc.Helm)
	}
	if sc.Helm == HelmV3 {
		return withHelm3Funcs(seedChart(sc), sc.RealGeneration, func() (*Result, error) { return simulate(sc) })
	}
	return simulate(sc)
}

// seedChart is the chart the simulation's random and clock functions are
// seeded by: the first step's that has one.
func seedChart(sc *Scenario) *render.Chart {
	for _, st := range sc.Steps {
		if st.Chart != nil {
			return st.Chart
		}
	}
	return nil
}

// simulate is Run for Helm 3 and Helm 4 (and Flux, which runs Helm 4).
func simulate(sc *Scenario) (*Result, error) {
	if sc.Release == "" {
		sc.Release = DefaultReleaseName
	}
	if sc.Namespace == "" {
		sc.Namespace = "default"
	}
	if err := chartutil.ValidateReleaseName(sc.Release); err != nil {
		return nil, fmt.Errorf("release name %q: %w", sc.Release, err)
	}
	if len(sc.Steps) == 0 {
		return nil, errors.New("nothing to simulate: no steps")
	}
	caps0, err := capabilities(sc.KubeVersion, nil)
	if err != nil {
		return nil, err
	}
	minor, err := strconv.Atoi(strings.TrimRight(caps0.KubeVersion.Minor, "+"))
	if err != nil {
		return nil, fmt.Errorf("kube version %s: %w", caps0.KubeVersion.Version, err)
	}
	s := &simulation{sc: sc, explain: newExplainer(), crdFiles: map[string]bool{}, tags: map[*resource.Info]tag{}}
	s.cluster = NewCluster(&s.clock, sc.Namespace)
	s.getter = newClientGetter(s.cluster, sc.Namespace, kubeVersion{git: caps0.KubeVersion.Version,
		major: caps0.KubeVersion.Major, minorText: caps0.KubeVersion.Minor, minor: minor})
	if err := s.cluster.loadState(sc.ClusterState, s.getter.mapper.static, sc.Namespace); err != nil {
		return nil, err
	}
	if sc.Helm == HelmV4 {
		s.drv = newHelm4(s)
		s.getter.renderFunc = renderResources4
	} else {
		s.kc = newKubeClient(s.getter)
		s.cfg = &action.Configuration{
			Releases:   storage.Init(newRecordingDriver(s, sc.Namespace)),
			KubeClient: &kube3{s: s},
			// The engine's lookup reads the fake cluster through it
			// (action.go renderResources: engine.New(restConfig)).
			RESTClientGetter: s.getter,
			Log:              func(string, ...any) {},
		}
		s.drv = helm3{s}
		s.getter.renderFunc = renderResources3
	}
	if !gateOff.Load() {
		s.getter.beforeRender = s.gate
	}
	res := &Result{Helm: sc.Helm, Engine: sc.Engine, Release: sc.Release, Namespace: sc.Namespace}
	for i, st := range sc.Steps {
		if (st.Action == ActionInstall || st.Action == ActionUpgrade) && st.Chart == nil {
			return nil, fmt.Errorf("step %d: %s needs a chart", i+1, st.Action)
		}
		if st.Chart != nil {
			// Helm's actions render the chart themselves, with Helm's
			// unbounded tpl: the render gate (rendergate.go) renders or
			// probes each render where it happens.
			if res.Chart == "" {
				res.Chart = st.Chart.Arg
			}
			for _, crd := range st.Chart.Chart.CRDObjects() {
				s.crdFiles[string(crd.File.Data)] = true
			}
		}
	}
	if sc.Engine == EngineFlux {
		res, err := runFlux(s, res, caps0.KubeVersion.Version)
		if ierr := s.inputError(); ierr != nil {
			return nil, ierr
		}
		if err == nil {
			finish(res, sc, s.definedObjects())
		}
		return res, err
	}
	for i, st := range sc.Steps {
		sr, err := s.runStep(i+1, st)
		if err != nil {
			return nil, err
		}
		if err := s.inputError(); err != nil {
			return nil, err
		}
		res.Steps = append(res.Steps, sr)
	}
	res.KubeVersion = caps0.KubeVersion.Version
	res.Events = s.events
	res.Calls = s.cluster.Calls()
	res.Leftovers = s.leftovers()
	finish(res, sc, s.definedObjects())
	return res, nil
}

// inputError is the tpl recursion a render of Helm's actions found
// (rendergate.go): the chart cannot be simulated.
func (s *simulation) inputError() error {
	if s.inputErr == nil {
		return nil
	}
	var ie *render.InputError
	if errors.As(s.inputErr, &ie) {
		return fmt.Errorf("%s: %w", ie.File, ie.Err)
	}
	return s.inputErr
}

// stepEvents are the hook events a step can run, in order, including the
// rollback or uninstall --atomic starts after a failure.
func stepEvents(a Action, atomic bool) []release.HookEvent {
	var evs []release.HookEvent
	switch a {
	case ActionInstall:
		evs = []release.HookEvent{release.HookPreInstall, release.HookPostInstall}
		if atomic {
			evs = append(evs, release.HookPreDelete, release.HookPostDelete)
		}
	case ActionUpgrade:
		evs = []release.HookEvent{release.HookPreUpgrade, release.HookPostUpgrade}
		if atomic {
			evs = append(evs, release.HookPreRollback, release.HookPostRollback)
		}
	case ActionRollback:
		evs = []release.HookEvent{release.HookPreRollback, release.HookPostRollback}
	case ActionUninstall:
		evs = []release.HookEvent{release.HookPreDelete, release.HookPostDelete}
	case ActionTest:
		evs = []release.HookEvent{release.HookTest}
	}
	return evs
}

func (s *simulation) runStep(idx int, st Step) (sr StepResult, err error) {
	s.mu.Lock()
	s.step, s.action = idx, st.Action
	s.outcomes = s.sc.Outcomes.merge(st.Outcomes)
	s.mu.Unlock()
	s.cluster.SetStep(idx)
	sr = StepResult{Index: idx, Action: st.Action, Command: st.commandFor(s.sc.Helm, s.sc.Release, s.sc.Namespace), Start: s.clock.Now()}

	crds := s.cluster.crdKinds()
	if st.Chart != nil && (st.Action == ActionInstall || st.Install) {
		for _, f := range st.Chart.Chart.CRDObjects() {
			crds = append(crds, crdKindsOfManifest(f.File.Data)...)
		}
	}
	if err := s.drv.setCapabilities(s.sc.KubeVersion, s.sc.APIVersions, crds); err != nil {
		return sr, err
	}

	act := st.Action
	if st.Action == ActionUpgrade && st.Install && s.drv.installs(s.sc.Release) {
		// cmd/helm/upgrade.go: upgrade --install installs when the release
		// does not exist or its last revision is uninstalled.
		act = ActionInstall
	}
	s.explain.startStep(stepEvents(act, st.Atomic))
	if last, ok := s.drv.last(s.sc.Release); ok && act != ActionInstall && act != ActionUpgrade {
		hooks := last.hooks()
		if act == ActionTest {
			hooks = filterTestHooks(hooks, testFilters(st.Filter))
		}
		s.explain.setRelease(hooks)
	}

	helmErr := s.safeRun(idx, func() error { return s.drv.runAction(act, st, &sr) })
	if helmErr != nil {
		sr.Err = helmErr.Error()
	}
	if last, ok := s.drv.last(s.sc.Release); ok {
		sr.Release, sr.Revision, sr.Status = last.name, last.version, last.status
	}
	sr.End = s.clock.Now()
	return sr, nil
}

// helmDriver is what differs between Helm versions in a step: the types of
// Helm's actions, release records and capabilities.
type helmDriver interface {
	// setCapabilities sets the .Capabilities the next action renders with.
	setCapabilities(kubeVersion string, apiVersions []string, crds []crdKind) error
	// installs reports whether upgrade --install installs: the release
	// does not exist or its last revision is uninstalled.
	installs(name string) bool
	// last is the last revision of the release.
	last(name string) (lastRelease, bool)
	// runAction runs the step's helm command.
	runAction(a Action, st Step, sr *StepResult) error
	// upgradeRecords is what an upgrade's render reads of the release
	// records: the last revision, and the namespace and values of the
	// release the upgrade starts from (the version's prepareUpgrade).
	upgradeRecords(name string) (lastVersion int, namespace string, config map[string]any, err error)
	// renderCapabilities is .Capabilities of the next render, as Helm 3's
	// type.
	renderCapabilities() (*chartutil.Capabilities, error)
}

// lastRelease is a release record in version-neutral terms.
type lastRelease struct {
	name    string
	version int
	status  string
	hooks   func() []*hookInfo // learns the record's hooks (explainer)
}

// helm3 drives helm.sh/helm/v3@v3.22.0 pkg/action.
type helm3 struct{ s *simulation }

func (h helm3) setCapabilities(kubeVersion string, apiVersions []string, crds []crdKind) error {
	caps, err := capabilities(kubeVersion, nil)
	if err != nil {
		return err
	}
	versions, err := h.s.apiVersions(func(dc discovery.ServerResourcesInterface) ([]string, error) {
		return action.GetVersionSet(dc)
	}, apiVersions, crds)
	if err != nil {
		return err
	}
	caps.APIVersions = versions
	h.s.cfg.Capabilities = caps
	return nil
}

func (h helm3) installs(name string) bool {
	hist := action.NewHistory(h.s.cfg)
	hist.Max = 1
	versions, herr := hist.Run(name)
	return errors.Is(herr, driver.ErrReleaseNotFound) || isUninstalled(versions)
}

func (h helm3) last(name string) (lastRelease, bool) {
	rel, err := h.s.cfg.Releases.Last(name)
	if err != nil || rel.Info == nil {
		return lastRelease{}, false
	}
	return lastRelease{name: rel.Name, version: rel.Version, status: rel.Info.Status.String(),
		hooks: func() []*hookInfo { return h.s.explain.learn(rel) }}, true
}

func (h helm3) runAction(a Action, st Step, sr *StepResult) error { return h.s.runAction(a, st, sr) }

// safeRun turns a panic inside Helm into a failed step instead of a crash.
func (s *simulation) safeRun(idx int, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("hooklint: helm panicked in step %d: %v", idx, r)
		}
	}()
	return f()
}

func isUninstalled(versions []*release.Release) bool {
	return len(versions) > 0 && versions[len(versions)-1].Info.Status == release.StatusUninstalled
}

func filterTestHooks(hooks []*hookInfo, filters map[string][]string) []*hookInfo {
	var out []*hookInfo
	for _, h := range hooks {
		if contains(filters["!name"], h.Name) {
			continue
		}
		if len(filters["name"]) > 0 && !contains(filters["name"], h.Name) {
			continue
		}
		out = append(out, h)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// runAction runs Helm's action for the step with the flags the helm CLI
// sets (cmd/helm/{install,upgrade,rollback,uninstall,release_testing}.go) and
// returns the error as the CLI prints it (after "Error: ").
func (s *simulation) runAction(a Action, st Step, sr *StepResult) error {
	name := s.sc.Release
	switch a {
	case ActionInstall:
		inst := action.NewInstall(s.cfg)
		inst.ReleaseName, inst.Namespace = name, s.sc.Namespace
		inst.Timeout, inst.Wait, inst.WaitForJobs, inst.Atomic = st.Timeout, st.Wait, st.WaitForJobs, st.Atomic
		inst.DisableHooks = st.NoHooks
		if st.Install {
			// upgrade --install of an uninstalled release replaces it.
			hist := action.NewHistory(s.cfg)
			hist.Max = 1
			if versions, err := hist.Run(name); err == nil && isUninstalled(versions) {
				inst.Replace = true
			}
		}
		vals := copyValues(st.Chart.Values)
		ch := s.helmChart(st.Chart)
		s.pending = &pendingRender{action: ActionInstall, name: name, chart: ch, vals: vals, orig: st.Chart}
		defer s.endRender()
		_, err := inst.Run(ch, vals)
		if err != nil && !st.Install {
			return fmt.Errorf("INSTALLATION FAILED: %w", err)
		}
		return err
	case ActionUpgrade:
		up := action.NewUpgrade(s.cfg)
		up.Namespace = s.sc.Namespace
		up.Timeout, up.Wait, up.WaitForJobs, up.Atomic = st.Timeout, st.Wait, st.WaitForJobs, st.Atomic
		up.CleanupOnFail, up.DisableHooks = st.CleanupOnFail, st.NoHooks
		up.MaxHistory = 10 // helm's --history-max default
		vals := copyValues(st.Chart.Values)
		ch := s.helmChart(st.Chart)
		s.pending = &pendingRender{action: ActionUpgrade, name: name, chart: ch, vals: vals, orig: st.Chart}
		defer s.endRender()
		if _, err := up.Run(name, ch, vals); err != nil {
			return fmt.Errorf("UPGRADE FAILED: %w", err)
		}
		return nil
	case ActionRollback:
		rb := action.NewRollback(s.cfg)
		rb.Version = st.Revision
		rb.Timeout, rb.Wait, rb.WaitForJobs = st.Timeout, st.Wait, st.WaitForJobs
		rb.CleanupOnFail, rb.DisableHooks = st.CleanupOnFail, st.NoHooks
		rb.MaxHistory = 10
		return rb.Run(name)
	case ActionUninstall:
		un := action.NewUninstall(s.cfg)
		un.Timeout, un.Wait, un.KeepHistory, un.DisableHooks = st.Timeout, st.Wait, st.KeepHistory, st.NoHooks
		un.DeletionPropagation = "background"
		res, err := un.Run(name)
		if res != nil && res.Info != "" {
			sr.Info = res.Info
			s.noteKept(res.Info)
		}
		return err
	case ActionTest:
		rt := action.NewReleaseTesting(s.cfg)
		rt.Namespace, rt.Timeout = s.sc.Namespace, st.Timeout
		rt.Filters = testFilters(st.Filter)
		_, err := rt.Run(name)
		return err
	}
	return fmt.Errorf("unknown action %q", a)
}

// copyValues gives each action its own copy: Helm may coalesce into them.
func copyValues(v map[string]any) map[string]any {
	if v == nil {
		return map[string]any{}
	}
	return chartutil.Values(v).AsMap()
}

// noteKept adds the resources uninstall kept (its "These resources were kept
// due to the resource policy" list) to the timeline.
func (s *simulation) noteKept(info string) {
	for _, line := range strings.Split(info, "\n") {
		if !strings.HasPrefix(line, "[") {
			continue
		}
		kind, name, ok := strings.Cut(strings.TrimPrefix(line, "["), "] ")
		if !ok {
			continue
		}
		s.emit(Event{Type: EventKept, Object: Key{Kind: kind, Namespace: s.sc.Namespace, Name: name},
			Reason: "helm.sh/resource-policy: keep: uninstall does not delete it"})
	}
}

func (s *simulation) emit(ev Event) {
	s.emitAt(ev, s.clock.Now())
}

func (s *simulation) emitAt(ev Event, at time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ev.At, ev.Step = at, s.step
	s.events = append(s.events, ev)
}

func (s *simulation) tag(infos []*resource.Info, manifest string) {
	t := tag{origin: OriginRelease}
	if h := s.explain.hookByManifest(manifest); h != nil {
		t = tag{origin: OriginHook, hook: h}
	} else if s.crdFiles[manifest] {
		t.origin = OriginCRD
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, i := range infos {
		s.tags[i] = t
	}
}

func (s *simulation) tagOf(info *resource.Info) tag {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tags[info]
}

// resourceContext explains a call on a release resource or CRD.
func (s *simulation) resourceContext(t EventType, o *Object) eventContext {
	s.mu.Lock()
	a := s.action
	s.mu.Unlock()
	if o.Origin == OriginCRD {
		return eventContext{reason: "crds/: installed before the templates render; an existing CRD is left alone (install only)"}
	}
	switch t {
	case EventCreate:
		if a == ActionInstall {
			return eventContext{reason: "release resource (InstallOrder)"}
		}
		return eventContext{reason: "release resource not in the cluster: created by the update"}
	case EventUpdate:
		if a == ActionRollback {
			return eventContext{reason: "differs from the revision rolled back to: patched"}
		}
		return eventContext{reason: "changed since the previous revision: patched"}
	case EventDelete:
		switch a {
		case ActionUninstall:
			return eventContext{reason: "uninstall (UninstallOrder)"}
		case ActionInstall:
			return eventContext{reason: "--atomic: the failed install is uninstalled"}
		default:
			return eventContext{reason: "--cleanup-on-fail: deletes what the failed command created"}
		}
	}
	return eventContext{}
}

// leftovers lists what the scenario left in the cluster, and why.
func (s *simulation) leftovers() []Leftover {
	live := map[string]string{}
	if last, ok := s.drv.last(s.sc.Release); ok {
		live[s.sc.Release] = last.status
	}
	var out []Leftover
	for _, o := range s.cluster.Objects() {
		if o.Origin == OriginCluster {
			continue
		}
		l := Leftover{Object: o.Key, Origin: o.Origin, HookPath: o.HookPath}
		if o.Exec != nil && (o.Kind == "Job" || o.Kind == "Pod") {
			l.Phase = o.Exec.Phase(s.clock.Now())
		}
		switch o.Origin {
		case OriginHook:
			l.Reason = hookLeftoverReason(o, l.Phase)
		case OriginCRD:
			l.Reason = "CRDs from crds/ are never deleted by Helm"
		default:
			ann := stringMap(nestedValue(o.Content, "metadata", "annotations"))
			switch st, ok := live[s.sc.Release]; {
			case ok && st != release.StatusUninstalled.String():
				l.Reason = fmt.Sprintf("resource of release %s (%s)", s.sc.Release, st)
			case strings.ToLower(strings.TrimSpace(ann[kube.ResourcePolicyAnno])) == kube.KeepPolicy:
				l.Reason = "kept by helm.sh/resource-policy: keep"
			default:
				l.Reason = "no release manages it any more"
			}
		}
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Origin != out[j].Origin {
			return out[i].Origin > out[j].Origin
		}
		return lessKey(out[i].Object, out[j].Object)
	})
	return out
}

func hookLeftoverReason(o *Object, p Phase) string {
	var b strings.Builder
	b.WriteString("hook never deleted: delete policies [")
	b.WriteString(strings.Join(o.HookPolicies, ","))
	b.WriteString("]")
	switch {
	case o.Kind == "CustomResourceDefinition":
		b.WriteString("; Helm never deletes CRD hooks")
	case p == PhaseFailed && !contains(o.HookPolicies, string(release.HookFailed)):
		b.WriteString("; it failed and has no hook-failed")
	case p == PhaseSucceeded || p == PhaseNone:
		if !contains(o.HookPolicies, string(release.HookSucceeded)) {
			b.WriteString("; no hook-succeeded")
		}
	case p == PhaseRunning || p == PhasePending:
		b.WriteString("; still ")
		b.WriteString(strings.ToLower(p.String()))
	}
	if contains(o.HookPolicies, string(release.HookBeforeHookCreation)) {
		b.WriteString("; before-hook-creation deletes it only when a hook of that name runs again")
	}
	return b.String()
}

// crdKindsOfManifest reads the kinds of a CRD file from crds/.
func crdKindsOfManifest(data []byte) []crdKind {
	var out []crdKind
	for _, doc := range hook.SplitTexts(string(data)) {
		var m map[string]any
		if err := yaml.Unmarshal([]byte(doc), &m); err != nil {
			continue
		}
		if k, _ := m["kind"].(string); k == "CustomResourceDefinition" {
			out = append(out, crdKindsOf(m)...)
		}
	}
	return out
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// finish adds what is known once the scenario has run: the external
// dependencies, and the redaction of the cluster state's Secret values.
func finish(res *Result, sc *Scenario, defined map[string]bool) {
	res.External = externalDependencies(res, defined)
	redact(res, secretValues(sc.ClusterState))
}
