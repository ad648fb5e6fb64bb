// Package lifecycle computes, from the hook model, what the hooks of a chart
// need and when Helm creates it: the objects a hook's pod references
// (ServiceAccount and its RBAC bindings, ConfigMaps, Secrets, PVCs, image
// pull Secrets) and the namespace a hook is created in, matched against the
// chart's own objects, and the order in which Helm runs the hooks of one
// event (helm.sh/helm/v3 pkg/action/hooks.go execHook, hookByWeight).
//
// It is the shared model of the HL3xxx rules. It reads only hook.Object and
// hook.Hook, never YAML, renders or Helm's releaseutil. The lifecycle
// simulator (sim/) runs Helm itself instead; this package is the static
// approximation a rule can afford.
package lifecycle
