package engine

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template"
	"text/template/parse"
)

// TestBuiltinNames: builtinNames are exactly the keys of text/template's
// builtins() in the Go this is built with (its funcs.go).
func TestBuiltinNames(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	file := filepath.Join(strings.TrimSpace(string(out)), "src", "text", "template", "funcs.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	ast.Inspect(f, func(n ast.Node) bool {
		fn, ok := n.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "builtins" {
			return true
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				if lit, ok := kv.Key.(*ast.BasicLit); ok {
					s, _ := strconv.Unquote(lit.Value)
					names = append(names, s)
				}
			}
			return true
		})
		return false
	})
	slices.Sort(names)
	if got := slices.Sorted(maps.Keys(builtinNames)); !slices.Equal(got, names) {
		t.Errorf("builtinNames = %v, text/template's builtins() has %v", got, names)
	}
}

// TestTreesReused: a second render's set gets the trees of the first
// parse of the same text (not a parse of its own), only for files Keep
// accepts, and not for a changed text.
func TestTreesReused(t *testing.T) {
	funcs := template.FuncMap{"f": func() string { return "" }}
	names := funcNames(funcs)
	c := NewTrees()
	c.Keep = func(name string) bool { return name != "c/templates/b.yaml" }
	treeOf := func(name, text string) *parse.Tree {
		t.Helper()
		set := template.New("gotpl").Funcs(funcs)
		if err := c.add(set, name, text, funcs, names); err != nil {
			t.Fatal(err)
		}
		return set.Lookup(name).Tree
	}
	a1, a2 := treeOf("c/templates/a.yaml", "a: {{ f }}"), treeOf("c/templates/a.yaml", "a: {{ f }}")
	if a1 != a2 {
		t.Errorf("a.yaml was parsed again")
	}
	if a3 := treeOf("c/templates/a.yaml", "a: {{ f }}!"); a3 == a1 {
		t.Errorf("a changed text got the old tree")
	}
	if b1, b2 := treeOf("c/templates/b.yaml", "b: 1"), treeOf("c/templates/b.yaml", "b: 1"); b1 == b2 {
		t.Errorf("b.yaml, which Keep refuses, was kept")
	}
	if err := c.add(template.New("gotpl").Funcs(funcs), "c/templates/bad.yaml", "{{ nosuch }}", funcs, names); err == nil || !strings.Contains(err.Error(), `function "nosuch" not defined`) {
		t.Errorf("unknown function: %v", err)
	}
}
