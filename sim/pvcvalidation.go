package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"

	corev1 "k8s.io/api/core/v1"
	apiequality "k8s.io/apimachinery/pkg/api/equality"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/diff"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// pvcSpecChange mirrors the spec check of k8s.io/kubernetes@v1.35
// pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimUpdate:
// a claim's spec is immutable, except that spec.volumeName may be set once
// (by the binder), resources.requests.storage of a bound claim may change
// (expansion has its own checks) and volumeAttributesClassName may change.
// The error carries the API server's diff of the two specs
// (k8s.io/apimachinery pkg/util/diff Diff of the internal
// core.PersistentVolumeClaimSpec, whose fields have no JSON tags).
func pvcSpecChange(cur, next *Object) *apierrors.StatusError {
	var oldPVC, newPVC corev1.PersistentVolumeClaim
	if runtime.DefaultUnstructuredConverter.FromUnstructured(cur.Content, &oldPVC) != nil ||
		runtime.DefaultUnstructuredConverter.FromUnstructured(next.Content, &newPVC) != nil {
		return nil
	}
	oldSpec, newSpec := oldPVC.Spec.DeepCopy(), newPVC.Spec.DeepCopy()
	if oldPVC.Spec.VolumeName == "" {
		oldSpec.VolumeName = newSpec.VolumeName
	}
	if newPVC.Status.Phase == corev1.ClaimBound && newSpec.Resources.Requests != nil {
		if q, ok := oldPVC.Spec.Resources.Requests[corev1.ResourceStorage]; ok {
			newSpec.Resources.Requests[corev1.ResourceStorage] = q
		}
	}
	oldSpec.VolumeAttributesClassName = newSpec.VolumeAttributesClassName
	if apiequality.Semantic.DeepEqual(oldSpec, newSpec) {
		return nil
	}
	d := diff.Diff(internalForm(reflect.ValueOf(*oldSpec)), internalForm(reflect.ValueOf(*newSpec)))
	return apierrors.NewInvalid(schema.GroupKind{Kind: "PersistentVolumeClaim"}, next.Name, field.ErrorList{
		field.Forbidden(field.NewPath("spec"), "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n"+d),
	})
}

// internalForm is a k8s.io/api/core/v1 value as the API server's internal
// type marshals to JSON: the same fields in the same order under their Go
// names (internal types have no JSON tags), nil and empty lists and maps as
// null (as decoded from storage); types of other packages (metav1's, the
// quantity) marshal as they do everywhere.
func internalForm(v reflect.Value) json.Marshaler {
	return orderedJSON{v}
}

type orderedJSON struct{ v reflect.Value }

func (o orderedJSON) MarshalJSON() ([]byte, error) {
	v := o.v
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return []byte("null"), nil
		}
		return orderedJSON{v.Elem()}.MarshalJSON()
	case reflect.Slice, reflect.Map:
		if v.Len() == 0 {
			return []byte("null"), nil
		}
	}
	if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Struct && v.Type().Elem().PkgPath() == "k8s.io/api/core/v1" {
		var b bytes.Buffer
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			e, err := orderedJSON{v.Index(i)}.MarshalJSON()
			if err != nil {
				return nil, err
			}
			b.Write(e)
		}
		b.WriteByte(']')
		return b.Bytes(), nil
	}
	if v.Kind() != reflect.Struct || v.Type().PkgPath() != "k8s.io/api/core/v1" {
		return json.Marshal(v.Interface())
	}
	var b bytes.Buffer
	b.WriteByte('{')
	n := 0
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		name, _ := json.Marshal(f.Name)
		b.Write(name)
		b.WriteByte(':')
		e, err := orderedJSON{v.Field(i)}.MarshalJSON()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		b.Write(e)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
