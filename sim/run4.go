package sim

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"

	"helm.sh/helm/v3/pkg/chartutil"
	action4 "helm.sh/helm/v4/pkg/action"
	common4 "helm.sh/helm/v4/pkg/chart/common"
	chart4 "helm.sh/helm/v4/pkg/chart/v2"
	loader4 "helm.sh/helm/v4/pkg/chart/v2/loader"
	kube4pkg "helm.sh/helm/v4/pkg/kube"
	releasei "helm.sh/helm/v4/pkg/release"
	rcommon4 "helm.sh/helm/v4/pkg/release/common"
	storage4 "helm.sh/helm/v4/pkg/storage"
	driver4 "helm.sh/helm/v4/pkg/storage/driver"

	"k8s.io/client-go/discovery"

	"github.com/hooklint/hooklint/internal/render"
)

// helm4 drives helm.sh/helm/v4@v4.3.1 pkg/action against the fake cluster
// (kube4.go), with the flags the helm v4 CLI sets (pkg/cmd/*.go).
type helm4 struct {
	s    *simulation
	cfg  *action4.Configuration
	kube *kube4
}

func newHelm4(s *simulation) *helm4 {
	kc := kube4pkg.New(s.getter)
	kc.Namespace = s.sc.Namespace
	kc.SetLogger(slog.DiscardHandler)
	k := &kube4{s: s, kc: kc, flux: s.sc.Engine == EngineFlux}
	cfg := action4.NewConfiguration(action4.ConfigurationSetLogger(slog.DiscardHandler))
	cfg.Releases = storage4.Init(newRecordingDriver4(s, s.sc.Namespace))
	cfg.Releases.SetLogger(slog.DiscardHandler)
	cfg.KubeClient = k
	cfg.RESTClientGetter = s.getter // lookup (action.go renderResources)
	// Random and clock functions seeded per chart: the same timeline on
	// every run (render.DeterministicFuncs; Helm 4's engine takes them as
	// CustomTemplateFuncs; Helm 3's: sprig3.go).
	cfg.CustomTemplateFuncs = render.DeterministicFuncs(seedChart(s.sc))
	maps.Copy(cfg.CustomTemplateFuncs, render.FastFuncs())
	if s.sc.RealGeneration {
		// sprig's own, set over Helm's FuncMap as they are in it: a
		// concurrent Helm 3 simulation's functions cannot answer.
		cfg.CustomTemplateFuncs = render.SprigFuncs()
	}
	cfg.HookOutputFunc = func(string, string, string) io.Writer { return io.Discard }
	return &helm4{s: s, cfg: cfg, kube: k}
}

// setCapabilities mirrors capabilities with v4's types.
func (h *helm4) setCapabilities(kubeVersion string, apiVersions []string, crds []crdKind) error {
	v := kubeVersion
	if v == "" {
		v = render.DefaultKubeVersion()
	}
	kv, err := common4.ParseKubeVersion(v)
	if err != nil {
		return fmt.Errorf("invalid kube version %q: %w", v, err)
	}
	caps := common4.DefaultCapabilities.Copy()
	caps.KubeVersion = *kv
	versions, err := h.s.apiVersions(func(dc discovery.ServerResourcesInterface) ([]string, error) {
		return action4.GetVersionSet(dc)
	}, apiVersions, crds)
	if err != nil {
		return err
	}
	caps.APIVersions = versions
	h.cfg.Capabilities = caps
	return nil
}

// upgradeRecords mirrors Helm 4's prepareUpgrade (helm.sh/helm/v4@v4.3.1
// pkg/action/upgrade.go), as Helm 3's does with v4's records.
func (h *helm4) upgradeRecords(name string) (int, string, map[string]any, error) {
	lasti, err := h.cfg.Releases.Last(name)
	if err != nil {
		return 0, "", nil, err
	}
	last, err := asV1(lasti)
	if err != nil {
		return 0, "", nil, err
	}
	current := last
	if last.Info.Status != rcommon4.StatusDeployed {
		curi, err := h.cfg.Releases.Deployed(name)
		if err != nil {
			if !errors.Is(err, driver4.ErrNoDeployedReleases) ||
				(last.Info.Status != rcommon4.StatusFailed && last.Info.Status != rcommon4.StatusSuperseded) {
				return 0, "", nil, err
			}
		} else if current, err = asV1(curi); err != nil {
			return 0, "", nil, err
		}
	}
	return last.Version, current.Namespace, current.Config, nil
}

// renderCapabilities converts the capabilities setCapabilities set to
// Helm 3's type, for the bounded engine copy's probe.
func (h *helm4) renderCapabilities() (*chartutil.Capabilities, error) {
	c4 := h.cfg.Capabilities
	if c4 == nil {
		return nil, errors.New("hooklint simulator: no capabilities before a render")
	}
	caps := chartutil.DefaultCapabilities.Copy()
	caps.KubeVersion = chartutil.KubeVersion{Version: c4.KubeVersion.Version, Major: c4.KubeVersion.Major, Minor: c4.KubeVersion.Minor}
	caps.APIVersions = chartutil.VersionSet(c4.APIVersions)
	caps.HelmVersion.Version = c4.HelmVersion.Version
	caps.HelmVersion.GitCommit = c4.HelmVersion.GitCommit
	caps.HelmVersion.GitTreeState = c4.HelmVersion.GitTreeState
	caps.HelmVersion.GoVersion = c4.HelmVersion.GoVersion
	return caps, nil
}

func (h *helm4) installs(name string) bool {
	hist := action4.NewHistory(h.cfg)
	hist.Max = 1
	versions, err := hist.Run(name)
	if errors.Is(err, driver4.ErrReleaseNotFound) {
		return true
	}
	return h.uninstalled(versions)
}

func (h *helm4) uninstalled(versions []releasei.Releaser) bool {
	if len(versions) == 0 {
		return false
	}
	rel, err := asV1(versions[len(versions)-1])
	return err == nil && rel.Info != nil && rel.Info.Status == rcommon4.StatusUninstalled
}

func (h *helm4) last(name string) (lastRelease, bool) {
	r, err := h.cfg.Releases.Last(name)
	if err != nil {
		return lastRelease{}, false
	}
	rel, err := asV1(r)
	if err != nil || rel.Info == nil {
		return lastRelease{}, false
	}
	return lastRelease{name: rel.Name, version: rel.Version, status: rel.Info.Status.String(),
		hooks: func() []*hookInfo { return h.s.learn4(rel) }}, true
}

// chart loads the step's chart with v4's loader (chart API v2), afresh for
// each step: Helm edits a chart while it processes its dependencies.
func (h *helm4) chart(st Step) (*chart4.Chart, error) {
	ch, err := loader4.Load(st.Chart.Arg)
	if err != nil {
		return nil, &render.InputError{Chart: st.Chart.Arg, Err: err}
	}
	return ch, nil
}

// waitStrategy is --wait: the strategy given, watcher for --wait alone,
// hookOnly when omitted (pkg/cmd/flags.go AddWaitFlag).
func waitStrategy(st Step) kube4pkg.WaitStrategy {
	switch {
	case st.WaitStrategy != "":
		return kube4pkg.WaitStrategy(st.WaitStrategy)
	case st.Wait:
		return kube4pkg.StatusWatcherStrategy
	}
	return kube4pkg.HookOnlyStrategy
}

// runAction runs Helm 4's action for the step with the flags the helm v4
// CLI sets (pkg/cmd/{install,upgrade,rollback,uninstall,release_testing}.go)
// and returns the error as the CLI prints it (after "Error: ").
func (h *helm4) runAction(a Action, st Step, sr *StepResult) error {
	name := h.s.sc.Release
	ns := h.s.sc.Namespace
	switch a {
	case ActionInstall:
		ch, err := h.chart(st)
		if err != nil {
			return err
		}
		inst := action4.NewInstall(h.cfg)
		inst.ReleaseName, inst.Namespace = name, ns
		inst.Timeout, inst.WaitStrategy, inst.WaitForJobs, inst.RollbackOnFailure = st.Timeout, waitStrategy(st), st.WaitForJobs, st.Atomic
		inst.DisableHooks = st.NoHooks
		inst.ServerSideApply = st.ServerSide != "false"
		if st.Install {
			// upgrade --install of an uninstalled release replaces it.
			hist := action4.NewHistory(h.cfg)
			hist.Max = 1
			if versions, err := hist.Run(name); err == nil && h.uninstalled(versions) {
				inst.Replace = true
			}
		}
		vals := copyValues(st.Chart.Values)
		h.s.pending = &pendingRender{action: ActionInstall, name: name, vals: vals, orig: st.Chart}
		defer h.s.endRender()
		_, err = inst.Run(ch, vals)
		if err != nil && !st.Install {
			return fmt.Errorf("INSTALLATION FAILED: %w", err)
		}
		return err
	case ActionUpgrade:
		ch, err := h.chart(st)
		if err != nil {
			return err
		}
		up := action4.NewUpgrade(h.cfg)
		up.Namespace = ns
		up.Timeout, up.WaitStrategy, up.WaitForJobs, up.RollbackOnFailure = st.Timeout, waitStrategy(st), st.WaitForJobs, st.Atomic
		up.CleanupOnFail, up.DisableHooks = st.CleanupOnFail, st.NoHooks
		up.MaxHistory = 10 // helm's --history-max default
		if st.ServerSide != "" {
			up.ServerSideApply = st.ServerSide
		}
		vals := copyValues(st.Chart.Values)
		h.s.pending = &pendingRender{action: ActionUpgrade, name: name, vals: vals, orig: st.Chart}
		defer h.s.endRender()
		if _, err := up.Run(name, ch, vals); err != nil {
			return fmt.Errorf("UPGRADE FAILED: %w", err)
		}
		return nil
	case ActionRollback:
		rb := action4.NewRollback(h.cfg)
		rb.Version = st.Revision
		rb.Timeout, rb.WaitStrategy, rb.WaitForJobs = st.Timeout, waitStrategy(st), st.WaitForJobs
		rb.CleanupOnFail, rb.DisableHooks = st.CleanupOnFail, st.NoHooks
		rb.MaxHistory = 10
		if st.ServerSide != "" {
			rb.ServerSideApply = st.ServerSide
		}
		return rb.Run(name)
	case ActionUninstall:
		un := action4.NewUninstall(h.cfg)
		un.Timeout, un.WaitStrategy, un.KeepHistory, un.DisableHooks = st.Timeout, waitStrategy(st), st.KeepHistory, st.NoHooks
		un.DeletionPropagation = "background"
		res, err := un.Run(name)
		if res != nil && res.Info != "" {
			sr.Info = res.Info
			h.s.noteKept(res.Info)
		}
		return err
	case ActionTest:
		// pkg/cmd/release_testing.go: the deferred shutdown (the delete
		// policies) runs after the command, whatever Run returned.
		rt := action4.NewReleaseTesting(h.cfg)
		rt.Namespace, rt.Timeout = ns, st.Timeout
		rt.Filters = testFilters(st.Filter)
		rel, shutdown, runErr := rt.Run(name)
		var shutdownErr error
		if shutdown != nil {
			shutdownErr = shutdown()
		}
		if runErr != nil && rel == nil {
			return runErr
		}
		if runErr == nil {
			return shutdownErr
		}
		return runErr
	}
	return fmt.Errorf("unknown action %q", a)
}
