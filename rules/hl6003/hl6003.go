package hl6003

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports wildcard verbs and resources in hook Roles and
// ClusterRoles.
var Analyzer = &lint.Analyzer{
	ID:       "HL6003",
	Name:     "hook-rbac-wildcard",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || (o.Kind != "Role" && o.Kind != "ClusterRole") || !strings.HasPrefix(o.APIVersion, "rbac.authorization.k8s.io/") {
			continue
		}
		v, _ := o.Get("rules")
		rules, _ := v.([]any)
		for i, r := range rules {
			rule, ok := r.(map[string]any)
			if !ok {
				continue
			}
			ri := strconv.Itoa(i)
			verbs, resources, groups := strs(rule["verbs"]), strs(rule["resources"]), strs(rule["apiGroups"])
			if j := index(verbs, "*"); j >= 0 {
				pass.Reportf(o.PosOf("rules", ri, "verbs", strconv.Itoa(j)), o,
					"hook %s allows every verb (\"*\") on %s: its subjects can also %s, and get verbs added later",
					o.Kind, list(resources, "resources"), extraVerbs(resources, groups))
			}
			if j := index(resources, "*"); j >= 0 {
				pass.Reportf(o.PosOf("rules", ri, "resources", strconv.Itoa(j)), o,
					"hook %s grants %s on every resource (\"*\") of %s: %s",
					o.Kind, list(verbs, "verbs"), groupList(groups), included(groups))
			}
		}
	}
	return nil, nil
}

// The API groups of the resources a wildcard is judged by: Secrets and
// ServiceAccounts are in the core group (""), Roles and bindings in
// rbac.authorization.k8s.io. A rule grants a resource only when both its
// apiGroups and its resources match it (k8s.io/kubernetes@v1.35
// pkg/apis/rbac/v1/evaluation_helpers.go RuleAllows: APIGroupMatches and
// ResourceMatches).
const (
	coreGroup = ""
	rbacGroup = "rbac.authorization.k8s.io"
)

func hasGroup(groups []string, g string) bool {
	return index(groups, "*") >= 0 || index(groups, g) >= 0
}

// included says what a resources: ["*"] rule in groups grants that
// matters: Secrets (core group) and RBAC objects (rbac group) only when
// the rule's apiGroups hold their group.
func included(groups []string) string {
	var parts []string
	if hasGroup(groups, coreGroup) {
		parts = append(parts, "Secrets")
	}
	if hasGroup(groups, rbacGroup) {
		parts = append(parts, "Roles and RoleBindings (which let its subjects grant themselves more)")
	}
	parts = append(parts, "resources added later")
	if len(parts) == 1 {
		return parts[0] + " included"
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1] + " included"
}

// extraVerbs says which verbs beyond the usual ones "*" grants on
// resources: delete always; escalate and bind on roles, impersonate on
// users, groups and service accounts (k8s.io/kubernetes@v1.35
// plugin/pkg/auth/authorizer/rbac and pkg/registry/rbac/escalation_check.go).
func extraVerbs(resources, groups []string) string {
	has := func(g string, rs ...string) bool {
		if !hasGroup(groups, g) {
			return false
		}
		for _, r := range append(rs, "*") {
			if index(resources, r) >= 0 {
				return true
			}
		}
		return false
	}
	vs := []string{"delete"}
	if has(rbacGroup, "roles", "clusterroles") {
		vs = append(vs, "escalate", "bind")
	}
	if has(coreGroup, "users", "groups", "serviceaccounts") {
		vs = append(vs, "impersonate")
	}
	if len(vs) == 1 {
		return "delete them"
	}
	return strings.Join(vs[:len(vs)-1], ", ") + " and " + vs[len(vs)-1]
}

func strs(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

func index(l []string, s string) int {
	for i, x := range l {
		if strings.TrimSpace(x) == s {
			return i
		}
	}
	return -1
}

// list writes up to three items: resources "pods", "secrets" and 2 more.
func list(l []string, what string) string {
	if len(l) == 0 {
		return "no " + what
	}
	q := make([]string, 0, 3)
	for _, s := range l[:min(3, len(l))] {
		q = append(q, strconv.Quote(s))
	}
	s := what + " " + strings.Join(q, ", ")
	if len(l) > 3 {
		s += fmt.Sprintf(" and %d more", len(l)-3)
	}
	return s
}

func groupList(groups []string) string {
	if index(groups, "*") >= 0 {
		return "every API group"
	}
	names := make([]string, len(groups))
	for i, g := range groups {
		if g == "" {
			g = "core"
		}
		names[i] = g
	}
	if len(names) == 1 {
		return "the " + strconv.Quote(names[0]) + " API group"
	}
	return list(names, "API groups")
}
