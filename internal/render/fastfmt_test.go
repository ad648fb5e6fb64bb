package render

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/Masterminds/sprig/v3"
	"helm.sh/helm/v3/pkg/chartutil"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/render/engine"
)

type (
	namedMap   map[string][]byte
	namedKey   string
	namedSlice []int
	stringer   struct{ s string }
	plain      struct {
		A int
		B *int
		c map[string]any
	}
)

func (s stringer) String() string { return "S(" + s.s + ")" }

// TestFormatV: formatV prints what fmt's %v prints, for every kind of
// value a template can hand dict or toString, nested: maps with string
// keys (plain, chartutil.Values, named, with named keys), slices, byte
// slices, pointers below and at the top, structs, Stringers, errors,
// floats with NaN and infinities, nil.
func TestFormatV(t *testing.T) {
	n := 7
	leaves := []any{
		nil, "", "a b", "{{x}}", true, false, 0, -12, int64(math.MinInt64), int8(3), uint8(200), uint64(math.MaxUint64),
		1.5, 1e6, 1e21, 1e-7, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), float32(0.1), complex(1, 2),
		[]byte{}, []byte(nil), []byte("hi\x00\xff"), namedMap{"f": []byte("xy"), "e": nil}, namedSlice{1, 2},
		&n, (*int)(nil), &plain{A: 1}, plain{A: 2, B: &n, c: map[string]any{"k": &n}}, stringer{"v"}, &stringer{"p"},
		errors.New("boom"), map[namedKey]any{"b": 1, "a": &n}, map[int]string{2: "b", 1: "a"}, [2]any{&n, "x"},
		[]string{"a", "b"}, []*int{&n, nil}, reflect.ValueOf(3), chartutil.Values{"z": 1, "a": []any{&n}},
		map[string]string{"b": "1", "a": "2"}, func() {}, struct{}{},
	}
	r := rand.New(rand.NewPCG(1, 2))
	var gen func(depth int) any
	gen = func(depth int) any {
		if depth > 3 || r.IntN(3) == 0 {
			return leaves[r.IntN(len(leaves))]
		}
		switch r.IntN(4) {
		case 0:
			m := map[string]any{}
			for range r.IntN(5) {
				m[fmt.Sprint(r.IntN(10))] = gen(depth + 1)
			}
			return m
		case 1:
			m := chartutil.Values{}
			for range r.IntN(5) {
				m[fmt.Sprint("k", r.IntN(10))] = gen(depth + 1)
			}
			return m
		case 2:
			s := make([]any, r.IntN(4))
			for i := range s {
				s[i] = gen(depth + 1)
			}
			return s
		default:
			return &plain{A: r.IntN(9), c: map[string]any{"x": gen(depth + 1)}}
		}
	}
	cases := append([]any(nil), leaves...)
	for range 2000 {
		cases = append(cases, gen(0))
	}
	for _, v := range cases {
		if got, want := fastStrval(v), sprigStrval(v); got != want {
			t.Fatalf("strval(%#v) = %q, fmt gives %q", v, got, want)
		}
	}
}

// sprigStrval is sprig's own strval (strings.go), its toString.
var sprigStrval = sprig.TxtFuncMap()["toString"].(func(any) string)

// TestFormatVCorpus: on every corpus chart, the values the chart's
// templates hand dict (up to five of each type) print through formatV as
// through fmt, render contexts (with their files, capabilities and
// subcharts) among them.
func TestFormatVCorpus(t *testing.T) {
	charts, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	if len(charts) == 0 {
		t.Skip("no corpus")
	}
	contexts := 0
	for _, cc := range charts {
		opts := &Options{}
		if cc.Values != "" {
			opts.Values.ValueFiles = []string{cc.Values}
		}
		c, err := Load(cc.Dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		caps := chartutil.DefaultCapabilities.Copy()
		top, err := chartutil.ToRenderValues(c.Chart, c.Values, chartutil.ReleaseOptions{Name: "rel", Namespace: "ns", Revision: 1, IsInstall: true}, caps)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[reflect.Type]int{}
		checkArgs := func(args []any) {
			for _, a := range args {
				typ := reflect.TypeOf(a)
				if _, ok := a.(string); ok || seen[typ] >= 5 {
					continue
				}
				seen[typ]++
				if v, ok := a.(chartutil.Values); ok && v["Files"] != nil {
					contexts++
				}
				if got, want := fastStrval(a), sprigStrval(a); got != want {
					t.Fatalf("%s: strval of a %T differs from fmt's:\n%s", cc.ID, a, firstDiff(got, want))
				}
			}
		}
		funcs := withFast(newDeterministic(chartSeed(c)).funcs())
		funcs["dict"] = func(v ...any) map[string]any {
			checkArgs(v)
			return fastDict(v...)
		}
		if _, err := (engine.Engine{Funcs: funcs}).Render(c.Chart, top); err != nil {
			t.Fatalf("%s: %v", cc.ID, err)
		}
	}
	if contexts == 0 {
		t.Error("no render context was handed to dict: the test compared nothing that matters")
	}
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-40)
	cut := func(s string) string { return s[lo:min(len(s), i+40)] }
	return strings.Join([]string{"at byte " + fmt.Sprint(i), "formatV: " + cut(a), "fmt:     " + cut(b)}, "\n")
}
