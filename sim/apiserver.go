package sim

import (
	"encoding/json"

	jsonpatch "github.com/evanphx/json-patch"
	"k8s.io/apimachinery/pkg/util/strategicpatch"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes/scheme"
	k8sjson "sigs.k8s.io/json"
)

// storedForm returns content as the API server stores and returns a
// built-in object: decoded into its k8s.io/api type, defaulted, and encoded
// again. Helm's three-way patch compares the new manifest with this form, not
// with what it sent, so a manifest field the server drops (empty or null
// values of omitempty fields, unknown fields) or rewrites (a quantity's
// canonical form, a defaulted field inside a list Helm replaces whole) makes
// Helm PATCH an unchanged chart, as real Helm does.
//
// It mirrors k8s.io/apiserver@v0.37.1 pkg/endpoints/handlers/create.go
// createHandler: the body is decoded by the JSON serializer
// (k8s.io/apimachinery pkg/runtime/serializer/json/json.go Decode: the
// case-sensitive sigs.k8s.io/json decoder, unknown fields dropped), converted
// and defaulted (the scheme's defaulting functions, ported in defaults.go for
// the kinds where a default changes what Helm compares), and stored; a GET
// encodes the typed object again (encoding/json: omitempty fields vanish).
//
// Built-in objects are kept in etcd as protobuf (k8s.io/apiserver
// pkg/server/storage/storage_codec.go: the storage media type is
// application/vnd.kubernetes.protobuf), which cannot tell an empty list or
// map from an absent one: `rules: []` comes back as `rules: null`, an empty
// `annotations: {}` is gone.
//
// Kinds client-go's scheme does not know (custom resources) are stored as
// sent, as the API server stores unstructured objects.
func storedForm(gvk schema.GroupVersionKind, content map[string]any) map[string]any {
	obj, err := scheme.Scheme.New(gvk)
	if err != nil {
		return content
	}
	data, err := json.Marshal(content)
	if err != nil {
		return content
	}
	if err := k8sjson.UnmarshalCaseSensitivePreserveInts(data, obj); err != nil {
		// The API server answers 400 to a body it cannot decode; Helm's
		// builder has already decoded it the same way, so this does not
		// happen for objects Helm sends. Keep it as sent.
		return content
	}
	convertSecret(obj)
	setDefaults(obj)
	obj = protobufRoundTrip(gvk, obj)
	data, err = json.Marshal(obj)
	if err != nil {
		return content
	}
	var out map[string]any
	if err := k8sjson.UnmarshalCaseSensitivePreserveInts(data, &out); err != nil {
		return content
	}
	// The typed object's TypeMeta is empty after decoding into it (the
	// serializer sets it from the group/version it encodes to).
	out["apiVersion"], out["kind"] = gvk.GroupVersion().String(), gvk.Kind
	if md, ok := out["metadata"].(map[string]any); ok {
		delete(md, "creationTimestamp")
	}
	return out
}

// protoMessage is what the gogo-generated k8s.io/api types implement.
type protoMessage interface {
	Marshal() ([]byte, error)
	Unmarshal([]byte) error
}

// protobufRoundTrip encodes obj as etcd stores it and decodes it again.
func protobufRoundTrip(gvk schema.GroupVersionKind, obj runtime.Object) runtime.Object {
	m, ok := obj.(protoMessage)
	if !ok {
		return obj
	}
	data, err := m.Marshal()
	if err != nil {
		return obj
	}
	fresh, err := scheme.Scheme.New(gvk)
	if err != nil {
		return obj
	}
	fm, ok := fresh.(protoMessage)
	if !ok || fm.Unmarshal(data) != nil {
		return obj
	}
	return fresh
}

// applyMerge is the object a server-side apply of o makes of the live
// object cur: the applied configuration merged into it, so that fields
// the server or a controller set (a claim's volumeName, defaults) stay and
// a null in the configuration removes a field (k8s.io/apiserver
// pkg/endpoints/handlers/fieldmanager, structured-merge-diff's apply; the
// simulation merges as a strategic merge patch for built-in kinds and a JSON
// merge patch for custom resources, which agree with it on the objects Helm
// applies: Helm applies the whole manifest every time, so fields it no
// longer sets are not left over from an earlier apply of its own here).
func applyMerge(o, cur *Object) map[string]any {
	live, err := json.Marshal(cur.Content)
	if err != nil {
		return o.Content
	}
	applied, err := json.Marshal(o.Content)
	if err != nil {
		return o.Content
	}
	var merged []byte
	if typed, terr := scheme.Scheme.New(schema.FromAPIVersionAndKind(o.APIVersion, o.Kind)); terr == nil {
		merged, err = strategicpatch.StrategicMergePatch(live, applied, typed)
	} else {
		merged, err = jsonpatch.MergePatch(live, applied)
	}
	if err != nil {
		return o.Content
	}
	var out map[string]any
	if err := json.Unmarshal(merged, &out); err != nil {
		return o.Content
	}
	return out
}

// convertSecret is what the conversion of a v1 Secret to the internal type
// does (k8s.io/kubernetes@v1.35 pkg/apis/core/v1/conversion.go
// Convert_v1_Secret_To_core_Secret): stringData is written over data and is
// not stored, so a manifest with stringData always differs from the stored
// Secret and Helm patches it on every upgrade.
func convertSecret(obj runtime.Object) {
	s, ok := obj.(*corev1.Secret)
	if !ok || len(s.StringData) == 0 {
		return
	}
	if s.Data == nil {
		s.Data = map[string][]byte{}
	}
	for k, v := range s.StringData {
		s.Data[k] = []byte(v)
	}
	s.StringData = nil
}
