package render

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chartutil"
)

// valuesRef matches a reference to a value: .Values.a.b or $.Values.a.b.
var valuesRef = regexp.MustCompile(`\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)`)

// conditional matches the actions that make a template's output
// conditional: if, with, range, and the ternary-like default/coalesce do not.
var conditional = regexp.MustCompile(`\{\{-?\s*(?:if|with|range|else)\b`)

// tplLoop finds a values string that, rendered with tpl, calls tpl on
// itself again, directly or through other values strings, with nothing
// conditional in between: `x: "{{ tpl .Values.x . }}"`. Helm's engine
// bounds include's recursion (pkg/engine/engine.go includeFun, 1000
// levels) but not tpl's (tplFun has no counter), so Helm, and hooklint
// rendering with Helm's engine, would recurse until Go's stack limit: a
// fatal error no recover catches, after gigabytes of stack. It returns the
// dotted paths of the cycle, or nil.
//
// Paths are resolved in the scope of the chart whose values they are in:
// under a subchart's key (its alias or name), .Values.x means
// <subchart>.x.
func tplLoop(values map[string]any, ch *chart.Chart) []string {
	strs := map[string]string{} // dotted path -> template string
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			p := prefix + k
			switch t := v.(type) {
			case string:
				if strings.Contains(t, "{{") {
					strs[p] = t
				}
			case map[string]any:
				walk(p+".", t)
			case chartutil.Values:
				walk(p+".", t)
			}
		}
	}
	walk("", values)
	if len(strs) == 0 {
		return nil
	}
	scopes := subchartScopes(ch, "")
	edges := map[string][]string{}
	for p, s := range strs {
		if !strings.Contains(s, "tpl") || conditional.MatchString(s) {
			continue
		}
		scope := ""
		for _, sc := range scopes {
			if strings.HasPrefix(p, sc) && len(sc) > len(scope) {
				scope = sc
			}
		}
		for _, m := range valuesRef.FindAllStringSubmatch(s, -1) {
			target := scope + strings.TrimPrefix(m[1], ".")
			if _, ok := strs[target]; ok {
				edges[p] = append(edges[p], target)
			}
		}
	}
	// depth-first search for a cycle, in a fixed order
	keys := make([]string, 0, len(edges))
	for k := range edges {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	state := map[string]int{} // 1 on the stack, 2 done
	var stack []string
	var cycle []string
	var dfs func(n string) bool
	dfs = func(n string) bool {
		state[n] = 1
		stack = append(stack, n)
		for _, m := range edges[n] {
			if state[m] == 1 {
				for i, x := range stack {
					if x == m {
						cycle = append(append([]string(nil), stack[i:]...), m)
					}
				}
				return true
			}
			if state[m] == 0 && dfs(m) {
				return true
			}
		}
		stack = stack[:len(stack)-1]
		state[n] = 2
		return false
	}
	for _, k := range keys {
		if state[k] == 0 && dfs(k) {
			return cycle
		}
	}
	return nil
}

// subchartScopes lists the value prefixes ("sub.", "sub.subsub.") of the
// subcharts of ch.
func subchartScopes(ch *chart.Chart, prefix string) []string {
	var out []string
	for _, d := range ch.Dependencies() {
		name := d.Name()
		if ch.Metadata != nil {
			for _, r := range ch.Metadata.Dependencies {
				if r.Name == d.Name() && r.Alias != "" {
					name = r.Alias
				}
			}
		}
		p := prefix + name + "."
		out = append(out, p)
		out = append(out, subchartScopes(d, p)...)
	}
	return out
}

// tplLoopError is the input error for a cycle found by tplLoop.
func tplLoopError(arg string, cycle []string) error {
	return &InputError{Chart: arg, File: "values", Err: fmt.Errorf(
		"%s calls tpl on itself (%s) with no condition to stop it: Helm's engine would recurse until Go's stack overflows and crash, so the chart is not rendered",
		cycle[0], strings.Join(cycle, " -> "))}
}

// CheckTplLoop returns the input error of tplLoop for c's coalesced values
// (chart defaults and user values, as Helm's actions coalesce them), or
// nil. The simulator calls it before it hands the chart to Helm's actions,
// which render it themselves.
func (c *Chart) CheckTplLoop() error {
	vals, err := chartutil.CoalesceValues(c.Chart, c.Values)
	if err != nil {
		return nil // Helm's action reports it
	}
	if cycle := tplLoop(vals, c.Chart); cycle != nil {
		return tplLoopError(c.Arg, cycle)
	}
	return nil
}
