package sim

import (
	"crypto/sha256"
	"fmt"
	"sort"

	"github.com/hooklint/hooklint/internal/lifecycle"
)

// DefaultStorageClass is the name of the default StorageClass of the
// simulated cluster (most clusters have one; the oracle's kind-like control
// plane calls it "standard").
const DefaultStorageClass = "standard"

// What the controllers of a real cluster make by themselves, as the fake
// cluster makes it: without a call in the log (Helm did not send one) and
// at once (a controller reacts within milliseconds; the simulation's clock
// does not resolve them). Callers hold c.mu.

// provideNamespace adds what kube-controller-manager creates in every new
// namespace (lifecycle.Provided: the "default" ServiceAccount and the
// "kube-root-ca.crt" ConfigMap).
func (c *Cluster) provideNamespace(ns string) {
	for _, p := range lifecycle.Provided {
		k := Key{Kind: p.Kind, Namespace: ns, Name: p.Name}
		if _, ok := c.objects[k]; ok {
			continue
		}
		resource := "configmaps"
		if p.Kind == lifecycle.KindServiceAccount {
			resource = "serviceaccounts"
		}
		c.objects[k] = &Object{Key: k, APIVersion: "v1", Resource: resource, Origin: OriginCluster,
			Content: map[string]any{"apiVersion": "v1", "kind": p.Kind,
				"metadata": map[string]any{"name": p.Name, "namespace": ns}}}
	}
}

// provideDefaultStorageClass adds the cluster's default StorageClass.
func (c *Cluster) provideDefaultStorageClass() {
	k := Key{Group: "storage.k8s.io", Kind: "StorageClass", Name: DefaultStorageClass}
	c.objects[k] = &Object{Key: k, APIVersion: "storage.k8s.io/v1", Resource: "storageclasses", Origin: OriginCluster,
		Content: map[string]any{"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
			"metadata": map[string]any{"name": DefaultStorageClass,
				"annotations": map[string]any{"storageclass.kubernetes.io/is-default-class": "true"}},
			"provisioner": "rancher.io/local-path", "reclaimPolicy": "Delete", "volumeBindingMode": "Immediate"}}
}

// defaultStorageClass is the name of the StorageClass annotated as the
// default, or "" (k8s.io/kubernetes@v1.35
// pkg/volume/util/storageclass.go GetDefaultClass: the newest of several).
func (c *Cluster) defaultStorageClass() string {
	var names []string
	for k, o := range c.objects {
		if k.Group != "storage.k8s.io" || k.Kind != "StorageClass" {
			continue
		}
		ann := stringMap(nestedValue(o.Content, "metadata", "annotations"))
		if ann["storageclass.kubernetes.io/is-default-class"] == "true" || ann["storageclass.beta.kubernetes.io/is-default-class"] == "true" {
			names = append(names, k.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	sort.Strings(names)
	return names[len(names)-1]
}

// admitPVC is what a PersistentVolumeClaim goes through on create when a
// default StorageClass exists: the DefaultStorageClass admission plugin
// (k8s.io/kubernetes@v1.35 plugin/pkg/admission/storage/storageclass/setdefault/admission.go
// Admit) sets spec.storageClassName when it is absent or null (an empty
// string is kept: it asks for no class); then the PV controller's
// provisioner binds it (pkg/controller/volume/persistentvolume/pv_controller.go:
// a provisioned volume is named "pvc-" + the claim's UID, and the claim's
// spec.volumeName and status.phase Bound are set).
func (c *Cluster) admitPVC(o *Object) {
	spec, _ := o.Content["spec"].(map[string]any)
	if spec == nil {
		spec = map[string]any{}
		o.Content["spec"] = spec
	}
	if sc, ok := spec["storageClassName"]; !ok || sc == nil {
		if def := c.defaultStorageClass(); def != "" {
			spec["storageClassName"] = def
		}
	}
	phase := "Pending"
	if sc, _ := spec["storageClassName"].(string); sc != "" {
		if cls, ok := c.objects[Key{Group: "storage.k8s.io", Kind: "StorageClass", Name: sc}]; ok &&
			nestedString(cls.Content, "provisioner") != "kubernetes.io/no-provisioner" {
			spec["volumeName"] = "pvc-" + objectUID(o.Key)
			phase = "Bound"
		}
	}
	// A claim no class provisions stays Pending (no PersistentVolume is
	// pre-provisioned in the simulated cluster).
	o.Content["status"] = map[string]any{"phase": phase}
}

// objectUID is a UID for an object the simulation creates: derived from its
// identity so that every run prints the same bytes.
func objectUID(k Key) string {
	h := sha256.Sum256([]byte(k.Group + "/" + k.Kind + "/" + k.Namespace + "/" + k.Name))
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// provideStatefulSetClaims creates the PersistentVolumeClaims of a
// StatefulSet's volumeClaimTemplates, one per replica, as the StatefulSet
// controller does before it creates each pod (k8s.io/kubernetes@v1.35
// pkg/controller/statefulset/stateful_set_utils.go getPersistentVolumeClaims:
// named <template>-<statefulset>-<ordinal>, ordinals from spec.ordinals.start,
// labels of the template and of the set's selector). Existing claims are
// kept, and claims stay when the set is deleted or scaled down (the default
// persistentVolumeClaimRetentionPolicy: Retain).
func (c *Cluster) provideStatefulSetClaims(sts *Object) {
	if sts.Group != "apps" || sts.Kind != "StatefulSet" {
		return
	}
	vcts, _ := nestedValue(sts.Content, "spec", "volumeClaimTemplates").([]any)
	if len(vcts) == 0 {
		return
	}
	replicas := int64(1)
	if n, ok := nestedInt(sts.Content, "spec", "replicas"); ok {
		replicas = n
	}
	start, _ := nestedInt(sts.Content, "spec", "ordinals", "start")
	selector := stringMap(nestedValue(sts.Content, "spec", "selector", "matchLabels"))
	for ord := start; ord < start+replicas; ord++ {
		for _, v := range vcts {
			tmpl, _ := v.(map[string]any)
			name := nestedString(tmpl, "metadata", "name")
			if name == "" {
				continue
			}
			k := Key{Kind: "PersistentVolumeClaim", Namespace: sts.Namespace, Name: fmt.Sprintf("%s-%s-%d", name, sts.Name, ord)}
			if _, ok := c.objects[k]; ok {
				continue
			}
			labels := map[string]any{}
			for l, val := range stringMap(nestedValue(tmpl, "metadata", "labels")) {
				labels[l] = val
			}
			for l, val := range selector {
				labels[l] = val
			}
			spec := map[string]any{}
			if s, ok := tmpl["spec"].(map[string]any); ok {
				for f, val := range s {
					spec[f] = val
				}
			}
			pvc := &Object{Key: k, APIVersion: "v1", Resource: "persistentvolumeclaims", Origin: OriginCluster,
				Content: map[string]any{"apiVersion": "v1", "kind": "PersistentVolumeClaim",
					"metadata": map[string]any{"name": k.Name, "namespace": k.Namespace, "labels": labels},
					"spec":     spec}}
			c.admitPVC(pvc)
			pvc.store()
			pvc.CreatedAt = c.clock.Now()
			c.objects[k] = pvc
		}
	}
}
