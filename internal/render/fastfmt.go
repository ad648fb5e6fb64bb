package render

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"text/template"
	"unsafe"
)

// sprig's dict and toString turn a non-string argument into a string
// with fmt's %v (github.com/Masterminds/sprig/v3@v3.3.0 strings.go
// strval). A chart that passes dict an odd list, such as
// `dict "value" .a .b "context" $`, makes a key of the whole render
// context: fmt prints every byte of every chart file (.Files) as a decimal
// number through reflection, about 100 ns a byte: 10 MB of text and
// 280 ms per call for bitnami-envoy-gateway, six calls a render.
// FastFuncs gives dict and toString that format those values without
// reflection per element, byte for byte as fmt does (TestFormatV compares
// them with fmt on generated trees, TestFormatVCorpus on the values the
// corpus charts hand dict, render contexts among them).

// FastFuncs returns dict and toString as sprig defines them, with
// strval's fmt.Sprintf("%v") done by formatV. hooklint's renders set them
// over Helm's FuncMap next to DeterministicFuncs; renders with
// Options.RealGeneration keep sprig's own.
func FastFuncs() template.FuncMap {
	return template.FuncMap{
		"dict":     fastDict,
		"toString": fastStrval,
	}
}

// withFast returns m with FastFuncs added.
func withFast(m template.FuncMap) template.FuncMap {
	maps.Copy(m, FastFuncs())
	return m
}

// fastDict is sprig's dict (dict.go dict).
func fastDict(v ...any) map[string]any {
	dict := map[string]any{}
	lenv := len(v)
	for i := 0; i < lenv; i += 2 {
		key := fastStrval(v[i])
		if i+1 >= lenv {
			dict[key] = ""
			continue
		}
		dict[key] = v[i+1]
	}
	return dict
}

// fastStrval is sprig's strval (strings.go strval).
func fastStrval(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []byte:
		return string(v)
	case error:
		return v.Error()
	case fmt.Stringer:
		return v.String()
	default:
		return formatV(v)
	}
}

// formatV is fmt.Sprintf("%v", v). It walks v twice, first to count
// the bytes and then to write them into one buffer of that size: a render
// context prints to megabytes, and a growing buffer would copy them
// several times.
func formatV(v any) string {
	if reflect.TypeOf(v) == nil || reflect.TypeOf(v).Kind() == reflect.Pointer {
		return fmt.Sprintf("%v", v) // fmt prints a pointer at the top as &{...}
	}
	count := &printer{counting: true}
	count.value(v)
	w := &printer{b: make([]byte, 0, count.n)}
	w.value(v)
	return unsafe.String(unsafe.SliceData(w.b), len(w.b)) // w.b is not written again
}

// printer counts (counting) or writes what fmt's %v prints.
type printer struct {
	counting bool
	n        int
	b        []byte
}

func (p *printer) str(s string) {
	if p.counting {
		p.n += len(s)
	} else {
		p.b = append(p.b, s...)
	}
}

func (p *printer) byte(c byte) {
	if p.counting {
		p.n++
	} else {
		p.b = append(p.b, c)
	}
}

// fmt appends x as fmt prints it at the top level.
func (p *printer) fmt(x any) {
	if p.counting {
		p.n += len(fmt.Append(nil, x))
	} else {
		p.b = fmt.Append(p.b, x)
	}
}

// value prints x as fmt's %v prints it below the top level (fmt print.go
// printValue with depth > 0, which differs from the top only for
// pointers). Maps with string keys, slices and byte slices are walked
// here; a value with a Format, Error or String method, and every other
// kind, is printed by fmt itself, which prints it so at any depth.
func (p *printer) value(x any) {
	switch t := x.(type) {
	case nil:
		p.str("<nil>")
		return
	case reflect.Value:
		p.str(t.String()) // a Stringer below the top; printArg unwraps it at the top
		return
	case fmt.Formatter, error, fmt.Stringer:
		p.fmt(x) // handleMethods
		return
	case string:
		p.str(t)
		return
	case bool, int, int64:
		p.fmt(x)
		return
	case []byte:
		p.bytes(t)
		return
	case []any:
		p.list(len(t), func(i int) any { return t[i] })
		return
	case map[string]any:
		p.stringMap(slices.Sorted(maps.Keys(t)), func(k string) any { return t[k] })
		return
	}
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Pointer:
		// printValue: a pointer below the top prints as its address
		// (fmtPointer)
		if v.IsNil() {
			p.str("<nil>")
		} else {
			p.str("0x")
			p.str(strconv.FormatUint(uint64(v.Pointer()), 16))
		}
		return
	case reflect.Map:
		if v.Type().Key() != reflect.TypeFor[string]() {
			break
		}
		keys := make([]string, 0, v.Len())
		for _, k := range v.MapKeys() {
			keys = append(keys, k.String())
		}
		slices.Sort(keys)
		p.stringMap(keys, func(k string) any { return v.MapIndex(reflect.ValueOf(k)).Interface() })
		return
	case reflect.Slice:
		if v.Type().Elem() == reflect.TypeFor[uint8]() {
			p.bytes(v.Bytes())
			return
		}
		p.list(v.Len(), func(i int) any { return v.Index(i).Interface() })
		return
	}
	p.fmt(x)
}

// list prints n elements as [e0 e1 ...].
func (p *printer) list(n int, elem func(i int) any) {
	p.byte('[')
	for i := range n {
		if i > 0 {
			p.byte(' ')
		}
		p.value(elem(i))
	}
	p.byte(']')
}

// stringMap prints a map with string keys, keys sorted (fmt's
// internal/fmtsort orders strings so), as map[k:v ...].
func (p *printer) stringMap(keys []string, get func(k string) any) {
	p.str("map[")
	for i, k := range keys {
		if i > 0 {
			p.byte(' ')
		}
		p.str(k)
		p.byte(':')
		p.value(get(k))
	}
	p.byte(']')
}

// bytes: %v prints a byte slice as its decimal bytes in brackets
// (fmtBytes, and printValue element by element).
func (p *printer) bytes(s []byte) {
	if p.counting {
		p.n += 2 + max(len(s)-1, 0)
		for _, c := range s {
			p.n += int(byteDigits[c])
		}
		return
	}
	b := p.b
	b = append(b, '[')
	for i, c := range s {
		if i > 0 {
			b = append(b, ' ')
		}
		switch {
		case c >= 100:
			b = append(b, '0'+c/100, '0'+c/10%10, '0'+c%10)
		case c >= 10:
			b = append(b, '0'+c/10, '0'+c%10)
		default:
			b = append(b, '0'+c)
		}
	}
	b = append(b, ']')
	p.b = b
}

// byteDigits are the lengths of the decimal forms of the 256 byte values.
var byteDigits = func() (d [256]uint8) { //nolint:gochecknoglobals // read-only lookup table
	for i := range d {
		d[i] = uint8(len(strconv.Itoa(i)))
	}
	return d
}()
