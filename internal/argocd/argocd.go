// Package argocd is how Argo CD reads a rendered resource's Helm hook
// annotations: its sync phase (or app-deletion phase), its sync wave, its
// delete policies, and the kind order of a sync. It is pure data and
// functions, shared by the Argo CD sync simulation (package sim) and the
// HL8xxx rules, which compare it with what Helm does.
//
// Argo CD (argoproj/argo-cd @ 37ee0097, which vendors gitops-engine) is
// followed as §7.1 of ../shared/docs/helm-hook-semantics.md reports it, and
// every citation below was checked against that commit's source: pkg/...
// paths are under its gitops-engine/ folder, controller/ and util/ paths at
// its root (the Helm-to-Argo mapping of hook types is
// gitops-engine/pkg/sync/hook/helm/type.go hookTypes; delete policies
// helm/delete_policy.go and hook/delete_policy.go DeletePolicies, with its
// fallback to BeforeHookCreation; annotation values are split and trimmed
// but not lower-cased, resource/annotations.go GetAnnotationCSVs).
// Argo CD does not run Helm's actions: its repo server runs `helm template`
// (util/helm/cmd.go), so resources with an unknown hook token (crd-install
// included) are already gone, and the application controller syncs the
// output, mapping Helm's hook annotations to its own sync phases, waves and
// delete policies.
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

// hookTypes are the valid argocd.argoproj.io/hook values.
var hookTypes = map[string]Phase{ //nolint:gochecknoglobals // read-only lookup table
	"PreSync": PreSync, "Sync": Sync, "PostSync": PostSync, "SyncFail": SyncFail,
	"PreDelete": PreDelete, "PostDelete": PostDelete, "Skip": Skip,
}

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
// post-delete the app-deletion hooks (pkg/sync/hook/helm/type.go,
// controller/hook.go); anything else (pre-rollback, post-rollback, test,
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

// ArgoHookTypes are the valid argocd.argoproj.io/hook types of a resource;
// when there is any, Argo CD ignores its helm.sh/hook
// (gitops-engine pkg/sync/hook/hook.go).
func ArgoHookTypes(annotations map[string]string) []Phase {
	var out []Phase
	for _, t := range CSV(annotations[AnnotationHook]) {
		if p, ok := hookTypes[t]; ok {
			out = append(out, p)
		}
	}
	return out
}

// Map maps a resource's annotations the way Argo CD does (§7.1):
//
//   - a valid argocd.argoproj.io/hook type wins and Helm's hook types are
//     then ignored for that resource (gitops-engine pkg/sync/hook/hook.go);
//   - helm.sh/hook (any value but exactly "crd-install") makes a Helm hook
//     (pkg/sync/hook/helm/hook.go), each token mapped by HelmEventPhase;
//   - the wave is argocd.argoproj.io/sync-wave when it is an integer, else
//     strconv.Atoi(helm.sh/hook-weight), else 0, for every resource
//     (pkg/sync/syncwaves/waves.go);
//   - delete policies are the valid argocd.argoproj.io/hook-delete-policy
//     values united with Helm's mapped ones (before-hook-creation,
//     hook-succeeded, hook-failed), matched case-sensitively; invalid values
//     are ignored and an empty result means BeforeHookCreation
//     (pkg/sync/hook/delete_policy.go).
func Map(annotations map[string]string) Mapping {
	m := Mapping{Phases: []Phase{Sync}, Source: "plain resource: Sync phase"}
	argoTypes := ArgoHookTypes(annotations)
	helmHook, isHelm := annotations["helm.sh/hook"]
	switch {
	case len(argoTypes) > 0:
		m.Hook, m.Phases, m.Source = true, argoTypes, "argocd.argoproj.io/hook (gitops-engine pkg/sync/hook/hook.go: Argo hook types win over Helm's)"
	case isHelm && helmHook != "crd-install":
		m.Hook, m.Phases = true, nil
		m.Source = "helm.sh/hook mapped by gitops-engine pkg/sync/hook/helm/type.go"
		for _, t := range CSV(helmHook) {
			if p, ok := HelmEventPhase(t); ok && !slices.Contains(m.Phases, p) {
				m.Phases = append(m.Phases, p)
			}
		}
	}
	m.Wave = Wave(annotations)
	if m.Hook {
		m.Policies = DeletePolicies(annotations)
	}
	return m
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

// KindOrder is gitops-engine's kindOrder (pkg/sync/sync_tasks.go), a copy
// of an older Helm InstallOrder; unknown kinds sort last.
func KindOrder() []string {
	return []string{
		"Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget",
		"ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass", "PersistentVolume",
		"PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
		"ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
		"Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
		"HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "Ingress", "APIService",
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
