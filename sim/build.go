package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"helm.sh/helm/v3/pkg/kube"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/version"
	"k8s.io/cli-runtime/pkg/genericclioptions"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// clusterScoped are the built-in kinds that are not namespaced (what
// `kubectl api-resources --namespaced=false` lists on Kubernetes 1.35).
// client-go's scheme knows the kinds but not their scope.
var clusterScoped = map[string]bool{ //nolint:gochecknoglobals // read-only lookup table
	"APIService": true, "CertificateSigningRequest": true, "ClusterRole": true, "ClusterRoleBinding": true,
	"ClusterTrustBundle": true, "ComponentStatus": true, "CSIDriver": true, "CSINode": true,
	"CustomResourceDefinition": true, "DeviceClass": true, "FlowSchema": true, "IPAddress": true,
	"MutatingAdmissionPolicy": true, "MutatingAdmissionPolicyBinding": true,
	"MutatingWebhookConfiguration": true, "Namespace": true, "Node": true, "PersistentVolume": true,
	"PodSecurityPolicy": true, "PriorityClass": true, "PriorityLevelConfiguration": true,
	"ResourceSlice": true, "RuntimeClass": true, "SelfSubjectAccessReview": true,
	"SelfSubjectReview": true, "SelfSubjectRulesReview": true, "ServiceCIDR": true, "StorageClass": true,
	"StorageVersion": true, "StorageVersionMigration": true, "SubjectAccessReview": true,
	"TokenReview": true, "ValidatingAdmissionPolicy": true, "ValidatingAdmissionPolicyBinding": true,
	"ValidatingWebhookConfiguration": true, "VolumeAttachment": true, "VolumeAttributesClass": true,
	"DeviceTaintRule": true,
}

// removedIn is the Kubernetes minor version that stopped serving a
// group/version (or group/version/kind) client-go still knows
// (https://kubernetes.io/docs/reference/using-api/deprecation-guide/).
var removedIn = map[string]int{ //nolint:gochecknoglobals // read-only lookup table
	"extensions/v1beta1": 16, "extensions/v1beta1/Ingress": 22,
	"apps/v1beta1": 16, "apps/v1beta2": 16,
	"admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration":   22,
	"admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration": 22,
	"apiextensions.k8s.io/v1beta1":                                        22, "apiregistration.k8s.io/v1beta1": 22,
	"authentication.k8s.io/v1beta1": 22, "authorization.k8s.io/v1beta1": 22,
	"certificates.k8s.io/v1beta1": 22, "coordination.k8s.io/v1beta1": 22,
	"networking.k8s.io/v1beta1/Ingress": 22, "networking.k8s.io/v1beta1/IngressClass": 22,
	"rbac.authorization.k8s.io/v1beta1": 22, "scheduling.k8s.io/v1beta1": 22,
	"storage.k8s.io/v1beta1": 22, "storage.k8s.io/v1beta1/CSIStorageCapacity": 27,
	"batch/v1beta1": 25, "discovery.k8s.io/v1beta1": 25, "events.k8s.io/v1beta1": 25,
	"node.k8s.io/v1beta1": 25, "policy/v1beta1": 25, "autoscaling/v2beta1": 25,
	"autoscaling/v2beta2": 26, "flowcontrol.apiserver.k8s.io/v1beta1": 26,
	"flowcontrol.apiserver.k8s.io/v1beta2": 29, "flowcontrol.apiserver.k8s.io/v1beta3": 32,
}

// served reports whether an API server of Kubernetes 1.minor serves gvk by
// default: alpha versions are off, and removed versions are gone.
func served(gvk schema.GroupVersionKind, minor int) bool {
	if strings.Contains(gvk.Version, "alpha") {
		return false
	}
	gv := gvk.GroupVersion().String()
	if r, ok := removedIn[gv+"/"+gvk.Kind]; ok {
		return minor < r
	}
	if r, ok := removedIn[gv]; ok {
		return minor < r
	}
	return true
}

// newStaticMapper maps every built-in kind Kubernetes 1.minor serves
// (builtinResources) to its resource, without a discovery request.
func newStaticMapper(minor int) *meta.DefaultRESTMapper {
	m := meta.NewDefaultRESTMapper(nil)
	for _, r := range builtinResources(minor) {
		scope := meta.RESTScopeNamespace
		if !r.Namespaced {
			scope = meta.RESTScopeRoot
		}
		m.Add(r.GVK, scope)
	}
	return m
}

// clusterMapper is the REST mapping the simulated API server serves: the
// static built-in kinds plus the kinds of the CRDs in the fake cluster at the
// time of the call (CRDs from crds/ become known kinds once installed).
type clusterMapper struct {
	static  *meta.DefaultRESTMapper
	cluster *Cluster
}

func (m *clusterMapper) current() meta.RESTMapper {
	crds := meta.NewDefaultRESTMapper(nil)
	for _, k := range m.cluster.crdKinds() {
		gvk := schema.GroupVersionKind{Group: k.Group, Version: k.Version, Kind: k.Kind}
		scope := meta.RESTScopeNamespace
		if !k.Namespaced {
			scope = meta.RESTScopeRoot
		}
		plural := schema.GroupVersionResource{Group: k.Group, Version: k.Version, Resource: k.Plural}
		singular := schema.GroupVersionResource{Group: k.Group, Version: k.Version, Resource: strings.ToLower(k.Kind)}
		crds.AddSpecific(gvk, plural, singular, scope)
	}
	return meta.MultiRESTMapper{m.static, crds}
}

func (m *clusterMapper) KindFor(r schema.GroupVersionResource) (schema.GroupVersionKind, error) {
	return m.current().KindFor(r)
}

func (m *clusterMapper) KindsFor(r schema.GroupVersionResource) ([]schema.GroupVersionKind, error) {
	return m.current().KindsFor(r)
}

func (m *clusterMapper) ResourceFor(r schema.GroupVersionResource) (schema.GroupVersionResource, error) {
	return m.current().ResourceFor(r)
}

func (m *clusterMapper) ResourcesFor(r schema.GroupVersionResource) ([]schema.GroupVersionResource, error) {
	return m.current().ResourcesFor(r)
}

func (m *clusterMapper) RESTMapping(gk schema.GroupKind, versions ...string) (*meta.RESTMapping, error) {
	return m.current().RESTMapping(gk, versions...)
}

func (m *clusterMapper) RESTMappings(gk schema.GroupKind, versions ...string) ([]*meta.RESTMapping, error) {
	return m.current().RESTMappings(gk, versions...)
}

func (m *clusterMapper) ResourceSingularizer(resource string) (string, error) {
	return m.current().ResourceSingularizer(resource)
}

// clientGetter is the genericclioptions.RESTClientGetter behind Helm's
// kube.Client and engine in a simulation. Its REST config has no host to
// reach: every request goes to apiTransport, which answers from the fake
// cluster.
type clientGetter struct {
	namespace string
	mapper    *clusterMapper
	transport *apiTransport
	// beforeRender, if set, runs when renderFunc (Helm's renderResources)
	// asks for the REST config; its error is renderResources's.
	beforeRender func() error
	renderFunc   string
}

var _ genericclioptions.RESTClientGetter = (*clientGetter)(nil)

// ToRESTConfig is the REST config of the simulated API server. Helm 3's
// renderResources asks for it right before it renders: the simulation
// renders there; before Helm 4's it probes (rendergate.go).
func (g *clientGetter) ToRESTConfig() (*rest.Config, error) {
	if g.beforeRender != nil && toRESTConfigCaller() == g.renderFunc {
		if err := g.beforeRender(); err != nil {
			return nil, err
		}
	}
	return g.restConfig(), nil
}

func (g *clientGetter) restConfig() *rest.Config {
	return &rest.Config{Host: "https://hooklint-simulator.invalid", Transport: g.transport}
}

// ToDiscoveryClient is a memory-cached discovery client over the simulated
// API server, as genericclioptions' ConfigFlags gives Helm a cached one.
func (g *clientGetter) ToDiscoveryClient() (discovery.CachedDiscoveryInterface, error) {
	dc, err := g.discoveryClient()
	if err != nil {
		return nil, err
	}
	return memory.NewMemCacheClient(dc), nil
}

func (g *clientGetter) ToRESTMapper() (meta.RESTMapper, error) { return g.mapper, nil }

func (g *clientGetter) ToRawKubeConfigLoader() clientcmd.ClientConfig {
	return clientcmd.NewDefaultClientConfig(clientcmdapi.Config{}, &clientcmd.ConfigOverrides{
		Context: clientcmdapi.Context{Namespace: g.namespace},
	})
}

// apiTransport is the simulated API server's read side, answered from the
// fake cluster in memory: discovery (discovery.go serveDiscovery), GET of
// one object (helm.sh/helm/v3@v3.22.0 pkg/action/validate.go
// existingResourceConflict and requireAdoption GET each new resource; the
// engine's `lookup` GETs by name) and LIST of a collection (`lookup` with an
// empty name), as the API server answers them: the object, or 404 NotFound.
// Any other request fails: a simulation never reaches a network.
type apiTransport struct {
	cluster *Cluster
	mapper  *clusterMapper
	builtin []apiResource
	version version.Info
}

func (t *apiTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
	if req.Method != http.MethodGet {
		return nil, fmt.Errorf("hooklint simulator: %s %s is not served", req.Method, req.URL.Path)
	}
	if resp, ok, err := t.serveDiscovery(req); ok {
		return resp, err
	}
	gvr, ns, name, ok := parseAPIPath(req.URL.Path)
	if !ok {
		return nil, fmt.Errorf("hooklint simulator: GET %s is not served", req.URL.Path)
	}
	gvk, err := t.mapper.KindFor(gvr)
	if err != nil {
		return statusResponse(req, apierrors.NewNotFound(gvr.GroupResource(), name))
	}
	if name == "" {
		return t.serveList(req, gvk, ns)
	}
	o, found := t.cluster.Get(Key{Group: gvk.Group, Kind: gvk.Kind, Namespace: ns, Name: name})
	if !found {
		return statusResponse(req, apierrors.NewNotFound(gvr.GroupResource(), name))
	}
	body, err := json.Marshal(t.asServed(o, gvk))
	if err != nil {
		return nil, err
	}
	return jsonResponse(req, http.StatusOK, body), nil
}

// parseAPIPath splits /api/v1/[namespaces/NS/]RESOURCE/NAME and
// /apis/GROUP/VERSION/[namespaces/NS/]RESOURCE/NAME.
func parseAPIPath(p string) (gvr schema.GroupVersionResource, ns, name string, ok bool) {
	parts := strings.Split(strings.Trim(p, "/"), "/")
	switch {
	case len(parts) >= 2 && parts[0] == "api":
		gvr.Version = parts[1]
		parts = parts[2:]
	case len(parts) >= 3 && parts[0] == "apis":
		gvr.Group, gvr.Version = parts[1], parts[2]
		parts = parts[3:]
	default:
		return gvr, "", "", false
	}
	if len(parts) >= 3 && parts[0] == "namespaces" {
		ns = parts[1]
		parts = parts[2:]
	}
	switch len(parts) {
	case 1:
		gvr.Resource = parts[0]
	case 2:
		gvr.Resource, name = parts[0], parts[1]
	default:
		return gvr, "", "", false
	}
	return gvr, ns, name, true
}

func statusResponse(req *http.Request, err *apierrors.StatusError) (*http.Response, error) {
	st := err.ErrStatus
	st.Kind, st.APIVersion = "Status", "v1"
	body, merr := json.Marshal(st)
	if merr != nil {
		return nil, merr
	}
	return jsonResponse(req, int(st.Code), body), nil
}

func jsonResponse(req *http.Request, code int, body []byte) *http.Response {
	return &http.Response{
		StatusCode: code,
		Status:     http.StatusText(code),
		Header:     http.Header{"Content-Type": []string{"application/json"}},
		Body:       io.NopCloser(bytes.NewReader(body)),
		Request:    req,
	}
}

// newClientGetter is the simulated API server as Helm's clients reach it:
// the REST mapping, discovery and reads of Kubernetes kv (v1.35.4) over
// the fake cluster.
func newClientGetter(cluster *Cluster, namespace string, kv kubeVersion) *clientGetter {
	mapper := &clusterMapper{static: newStaticMapper(kv.minor), cluster: cluster}
	t := &apiTransport{cluster: cluster, mapper: mapper, builtin: builtinResources(kv.minor),
		version: kubeVersionInfo(kv.git, kv.major, kv.minorText)}
	return &clientGetter{namespace: namespace, mapper: mapper, transport: t}
}

// kubeVersion is the simulated Kubernetes version.
type kubeVersion struct {
	git, major, minorText string
	minor                 int
}

// newKubeClient returns Helm's own kube.Client over the simulated API
// server; the simulation uses only its Build (manifests to resource.Infos,
// with Helm's decoder and error texts) and the resources' REST clients.
func newKubeClient(getter *clientGetter) *kube.Client {
	kc := kube.New(getter)
	kc.Namespace = getter.namespace
	return kc
}
