package render

import (
	"path"
	"strings"
	"text/template/parse"

	"helm.sh/helm/v3/pkg/chart"
)

// UpgradeBlind returns the templates among files (Helm paths) whose render
// cannot differ between an install render and an upgrade render of c, so
// lint can take their upgrade documents from the install render instead of
// executing them again. A template is blind when
//
//   - neither its source nor any named template it calls (include or
//     template with a literal name, transitively; every definition of a
//     name counts) mentions .Release.IsInstall, IsUpgrade, Revision or the
//     whole .Release (readsRelease, on the parsed text's actions);
//   - none of them calls a template by a computed name;
//   - no file tree prints or serializes the whole context (`{{ . }}`,
//     `toYaml $`), which holds .Release;
//   - no values string and no chart file mentions those fields (tpl may
//     render them), and the names values strings and chart files include
//     are followed too.
//
// The analysis parses every template with text/template/parse, as Helm's
// engine does (helm.sh/helm/v3@v3.22.0 pkg/engine/engine.go render parses
// each template into one set). A source that does not parse makes nothing
// blind. TestUpgradeBlindRendersTheSame checks, on every corpus chart and
// fixture, that blind templates render the same bytes in both contexts.
func (c *Chart) UpgradeBlind(files map[string]bool) map[string]bool {
	out := map[string]bool{}
	if len(files) == 0 || c.valuesOrFilesReadRelease() {
		return out
	}
	a, ok := analyse(c.Sources)
	if !ok {
		return out
	}
	// names that tpl may call from values strings
	valueCalls, dynamic := valuesCalls(c)
	for f := range files {
		if a.blind(f, valueCalls, dynamic) {
			out[f] = true
		}
	}
	return out
}

// RenderedTemplates returns the Helm paths of c's templates, helpers (files
// named _*) left out.
func (c *Chart) RenderedTemplates() map[string]bool {
	out := map[string]bool{}
	for p := range c.Sources {
		if !strings.HasPrefix(path.Base(p), "_") {
			out[p] = true
		}
	}
	return out
}

// treeInfo is what UpgradeBlind needs of one parsed tree.
type treeInfo struct {
	mentions bool     // reads a release field that an upgrade changes
	dynamic  bool     // calls a template by a computed name, or prints the whole context
	usesTpl  bool     // calls tpl
	calls    []string // names of the templates it includes
}

type analysis struct {
	files   map[string]treeInfo   // Helm path -> the file's own tree
	defines map[string][]treeInfo // name -> every definition
}

func analyse(sources map[string]string) (*analysis, bool) {
	a := &analysis{files: map[string]treeInfo{}, defines: map[string][]treeInfo{}}
	for p, src := range sources {
		t := parse.New(p)
		t.Mode = parse.SkipFuncCheck
		set := map[string]*parse.Tree{}
		if _, err := t.Parse(src, "{{", "}}", set); err != nil {
			return nil, false
		}
		// a tree can mention a release field only if its file does
		fileMentions := readsRelease(src)
		for name, tr := range set {
			info := inspect(tr, name == p, fileMentions)
			if name == p {
				a.files[p] = info
			} else {
				a.defines[name] = append(a.defines[name], info)
			}
		}
		if _, ok := set[p]; !ok {
			a.files[p] = treeInfo{}
		}
	}
	return a, true
}

// blind reports whether file f and everything it calls is blind.
func (a *analysis) blind(f string, valueCalls []string, valueDynamic bool) bool {
	info, ok := a.files[f]
	if !ok {
		return false
	}
	seen := map[string]bool{}
	queue := []treeInfo{info}
	tplAdded := false
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		if t.mentions || t.dynamic {
			return false
		}
		calls := t.calls
		if t.usesTpl && !tplAdded {
			if valueDynamic {
				return false
			}
			tplAdded = true
			calls = append(append([]string(nil), calls...), valueCalls...)
		}
		for _, name := range calls {
			if seen[name] {
				continue
			}
			seen[name] = true
			queue = append(queue, a.defines[name]...)
		}
	}
	return true
}

// printers are functions that put their arguments into the output.
var printers = map[string]bool{ //nolint:gochecknoglobals // read-only lookup table
	"toYaml": true, "toJson": true, "toPrettyJson": true, "toRawJson": true, "toToml": true,
	"mustToJson": true, "mustToPrettyJson": true, "mustToRawJson": true, "toString": true,
	"print": true, "printf": true, "println": true, "quote": true, "squote": true, "cat": true,
	"fail": true, "toStrings": true, "join": true, "b64enc": true, "sha256sum": true, "sha1sum": true,
	"adler32sum": true, "fromYaml": true, "fromJson": true,
}

func inspect(t *parse.Tree, file, mayMention bool) treeInfo {
	var info treeInfo
	if t.Root == nil {
		return info
	}
	info.mentions = mayMention && readsRelease(t.Root.String())
	bare := func(n parse.Node) bool {
		switch x := n.(type) {
		case *parse.DotNode:
			return file // in a file tree, dot is the whole context
		case *parse.VariableNode:
			return len(x.Ident) == 1 && x.Ident[0] == "$"
		}
		return false
	}
	var walk func(n parse.Node)
	walkPipe := func(p *parse.PipeNode, printed bool) {
		if p == nil {
			return
		}
		for i, cmd := range p.Cmds {
			if len(cmd.Args) == 0 {
				continue
			}
			if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
				switch id.Ident {
				case "include":
					if len(cmd.Args) < 2 {
						info.dynamic = true
					} else if s, ok := cmd.Args[1].(*parse.StringNode); ok {
						info.calls = append(info.calls, s.Text)
					} else {
						info.dynamic = true
					}
				case "tpl":
					info.usesTpl = true
				}
				if printers[id.Ident] {
					for _, arg := range cmd.Args[1:] {
						if bare(arg) {
							info.dynamic = true
						}
					}
					if i > 0 && len(p.Cmds[i-1].Args) == 1 && bare(p.Cmds[i-1].Args[0]) {
						info.dynamic = true // {{ . | toYaml }}
					}
				}
			}
			if len(cmd.Args) == 1 && bare(cmd.Args[0]) && printed && i == len(p.Cmds)-1 && len(p.Decl) == 0 {
				info.dynamic = true // {{ . }} or {{ $ }}
			}
			for _, arg := range cmd.Args {
				walk(arg)
			}
		}
	}
	walk = func(n parse.Node) {
		switch x := n.(type) {
		case *parse.ListNode:
			if x == nil {
				return
			}
			for _, c := range x.Nodes {
				walk(c)
			}
		case *parse.ActionNode:
			walkPipe(x.Pipe, true)
		case *parse.IfNode:
			walkPipe(x.Pipe, false)
			walk(x.List)
			walk(x.ElseList)
		case *parse.RangeNode:
			walkPipe(x.Pipe, false)
			walk(x.List)
			walk(x.ElseList)
		case *parse.WithNode:
			walkPipe(x.Pipe, false)
			walk(x.List)
			walk(x.ElseList)
		case *parse.TemplateNode:
			info.calls = append(info.calls, x.Name)
			walkPipe(x.Pipe, false)
		case *parse.PipeNode:
			walkPipe(x, false)
		case *parse.ChainNode:
			walk(x.Node)
		}
	}
	walk(t.Root)
	return info
}

// valuesCalls returns the names that values strings include or call with
// template (tpl renders them), and whether one calls a computed name.
func valuesCalls(c *Chart) ([]string, bool) {
	var names []string
	dynamic := false
	var visit func(v any)
	visit = func(v any) {
		switch t := v.(type) {
		case string:
			if !containsAction(t) {
				return
			}
			tr := parse.New("value")
			tr.Mode = parse.SkipFuncCheck
			set := map[string]*parse.Tree{}
			if _, err := tr.Parse(t, "{{", "}}", set); err != nil {
				return // tpl fails on it in both renders alike
			}
			for _, x := range set {
				info := inspect(x, true, true)
				names = append(names, info.calls...)
				if info.dynamic || info.mentions {
					dynamic = true
				}
			}
		case map[string]any:
			for _, x := range t {
				visit(x)
			}
		case []any:
			for _, x := range t {
				visit(x)
			}
		}
	}
	visit(map[string]any(c.Values))
	var deps func(ch *chart.Chart)
	deps = func(ch *chart.Chart) {
		visit(ch.Values)
		for _, f := range ch.Files { // .Files.Get text that tpl may render
			visit(string(f.Data))
		}
		for _, d := range ch.Dependencies() {
			deps(d)
		}
	}
	deps(c.Chart)
	return names, dynamic
}

func containsAction(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '{' && s[i+1] == '{' {
			return true
		}
	}
	return false
}
