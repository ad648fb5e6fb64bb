package hook

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/release"
	"helm.sh/helm/v3/pkg/releaseutil"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/hooklint/hooklint/internal/par"
	"github.com/hooklint/hooklint/internal/render"
)

// Set is everything one render of a chart produced.
type Set struct {
	Context render.Context
	Release chartutil.ReleaseOptions
	// Objects are all documents, in Helm's file order (paths sorted, then
	// document order), hooks and dropped documents included.
	Objects []*Object
	// Hooks are the documents with helm.sh/hook, in the order Helm stores
	// them (SortManifests: InstallOrder kind, then path, then position),
	// followed by the ones Helm drops, in file order.
	Hooks []*Hook
}

// Extract builds the model of a render. sources maps Helm paths to template
// text (render.Chart.Sources). A document Helm cannot parse is an
// InputError, as `helm template` fails on it.
func Extract(chartArg string, r *render.Rendered, sources map[string]string) (*Set, error) {
	set := &Set{Context: r.Context, Release: r.Release}
	split := splitFor(r)
	items, largest := documents(r, sources, split)
	// Helm's reading decides what is a hook and how it parses; ours gives
	// positions and content. They read the same text independently and
	// run side by side when a CPU is free (par.Do), unless a document is
	// so large that two parsers holding it at once would cost more memory
	// than the time saved is worth.
	var hooks []*release.Hook
	var err error
	helm := func() { hooks, err = sortManifests(r) }
	lazy := lazyRender(items)
	ours := func() { set.Objects = objects(items, lazy) }
	if largest <= maxSideBySideDoc && !lazy {
		par.Do(helm, ours)
	} else {
		helm()
		ours()
	}
	if err != nil {
		return nil, yamlError(chartArg, err, r, sources, split)
	}
	set.Hooks = attach(set.Objects, hooks)
	return set, nil
}

// maxSideBySideDoc is the largest document (bytes) Extract lets Helm's
// parser and its own read at the same time.
const maxSideBySideDoc = 256 << 10

// docItem is one document of a rendered file.
type docItem struct {
	path string
	src  *source
	i    int
	d    doc
}

// documents splits every rendered file of r, in SortManifests' file order
// (paths sorted, then document order), and returns the size of the
// largest document.
func documents(r *render.Rendered, sources map[string]string, split func(string) []doc) ([]docItem, int) {
	paths := make([]string, 0, len(r.Files))
	for p := range r.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var items []docItem
	largest := 0
	for _, p := range paths {
		if strings.HasPrefix(lastElem(p), "_") || strings.TrimSpace(r.Files[p]) == "" {
			continue
		}
		content := r.Files[p]
		docs := split(content)
		src := &source{file: r.File(p)} // a subchart by its folder on disk
		if tpl, ok := sources[p]; ok {
			src = templateSource(src.file, tpl, content, docs)
		} else {
			src.stream = nil // unknown template: rendered lines stand
		}
		for i, d := range docs {
			items = append(items, docItem{p, src, i, d})
			largest = max(largest, len(d.Text))
		}
	}
	return items, largest
}

// objects reads the documents. Each is parsed on its own (newObject):
// large renders are spread over the free CPUs.
func objects(items []docItem, lazy bool) []*Object {
	objs := make([]*Object, len(items))
	par.For(len(items), 256, func(k int) {
		it := items[k]
		objs[k] = newObject(it.path, it.src, it.i, it.d, lazy)
	})
	return objs
}

// lazyRender reports whether a render is so large that the decoded
// content of its documents is not kept (Object.Content) and that Helm's
// reading and hooklint's do not run side by side: Helm's holds every
// document's head at once (200,000 documents: 80 MB) and the two peaks
// would add up.
func lazyRender(items []docItem) bool {
	size := 0
	for _, it := range items {
		size += len(it.d.Text)
	}
	return len(items) > lazyDocs || size > lazyBytes
}

// A render of more than lazyDocs documents or lazyBytes of them does not
// keep the decoded content of documents that cannot be hooks
// (Object.Content): 200,000 three-key ConfigMaps held 200 MB of maps, for
// rules that read most of them once. Below, as in every corpus chart (at
// most a few hundred documents and 1.5 MB), all content is kept, which is
// faster.
const (
	lazyDocs  = 2000
	lazyBytes = 8 << 20
)

func lastElem(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

func locateYAML(err error) (string, int) {
	msg := err.Error()
	const pre = "YAML parse error on "
	if i := strings.Index(msg, pre); i >= 0 {
		rest := msg[i+len(pre):]
		if j := strings.Index(rest, ":"); j >= 0 {
			return render.ChartRelative(rest[:j]), 0
		}
	}
	return "", 0
}

// attach links Helm's hook records to the objects they came from (by path
// and manifest text) and parses every helm.sh/hook document, the dropped ones
// included.
func attach(objs []*Object, helm []*release.Hook) []*Hook {
	type key struct{ path, text string }
	byKey := map[key][]*Object{}
	for _, o := range objs {
		if o.Annotation(AnnotationHook) != nil {
			k := key{o.Path, o.Text}
			byKey[k] = append(byKey[k], o)
		}
	}
	var out []*Hook
	seen := map[*Object]bool{}
	for _, rh := range helm {
		k := key{rh.Path, rh.Manifest}
		q := byKey[k]
		if len(q) == 0 {
			continue // cannot happen: Helm's hooks come from these documents
		}
		o := q[0]
		byKey[k] = q[1:]
		h := parseHook(o)
		h.Release = rh
		// Helm's own answer wins over our reading of it.
		h.Events, h.Weight = rh.Events, rh.Weight
		h.DeletePolicies, h.OutputLogPolicies = rh.DeletePolicies, rh.OutputLogPolicies
		if h.WeightAnnotation != nil {
			h.WeightText = weightText(o, h.WeightAnnotation)
		}
		o.Hook = h
		seen[o] = true
		out = append(out, h)
	}
	for _, o := range objs {
		if seen[o] || o.Annotation(AnnotationHook) == nil {
			continue
		}
		h := parseHook(o)
		if h.WeightAnnotation != nil {
			h.WeightText = weightText(o, h.WeightAnnotation)
		}
		o.Hook = h
		out = append(out, h)
	}
	return out
}

// weightText is the weight annotation as helm.sh/helm/v3@v3.22.0
// pkg/releaseutil/manifest_sorter.go manifestFile.sort reads it:
// yaml.Unmarshal (sigs.k8s.io/yaml) of the document into SimpleHead, then
// Metadata.Annotations[release.HookWeightAnnotation]; Helm 4's
// pkg/release/v1/util/manifest_sorter.go reads it the same way.
func weightText(o *Object, a *Annotation) string {
	if a.Kind == KindString {
		return a.Value
	}
	var head releaseutil.SimpleHead
	if err := sigsyaml.Unmarshal([]byte(o.Text), &head); err != nil || head.Metadata == nil {
		return a.Value
	}
	return head.Metadata.Annotations[AnnotationWeight]
}

// parseHook reads the hook annotations as manifestFile.sort does.
func parseHook(o *Object) *Hook {
	h := &Hook{Object: o}
	a := o.Annotation(AnnotationHook)
	h.Annotation = *a
	h.Tokens = tokens(a)
	for _, t := range h.Tokens {
		e, ok := events[t.Text]
		if !ok {
			h.Unknown = append(h.Unknown, t)
			continue
		}
		h.Events = append(h.Events, e)
	}
	if len(h.Unknown) > 0 {
		// manifestFile.sort: any unknown token -> "skipping unknown hook".
		h.Dropped = true
		h.Events = nil
	}
	if w := o.Annotation(AnnotationWeight); w != nil {
		h.WeightAnnotation = w
		h.Weight = atoi(w.Value)
	}
	if d := o.Annotation(AnnotationDeletePolicy); d != nil {
		h.DeleteAnnotation = d
		h.DeleteTokens = tokens(d)
		for _, t := range h.DeleteTokens {
			h.DeletePolicies = append(h.DeletePolicies, release.HookDeletePolicy(t.Text))
		}
	}
	if l := o.Annotation(AnnotationOutputLog); l != nil {
		h.OutputLogAnnotation = l
		h.OutputLogTokens = tokens(l)
		for _, t := range h.OutputLogTokens {
			h.OutputLogPolicies = append(h.OutputLogPolicies, release.HookOutputLogPolicy(t.Text))
		}
	}
	h.ResourcePolicy = o.Annotation(AnnotationResourcePolicy)
	return h
}

// atoi is calculateHookWeight: strconv.Atoi, 0 on any error.
func atoi(s string) int { return atoiExact(s) }

func tokens(a *Annotation) []Token {
	parts := strings.Split(a.Value, ",")
	out := make([]Token, 0, len(parts))
	for _, p := range parts {
		out = append(out, Token{Raw: p, Text: strings.ToLower(strings.TrimSpace(p)), At: a.ValAt})
	}
	return out
}

func newObject(path string, src *source, index int, d doc, lazy bool) *Object {
	o := &Object{Path: path, File: src.file, Index: index, Text: d.Text, src: src, docLine: d.Line}
	o.At = src.pos(d.Line, "")
	root, err := parseRoot(d.Text)
	if err != nil {
		o.ParseErr = err
		return o
	}
	if root == nil {
		return o
	}
	o.node = root
	budget := maxNodes
	if m, ok := decode(o.node, &budget).(map[string]any); ok {
		o.content, o.mapping = m, true
	}
	o.APIVersion = str(o.content["apiVersion"])
	o.Kind = str(o.content["kind"])
	if md, ok := o.content["metadata"].(map[string]any); ok {
		o.Name = str(md["name"])
		o.GenerateName = str(md["generateName"])
		o.Namespace = str(md["namespace"])
	}
	if md, _ := child(o.node, "metadata"); md != nil {
		if an, _ := child(md, "annotations"); an != nil && an.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(an.Content); i += 2 {
				k, v := an.Content[i], an.Content[i+1]
				a := Annotation{
					Key:    k.Value,
					Value:  v.Value,
					Kind:   scalarKind(v),
					Quoted: v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0,
					Quote:  quoteOf(v.Style),
					KeyAt:  src.pos(d.Line+k.Line-1, k.Value),
					ValAt:  src.pos(d.Line+v.Line-1, ""),
				}
				if a.Kind == KindNull {
					a.Value = ""
				}
				if v.ShortTag() == "!!binary" {
					// Helm's YAML-to-JSON reading decodes !!binary (how
					// YAML writes bytes that are not UTF-8) to the bytes.
					if b, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(v.Value), "")); err == nil {
						a.Value = string(b)
					}
				}
				o.Annotations = append(o.Annotations, a)
			}
		}
	}
	if !mayHoldHookKey(d.Text) {
		// cannot be a hook (no helm.sh/hook key, not even one spelt with
		// an escape): rules read its tree only to place a finding, and
		// Object.tree parses it again then. 200,000 documents keep 400 MB
		// less.
		o.node, o.dropped = nil, true
		if lazy && o.mapping {
			// the content check while the content is at hand (the tree,
			// which it reads for rare values only, is parsed again then)
			o.Shared()
			for k := range o.content {
				o.top |= topBit(k)
			}
			o.content, o.lazy = nil, true
		}
	}
	return o
}

func quoteOf(s yaml.Style) byte {
	switch {
	case s&yaml.DoubleQuotedStyle != 0:
		return '"'
	case s&yaml.SingleQuotedStyle != 0:
		return '\''
	}
	return 0
}

func str(v any) string {
	switch s := v.(type) {
	case string:
		return s
	case nil:
		return ""
	default:
		return fmt.Sprint(s)
	}
}

var yamlLineRe = regexp.MustCompile(`yaml: line (\d+):`)

// yamlError turns SortManifests' "YAML parse error on <path>: ... yaml: line
// N: ..." into an InputError at the template line: N counts lines of the
// failing document, which is mapped back like any other position.
func yamlError(chartArg string, err error, r *render.Rendered, sources map[string]string, split func(string) []doc) error {
	ie := &render.InputError{Chart: chartArg, Err: err}
	msg := err.Error()
	const pre = "YAML parse error on "
	i := strings.Index(msg, pre)
	if i < 0 {
		return ie
	}
	rest := msg[i+len(pre):]
	j := strings.Index(rest, ": ")
	if j < 0 {
		return ie
	}
	path := rest[:j]
	ie.File = r.File(path)
	detail := strings.TrimPrefix(rest[j+2:], "error converting YAML to JSON: ")
	detail = yamlLineRe.ReplaceAllString(detail, "line $1 of the rendered document:")
	ie.Err = fmt.Errorf("YAML parse error: %s", detail)
	m := yamlLineRe.FindStringSubmatch(msg)
	if m == nil {
		return ie
	}
	n, _ := strconv.Atoi(m[1])
	content := r.Files[path]
	docs := split(content)
	for _, d := range docs {
		var v any
		if yerr := sigsyaml.Unmarshal([]byte(d.Text), &v); yerr == nil {
			continue
		}
		src := &source{file: ie.File}
		if tpl, ok := sources[path]; ok {
			src = templateSource(ie.File, tpl, content, docs)
		}
		ie.Line = src.resolve(d.Line+n-1, "").Line
		break
	}
	return ie
}
