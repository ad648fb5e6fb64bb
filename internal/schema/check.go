package schema

import (
	"encoding/base64"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"k8s.io/apimachinery/pkg/api/resource"
)

// Kind is the kind of a Problem.
type Kind int

// Problem kinds.
const (
	// Unknown: the key is not a field of the type there (a typo, a wrong
	// case, or a field at the wrong indentation). The API server drops it.
	Unknown Kind = iota + 1
	// WrongType: the value has the wrong JSON type (a string where an
	// integer is expected, a mapping where a list is expected, ...). The
	// API server cannot decode the object and rejects it.
	WrongType
	// BadValue: the JSON type is right but the field's decoder rejects the
	// value (an unparsable quantity, invalid base64, an integer out of
	// range). The API server rejects the object.
	BadValue
)

func (k Kind) String() string {
	switch k {
	case Unknown:
		return "unknown"
	case WrongType:
		return "wrong-type"
	case BadValue:
		return "bad-value"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Problem is one field problem of an object.
type Problem struct {
	// Path is the path to the key in the object's content: mapping keys
	// and decimal list indexes, as hook.Object.Get and PosOf take them.
	Path []string
	// Field is Path written for a reader: spec.containers[0].image.
	Field string
	Kind  Kind
	// Problem says what is wrong, lower case:
	// `unknown field "lables" in ObjectMeta`, `expected an integer, got a string ("3")`.
	Problem string
	// Hint is a likely fix, lower case, or "": `did you mean "labels"?`.
	Hint string
}

// Known reports whether apiVersion and kind name a built-in kind that
// client-go's scheme knows.
func Known(apiVersion, kind string) bool { return rootOf(apiVersion, kind) != nil }

// Check checks content, an object of apiVersion and kind decoded into maps,
// slices and scalars, against its k8s.io/api type. known is false, and
// problems nil, when the kind is not built in.
func Check(apiVersion, kind string, content map[string]any) (problems []Problem, known bool) {
	return CheckPlain(apiVersion, kind, content, nil)
}

// CheckPlain is Check with plain, which reports whether the scalar at a
// path was written plain (unquoted; hook.Object.Plain). Helm's Kubernetes
// client reads manifests with YAML 1.1 rules (sigs.k8s.io/yaml on go-yaml
// v2), where a plain y, yes, on, n, no or off is a boolean; content follows
// YAML 1.2, where they are strings. With plain, such a value is a boolean
// for string fields (an error) and a string when quoted for boolean fields
// (an error too). Without it (nil), both are accepted.
func CheckPlain(apiVersion, kind string, content map[string]any, plain func(path []string) bool) (problems []Problem, known bool) {
	root := rootOf(apiVersion, kind)
	if root == nil {
		return nil, false
	}
	w := &walker{plain: plain}
	w.value(root, content)
	return w.out, true
}

// walker walks content against type information. path and field are the
// current location; stack holds the struct levels above it.
type walker struct {
	path  []string
	field []string // display parts: "spec", "containers[0]"
	stack []level
	out   []Problem
	plain func(path []string) bool
}

type level struct {
	ti    *typeInfo
	depth int // len(field) at the struct
}

func (w *walker) report(k Kind, problem, hint string) {
	w.out = append(w.out, Problem{
		Path:    append([]string(nil), w.path...),
		Field:   strings.Join(w.field, "."),
		Kind:    k,
		Problem: problem,
		Hint:    hint,
	})
}

func (w *walker) push(key string, display string) {
	w.path = append(w.path, key)
	w.field = append(w.field, display)
}

func (w *walker) pop() {
	w.path = w.path[:len(w.path)-1]
	w.field = w.field[:len(w.field)-1]
}

func displayKey(k string) string {
	if k == "" || strings.ContainsAny(k, "./[]\" ") {
		return strconv.Quote(k)
	}
	return k
}

func (w *walker) value(ti *typeInfo, v any) {
	if v == nil {
		return // JSON null is accepted for every field
	}
	switch ti.kind {
	case kAny:
	case kStruct:
		m, ok := v.(map[string]any)
		if !ok {
			w.wrongType(expectedObject(ti), v)
			return
		}
		w.stack = append(w.stack, level{ti, len(w.field)})
		w.object(ti, m)
		w.stack = w.stack[:len(w.stack)-1]
	case kSlice:
		l, ok := v.([]any)
		if !ok {
			w.wrongType("a list", v)
			return
		}
		last := len(w.field) - 1
		base := ""
		if last >= 0 {
			base = w.field[last]
		}
		for i, e := range l {
			w.path = append(w.path, strconv.Itoa(i))
			if last >= 0 {
				w.field[last] = base + "[" + strconv.Itoa(i) + "]"
			}
			w.value(ti.elem, e)
			w.path = w.path[:len(w.path)-1]
		}
		if last >= 0 {
			w.field[last] = base
		}
	case kMap:
		m, ok := v.(map[string]any)
		if !ok {
			w.wrongType("a mapping", v)
			return
		}
		for _, k := range sortedKeys(m) {
			w.push(k, displayKey(k))
			w.value(ti.elem, m[k])
			w.pop()
		}
	case kString:
		if !isString(v) {
			w.wrongType("a string", v)
			return
		}
		if x, ok := v.(string); ok && yaml11Bool(x) && w.plain != nil && w.plain(w.path) {
			w.report(WrongType, fmt.Sprintf("expected a string, got %s, which Helm's YAML 1.1 reader takes for a boolean", x), fmt.Sprintf("quote it: %q", x))
		}
	case kBool:
		switch x := v.(type) {
		case bool:
		case string:
			// YAML 1.1 booleans (yes, on, ...) are booleans for Helm's
			// YAML reader when plain; accept them when quoting is unknown.
			if !yaml11Bool(x) || (w.plain != nil && !w.plain(w.path)) {
				w.wrongType("a boolean", v)
			}
		default:
			w.wrongType("a boolean", v)
		}
	case kInt, kUint:
		w.integer(ti, v)
	case kFloat:
		if _, ok := number(v); !ok {
			w.wrongType("a number", v)
		}
	case kBytes:
		s, ok := v.(string)
		if !ok {
			w.wrongType("a base64-encoded string", v)
			return
		}
		if _, err := base64.StdEncoding.DecodeString(stripNewlines(s)); err != nil {
			w.report(BadValue, fmt.Sprintf("%s is not valid base64", short(s)), "encode the value with b64enc, or use stringData")
		}
	case kIntOrString:
		if isString(v) {
			return
		}
		if f, ok := number(v); ok {
			if f != math.Trunc(f) || f < math.MinInt32 || f > math.MaxInt32 {
				w.report(BadValue, fmt.Sprintf("expected an integer or a string, got %s", describe(v)), "")
			}
			return
		}
		w.wrongType("an integer or a string", v)
	case kQuantity:
		if _, ok := number(v); ok {
			return
		}
		s, ok := v.(string)
		if !ok {
			w.wrongType("a quantity (a string or a number)", v)
			return
		}
		if _, err := resource.ParseQuantity(strings.TrimSpace(s)); err != nil {
			w.report(BadValue, fmt.Sprintf("%s is not a valid quantity", short(s)), "write it as 500m, 128Mi, 1Gi, 0.5, ...")
		}
	case kTime:
		switch x := v.(type) {
		case time.Time:
		case string:
			if _, err := time.Parse(time.RFC3339, x); err != nil {
				w.report(BadValue, fmt.Sprintf("%s is not an RFC 3339 timestamp", short(x)), "")
			}
		default:
			w.wrongType("an RFC 3339 timestamp string", v)
		}
	case kDuration:
		s, ok := v.(string)
		if !ok {
			w.wrongType("a duration string", v)
			return
		}
		if _, err := time.ParseDuration(s); err != nil {
			w.report(BadValue, fmt.Sprintf("%s is not a duration", short(s)), "write it as 30s, 5m, 1h")
		}
	}
}

func (w *walker) object(ti *typeInfo, m map[string]any) {
	for _, k := range sortedKeys(m) {
		v := m[k]
		if k == "<<" {
			// A YAML merge key: Helm's YAML reader merges the mapping(s)
			// into this one.
			w.push(k, "<<")
			switch x := v.(type) {
			case map[string]any:
				w.object(ti, x)
			case []any:
				for _, e := range x {
					if mm, ok := e.(map[string]any); ok {
						w.object(ti, mm)
					}
				}
			}
			w.pop()
			continue
		}
		f, ok := ti.fields[k]
		w.push(k, displayKey(k))
		if !ok {
			w.report(Unknown, fmt.Sprintf("unknown field %q in %s", k, typeName(ti)), w.hint(ti, k, v, m))
		} else {
			w.value(f, v)
		}
		w.pop()
	}
}

func (w *walker) integer(ti *typeInfo, v any) {
	f, ok := number(v)
	if !ok {
		w.wrongType("an integer", v)
		return
	}
	if f != math.Trunc(f) {
		w.wrongType("an integer", v)
		return
	}
	lo, hi := math.Inf(-1), math.Inf(1)
	switch {
	case ti.kind == kInt && ti.bits < 64:
		lo, hi = -math.Pow(2, float64(ti.bits-1)), math.Pow(2, float64(ti.bits-1))-1
	case ti.kind == kUint && ti.bits < 64:
		lo, hi = 0, math.Pow(2, float64(ti.bits))-1
	case ti.kind == kUint:
		lo = 0
	}
	if f < lo || f > hi {
		w.report(BadValue, fmt.Sprintf("%s is out of range for %s", describe(v), intTypeName(ti)), "")
	}
}

func intTypeName(ti *typeInfo) string {
	if ti.kind == kUint {
		return "uint" + strconv.Itoa(ti.bits)
	}
	return "int" + strconv.Itoa(ti.bits)
}

func (w *walker) wrongType(want string, v any) {
	w.report(WrongType, fmt.Sprintf("expected %s, got %s", want, describe(v)), "")
}

func typeName(ti *typeInfo) string {
	if ti.name == "" {
		return "this object"
	}
	return ti.name
}

func expectedObject(ti *typeInfo) string {
	if ti.name == "" {
		return "a mapping"
	}
	return "a mapping (" + ti.name + ")"
}

// hint guesses what an unknown key k in struct ti was meant to be.
func (w *walker) hint(ti *typeInfo, k string, v any, siblings map[string]any) string {
	for _, n := range ti.names {
		if strings.EqualFold(n, k) {
			return fmt.Sprintf("field names are case-sensitive: did you mean %q?", n)
		}
	}
	if s := suggest(k, ti.names); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	if ti.name == "ObjectMeta" && !isCollection(v) {
		if _, ok := siblings["labels"]; ok {
			return "it is a sibling of labels: indent it under labels (or annotations)"
		}
		return "labels and annotations go under labels: and annotations:"
	}
	// A field of an enclosing object: indented too deep.
	for i := len(w.stack) - 2; i >= 0; i-- {
		l := w.stack[i]
		if _, ok := l.ti.fields[k]; ok {
			return fmt.Sprintf("%q is a field of %s: is it indented too deep?", k, where(w.field[:l.depth]))
		}
	}
	// A field of a nested object: indented too little.
	if p := findBelow(ti, k, 3); p != "" {
		return fmt.Sprintf("%q is a field of %s: is it indented too little?", k, where(append(append([]string(nil), w.field[:len(w.field)-1]...), p)))
	}
	return ""
}

func where(parts []string) string {
	if len(parts) == 0 {
		return "the top level"
	}
	return strings.Join(parts, ".")
}

// findBelow returns the shortest path (below ti, at most depth struct
// levels down) to a struct that has field k, without k itself, or "".
func findBelow(ti *typeInfo, k string, depth int) string {
	type item struct {
		ti    *typeInfo
		path  string
		depth int
	}
	seen := map[*typeInfo]bool{ti: true}
	var queue []item
	add := func(f *typeInfo, path string, d int) {
		for f.kind == kSlice || f.kind == kMap {
			if f.kind == kSlice {
				path += "[]"
			} else {
				path += ".*"
			}
			f = f.elem
		}
		if f.kind == kStruct && !seen[f] && d <= depth {
			seen[f] = true
			queue = append(queue, item{f, path, d})
		}
	}
	for _, n := range ti.names {
		add(ti.fields[n], n, 1)
	}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		if _, ok := it.ti.fields[k]; ok {
			return it.path
		}
		for _, n := range it.ti.names {
			add(it.ti.fields[n], it.path+"."+n, it.depth+1)
		}
	}
	return ""
}

func isCollection(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return true
	}
	return false
}

func isString(v any) bool {
	switch v.(type) {
	case string, time.Time:
		return true
	}
	return false
}

// number returns v as a float64 when it is a YAML number.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case int32:
		return float64(x), true
	case uint64:
		return float64(x), true
	case uint:
		return float64(x), true
	case float64:
		return x, true
	case float32:
		return float64(x), true
	}
	return 0, false
}

// yaml11Bool reports whether s is a YAML 1.1 boolean that Helm's YAML
// reader (sigs.k8s.io/yaml, go-yaml v2 rules) reads as true or false.
func yaml11Bool(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
		"n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return true
	}
	return false
}

func describe(v any) string {
	switch x := v.(type) {
	case string:
		return "a string (" + short(x) + ")"
	case time.Time:
		return "a timestamp"
	case bool:
		return fmt.Sprintf("a boolean (%t)", x)
	case map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	}
	switch x := v.(type) {
	case float64, float32:
		return fmt.Sprintf("a number (%v)", x)
	}
	if _, ok := number(v); ok {
		return fmt.Sprintf("an integer (%v)", v)
	}
	return fmt.Sprintf("%T", v)
}

// short quotes s, cut to a readable length.
func short(s string) string {
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return strconv.Quote(s)
}

func stripNewlines(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.NewReplacer("\r", "", "\n", "").Replace(s)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Sorted for stable output; callers order by position anyway.
	slices.Sort(keys)
	return keys
}
