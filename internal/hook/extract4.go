package hook

import (
	"helm.sh/helm/v3/pkg/release"
	"helm.sh/helm/v3/pkg/releaseutil"
	helmtime "helm.sh/helm/v3/pkg/time"
	release4 "helm.sh/helm/v4/pkg/release/v1"
	releaseutil4 "helm.sh/helm/v4/pkg/release/v1/util"

	"github.com/hooklint/hooklint/internal/render"
)

// sortManifests is the SortManifests of the Helm that rendered r (splitFor
// is the splitter that finds the same documents): Helm 4's for a Helm 4 render
// (helm.sh/helm/v4 pkg/release/v1/util SortManifests, which
// pkg/action/action.go renderResources calls), else Helm 3's.
func sortManifests(r *render.Rendered) ([]*release.Hook, error) {
	if r.Helm != render.HelmV4 {
		hooks, _, err := releaseutil.SortManifests(r.Files, nil, releaseutil.InstallOrder)
		return hooks, err
	}
	// Unknown events are logged with slog.Info ("skipping unknown hooks");
	// the CLI discards the standard logger, which slog's default handler
	// writes to, and reports them as findings.
	hooks4, _, err := releaseutil4.SortManifests(r.Files, nil, releaseutil4.InstallOrder)
	return hooksV3(hooks4), err
}

// splitFor is how the Helm version of r splits a rendered file into
// documents.
func splitFor(r *render.Rendered) func(string) []doc {
	if r.Helm != render.HelmV4 {
		return splitDocs
	}
	return splitDocs4
}

// hooksV3 converts Helm 4's hook records (helm.sh/helm/v4 pkg/release/v1
// Hook, as manifestFile.sort in pkg/release/v1/util/manifest_sorter.go
// builds them) to Helm 3's release.Hook, which has the same fields.
func hooksV3(hs []*release4.Hook) []*release.Hook {
	out := make([]*release.Hook, len(hs))
	for i, h := range hs {
		v3 := &release.Hook{
			Name: h.Name, Kind: h.Kind, Path: h.Path, Manifest: h.Manifest, Weight: h.Weight,
			Events:            make([]release.HookEvent, len(h.Events)),
			DeletePolicies:    make([]release.HookDeletePolicy, len(h.DeletePolicies)),
			OutputLogPolicies: make([]release.HookOutputLogPolicy, len(h.OutputLogPolicies)),
			LastRun: release.HookExecution{
				StartedAt:   helmtime.Time{Time: h.LastRun.StartedAt},
				CompletedAt: helmtime.Time{Time: h.LastRun.CompletedAt},
				Phase:       release.HookPhase(h.LastRun.Phase),
			},
		}
		for j, e := range h.Events {
			v3.Events[j] = release.HookEvent(e)
		}
		for j, p := range h.DeletePolicies {
			v3.DeletePolicies[j] = release.HookDeletePolicy(p)
		}
		for j, p := range h.OutputLogPolicies {
			v3.OutputLogPolicies[j] = release.HookOutputLogPolicy(p)
		}
		out[i] = v3
	}
	return out
}
