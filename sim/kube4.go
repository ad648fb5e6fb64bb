package sim

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	kube "helm.sh/helm/v3/pkg/kube"
	kube4pkg "helm.sh/helm/v4/pkg/kube"
	v1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/cli-runtime/pkg/resource"
)

// kube4 is the fake cluster behind Helm v4's kube.Interface
// (helm.sh/helm/v4@v4.3.1 pkg/kube/interface.go). Each method mirrors the
// named function of v4's pkg/kube/client.go; the store, outcomes and
// timeline are the ones kube3 uses. What is new in v4: Create and Update
// take options (server-side apply by default), and waiting is a Waiter the
// action asks for per strategy (waiter4.go).
type kube4 struct {
	s  *simulation
	kc *kube4pkg.Client // Helm's own client, for Build
	// flux makes GetWaiter return Flux helm-controller's waiter (flux.go).
	flux bool
}

var _ kube4pkg.Interface = (*kube4)(nil)

// IsReachable: the simulated cluster is always reachable.
func (k *kube4) IsReachable() error { return nil }

// Build mirrors Client.Build (unstructured objects, Helm's builder), without
// client-side validation, as kube3.Build.
func (k *kube4) Build(reader io.Reader, _ bool) (kube4pkg.ResourceList, error) {
	data, err := io.ReadAll(reader)
	if err != nil {
		return nil, err
	}
	if infos, ok := k.s.builds.get(string(data)); ok {
		k.s.tag(infos, string(data))
		return infos, nil
	}
	infos, err := k.kc.Build(bytes.NewReader(data), false)
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

// BuildTable mirrors Client.BuildTable (same objects).
func (k *kube4) BuildTable(reader io.Reader, validate bool) (kube4pkg.ResourceList, error) {
	return k.Build(reader, validate)
}

// optionFields applies Helm's functional options (ClientCreateOption,
// ClientUpdateOption: functions of an unexported options struct) to a zero
// options struct and returns its bool fields by name. Helm's actions always
// pass ClientCreateOptionServerSideApply / ClientUpdateOptionServerSideApply
// explicitly, so the zero default (false) of an unset field never decides.
func optionFields(opts []any) (map[string]bool, error) {
	out := map[string]bool{}
	var target reflect.Value
	for _, o := range opts {
		fv := reflect.ValueOf(o)
		if fv.Kind() != reflect.Func || fv.IsNil() || fv.Type().NumIn() != 1 {
			continue
		}
		if !target.IsValid() {
			target = reflect.New(fv.Type().In(0).Elem())
		}
		if res := fv.Call([]reflect.Value{target}); len(res) == 1 && !res[0].IsNil() {
			if err, ok := res[0].Interface().(error); ok {
				return nil, err
			}
		}
	}
	if !target.IsValid() {
		return out, nil
	}
	st := target.Elem()
	for i := 0; i < st.NumField(); i++ {
		if f := st.Field(i); f.Kind() == reflect.Bool {
			out[st.Type().Field(i).Name] = f.Bool()
		}
	}
	return out, nil
}

func createOptions(opts []kube4pkg.ClientCreateOption) (map[string]bool, error) {
	as := make([]any, len(opts))
	for i, o := range opts {
		as[i] = o
	}
	f, err := optionFields(as)
	if err != nil {
		return nil, fmt.Errorf("invalid client create option(s): %w", err)
	}
	return f, nil
}

func updateOptions(opts []kube4pkg.ClientUpdateOption) (map[string]bool, error) {
	as := make([]any, len(opts))
	for i, o := range opts {
		as[i] = o
	}
	f, err := optionFields(as)
	if err != nil {
		return nil, fmt.Errorf("invalid client update option(s): %w", err)
	}
	return f, nil
}

// Create mirrors Client.Create: with server-side apply (the v4 default,
// makeCreateApplyFunc) each resource is an apply PATCH that creates it
// (201) or updates the existing object in place (200); without it a POST
// that fails with AlreadyExists, as in v3. Errors are joined (perform).
func (k *kube4) Create(resources kube4pkg.ResourceList, options ...kube4pkg.ClientCreateOption) (*kube4pkg.Result, error) {
	opts, err := createOptions(options)
	if err != nil {
		return nil, err
	}
	if len(resources) == 0 {
		return nil, kube4pkg.ErrNoObjectsVisited
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
			result = errors.Join(result, err)
			continue
		}
		ctx := hookCtx
		if t.hook == nil {
			ctx = s.resourceContext(EventCreate, o)
		}
		if opts["serverSideApply"] {
			err = s.apply(o, ctx, info)
		} else {
			err = s.create(o, ctx)
		}
		if err != nil {
			result = errors.Join(result, err)
		}
	}
	if result != nil {
		if t.hook != nil {
			s.explain.onCreateFailed(t.hook)
		}
		return nil, result
	}
	return &kube4pkg.Result{Created: resources}, nil
}

// apply mirrors patchResourceServerSide: one apply PATCH. The API server
// creates a missing object (201) and merges into an existing one (200); in
// the fake cluster Helm is the only field manager, so the applied object
// replaces the fields it sets. A changed immutable field (a Job's pod
// template) is rejected with 422 "field is immutable". An existing Job or
// Pod whose template did not change keeps its run: a completed hook Job
// passes at once without running again, a failed one fails at once.
func (s *simulation) apply(o *Object, ctx eventContext, info *resource.Info) error {
	wrap := func(err error) error {
		return fmt.Errorf("server-side apply failed for object %s/%s %s: %w", info.Namespace, info.Name, info.Mapping.GroupVersionKind.String(), err)
	}
	cur, found := s.cluster.Get(o.Key)
	if !found {
		err := s.cluster.Apply(o, nil)
		ev := ctx.event(EventCreate, o)
		ev.Reason += " (server-side apply: an apply PATCH creates it)"
		ev.Code = codeOf(err, 201)
		if err != nil {
			ev.Error = err.Error()
		} else if isPodRunning(o.Kind) {
			o.Exec = startRun(o, s.outcomes, missingRefs(s.cluster, o), s.clock.Now())
		}
		s.emit(ev)
		if err != nil {
			return wrap(err)
		}
		return nil
	}
	if o.Origin == OriginRelease {
		o.Origin = cur.Origin
	}
	if isPodRunning(o.Kind) {
		if podTemplateChanged(cur, o) || cur.Exec == nil {
			o.Exec = startRun(o, s.outcomes, missingRefs(s.cluster, o), s.clock.Now())
		} else {
			o.Exec = cur.Exec
		}
	}
	err := s.cluster.Apply(o, cur)
	ev := ctx.event(EventUpdate, o)
	if o.Origin == OriginHook {
		note := "server-side apply: the hook already exists, so it is patched in place instead of failing with AlreadyExists"
		if isPodRunning(o.Kind) && err == nil && o.Exec == cur.Exec {
			note += "; its pod template is unchanged, so it does not run again"
		}
		if ev.Reason != "" {
			ev.Reason += "; "
		}
		ev.Reason += note
	} else {
		ev.Reason = "server-side apply: Helm 4 re-applies every resource (patch), changed or not"
	}
	ev.Code = codeOf(err, 200)
	if err != nil {
		ev.Error = err.Error()
	}
	s.emit(ev)
	if err != nil {
		return wrap(err)
	}
	return nil
}

// Delete mirrors Client.Delete: a DELETE per resource; NotFound counts as
// deleted; an empty list is "object not found, skipping delete".
func (k *kube4) Delete(resources kube4pkg.ResourceList, policy metav1.DeletionPropagation) (*kube4pkg.Result, []error) {
	res, errs := (&kube3{s: k.s}).DeleteWithPropagationPolicy(kube.ResourceList(resources), policy)
	if res == nil {
		return nil, errs
	}
	return &kube4pkg.Result{Deleted: kube4pkg.ResourceList(res.Deleted)}, errs
}

// Update mirrors Client.Update. With server-side apply (the default) every
// target is applied: created when missing, otherwise patched whether it
// changed or not (a real API server answers 200 to an unchanged apply);
// without it Helm 3's client-side patch (kube3.go update) is used. Then the
// originals the target no longer has are deleted unless the live object says
// helm.sh/resource-policy: keep.
func (k *kube4) Update(original, target kube4pkg.ResourceList, options ...kube4pkg.ClientUpdateOption) (*kube4pkg.Result, error) {
	opts, err := updateOptions(options)
	if err != nil {
		return &kube4pkg.Result{}, err
	}
	s := k.s
	if !opts["serverSideApply"] {
		r3, err := s.update(kube.ResourceList(original), kube.ResourceList(target), opts["forceReplace"], opts["threeWayMergeForUnstructured"])
		if r3 == nil {
			return &kube4pkg.Result{}, err
		}
		return &kube4pkg.Result{Created: kube4pkg.ResourceList(r3.Created), Updated: kube4pkg.ResourceList(r3.Updated), Deleted: kube4pkg.ResourceList(r3.Deleted)}, err
	}
	res := &kube4pkg.Result{}
	var updateErrors []string
	for _, info := range target {
		o, err := s.objectOf(info)
		if err != nil {
			return res, err
		}
		if _, found := s.cluster.Get(o.Key); !found {
			res.Created = append(res.Created, info)
			if err := s.apply(o, s.resourceContext(EventCreate, o), info); err != nil {
				return res, fmt.Errorf("failed to create resource: %w", err)
			}
			continue
		}
		if opts["upgradeClientSideFieldManager"] {
			s.upgradeFieldManager(o)
		}
		if err := s.apply(o, eventContext{}, info); err != nil {
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
		if err := s.delete(o, eventContext{reason: "removed from the chart: deleted by the update"}); err != nil {
			continue
		}
		res.Deleted = append(res.Deleted, info)
	}
	return res, nil
}

// Get mirrors Client.Get: the objects as stored.
func (k *kube4) Get(resources kube4pkg.ResourceList, _ bool) (map[string][]runtime.Object, error) {
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

// GetWaiter mirrors Client.GetWaiterWithOptions: the waiter of the
// strategy (waiter4.go), or Flux's (flux.go).
func (k *kube4) GetWaiter(ws kube4pkg.WaitStrategy) (kube4pkg.Waiter, error) {
	switch ws {
	case kube4pkg.LegacyStrategy, kube4pkg.StatusWatcherStrategy, kube4pkg.HookOnlyStrategy:
		return &waiter4{s: k.s, strategy: ws, flux: k.flux}, nil
	case "":
		return nil, errors.New("wait strategy not set. Choose one of: watcher, hookOnly, legacy")
	}
	return nil, errors.New("unknown wait strategy (s" + string(ws) + "). Valid values are: watcher, hookOnly, legacy")
}

// GetPodList is asked for a hook's pods by outputLogsByPolicy; there are no
// logs in a simulation (kube3.GetPodList).
func (k *kube4) GetPodList(namespace string, listOptions metav1.ListOptions) (*v1.PodList, error) {
	return (&kube3{s: k.s}).GetPodList(namespace, listOptions)
}

// OutputContainerLogsForPodList: there are no containers, hence no logs.
func (k *kube4) OutputContainerLogsForPodList(*v1.PodList, string, func(namespace, pod, container string) io.Writer) error {
	return nil
}
