package sim

import (
	"errors"

	"helm.sh/helm/v3/pkg/chartutil"
	helmengine "helm.sh/helm/v3/pkg/engine"
	rcommon4 "helm.sh/helm/v4/pkg/release/common"
	driver4 "helm.sh/helm/v4/pkg/storage/driver"

	"github.com/hooklint/hooklint/internal/render"
)

// Helm 4's engine has the same unbounded tpl as Helm 3's
// (helm.sh/helm/v4@v4.3.1 pkg/engine/engine.go tplFun), and its nested
// tpl calls put Helm's own tpl back in place of any CustomTemplateFuncs.
// hooklint has no copy of Helm 4's engine to render for it, so gate4
// probes: where renderResources asks for the REST config, right before it
// renders, hooklint's bounded copy of Helm 3's engine renders the step's
// chart with the inputs Helm 4's render has (the release options, the
// simulation's capabilities, lookup over the same REST config); a tpl
// recursion is the simulation's input error and Helm never renders. The
// probe's random and clock functions are its own (a copy of the
// simulation's stream would change what Helm's render draws).

// renderResources4 is the function whose ToRESTConfig call opens gate4.
const renderResources4 = "helm.sh/helm/v4/pkg/action.(*Configuration).renderResources"

// gate4 probes Helm 4's render (see above).
func (h *helm4) gate4() error {
	s := h.s
	r := s.render3
	if r == nil {
		return errors.New("hooklint simulator: Helm rendered outside install and upgrade")
	}
	top, err := h.renderValues4(r)
	if err != nil {
		return err
	}
	funcs := render.DeterministicFuncs(r.orig)
	if s.sc.RealGeneration {
		funcs = render.SprigFuncs()
	}
	funcs["lookup"] = helmengine.NewLookupFunction(s.getter.restConfig())
	if _, err := r.orig.RenderWithFuncs(r.orig.Chart, top, funcs); err != nil {
		var ie *render.InputError
		if errors.As(err, &ie) {
			s.inputErr = ie
			return err
		}
		// Helm's render stops at the same template: it reports its own error
	}
	if f := gate3Rendered.Load(); f != nil {
		(*f)(r.orig.Chart.Name())
	}
	return nil
}

// renderValues4 is renderValues3 with Helm 4's records and capabilities
// (helm.sh/helm/v4@v4.3.1 pkg/action/install.go RunWithContext,
// upgrade.go prepareUpgrade and reuseValues), as Helm 3's types.
func (h *helm4) renderValues4(r *render3) (chartutil.Values, error) {
	vals := r.vals
	opts := chartutil.ReleaseOptions{Name: r.name, Namespace: h.s.sc.Namespace, Revision: 1, IsInstall: true}
	if r.action == ActionUpgrade {
		lasti, err := h.cfg.Releases.Last(r.name)
		if err != nil {
			return nil, err
		}
		last, err := asV1(lasti)
		if err != nil {
			return nil, err
		}
		current := last
		if last.Info.Status != rcommon4.StatusDeployed {
			curi, err := h.cfg.Releases.Deployed(r.name)
			if err != nil {
				if !errors.Is(err, driver4.ErrNoDeployedReleases) ||
					(last.Info.Status != rcommon4.StatusFailed && last.Info.Status != rcommon4.StatusSuperseded) {
					return nil, err
				}
			} else if current, err = asV1(curi); err != nil {
				return nil, err
			}
		}
		if len(vals) == 0 && len(current.Config) > 0 {
			vals = current.Config
		}
		opts = chartutil.ReleaseOptions{Name: r.name, Namespace: current.Namespace, Revision: last.Version + 1, IsUpgrade: true}
	}
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
	return chartutil.ToRenderValues(r.orig.Chart, vals, opts, caps)
}
