// Package argocd is how Argo CD reads a rendered resource's Helm hook
// annotations: its sync phase (or app-deletion phase), its sync wave, its
// delete policies, and the kind order of a sync. It is pure data and
// functions, shared by the Argo CD sync simulation (package sim) and the
// HL8xxx rules, which compare it with what Helm does.
//
// Every rule below was read in the source of Argo CD
// (github.com/argoproj/argo-cd @ 37ee0097, which carries gitops-engine in
// its gitops-engine/ folder): pkg/... paths are under gitops-engine/,
// controller/ and util/ paths at the repository root. The sync phases of a
// hook are gitops-engine's (pkg/sync/hook/hook.go Types, IsHook, Skip;
// pkg/sync/hook/helm/type.go for helm.sh/hook; pkg/sync/sync_phase.go
// syncPhases); the app-deletion hooks are Argo CD's own
// (controller/hook.go hookTypeAnnotations, isHookOfType), which read both
// argocd.argoproj.io/hook: PreDelete|PostDelete and helm.sh/hook:
// pre-delete|post-delete. Delete policies are pkg/sync/hook/delete_policy.go
// and hook/helm/delete_policy.go; annotation values are split and trimmed
// but not lower-cased (pkg/sync/resource/annotations.go
// GetAnnotationCSVs). Argo CD does not run Helm's actions: its repo server
// runs `helm template --include-crds` (util/helm/cmd.go template; Helm
// 4.2.4, hack/tool-versions.sh), so resources with an unknown hook token
// are already gone, and the application controller syncs the output.
package argocd

import (
	"slices"
	"strconv"
	"strings"
)

// Phase is an Argo CD sync phase, or where a hook runs at app deletion.
type Phase string

// Argo CD phases (gitops-engine pkg/sync/common HookType; sync_phase.go).
const (
	PreSync    Phase = "PreSync"
	Sync       Phase = "Sync"
	PostSync   Phase = "PostSync"
	SyncFail   Phase = "SyncFail"
	PreDelete  Phase = "PreDelete"
	PostDelete Phase = "PostDelete"
	Skip       Phase = "Skip"
	Never      Phase = "" // a hook Argo CD counts but never applies
)

// Annotation keys Argo CD reads besides Helm's.
const (
	AnnotationHook         = "argocd.argoproj.io/hook"
	AnnotationSyncWave     = "argocd.argoproj.io/sync-wave"
	AnnotationDeletePolicy = "argocd.argoproj.io/hook-delete-policy"
)

// Argo CD's delete policies (pkg/sync/hook/delete_policy.go).
const (
	BeforeHookCreation = "BeforeHookCreation"
	HookSucceeded      = "HookSucceeded"
	HookFailed         = "HookFailed"
)

// hookTypes are the valid argocd.argoproj.io/hook values of gitops-engine
// (pkg/sync/common/types.go NewHookType): PreDelete and PostDelete are not
// among them; Argo CD's controller reads those itself (deletionHooks).
var hookTypes = map[string]Phase{ //nolint:gochecknoglobals // read-only lookup table
	"PreSync": PreSync, "Sync": Sync, "PostSync": PostSync, "SyncFail": SyncFail, "Skip": Skip,
}

// deletionHooks are the annotations that make an app-deletion hook
// (controller/hook.go hookTypeAnnotations): either one, its value split on
// "," and trimmed, holding the token as written.
var deletionHooks = []struct { //nolint:gochecknoglobals // read-only lookup table
	phase      Phase
	argo, helm string
}{{PreDelete, "PreDelete", "pre-delete"}, {PostDelete, "PostDelete", "post-delete"}}

// helmPolicies maps Helm's delete policies to Argo CD's.
var helmPolicies = map[string]string{ //nolint:gochecknoglobals // read-only lookup table
	"before-hook-creation": BeforeHookCreation, "hook-succeeded": HookSucceeded, "hook-failed": HookFailed,
}

// Mapping is how Argo CD treats one rendered resource.
type Mapping struct {
	Hook     bool    // a hook (Argo's or Helm's), not a plain resource
	Phases   []Phase // sync or deletion phases it runs in; Sync for plain resources; none: never applied
	Wave     int
	Policies []string // Argo delete policies: BeforeHookCreation, HookSucceeded, HookFailed
	Source   string   // the Argo CD code that decides, for explanations
}

// CSV splits an annotation value as resource/annotations.go
// GetAnnotationCSVs does: on ",", trimmed, empty and duplicate values
// dropped, case kept.
func CSV(v string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range strings.Split(v, ",") {
		p = strings.TrimSpace(p)
		if p == "" || seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	return out
}

// HelmEventPhase is the phase Argo CD gives one helm.sh/hook token, as
// written (Argo CD does not lower-case it): pre-install and pre-upgrade are
// PreSync, post-install and post-upgrade PostSync, pre-delete and
// post-delete the app-deletion hooks (pkg/sync/hook/helm/type.go
// hookTypes; controller/hook.go hookTypeAnnotations); anything else (pre-rollback, post-rollback, test,
// test-success, a token in another case) gets no phase (sync_phase.go
// syncPhases) and false.
func HelmEventPhase(token string) (Phase, bool) {
	switch token {
	case "pre-install", "pre-upgrade":
		return PreSync, true
	case "post-install", "post-upgrade":
		return PostSync, true
	case "pre-delete":
		return PreDelete, true
	case "post-delete":
		return PostDelete, true
	}
	return Never, false
}

// ArgoHookTypes are the valid argocd.argoproj.io/hook types of a resource
// (PreSync, Sync, PostSync, SyncFail, Skip: pkg/sync/common/types.go
// NewHookType); when there is any, Argo CD ignores its helm.sh/hook
// (pkg/sync/hook/hook.go Types). PreDelete and PostDelete are not among
// them: with only those, helm.sh/hook still decides the sync phases.
func ArgoHookTypes(annotations map[string]string) []Phase {
	var out []Phase
	for _, t := range CSV(annotations[AnnotationHook]) {
		if p, ok := hookTypes[t]; ok {
			out = append(out, p)
		}
	}
	return out
}

// Map maps a resource's annotations the way Argo CD does:
//
//   - a resource is a hook when it has argocd.argoproj.io/hook (any value
//     but Skip alone), or helm.sh/hook with any value but "crd-install"
//     (pkg/sync/hook/hook.go IsHook, hook/helm/hook.go IsHook), or is an
//     app-deletion hook (controller/hook.go isHook);
//   - its sync phases are its valid argocd.argoproj.io/hook types, or, when
//     it has none, its helm.sh/hook tokens pre-install, pre-upgrade
//     (PreSync), post-install, post-upgrade (PostSync) as written
//     (pkg/sync/hook/hook.go Types, hook/helm/type.go): a hook with none,
//     such as argocd.argoproj.io/hook: Garbage or helm.sh/hook:
//     pre-rollback, is never applied (sync_phase.go syncPhases returns
//     nil for it); Skip alone is not a hook and is never applied either
//     (hook.go Skip);
//   - PreDelete and PostDelete come from argocd.argoproj.io/hook or
//     helm.sh/hook, each read on its own (controller/hook.go
//     isHookOfType); they run at the app's deletion, and a resource with no
//     sync phase besides them is left out of syncs (controller/state.go
//     partitionTargetObjsForSync);
//   - the wave is argocd.argoproj.io/sync-wave when it is an integer, else
//     strconv.Atoi(helm.sh/hook-weight), else 0, for every resource
//     (pkg/sync/syncwaves/waves.go Wave);
//   - delete policies are the valid argocd.argoproj.io/hook-delete-policy
//     values then Helm's mapped ones (before-hook-creation,
//     hook-succeeded, hook-failed), matched case-sensitively; invalid values
//     are ignored and an empty result means BeforeHookCreation
//     (pkg/sync/hook/delete_policy.go DeletePolicies).
//
// Phases lists the sync phases first, then the deletion phases.
func Map(annotations map[string]string) Mapping {
	m := Mapping{Phases: []Phase{Sync}, Source: "plain resource: Sync phase"}
	argoTypes := ArgoHookTypes(annotations)
	_, hasArgo := annotations[AnnotationHook]
	helmHook, isHelm := annotations["helm.sh/hook"]
	skip := len(argoTypes) == 1 && argoTypes[0] == Skip
	var sync []Phase
	switch {
	case skip:
		m.Source = "argocd.argoproj.io/hook: Skip (pkg/sync/hook/hook.go Skip): never applied"
	case len(argoTypes) > 0:
		m.Hook, m.Source = true, "argocd.argoproj.io/hook (pkg/sync/hook/hook.go Types: Argo hook types win over Helm's)"
		for _, p := range argoTypes {
			if p != Skip {
				sync = append(sync, p)
			}
		}
	case hasArgo || (isHelm && helmHook != "crd-install"):
		m.Hook = true
		m.Source = "helm.sh/hook mapped by pkg/sync/hook/helm/type.go"
		if hasArgo && !isHelm {
			m.Source = "argocd.argoproj.io/hook with no valid type (pkg/sync/common/types.go NewHookType)"
		}
		for _, t := range CSV(helmHook) {
			if p, ok := HelmEventPhase(t); ok && (p == PreSync || p == PostSync) && !slices.Contains(sync, p) {
				sync = append(sync, p)
			}
		}
	}
	var del []Phase
	for _, d := range deletionHooks {
		if slices.Contains(CSV(annotations[AnnotationHook]), d.argo) || slices.Contains(CSV(helmHook), d.helm) {
			del = append(del, d.phase)
		}
	}
	switch {
	case len(del) > 0:
		m.Hook = true
		m.Phases = slices.Concat(sync, del)
		if len(sync) == 0 {
			m.Source = "app-deletion hook (controller/hook.go isHookOfType)"
		}
	case skip:
		m.Phases = []Phase{Skip}
	case m.Hook:
		m.Phases = sync
	}
	m.Wave = Wave(annotations)
	if m.Hook {
		m.Policies = DeletePolicies(annotations)
	}
	return m
}

// SyncPhases are the sync phases among m.Phases (PreSync, Sync, PostSync,
// SyncFail): what pkg/sync/sync_phase.go syncPhases returns.
func (m Mapping) SyncPhases() []Phase {
	var out []Phase
	for _, p := range m.Phases {
		if p == PreSync || p == Sync || p == PostSync || p == SyncFail {
			out = append(out, p)
		}
	}
	return out
}

// Wave is a resource's sync wave: argocd.argoproj.io/sync-wave when it is
// an integer, else strconv.Atoi(helm.sh/hook-weight), else 0
// (pkg/sync/syncwaves/waves.go).
func Wave(annotations map[string]string) int {
	if w, err := strconv.Atoi(annotations[AnnotationSyncWave]); err == nil {
		return w
	}
	if w, err := strconv.Atoi(annotations["helm.sh/hook-weight"]); err == nil {
		return w
	}
	return 0
}

// DeletePolicies are a hook's Argo CD delete policies: the valid
// argocd.argoproj.io/hook-delete-policy values, then Helm's mapped ones,
// matched case-sensitively, invalid values ignored, BeforeHookCreation
// when none is left (pkg/sync/hook/delete_policy.go).
func DeletePolicies(annotations map[string]string) []string {
	var out []string
	for _, p := range CSV(annotations[AnnotationDeletePolicy]) {
		if (p == BeforeHookCreation || p == HookSucceeded || p == HookFailed) && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	for _, p := range CSV(annotations["helm.sh/hook-delete-policy"]) {
		if a, ok := helmPolicies[p]; ok && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		out = []string{BeforeHookCreation}
	}
	return out
}

// HelmPolicy is the Argo CD name of a Helm delete policy ("" for none).
func HelmPolicy(p string) string { return helmPolicies[p] }

// KindOrder is gitops-engine's kindOrder (pkg/sync/sync_tasks.go init, 35
// kinds; test Test_syncTasks_kindOrder), a copy of an older Helm
// InstallOrder with IngressClass; unknown kinds sort last.
func KindOrder() []string {
	return []string{
		"Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget",
		"ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass", "PersistentVolume",
		"PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
		"ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
		"Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
		"HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
	}
}

// kindRank is KindOrder's index.
var kindRank = func() map[string]int { //nolint:gochecknoglobals // read-only lookup table
	m := map[string]int{}
	for i, k := range KindOrder() {
		m[k] = i
	}
	return m
}()

// KindRank is kind's place in KindOrder; unknown kinds are last.
func KindRank(kind string) int {
	if r, ok := kindRank[kind]; ok {
		return r
	}
	return len(kindRank)
}

// Less is the order of two resources of one phase (syncTasks.Less in
// pkg/sync/sync_tasks.go): wave, kind (KindOrder), name.
func Less(waveA int, kindA, nameA string, waveB int, kindB, nameB string) bool {
	if waveA != waveB {
		return waveA < waveB
	}
	if ra, rb := KindRank(kindA), KindRank(kindB); ra != rb {
		return ra < rb
	}
	return nameA < nameB
}
