package render

import (
	"encoding/json"
	"testing"
)

// FuzzValidateSchema: any values.schema.json, with any chart file beside
// it and any values, validates without a panic and without reading
// anything but the chart's files: every reference that is not a chart
// file is reported, never followed.
func FuzzValidateSchema(f *testing.F) {
	f.Add(`{"type":"object","properties":{"a":{"$ref":"defs.json#/x"}}}`, `{"x":{"type":"string"}}`, `{"a":"s"}`)
	f.Add(`{"$ref":"file:///dev/stdin"}`, `{}`, `{}`)
	f.Add(`{"$ref":"https://example.invalid/s.json#/a"}`, `{}`, `{"a":1}`)
	f.Add(`{"$id":"http://x/","properties":{"a":{"$ref":"y.json"}}}`, `true`, `{"a":[1]}`)
	f.Add(`{"$ref":"../../etc/passwd"}`, `{}`, `{}`)
	f.Fuzz(func(t *testing.T, schema, defs, values string) {
		var vals map[string]any
		if json.Unmarshal([]byte(values), &vals) != nil {
			vals = map[string]any{}
		}
		unread, _ := ValidateSchema([]byte(schema), map[string][]byte{"defs.json": []byte(defs)}, vals)
		for _, u := range unread {
			if u.Target == "file:///defs.json" && !u.ChartFile {
				t.Errorf("the chart's own file was refused: %+v", u)
			}
		}
	})
}
