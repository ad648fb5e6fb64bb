package sim

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/render"
)

// The tests of this file check the Argo CD and Flux engines against the
// behaviour their own code and unit tests define. Each fixture chart in
// testdata/engines was written for one behaviour; each expected timeline
// was derived by hand from the upstream test or code line its case cites
// (github.com/argoproj/argo-cd @ 37ee0097 with its gitops-engine/,
// paths under gitops-engine/ written pkg/...; github.com/fluxcd/helm-controller
// v1.6.3 @ 0f61a86). docs/engines.md lists them.

// engineRun simulates steps of the fixture chart under engine; the first
// step installs from instead when it is set.
func engineRun(t *testing.T, tc engineCase) *Result {
	t.Helper()
	load := func(chart string) (*render.Chart, string) {
		dir := filepath.Join("testdata", "engines", chart)
		ch, err := render.Load(dir, &render.Options{KubeVersion: "v1.35.0"})
		if err != nil {
			t.Fatal(err)
		}
		return ch, dir
	}
	ch, dir := load(tc.chart)
	engine, flux, fail, actions := tc.engine, tc.flux, tc.fail, tc.actions
	inj, err := ParseInjection(fail, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	sc := &Scenario{Helm: HelmV4, Engine: engine, Flux: flux, ArgoCDPrune: tc.prune, KubeVersion: "v1.35.0"}
	for i, a := range actions {
		st := Step{Action: a, Timeout: DefaultTimeout}
		if a == ActionInstall || a == ActionUpgrade {
			st.Chart, st.Args = ch, []string{dir}
			if i == 0 && tc.from != "" {
				from, fromDir := load(tc.from)
				st.Chart, st.Args = from, []string{fromDir}
			}
		}
		if i == len(actions)-1 {
			st.Outcomes = inj // failures are injected in the last step
		}
		sc.Steps = append(sc.Steps, st)
	}
	res, err := Run(sc)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// brief is a timeline as short lines: "STEP TIME ACTION [PHASE] OBJECT
// [CODE]" for events, "STEP TIME status STATUS" for status changes, and
// "STEP exit 0" or "STEP exit 1: ERROR" for each step.
func brief(res *Result) []string {
	var out []string
	for _, st := range res.Steps {
		for _, ev := range res.Events {
			if ev.Step != st.Index {
				continue
			}
			parts := []string{fmt.Sprint(ev.Step), FormatTime(ev.At), ev.Type.String()}
			if ev.Type == EventStatus {
				parts = append(parts, ev.Status)
				out = append(out, strings.Join(parts, " "))
				continue
			}
			if ev.Hook != "" {
				parts = append(parts, ev.Hook)
			}
			if ev.Object.Name != "" {
				parts = append(parts, ev.Object.String())
			}
			if ev.Code != 0 {
				parts = append(parts, fmt.Sprint(ev.Code))
			}
			out = append(out, strings.Join(parts, " "))
		}
		if st.Failed() {
			out = append(out, fmt.Sprintf("%d exit 1: %s", st.Index, oneLine(st.Err)))
		} else {
			out = append(out, fmt.Sprintf("%d exit 0", st.Index))
		}
	}
	for _, l := range res.Leftovers {
		out = append(out, "left "+l.Object.String())
	}
	return out
}

type engineCase struct {
	name     string
	upstream string // the upstream test or code the expected timeline is derived from
	engine   Engine
	chart    string
	from     string // the chart the first step installs, when not chart
	prune    bool   // Argo CD: syncs prune
	flux     FluxOptions
	fail     []string
	actions  []Action
	want     []string
}

func runEngineCases(t *testing.T, cases []engineCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := brief(engineRun(t, tc))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s %s, as %s (-want +got):\n%s", tc.engine, tc.chart, tc.upstream, diff)
			}
		})
	}
}

var (
	install   = []Action{ActionInstall}
	upgrade   = []Action{ActionInstall, ActionUpgrade}
	uninstall = []Action{ActionInstall, ActionUninstall}
)

// TestArgoCDSync: how one sync operation runs (pkg/sync/sync_context.go
// Sync, pkg/sync/sync_tasks.go).
func TestArgoCDSync(t *testing.T) {
	runEngineCases(t, []engineCase{
		{name: "single-step sync succeeds without waiting for health", engine: EngineArgoCD, chart: "plain-unhealthy", fail: []string{"deployment/*"}, actions: install,
			upstream: "TestSyncSuccessfully (pkg/sync/sync_context_test.go:285-319); sync_context.go:594-595 (only multi-step syncs and hooks are waited for), 721-730 (the last wave without hooks succeeds at once); sync_tasks.go:270-272 multiStep",
			want: []string{
				"1 00:00 create Sync Service/web 201",
				"1 00:00 create Sync Deployment/web 201",
				"1 00:00 status Synced, health Degraded",
				"1 exit 0",
				"left Deployment/web",
				"left Service/web",
			}},
		{name: "multi-step sync waits for health and fails when Degraded", engine: EngineArgoCD, chart: "waves-unhealthy", fail: []string{"deployment/*"}, actions: install,
			upstream: "TestSyncSuccessfully_Multistep (pkg/sync/sync_context_test.go:321-361: waiting for healthy state of the wave-0 resource); sync_context.go:583-585 (Degraded fails the task); pkg/health/health_deployment.go (ProgressDeadlineExceeded is Degraded)",
			want: []string{
				"1 00:00 create Sync Deployment/web 201",
				"1 01:00 failed Sync Deployment/web",
				"1 01:00 status OutOfSync (sync failed)",
				"1 exit 1: one or more synchronization tasks completed unsuccessfully (Deployment/web is Degraded: Deployment web: its pods fail (--fail deployment/*); Degraded when its progressDeadlineSeconds (60s, assumed from when its pods started) passes (ProgressDeadlineExceeded))",
				"left Deployment/web",
			}},
		{name: "multi-step sync waits for health and goes on when Healthy", engine: EngineArgoCD, chart: "waves-unhealthy", actions: install,
			upstream: "TestSyncSuccessfully_Multistep (pkg/sync/sync_context_test.go:321-361)",
			want: []string{
				"1 00:00 create Sync Deployment/web 201",
				"1 00:01 ready Sync Deployment/web",
				"1 00:01 create Sync ConfigMap/after-web 201",
				"1 00:01 status Synced",
				"1 exit 0",
				"left ConfigMap/after-web",
				"left Deployment/web",
			}},
		{name: "a Namespace of the chart moves before the first task in it", engine: EngineArgoCD, chart: "namespace-hook", actions: install,
			upstream: "TestSyncTasksSort_NamespaceAndObjectInNamespace (pkg/sync/sync_tasks_test.go:371-431); sync_tasks.go:113-118, 143-178 adjustDeps",
			want: []string{
				"1 00:00 create PreSync Namespace/tools 201",
				"1 00:00 create PreSync Job/migrate 201",
				"1 00:01 ready PreSync Job/migrate",
				"1 00:01 status Synced",
				"1 exit 0",
				"left Namespace/tools",
				"left Job/migrate",
			}},
		{name: "crds/ is synced and its CRD moves before its custom resource", engine: EngineArgoCD, chart: "crd-hook", actions: install,
			upstream: "TestSyncTasksSort_CRDAndCR (pkg/sync/sync_tasks_test.go:433-462); sync_tasks.go:119-138; util/helm/cmd.go:463-465 (--include-crds unless skipCrds)",
			want: []string{
				"1 00:00 create PreSync CustomResourceDefinition/widgets.example.com 201",
				"1 00:00 create PreSync Widget/first 201",
				"1 00:00 status Synced",
				"1 exit 0",
				"left CustomResourceDefinition/widgets.example.com",
				"left Widget/first",
			}},
		{name: "a custom resource without its CRD fails the sync before anything is applied", engine: EngineArgoCD, chart: "cr-without-crd", actions: install,
			upstream: "pkg/sync/sync_context.go getSyncTasks (1094-1115: not found, and no CRD of the sync: the task fails) and Sync (500-516: one or more synchronization tasks are not valid)",
			want: []string{
				"1 00:00 status OutOfSync (sync failed)",
				"1 exit 1: one or more synchronization tasks are not valid: the server could not find the requested resource Widget/first (no CRD in the cluster or in this sync defines it)",
			}},
		{name: "kind order has IngressClass between CronJob and Ingress", engine: EngineArgoCD, chart: "kind-order", actions: install,
			upstream: "Test_syncTasks_kindOrder (pkg/sync/sync_tasks_test.go:15-19); sync_tasks.go:28-64 kindOrder",
			want: []string{
				"1 00:00 create Sync CronJob/c-cron 201",
				"1 00:00 create Sync IngressClass/b-class 201",
				"1 00:00 create Sync Ingress/a-web 201",
				"1 00:00 status Synced",
				"1 exit 0",
				"left CronJob/c-cron",
				"left Ingress/a-web",
				"left IngressClass/b-class",
			}},
		{name: "unknown argocd.argoproj.io/hook values and Skip are never applied", engine: EngineArgoCD, chart: "argo-hook-values", actions: install,
			upstream: "TestSyncPhaseGarbage, TestSyncPhaseSkip, TestSyncPhasePreSync (pkg/sync/sync_phase_test.go); pkg/sync/hook/hook.go:23-29 IsHook, sync_phase.go:13-25 syncPhases",
			want: []string{
				"1 00:00 kept ConfigMap/garbage",
				"1 00:00 kept ConfigMap/lower",
				"1 00:00 kept ConfigMap/skip",
				"1 00:00 create PreSync ConfigMap/valid 201",
				"1 00:00 create Sync ConfigMap/plain 201",
				"1 00:00 status Synced",
				"1 exit 0",
				"left ConfigMap/plain",
				"left ConfigMap/valid",
			}},
		{name: "argocd.argoproj.io/hook PreDelete leaves helm.sh/hook pre-install in charge: PreSync at every sync", engine: EngineArgoCD, chart: "argo-predelete-helm", actions: upgrade,
			upstream: "pkg/sync/common/types.go:126-133 NewHookType (no PreDelete); pkg/sync/hook/hook.go:46-51 Types (Helm's types when no Argo one is valid)",
			want: []string{
				"1 00:00 create PreSync Job/setup 201",
				"1 00:01 ready PreSync Job/setup",
				"1 00:01 status Synced",
				"1 exit 0",
				"2 00:01 delete Job/setup 200",
				"2 00:01 create PreSync Job/setup 201",
				"2 00:02 ready PreSync Job/setup",
				"2 00:02 status Synced",
				"2 exit 0",
				"left Job/setup",
			}},
		{name: "argocd.argoproj.io/hook PreDelete is still an app-deletion hook", engine: EngineArgoCD, chart: "argo-predelete-helm", actions: uninstall,
			upstream: "controller/hook.go:34-60 hookTypeAnnotations, isHookOfType; executeHooks (a live hook is not created again); controller/state.go:659-673 partitionTargetObjsForSync",
			want: []string{
				"1 00:00 create PreSync Job/setup 201",
				"1 00:01 ready PreSync Job/setup",
				"1 00:01 status Synced",
				"1 exit 0",
				"2 00:01 ready PreDelete Job/setup",
				"2 00:01 delete Job/setup 200",
				"2 exit 0",
			}},
		{name: "SyncFail hooks are waited for, HookFailed deleted after they complete", engine: EngineArgoCD, chart: "syncfail", fail: []string{"job/hook-1", "job/sync-fail-cleanup"}, actions: install,
			upstream: "TestSync_FailedSyncWithSyncFailHook_HookFailed (pkg/sync/sync_context_test.go:1629-1674); sync_context.go:643-645, 654-656, 926-963 executeSyncFailPhase",
			want: []string{
				"1 00:00 create Sync ConfigMap/settings 201",
				"1 00:00 create Sync Job/hook-1 201",
				"1 00:00 ready Sync ConfigMap/settings",
				"1 00:01 failed Sync Job/hook-1",
				"1 00:01 create SyncFail Job/sync-fail-cleanup 201",
				"1 00:01 create SyncFail Job/sync-fail-hook 201",
				"1 00:02 failed SyncFail Job/sync-fail-cleanup",
				"1 00:02 ready SyncFail Job/sync-fail-hook",
				"1 00:02 delete Job/sync-fail-cleanup 200",
				"1 00:02 status OutOfSync (sync failed)",
				"1 exit 1: one or more synchronization tasks completed unsuccessfully (job hook-1 failed: BackoffLimitExceeded); SyncFail hooks: job sync-fail-cleanup failed: BackoffLimitExceeded",
				"left ConfigMap/settings",
				"left Job/hook-1",
				"left Job/sync-fail-hook",
			}},
		{name: "HookSucceeded deleted after the operation succeeds, BeforeHookCreation before a re-run", engine: EngineArgoCD, chart: "policies", actions: upgrade,
			upstream: "pkg/sync/sync_context.go:625-627, 671-675, 722-729 (hooksPendingDeletionSuccessful deleted once the operation succeeds); TestBeforeHookCreation (sync_context_test.go:1676-1706)",
			want: []string{
				"1 00:00 create PreSync Job/a-succeeded 201",
				"1 00:01 ready PreSync Job/a-succeeded",
				"1 00:01 create Sync ConfigMap/settings 201",
				"1 00:01 ready Sync ConfigMap/settings",
				"1 00:01 create PostSync Job/b-failed 201",
				"1 00:02 ready PostSync Job/b-failed",
				"1 00:02 create PostSync Job/c-default 201",
				"1 00:03 ready PostSync Job/c-default",
				"1 00:03 delete Job/a-succeeded 200",
				"1 00:03 status Synced",
				"1 exit 0",
				"2 00:03 create PreSync Job/a-succeeded 201",
				"2 00:04 ready PreSync Job/a-succeeded",
				"2 00:04 update Sync ConfigMap/settings 200",
				"2 00:04 ready Sync ConfigMap/settings",
				"2 00:04 update PostSync Job/b-failed 200",
				"2 00:04 ready PostSync Job/b-failed",
				"2 00:04 delete Job/c-default 200",
				"2 00:04 create PostSync Job/c-default 201",
				"2 00:05 ready PostSync Job/c-default",
				"2 00:05 delete Job/a-succeeded 200",
				"2 00:05 status Synced",
				"2 exit 0",
				"left ConfigMap/settings",
				"left Job/b-failed",
				"left Job/c-default",
			}},
		{name: "prune: removed resources deleted by reversed prune wave, Prune=false and hooks kept", engine: EngineArgoCD, chart: "prune-after", from: "prune-before", prune: true, actions: upgrade,
			upstream: "TestWaveReorderingOfPruneTasks (pkg/sync/sync_context_test.go:2440), TestDoNotPruneResourceLevelPruneFalse (1036), TestDoNotSyncOrPruneHooks (995); sync_context.go:1122-1144 (prune waves reversed), runTasks (prune first)",
			want: []string{
				"1 00:00 create Sync ConfigMap/stays 201",
				"1 00:00 ready Sync ConfigMap/stays",
				"1 00:00 create Sync ConfigMap/a-wave-1 201",
				"1 00:00 ready Sync ConfigMap/a-wave-1",
				"1 00:00 create Sync Secret/b-wave-2 201",
				"1 00:00 create Sync ConfigMap/c-no-prune 201",
				"1 00:00 ready Sync Secret/b-wave-2",
				"1 00:00 ready Sync ConfigMap/c-no-prune",
				"1 00:00 create PostSync ConfigMap/d-hook 201",
				"1 00:00 status Synced",
				"1 exit 0",
				"2 00:00 update Sync ConfigMap/stays 200",
				"2 00:00 ready Sync ConfigMap/stays",
				"2 00:00 delete Sync Secret/b-wave-2 200",
				"2 00:00 kept Sync ConfigMap/c-no-prune",
				"2 00:00 delete Sync ConfigMap/a-wave-1 200",
				"2 00:00 status Synced",
				"2 exit 0",
				"left ConfigMap/c-no-prune",
				"left ConfigMap/d-hook",
				"left ConfigMap/stays",
			}},
		{name: "no prune: removed resources stay, ignored", engine: EngineArgoCD, chart: "prune-after", from: "prune-before", actions: upgrade,
			upstream: "pkg/sync/sync_context.go pruneObject (1488-1500: ignored (no prune)); prune tasks still order the waves",
			want: []string{
				"1 00:00 create Sync ConfigMap/stays 201",
				"1 00:00 ready Sync ConfigMap/stays",
				"1 00:00 create Sync ConfigMap/a-wave-1 201",
				"1 00:00 ready Sync ConfigMap/a-wave-1",
				"1 00:00 create Sync Secret/b-wave-2 201",
				"1 00:00 create Sync ConfigMap/c-no-prune 201",
				"1 00:00 ready Sync Secret/b-wave-2",
				"1 00:00 ready Sync ConfigMap/c-no-prune",
				"1 00:00 create PostSync ConfigMap/d-hook 201",
				"1 00:00 status Synced",
				"1 exit 0",
				"2 00:00 update Sync ConfigMap/stays 200",
				"2 00:00 ready Sync ConfigMap/stays",
				"2 00:00 kept Sync Secret/b-wave-2",
				"2 00:00 kept Sync ConfigMap/c-no-prune",
				"2 00:00 kept Sync ConfigMap/a-wave-1",
				"2 00:00 status Synced",
				"2 exit 0",
				"left ConfigMap/a-wave-1",
				"left ConfigMap/c-no-prune",
				"left ConfigMap/d-hook",
				"left ConfigMap/stays",
				"left Secret/b-wave-2",
			}},
		{name: "a failed hook stops later waves; HookFailed deleted, HookSucceeded kept", engine: EngineArgoCD, chart: "policies", fail: []string{"job/b-failed"}, actions: install,
			upstream: "TestSync_HooksDeletedAfterSyncFailed (pkg/sync/sync_context_test.go:1944-2059); sync_context.go:641-646",
			want: []string{
				"1 00:00 create PreSync Job/a-succeeded 201",
				"1 00:01 ready PreSync Job/a-succeeded",
				"1 00:01 create Sync ConfigMap/settings 201",
				"1 00:01 ready Sync ConfigMap/settings",
				"1 00:01 create PostSync Job/b-failed 201",
				"1 00:02 failed PostSync Job/b-failed",
				"1 00:02 delete Job/b-failed 200",
				"1 00:02 status OutOfSync (sync failed)",
				"1 exit 1: one or more synchronization tasks completed unsuccessfully (job b-failed failed: BackoffLimitExceeded)",
				"left ConfigMap/settings",
				"left Job/a-succeeded",
			}},
	})
}

// TestArgoCDAppDeletion: `argocd app delete` (cascade), as
// controller/appcontroller.go finalizeApplicationDeletion runs it.
func TestArgoCDAppDeletion(t *testing.T) {
	runEngineCases(t, []engineCase{
		{name: "PreDelete hooks at once, then by reverse wave, CRDs and keep kept, then PostDelete", engine: EngineArgoCD, chart: "app-delete", actions: uninstall,
			upstream: "controller/hook.go:151-240 executeHooks (all created at once, waited together), cleanupHooks; controller/appcontroller.go:1255-1264 shouldBeDeleted (test Test_syncDeleteOption), 1360-1405 and controller/sort_delete.go FilterObjectsForDeletion (the highest wave first, waiting for each); live hooks carry the app's tracking (controller/hook.go:154-162, controller/state.go:795-797), so cascade deletion removes them",
			want: []string{
				"1 00:00 create PreSync Job/migrate 201",
				"1 00:01 ready PreSync Job/migrate",
				"1 00:01 create Sync ConfigMap/keep-me 201",
				"1 00:01 create Sync ConfigMap/settings 201",
				"1 00:01 create Sync CustomResourceDefinition/widgets.example.com 201",
				"1 00:01 ready Sync ConfigMap/keep-me",
				"1 00:01 ready Sync ConfigMap/settings",
				"1 00:01 ready Sync CustomResourceDefinition/widgets.example.com",
				"1 00:01 create Sync Service/web 201",
				"1 00:01 status Synced",
				"1 exit 0",
				"2 00:01 create PreDelete Job/pre-a 201",
				"2 00:01 create PreDelete Job/pre-b 201",
				"2 00:02 ready PreDelete Job/pre-a",
				"2 00:02 ready PreDelete Job/pre-b",
				"2 00:02 kept ConfigMap/keep-me",
				"2 00:02 kept CustomResourceDefinition/widgets.example.com",
				"2 00:02 delete Job/pre-b 200",
				"2 00:02 delete Service/web 200",
				"2 00:02 delete ConfigMap/settings 200",
				"2 00:02 delete Job/migrate 200",
				"2 00:02 delete Job/pre-a 200",
				"2 00:02 create PostDelete Job/post 201",
				"2 00:03 ready PostDelete Job/post",
				"2 00:03 delete Job/post 200",
				"2 exit 0",
				"left CustomResourceDefinition/widgets.example.com",
				"left ConfigMap/keep-me",
			}},
		{name: "a failed PreDelete hook is deleted and the deletion retried", engine: EngineArgoCD, chart: "app-delete", fail: []string{"job/pre-a"}, actions: uninstall,
			upstream: "controller/hook.go:223-232 (failed hooks deleted, error returned); controller/appcontroller.go:1335-1338 (the error stops the deletion until the next reconciliation)",
			want: []string{
				"1 00:00 create PreSync Job/migrate 201",
				"1 00:01 ready PreSync Job/migrate",
				"1 00:01 create Sync ConfigMap/keep-me 201",
				"1 00:01 create Sync ConfigMap/settings 201",
				"1 00:01 create Sync CustomResourceDefinition/widgets.example.com 201",
				"1 00:01 ready Sync ConfigMap/keep-me",
				"1 00:01 ready Sync ConfigMap/settings",
				"1 00:01 ready Sync CustomResourceDefinition/widgets.example.com",
				"1 00:01 create Sync Service/web 201",
				"1 00:01 status Synced",
				"1 exit 0",
				"2 00:01 create PreDelete Job/pre-a 201",
				"2 00:01 create PreDelete Job/pre-b 201",
				"2 00:02 failed PreDelete Job/pre-a",
				"2 00:02 ready PreDelete Job/pre-b",
				"2 00:02 delete Job/pre-a 200",
				"2 00:02 status deleting",
				"2 00:02 create PreDelete Job/pre-a 201",
				"2 00:03 failed PreDelete Job/pre-a",
				"2 00:03 delete Job/pre-a 200",
				"2 exit 1: PreDelete hook(s) failed: default/pre-a (retried once; with the same outcome Argo CD retries at every reconciliation and the app stays in deletion)",
				"left CustomResourceDefinition/widgets.example.com",
				"left ConfigMap/keep-me",
				"left ConfigMap/settings",
				"left Job/migrate",
				"left Job/pre-b",
				"left Service/web",
			}},
	})
}

// TestFluxEngine: helm-controller's settings around Helm's actions.
func TestFluxEngine(t *testing.T) {
	yes := true
	runEngineCases(t, []engineCase{
		{name: "a failing plain Job fails the install: Jobs are waited for by default", engine: EngineFlux, chart: "plain-job", fail: []string{"job/task"}, actions: install,
			upstream: "internal/action/install.go:93 (WaitForJobs = !DisableWaitForJobs), wait.go:118-127 WaitWithJobs; fluxcd/pkg/ssa v0.76.0 manager_wait.go (FailFast: failed early due to stalled resources)",
			want: []string{
				"1 00:00 status flux: install",
				"1 00:00 status pending-install",
				"1 00:00 create Job/task 201",
				"1 00:00 wait",
				"1 00:05 failed Job/task",
				"1 00:05 status failed",
				"1 00:05 status flux: stalled",
				"1 exit 1: failed early due to stalled resources: [Job/default/task status: 'Failed']",
				"left Job/task",
			}},
		{name: "disableWaitForJobs: the Job is not waited for", engine: EngineFlux, chart: "plain-job", flux: FluxOptions{DisableWaitForJobs: true}, fail: []string{"job/task"}, actions: install,
			upstream: "internal/action/install.go:93",
			want: []string{
				"1 00:00 status flux: install",
				"1 00:00 status pending-install",
				"1 00:00 create Job/task 201",
				"1 00:00 wait",
				"1 00:00 status deployed",
				"1 exit 0",
				"left Job/task",
			}},
		{name: "disableWait: hookOnly, nothing but hooks is waited for", engine: EngineFlux, chart: "plain-job", flux: FluxOptions{DisableWait: true}, fail: []string{"job/task"}, actions: install,
			upstream: "internal/action/wait.go:110-112, 120-122 (HookOnlyStrategy: Wait and WaitWithJobs return nil)",
			want: []string{
				"1 00:00 status flux: install",
				"1 00:00 status pending-install",
				"1 00:00 create Job/task 201",
				"1 00:00 status deployed",
				"1 exit 0",
				"left Job/task",
			}},
		{name: "an unhealthy Deployment times out while it is InProgress", engine: EngineFlux, chart: "plain-unhealthy", fail: []string{"deployment/*"}, actions: install,
			upstream: "fluxcd/pkg/ssa v0.76.0 manager_wait.go WaitForSetWithContext (timeout waiting for); a Deployment is Failed only at its progressDeadlineSeconds",
			want: []string{
				"1 00:00 status flux: install",
				"1 00:00 status pending-install",
				"1 00:00 create Service/web 201",
				"1 00:00 create Deployment/web 201",
				"1 00:00 wait",
				"1 05:00 failed Deployment/web",
				"1 05:00 status failed",
				"1 05:00 status flux: stalled",
				"1 exit 1: timeout waiting for: [Deployment/default/web status: 'InProgress']",
				"left Deployment/web",
				"left Service/web",
			}},
		{name: "the last failed install is not remediated, whatever the retries", engine: EngineFlux, chart: "install-hook", flux: FluxOptions{InstallRetries: 1}, fail: []string{"job/setup"}, actions: install,
			upstream: "api/v2/helmrelease_types.go:707-710, 731-736 InstallRemediation.MustRemediateLastFailure (false by default); internal/reconcile/atomic_release.go:511",
			want: []string{
				"1 00:00 status flux: install",
				"1 00:00 status pending-install",
				"1 00:00 delete pre-install Job/setup 404",
				"1 00:00 create pre-install Job/setup 201",
				"1 00:00 wait pre-install Job/setup",
				"1 05:00 failed pre-install Job/setup",
				"1 05:00 status failed",
				"1 05:00 status flux: remediation",
				"1 05:00 status flux: uninstall",
				"1 05:00 status uninstalling",
				"1 05:00 status deleted",
				"1 05:00 status flux: install",
				"1 05:00 status pending-install",
				"1 05:00 delete pre-install Job/setup 200",
				"1 05:00 create pre-install Job/setup 201",
				"1 05:00 wait pre-install Job/setup",
				"1 10:00 failed pre-install Job/setup",
				"1 10:00 status failed",
				"1 10:00 status flux: stalled",
				"1 exit 1: failed pre-install: resource Job/default/setup not ready. status: Failed, message: Job Failed. failed: 1/1 context deadline exceeded",
				"left Job/setup",
			}},
		{name: "remediateLastFailure: the last failed install is uninstalled", engine: EngineFlux, chart: "install-hook", flux: FluxOptions{InstallRetries: 1, RemediateLastFailure: &yes}, fail: []string{"job/setup"}, actions: install,
			upstream: "api/v2/helmrelease_types.go:731-736",
			want: []string{
				"1 00:00 status flux: install",
				"1 00:00 status pending-install",
				"1 00:00 delete pre-install Job/setup 404",
				"1 00:00 create pre-install Job/setup 201",
				"1 00:00 wait pre-install Job/setup",
				"1 05:00 failed pre-install Job/setup",
				"1 05:00 status failed",
				"1 05:00 status flux: remediation",
				"1 05:00 status flux: uninstall",
				"1 05:00 status uninstalling",
				"1 05:00 status deleted",
				"1 05:00 status flux: install",
				"1 05:00 status pending-install",
				"1 05:00 delete pre-install Job/setup 200",
				"1 05:00 create pre-install Job/setup 201",
				"1 05:00 wait pre-install Job/setup",
				"1 10:00 failed pre-install Job/setup",
				"1 10:00 status failed",
				"1 10:00 status flux: remediation",
				"1 10:00 status flux: uninstall",
				"1 10:00 status uninstalling",
				"1 10:00 status deleted",
				"1 exit 1: failed pre-install: resource Job/default/setup not ready. status: Failed, message: Job Failed. failed: 1/1 context deadline exceeded",
				"left Job/setup",
			}},
		{name: "the last failed upgrade is rolled back when retries > 0", engine: EngineFlux, chart: "install-hook", flux: FluxOptions{UpgradeRetries: 1}, fail: []string{"job/setup"}, actions: upgrade,
			upstream: "api/v2/helmrelease_types.go:1025-1030 UpgradeRemediation.MustRemediateLastFailure (retries > 0), GetStrategy (rollback)",
			want: []string{
				"1 00:00 status flux: install",
				"1 00:00 status pending-install",
				"1 00:00 delete pre-install Job/setup 404",
				"1 00:00 create pre-install Job/setup 201",
				"1 00:00 wait pre-install Job/setup",
				"1 00:01 ready pre-install Job/setup",
				"1 00:01 create ConfigMap/settings 201",
				"1 00:01 wait",
				"1 00:01 status deployed",
				"1 exit 0",
				"2 00:01 status flux: upgrade",
				"2 00:01 status pending-upgrade",
				"2 00:01 delete pre-upgrade Job/setup 200",
				"2 00:01 create pre-upgrade Job/setup 201",
				"2 00:01 wait pre-upgrade Job/setup",
				"2 05:01 failed pre-upgrade Job/setup",
				"2 05:01 status failed",
				"2 05:01 status flux: remediation",
				"2 05:01 status flux: rollback",
				"2 05:01 status pending-rollback",
				"2 05:01 update ConfigMap/settings 200",
				"2 05:01 wait",
				"2 05:01 status superseded",
				"2 05:01 status deployed",
				"2 05:01 status flux: upgrade",
				"2 05:01 status pending-upgrade",
				"2 05:01 delete pre-upgrade Job/setup 200",
				"2 05:01 create pre-upgrade Job/setup 201",
				"2 05:01 wait pre-upgrade Job/setup",
				"2 10:01 failed pre-upgrade Job/setup",
				"2 10:01 status failed",
				"2 10:01 status flux: remediation",
				"2 10:01 status flux: rollback",
				"2 10:01 status pending-rollback",
				"2 10:01 update ConfigMap/settings 200",
				"2 10:01 wait",
				"2 10:01 status superseded",
				"2 10:01 status deployed",
				"2 exit 1: pre-upgrade hooks failed: resource Job/default/setup not ready. status: Failed, message: Job Failed. failed: 1/1 context deadline exceeded",
				"left Job/setup",
				"left ConfigMap/settings",
			}},
	})
}
