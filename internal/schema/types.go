package schema

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"sync"

	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	apiextensionsv1beta1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1beta1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/client-go/kubernetes/scheme"
)

// tkind is what a Go type accepts in JSON, as the API server decodes it.
type tkind int

const (
	kAny         tkind = iota // interface{}, RawExtension, other json.Unmarshalers: anything
	kStruct                   // a JSON object with known fields
	kSlice                    // a JSON array
	kMap                      // a JSON object with any keys
	kString                   // a JSON string
	kInt                      // a JSON number with an integral value in range
	kUint                     // a non-negative JSON integer in range
	kFloat                    // a JSON number
	kBool                     // true or false
	kBytes                    // a base64 string ([]byte)
	kIntOrString              // intstr.IntOrString
	kQuantity                 // resource.Quantity: a number, or a string ParseQuantity accepts
	kTime                     // metav1.Time: an RFC 3339 string
	kDuration                 // metav1.Duration: a string time.ParseDuration accepts
)

// typeInfo is what the checker needs of one Go type, computed once.
type typeInfo struct {
	kind   tkind
	name   string               // Go type name, for messages ("ObjectMeta")
	bits   int                  // size of kInt/kUint/kFloat
	elem   *typeInfo            // kSlice element, kMap value
	fields map[string]*typeInfo // kStruct: JSON name -> type
	names  []string             // kStruct: JSON names, sorted
}

var (
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]() //nolint:gochecknoglobals // read-only lookup table
	specialKinds    = map[reflect.Type]tkind{             //nolint:gochecknoglobals // read-only lookup table
		reflect.TypeFor[intstr.IntOrString]():   kIntOrString,
		reflect.TypeFor[resource.Quantity]():    kQuantity,
		reflect.TypeFor[metav1.Time]():          kTime,
		reflect.TypeFor[metav1.Duration]():      kDuration,
		reflect.TypeFor[runtime.RawExtension](): kAny,
	}
)

// cache holds the type information of every Go type seen, and the root
// types of the built-in kinds. It is derived from constant inputs (the Go
// types of k8s.io/api), filled lazily and never invalidated.
var cache = struct { //nolint:gochecknoglobals // read-only lookup table
	sync.Mutex
	types map[reflect.Type]*typeInfo
	kinds map[string]reflect.Type // "apps/v1 Deployment" -> type
}{types: map[reflect.Type]*typeInfo{}}

func gvkKey(apiVersion, kind string) string { return apiVersion + " " + kind }

// rootOf returns the type information of a built-in kind, nil when
// client-go's scheme does not know apiVersion and kind.
func rootOf(apiVersion, kind string) *typeInfo {
	cache.Lock()
	defer cache.Unlock()
	if cache.kinds == nil {
		cache.kinds = map[string]reflect.Type{}
		// Helm's object builder decodes with client-go's scheme plus the
		// apiextensions types (helm.sh/helm/v3 pkg/kube/client.go init), so
		// CustomResourceDefinitions are built-in kinds for Helm too. Adding
		// them here keeps the result independent of what else is linked.
		crds := runtime.NewScheme()
		_ = apiextensionsv1.AddToScheme(crds)
		_ = apiextensionsv1beta1.AddToScheme(crds)
		for _, s := range []*runtime.Scheme{scheme.Scheme, crds} {
			for gvk, t := range s.AllKnownTypes() {
				if gvk.Version == runtime.APIVersionInternal {
					continue
				}
				cache.kinds[gvkKey(gvk.GroupVersion().String(), gvk.Kind)] = t
			}
		}
	}
	t, ok := cache.kinds[gvkKey(strings.TrimSpace(apiVersion), strings.TrimSpace(kind))]
	if !ok {
		return nil
	}
	return infoLocked(t)
}

// infoOf returns the type information of t (for tests).
func infoOf(t reflect.Type) *typeInfo {
	cache.Lock()
	defer cache.Unlock()
	return infoLocked(t)
}

// infoLocked builds the information of t; the caller holds cache's lock.
// A type is stored before its fields are filled, so recursive types end.
func infoLocked(t reflect.Type) *typeInfo {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if ti, ok := cache.types[t]; ok {
		return ti
	}
	ti := &typeInfo{name: t.Name()}
	cache.types[t] = ti
	if k, ok := specialKinds[t]; ok {
		ti.kind = k
		return ti
	}
	if t.Implements(unmarshalerType) || reflect.PointerTo(t).Implements(unmarshalerType) {
		ti.kind = kAny // a custom decoder we do not model: accept anything
		return ti
	}
	switch t.Kind() {
	case reflect.Struct:
		ti.kind = kStruct
		ti.fields = map[string]*typeInfo{}
		addFields(ti, t)
		for n := range ti.fields {
			ti.names = append(ti.names, n)
		}
		sort.Strings(ti.names)
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			ti.kind = kBytes
			return ti
		}
		ti.kind = kSlice
		ti.elem = infoLocked(t.Elem())
	case reflect.Map:
		ti.kind = kMap
		ti.elem = infoLocked(t.Elem())
	case reflect.String:
		ti.kind = kString
	case reflect.Bool:
		ti.kind = kBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		ti.kind, ti.bits = kInt, t.Bits()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		ti.kind, ti.bits = kUint, t.Bits()
	case reflect.Float32, reflect.Float64:
		ti.kind, ti.bits = kFloat, t.Bits()
	default:
		ti.kind = kAny
	}
	return ti
}

// addFields adds the JSON fields of struct t to ti as encoding/json sees
// them: a tag name or the Go name, "-" skipped, anonymous structs without a
// tag name (TypeMeta and ObjectMeta's `json:",inline"`) promoted, and a
// shallower field winning over a promoted one of the same name.
func addFields(ti *typeInfo, t reflect.Type) {
	var inline []reflect.Type
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				inline = append(inline, ft)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		ti.fields[name] = infoLocked(f.Type)
	}
	for _, it := range inline {
		sub := &typeInfo{fields: map[string]*typeInfo{}}
		addFields(sub, it)
		for n, f := range sub.fields {
			if _, ok := ti.fields[n]; !ok {
				ti.fields[n] = f
			}
		}
	}
}
