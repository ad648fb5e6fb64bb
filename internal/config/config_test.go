package config_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	yaml "go.yaml.in/yaml/v3"

	"github.com/hooklint/hooklint/internal/config"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/rules"
)

const schemaPath = "../../docs/hooklint.schema.json"

func TestLoad(t *testing.T) {
	tests := []struct {
		file    string
		wantErr string
		schema  bool // the JSON schema accepts it
	}{
		{file: "valid.yaml", schema: true},
		{file: "engine-argocd.yaml", schema: true},
		{file: "engine-bad.yaml", wantErr: `testdata/engine-bad.yaml:2: engine: "flux" is not an engine; write engine: helm or engine: argocd`},
		{file: "unknown-key.yaml", wantErr: "testdata/unknown-key.yaml: yaml: unmarshal errors:\n  line 4: field severty not found in type config.Rules"},
		{file: "helm-v4.yaml", schema: true},
		{file: "helm-v5.yaml", wantErr: `testdata/helm-v5.yaml:2: helm: "v5" is not a Helm version; write helm: v3 or helm: v4`},
		{file: "bad-severity.yaml", wantErr: `testdata/bad-severity.yaml:4: rules.severity.HL1013: unknown severity "fatal" (want info, warning or error)`},
		{file: "unknown-rule.yaml", wantErr: "testdata/unknown-rule.yaml:5: rules.enable: unknown rule \"HL0042\" (see `hooklint rules`)", schema: true},
		{file: "bad-regexp.yaml", wantErr: "testdata/bad-regexp.yaml:4: exclusions[1].text: error parsing regexp: missing closing ): `a(b`"},
		{file: "version-2.yaml", wantErr: "testdata/version-2.yaml:1: version: 2 is not supported; write version: 1"},
		{file: "preset-all.yaml", schema: true},
		{file: "preset-bad.yaml", wantErr: `testdata/preset-bad.yaml:3: rules.default: "strict" is not a preset: recommended or all`},
		{file: "bad-timeout.yaml", wantErr: `testdata/bad-timeout.yaml:2: timeout: "soon" is not a positive duration such as 5m0s`},
	}
	schema := compileSchema(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			_, err := config.Load(path, rules.All)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.wantErr {
				t.Errorf("Load(%s) error:\n got %q\nwant %q", path, got, tt.wantErr)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(schema, b); (err == nil) != tt.schema {
				t.Errorf("schema accepts %s = %v, want %v (%v)", path, err == nil, tt.schema, err)
			}
		})
	}
}

func TestLoadValues(t *testing.T) {
	c, err := config.Load(filepath.Join("testdata", "valid.yaml"), rules.All)
	if err != nil {
		t.Fatal(err)
	}
	sev, set := c.FailOnValue()
	got := struct {
		Timeout time.Duration
		FailOn  lint.Severity
		Set     bool
		Sel     lint.Selection
	}{c.TimeoutValue(), sev, set, c.Selection()}
	want := got
	want.Timeout, want.FailOn, want.Set = 10*time.Minute, lint.Error, true
	want.Sel = lint.Selection{Disable: []string{"HL6007", "hook-pod-not-hardened"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("valid.yaml (-want +got):\n%s", diff)
	}
}

// TestPreset: rules.default chooses the set lint.Select starts from: the
// recommended set leaves the optional rules out, all keeps them.
func TestPreset(t *testing.T) {
	count := func(file string) (int, int) {
		c, err := config.Load(filepath.Join("testdata", file), rules.All)
		if err != nil {
			t.Fatal(err)
		}
		as, err := lint.Select(rules.All, c.Selection())
		if err != nil {
			t.Fatal(err)
		}
		opt := 0
		for _, a := range as {
			if a.Optional {
				opt++
			}
		}
		return len(as), opt
	}
	optional := 0
	for _, a := range rules.All {
		if a.Optional {
			optional++
		}
	}
	if optional == 0 {
		t.Fatal("no rule is optional: the preset test would prove nothing")
	}
	if n, opt := count("preset-all.yaml"); n != len(rules.All) || opt != optional {
		t.Errorf("default: all selects %d rules (%d optional), want %d (%d optional)", n, opt, len(rules.All), optional)
	}
	if n, opt := count("engine-argocd.yaml"); n != len(rules.All)-optional || opt != 0 {
		t.Errorf("the recommended preset selects %d rules (%d optional), want %d (none optional)", n, opt, len(rules.All)-optional)
	}
}

// TestDefault: `hooklint config init` writes a file that loads, that the
// schema accepts, and that changes nothing.
func TestDefault(t *testing.T) {
	c, err := config.Parse(".hooklint.yaml", []byte(config.Default), rules.All)
	if err != nil {
		t.Fatalf("Default does not load: %v", err)
	}
	if err := validate(compileSchema(t), []byte(config.Default)); err != nil {
		t.Errorf("schema rejects Default: %v", err)
	}
	sev, _ := c.FailOnValue()
	if c.TimeoutValue() != lint.DefaultTimeout || sev != lint.Warning || c.Engine != lint.EngineHelm {
		t.Errorf("Default: timeout %v, fail-on %v, engine %q; want hooklint's defaults %v, warning, helm", c.TimeoutValue(), sev, c.Engine, lint.DefaultTimeout)
	}
}

// TestSchemaMatchesStruct keeps docs/hooklint.schema.json in step with the
// Go structs: the same keys at every level.
func TestSchemaMatchesStruct(t *testing.T) {
	b, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Properties map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
			Items      struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"items"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		typ    reflect.Type
		schema []string
	}{
		{name: "top level", typ: reflect.TypeFor[config.Config](), schema: keys(s.Properties)},
		{name: "rules", typ: reflect.TypeFor[config.Rules](), schema: keys(s.Properties["rules"].Properties)},
		{name: "exclusions", typ: reflect.TypeFor[config.Exclusion](), schema: keys(s.Properties["exclusions"].Items.Properties)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fields []string
			for f := range tt.typ.Fields() {
				name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				if f.IsExported() && name != "-" {
					fields = append(fields, name)
				}
			}
			sort.Strings(fields)
			if diff := cmp.Diff(fields, tt.schema); diff != "" {
				t.Errorf("%s: struct keys (-) and schema properties (+) differ:\n%s", tt.name, diff)
			}
		})
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"repo/.git", "repo/charts/app/templates", "repo/charts/other", "outside/.git"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"repo/.hooklint.yaml", "repo/charts/other/.hooklint.yaml", ".hooklint.yaml", "repo/charts/app-1.0.0.tgz"} {
		if err := os.WriteFile(filepath.Join(root, f), []byte("version: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		chart, want string
	}{
		{chart: "repo/charts/app", want: "repo/.hooklint.yaml"},
		{chart: "repo/charts/other", want: "repo/charts/other/.hooklint.yaml"},
		{chart: "repo/charts/app-1.0.0.tgz", want: "repo/.hooklint.yaml"},
		// the repository root (.git) stops the search: root/.hooklint.yaml is outside
		{chart: "outside", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.chart, func(t *testing.T) {
			got, err := config.Find(filepath.Join(root, tt.chart))
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != "" {
				tt.want = filepath.Join(root, tt.want)
			}
			if got != tt.want {
				t.Errorf("Find(%s) = %q, want %q", tt.chart, got, tt.want)
			}
		})
	}
}

func TestPolicy(t *testing.T) {
	c, err := config.Load(filepath.Join("testdata", "valid.yaml"), rules.All)
	if err != nil {
		t.Fatal(err)
	}
	finding := func(id, file, msg string) lint.Finding {
		return lint.Finding{Rule: lint.RuleRef{ID: id}, Pos: hook.Pos{File: file, Line: 1}, Message: msg}
	}
	p := c.Policy(filepath.Join("testdata", "charts", "legacy"), rules.All)
	tests := []struct {
		name    string
		f       lint.Finding
		exclude bool
	}{
		{name: "path and rule", f: finding("HL2007", "templates/job.yaml", "m"), exclude: true},
		{name: "path, other rule", f: finding("HL1013", "templates/job.yaml", "m"), exclude: false},
		{name: "text", f: finding("HL6005", "templates/x.yaml", `hook Job container "c" image "busybox" has no tag`), exclude: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Exclude(tt.f); got != tt.exclude {
				t.Errorf("Exclude = %v, want %v", got, tt.exclude)
			}
		})
	}
	want := map[string]lint.Severity{"HL1013": lint.Warning, "HL2007": lint.Error}
	if diff := cmp.Diff(want, p.Severity); diff != "" {
		t.Errorf("Severity (-want +got):\n%s", diff)
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("file:///hooklint.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("file:///hooklint.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validate checks a YAML document against the schema.
func validate(s *jsonschema.Schema, y []byte) error {
	var v any
	if err := yaml.Unmarshal(y, &v); err != nil {
		return err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}
