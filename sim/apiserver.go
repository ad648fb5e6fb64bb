package sim

import (
	"encoding/json"

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
