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
					"hook %s allows every verb (\"*\") on %s: its subjects can also delete, escalate, bind or impersonate where those apply, and get verbs added later",
					o.Kind, list(resources, "resources"))
			}
			if j := index(resources, "*"); j >= 0 {
				pass.Reportf(o.PosOf("rules", ri, "resources", strconv.Itoa(j)), o,
					"hook %s grants %s on every resource (\"*\") of %s: Secrets, RBAC and resources added later included",
					o.Kind, list(verbs, "verbs"), groupList(groups))
			}
		}
	}
	return nil, nil
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
