package engine

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"
)

// Trees keeps the parse trees of a chart's template files between renders
// of the chart (lint renders it for an install and again for an upgrade,
// and parsing is most of a render's time). A file is parsed as render
// parses it, into a template set of its own with the render's functions;
// a later render adds the same trees to its set with AddParseTree, as
// text/template's Parse adds the trees it parsed (go1.26 text/template
// helper.go and template.go Template.Parse), so the set it executes is
// the one a fresh parse gives. Trees are only read while executing, so
// renders running side by side share them. A file is reused only with the
// same text and the same function names; a file that does not parse is
// parsed again (the render returns its error).
type Trees struct {
	mu    sync.Mutex
	files map[string]parsedFile
	// Keep, if set, says which files' trees are kept (the others are
	// parsed on every render).
	Keep func(filename string) bool
}

type parsedFile struct {
	text  string
	funcs string // the function names it was parsed with
	trees map[string]*parse.Tree
}

// NewTrees returns an empty cache.
func NewTrees() *Trees { return &Trees{files: map[string]parsedFile{}} }

// add parses text as template filename of t (t.New(filename).Parse(text))
// or adds the trees kept from an earlier parse of the same text.
func (c *Trees) add(t *template.Template, filename, text string, funcs template.FuncMap, names string) error {
	c.mu.Lock()
	p, ok := c.files[filename]
	c.mu.Unlock()
	if !ok || p.text != text || p.funcs != names {
		// Template.Parse's own call: parse.Parse with the template's
		// functions and text/template's builtins
		trees, err := parse.Parse(filename, text, "", "", funcs, builtinNames)
		if err != nil {
			// a builtin this list lacks (a newer Go) or a real error: the
			// parse text/template does, whose error the render returns
			one := template.New(filename).Funcs(funcs)
			if _, err := one.Parse(text); err != nil {
				return err
			}
			trees = map[string]*parse.Tree{}
			for _, x := range one.Templates() {
				if x.Tree != nil {
					trees[x.Name()] = x.Tree
				}
			}
		}
		p = parsedFile{text: text, funcs: names, trees: trees}
		if c.Keep == nil || c.Keep(filename) {
			c.mu.Lock()
			c.files[filename] = p
			c.mu.Unlock()
		}
	}
	ft := t.New(filename)
	for name, tree := range p.trees {
		if _, err := ft.AddParseTree(name, tree); err != nil {
			return err
		}
	}
	return nil
}

// builtinNames are the names of text/template's builtin functions (go1.26
// text/template funcs.go builtins), for parse.Parse, which only asks
// whether a name exists (TestBuiltinNames).
var builtinNames = map[string]any{ //nolint:gochecknoglobals // read-only lookup table
	"and": true, "call": true, "html": true, "index": true, "slice": true, "js": true, "len": true,
	"not": true, "or": true, "print": true, "printf": true, "println": true, "urlquery": true,
	"eq": true, "ge": true, "gt": true, "le": true, "lt": true, "ne": true,
}

// funcNames is the signature of a function map: its sorted names.
func funcNames(funcs template.FuncMap) string {
	return strings.Join(slices.Sorted(maps.Keys(funcs)), ",")
}

// Kept returns the names of the files whose trees are kept, sorted.
func (c *Trees) Kept() []string {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Sorted(maps.Keys(c.files))
}

// Drop lets go of the trees kept so far (a later render parses again).
func (c *Trees) Drop() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.files = map[string]parsedFile{}
	c.mu.Unlock()
}
