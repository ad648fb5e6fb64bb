package hook

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	yaml "go.yaml.in/yaml/v3"
)

// Object is one rendered document.
type Object struct {
	Path  string // Helm's path: chart/templates/x.yaml, chart/charts/sub/templates/x.yaml
	File  string // chart-relative: templates/x.yaml
	Index int    // document index in the rendered file (Helm's manifest-N)
	Text  string // the trimmed document, as Helm stores it

	APIVersion   string
	Kind         string
	Name         string
	GenerateName string
	Namespace    string // metadata.namespace as written ("" = the release namespace)

	// content is the document decoded (Content); of a lazy object, nil
	content map[string]any
	mapping bool   // the document is a mapping (Content is not nil)
	lazy    bool   // content is decoded again when read (objects)
	top     uint32 // of a lazy object, its top-level keys (topBit)
	reads   atomic.Int32
	kept    atomic.Pointer[map[string]any] // of a lazy object read twice

	sharedOnce sync.Once
	shared     any
	// ParseErr is set when hooklint's YAML parser rejects a document that
	// Helm accepted; positions then fall back to the document's first line.
	ParseErr error
	// At is the document's first line.
	At Pos
	// Annotations are metadata.annotations, in the order written.
	Annotations []Annotation
	// Hook is non-nil when the document has the helm.sh/hook annotation.
	Hook *Hook

	node    *yaml.Node // the document's root mapping (nil once dropped: tree)
	dropped bool       // newObject let go of node (a document that cannot be a hook)
	src     *source
	docLine int // rendered line where the document starts
}

// ID is kind/namespace/name, as a reader would write it.
func (o *Object) ID() string {
	name := o.Name
	if name == "" && o.GenerateName != "" {
		name = o.GenerateName + "*"
	}
	if o.Namespace != "" {
		return o.Kind + "/" + o.Namespace + "/" + name
	}
	return o.Kind + "/" + name
}

// Annotation returns the annotation with exactly this key; of a key
// written twice, the last one, the value Helm reads: helm.sh/helm/v3@v3.22.0
// pkg/releaseutil/manifest_sorter.go manifestFile.sort decodes with
// sigs.k8s.io/yaml Unmarshal, whose go.yaml.in/yaml/v2 decoder (non-strict,
// decode.go setMapIndex) overwrites a repeated key (Helm 4's
// pkg/release/v1/util/manifest_sorter.go the same;
// TestHelmDuplicateAnnotationKeyLastWins).
func (o *Object) Annotation(key string) *Annotation {
	for i := len(o.Annotations) - 1; i >= 0; i-- {
		if o.Annotations[i].Key == key {
			return &o.Annotations[i]
		}
	}
	return nil
}

// Content is the document decoded into maps, slices and scalars; nil
// when it is not a mapping. The caller must not change it.
//
// In a large render (lazyDocs) the content of a document that cannot be a
// hook is not kept, as it would be most of the memory: Content decodes the
// text again, and keeps the result from the second read on (a document
// some rule reads once per hook is decoded at most three times).
func (o *Object) Content() map[string]any {
	if !o.lazy {
		return o.content
	}
	if m := o.kept.Load(); m != nil {
		return *m
	}
	root := o.tree()
	if root == nil {
		return nil
	}
	budget := maxNodes
	m, _ := decode(root, &budget).(map[string]any)
	if o.reads.Add(1) >= 2 {
		o.kept.Store(&m)
	}
	return m
}

// Mapping reports whether the document is a mapping: whether Content is
// not nil, without decoding it.
func (o *Object) Mapping() bool { return o.mapping }

// topKeys are top-level keys whose absence a lazy object records, so that
// Get("spec", ...) of a ConfigMap does not decode it; a key not listed
// shares the last bit with every other such key.
var topKeys = [...]string{"apiVersion", "kind", "metadata", "spec", "data", "stringData", "rules", "subjects", "roleRef", "webhooks", "status"} //nolint:gochecknoglobals // read-only lookup table

// topBit is the bit of a top-level key in Object.top.
func topBit(key string) uint32 {
	for i, k := range topKeys {
		if k == key {
			return 1 << i
		}
	}
	return 1 << len(topKeys)
}

// Shared returns the result of the content check (SetContentCheck) of
// the object, running it once per object: every render holding the
// object would repeat it (the upgrade render shares the install render's
// objects of templates that cannot tell an upgrade from an install). Of
// an object whose content is not kept, newObject runs it while the
// content is at hand, so it is never decoded again for it.
func (o *Object) Shared() any {
	o.sharedOnce.Do(func() {
		if contentCheck != nil {
			o.shared = contentCheck(o)
		}
	})
	return o.shared
}

var contentCheck func(o *Object) any //nolint:gochecknoglobals // set once, by internal/schema's init, before any render

// SetContentCheck sets the analysis of one object's content that Shared
// returns: internal/schema's check of built-in kinds against their Go
// types, which HL5001 and HL5002 read (schema imports this package, so it
// registers the check from its init).
func SetContentCheck(f func(o *Object) any) { contentCheck = f }

// Get returns the value at path (map keys, or decimal indexes into lists).
func (o *Object) Get(path ...string) (any, bool) {
	if !o.mapping || (o.lazy && len(path) > 0 && o.top&topBit(path[0]) == 0) {
		return nil, false
	}
	var cur any = o.Content()
	for _, p := range path {
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[p]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(p)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// PosOf is the template position of the key at path, or of the deepest
// part of path that exists (a missing field points at its parent key).
func (o *Object) PosOf(path ...string) Pos {
	n := o.tree()
	if n == nil {
		return o.At
	}
	at := o.At
	for _, p := range path {
		next, key := child(n, p)
		if next == nil {
			break
		}
		if key != nil {
			at = o.src.pos(o.docLine+key.Line-1, key.Value)
		} else {
			at = o.src.pos(o.docLine+next.Line-1, "")
		}
		n = next
	}
	return at
}

// TemplateLine is the template source line the key at path (as for
// PosOf) was written on, "" when the object has no template (a stream) or
// the line is unknown. Rules read it for what the rendered value cannot
// show, such as a name built with randAlphaNum.
func (o *Object) TemplateLine(path ...string) string {
	if o.src == nil || o.src.tplLines == nil {
		return ""
	}
	p := o.PosOf(path...).Resolved()
	if p.Line < 1 || p.Line > len(o.src.tplLines) || p.File != o.src.file {
		return ""
	}
	return o.src.tplLines[p.Line-1]
}

// Found is a key found anywhere in a document.
type Found struct {
	Path  []string // the path to the key, the key last
	Value string   // the scalar value, "" for a mapping or list
	At    Pos
}

// FindKeys returns every mapping key in the document for which pred is
// true, in document order.
func (o *Object) FindKeys(pred func(key string) bool) []Found {
	root := o.tree()
	if root == nil {
		return nil
	}
	var out []Found
	budget := maxNodes
	// path is one stack shared by the walk; a match copies it
	var path []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		budget--
		if budget < 0 || n == nil {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				path = append(path, k.Value)
				if pred(k.Value) {
					val := ""
					if v.Kind == yaml.ScalarNode {
						val = v.Value
					}
					out = append(out, Found{Path: slices.Clone(path), Value: val, At: o.src.pos(o.docLine+k.Line-1, k.Value)})
				}
				walk(v)
				path = path[:len(path)-1]
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				path = append(path, strconv.Itoa(i))
				walk(c)
				path = path[:len(path)-1]
			}
		}
	}
	walk(root)
	return out
}

// tree is the document's root mapping: the one newObject parsed, or, for
// an object it let go of, the same text parsed again (not kept).
func (o *Object) tree() *yaml.Node {
	if !o.dropped {
		return o.node
	}
	root, _ := parseRoot(o.Text)
	return root
}

// MayHoldHookKey reports whether the document's text has a helm.sh/hook
// key, or could have one spelt with an escape; newObject keeps the tree
// of exactly these documents.
func (o *Object) MayHoldHookKey() bool { return mayHoldHookKey(o.Text) }

func mayHoldHookKey(text string) bool {
	return strings.Contains(text, AnnotationHook) || strings.Contains(text, `\`)
}

// parseRoot parses a document and returns its root mapping, nil when the
// document is not a mapping.
func parseRoot(text string) (*yaml.Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(text), &root); err != nil {
		return nil, err
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, nil
	}
	return root.Content[0], nil
}

// child returns the value node at key p of mapping n (or index p of a
// sequence) and the key node.
func child(n *yaml.Node, p string) (val, key *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == p {
				return n.Content[i+1], n.Content[i]
			}
		}
	case yaml.SequenceNode:
		i, err := strconv.Atoi(p)
		if err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i], nil
		}
	}
	return nil, nil
}

// maxNodes bounds the work on one document (alias bombs).
const maxNodes = 1 << 20

// decode turns a node into maps, slices and scalars, expanding aliases
// within a budget.
func decode(n *yaml.Node, budget *int) any {
	*budget--
	if *budget < 0 || n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return decode(n.Content[0], budget)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = decode(n.Content[i+1], budget)
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			s = append(s, decode(c, budget))
		}
		return s
	case yaml.AliasNode:
		return decode(n.Alias, budget)
	case yaml.ScalarNode:
		var v any
		if err := n.Decode(&v); err != nil {
			return n.Value
		}
		return v
	}
	return nil
}

func scalarKind(n *yaml.Node) ScalarKind {
	if n.Kind != yaml.ScalarNode {
		return KindOther
	}
	switch n.ShortTag() {
	case "!!int":
		return KindInt
	case "!!float":
		return KindFloat
	case "!!bool":
		return KindBool
	case "!!null":
		return KindNull
	}
	return KindString
}

// source maps rendered lines of one file to positions.
type source struct {
	file     string
	tplLines []string // template lines; nil for a stream
	stream   []int    // rendered line -> stream line, for a stream

	// The template and its render, from which the line map is computed
	// on first use (newSrcMap); tpl is "" for a stream.
	tpl, content string
	docs         []doc
	once         sync.Once
	sm           *srcMap
}

// templateSource is the source of a rendered file of the template tpl.
func templateSource(file, tpl, content string, docs []doc) *source {
	return &source{file: file, tplLines: strings.Split(tpl, "\n"), tpl: tpl, content: content, docs: docs}
}

func (s *source) srcMap() *srcMap {
	s.once.Do(func() { s.sm = newSrcMap(s.tpl, s.content, s.docs) })
	return s.sm
}

// pos is the position of rendered line rline (and key, if any, written
// there): pending for a template, resolved for a stream.
func (s *source) pos(rline int, key string) Pos {
	if s == nil {
		return Pos{}
	}
	if s.tplLines == nil {
		return s.resolve(rline, key)
	}
	return Pos{File: s.file, Pending: &Pending{src: s, rline: rline, key: key}}
}

// resolve computes the position pos stands for.
func (s *source) resolve(rline int, key string) Pos {
	if s == nil {
		return Pos{}
	}
	if s.tplLines == nil {
		l := rline
		if rline >= 1 && rline <= len(s.stream) {
			l = s.stream[rline-1]
		}
		return Pos{File: s.file, Line: l}
	}
	l := s.srcMap().line(rline)
	if key != "" && l >= 1 && l <= len(s.tplLines) && !strings.Contains(s.tplLines[l-1], key) {
		// The key came out of an action (a dict of default annotations, a
		// values merge): point at the nearby line that writes it, if any.
		if k := nearest(s.tplLines, l-1, key, keySearchSpan); k >= 0 {
			l = k + 1
		}
	}
	p := Pos{File: s.file, Line: l}
	if key != "" && l >= 1 && l <= len(s.tplLines) {
		if i := strings.Index(s.tplLines[l-1], key); i >= 0 {
			p.Col = i + 1
		}
	}
	return p
}

// keySearchSpan bounds how far from the producing action a literal key is
// looked for.
const keySearchSpan = 40

// nearest returns the line index within span of i that contains key,
// preferring earlier lines (definitions come before their use).
func nearest(lines []string, i int, key string, span int) int {
	for d := 1; d <= span; d++ {
		if j := i - d; j >= 0 && strings.Contains(lines[j], key) {
			return j
		}
	}
	for d := 1; d <= span; d++ {
		if j := i + d; j < len(lines) && strings.Contains(lines[j], key) {
			return j
		}
	}
	return -1
}
