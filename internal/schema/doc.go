// Package schema checks rendered objects of built-in Kubernetes kinds
// against the typed structs of k8s.io/api, as the API server's strict JSON
// decoding would: unknown (or misplaced, or mis-cased) fields, values of the
// wrong type, and values the field's decoder rejects (quantities, base64
// bytes, durations, timestamps).
//
// It works on hook.Object.Content (maps, slices and scalars) and walks it
// against the Go types by reflection, so each problem carries the exact
// path of the offending key; rules turn paths into template positions with
// hook.Object.PosOf. The kinds and versions it knows are those registered
// in client-go's kubernetes/scheme; anything else (CRDs, custom resources,
// removed API versions) is not checked. No network, no downloaded schemas.
//
// Reflection results are computed once per Go type and cached for the
// process, so checking every object of a large chart costs one walk of the
// object's content.
//
// It does not know which fields are required: that depends on the kind and
// on API-server validation, which the rules that care check themselves.
package schema
