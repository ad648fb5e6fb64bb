package sim

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"sort"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/version"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/kubernetes/scheme"
)

// apiResource is one resource the simulated API server serves.
type apiResource struct {
	GVK        schema.GroupVersionKind
	Resource   string // plural
	Namespaced bool
}

// builtinResources lists the kinds of client-go's scheme (which Helm's kube
// package extends with apiextensions v1 and v1beta1) that Kubernetes
// 1.minor serves, sorted by group, version and kind: what discovery lists
// and the static REST mapping maps.
func builtinResources(minor int) []apiResource {
	objectMeta := reflect.TypeOf((*metav1.Object)(nil)).Elem()
	var out []apiResource
	for gvk, t := range scheme.Scheme.AllKnownTypes() {
		if gvk.Version == "" || gvk.Version == "__internal" || strings.HasSuffix(gvk.Kind, "List") || !served(gvk, minor) {
			continue
		}
		if !reflect.PointerTo(t).Implements(objectMeta) {
			continue
		}
		plural, _ := meta.UnsafeGuessKindToResource(gvk)
		out = append(out, apiResource{GVK: gvk, Resource: plural.Resource, Namespaced: !clusterScoped[gvk.Kind]})
	}
	sortResources(out)
	return out
}

func sortResources(rs []apiResource) {
	sort.Slice(rs, func(i, j int) bool {
		a, b := rs[i].GVK, rs[j].GVK
		if a.Group != b.Group {
			return a.Group < b.Group
		}
		if a.Version != b.Version {
			return a.Version < b.Version
		}
		return a.Kind < b.Kind
	})
}

// resources is what discovery lists now: the built-in kinds and the kinds of
// the CustomResourceDefinitions in the cluster (an API server serves a CRD's
// kinds once it is established; the fake cluster establishes it at once).
func (t *apiTransport) resources() []apiResource {
	out := append([]apiResource(nil), t.builtin...)
	for _, k := range t.cluster.crdKinds() {
		out = append(out, apiResource{GVK: schema.GroupVersionKind{Group: k.Group, Version: k.Version, Kind: k.Kind},
			Resource: k.Plural, Namespaced: k.Namespaced})
	}
	sortResources(out)
	return out
}

// serveDiscovery answers the discovery paths a client-go discovery client
// reads (k8s.io/client-go@v0.37.1 discovery/discovery_client.go
// ServerGroupsAndResources, ServerResourcesForGroupVersion, ServerVersion):
// /version, /api, /apis, /api/v1 and /apis/GROUP/VERSION, in their legacy
// (not aggregated) JSON form, which the client accepts when the server
// answers application/json. ok is false for other paths.
func (t *apiTransport) serveDiscovery(req *http.Request) (resp *http.Response, ok bool, err error) {
	p := strings.Trim(req.URL.Path, "/")
	var body any
	switch {
	case p == "version":
		body = t.version
	case p == "api":
		body = &metav1.APIVersions{TypeMeta: metav1.TypeMeta{Kind: "APIVersions"}, Versions: []string{"v1"},
			ServerAddressByClientCIDRs: []metav1.ServerAddressByClientCIDR{{ClientCIDR: "0.0.0.0/0", ServerAddress: "hooklint-simulator.invalid"}}}
	case p == "apis":
		body = t.groupList()
	case p == "api/v1":
		body = t.resourceList("", "v1")
	case strings.HasPrefix(p, "apis/") && strings.Count(p, "/") == 2:
		parts := strings.Split(p, "/")
		list := t.resourceList(parts[1], parts[2])
		if list == nil {
			r, err := statusResponse(req, apierrors.NewNotFound(schema.GroupResource{}, ""))
			return r, true, err
		}
		body = list
	default:
		return nil, false, nil
	}
	data, err := json.Marshal(body)
	if err != nil {
		return nil, true, err
	}
	return jsonResponse(req, http.StatusOK, data), true, nil
}

// groupList is /apis: every group but the legacy core group, each with its
// served versions (the highest first, as the API server orders them by
// priority: GA before beta before alpha).
func (t *apiTransport) groupList() *metav1.APIGroupList {
	versions := map[string]map[string]bool{}
	var groups []string
	for _, r := range t.resources() {
		if r.GVK.Group == "" {
			continue
		}
		if versions[r.GVK.Group] == nil {
			versions[r.GVK.Group] = map[string]bool{}
			groups = append(groups, r.GVK.Group)
		}
		versions[r.GVK.Group][r.GVK.Version] = true
	}
	list := &metav1.APIGroupList{TypeMeta: metav1.TypeMeta{Kind: "APIGroupList", APIVersion: "v1"}}
	for _, g := range groups {
		var vs []string
		for v := range versions[g] {
			vs = append(vs, v)
		}
		sort.Slice(vs, func(i, j int) bool { return versionLess(vs[j], vs[i]) })
		grp := metav1.APIGroup{Name: g}
		for _, v := range vs {
			grp.Versions = append(grp.Versions, metav1.GroupVersionForDiscovery{GroupVersion: g + "/" + v, Version: v})
		}
		grp.PreferredVersion = grp.Versions[0]
		list.Groups = append(list.Groups, grp)
	}
	return list
}

// versionLess orders Kubernetes API versions as
// k8s.io/apimachinery pkg/version CompareKubeAwareVersionStrings does.
func versionLess(a, b string) bool {
	return version.CompareKubeAwareVersionStrings(a, b) < 0
}

// resourceList is /api/v1 or /apis/GROUP/VERSION, or nil when that group
// version is not served.
func (t *apiTransport) resourceList(group, ver string) *metav1.APIResourceList {
	gv := schema.GroupVersion{Group: group, Version: ver}
	list := &metav1.APIResourceList{TypeMeta: metav1.TypeMeta{Kind: "APIResourceList", APIVersion: "v1"}, GroupVersion: gv.String()}
	found := false
	for _, r := range t.resources() {
		if r.GVK.GroupVersion() != gv {
			continue
		}
		found = true
		list.APIResources = append(list.APIResources, metav1.APIResource{
			Name: r.Resource, SingularName: strings.ToLower(r.GVK.Kind), Namespaced: r.Namespaced, Kind: r.GVK.Kind,
			Verbs: metav1.Verbs{"create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"},
		})
	}
	if !found {
		return nil
	}
	return list
}

// serveList answers a LIST of a collection (what `lookup` sends for an
// empty name: helm.sh/helm/v3@v3.22.0 pkg/engine/lookup_func.go
// newLookupFunction): the objects of that kind in the namespace, or in every
// namespace for an empty one, sorted by namespace and name as etcd returns
// them.
func (t *apiTransport) serveList(req *http.Request, gvk schema.GroupVersionKind, ns string) (*http.Response, error) {
	items := []any{}
	for _, o := range t.cluster.Objects() {
		if o.Group != gvk.Group || o.Kind != gvk.Kind || (ns != "" && o.Namespace != ns) {
			continue
		}
		items = append(items, t.asServed(o, gvk))
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].(map[string]any), items[j].(map[string]any)
		na, nb := nestedString(a, "metadata", "namespace"), nestedString(b, "metadata", "namespace")
		if na != nb {
			return na < nb
		}
		return nestedString(a, "metadata", "name") < nestedString(b, "metadata", "name")
	})
	list := map[string]any{
		"apiVersion": gvk.GroupVersion().String(),
		"kind":       gvk.Kind + "List",
		"metadata":   map[string]any{"resourceVersion": "1"},
		"items":      items,
	}
	data, err := json.Marshal(list)
	if err != nil {
		return nil, err
	}
	return jsonResponse(req, http.StatusOK, data), nil
}

// asServed is the object as a GET at gvk's version returns it.
func (t *apiTransport) asServed(o *Object, gvk schema.GroupVersionKind) map[string]any {
	c := map[string]any{}
	if data, err := json.Marshal(o.Content); err == nil {
		_ = json.Unmarshal(data, &c)
	}
	c["apiVersion"], c["kind"] = gvk.GroupVersion().String(), gvk.Kind
	return c
}

// kubeVersionInfo is what /version answers for a simulated Kubernetes
// version v ("v1.35.4").
func kubeVersionInfo(gitVersion, major, minor string) version.Info {
	return version.Info{Major: major, Minor: minor, GitVersion: gitVersion, Platform: "linux/amd64"}
}

// discoveryClient is a client-go discovery client over the simulated API
// server: what Helm's getCapabilities and installCRDs use on a real cluster.
func (g *clientGetter) discoveryClient() (*discovery.DiscoveryClient, error) {
	dc, err := discovery.NewDiscoveryClientForConfig(g.restConfig())
	if err != nil {
		return nil, fmt.Errorf("hooklint simulator: discovery: %w", err)
	}
	return dc, nil
}

// apiVersions is .Capabilities.APIVersions for the next step, as the helm
// CLI computes it for every command on a real cluster
// (helm.sh/helm/v3@v3.22.0 pkg/action/action.go getCapabilities and
// GetVersionSet; v4@v4.3.1 the same): every served group/version and, for
// each of its resources, group/version/Kind, read through discovery from the
// simulated API server. getVersionSet is the Helm version's GetVersionSet.
// The CRDs of a chart's crds/ that an install creates before it asks
// discovery are added the same way (crds), then the scenario's extra API
// versions. The set is sorted: Helm builds it from a map, in no order.
func (s *simulation) apiVersions(getVersionSet func(discovery.ServerResourcesInterface) ([]string, error), extra []string, crds []crdKind) ([]string, error) {
	// What discovery answers changes only with the CRDs in the cluster:
	// ask it again only then (a scenario of thousands of steps asked
	// ~50 group versions per step).
	key := fmt.Sprint(s.cluster.crdKinds())
	vs := s.versionSet.vs
	if s.versionSet.vs == nil || s.versionSet.key != key {
		dc, err := s.getter.discoveryClient()
		if err != nil {
			return nil, err
		}
		if vs, err = getVersionSet(dc); err != nil {
			return nil, err
		}
		s.versionSet.key, s.versionSet.vs = key, vs
	}
	seen := map[string]bool{}
	var out []string
	add := func(v string) {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	for _, v := range vs {
		add(v)
	}
	for _, c := range crds {
		gv := c.Group + "/" + c.Version
		add(gv)
		add(gv + "/" + c.Kind)
	}
	for _, v := range extra {
		add(v)
	}
	sort.Strings(out)
	return out, nil
}
