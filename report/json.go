package report

import (
	"encoding/json"
	"io"

	"github.com/hooklint/hooklint/internal/lint"
)

// JSONVersion is the version of the JSON output schema
// (docs/json-output.md). It changes only when a field changes meaning or is
// removed; new fields may appear in any version.
const JSONVersion = 1

// JSON is the machine-readable format (docs/json-output.md).
type JSON struct{}

type jsonDoc struct {
	Version int         `json:"version"`
	Charts  []jsonChart `json:"charts"`
	Summary Counts      `json:"summary"`
}

type jsonChart struct {
	Chart    string         `json:"chart"`
	Name     string         `json:"name,omitempty"`
	Version  string         `json:"version,omitempty"`
	Error    string         `json:"error,omitempty"`
	Notes    []string       `json:"notes,omitempty"`
	Findings []lint.Finding `json:"findings"`
}

// Format implements Formatter.
func (JSON) Format(w io.Writer, res *Result) error {
	doc := jsonDoc{Version: JSONVersion, Charts: []jsonChart{}, Summary: Count(res)}
	for _, ch := range res.Charts {
		jc := jsonChart{Chart: ch.Chart.Arg, Name: ch.Chart.Name, Version: ch.Chart.Version, Findings: ch.Findings, Notes: ch.Notes}
		if jc.Findings == nil {
			jc.Findings = []lint.Finding{}
		}
		if ch.Err != nil {
			jc.Error = ch.Err.Error()
		}
		doc.Charts = append(doc.Charts, jc)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
