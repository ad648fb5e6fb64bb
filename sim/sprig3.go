package sim

import (
	"reflect"
	"sync"
	"sync/atomic"
	"text/template"
	_ "unsafe" // go:linkname

	_ "github.com/Masterminds/sprig/v3" // the map below is sprig's

	"github.com/hooklint/hooklint/internal/render"
)

// sprigGenericMap is github.com/Masterminds/sprig/v3@v3.3.0 functions.go
// genericMap, the table GenericFuncMap copies for every template engine.
// Helm 3's pkg/action renders with an engine it builds itself
// (helm.sh/helm/v3@v3.22.0 pkg/action/action.go renderResources:
// engine.New(restConfig), whose funcMap starts from sprig.TxtFuncMap) and,
// unlike Helm 4's Configuration.CustomTemplateFuncs, takes no functions
// from its caller. This table is the only place a Helm 3 simulation can
// give it deterministic random and clock functions.
//
//go:linkname sprigGenericMap github.com/Masterminds/sprig/v3.genericMap
var sprigGenericMap map[string]any //nolint:gochecknoglobals // sprig's table, reached by name

// helm3Funcs routes sprig's random, clock and key functions to the
// deterministic ones of the Helm 3 simulation that holds it, and to
// sprig's own when none does (hooklint's other renders replace them in
// their engine: render.DeterministicFuncs).
var helm3Funcs struct { //nolint:gochecknoglobals // guards the one process-wide table above
	sync.Mutex // held for a whole Helm 3 simulation
	current    atomic.Pointer[template.FuncMap]
	sprig      map[string]any
}

// init rewires the table before any goroutine can copy it.
func init() { //nolint:gochecknoinits // a later write would race with renders reading the map
	helm3Funcs.sprig = map[string]any{}
	for name, f := range render.DeterministicFuncs(nil) {
		orig, ok := sprigGenericMap[name]
		if !ok || !convertible(reflect.TypeOf(f), reflect.TypeOf(orig)) {
			continue // not sprig's (none today): left alone
		}
		helm3Funcs.sprig[name] = orig
		typ := reflect.TypeOf(orig)
		sprigGenericMap[name] = reflect.MakeFunc(typ, dispatch(name, typ)).Interface()
	}
}

// convertible: same arity, and each parameter and result converts (the
// certificate functions' struct {Cert, Key string} is sprig's type in one
// and render's in the other).
func convertible(a, b reflect.Type) bool {
	if a.NumIn() != b.NumIn() || a.NumOut() != b.NumOut() || a.IsVariadic() != b.IsVariadic() {
		return false
	}
	for i := range a.NumIn() {
		if !b.In(i).ConvertibleTo(a.In(i)) {
			return false
		}
	}
	for i := range a.NumOut() {
		if !a.Out(i).ConvertibleTo(b.Out(i)) {
			return false
		}
	}
	return true
}

// dispatch calls name in the current simulation's functions, or sprig's.
func dispatch(name string, typ reflect.Type) func([]reflect.Value) []reflect.Value {
	return func(args []reflect.Value) []reflect.Value {
		f := helm3Funcs.sprig[name]
		if cur := helm3Funcs.current.Load(); cur != nil {
			f = (*cur)[name]
		}
		fv := reflect.ValueOf(f)
		ft := fv.Type()
		in := make([]reflect.Value, len(args))
		for i, a := range args {
			in[i] = a.Convert(ft.In(i))
		}
		var out []reflect.Value
		if typ.IsVariadic() {
			out = fv.CallSlice(in)
		} else {
			out = fv.Call(in)
		}
		for i := range out {
			out[i] = out[i].Convert(typ.Out(i))
		}
		return out
	}
}

// withHelm3Funcs runs a Helm 3 simulation of c with sprig's random and
// clock functions seeded by c (render.DeterministicFuncs): the same
// timeline on every run. With real (Scenario.RealGeneration) sprig's own
// functions answer instead. Helm 3 simulations take turns: a real one
// holds the table too, so that no other simulation's functions answer
// its renders.
func withHelm3Funcs[T any](c *render.Chart, real bool, run func() (T, error)) (T, error) {
	helm3Funcs.Lock()
	defer helm3Funcs.Unlock()
	if real {
		return run()
	}
	funcs := render.DeterministicFuncs(c)
	helm3Funcs.current.Store(&funcs)
	defer helm3Funcs.current.Store(nil)
	return run()
}
