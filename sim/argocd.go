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

// This file simulates Argo CD (argoproj/argo-cd @ 37ee0097, with its
// gitops-engine; see §7.1 of ../shared/docs/helm-hook-semantics.md, from
// which every citation below is taken: the Argo CD source was not fetched
// for this simulation). Argo CD does not run Helm's actions: its repo server
// runs `helm template` (util/helm/cmd.go), so resources with an unknown
// hook token (crd-install included) are already gone, and the application
// controller syncs the output, mapping Helm's hook annotations to its own
// sync phases, waves and delete policies.

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

// argoKindRank is the place of kind in gitops-engine's kindOrder
// (pkg/sync/sync_tasks.go); unknown kinds sort last.
func argoKindRank(kind string) int { return argocd.KindRank(kind) }

// argoTask is one resource of a sync.
type argoTask struct {
	obj  *Object
	m    ArgoMapping
	path string
}

// sortArgoTasks sorts tasks of one phase as syncTasks.Less does: wave, kind
// (kindOrder), name.
func sortArgoTasks(ts []argoTask) {
	sort.SliceStable(ts, func(i, j int) bool {
		a, b := ts[i], ts[j]
		return argocd.Less(a.m.Wave, a.obj.Kind, a.obj.Name, b.m.Wave, b.obj.Kind, b.obj.Name)
	})
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
	managed   []*Object       // the app's plain resources after the last sync
	hooks     []argoTask      // the last rendered revision's hooks (for app deletion)
	status    string
}

func (a *argo) step(st Step, sr *StepResult) error {
	s := a.s
	switch st.Action {
	case ActionInstall, ActionUpgrade:
		sr.Command = fmt.Sprintf("argocd app sync %s (helm template %s)", s.sc.Release, strings.Join(st.Args, " "))
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
		sr.Command = fmt.Sprintf("argocd app delete %s", s.sc.Release)
		err := a.deleteApp(st.Timeout)
		if err == nil {
			a.status = ""
		}
		return err
	case ActionTest:
		sr.Command = fmt.Sprintf("(helm test %s: no Argo CD equivalent)", s.sc.Release)
		s.emit(Event{Type: EventStatus, Release: s.sc.Release, Status: a.status,
			Reason: "Argo CD never runs test hooks: test and test-success get no sync phase (sync_phase.go syncPhases)"})
		sr.Revision, sr.Status = len(a.revisions), a.status
		return nil
	}
	return fmt.Errorf("unknown action %q", st.Action)
}

func (a *argo) finish(sr *StepResult, err error) error {
	a.status = "Synced"
	if err != nil {
		a.status = "OutOfSync (sync failed)"
	}
	sr.Status = a.status
	a.s.emit(Event{Type: EventStatus, Release: a.s.sc.Release, Revision: sr.Revision, Status: a.status, Reason: "sync operation " + map[bool]string{true: "failed", false: "succeeded"}[err != nil]})
	return err
}

// render is `helm template`: Helm's render and SortManifests, which drops
// resources with unknown hook tokens; Argo CD sees every remaining document.
func (a *argo) render(ch *render.Chart) ([]argoTask, error) {
	s := a.s
	r, err := render.Render(ch, &render.Options{ReleaseName: s.sc.Release, Namespace: s.sc.Namespace, KubeVersion: s.sc.KubeVersion, APIVersions: s.sc.APIVersions}, render.Install)
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
	var out []argoTask
	add := func(path, text string) error {
		for _, doc := range releaseutil.SplitManifests(text) {
			var m map[string]any
			if err := yaml.Unmarshal([]byte(doc), &m); err != nil || m == nil {
				continue
			}
			o, err := a.object(m)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			ann := stringMap(nestedValue(m, "metadata", "annotations"))
			mp := MapArgoCD(ann)
			if mp.Hook {
				o.Origin, o.HookPath, o.HookPolicies = OriginHook, path, mp.Policies
			}
			out = append(out, argoTask{obj: o, m: mp, path: path})
		}
		return nil
	}
	for _, m := range manifests {
		if err := add(m.Name, m.Content); err != nil {
			return nil, err
		}
	}
	for _, h := range hooks {
		if err := add(h.Path, h.Manifest); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// object maps a rendered document to the fake cluster's object.
func (a *argo) object(m map[string]any) (*Object, error) {
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
	}
	if md, ok := m["metadata"].(map[string]any); ok && ns != "" {
		md["namespace"] = ns
	}
	return &Object{Key: Key{Group: gv.Group, Kind: kind, Namespace: ns, Name: name}, APIVersion: apiVersion, Resource: resource, Content: m}, nil
}

// sync runs one sync operation (gitops-engine pkg/sync/sync_context.go):
// the PreSync, Sync and PostSync phases in order, each wave applied together
// and waited for (hooks until they finish, plain resources until healthy)
// before the next one; a failure stops the operation, runs the SyncFail
// hooks and deletes hooks with HookFailed; after success hooks with
// HookSucceeded are deleted. Resources removed from the chart are not
// pruned (automated prune is off by default): they stay OutOfSync.
func (a *argo) sync(ch *render.Chart, timeout time.Duration) error {
	s := a.s
	tasks, err := a.render(ch)
	if err != nil {
		return err
	}
	a.hooks = a.hooks[:0]
	if a.defined == nil {
		a.defined = map[string]bool{}
	}
	for _, t := range tasks {
		a.defined[t.obj.Kind+"/"+t.obj.Name] = true
	}
	var plain []*Object
	byPhase := map[ArgoPhase][]argoTask{}
	for _, t := range tasks {
		if !t.m.Hook {
			plain = append(plain, t.obj)
		} else {
			a.hooks = append(a.hooks, t)
		}
		if len(t.m.Phases) == 0 {
			s.emit(Event{Type: EventKept, Object: t.obj.Key, Origin: OriginHook, HookPath: t.path,
				Reason: "Helm hook without an Argo CD phase (pre-rollback, post-rollback, test): never applied (sync_phase.go syncPhases)"})
		}
		for _, p := range t.m.Phases {
			byPhase[p] = append(byPhase[p], t)
		}
	}
	var ran []argoTask
	var failure error
	for _, phase := range []ArgoPhase{ArgoPreSync, ArgoSync, ArgoPostSync} {
		ts := byPhase[phase]
		sortArgoTasks(ts)
		for i := 0; i < len(ts) && failure == nil; {
			j := i + 1
			for j < len(ts) && ts[j].m.Wave == ts[i].m.Wave {
				j++
			}
			wave := ts[i:j]
			for _, t := range wave {
				if err := a.apply(t, phase); err != nil {
					failure = fmt.Errorf("one or more objects failed to apply, reason: %w", err)
					break
				}
				if t.m.Hook {
					ran = append(ran, t)
				}
			}
			if failure == nil {
				failure = a.waitWave(wave, phase, timeout)
			}
			i = j
		}
		if failure != nil {
			break
		}
	}
	if failure != nil {
		for _, t := range byPhase[ArgoSyncFail] {
			if err := a.apply(t, ArgoSyncFail); err == nil {
				ran = append(ran, t)
			}
		}
		for _, t := range ran {
			if contains(t.m.Policies, "HookFailed") {
				a.deleteHook(t, "HookFailed: the sync operation failed")
			}
		}
		a.managed = plain
		return failure
	}
	for _, t := range ran {
		if contains(t.m.Policies, "HookSucceeded") {
			a.deleteHook(t, "HookSucceeded: deleted once the sync operation succeeded")
		}
	}
	a.managed = plain
	return nil
}

func argoHookEvent(t argoTask, phase ArgoPhase) Event {
	w := t.m.Wave
	ev := Event{Hook: string(phase), Object: t.obj.Key, Origin: t.obj.Origin, HookPath: t.path}
	if t.m.Hook {
		ev.Weight = &w
	}
	return ev
}

// apply creates or applies one task: a hook with BeforeHookCreation is
// deleted first; hooks and resources are applied (a missing object is
// created, an existing one patched).
func (a *argo) apply(t argoTask, phase ArgoPhase) error {
	s := a.s
	o := *t.obj
	o.Content = deepCopyMap(t.obj.Content)
	if t.m.Hook && contains(t.m.Policies, "BeforeHookCreation") {
		if _, ok := s.cluster.Get(o.Key); ok {
			a.deleteHook(t, "BeforeHookCreation: the previous hook is deleted before it is created again")
		}
	}
	ev := argoHookEvent(t, phase)
	ev.Reason = fmt.Sprintf("%s phase, wave %d (%s)", phase, t.m.Wave, t.m.Source)
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

func (a *argo) deleteHook(t argoTask, reason string) {
	ev := argoHookEvent(t, "")
	ev.Type, ev.Reason = EventDelete, reason
	err := a.s.cluster.Delete(t.obj)
	ev.Code = codeOf(err, 200)
	a.s.emit(ev)
}

// waitWave waits until every task of a wave is done: hook Jobs complete and
// hook Pods succeed (a failure fails the sync), plain resources are healthy.
// Argo CD has no hook timeout: a hook that never finishes holds the sync
// forever; the simulation stops it after the step's --timeout.
func (a *argo) waitWave(wave []argoTask, phase ArgoPhase, timeout time.Duration) error {
	s := a.s
	start := s.clock.Now()
	end := start
	var failed []string
	for _, t := range wave {
		cur, ok := s.cluster.Get(t.obj.Key)
		if !ok {
			continue
		}
		if t.m.Hook && isPodRunning(cur.Kind) && cur.Exec != nil {
			w := s.watchHook(cur, start, timeout)
			w.reason = strings.Replace(w.reason, "timed out after", "still running after", 1)
			ev := argoHookEvent(t, phase)
			ev.Type, ev.Reason = EventReady, w.reason
			if w.err != nil {
				ev.Type, ev.Error = EventFailed, w.err.Error()
				if cur.Exec.Forever || w.end >= start+timeout {
					ev.Error = fmt.Sprintf("hook %s %s never finishes: Argo CD has no hook timeout, the sync operation stays Running until it is terminated", cur.Kind, cur.Name)
				}
				failed = append(failed, ev.Error)
			}
			s.emitAt(ev, w.end)
			if w.end > end {
				end = w.end
			}
			continue
		}
		if !t.m.Hook {
			rd := resourceReadiness(cur, true, false, start)
			if rd.never {
				failed = append(failed, fmt.Sprintf("%s %s is not healthy: %s", cur.Kind, cur.Name, rd.reason))
				end = start + timeout
			} else if rd.at > end {
				end = rd.at
			}
		}
	}
	s.clock.AdvanceTo(end)
	if len(failed) > 0 {
		return errors.New(strings.Join(failed, "; "))
	}
	return nil
}

// deleteApp is the deletion of the application (controller/hook.go,
// Argo CD >= 3.3 for PreDelete): PreDelete hooks, then every managed
// resource, then PostDelete hooks; hooks with HookSucceeded are deleted
// after they succeed.
func (a *argo) deleteApp(timeout time.Duration) error {
	s := a.s
	run := func(phase ArgoPhase) error {
		var ts []argoTask
		for _, t := range a.hooks {
			if containsPhase(t.m.Phases, phase) {
				ts = append(ts, t)
			}
		}
		sortArgoTasks(ts)
		for _, t := range ts {
			if err := a.apply(t, phase); err != nil {
				return err
			}
			if err := a.waitWave([]argoTask{t}, phase, timeout); err != nil {
				return fmt.Errorf("%s hook failed: %w", phase, err)
			}
		}
		for i := len(ts) - 1; i >= 0; i-- {
			if contains(ts[i].m.Policies, "HookSucceeded") {
				a.deleteHook(ts[i], "HookSucceeded: deleted after it succeeded")
			}
		}
		return nil
	}
	if err := run(ArgoPreDelete); err != nil {
		return err
	}
	objs := append([]*Object(nil), a.managed...)
	sort.SliceStable(objs, func(i, j int) bool { return argoKindRank(objs[i].Kind) > argoKindRank(objs[j].Kind) })
	for _, o := range objs {
		if ann := stringMap(nestedValue(o.Content, "metadata", "annotations")); strings.Contains(ann["argocd.argoproj.io/sync-options"], "Delete=false") {
			continue
		}
		err := s.cluster.Delete(o)
		s.emit(Event{Type: EventDelete, Object: o.Key, Origin: OriginRelease, Code: codeOf(err, 200), Reason: "app deletion: managed resource deleted"})
	}
	a.managed = nil
	return run(ArgoPostDelete)
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
