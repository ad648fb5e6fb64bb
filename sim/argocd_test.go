package sim

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMapArgoCD checks the mapping of Helm hook annotations to Argo CD's
// phases, waves and delete policies. Each row cites the Argo CD code
// (argoproj/argo-cd @ 37ee0097; pkg/... under its gitops-engine/) or unit
// test that decides it, read in that source.
func TestMapArgoCD(t *testing.T) {
	bhc := []string{"BeforeHookCreation"}
	tests := []struct {
		name   string
		source string // the Argo CD code the row follows
		ann    map[string]string
		want   ArgoMapping
	}{
		{"plain resource", "pkg/sync/sync_phase.go syncPhases: no hook annotation is the Sync phase",
			map[string]string{}, ArgoMapping{Phases: []ArgoPhase{ArgoSync}}},
		{"pre-install is PreSync", "pkg/sync/hook/helm/type.go: pre-install -> PreSync",
			map[string]string{"helm.sh/hook": "pre-install"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPreSync}, Policies: bhc}},
		{"pre-upgrade is PreSync too (every sync)", "pkg/sync/hook/helm/type.go: pre-upgrade -> PreSync",
			map[string]string{"helm.sh/hook": "pre-install,pre-upgrade"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPreSync}, Policies: bhc}},
		{"post-install, post-upgrade are PostSync", "pkg/sync/hook/helm/type.go: post-install/post-upgrade -> PostSync",
			map[string]string{"helm.sh/hook": "post-install, post-upgrade"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPostSync}, Policies: bhc}},
		{"pre-delete is an app-deletion hook", "controller/hook.go:34-43 hookTypeAnnotations: helm.sh/hook pre-delete",
			map[string]string{"helm.sh/hook": "pre-delete"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPreDelete}, Policies: bhc}},
		{"post-delete is an app-deletion hook", "controller/hook.go:34-43 hookTypeAnnotations: helm.sh/hook post-delete",
			map[string]string{"helm.sh/hook": "post-delete"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPostDelete}, Policies: bhc}},
		{"sync and delete types both kept", "controller/state.go partitionTargetObjsForSync",
			map[string]string{"helm.sh/hook": "pre-install,pre-delete"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPreSync, ArgoPreDelete}, Policies: bhc}},
		{"rollback hooks never run", "pkg/sync/sync_phase.go syncPhases: pre-rollback/post-rollback get no phase",
			map[string]string{"helm.sh/hook": "pre-rollback,post-rollback"}, ArgoMapping{Hook: true, Policies: bhc}},
		{"test hooks never run", "pkg/sync/sync_phase.go syncPhases: test/test-success get no phase",
			map[string]string{"helm.sh/hook": "test"}, ArgoMapping{Hook: true, Policies: bhc}},
		{"crd-install is not a hook (helm template already dropped it)", "pkg/sync/hook/helm/hook.go IsHook: value != \"crd-install\"; util/helm/cmd.go helm template",
			map[string]string{"helm.sh/hook": "crd-install"}, ArgoMapping{Phases: []ArgoPhase{ArgoSync}}},
		{"tokens are not lowercased", "resource/annotations.go GetAnnotationCSVs: split, trim, dedup, case kept",
			map[string]string{"helm.sh/hook": "Pre-Install"}, ArgoMapping{Hook: true, Policies: bhc}},
		{"argocd hook type wins over Helm's", "pkg/sync/hook/hook.go Types: a valid Argo hook type ignores helm.sh/hook",
			map[string]string{"helm.sh/hook": "pre-install", "argocd.argoproj.io/hook": "PostSync"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPostSync}, Policies: bhc}},
		{"hook weight is the wave", "pkg/sync/syncwaves/waves.go: strconv.Atoi(helm.sh/hook-weight)",
			map[string]string{"helm.sh/hook": "pre-install", "helm.sh/hook-weight": "-5"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPreSync}, Wave: -5, Policies: bhc}},
		{"sync-wave wins over hook-weight", "pkg/sync/syncwaves/waves.go: argocd.argoproj.io/sync-wave first",
			map[string]string{"helm.sh/hook": "pre-install", "helm.sh/hook-weight": "-5", "argocd.argoproj.io/sync-wave": "3"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPreSync}, Wave: 3, Policies: bhc}},
		{"hook-weight is a wave for plain resources too", "pkg/sync/syncwaves/waves.go: the fallback applies to every resource",
			map[string]string{"helm.sh/hook-weight": "2"}, ArgoMapping{Phases: []ArgoPhase{ArgoSync}, Wave: 2}},
		{"Helm delete policies mapped", "pkg/sync/hook/delete_policy.go: hook-succeeded -> HookSucceeded, hook-failed -> HookFailed",
			map[string]string{"helm.sh/hook": "post-install", "helm.sh/hook-delete-policy": "hook-succeeded,hook-failed"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPostSync}, Policies: []string{"HookSucceeded", "HookFailed"}}},
		{"invalid delete policy falls back to BeforeHookCreation", "pkg/sync/hook/delete_policy.go: invalid values ignored, default BeforeHookCreation",
			map[string]string{"helm.sh/hook": "pre-install", "helm.sh/hook-delete-policy": "hook-succeded"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPreSync}, Policies: bhc}},
		{"Argo and Helm policies united", "pkg/sync/hook/delete_policy.go: Argo values first, then Helm's mapped",
			map[string]string{"helm.sh/hook": "pre-install", "argocd.argoproj.io/hook-delete-policy": "HookFailed", "helm.sh/hook-delete-policy": "before-hook-creation"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPreSync}, Policies: []string{"HookFailed", "BeforeHookCreation"}}},
		{"unknown Argo hook value: a hook with no phase", "TestSyncPhaseGarbage (pkg/sync/sync_phase_test.go); pkg/sync/hook/hook.go:23-29 IsHook",
			map[string]string{"argocd.argoproj.io/hook": "Garbage"}, ArgoMapping{Hook: true, Policies: bhc}},
		{"Argo hook values are not lower-cased", "pkg/sync/common/types.go NewHookType compares as written",
			map[string]string{"argocd.argoproj.io/hook": "presync"}, ArgoMapping{Hook: true, Policies: bhc}},
		{"an unknown Argo hook value leaves helm.sh/hook in charge", "pkg/sync/hook/hook.go:46-51 Types: Helm's types when no Argo type is valid",
			map[string]string{"argocd.argoproj.io/hook": "Garbage", "helm.sh/hook": "post-install"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPostSync}, Policies: bhc}},
		{"Skip alone is not a hook and never applied", "TestSyncPhaseSkip (pkg/sync/sync_phase_test.go); pkg/sync/hook/hook.go Skip",
			map[string]string{"argocd.argoproj.io/hook": "Skip", "helm.sh/hook": "pre-install"}, ArgoMapping{Phases: []ArgoPhase{ArgoSkip}}},
		{"Skip with another type is that type", "pkg/sync/hook/hook.go Skip: only when Skip is the one type",
			map[string]string{"argocd.argoproj.io/hook": "Skip,PostSync"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPostSync}, Policies: bhc}},
		{"SyncFail", "TestSyncPhaseFail (pkg/sync/sync_phase_test.go)",
			map[string]string{"argocd.argoproj.io/hook": "SyncFail"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoSyncFail}, Policies: bhc}},
		{"two phases", "TestSyncPhaseTwoPhases (pkg/sync/sync_phase_test.go)",
			map[string]string{"argocd.argoproj.io/hook": "PreSync,PostSync"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPreSync, ArgoPostSync}, Policies: bhc}},
		{"duplicated phases", "TestSyncDuplicatedPhases (pkg/sync/sync_phase_test.go)",
			map[string]string{"argocd.argoproj.io/hook": "PreSync,PreSync"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPreSync}, Policies: bhc}},
		{"Argo PreDelete is no gitops-engine type: helm.sh/hook still decides the sync phase", "pkg/sync/common/types.go:126-133 NewHookType; controller/hook.go isHookOfType",
			map[string]string{"argocd.argoproj.io/hook": "PreDelete", "helm.sh/hook": "pre-install"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPreSync, ArgoPreDelete}, Policies: bhc}},
		{"Argo PreDelete alone: an app-deletion hook only", "controller/hook.go isHookOfType; controller/state.go:659-673 partitionTargetObjsForSync",
			map[string]string{"argocd.argoproj.io/hook": "PreDelete"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPreDelete}, Policies: bhc}},
		{"each deletion annotation is read on its own", "controller/hook.go isHookOfType: either key",
			map[string]string{"argocd.argoproj.io/hook": "PostSync", "helm.sh/hook": "post-delete"}, ArgoMapping{Hook: true, Phases: []ArgoPhase{ArgoPostSync, ArgoPostDelete}, Policies: bhc}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MapArgoCD(tt.ann)
			got.Source = ""
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("MapArgoCD(%v) per %s (-want +got):\n%s", tt.ann, tt.source, diff)
			}
		})
	}
}

// TestSortArgoTasks: within a phase syncTasks.Less orders wave, kind
// (kindOrder), then name (TestSortSyncTask, pkg/sync/sync_tasks_test.go).
func TestSortArgoTasks(t *testing.T) {
	task := func(kind, name string, wave int) *argoTask {
		return &argoTask{obj: &Object{Key: Key{Kind: kind, Name: name}}, phase: ArgoSync, wave: wave}
	}
	ts := []*argoTask{task("Job", "a-job", 0), task("ConfigMap", "z-cm", 0), task("ServiceAccount", "m-sa", 0), task("Job", "b-job", -1), task("Widget", "a", 0)}
	sortArgoTasks(ts)
	var got []string
	for _, x := range ts {
		got = append(got, x.obj.String())
	}
	want := []string{"Job/b-job", "ServiceAccount/m-sa", "ConfigMap/z-cm", "Job/a-job", "Widget/a"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sortArgoTasks (-want +got):\n%s", diff)
	}
}
