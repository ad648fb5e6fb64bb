package sim

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Key identifies an object the way the API server does: by group, kind,
// namespace ("" for cluster-scoped kinds) and name. The version is not part of
// the identity, as on a real server.
type Key struct {
	Group     string `json:"group,omitempty"`
	Kind      string `json:"kind"`
	Namespace string `json:"namespace,omitempty"`
	Name      string `json:"name"`
}

// String is Kind/name, how the timeline names an object.
func (k Key) String() string { return k.Kind + "/" + k.Name }

// Origin says why an object is in the fake cluster.
type Origin int

// Origins.
const (
	OriginRelease Origin = iota // a resource of a release manifest
	OriginHook                  // a hook resource
	OriginCRD                   // a CustomResourceDefinition from a chart's crds/ directory
	OriginCluster               // part of the cluster before the scenario (namespaces)
)

func (o Origin) String() string {
	switch o {
	case OriginHook:
		return "hook"
	case OriginCRD:
		return "crd"
	case OriginCluster:
		return "cluster"
	default:
		return "release"
	}
}

// MarshalText makes Origin a string in JSON.
func (o Origin) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// Phase is how far a Job or Pod got, as its status would show it.
type Phase int

// Phases of a pod-running object.
const (
	PhaseNone      Phase = iota // not a pod-running kind
	PhasePending                // created, waiting for a reference that does not exist
	PhaseRunning                // running (or hanging)
	PhaseSucceeded              // Job Complete / Pod Succeeded
	PhaseFailed                 // Job Failed / Pod Failed
)

func (p Phase) String() string {
	switch p {
	case PhasePending:
		return "Pending"
	case PhaseRunning:
		return "Running"
	case PhaseSucceeded:
		return "Succeeded"
	case PhaseFailed:
		return "Failed"
	default:
		return ""
	}
}

// MarshalText makes Phase a string in JSON.
func (p Phase) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Object is one object in the fake cluster. Content is the object as the
// client sent it (JSON-compatible values); the store never holds Helm or
// client-go types, so any Helm version's adapter can use it.
type Object struct {
	Key
	APIVersion string
	Resource   string         // plural resource name, as in the API path ("jobs")
	Content    map[string]any // the object as sent
	Origin     Origin
	HookPath   string // Helm path of the hook's template, for hooks
	// HookPolicies are a hook's delete policies as Helm applies them (the
	// default before-hook-creation when none is given).
	HookPolicies []string
	CreatedAt    time.Duration // virtual time of the create
	Exec         *Execution    // what happens to a Job or Pod, decided when it is created
}

// stored is what the API server does to a new object before it stores it:
// admission that mutates (a PVC's default StorageClass, its binding) and
// the stored form. Callers hold c.mu.
func (c *Cluster) stored(o *Object) {
	if o.Group == "" && o.Kind == "PersistentVolumeClaim" {
		c.admitPVC(o)
	}
	o.store()
}

// reconcile is what the cluster's controllers make of a stored object:
// a new Namespace gets its provided objects, a StatefulSet its claims.
// Callers hold c.mu.
func (c *Cluster) reconcile(o *Object) {
	if o.Group == "" && o.Kind == "Namespace" {
		c.namespaces[o.Name] = true
		c.provideNamespace(o.Name)
	}
	c.provideStatefulSetClaims(o)
}

// store replaces Content by the API server's stored form of it
// (apiserver.go storedForm).
func (o *Object) store() {
	o.Content = storedForm(schema.FromAPIVersionAndKind(o.APIVersion, o.Kind), o.Content)
}

// GroupResource is the object's resource as API errors name it.
func (o *Object) GroupResource() schema.GroupResource {
	return schema.GroupResource{Group: o.Group, Resource: o.Resource}
}

// Call is one mutating request to the fake cluster, in the form the oracle
// recordings use (see ../shared/oracle/README.md): verb, resource, namespace
// and name, and the HTTP status the API server answers.
type Call struct {
	Step     int           `json:"step"` // the scenario step that sent it
	At       time.Duration `json:"at"`
	Verb     string        `json:"verb"` // create, patch, delete
	Resource string        `json:"resource"`
	Key      Key           `json:"object"`
	Code     int           `json:"code"`
	Origin   Origin        `json:"origin"`
}

// String is "verb resource namespace/name code", the oracle's line format.
func (c Call) String() string {
	return fmt.Sprintf("%s %s %s/%s %d", c.Verb, c.Resource, c.Key.Namespace, c.Key.Name, c.Code)
}

// Cluster is the fake cluster: a store of objects keyed by Key that answers
// creates, patches, gets and deletes like the Kubernetes API server, and a log
// of every mutating call. It is safe for concurrent use.
type Cluster struct {
	mu         sync.Mutex
	clock      *Clock
	objects    map[Key]*Object
	namespaces map[string]bool
	calls      []Call
	step       int
}

// SetStep tags the calls that follow with a step index.
func (c *Cluster) SetStep(step int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.step = step
}

// systemNamespaces exist in every cluster.
var systemNamespaces = [...]string{"default", "kube-node-lease", "kube-public", "kube-system"} //nolint:gochecknoglobals // read-only lookup table

// NewCluster returns an empty cluster with the system namespaces and the
// given ones (the release namespace: Helm does not create it unless asked).
func NewCluster(clock *Clock, namespaces ...string) *Cluster {
	c := &Cluster{clock: clock, objects: map[Key]*Object{}, namespaces: map[string]bool{}}
	for _, ns := range systemNamespaces {
		c.namespaces[ns] = true
		c.provideNamespace(ns)
	}
	for _, ns := range namespaces {
		c.namespaces[ns] = true
		c.provideNamespace(ns)
	}
	c.provideDefaultStorageClass()
	return c
}

// Get returns the object with key k.
func (c *Cluster) Get(k Key) (*Object, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	o, ok := c.objects[k]
	return o, ok
}

// NamespaceExists reports whether ns exists.
func (c *Cluster) NamespaceExists(ns string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.namespaces[ns]
}

// Objects returns every object, sorted by namespace, kind and name.
func (c *Cluster) Objects() []*Object {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]*Object, 0, len(c.objects))
	for _, o := range c.objects {
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return lessKey(out[i].Key, out[j].Key) })
	return out
}

func lessKey(a, b Key) bool {
	if a.Namespace != b.Namespace {
		return a.Namespace < b.Namespace
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if a.Group != b.Group {
		return a.Group < b.Group
	}
	return a.Name < b.Name
}

// Calls returns the mutating calls so far, in order.
func (c *Cluster) Calls() []Call {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Call(nil), c.calls...)
}

func (c *Cluster) record(verb string, o *Object, code int) {
	c.calls = append(c.calls, Call{Step: c.step, At: c.clock.Now(), Verb: verb, Resource: resourceName(o), Key: o.Key, Code: code, Origin: o.Origin})
}

// resourceName is the resource as the audit log names it: plural, and
// "plural.group" is not used there (the oracle prints the plural only).
func resourceName(o *Object) string { return o.Resource }

// Create stores o. Like the API server it answers 409 AlreadyExists when an
// object with the same key exists (Helm's createResource sends a plain POST
// and never adopts: helm.sh/helm/v3@v3.22.0 pkg/kube/client.go createResource),
// and 404 when the namespace of a namespaced object does not exist.
// A Namespace object adds its namespace.
func (c *Cluster) Create(o *Object) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if o.Namespace != "" && !c.namespaces[o.Namespace] {
		c.record("create", o, 404)
		return apierrors.NewNotFound(schema.GroupResource{Resource: "namespaces"}, o.Namespace)
	}
	if _, ok := c.objects[o.Key]; ok {
		c.record("create", o, 409)
		return apierrors.NewAlreadyExists(o.GroupResource(), o.Name)
	}
	if err := c.admit(o); err != nil {
		c.record("create", o, int(err.ErrStatus.Code))
		return err
	}
	if err := c.validateCustomResource(o, true); err != nil {
		c.record("create", o, int(err.ErrStatus.Code))
		return err
	}
	c.stored(o)
	o.CreatedAt = c.clock.Now()
	c.objects[o.Key] = o
	c.record("create", o, 201)
	c.reconcile(o)
	return nil
}

// Apply stores o as a server-side apply PATCH (Helm 4's default:
// helm.sh/helm/v4@v4.3.1 pkg/kube/client.go patchResourceServerSide) does:
// when cur is nil the object is created (201, after the same namespace
// check and admission as Create); otherwise it replaces cur (200) unless it
// changes an immutable field (422 "field is immutable", what
// ValidateJobSpecUpdate answers). Every outcome is logged as a "patch".
func (c *Cluster) Apply(o, cur *Object) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if o.Namespace != "" && !c.namespaces[o.Namespace] {
		c.record("patch", o, 404)
		return apierrors.NewNotFound(schema.GroupResource{Resource: "namespaces"}, o.Namespace)
	}
	if cur == nil {
		if err := c.admit(o); err != nil {
			c.record("patch", o, int(err.ErrStatus.Code))
			return err
		}
		if err := c.validateCustomResource(o, false); err != nil {
			c.record("patch", o, int(err.ErrStatus.Code))
			return err
		}
		c.stored(o)
		o.CreatedAt = c.clock.Now()
		c.objects[o.Key] = o
		c.record("patch", o, 201)
		c.reconcile(o)
		return nil
	}
	o.Content = applyMerge(o, cur)
	if err := immutableChange(cur, o); err != nil {
		c.record("patch", o, 422)
		return err
	}
	o.store()
	o.CreatedAt = cur.CreatedAt
	c.objects[o.Key] = o
	c.record("patch", o, 200)
	c.reconcile(o)
	return nil
}

// RecordCall logs a call that changes nothing the fake cluster keeps (a
// patch of metadata.managedFields).
func (c *Cluster) RecordCall(verb string, o *Object, code int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.record(verb, o, code)
}

// RecordRejected logs a call the API server rejected before storing anything
// (a patch that fails validation).
func (c *Cluster) RecordRejected(verb string, o *Object, code int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.record(verb, o, code)
}

// admit runs the admission and validation the API server applies to a create
// that matter for hooks: the ServiceAccount admission plugin rejects a Pod
// whose ServiceAccount does not exist (k8s.io/kubernetes
// plugin/pkg/admission/serviceaccount/admission.go: "error looking up service
// account"), and a Job's pod template must have restartPolicy OnFailure or
// Never (pkg/apis/batch/validation validateJobSpec; an unset policy defaults
// to Always first). Callers hold c.mu.
func (c *Cluster) admit(o *Object) *apierrors.StatusError {
	switch {
	case o.Group == "" && o.Kind == "Pod":
		sa := nestedString(o.Content, "spec", "serviceAccountName")
		if sa == "" {
			sa = nestedString(o.Content, "spec", "serviceAccount")
		}
		if sa == "" || sa == "default" {
			return nil
		}
		if _, ok := c.objects[Key{Kind: "ServiceAccount", Namespace: o.Namespace, Name: sa}]; !ok {
			notFound := apierrors.NewNotFound(schema.GroupResource{Resource: "serviceaccount"}, sa)
			return apierrors.NewForbidden(o.GroupResource(), o.Name,
				fmt.Errorf("error looking up service account %s/%s: %w", o.Namespace, sa, notFound))
		}
	case o.Group == "batch" && o.Kind == "Job":
		rp := nestedString(o.Content, "spec", "template", "spec", "restartPolicy")
		if rp == "" {
			rp = "Always"
		}
		if rp != "OnFailure" && rp != "Never" {
			return apierrors.NewInvalid(schema.GroupKind{Group: o.Group, Kind: o.Kind}, o.Name, field.ErrorList{
				field.NotSupported(field.NewPath("spec", "template", "spec", "restartPolicy"), rp, []string{"OnFailure", "Never"}),
			})
		}
	}
	return nil
}

// invalidError is the API server's 422 for a field of o.
func invalidError(o *Object, path *field.Path, detail string) *apierrors.StatusError {
	return apierrors.NewInvalid(schema.GroupKind{Group: o.Group, Kind: o.Kind}, o.Name, field.ErrorList{
		field.Invalid(path, nestedValue(o.Content, splitPath(path)...), detail),
	})
}

func fieldPath(f []string) *field.Path { return field.NewPath(f[0], f[1:]...) }

func splitPath(p *field.Path) []string { return strings.Split(p.String(), ".") }

// codeOf is the HTTP status of an API error, or ok when err is nil.
func codeOf(err error, ok int) int {
	if err == nil {
		return ok
	}
	var se apierrors.APIStatus
	if errors.As(err, &se) {
		return int(se.Status().Code)
	}
	return 500
}

func isNotFound(err error) bool { return apierrors.IsNotFound(err) }

// Patch replaces the content of an existing object (Helm has computed the
// patch; the fake cluster stores the result) and answers 200, or 404 when it
// does not exist.
func (c *Cluster) Patch(o *Object) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	old, ok := c.objects[o.Key]
	if !ok {
		c.record("patch", o, 404)
		return apierrors.NewNotFound(o.GroupResource(), o.Name)
	}
	o.store()
	o.CreatedAt = old.CreatedAt
	if o.Exec == nil {
		o.Exec = old.Exec
	}
	c.objects[o.Key] = o
	c.record("patch", o, 200)
	c.reconcile(o)
	return nil
}

// Delete removes the object with o's key, answering 200, or 404 NotFound when
// there is none. Objects have no finalizers here, so deletion is immediate
// (a wait for deletion ends at its first poll). Deleting a Namespace removes
// everything in it.
func (c *Cluster) Delete(o *Object) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	cur, ok := c.objects[o.Key]
	if !ok {
		c.record("delete", o, 404)
		return apierrors.NewNotFound(o.GroupResource(), o.Name)
	}
	delete(c.objects, o.Key)
	c.record("delete", cur, 200)
	if o.Group == "" && o.Kind == "Namespace" {
		delete(c.namespaces, o.Name)
		for k := range c.objects {
			if k.Namespace == o.Name {
				delete(c.objects, k)
			}
		}
	}
	return nil
}

// crdKinds returns the kinds the CustomResourceDefinitions in the cluster
// define: what an API server serves once a CRD is established.
func (c *Cluster) crdKinds() []crdKind {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.crdKindsLocked()
}

// crdKindsLocked is crdKinds for callers that hold c.mu.
func (c *Cluster) crdKindsLocked() []crdKind {
	var out []crdKind
	for k, o := range c.objects {
		if k.Kind != "CustomResourceDefinition" || k.Group != "apiextensions.k8s.io" {
			continue
		}
		out = append(out, crdKindsOf(o.Content)...)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Group != out[j].Group {
			return out[i].Group < out[j].Group
		}
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Version < out[j].Version
	})
	return out
}

// crdKind is one served group/version/kind of a CRD.
type crdKind struct {
	Group, Version, Kind, Plural string
	Namespaced                   bool
}

// crdKindsOf reads spec.group, spec.names and spec.versions (or the
// v1beta1 spec.version) of a CRD.
func crdKindsOf(content map[string]any) []crdKind {
	spec, _ := content["spec"].(map[string]any)
	if spec == nil {
		return nil
	}
	group, _ := spec["group"].(string)
	names, _ := spec["names"].(map[string]any)
	kind, _ := names["kind"].(string)
	plural, _ := names["plural"].(string)
	scope, _ := spec["scope"].(string)
	if group == "" || kind == "" {
		return nil
	}
	if plural == "" {
		plural = strings.ToLower(kind) + "s"
	}
	var versions []string
	if vs, ok := spec["versions"].([]any); ok {
		for _, v := range vs {
			m, _ := v.(map[string]any)
			name, _ := m["name"].(string)
			served, hasServed := m["served"].(bool)
			if name != "" && (served || !hasServed) {
				versions = append(versions, name)
			}
		}
	}
	if v, ok := spec["version"].(string); ok && v != "" && len(versions) == 0 {
		versions = append(versions, v)
	}
	out := make([]crdKind, 0, len(versions))
	for _, v := range versions {
		out = append(out, crdKind{Group: group, Version: v, Kind: kind, Plural: plural, Namespaced: scope != "Cluster"})
	}
	return out
}
