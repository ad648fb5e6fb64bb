package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/hooklint/hooklint/report"
	"github.com/hooklint/hooklint/rules"
)

// TestSARIFSchema validates the SARIF output against the official SARIF
// 2.1.0 JSON schema (testdata/README.md says where it comes from): the
// shared result with the test rules, and with every real rule's metadata.
func TestSARIFSchema(t *testing.T) {
	schema := compileSchema(t, filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	withAll := testResult()
	withAll.Rules, withAll.Selected = rules.All, rules.All
	tests := []struct {
		name string
		res  *report.Result
	}{
		{name: "shared result", res: testResult()},
		{name: "all rules", res: withAll},
		{name: "empty", res: &report.Result{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := (report.SARIF{}).Format(&b, tt.res); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(&b)
			if err != nil {
				t.Fatalf("output is not JSON: %v", err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("SARIF output does not validate against the SARIF 2.1.0 schema: %v", err)
			}
		})
	}
}

func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("file:///schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("file:///schema.json")
	if err != nil {
		t.Fatalf("compile %s: %v", path, err)
	}
	return s
}

// TestSARIFSchemaRejects: the schema check is not vacuous.
func TestSARIFSchemaRejects(t *testing.T) {
	schema := compileSchema(t, filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	bad := `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"hooklint"}},"results":[{"ruleId":"HL1001","level":"info","message":{"text":"m"}}]}]}`
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(bad)))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err == nil {
		t.Error(`a result with level "info" validated; want a schema error`)
	}
}
