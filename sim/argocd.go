package sim

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"helm.sh/helm/v3/pkg/releaseutil"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"sigs.k8s.io/yaml"

	"github.com/hooklint/hooklint/internal/argocd"
	"github.com/hooklint/hooklint/internal/render"
)

// This file simulates Argo CD (github.com/argoproj/argo-cd @ 37ee0097 and
// the gitops-engine it carries in gitops-engine/; every rule below was read
// in that source and cites it: pkg/... paths are under gitops-engine/,
// controller/ and util/ paths at the root). Argo CD does not run Helm's
// actions: its repo server runs `helm template --include-crds` (Helm 4.2.4,
// hack/tool-versions.sh; util/helm/cmd.go template), so resources with an
// unknown hook token are already gone and crds/ is part of the output, and
// the application controller syncs that output, mapping Helm's hook
// annotations to its own sync phases, waves and delete policies
// (internal/argocd). Helm 4.2.4 renders and sorts manifests as the
// simulation's Helm 4.3.1 does (pkg/release/v1/util manifest_sorter.go and
// kind_sorter.go differ only in style).

// ArgoPhase is an Argo CD sync phase, or where a hook runs at app deletion.
type ArgoPhase = argocd.Phase

// Argo CD phases (gitops-engine pkg/sync/common HookType; sync_phase.go).
const (
	ArgoPreSync    = argocd.PreSync
	ArgoSync       = argocd.Sync
	ArgoPostSync   = argocd.PostSync
	ArgoSyncFail   = argocd.SyncFail
	ArgoPreDelete  = argocd.PreDelete
	ArgoPostDelete = argocd.PostDelete
	ArgoSkip       = argocd.Skip
	ArgoNever      = argocd.Never // a hook Argo CD counts but never applies
)

// ArgoMapping is how Argo CD treats one rendered resource.
type ArgoMapping = argocd.Mapping

// MapArgoCD maps a resource's annotations the way Argo CD does (§7.1); see
// internal/argocd.Map, shared with the HL8xxx rules.
func MapArgoCD(annotations map[string]string) ArgoMapping { return argocd.Map(annotations) }

func containsPhase(ps []ArgoPhase, p ArgoPhase) bool { return slices.Contains(ps, p) }

// argoTask is one resource of a sync, in one sync phase (a hook of two
// phases is two tasks: pkg/sync/sync_context.go getSyncTasks).
type argoTask struct {
	obj   *Object
	m     ArgoMapping
	path  string
	phase ArgoPhase
	wave  int    // m.Wave, or the wave it was moved to (moved)
	moved string // why phase and wave were taken from another task (adjustArgoDeps)
	prune bool   // a live resource the chart no longer has (no target object)
}

// argoPhaseOrder is gitops-engine's syncPhaseOrder (pkg/sync/sync_tasks.go).
var argoPhaseOrder = map[ArgoPhase]int{ArgoPreSync: -1, ArgoSync: 0, ArgoPostSync: 1, ArgoSyncFail: 2} //nolint:gochecknoglobals // read-only lookup table

// sortArgoTasks sorts the tasks of a sync as syncTasks.Sort does
// (pkg/sync/sync_tasks.go): syncTasks.Less orders phase, wave, kind
// (kindOrder), name; then a Namespace the sync creates moves before the
// first task in it and a CRD before the first of its custom resources,
// each taking that task's phase and wave (adjustDeps; tests
// TestSyncTasksSort_NamespaceAndObjectInNamespace,
// TestSyncTasksSort_CRDAndCR in pkg/sync/sync_tasks_test.go).
func sortArgoTasks(ts []*argoTask) {
	sort.SliceStable(ts, func(i, j int) bool {
		a, b := ts[i], ts[j]
		if d := argoPhaseOrder[a.phase] - argoPhaseOrder[b.phase]; d != 0 {
			return d < 0
		}
		return argocd.Less(a.wave, a.obj.Kind, a.obj.Name, b.wave, b.obj.Kind, b.obj.Name)
	})
	adjustArgoDeps(ts, func(o *Object) (string, bool) {
		return o.Name, o.Kind == "Namespace" && o.Group == ""
	}, func(o *Object) (string, bool) {
		return o.Namespace, o.Namespace != ""
	}, "Namespace %s is created before the first task in it")
	adjustArgoDeps(ts, func(o *Object) (string, bool) {
		if o.Kind != "CustomResourceDefinition" || o.Group != "apiextensions.k8s.io" {
			return "", false
		}
		g, k := nestedString(o.Content, "spec", "group"), nestedString(o.Content, "spec", "names", "kind")
		return g + "/" + k, g != "" && k != ""
	}, func(o *Object) (string, bool) {
		return o.Group + "/" + o.Kind, true
	}, "the CRD of %s is created before the first of its custom resources")
}

// adjustArgoDeps is syncTasks.adjustDeps (pkg/sync/sync_tasks.go): a task
// that is a dependency found after a task that references it moves to that
// task's place and takes its phase and wave.
func adjustArgoDeps(ts []*argoTask, isDep, refDep func(*Object) (string, bool), why string) {
	first := map[string]int{}
	for i, t := range ts {
		if t.prune {
			continue // no target object
		}
		if key, ok := isDep(t.obj); ok {
			idx, ok := first[key]
			if !ok {
				continue
			}
			t.wave, t.phase = ts[idx].wave, ts[idx].phase
			t.moved = fmt.Sprintf(why, key) + fmt.Sprintf(" (pkg/sync/sync_tasks.go adjustDeps): %s phase, wave %d, of %s", t.phase, t.wave, ts[idx].obj)
			copy(ts[idx+1:i+1], ts[idx:i])
			ts[idx] = t
			for k, v := range first {
				if v >= idx {
					first[k] = v + 1
				}
			}
		} else if key, ok := refDep(t.obj); ok {
			if _, seen := first[key]; !seen {
				first[key] = i
			}
		}
	}
}

// runArgoCD simulates the scenario as Argo CD would run it: install and
// upgrade steps are syncs of the chart, rollback a sync of the chart of that
// revision (Argo's history rollback), uninstall the app's deletion, test
// nothing (Argo CD never runs test hooks).
func runArgoCD(sc *Scenario) (*Result, error) {
	if sc.Release == "" {
		sc.Release = DefaultReleaseName
	}
	if sc.Namespace == "" {
		sc.Namespace = "default"
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
	s := &simulation{sc: sc, explain: newExplainer(), crdFiles: map[string]bool{}}
	s.cluster = NewCluster(&s.clock, sc.Namespace)
	a := &argo{s: s, mapper: newStaticMapper(minor)}
	if err := s.cluster.loadState(sc.ClusterState, a.mapper, sc.Namespace); err != nil {
		return nil, err
	}
	res := &Result{Helm: HelmV4, Engine: EngineArgoCD, Release: sc.Release, Namespace: sc.Namespace, KubeVersion: caps0.KubeVersion.Version}
	for i, st := range sc.Steps {
		idx := i + 1
		s.mu.Lock()
		s.step, s.action = idx, st.Action
		s.outcomes = sc.Outcomes.merge(st.Outcomes)
		s.mu.Unlock()
		s.cluster.SetStep(idx)
		if res.Chart == "" && st.Chart != nil {
			res.Chart = st.Chart.Arg
		}
		sr := StepResult{Index: idx, Action: st.Action, Start: s.clock.Now(), Release: sc.Release}
		err := a.step(st, &sr)
		if err != nil {
			sr.Err = err.Error()
		}
		sr.End = s.clock.Now()
		res.Steps = append(res.Steps, sr)
	}
	res.Events = s.events
	res.Calls = s.cluster.Calls()
	res.Leftovers = a.leftovers()
	finish(res, sc, a.defined)
	return res, nil
}

// argo is the state of an Argo CD simulation: the app's revisions.
type argo struct {
	s         *simulation
	defined   map[string]bool // Kind/name of every object a rendered revision holds
	mapper    *meta.DefaultRESTMapper
	revisions []*render.Chart // synced charts; rollback N syncs revisions[N-1]
	hooks     []*argoTask     // the last rendered revision's hooks (for app deletion)
	status    string
	health    string // the app's health after the last sync: "" (Healthy), Progressing, Degraded
	healthWhy string
}

func (a *argo) step(st Step, sr *StepResult) error {
	s := a.s
	switch st.Action {
	case ActionInstall, ActionUpgrade:
		sr.Command = fmt.Sprintf("argocd app sync %s (helm template --include-crds %s)", s.sc.Release, strings.Join(st.Args, " "))
		err := a.sync(st.Chart, st.Timeout)
		a.revisions = append(a.revisions, st.Chart)
		sr.Revision = len(a.revisions)
		return a.finish(sr, err)
	case ActionRollback:
		rev := st.Revision
		if rev == 0 {
			rev = len(a.revisions) - 1
		}
		if rev < 1 || rev > len(a.revisions) {
			return fmt.Errorf("argocd app rollback: history id %d not found", rev)
		}
		sr.Command = fmt.Sprintf("argocd app rollback %s %d (sync of revision %d)", s.sc.Release, rev, rev)
		ch := a.revisions[rev-1]
		err := a.sync(ch, st.Timeout)
		a.revisions = append(a.revisions, ch)
		sr.Revision = len(a.revisions)
		return a.finish(sr, err)
	case ActionUninstall:
		sr.Command = fmt.Sprintf("argocd app delete %s (cascade)", s.sc.Release)
		err := a.deleteApp(st.Timeout)
		if err == nil {
			a.status = ""
		}
		return err
	case ActionTest:
		sr.Command = fmt.Sprintf("(helm test %s: no Argo CD equivalent)", s.sc.Release)
		s.emit(Event{Type: EventStatus, Release: s.sc.Release, Status: a.status,
			Reason: "Argo CD never runs test hooks: test and test-success get no sync phase (pkg/sync/sync_phase.go syncPhases)"})
		sr.Revision, sr.Status = len(a.revisions), a.status
		return nil
	}
	return fmt.Errorf("unknown action %q", st.Action)
}

// finish records the sync operation's result and the app's health.
func (a *argo) finish(sr *StepResult, err error) error {
	a.status = "Synced"
	reason := "sync operation succeeded"
	switch {
	case err != nil:
		a.status, reason = "OutOfSync (sync failed)", "sync operation failed"
	case a.health != "":
		a.status += ", health " + a.health
		reason += " without waiting for the last wave's resources (pkg/sync/sync_context.go Sync); the app's health turns " + a.health + ": " + a.healthWhy
	}
	a.health, a.healthWhy = "", ""
	sr.Status = a.status
	a.s.emit(Event{Type: EventStatus, Release: a.s.sc.Release, Revision: sr.Revision, Status: a.status, Reason: reason})
	return err
}

// render is `helm template --include-crds` (util/helm/cmd.go template: the
// flag is set unless the app sets skipCrds): the crds/ files first, then
// Helm's render and SortManifests, which drops resources with unknown hook
// tokens; Argo CD sees every remaining document.
func (a *argo) render(ch *render.Chart) ([]*argoTask, error) {
	s := a.s
	r, err := render.Render(ch, &render.Options{ReleaseName: s.sc.Release, Namespace: s.sc.Namespace, KubeVersion: s.sc.KubeVersion, APIVersions: s.sc.APIVersions, RealGeneration: s.sc.RealGeneration}, render.Install)
	if err != nil {
		return nil, err
	}
	caps, err := capabilities(s.sc.KubeVersion, s.sc.APIVersions)
	if err != nil {
		return nil, err
	}
	hooks, manifests, err := releaseutil.SortManifests(r.Files, caps.APIVersions, releaseutil.InstallOrder)
	if err != nil {
		return nil, err
	}
	var crds []crdKind
	for _, f := range ch.Chart.CRDObjects() {
		crds = append(crds, crdKindsOfManifest(f.File.Data)...)
	}
	crds = append(crds, s.cluster.crdKinds()...)
	var out []*argoTask
	add := func(path, text string, origin Origin) error {
		for _, doc := range releaseutil.SplitManifests(text) {
			var m map[string]any
			if err := yaml.Unmarshal([]byte(doc), &m); err != nil || m == nil {
				continue
			}
			o, err := a.object(m, crds)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			o.Origin = origin
			ann := stringMap(nestedValue(m, "metadata", "annotations"))
			mp := MapArgoCD(ann)
			if mp.Hook {
				o.Origin, o.HookPath, o.HookPolicies = OriginHook, path, mp.Policies
			}
			out = append(out, &argoTask{obj: o, m: mp, path: path, wave: mp.Wave})
		}
		return nil
	}
	for _, f := range ch.Chart.CRDObjects() {
		if err := add(f.Filename, string(f.File.Data), OriginCRD); err != nil {
			return nil, err
		}
	}
	for _, m := range manifests {
		if err := add(m.Name, m.Content, OriginRelease); err != nil {
			return nil, err
		}
	}
	for _, h := range hooks {
		if err := add(h.Path, h.Manifest, OriginHook); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// object maps a rendered document to the fake cluster's object. A
// namespaced object without a namespace gets the app's destination
// namespace; the scope of a custom resource is its CRD's.
func (a *argo) object(m map[string]any, crds []crdKind) (*Object, error) {
	apiVersion, _ := m["apiVersion"].(string)
	kind, _ := m["kind"].(string)
	gv, err := schema.ParseGroupVersion(apiVersion)
	if err != nil {
		return nil, err
	}
	name := nestedString(m, "metadata", "name")
	ns := nestedString(m, "metadata", "namespace")
	if ns == "" {
		ns = a.s.sc.Namespace
	}
	resource := strings.ToLower(kind) + "s"
	if rm, err := a.mapper.RESTMapping(schema.GroupKind{Group: gv.Group, Kind: kind}, gv.Version); err == nil {
		resource = rm.Resource.Resource
		if rm.Scope != nil && rm.Scope.Name() == meta.RESTScopeNameRoot {
			ns = ""
		}
	} else if c, ok := findCRDKind(crds, gv.Group, kind); ok {
		if c.Plural != "" {
			resource = c.Plural
		}
		if !c.Namespaced {
			ns = ""
		}
	}
	if md, ok := m["metadata"].(map[string]any); ok && ns != "" {
		md["namespace"] = ns
	}
	return &Object{Key: Key{Group: gv.Group, Kind: kind, Namespace: ns, Name: name}, APIVersion: apiVersion, Resource: resource, Content: m}, nil
}

func findCRDKind(crds []crdKind, group, kind string) (crdKind, bool) {
	for _, c := range crds {
		if c.Group == group && c.Kind == kind {
			return c, true
		}
	}
	return crdKind{}, false
}

// plan is the sync's tasks in order (getSyncTasks, syncTasks.Sort): one per
// sync phase of each resource; resources with none are reported and left
// out.
func (a *argo) plan(tasks []*argoTask) []*argoTask {
	s := a.s
	var out []*argoTask
	for _, t := range tasks {
		phases := t.m.SyncPhases()
		if len(phases) == 0 {
			switch {
			case containsPhase(t.m.Phases, ArgoSkip):
				s.emit(Event{Type: EventKept, Object: t.obj.Key, Origin: t.obj.Origin,
					Reason: "argocd.argoproj.io/hook: Skip: never applied (pkg/sync/hook/hook.go Skip, sync_phase.go syncPhases)"})
			case len(t.m.Phases) == 0:
				s.emit(Event{Type: EventKept, Object: t.obj.Key, Origin: OriginHook, HookPath: t.path,
					Reason: "hook with no sync phase (an unknown argocd.argoproj.io/hook value, pre-rollback, post-rollback, test): never applied (pkg/sync/sync_phase.go syncPhases; a hook is never synced as a plain resource)"})
			}
			continue
		}
		for _, p := range phases {
			c := *t
			c.phase = p
			out = append(out, &c)
		}
	}
	out = append(out, a.pruneTasks(tasks)...)
	sortArgoTasks(out)
	return out
}

// pruneTasks are the live resources of the app that the chart no longer
// has: a Sync-phase task each, at its live sync wave, the prune waves
// then reversed (pkg/sync/sync_context.go getSyncTasks, 1122-1144; test
// TestWaveReorderingOfPruneTasks). Hooks are never pruned (getSyncTasks
// skips them; test TestDoNotSyncOrPruneHooks). They exist with prune off
// too, and then end as "ignored (no prune)" (pruneObject).
func (a *argo) pruneTasks(target []*argoTask) []*argoTask {
	want := map[Key]bool{}
	for _, t := range target {
		want[t.obj.Key] = true
	}
	var out []*argoTask
	waves := map[int]bool{}
	for _, o := range a.tracked() {
		if want[o.Key] {
			continue
		}
		m := MapArgoCD(stringMap(nestedValue(o.Content, "metadata", "annotations")))
		if m.Hook || containsPhase(m.Phases, ArgoSkip) {
			continue
		}
		out = append(out, &argoTask{obj: o, m: m, phase: ArgoSync, wave: m.Wave, prune: true})
		waves[m.Wave] = true
	}
	var uniq []int
	for w := range waves {
		uniq = append(uniq, w)
	}
	sort.Ints(uniq)
	swap := map[int]int{}
	for i, w := range uniq {
		swap[w] = uniq[len(uniq)-1-i]
	}
	for _, t := range out {
		t.wave = swap[t.wave]
	}
	return out
}

// prune deletes a task's live resource when prune is on and the resource
// does not say Prune=false (pkg/sync/sync_context.go pruneObject; test
// TestDoNotPruneResourceLevelPruneFalse); otherwise it stays, OutOfSync.
func (a *argo) prune(t *argoTask) {
	s := a.s
	ann := stringMap(nestedValue(t.obj.Content, "metadata", "annotations"))
	ev := Event{Object: t.obj.Key, Origin: t.obj.Origin, Hook: string(ArgoSync)}
	switch {
	case !s.sc.ArgoCDPrune:
		ev.Type, ev.Reason = EventKept, fmt.Sprintf("not in the chart any more: ignored (no prune), it stays OutOfSync (pkg/sync/sync_context.go pruneObject; --argocd-prune prunes it), wave %d", t.wave)
	case slices.Contains(argocd.CSV(ann["argocd.argoproj.io/sync-options"]), "Prune=false"):
		ev.Type, ev.Reason = EventKept, "not in the chart any more: ignored (Prune=false in argocd.argoproj.io/sync-options; pkg/sync/sync_context.go pruneObject)"
	default:
		err := s.cluster.Delete(t.obj)
		ev.Type, ev.Code = EventDelete, codeOf(err, 200)
		ev.Reason = fmt.Sprintf("pruned: not in the chart any more (prune waves run in reverse order: wave %d; pkg/sync/sync_context.go runTasks prunes first, then waits for the deletion)", t.wave)
	}
	s.emit(ev)
}

// validate is the check of getSyncTasks (pkg/sync/sync_context.go): a
// resource whose kind the API server does not serve fails the whole sync
// before anything is applied, unless a CRD of this sync defines it (its
// dry-run is then skipped).
func (a *argo) validate(ts []*argoTask) error {
	var inSync []crdKind
	for _, t := range ts {
		if t.obj.Kind == "CustomResourceDefinition" && t.obj.Group == "apiextensions.k8s.io" {
			inSync = append(inSync, crdKindsOf(t.obj.Content)...)
		}
	}
	live := a.s.cluster.crdKinds()
	var bad []string
	for _, t := range ts {
		if t.prune {
			continue
		}
		gv, _ := schema.ParseGroupVersion(t.obj.APIVersion)
		if _, err := a.mapper.RESTMapping(schema.GroupKind{Group: gv.Group, Kind: t.obj.Kind}, gv.Version); err == nil {
			continue
		}
		if _, ok := findCRDKind(live, gv.Group, t.obj.Kind); ok {
			continue
		}
		if _, ok := findCRDKind(inSync, gv.Group, t.obj.Kind); ok {
			continue
		}
		bad = append(bad, fmt.Sprintf("the server could not find the requested resource %s (no CRD in the cluster or in this sync defines it)", t.obj))
	}
	if len(bad) > 0 {
		return errors.New("one or more synchronization tasks are not valid: " + strings.Join(bad, "; "))
	}
	return nil
}

// sync runs one sync operation as pkg/sync/sync_context.go Sync does, one
// wave (phase and wave) after another: the wave's tasks are applied
// together; the operation then waits for the wave's hooks to complete,
// and for its plain resources to be healthy only when the sync is
// multi-step (more than one phase or wave, SyncFail included:
// syncTasks.multiStep). The last wave's plain resources are never waited
// for: when it holds no hook the operation succeeds as soon as it is
// applied, even if they later turn Degraded (the "successful" case of
// Sync; test TestSyncSuccessfully, sync_context_test.go:285-319); the
// app's health is reported instead. A failure (an apply error, a failed
// hook, a Degraded resource) stops the operation: hooks with HookFailed
// are deleted, then the SyncFail hooks run together and are waited for,
// and the operation fails once they complete, after which those with
// HookFailed are deleted (executeSyncFailPhase; test
// TestSync_FailedSyncWithSyncFailHook_HookFailed). After success the
// hooks with HookSucceeded are deleted. Resources removed from the chart
// are pruned only with Scenario.ArgoCDPrune (off by default; pruneTasks).
// The app's health after a successful sync is kept in a.health.
func (a *argo) sync(ch *render.Chart, timeout time.Duration) error {
	objs, err := a.render(ch)
	if err != nil {
		return err
	}
	a.hooks = a.hooks[:0]
	if a.defined == nil {
		a.defined = map[string]bool{}
	}
	for _, t := range objs {
		a.defined[t.obj.Kind+"/"+t.obj.Name] = true
		if t.m.Hook {
			a.hooks = append(a.hooks, t)
		}
	}
	tasks := a.plan(objs)
	if err := a.validate(tasks); err != nil {
		return err
	}
	multiStep := len(tasks) > 0 && (tasks[0].phase != tasks[len(tasks)-1].phase || tasks[0].wave != tasks[len(tasks)-1].wave)
	var main, syncFail []*argoTask
	for _, t := range tasks {
		if t.phase == ArgoSyncFail {
			syncFail = append(syncFail, t)
		} else {
			main = append(main, t)
		}
	}
	var ran []*argoTask
	var failure error
	for i := 0; i < len(main) && failure == nil; {
		j := i + 1
		for j < len(main) && main[j].phase == main[i].phase && main[j].wave == main[i].wave {
			j++
		}
		wave := main[i:j]
		i = j
		hasHook := false
		for _, t := range wave {
			if t.prune {
				a.prune(t) // runTasks: prune first
			}
		}
		for _, t := range wave {
			if t.prune {
				continue
			}
			if err := a.apply(t); err != nil {
				failure = fmt.Errorf("one or more objects failed to apply, reason: %w", err)
				break
			}
			if t.m.Hook {
				hasHook = true
				ran = append(ran, t)
			}
		}
		if failure != nil {
			break
		}
		if j == len(main) && !hasHook {
			// the last wave, plain resources only: successful at once
			break
		}
		if err := a.waitWave(wave, multiStep, timeout); err != nil {
			failure = fmt.Errorf("one or more synchronization tasks completed unsuccessfully (%w)", err)
		}
	}
	if failure != nil {
		for _, t := range ran {
			if contains(t.m.Policies, argocd.HookFailed) {
				a.deleteHook(t, "HookFailed: the sync operation failed (pkg/sync/sync_context.go Sync: hooksPendingDeletionFailed)")
			}
		}
		if len(syncFail) == 0 {
			return failure
		}
		var started []*argoTask
		for _, t := range syncFail {
			if err := a.apply(t); err == nil {
				started = append(started, t)
			}
		}
		ferr := a.waitWave(started, false, timeout)
		for _, t := range started {
			if contains(t.m.Policies, argocd.HookFailed) {
				a.deleteHook(t, "HookFailed: deleted once the SyncFail hooks completed and the operation failed (pkg/sync/sync_context.go executeSyncFailPhase)")
			}
		}
		if ferr != nil {
			return fmt.Errorf("%w; SyncFail hooks: %w", failure, ferr)
		}
		return failure
	}
	for _, t := range ran {
		if contains(t.m.Policies, argocd.HookSucceeded) {
			a.deleteHook(t, "HookSucceeded: deleted once the sync operation succeeded")
		}
	}
	a.health, a.healthWhy = a.appHealth(main)
	return nil
}

func argoHookEvent(t *argoTask, phase ArgoPhase) Event {
	w := t.wave
	ev := Event{Hook: string(phase), Object: t.obj.Key, Origin: t.obj.Origin, HookPath: t.path}
	if t.m.Hook {
		ev.Weight = &w
	} else {
		ev.HookPath = ""
	}
	return ev
}

// apply creates or applies one task: a hook with BeforeHookCreation is
// deleted first; hooks and resources are applied (a missing object is
// created, an existing one patched).
func (a *argo) apply(t *argoTask) error {
	s := a.s
	o := *t.obj
	o.Content = deepCopyMap(t.obj.Content)
	if t.m.Hook && contains(t.m.Policies, argocd.BeforeHookCreation) {
		if _, ok := s.cluster.Get(o.Key); ok {
			a.deleteHook(t, "BeforeHookCreation: the previous hook is deleted before it is created again")
		}
	}
	ev := argoHookEvent(t, t.phase)
	ev.Reason = fmt.Sprintf("%s phase, wave %d (%s)", t.phase, t.wave, t.m.Source)
	if t.moved != "" {
		ev.Reason = t.moved
	}
	cur, found := s.cluster.Get(o.Key)
	var err error
	if !found {
		ev.Type = EventCreate
		err = s.cluster.Create(&o)
		ev.Code = codeOf(err, 201)
		if err == nil && isPodRunning(o.Kind) {
			o.Exec = startRun(&o, s.outcomes, missingRefs(s.cluster, &o), s.clock.Now())
		}
	} else {
		ev.Type = EventUpdate
		ev.Reason += "; applied over the live object"
		if isPodRunning(o.Kind) {
			if podTemplateChanged(cur, &o) || cur.Exec == nil {
				o.Exec = startRun(&o, s.outcomes, missingRefs(s.cluster, &o), s.clock.Now())
			} else {
				o.Exec = cur.Exec
			}
		}
		err = s.cluster.Apply(&o, cur)
		ev.Code = codeOf(err, 200)
	}
	if err != nil {
		ev.Error = err.Error()
	}
	s.emit(ev)
	return err
}

func (a *argo) deleteHook(t *argoTask, reason string) {
	ev := argoHookEvent(t, "")
	ev.Type, ev.Reason = EventDelete, reason
	err := a.s.cluster.Delete(t.obj)
	ev.Code = codeOf(err, 200)
	a.s.emit(ev)
}

// argoHealth is an object's health as gitops-engine's pkg/health computes
// it, with the fake cluster's controllers: a Job is Healthy once complete,
// Degraded once failed (health_job.go); a Pod Degraded once failed
// (health_pod.go); a Deployment whose pods never become ready is Degraded
// at its spec.progressDeadlineSeconds (default 600), when the Deployment
// controller sets ProgressDeadlineExceeded (health_deployment.go), which
// the simulation assumes from when its pods started; other workloads stay
// Progressing; every other kind is Healthy at once. at is when the health
// is reached; forever reports Progressing with no end.
func argoHealth(o *Object, now time.Duration) (status string, at time.Duration, forever bool, reason string) {
	r := o.Exec
	switch o.Kind {
	case "Job", "Pod":
		if r == nil {
			return "Healthy", now, false, ""
		}
		if len(r.Pending) > 0 || r.Forever || r.Verdict == Hang {
			return "Progressing", 0, true, fmt.Sprintf("%s %s never finishes: %s", o.Kind, o.Name, r.Reason)
		}
		at = max(now, r.EndsAt())
		if r.Phase(r.EndsAt()) == PhaseFailed {
			return "Degraded", at, false, fmt.Sprintf("%s %s failed", o.Kind, o.Name)
		}
		return "Healthy", at, false, ""
	}
	rd := resourceReadiness(o, true, false, now)
	if !rd.never {
		return "Healthy", max(now, rd.at), false, ""
	}
	if o.Kind == "Deployment" && r != nil {
		deadline := int64(600)
		if n, ok := nestedInt(o.Content, "spec", "progressDeadlineSeconds"); ok {
			deadline = n
		}
		return "Degraded", max(now, r.StartedAt+time.Duration(deadline)*time.Second), false,
			fmt.Sprintf("Deployment %s: %s; Degraded when its progressDeadlineSeconds (%ds, assumed from when its pods started) passes (ProgressDeadlineExceeded)", o.Name, rd.reason, deadline)
	}
	return "Progressing", 0, true, fmt.Sprintf("%s %s: %s", o.Kind, o.Name, rd.reason)
}

// appHealth is the app's health after a successful sync: the worst health
// of its plain resources (pkg/health IsWorse), "" when all are Healthy, and
// why. It is not waited for, only reported.
func (a *argo) appHealth(tasks []*argoTask) (string, string) {
	s := a.s
	now := s.clock.Now()
	worst, why := "", ""
	for _, t := range tasks {
		if t.m.Hook || t.prune {
			continue
		}
		cur, ok := s.cluster.Get(t.obj.Key)
		if !ok {
			continue
		}
		st, at, _, reason := argoHealth(cur, now)
		switch {
		case st == "Degraded" && worst != "Degraded":
			worst, why = st, fmt.Sprintf("%s (at +%s)", reason, at)
		case st == "Progressing" && worst == "":
			worst, why = st, reason
		}
	}
	return worst, why
}

// waitWave waits until every task of a wave is done: hook Jobs and Pods
// complete (a failure fails the sync), and, when the sync is multi-step,
// plain resources healthy (Degraded fails it). Argo CD has no sync
// timeout: a hook or resource that never finishes holds the operation
// Running forever; the simulation stops it after the step's --timeout.
func (a *argo) waitWave(wave []*argoTask, multiStep bool, timeout time.Duration) error {
	s := a.s
	start := s.clock.Now()
	end := start
	var failed []string
	for _, t := range wave {
		cur, ok := s.cluster.Get(t.obj.Key)
		if !ok || t.prune {
			continue
		}
		if t.m.Hook && isPodRunning(cur.Kind) && cur.Exec != nil {
			w := s.watchHook(cur, start, timeout)
			w.reason = strings.Replace(w.reason, "timed out after", "still running after", 1)
			ev := argoHookEvent(t, t.phase)
			ev.Type, ev.Reason = EventReady, w.reason
			if w.err != nil {
				ev.Type, ev.Error = EventFailed, w.err.Error()
				if cur.Exec.Forever || w.end >= start+timeout {
					ev.Error = fmt.Sprintf("hook %s %s never finishes: Argo CD has no hook timeout, the sync operation stays Running until it is terminated", cur.Kind, cur.Name)
				}
				failed = append(failed, ev.Error)
			}
			s.emitAt(ev, w.end)
			end = max(end, w.end)
			continue
		}
		if t.m.Hook || !multiStep {
			continue
		}
		st, at, forever, reason := argoHealth(cur, start)
		ev := argoHookEvent(t, t.phase)
		ev.Type = EventReady
		switch {
		case forever || at > start+timeout:
			at = start + timeout
			ev.Type, ev.Error = EventFailed, fmt.Sprintf("waiting for healthy state of %s after --timeout %s: Argo CD has no sync timeout, the operation stays Running (%s)", cur, timeout, reason)
			failed = append(failed, ev.Error)
		case st == "Degraded":
			ev.Type, ev.Error = EventFailed, reason
			failed = append(failed, fmt.Sprintf("%s is Degraded: %s", cur, reason))
		}
		ev.Reason = "multi-step sync: waits for healthy state of " + cur.String() + " (pkg/sync/sync_context.go Sync, syncTasks.multiStep)"
		s.emitAt(ev, at)
		end = max(end, at)
	}
	s.clock.AdvanceTo(end)
	if len(failed) > 0 {
		return errors.New(strings.Join(failed, "; "))
	}
	return nil
}

// tracked are the live objects the app manages: what its syncs and its
// deletion hooks created (they carry the app's tracking label or
// annotation: controller/state.go CompareAppState SetAppInstance,
// controller/hook.go executeHooks), hooks left by BeforeHookCreation
// included.
func (a *argo) tracked() []*Object {
	var out []*Object
	for _, o := range a.s.cluster.Objects() {
		if o.Origin != OriginCluster {
			out = append(out, o)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Key, out[j].Key
		return a.Kind+"/"+a.Name+"/"+a.Namespace+"/"+a.Group < b.Kind+"/"+b.Name+"/"+b.Namespace+"/"+b.Group
	})
	return out
}

// deleteApp is the cascade (foreground) deletion of the application,
// controller/appcontroller.go finalizeApplicationDeletion: its PreDelete
// hooks (when the last revision has any), then its live resources by
// reverse sync wave, then its PostDelete hooks, then the cleanup of both.
func (a *argo) deleteApp(timeout time.Duration) error {
	s := a.s
	if err := a.runDeletionHooks(ArgoPreDelete, timeout); err != nil {
		return err
	}
	// shouldBeDeleted: never CRDs, nor Delete=false, nor
	// helm.sh/resource-policy: keep (test Test_syncDeleteOption).
	byWave := map[int][]*Object{}
	var waves []int
	for _, o := range a.tracked() {
		ann := stringMap(nestedValue(o.Content, "metadata", "annotations"))
		why := ""
		switch {
		case o.Kind == "CustomResourceDefinition" && o.Group == "apiextensions.k8s.io":
			why = "app deletion never deletes a CRD (controller/appcontroller.go shouldBeDeleted: kube.IsCRD)"
		case slices.Contains(argocd.CSV(ann["argocd.argoproj.io/sync-options"]), "Delete=false"):
			why = "argocd.argoproj.io/sync-options: Delete=false (controller/appcontroller.go shouldBeDeleted)"
		case slices.Contains(argocd.CSV(ann["helm.sh/resource-policy"]), "keep"):
			why = "helm.sh/resource-policy: keep (controller/appcontroller.go shouldBeDeleted)"
		}
		if why != "" {
			s.emit(Event{Type: EventKept, Object: o.Key, Origin: o.Origin, HookPath: o.HookPath, Reason: why})
			continue
		}
		w := argocd.Wave(ann)
		if _, ok := byWave[w]; !ok {
			waves = append(waves, w)
		}
		byWave[w] = append(byWave[w], o)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(waves)))
	for _, w := range waves {
		for _, o := range byWave[w] {
			err := s.cluster.Delete(o)
			s.emit(Event{Type: EventDelete, Object: o.Key, Origin: o.Origin, HookPath: o.HookPath, Code: codeOf(err, 200),
				Reason: fmt.Sprintf("app deletion, wave %d: the highest wave left is deleted together (no fixed order; shown by kind and name), and Argo CD waits until it is gone before the next (controller/sort_delete.go FilterObjectsForDeletion)", w)})
		}
	}
	if err := a.runDeletionHooks(ArgoPostDelete, timeout); err != nil {
		return err
	}
	a.cleanupDeletionHooks(ArgoPreDelete)
	a.cleanupDeletionHooks(ArgoPostDelete)
	return nil
}

// runDeletionHooks is controller/hook.go executeHooks: every hook of the
// type that is not live is created at once, then all of them are waited
// for together; failed ones are deleted and the deletion is retried at the
// next reconciliation. The simulation shows one retry, assuming the hook
// fails the same way again (Argo CD then retries forever and the app
// stays in deletion).
func (a *argo) runDeletionHooks(phase ArgoPhase, timeout time.Duration) error {
	s := a.s
	var want []*argoTask
	for _, t := range a.hooks {
		if containsPhase(t.m.Phases, phase) {
			c := *t
			c.phase = phase
			want = append(want, &c)
		}
	}
	if len(want) == 0 {
		return nil
	}
	sortArgoTasks(want)
	done := map[Key]bool{} // hooks already reported healthy
	for attempt := 1; ; attempt++ {
		for _, t := range want {
			if _, live := s.cluster.Get(t.obj.Key); live {
				continue
			}
			o := *t.obj
			o.Content = deepCopyMap(t.obj.Content)
			err := s.cluster.Create(&o)
			if err == nil && isPodRunning(o.Kind) {
				o.Exec = startRun(&o, s.outcomes, missingRefs(s.cluster, &o), s.clock.Now())
			}
			ev := argoHookEvent(t, phase)
			ev.Type, ev.Code = EventCreate, codeOf(err, 201)
			ev.Reason = fmt.Sprintf("app deletion: every %s hook is created at once (controller/hook.go executeHooks)", phase)
			if err != nil {
				ev.Error = err.Error()
			}
			s.emit(ev)
		}
		start := s.clock.Now()
		end := start
		var failed []*argoTask
		var names []string
		for _, t := range want {
			cur, ok := s.cluster.Get(t.obj.Key)
			if !ok || !isPodRunning(cur.Kind) || cur.Exec == nil || done[cur.Key] {
				continue
			}
			w := s.watchHook(cur, start, timeout)
			w.end = max(w.end, start)
			ev := argoHookEvent(t, phase)
			ev.Type, ev.Reason = EventReady, w.reason
			if w.err != nil {
				ev.Type, ev.Error = EventFailed, w.err.Error()
				if cur.Exec.Forever || w.end >= start+timeout {
					s.emitAt(ev, w.end)
					s.clock.AdvanceTo(w.end)
					return fmt.Errorf("%s hook %s still running after --timeout %s: the app stays in deletion", phase, cur, timeout)
				}
				failed = append(failed, t)
				names = append(names, cur.Namespace+"/"+cur.Name)
			} else {
				done[cur.Key] = true
			}
			s.emitAt(ev, w.end)
			end = max(end, w.end)
		}
		s.clock.AdvanceTo(end)
		if len(failed) == 0 {
			return nil
		}
		for _, t := range failed {
			a.deleteHook(t, fmt.Sprintf("failed %s hook deleted to allow a retry (controller/hook.go executeHooks)", phase))
		}
		err := fmt.Errorf("%s hook(s) failed: %s", phase, strings.Join(names, ", "))
		if attempt == 2 {
			return fmt.Errorf("%w (retried once; with the same outcome Argo CD retries at every reconciliation and the app stays in deletion)", err)
		}
		s.emit(Event{Type: EventStatus, Release: s.sc.Release, Revision: len(a.revisions), Status: "deleting",
			Reason: err.Error() + "; the deletion is retried at the next reconciliation (controller/appcontroller.go finalizeApplicationDeletion)"})
	}
}

// cleanupDeletionHooks is controller/hook.go cleanupHooks: the live hooks
// of the type are deleted when a delete policy matches their aggregated
// health (HookSucceeded: all Healthy; HookFailed: one Degraded); with
// BeforeHookCreation, the default, they stay.
func (a *argo) cleanupDeletionHooks(phase ArgoPhase) {
	s := a.s
	var live []*Object
	for _, o := range a.tracked() {
		if containsPhase(MapArgoCD(stringMap(nestedValue(o.Content, "metadata", "annotations"))).Phases, phase) {
			live = append(live, o)
		}
	}
	now := s.clock.Now()
	aggregated := "Healthy"
	for _, o := range live {
		if st, _, _, _ := argoHealth(o, now); st == "Degraded" {
			aggregated = st
		}
	}
	for _, o := range live {
		pol := argocd.DeletePolicies(stringMap(nestedValue(o.Content, "metadata", "annotations")))
		if (contains(pol, argocd.HookSucceeded) && aggregated == "Healthy") || (contains(pol, argocd.HookFailed) && aggregated == "Degraded") {
			err := s.cluster.Delete(o)
			s.emit(Event{Type: EventDelete, Object: o.Key, Origin: o.Origin, HookPath: o.HookPath, Code: codeOf(err, 200),
				Reason: fmt.Sprintf("%s hook cleanup: its delete policy matches the hooks' health %s (controller/hook.go cleanupHooks)", phase, aggregated)})
		}
	}
}

func (a *argo) leftovers() []Leftover {
	var out []Leftover
	for _, o := range a.s.cluster.Objects() {
		if o.Origin == OriginCluster {
			continue
		}
		l := Leftover{Object: o.Key, Origin: o.Origin, HookPath: o.HookPath}
		if o.Exec != nil && (o.Kind == "Job" || o.Kind == "Pod") {
			l.Phase = o.Exec.Phase(a.s.clock.Now())
		}
		if o.Origin == OriginHook {
			l.Reason = "hook not deleted: Argo delete policies [" + strings.Join(o.HookPolicies, ",") + "]"
		} else {
			l.Reason = "managed by the Argo CD application"
		}
		out = append(out, l)
	}
	return out
}

func deepCopyMap(m map[string]any) map[string]any {
	data, err := yaml.Marshal(m)
	if err != nil {
		return m
	}
	var out map[string]any
	if err := yaml.Unmarshal(data, &out); err != nil {
		return m
	}
	return out
}
