package lifecycle

import "strings"

// NormalizePolicy is how uninstall reads helm.sh/resource-policy
// (helm.sh/helm/v3 pkg/action/resource_policy.go filterManifestsToKeep:
// strings.ToLower(strings.TrimSpace(value))).
func NormalizePolicy(v string) string { return strings.ToLower(strings.TrimSpace(v)) }
