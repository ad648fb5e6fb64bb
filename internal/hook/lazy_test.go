package hook

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/render"
)

// probes are paths rules read with Get: present and absent top-level keys
// (those topKeys lists and others), nested and list paths.
var probes = [][]string{
	nil, {"apiVersion"}, {"kind"}, {"metadata"}, {"metadata", "name"}, {"metadata", "annotations"},
	{"spec"}, {"spec", "template", "spec", "containers", "0", "image"}, {"spec", "jobTemplate"},
	{"data"}, {"stringData"}, {"rules"}, {"subjects"}, {"subjects", "0", "name"}, {"roleRef"},
	{"webhooks"}, {"status"}, {"type"}, {"immutable"}, {"yaml"}, {"json"}, {"nosuchkey"}, {"spec", "nosuchkey"},
}

// TestLazyContentSame: a render read lazily (Object.Content decoded again
// on each read, lazyRender) gives every object the same content, and
// every Get the same answer, as one read eagerly, on every corpus chart
// and on documents that stress the top-level key record.
func TestLazyContentSame(t *testing.T) {
	charts, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	type input struct {
		name  string
		items []docItem
	}
	var inputs []input
	for _, c := range charts {
		opts := &render.Options{}
		if c.Values != "" {
			opts.Values.ValueFiles = []string{c.Values}
		}
		ch, err := render.Load(c.Dir, opts)
		if err != nil {
			continue
		}
		r, err := render.Render(ch, opts, render.Install)
		if err != nil {
			continue
		}
		items, _ := documents(r, ch.Sources, splitFor(r))
		inputs = append(inputs, input{c.ID, items})
	}
	stress := `apiVersion: v1
kind: ConfigMap
metadata: {name: a}
data: {k: v}
type: x
spec: &s {template: {spec: {containers: [{image: i}]}}}
yaml: *s
---
kind: Secret
stringData: {a: b}
immutable: yes
---
- a list
---
just a scalar
---
apiVersion: v1
kind: ConfigMap
data: {k: v}
data: {k: w}
`
	r := &render.Rendered{Files: map[string]string{"c/templates/stress.yaml": stress}}
	items, _ := documents(r, map[string]string{"c/templates/stress.yaml": stress}, splitFor(r))
	inputs = append(inputs, input{"stress", items})
	if len(inputs) < 2 {
		t.Log("../shared/corpus is absent: the stress documents only")
	}
	for _, in := range inputs {
		eager, lazy := objects(in.items, false), objects(in.items, true)
		nLazy := 0
		for i, e := range eager {
			l := lazy[i]
			if l.lazy {
				nLazy++
			}
			if e.lazy {
				t.Fatalf("%s: %s read lazily in an eager render", in.name, e.ID())
			}
			if l.Mapping() != e.Mapping() || l.Kind != e.Kind || l.Name != e.Name || l.APIVersion != e.APIVersion {
				t.Errorf("%s %s: lazy object differs: mapping %v/%v", in.name, e.ID(), l.Mapping(), e.Mapping())
			}
			// three reads: decoded, decoded and kept, kept
			for n := range 3 {
				if !reflect.DeepEqual(l.Content(), e.Content()) {
					t.Errorf("%s %s: read %d of the lazy content differs", in.name, e.ID(), n+1)
				}
			}
			for _, p := range probes {
				lv, lok := lazy[i].Get(p...)
				ev, eok := e.Get(p...)
				if lok != eok || !reflect.DeepEqual(lv, ev) {
					t.Errorf("%s %s: Get(%s) = %v, %v lazily, %v, %v eagerly", in.name, e.ID(), strings.Join(p, "."), lv, lok, ev, eok)
				}
			}
		}
		// fresh lazy objects: Get before any Content read (the top-level
		// key record alone)
		for i, l := range objects(in.items, true) {
			for _, p := range probes {
				lv, lok := l.Get(p...)
				ev, eok := eager[i].Get(p...)
				if lok != eok || !reflect.DeepEqual(lv, ev) {
					t.Errorf("%s %s: first Get(%s) = %v, %v lazily, %v, %v eagerly", in.name, l.ID(), strings.Join(p, "."), lv, lok, ev, eok)
				}
			}
		}
		if nLazy == 0 && in.name == "stress" {
			t.Errorf("stress: no object was read lazily")
		}
	}
}

// TestLazyRender: the threshold of lazy reading, in documents and bytes.
func TestLazyRender(t *testing.T) {
	mk := func(n, size int) []docItem {
		items := make([]docItem, n)
		for i := range items {
			items[i].d.Text = strings.Repeat("x", size)
		}
		return items
	}
	for _, c := range []struct {
		n, size int
		want    bool
	}{
		{lazyDocs, 10, false},
		{lazyDocs + 1, 10, true},
		{1, lazyBytes, false},
		{1, lazyBytes + 1, true},
		{2, lazyBytes/2 + 1, true},
	} {
		if got := lazyRender(mk(c.n, c.size)); got != c.want {
			t.Errorf("%d documents of %d bytes: lazy %v, want %v", c.n, c.size, got, c.want)
		}
	}
}

// TestLazyObjectKeepsHooks: a document that may hold a hook key keeps its
// content and tree in a lazy render; the content check runs once per
// object (Shared), for a lazy one while reading it.
func TestLazyObjectKeepsHooks(t *testing.T) {
	calls := map[string]int{}
	SetContentCheck(func(o *Object) any { calls[o.Name]++; return o.Name })
	defer SetContentCheck(nil)
	text := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n  annotations:\n    %s: pre-install\n"
	var items []docItem
	for i, key := range []string{"helm.sh/hook", "example.com/other"} {
		items = append(items, docItem{path: "c/templates/x.yaml", src: &source{}, i: i, d: doc{Text: fmt.Sprintf(text, fmt.Sprint("o", i), key)}})
	}
	objs := objects(items, true)
	if objs[0].lazy || objs[0].dropped || objs[0].content == nil {
		t.Errorf("the hook document was read lazily")
	}
	if !objs[1].lazy || objs[1].content != nil || calls["o1"] != 1 {
		t.Errorf("the other document: lazy %v, content kept %v, checked %d times while read", objs[1].lazy, objs[1].content != nil, calls["o1"])
	}
	for _, o := range objs {
		for range 2 {
			if got := o.Shared(); got != o.Name {
				t.Errorf("%s: Shared = %v", o.Name, got)
			}
		}
		if calls[o.Name] != 1 {
			t.Errorf("%s: content check ran %d times, want once", o.Name, calls[o.Name])
		}
	}
}
