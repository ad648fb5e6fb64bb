package lifecycle

import (
	"strconv"
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
)

// Ref is one reference from a hook to another object.
type Ref struct {
	Kind      string // the referenced kind: ServiceAccount, ConfigMap, Secret, ...
	Name      string
	Namespace string // the referenced object's namespace ("" for cluster-scoped kinds)
	// Via says where the reference is written: "serviceAccountName",
	// "envFrom", "env", "volume", "projected volume", "imagePullSecrets",
	// "RoleBinding", "roleRef", "metadata.namespace".
	Via      string
	At       hook.Pos // the key that names the object, in the consumer
	Optional bool     // optional: true on the reference
	// Through is the RoleBinding or ClusterRoleBinding that makes a
	// Role/ClusterRole reference, nil otherwise.
	Through *hook.Object
	// Parent is, for RBAC references, the reference they follow from (the
	// ServiceAccount, or the binding of a Role): "Kind/name".
	Parent string
}

// Key is "Kind/name".
func (r Ref) Key() string { return r.Kind + "/" + r.Name }

// Pod reference kinds.
const (
	KindServiceAccount = "ServiceAccount"
	KindConfigMap      = "ConfigMap"
	KindSecret         = "Secret"
	KindPVC            = "PersistentVolumeClaim"
	KindNamespace      = "Namespace"
)

// ns returns the namespace o lives in: metadata.namespace or the release's.
func ns(o *hook.Object, releaseNS string) string {
	if o.Namespace != "" {
		return o.Namespace
	}
	return releaseNS
}

// clusterScoped kinds the references can name.
func clusterScoped(kind string) bool {
	switch kind {
	case "Namespace", "ClusterRole", "ClusterRoleBinding":
		return true
	}
	return false
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func isTrue(v any) bool {
	b, ok := v.(bool)
	return ok && b
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func mapping(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func join(base []string, more ...string) []string {
	return append(append([]string(nil), base...), more...)
}

// PodRefs returns the objects the pod spec of o references, in document
// order: serviceAccountName, imagePullSecrets, volumes (configMap, secret,
// persistentVolumeClaim, projected sources) and, per container and init
// container, envFrom and env valueFrom.
func PodRefs(o *hook.Object, releaseNS string) []Ref {
	spec, path, ok := o.PodSpec()
	if !ok {
		return nil
	}
	n := ns(o, releaseNS)
	var out []Ref
	add := func(kind, name, via string, optional bool, at ...string) {
		if name == "" {
			return
		}
		out = append(out, Ref{Kind: kind, Name: name, Namespace: n, Via: via, At: o.PosOf(join(path, at...)...), Optional: optional})
	}
	sa, key := str(spec["serviceAccountName"]), "serviceAccountName"
	if sa == "" {
		sa, key = str(spec["serviceAccount"]), "serviceAccount"
	}
	if sa != "" && sa != "default" {
		add(KindServiceAccount, sa, key, false, key)
	}
	for i, s := range list(spec["imagePullSecrets"]) {
		add(KindSecret, str(mapping(s)["name"]), "imagePullSecrets", false, "imagePullSecrets", strconv.Itoa(i), "name")
	}
	for i, v := range list(spec["volumes"]) {
		vol := mapping(v)
		idx := strconv.Itoa(i)
		if cm := mapping(vol["configMap"]); cm != nil {
			add(KindConfigMap, str(cm["name"]), "volume", isTrue(cm["optional"]), "volumes", idx, "configMap", "name")
		}
		if s := mapping(vol["secret"]); s != nil {
			add(KindSecret, str(s["secretName"]), "volume", isTrue(s["optional"]), "volumes", idx, "secret", "secretName")
		}
		if c := mapping(vol["persistentVolumeClaim"]); c != nil {
			add(KindPVC, str(c["claimName"]), "volume", false, "volumes", idx, "persistentVolumeClaim", "claimName")
		}
		if p := mapping(vol["projected"]); p != nil {
			for j, src := range list(p["sources"]) {
				jdx := strconv.Itoa(j)
				if cm := mapping(mapping(src)["configMap"]); cm != nil {
					add(KindConfigMap, str(cm["name"]), "projected volume", isTrue(cm["optional"]), "volumes", idx, "projected", "sources", jdx, "configMap", "name")
				}
				if s := mapping(mapping(src)["secret"]); s != nil {
					add(KindSecret, str(s["name"]), "projected volume", isTrue(s["optional"]), "volumes", idx, "projected", "sources", jdx, "secret", "name")
				}
			}
		}
	}
	for _, group := range []string{"initContainers", "containers"} {
		for i, c := range list(spec[group]) {
			ctr := mapping(c)
			idx := strconv.Itoa(i)
			for j, ef := range list(ctr["envFrom"]) {
				jdx := strconv.Itoa(j)
				if r := mapping(mapping(ef)["configMapRef"]); r != nil {
					add(KindConfigMap, str(r["name"]), "envFrom", isTrue(r["optional"]), group, idx, "envFrom", jdx, "configMapRef", "name")
				}
				if r := mapping(mapping(ef)["secretRef"]); r != nil {
					add(KindSecret, str(r["name"]), "envFrom", isTrue(r["optional"]), group, idx, "envFrom", jdx, "secretRef", "name")
				}
			}
			for j, e := range list(ctr["env"]) {
				jdx := strconv.Itoa(j)
				vf := mapping(mapping(e)["valueFrom"])
				if r := mapping(vf["configMapKeyRef"]); r != nil {
					add(KindConfigMap, str(r["name"]), "env", isTrue(r["optional"]), group, idx, "env", jdx, "valueFrom", "configMapKeyRef", "name")
				}
				if r := mapping(vf["secretKeyRef"]); r != nil {
					add(KindSecret, str(r["name"]), "env", isTrue(r["optional"]), group, idx, "env", jdx, "valueFrom", "secretKeyRef", "name")
				}
			}
		}
	}
	return dedupe(out)
}

// dedupe keeps the first reference to each object, and marks it optional
// only if every reference to it is optional.
func dedupe(refs []Ref) []Ref {
	type key struct{ kind, name string }
	idx := map[key]int{}
	var out []Ref
	for _, r := range refs {
		k := key{r.Kind, r.Name}
		if i, ok := idx[k]; ok {
			if !r.Optional {
				out[i].Optional = false
			}
			continue
		}
		idx[k] = len(out)
		out = append(out, r)
	}
	return out
}

// RBACRefs returns, for a ServiceAccount reference sa, the RoleBindings and
// ClusterRoleBindings among objs that bind it, and the Roles and
// ClusterRoles those bindings grant when the chart defines them. The
// positions are sa's: the consumer runs with that ServiceAccount.
func RBACRefs(sa Ref, objs []*hook.Object, releaseNS string) []Ref {
	var out []Ref
	for _, b := range objs {
		if b.Kind != "RoleBinding" && b.Kind != "ClusterRoleBinding" {
			continue
		}
		if b.Hook != nil && b.Hook.Dropped {
			continue
		}
		bns := ns(b, releaseNS)
		if b.Kind == "RoleBinding" && bns != sa.Namespace {
			continue
		}
		bound := false
		subjects, _ := b.Get("subjects")
		for _, s := range list(subjects) {
			m := mapping(s)
			sns := str(m["namespace"])
			if sns == "" && b.Kind == "RoleBinding" {
				sns = bns
			}
			if str(m["kind"]) == KindServiceAccount && str(m["name"]) == sa.Name && sns == sa.Namespace {
				bound = true
			}
		}
		if !bound {
			continue
		}
		bn := bns
		if b.Kind == "ClusterRoleBinding" {
			bn = ""
		}
		out = append(out, Ref{Kind: b.Kind, Name: b.Name, Namespace: bn, Via: b.Kind, At: sa.At, Parent: sa.Key()})
		rr, _ := b.Get("roleRef")
		kind, name := str(mapping(rr)["kind"]), str(mapping(rr)["name"])
		if name == "" || (kind != "Role" && kind != "ClusterRole") {
			continue
		}
		rn := bns
		if kind == "ClusterRole" {
			rn = ""
		}
		out = append(out, Ref{Kind: kind, Name: name, Namespace: rn, Via: "roleRef", At: sa.At, Through: b, Parent: b.Kind + "/" + b.Name})
	}
	return out
}

// Refs returns everything hook object o needs: its namespace when the chart
// defines it, its pod references, and the RBAC of its ServiceAccount.
func Refs(o *hook.Object, objs []*hook.Object, releaseNS string) []Ref {
	var out []Ref
	if o.Namespace != "" {
		out = append(out, Ref{Kind: KindNamespace, Name: o.Namespace, Via: "metadata.namespace", At: o.PosOf("metadata", "namespace")})
	}
	for _, r := range PodRefs(o, releaseNS) {
		out = append(out, r)
		if r.Kind == KindServiceAccount {
			out = append(out, RBACRefs(r, objs, releaseNS)...)
		}
	}
	return out
}

// Producers returns the objects among objs that r names, except dropped
// hooks (Helm never creates them) and except self. For a
// PersistentVolumeClaim they include the StatefulSets whose
// volumeClaimTemplates create it (<template>-<statefulset>-<ordinal>).
func Producers(r Ref, objs []*hook.Object, self *hook.Object, releaseNS string) []*hook.Object {
	var out []*hook.Object
	for _, o := range objs {
		if o == self || (o.Hook != nil && o.Hook.Dropped) {
			continue
		}
		if !clusterScoped(r.Kind) && ns(o, releaseNS) != r.Namespace {
			continue
		}
		if (o.Kind == r.Kind && o.Name == r.Name) || (r.Kind == KindPVC && claimsOf(o, r.Name)) {
			out = append(out, o)
		}
	}
	return out
}

// claimsOf reports whether StatefulSet o creates the PVC named claim.
func claimsOf(o *hook.Object, claim string) bool {
	if o.Kind != "StatefulSet" {
		return false
	}
	vcts, _ := o.Get("spec", "volumeClaimTemplates")
	for _, v := range list(vcts) {
		meta := mapping(mapping(v)["metadata"])
		prefix := str(meta["name"]) + "-" + o.Name + "-"
		if str(meta["name"]) == "" || !strings.HasPrefix(claim, prefix) {
			continue
		}
		if _, err := strconv.Atoi(claim[len(prefix):]); err == nil {
			return true
		}
	}
	return false
}
