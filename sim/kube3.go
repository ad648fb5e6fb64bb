package sim

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	jsonpatch "github.com/evanphx/json-patch"
	multierror "github.com/hashicorp/go-multierror"
	"helm.sh/helm/v3/pkg/kube"
	v1 "k8s.io/api/core/v1"
	apiextv1beta1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1beta1"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/jsonmergepatch"
	"k8s.io/apimachinery/pkg/util/mergepatch"
	"k8s.io/apimachinery/pkg/util/strategicpatch"
	"k8s.io/cli-runtime/pkg/resource"
)

// kube3 is the fake cluster behind Helm v3's kube.Interface and the
// extension interfaces pkg/action type-asserts. Each method mirrors the
// named function of helm.sh/helm/v3@v3.22.0 pkg/kube/client.go, with two
// differences: resources are handled one after another in list order (Helm
// sends the resources of one kind in parallel, so only their order within a
// kind differs), and every wait resolves at once on the virtual clock.
type kube3 struct {
	s *simulation
}

var (
	_ kube.Interface                    = (*kube3)(nil)
	_ kube.InterfaceExt                 = (*kube3)(nil)
	_ kube.InterfaceDeletionPropagation = (*kube3)(nil)
	_ kube.InterfaceThreeWayMerge       = (*kube3)(nil)
	_ kube.InterfaceLogs                = (*kube3)(nil)
	_ kube.InterfaceResources           = (*kube3)(nil)
)

// errWatchTimeout is what client-go's watchtools.UntilWithSync returns when
// the context expires (k8s.io/apimachinery wait.ErrWaitTimeout), the error
// Helm v3 reports for a hook that does not finish in time.
var errWatchTimeout = errors.New("timed out waiting for the condition")

// IsReachable: the simulated cluster is always reachable.
func (k *kube3) IsReachable() error { return nil }

// Build mirrors Client.Build: Helm's own builder (kube.Client.Build) decodes
// the manifests with the simulated REST mapping. It always builds without
// client-side schema validation: against an API server that supports field
// validation (Kubernetes >= 1.27) cli-runtime's paramVerifyingSchema skips it
// (k8s.io/cli-runtime resource/query_param_verifier.go), so a real helm does
// not validate client-side either.
func (k *kube3) Build(reader io.Reader, _ bool) (kube.ResourceList, error) {
	k.s.restoreTemplates() // Helm's action is past its render (rendergate.go)
	data, err := io.ReadAll(reader)
	if err != nil {
		return nil, err
	}
	if infos, ok := k.s.builds.get(string(data)); ok {
		k.s.tag(infos, string(data))
		return infos, nil
	}
	infos, err := k.s.kc.Build(bytes.NewReader(data), false)
	if err != nil {
		if h := k.s.explain.hookByManifest(string(data)); h != nil {
			ev := k.s.explain.onBuildFailed(h).event(EventFailed, &Object{Key: Key{Kind: h.Kind, Name: h.Name}, Origin: OriginHook})
			ev.Error = err.Error()
			k.s.emit(ev)
		}
		return nil, err
	}
	k.s.builds.put(string(data), infos)
	k.s.tag(infos, string(data))
	return infos, nil
}

// BuildTable mirrors Client.BuildTable (used by helm status; same objects).
func (k *kube3) BuildTable(reader io.Reader, validate bool) (kube.ResourceList, error) {
	return k.Build(reader, validate)
}

// Create mirrors Client.Create: one POST per resource (createResource), the
// errors collected by perform into a multierror.
func (k *kube3) Create(resources kube.ResourceList) (*kube.Result, error) {
	if len(resources) == 0 {
		return nil, kube.ErrNoObjectsVisited
	}
	s := k.s
	t := s.tagOf(resources[0])
	var hookCtx eventContext
	if t.hook != nil {
		hookCtx = s.explain.onCreate(t.hook)
	}
	var result error
	for _, info := range resources {
		o, err := s.objectOf(info)
		if err != nil {
			result = multierror.Append(result, err)
			continue
		}
		ctx := hookCtx
		if t.hook == nil {
			ctx = s.resourceContext(EventCreate, o)
		}
		if err := s.create(o, ctx); err != nil {
			result = multierror.Append(result, err)
		}
	}
	if result != nil {
		if t.hook != nil {
			s.explain.onCreateFailed(t.hook)
		}
		return nil, result
	}
	return &kube.Result{Created: resources}, nil
}

// Delete mirrors Client.Delete (background propagation).
func (k *kube3) Delete(resources kube.ResourceList) (*kube.Result, []error) {
	return k.DeleteWithPropagationPolicy(resources, metav1.DeletePropagationBackground)
}

// DeleteWithPropagationPolicy mirrors rdelete: a DELETE per resource;
// NotFound counts as deleted; other errors are collected; an empty list is
// "object not found, skipping delete: no objects visited".
func (k *kube3) DeleteWithPropagationPolicy(resources kube.ResourceList, _ metav1.DeletionPropagation) (*kube.Result, []error) {
	s := k.s
	if len(resources) == 0 {
		return nil, []error{fmt.Errorf("object not found, skipping delete: %w", kube.ErrNoObjectsVisited)}
	}
	t := s.tagOf(resources[0])
	var hookCtx eventContext
	if t.hook != nil {
		hookCtx = s.explain.onDelete(t.hook)
	}
	var errs []error
	res := &kube.Result{}
	for _, info := range resources {
		o, err := s.objectOf(info)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ctx := hookCtx
		if t.hook == nil {
			ctx = s.resourceContext(EventDelete, o)
		}
		err = s.delete(o, ctx)
		if err == nil || isNotFound(err) {
			res.Deleted = append(res.Deleted, info)
			continue
		}
		errs = append(errs, err)
	}
	if errs != nil {
		return nil, errs
	}
	return res, nil
}

// WaitForDelete mirrors Client.WaitForDelete (pkg/kube/wait.go
// waitForDeletedResources, polling Get every 2s): objects in the fake cluster
// have no finalizers and are gone at once, so the first poll succeeds.
func (k *kube3) WaitForDelete(resources kube.ResourceList, timeout time.Duration) error {
	s := k.s
	for _, info := range resources {
		o, err := s.objectOf(info)
		if err != nil {
			return err
		}
		if _, ok := s.cluster.Get(o.Key); ok {
			if timeout <= 0 {
				return context.DeadlineExceeded
			}
			s.clock.Advance(timeout)
			return context.DeadlineExceeded
		}
	}
	return nil
}

// WatchUntilReady mirrors Client.WatchUntilReady / watchUntilReady: only Jobs
// and Pods are watched, everything else is ready at once; resources of one
// kind are watched in parallel, kinds one after another (perform).
func (k *kube3) WatchUntilReady(resources kube.ResourceList, timeout time.Duration) error {
	if len(resources) == 0 {
		return kube.ErrNoObjectsVisited
	}
	s := k.s
	t := s.tagOf(resources[0])
	var result error
	for start := 0; start < len(resources); {
		end := start + 1
		kind := resources[start].Mapping.GroupVersionKind.Kind
		for end < len(resources) && resources[end].Mapping.GroupVersionKind.Kind == kind {
			end++
		}
		batchStart := s.clock.Now()
		var outcomes []hookWait
		for _, info := range resources[start:end] {
			o, err := s.objectOf(info)
			if err != nil {
				result = multierror.Append(result, err)
				continue
			}
			outcomes = append(outcomes, s.watchHook(o, batchStart, timeout))
		}
		sort.SliceStable(outcomes, func(i, j int) bool { return outcomes[i].end < outcomes[j].end })
		for _, w := range outcomes {
			s.clock.AdvanceTo(w.end)
			w.emit(s, t)
			if w.err != nil {
				result = multierror.Append(result, w.err)
			}
		}
		start = end
	}
	if t.hook != nil {
		s.explain.onWatched(t.hook, result)
	}
	return result
}

// Wait mirrors Client.Wait: poll every 2s until every resource is ready as
// pkg/kube/ready.go ReadyChecker judges it, or fail with the context's error
// when the timeout expires.
func (k *kube3) Wait(resources kube.ResourceList, timeout time.Duration) error {
	return k.s.waitResources(resources, timeout, false)
}

// WaitWithJobs mirrors Client.WaitWithJobs: Wait, and Jobs must complete.
func (k *kube3) WaitWithJobs(resources kube.ResourceList, timeout time.Duration) error {
	return k.s.waitResources(resources, timeout, true)
}

// Update mirrors Client.Update.
func (k *kube3) Update(original, target kube.ResourceList, force bool) (*kube.Result, error) {
	return k.s.update(original, target, force, false)
}

// UpdateThreeWayMerge mirrors Client.UpdateThreeWayMerge.
func (k *kube3) UpdateThreeWayMerge(original, target kube.ResourceList, force bool) (*kube.Result, error) {
	return k.s.update(original, target, force, true)
}

// WaitAndGetCompletedPodPhase mirrors Client.WaitAndGetCompletedPodPhase.
func (k *kube3) WaitAndGetCompletedPodPhase(name string, timeout time.Duration) (v1.PodPhase, error) {
	s := k.s
	o, ok := s.cluster.Get(Key{Kind: "Pod", Namespace: s.sc.Namespace, Name: name})
	if !ok || o.Exec == nil {
		return v1.PodUnknown, errWatchTimeout
	}
	switch o.Exec.Phase(s.clock.Now() + timeout) {
	case PhaseSucceeded:
		s.clock.AdvanceTo(o.Exec.EndsAt())
		return v1.PodSucceeded, nil
	case PhaseFailed:
		s.clock.AdvanceTo(o.Exec.EndsAt())
		return v1.PodFailed, nil
	}
	s.clock.Advance(timeout)
	return v1.PodUnknown, errWatchTimeout
}

// GetPodList is asked for the pods of a hook whose helm.sh/hook-output-log-policy
// matches (pkg/action/hooks.go outputLogsByPolicy). The fake cluster runs no
// containers, so there are no logs; the timeline notes the request.
func (k *kube3) GetPodList(namespace string, listOptions metav1.ListOptions) (*v1.PodList, error) {
	sel := listOptions.LabelSelector
	if sel == "" {
		sel = listOptions.FieldSelector
	}
	k.s.emit(Event{Type: EventLogs,
		Reason: fmt.Sprintf("helm.sh/hook-output-log-policy: Helm prints the logs of the pods %s in %s to stderr (none in a simulation)", sel, namespace)})
	return &v1.PodList{}, nil
}

// OutputContainerLogsForPodList: there are no containers, hence no logs.
func (k *kube3) OutputContainerLogsForPodList(*v1.PodList, string, func(namespace, pod, container string) io.Writer) error {
	return nil
}

// Get mirrors Client.Get (helm status --show-resources): the objects as stored.
func (k *kube3) Get(resources kube.ResourceList, _ bool) (map[string][]runtime.Object, error) {
	out := map[string][]runtime.Object{}
	for _, info := range resources {
		o, err := k.s.objectOf(info)
		if err != nil {
			return nil, err
		}
		if cur, ok := k.s.cluster.Get(o.Key); ok {
			vk := info.Mapping.GroupVersionKind.GroupVersion().String() + "/" + info.Mapping.GroupVersionKind.Kind
			out[vk] = append(out[vk], &unstructured.Unstructured{Object: runtime.DeepCopyJSON(cur.Content)})
		}
	}
	return out, nil
}

// objectOf converts a resource.Info to the fake cluster's object type.
func (s *simulation) objectOf(info *resource.Info) (*Object, error) {
	var content map[string]any
	switch obj := info.Object.(type) {
	case *unstructured.Unstructured:
		content = runtime.DeepCopyJSON(obj.Object)
	case nil:
		content = map[string]any{}
	default:
		c, err := runtime.DefaultUnstructuredConverter.ToUnstructured(obj)
		if err != nil {
			return nil, fmt.Errorf("converting %s %q: %w", info.Mapping.GroupVersionKind.Kind, info.Name, err)
		}
		content = c
	}
	gvk := info.Mapping.GroupVersionKind
	key := Key{Group: gvk.Group, Kind: gvk.Kind, Namespace: info.Namespace, Name: info.Name}
	if info.Mapping.Scope != nil && info.Mapping.Scope.Name() == meta.RESTScopeNameRoot {
		key.Namespace = ""
	} else if md, ok := content["metadata"].(map[string]any); ok && key.Namespace != "" {
		md["namespace"] = key.Namespace
	}
	t := s.tagOf(info)
	o := &Object{
		Key:        key,
		APIVersion: gvk.GroupVersion().String(),
		Resource:   info.Mapping.Resource.Resource,
		Content:    content,
		Origin:     t.origin,
	}
	if t.hook != nil {
		o.HookPath = t.hook.Path
		o.HookPolicies = t.hook.effectivePolicies()
	}
	return o, nil
}

// create sends one create to the cluster, starts the run of a pod-running
// object and records the event.
func (s *simulation) create(o *Object, ctx eventContext) error {
	err := s.cluster.Create(o)
	ev := ctx.event(EventCreate, o)
	ev.Code = codeOf(err, 201)
	if err != nil {
		ev.Error = err.Error()
	} else if isPodRunning(o.Kind) {
		o.Exec = startRun(o, s.outcomes, missingRefs(s.cluster, o), s.clock.Now())
	}
	s.emit(ev)
	return err
}

func (s *simulation) delete(o *Object, ctx eventContext) error {
	err := s.cluster.Delete(o)
	ev := ctx.event(EventDelete, o)
	ev.Code = codeOf(err, 200)
	if err != nil && !isNotFound(err) {
		ev.Error = err.Error()
	}
	s.emit(ev)
	return err
}

// hookWait is the result of watching one hook resource.
type hookWait struct {
	obj     *Object
	start   time.Duration
	end     time.Duration
	err     error
	waited  bool // a Job or Pod: Helm watched it
	reason  string
	pending string
	refs    []Ref
}

// watchHook decides what Helm's watchUntilReady sees for one resource
// (helm.sh/helm/v3@v3.22.0 pkg/kube/client.go watchUntilReady, waitForJob,
// waitForPodSuccess): a Job is ready when Complete and fails with
// "job NAME failed: REASON"; a Pod is ready when Succeeded and fails with
// "pod NAME failed"; a timeout is "timed out waiting for the condition";
// --timeout 0 waits forever; every other kind is ready at once.
func (s *simulation) watchHook(o *Object, start, timeout time.Duration) hookWait {
	w := hookWait{obj: o, start: start, end: start}
	if o.Kind != "Job" && o.Kind != "Pod" {
		return w
	}
	w.waited = true
	cur, ok := s.cluster.Get(o.Key)
	if !ok || cur.Exec == nil {
		w.reason = "not in the cluster: the watch never sees it"
		w.end, w.err = start+timeout, errWatchTimeout
		return w
	}
	r := cur.Exec
	if len(r.Pending) > 0 {
		w.pending, w.refs = r.Reason, r.Pending
	}
	if r.Forever || (timeout > 0 && r.EndsAt() > start+timeout) {
		if timeout <= 0 {
			w.end = start
			w.err = fmt.Errorf("hooklint: helm would wait forever for %s %s (--timeout %s has no deadline and it never finishes: %s)", o.Kind, o.Name, timeout, r.Reason)
			w.reason = fmt.Sprintf("--timeout %s waits forever", timeout)
			return w
		}
		w.end, w.err = start+timeout, errWatchTimeout
		w.reason = "timed out after " + timeout.String()
		if r.Reason != "" {
			w.reason += ": " + r.Reason
		} else {
			w.reason += fmt.Sprintf(": runs %s", r.Duration)
		}
		return w
	}
	if r.EndsAt() > start {
		w.end = r.EndsAt()
	}
	ran := w.end - r.StartedAt
	switch {
	case r.Phase(w.end) == PhaseFailed && o.Kind == "Job":
		w.err = fmt.Errorf("job %s failed: %s", o.Name, r.Reason)
		w.reason = fmt.Sprintf("Failed after %s: %s", ran, r.Reason)
	case r.Phase(w.end) == PhaseFailed:
		w.err = fmt.Errorf("pod %s failed", o.Name)
		w.reason = fmt.Sprintf("Failed after %s", ran)
	case o.Kind == "Job":
		w.reason = fmt.Sprintf("Complete after %s", ran)
	default:
		w.reason = fmt.Sprintf("Succeeded after %s", ran)
	}
	if r.Rule != "" {
		w.reason += " (" + r.Rule + ")"
	}
	return w
}

func (w hookWait) emit(s *simulation, t tag) {
	if !w.waited {
		return
	}
	ctx := s.explain.current(t.hook)
	wait := ctx.event(EventWait, w.obj)
	what := "the Job to complete"
	if w.obj.Kind == "Pod" {
		what = "the Pod to succeed"
	}
	wait.Reason = "waits for " + what
	if w.pending != "" {
		wait.Reason += "; " + w.pending
		wait.Refs = w.refs
	}
	s.emitAt(wait, w.start)
	done := ctx.event(EventReady, w.obj)
	if w.err != nil {
		done.Type = EventFailed
		done.Error = w.err.Error()
		done.Refs = w.refs
	}
	done.Reason = w.reason
	s.emitAt(done, w.end)
}

// waitResources mirrors pkg/kube/wait.go waitForResources: every 2s (the
// first check at once) it asks ReadyChecker.IsReady of each resource; on
// timeout it returns the context's error.
func (s *simulation) waitResources(resources kube.ResourceList, timeout time.Duration, withJobs bool) error {
	start := s.clock.Now()
	what := "--wait"
	if withJobs {
		what = "--wait --wait-for-jobs"
	}
	s.emit(Event{Type: EventWait, Reason: fmt.Sprintf("%s: %d release resource(s), timeout %s", what, len(resources), timeout)})
	type state struct {
		o  *Object
		rd readiness
	}
	var states []state
	last := start
	never := false
	var jobErr error
	for _, info := range resources {
		o, err := s.objectOf(info)
		if err != nil {
			return err
		}
		cur, ok := s.cluster.Get(o.Key)
		if !ok {
			cur = o
		}
		rd := resourceReadiness(cur, ok, withJobs, start)
		states = append(states, state{cur, rd})
		switch {
		case rd.never:
			never = true
		case rd.failedAt >= 0:
			if jobErr == nil {
				jobErr = fmt.Errorf("job is failed: %s/%s", cur.Namespace, cur.Name)
			}
			never = true
		case rd.at > last:
			last = rd.at
		}
	}
	deadline := start + timeout
	if never || last > deadline {
		s.clock.AdvanceTo(deadline)
		for _, st := range states {
			if st.rd.never || st.rd.failedAt >= 0 || st.rd.at > deadline {
				ev := Event{Type: EventFailed, Object: st.o.Key, Origin: st.o.Origin, Reason: "not ready: " + st.rd.reason, Error: context.DeadlineExceeded.Error()}
				s.emit(ev)
			}
		}
		return context.DeadlineExceeded
	}
	end := pollEnd(start, last, 2*time.Second)
	for _, st := range states {
		if st.rd.at > start {
			s.clock.AdvanceTo(st.rd.at)
			s.emit(Event{Type: EventReady, Object: st.o.Key, Origin: st.o.Origin, Reason: st.rd.reason})
		}
	}
	s.clock.AdvanceTo(end)
	return nil
}

// update mirrors pkg/kube/client.go update: for each target, GET it; create
// it when missing, otherwise compute Helm's patch (createPatch: a three-way
// strategic merge patch for built-in kinds, a JSON merge patch from the
// original for unstructured ones) and PATCH unless it is empty; then delete
// the originals the target no longer has, unless the live object says
// helm.sh/resource-policy: keep.
func (s *simulation) update(original, target kube.ResourceList, _ bool, threeWay bool) (*kube.Result, error) {
	res := &kube.Result{}
	var updateErrors []string
	for _, info := range target {
		o, err := s.objectOf(info)
		if err != nil {
			return res, err
		}
		cur, found := s.cluster.Get(o.Key)
		if !found {
			res.Created = append(res.Created, info)
			if err := s.create(o, s.resourceContext(EventCreate, o)); err != nil {
				return res, fmt.Errorf("failed to create resource: %w", err)
			}
			continue
		}
		base := cur.Content
		if orig := original.Get(info); orig != nil {
			oo, err := s.objectOf(orig)
			if err != nil {
				return res, err
			}
			base = oo.Content
		}
		if err := s.patch(info, o, base, cur, threeWay); err != nil {
			updateErrors = append(updateErrors, err.Error())
		}
		res.Updated = append(res.Updated, info)
	}
	if len(updateErrors) != 0 {
		return res, errors.New(strings.Join(updateErrors, " && "))
	}
	for _, info := range original.Difference(target) {
		o, err := s.objectOf(info)
		if err != nil {
			continue
		}
		cur, found := s.cluster.Get(o.Key)
		if !found {
			continue
		}
		if ann := stringMap(nestedValue(cur.Content, "metadata", "annotations")); ann[kube.ResourcePolicyAnno] == kube.KeepPolicy {
			s.emit(Event{Type: EventKept, Object: cur.Key, Origin: cur.Origin, Reason: "removed from the chart but the live object has helm.sh/resource-policy: keep"})
			continue
		}
		ctx := eventContext{reason: "removed from the chart: deleted by the update"}
		if err := s.delete(o, ctx); err != nil {
			continue
		}
		res.Deleted = append(res.Deleted, info)
	}
	return res, nil
}

// patch mirrors updateResource and createPatch (without --force).
func (s *simulation) patch(info *resource.Info, o *Object, base map[string]any, cur *Object, threeWay bool) error {
	oldData, err := json.Marshal(base)
	if err != nil {
		return fmt.Errorf("failed to create patch: serializing current configuration: %w", err)
	}
	newData, err := json.Marshal(o.Content)
	if err != nil {
		return fmt.Errorf("failed to create patch: serializing target configuration: %w", err)
	}
	liveData, err := json.Marshal(cur.Content)
	if err != nil {
		return fmt.Errorf("failed to create patch: serializing live configuration: %w", err)
	}
	versioned := kube.AsVersioned(info)
	_, isUnstructured := versioned.(runtime.Unstructured)
	_, isCRD := versioned.(*apiextv1beta1.CustomResourceDefinition)
	var patch, merged []byte
	if isUnstructured || isCRD {
		if threeWay {
			// kubectl's apply preconditions, as createPatch uses them.
			patch, err = jsonmergepatch.CreateThreeWayJSONMergePatch(oldData, newData, liveData,
				mergepatch.RequireKeyUnchanged("apiVersion"), mergepatch.RequireKeyUnchanged("kind"),
				mergepatch.RequireMetadataKeyUnchanged("name"))
		} else {
			patch, err = jsonpatch.CreateMergePatch(oldData, newData)
		}
		if err == nil && string(patch) != "{}" {
			merged, err = jsonpatch.MergePatch(liveData, patch)
		}
	} else {
		var pm strategicpatch.PatchMetaFromStruct
		pm, err = strategicpatch.NewPatchMetaFromStruct(versioned)
		if err != nil {
			return fmt.Errorf("failed to create patch: unable to create patch metadata from object: %w", err)
		}
		patch, err = strategicpatch.CreateThreeWayMergePatch(oldData, newData, liveData, pm, true)
		if err == nil && string(patch) != "{}" {
			merged, err = strategicpatch.StrategicMergePatch(liveData, patch, versioned)
		}
	}
	if err != nil {
		return fmt.Errorf("failed to create patch: %w", err)
	}
	if patch == nil || string(patch) == "{}" {
		return nil
	}
	var content map[string]any
	if err := json.Unmarshal(merged, &content); err != nil {
		return fmt.Errorf("cannot patch %q with kind %s: %w", o.Name, o.Kind, err)
	}
	next := &Object{Key: o.Key, APIVersion: o.APIVersion, Resource: o.Resource, Content: content, Origin: cur.Origin, HookPath: cur.HookPath, HookPolicies: cur.HookPolicies}
	if verr := immutableChange(cur, next); verr != nil {
		s.cluster.RecordRejected("patch", next, 422)
		s.emit(Event{Type: EventUpdate, Object: o.Key, Origin: cur.Origin, Code: 422, Reason: "changed since the previous revision", Error: verr.Error()})
		return fmt.Errorf("cannot patch %q with kind %s: %w", o.Name, o.Kind, verr)
	}
	if isPodRunning(o.Kind) {
		if podTemplateChanged(cur, next) || cur.Exec == nil {
			next.Exec = startRun(next, s.outcomes, missingRefs(s.cluster, next), s.clock.Now())
		} else {
			next.Exec = cur.Exec
		}
	}
	err = s.cluster.Patch(next)
	ev := s.resourceContext(EventUpdate, o).event(EventUpdate, o)
	ev.Code = codeOf(err, 200)
	if err != nil {
		ev.Error = err.Error()
		s.emit(ev)
		return fmt.Errorf("cannot patch %q with kind %s: %w", o.Name, o.Kind, err)
	}
	s.emit(ev)
	return nil
}
