package render

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// InputError is an error in the user's input: a chart that cannot be loaded
// or rendered, a values file that cannot be read, an archive that is broken.
// It names the chart and, where known, the file and line.
type InputError struct {
	Chart string // the chart argument as given on the command line
	File  string // chart-relative path of the file at fault, if known
	Line  int    // 1-based line in File, if known
	Err   error
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString("chart ")
	b.WriteString(e.Chart)
	if e.File != "" {
		b.WriteString(": ")
		b.WriteString(e.File)
		if e.Line > 0 {
			b.WriteString(":")
			b.WriteString(strconv.Itoa(e.Line))
		}
	}
	b.WriteString(": ")
	b.WriteString(oneLine(e.Err.Error()))
	return b.String()
}

func (e *InputError) Unwrap() error { return e.Err }

// oneLine folds a multi-line Helm error into one line.
func oneLine(s string) string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	return strings.Join(fields, " ")
}

// templateErrRe matches the position text/template puts in its errors:
// "template: chart/templates/x.yaml:12:3: executing ..." or
// "template: chart/templates/x.yaml:12: function ...".
var templateErrRe = regexp.MustCompile(`template: ([^:\s]+):(\d+)(?::\d+)?:`)

// helmErrRe matches the positions Helm's engine rewrites template errors to
// (pkg/engine/engine.go reformatExecErrorMsg): "execution error at
// (chart/templates/x.yaml:19:46): msg", and "parse error at (...:12): msg".
var helmErrRe = regexp.MustCompile(`(?:execution|parse) error at \(([^:\s]+):(\d+)(?::\d+)?\)`)

// yamlErrRe matches the error releaseutil.SortManifests returns for a
// document that is not YAML: "YAML parse error on chart/templates/x.yaml: ...".
var yamlErrRe = regexp.MustCompile(`YAML parse error on ([^:\s]+):`)

// traceRe matches the location lines of Helm 4's template error traces
// (helm.sh/helm/v4 pkg/engine/engine.go TraceableError.String: the
// template "chart/templates/x.yaml:12:3" alone on a line, then what it
// executed and the message, indented), outermost first.
var traceRe = regexp.MustCompile(`(?m)^([^\s:]+):(\d+)(?::\d+)?$`)

// locate extracts the Helm file path (chart-name prefixed) and line from a Helm
// render error, converting it to a chart-relative path.
func locate(err error) (file string, line int) {
	msg := err.Error()
	// The innermost template position is the most precise one: Helm nests
	// "error calling include: template: a:1: ... template: b:7: ...".
	if m := helmErrRe.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[2])
		return chartRelative(m[1]), n
	}
	if ms := templateErrRe.FindAllStringSubmatch(msg, -1); len(ms) > 0 {
		m := ms[len(ms)-1]
		n, _ := strconv.Atoi(m[2])
		return chartRelative(m[1]), n
	}
	if m := yamlErrRe.FindStringSubmatch(msg); m != nil {
		return chartRelative(m[1]), 0
	}
	if ms := traceRe.FindAllStringSubmatch(msg, -1); len(ms) > 0 {
		m := ms[len(ms)-1] // the innermost, as for text/template's chain
		n, _ := strconv.Atoi(m[2])
		return chartRelative(m[1]), n
	}
	return "", 0
}

// chartRelative strips the root chart's name from a Helm path
// ("mychart/templates/x.yaml" -> "templates/x.yaml").
func chartRelative(helmPath string) string {
	if i := strings.IndexByte(helmPath, '/'); i >= 0 {
		return helmPath[i+1:]
	}
	return helmPath
}

// ChartRelative is chartRelative for other packages.
func ChartRelative(helmPath string) string { return chartRelative(helmPath) }

func inputErrorf(chart, file string, format string, args ...any) *InputError {
	return &InputError{Chart: chart, File: file, Err: fmt.Errorf(format, args...)}
}
