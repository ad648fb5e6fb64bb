// Package suppress reads hooklint's suppression directives: template
// comments
//
//	# hooklint:ignore HL1013 the backup Job is kept on purpose
//	{{/* hooklint:ignore HL1013,job-hook-no-deadline reason */}}
//
// which cover findings on their own line and the next one, and the object
// annotation
//
//	hooklint.dev/ignore: "HL1013,HL2007 reason"
//
// which covers every finding about that object. Rules are named by ID or
// name, several separated by commas; the rest is the reason, which is
// required (an optional "--" before it is dropped).
//
// The package only parses and matches; the runner (package lint) decides
// which findings a directive removes and reports directives without a
// reason or that matched nothing (rules HL9001 and HL9002).
package suppress

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/render"
)

// Annotation is the object annotation that holds a directive.
const Annotation = "hooklint.dev/ignore"

// Kind is where a directive is written.
type Kind int

// Directive kinds.
const (
	Comment   Kind = iota // a template comment, covering its line and the next
	Annotated             // the hooklint.dev/ignore annotation, covering its object
)

// Directive is one suppression as written.
type Directive struct {
	Kind Kind
	// Pos is where it is written (the annotation's value for Annotated).
	Pos hook.Pos
	// Object is the annotated object (Annotated only): kind, namespace,
	// name as lint.ObjectRef has them.
	ObjectKind, ObjectNamespace, ObjectName string
	Refs                                    []*Ref
	Reason                                  string
	// Text is the directive as written, for messages.
	Text string
}

// Ref is one rule named by a directive.
type Ref struct {
	Name string // as written: an ID or a rule name
	// Checked: the rule ran, so a ref that matched nothing is stale.
	Checked bool
	// Used: it suppressed at least one finding.
	Used bool
}

var (
	// commentRe finds a directive in a YAML comment or a template comment.
	commentRe = regexp.MustCompile(`(?:#|\{\{-?\s*/\*)\s*hooklint:ignore\b(.*)`)
	refsRe    = regexp.MustCompile(`^\s*([A-Za-z0-9][A-Za-z0-9-]*(?:\s*,\s*[A-Za-z0-9][A-Za-z0-9-]*)*)`)
)

// parse splits "HL1001, name reason" into refs and reason. The reason ends
// at the end of a template comment ("*/") or where another YAML comment
// starts (" #").
func parse(rest string) (refs []*Ref, reason string) {
	if i := strings.Index(rest, "*/"); i >= 0 {
		rest = rest[:i]
	}
	m := refsRe.FindStringSubmatch(rest)
	if m == nil {
		return nil, ""
	}
	for _, r := range strings.Split(m[1], ",") {
		refs = append(refs, &Ref{Name: strings.TrimSpace(r)})
	}
	reason = rest[len(m[0]):]
	if i := strings.Index(reason, " #"); i >= 0 {
		reason = reason[:i]
	}
	reason = strings.TrimSpace(reason)
	reason = strings.TrimSpace(strings.TrimPrefix(reason, "--"))
	return refs, reason
}

// FromSources reads the comment directives of a chart's template sources
// (render.Chart.Sources, keyed by Helm path), in file and line order.
func FromSources(sources map[string]string) []*Directive {
	return FromSourcesAt(sources, render.ChartRelative)
}

// FromSourcesAt is FromSources with positions in the file that file maps
// each Helm path to (render.Chart.File: a subchart by its folder on disk).
func FromSourcesAt(sources map[string]string, file func(helmPath string) string) []*Directive {
	paths := make([]string, 0, len(sources))
	for p := range sources {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var out []*Directive
	for _, p := range paths {
		if !strings.Contains(sources[p], "hooklint:ignore") {
			continue // every directive names it (commentRe)
		}
		for i, line := range strings.Split(sources[p], "\n") {
			m := commentRe.FindStringSubmatchIndex(line)
			if m == nil {
				continue
			}
			refs, reason := parse(line[m[2]:m[3]])
			if len(refs) == 0 {
				continue
			}
			out = append(out, &Directive{
				Kind: Comment, Pos: hook.Pos{File: file(p), Line: i + 1, Col: m[0] + 1},
				Refs: refs, Reason: reason, Text: strings.TrimSpace(line[m[0]:]),
			})
		}
	}
	return out
}

// FromObjects reads the annotation directives of rendered objects. The same
// annotation seen in several renders is read once.
func FromObjects(objs []*hook.Object, seen map[hook.Pos]bool) []*Directive {
	var out []*Directive
	for _, o := range objs {
		for _, a := range o.Annotations {
			if a.Key != Annotation {
				continue
			}
			at := a.ValAt.Resolved()
			if seen[at] {
				continue
			}
			seen[at] = true
			refs, reason := parse(a.Value)
			d := &Directive{
				Kind: Annotated, Pos: at, Refs: refs, Reason: reason,
				ObjectKind: o.Kind, ObjectNamespace: o.Namespace, ObjectName: objectName(o),
				Text: Annotation + ": " + a.Value,
			}
			out = append(out, d)
		}
	}
	return out
}

func objectName(o *hook.Object) string {
	if o.Name == "" && o.GenerateName != "" {
		return o.GenerateName + "*"
	}
	return o.Name
}

// Covers reports whether d applies to a finding at pos about the object
// (kind, namespace, name; empty when the finding has none).
func (d *Directive) Covers(pos hook.Pos, kind, namespace, name string) bool {
	if d.Kind == Comment {
		return pos.File == d.Pos.File && (pos.Line == d.Pos.Line || pos.Line == d.Pos.Line+1)
	}
	return kind != "" && d.ObjectKind == kind && d.ObjectNamespace == namespace && d.ObjectName == name
}

// Index finds the directives that cover a finding without walking them
// all: a run with many directives and many findings would otherwise cost
// their product (60,000 comment lines and 3,000 hooks: minutes).
type Index struct {
	lines   map[lineKey][]*Directive
	objects map[objectKey][]*Directive
}

type lineKey struct {
	file string
	line int
}

type objectKey struct{ kind, namespace, name string }

// NewIndex indexes ds: a comment directive under its line and the next, an
// annotation directive under its object.
func NewIndex(ds []*Directive) *Index {
	ix := &Index{lines: map[lineKey][]*Directive{}, objects: map[objectKey][]*Directive{}}
	for _, d := range ds {
		if d.Kind == Comment {
			for _, l := range []int{d.Pos.Line, d.Pos.Line + 1} {
				k := lineKey{d.Pos.File, l}
				ix.lines[k] = append(ix.lines[k], d)
			}
			continue
		}
		k := objectKey{d.ObjectKind, d.ObjectNamespace, d.ObjectName}
		ix.objects[k] = append(ix.objects[k], d)
	}
	return ix
}

// Covering returns the directives that cover a finding at pos about the
// object (kind, namespace, name; empty when the finding has none): those
// for which Covers is true, comments first, each in the order of ds.
func (ix *Index) Covering(pos hook.Pos, kind, namespace, name string) []*Directive {
	out := ix.lines[lineKey{pos.File, pos.Line}]
	if kind == "" {
		return out
	}
	if objs := ix.objects[objectKey{kind, namespace, name}]; len(objs) > 0 {
		out = append(slices.Clip(out), objs...)
	}
	return out
}

// Match returns the ref of d that names the rule (by ID, any case, or by
// name), or nil.
func (d *Directive) Match(id, name string) *Ref {
	for _, r := range d.Refs {
		if strings.EqualFold(r.Name, id) || r.Name == name {
			return r
		}
	}
	return nil
}
