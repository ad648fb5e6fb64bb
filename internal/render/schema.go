package render

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chartutil"
)

// Unread is a file or reference of the chart that hooklint did not read:
// a values.schema.json $ref that leaves the chart, or a file reached
// through a symbolic link that leaves it. Lint reports each (HL6008).
type Unread struct {
	File   string // chart-relative file that holds the reference or link
	Line   int    // line of the reference in File (0 for a link)
	Target string // the reference or the link's target, as written
	Reason string // why it was not followed
	// ChartFile: a relative schema reference that hooklint resolved to
	// the chart's file, where Helm reads that path from the host's root.
	ChartFile bool
}

// schemaBase is the URL Helm gives every chart's schema
// (helm.sh/helm/v3@v3.22.0 pkg/chartutil/jsonschema.go
// ValidateAgainstSingleSchema: AddResource("file:///values.schema.json")).
const schemaBase = "file:///values.schema.json"

// validateValues is chartutil.ToRenderValuesWithSchemaValidation's
// schema step (helm.sh/helm/v3@v3.22.0 pkg/chartutil/values.go; v4.3.1
// pkg/chart/common/util/values.go has the same text) with hooklint's
// confined loader: vals are the coalesced values (top["Values"]).
func validateValues(ch *chart.Chart, vals map[string]any, unread *[]Unread) error {
	if err := validateAgainstSchema(ch, vals, "", unread); err != nil {
		return fmt.Errorf("values don't meet the specifications of the schema(s) in the following chart(s):\n%s", err.Error())
	}
	return nil
}

// validateAgainstSchema is helm.sh/helm/v3@v3.22.0 pkg/chartutil/jsonschema.go
// ValidateAgainstSchema (v4.3.1 pkg/chart/common/util/jsonschema.go is the
// same); dir is the chart's folder relative to the root chart, for Unread.
func validateAgainstSchema(chrt *chart.Chart, values map[string]any, dir string, unread *[]Unread) error {
	var sb strings.Builder
	if chrt.Schema != nil {
		if err := validateAgainstSingleSchema(chrt, values, dir, unread); err != nil {
			fmt.Fprintf(&sb, "%s:\n", chrt.Name())
			sb.WriteString(err.Error())
		}
	}
	for _, subchart := range chrt.Dependencies() {
		raw, exists := values[subchart.Name()]
		if !exists || raw == nil {
			continue
		}
		subchartValues, ok := raw.(map[string]any)
		if !ok {
			fmt.Fprintf(&sb, "%s:\ninvalid type for values: expected object (map), got %T\n", subchart.Name(), raw)
			continue
		}
		if err := validateAgainstSchema(subchart, subchartValues, path.Join(dir, "charts", subchart.Name()), unread); err != nil {
			sb.WriteString(err.Error())
		}
	}
	if sb.Len() > 0 {
		return errors.New(sb.String())
	}
	return nil
}

// validateAgainstSingleSchema is Helm's ValidateAgainstSingleSchema with
// the loader replaced: Helm's reads file: URLs from the host's file system
// and fetches http: and https: ones; this one resolves a reference only to
// a file of the chart itself (the schema's relative references resolve
// against file:///values.schema.json, so "defs.json#/x" is the chart's
// defs.json) and answers anything else with the permissive schema true,
// recording it in unread. urn: references stay Helm's: true, silently.
func validateAgainstSingleSchema(chrt *chart.Chart, values chartutil.Values, dir string, unread *[]Unread) (reterr error) {
	defer func() {
		if r := recover(); r != nil {
			reterr = fmt.Errorf("unable to validate schema: %s", r)
		}
	}()
	schema, err := jsonschema.UnmarshalJSON(bytes.NewReader(chrt.Schema))
	if err != nil {
		return err
	}
	ld := &confinedLoader{files: map[string][]byte{}, file: path.Join(dir, "values.schema.json"), schema: chrt.Schema}
	for _, f := range chrt.Raw {
		ld.files[f.Name] = f.Data
	}
	compiler := jsonschema.NewCompiler()
	compiler.UseLoader(ld)
	if err := compiler.AddResource(schemaBase, schema); err != nil {
		return err
	}
	validator, err := compiler.Compile(schemaBase)
	ld.report(unread)
	if err != nil {
		if len(ld.refused) > 0 {
			// a reference into a document that was not read (a JSON
			// pointer into true): the schema cannot be applied; the
			// chart's note names the reference
			return nil
		}
		return err
	}
	if err := validator.Validate(values.AsMap()); err != nil {
		return schemaValidationError{err}
	}
	return nil
}

// schemaValidationError is chartutil.JSONSchemaValidationError's text.
type schemaValidationError struct{ err error }

func (e schemaValidationError) Error() string {
	return strings.TrimPrefix(e.err.Error(), "jsonschema validation failed with '"+schemaBase+"#'\n") + "\n"
}

func (e schemaValidationError) Unwrap() error { return e.err }

// confinedLoader is the jsonschema.URLLoader of one chart's schema.
type confinedLoader struct {
	files  map[string][]byte // the chart's files (chart.Raw), by name
	file   string            // the schema's chart-relative path, for Unread
	schema []byte            // the schema's text, for Unread.Line

	mu         sync.Mutex
	refused    map[string]string // URL -> reason
	chartFiles map[string]bool   // file: URLs answered with the chart's file
}

// Load returns the chart file a file:/// URL names, or the schema true.
func (l *confinedLoader) Load(rawURL string) (any, error) {
	u, err := url.Parse(rawURL)
	if err == nil && u.Scheme == "urn" {
		// Helm's urnLoader with no URNResolver: true.
		return true, nil
	}
	reason := "it is not a file of the chart; hooklint reads nothing outside the chart and never uses the network"
	if err == nil && u.Scheme == "file" && (u.Host == "" || u.Host == "localhost") {
		name := strings.TrimPrefix(path.Clean("/"+u.Path), "/")
		if b, ok := l.files[name]; ok {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			l.mu.Lock()
			defer l.mu.Unlock()
			if l.chartFiles == nil {
				l.chartFiles = map[string]bool{}
			}
			l.chartFiles[rawURL] = true
			return doc, nil
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.refused == nil {
		l.refused = map[string]string{}
	}
	l.refused[rawURL] = reason
	return true, nil
}

func (l *confinedLoader) report(unread *[]Unread) {
	if unread == nil {
		return
	}
	urls := make([]string, 0, len(l.refused)+len(l.chartFiles))
	for u := range l.refused {
		urls = append(urls, u)
	}
	for u := range l.chartFiles {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	for _, u := range urls {
		if l.chartFiles[u] {
			// helm.sh/helm/v3@v3.22.0 pkg/chartutil/jsonschema.go: the
			// schema's base is file:///values.schema.json, so Helm's file
			// loader opens the path from the host's root
			*unread = append(*unread, Unread{File: l.file, Line: refLine(l.schema, u), Target: u, ChartFile: true,
				Reason: "Helm resolves it against file:///values.schema.json and reads " + strings.TrimPrefix(u, "file://") + " from the host's root, not the chart's file; hooklint used the chart's file"})
			continue
		}
		*unread = append(*unread, Unread{File: l.file, Line: refLine(l.schema, u), Target: u, Reason: l.refused[u]})
	}
}

// refLine is the line of the schema that holds the reference the loader
// was asked for as url: where url is written, else where its last path
// element is (a relative reference, resolved against the schema's base),
// else the first line.
func refLine(schema []byte, url string) int {
	i := bytes.Index(schema, []byte(url))
	if i < 0 {
		base := url[strings.LastIndexByte(url, '/')+1:]
		if base != "" {
			i = bytes.Index(schema, []byte(base))
		}
	}
	if i < 0 {
		return 1
	}
	return bytes.Count(schema[:i], []byte("\n")) + 1
}

// ValidateSchema validates values against a values.schema.json whose
// chart files are files (name -> content), as Render does; it returns the
// references it did not follow. For the fuzz target and tests.
func ValidateSchema(schemaJSON []byte, files map[string][]byte, values map[string]any) ([]Unread, error) {
	ch := &chart.Chart{Metadata: &chart.Metadata{Name: "chart"}, Schema: schemaJSON}
	for n, b := range files {
		ch.Raw = append(ch.Raw, &chart.File{Name: n, Data: b})
	}
	var unread []Unread
	err := validateValues(ch, values, &unread)
	return unread, err
}

// schemaUnread compiles the schema of ch and of each subchart with the
// confined loader and returns the references it did not follow; compile
// errors are the render's to report.
func schemaUnread(ch *chart.Chart, dir string) []Unread {
	var out []Unread
	if ch.Schema != nil {
		func() {
			defer func() { _ = recover() }()
			schema, err := jsonschema.UnmarshalJSON(bytes.NewReader(ch.Schema))
			if err != nil {
				return
			}
			ld := &confinedLoader{files: map[string][]byte{}, file: path.Join(dir, "values.schema.json"), schema: ch.Schema}
			for _, f := range ch.Raw {
				ld.files[f.Name] = f.Data
			}
			compiler := jsonschema.NewCompiler()
			compiler.UseLoader(ld)
			if compiler.AddResource(schemaBase, schema) == nil {
				_, _ = compiler.Compile(schemaBase)
			}
			ld.report(&out)
		}()
	}
	for _, d := range ch.Dependencies() {
		out = append(out, schemaUnread(d, path.Join(dir, "charts", d.Name()))...)
	}
	return out
}

// Message says what u is and what Helm and hooklint do with it (HL6008's
// message).
func (u Unread) Message() string {
	switch {
	case u.ChartFile:
		return fmt.Sprintf("$ref %q leads outside the chart: %s (Helm fails where the host has no such file)", u.Target, u.Reason)
	case strings.HasSuffix(u.File, "values.schema.json"):
		return fmt.Sprintf("$ref %q leads outside the chart: Helm reads or fetches it when it validates the values, hooklint did not follow it (%s) and validated as if it allowed anything", u.Target, u.Reason)
	}
	return fmt.Sprintf("symbolic link to %q leads outside the chart: Helm's loader reads its target, hooklint did not (%s) and loaded the chart as if the file were absent", u.Target, u.Reason)
}

// Note is the message lint prints for u when no rule runs (the chart
// did not render).
func (u Unread) Note() string { return u.File + ": " + u.Message() }
