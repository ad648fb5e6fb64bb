package sim

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/validation/field"
	openapierrors "k8s.io/kube-openapi/pkg/validation/errors"
	"k8s.io/kube-openapi/pkg/validation/spec"
	"k8s.io/kube-openapi/pkg/validation/strfmt"
	"k8s.io/kube-openapi/pkg/validation/validate"
)

// validateCustomResource checks a custom resource against the
// openAPIV3Schema of its CRD version, as the API server's
// customResourceStrategy.Validate does (k8s.io/apiextensions-apiserver@v0.37.1
// pkg/apiserver/validation/validation.go ValidateCustomResource, with
// kube-openapi's SchemaValidator, and kubeOpenAPIResultToFieldErrors for the
// error text). Before a create or update the API server drops the nulls of
// fields that are not nullable (pkg/apiserver/schema/defaulting
// PruneNonNullableNullsWithoutDefaults); a server-side apply validates the
// applied configuration with its nulls (prune is false), which is why
// Helm 4 and Helm 3 get different errors for the same manifest. Callers
// hold c.mu. It answers nil for objects of built-in kinds, for CRDs
// without a schema and for schemas it cannot read.
func (c *Cluster) validateCustomResource(o *Object, prune bool) *apierrors.StatusError {
	root := c.crdSchema(o)
	if root == nil {
		return nil
	}
	content := o.Content
	if prune {
		content, _ = pruneNulls(content, root).(map[string]any)
	}
	res := validate.NewSchemaValidator(root, nil, "", strfmt.Default).Validate(content)
	if res == nil || len(res.Errors) == 0 {
		return nil
	}
	var errs field.ErrorList
	for _, e := range res.Errors {
		var ve *openapierrors.Validation
		if !errors.As(e, &ve) {
			errs = append(errs, field.Invalid(nil, "", e.Error()))
			continue
		}
		var p *field.Path
		if name := strings.TrimPrefix(ve.Name, "."); name != "" {
			parts := strings.Split(name, ".")
			p = field.NewPath(parts[0], parts[1:]...)
		}
		switch ve.Code() {
		case openapierrors.RequiredFailCode:
			errs = append(errs, field.Required(p, ""))
		case openapierrors.EnumFailCode:
			var values []string
			for _, v := range ve.Values {
				values = append(values, fmt.Sprint(v))
			}
			errs = append(errs, field.NotSupported(p, ve.Value, values))
		default:
			value := any("")
			if ve.Value != nil {
				value = ve.Value
			}
			errs = append(errs, field.Invalid(p, value, ve.Error()))
		}
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Field < errs[j].Field })
	return apierrors.NewInvalid(schema.GroupKind{Group: o.Group, Kind: o.Kind}, o.Name, errs)
}

// crdSchema is the schema of o's version in the CRD of its kind, with
// nullable written as a "null" type, as the API server converts it
// (pkg/apiserver/validation ConvertJSONSchemaPropsWithPostProcess).
func (c *Cluster) crdSchema(o *Object) *spec.Schema {
	version := schema.FromAPIVersionAndKind(o.APIVersion, o.Kind).Version
	for k, crd := range c.objects {
		if k.Kind != "CustomResourceDefinition" || k.Group != "apiextensions.k8s.io" {
			continue
		}
		sp, _ := crd.Content["spec"].(map[string]any)
		if nestedString(sp, "group") != o.Group || nestedString(sp, "names", "kind") != o.Kind {
			continue
		}
		vs, _ := sp["versions"].([]any)
		for _, v := range vs {
			vm, _ := v.(map[string]any)
			if nestedString(vm, "name") != version {
				continue
			}
			raw := nestedValue(vm, "schema", "openAPIV3Schema")
			if raw == nil {
				return nil
			}
			data, err := json.Marshal(nullableAsType(raw))
			if err != nil {
				return nil
			}
			var s spec.Schema
			if json.Unmarshal(data, &s) != nil {
				return nil
			}
			return &s
		}
	}
	return nil
}

// nullableAsType rewrites nullable: true as a "null" type and drops the
// type of x-kubernetes-int-or-string, recursively.
func nullableAsType(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = nullableAsType(e)
		}
		if b, _ := x["x-kubernetes-int-or-string"].(bool); b {
			delete(out, "type")
		}
		if b, _ := x["nullable"].(bool); b {
			if t, ok := out["type"].(string); ok {
				out["type"] = []any{t, "null"}
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = nullableAsType(e)
		}
		return out
	}
	return v
}

// pruneNulls drops the null values of fields the schema does not declare
// nullable (PruneNonNullableNullsWithoutDefaults).
func pruneNulls(v any, s *spec.Schema) any {
	m, ok := v.(map[string]any)
	if !ok || s == nil {
		return v
	}
	out := make(map[string]any, len(m))
	for k, e := range m {
		prop, has := s.Properties[k]
		if e == nil && (!has || !prop.Type.Contains("null")) {
			continue
		}
		if has {
			e = pruneNulls(e, &prop)
		}
		out[k] = e
	}
	return out
}
