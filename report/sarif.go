package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"

	"github.com/hooklint/hooklint/internal/lint"
)

// SARIFSchema is the $schema of the SARIF output: SARIF 2.1.0 (OASIS).
const SARIFSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// SARIF writes SARIF 2.1.0 for code-scanning tools (GitHub's
// github/codeql-action/upload-sarif among them): one run whose tool lists
// every rule of Result.Rules with its documentation, and one result per
// finding at its template file and line, relative to the working directory
// (run hooklint from the repository root). Input errors become
// toolExecutionNotifications of a failed invocation. Each result has a
// partialFingerprint built from the rule, file, object and message, not the
// line, so a finding keeps its identity when lines above it move.
type SARIF struct{}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifText       `json:"help"`
	HelpURI              string          `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	ID               *int              `json:"id,omitempty"`
	PhysicalLocation sarifPhysical     `json:"physicalLocation"`
	LogicalLocations []sarifLogicalLoc `json:"logicalLocations,omitempty"`
	Message          *sarifText        `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifLogicalLoc struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

// sarifLevel maps a severity to SARIF's result levels.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// Fingerprint identifies a finding across runs whatever its line: a hash of
// the rule, the repository path, the object and the message.
func Fingerprint(path string, f *lint.Finding) string {
	h := sha256.New()
	obj := ""
	if f.Object != nil {
		obj = f.Object.Kind + "/" + f.Object.Namespace + "/" + f.Object.Name
	}
	for _, s := range []string{f.Rule.ID, path, obj, f.Message} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Format implements Formatter.
func (SARIF) Format(w io.Writer, res *Result) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "hooklint", InformationURI: "https://github.com/hooklint/hooklint", Rules: []sarifRule{},
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		Results:     []sarifResult{},
	}
	index := map[string]int{}
	for i, a := range res.Rules {
		index[a.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID:                   a.ID,
			Name:                 a.Name,
			ShortDescription:     sarifText{Text: a.Title()},
			FullDescription:      sarifText{Text: firstParagraph(ruleSection(a.Doc, "What it checks"))},
			Help:                 sarifText{Text: a.Doc},
			HelpURI:              a.URL(),
			DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(a.Severity)},
		})
	}
	inv := &run.Invocations[0]
	for ci := range res.Charts {
		ch := &res.Charts[ci]
		if ch.Err != nil {
			inv.ExecutionSuccessful = false
			n := sarifNotification{Level: "error", Message: sarifText{Text: ch.Err.Error()}}
			if file, line := inputErrorPos(ch); file != "" {
				n.Locations = []sarifLocation{physical(file, line, 0)}
			}
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
			continue
		}
		for fi := range ch.Findings {
			f := &ch.Findings[fi]
			path := findingPath(ch, f)
			loc := physical(path, f.Pos.Line, f.Pos.Col)
			if f.Object != nil {
				name := f.Object.Kind + "/" + f.Object.Name
				fq := name
				if f.Object.Namespace != "" {
					fq = f.Object.Kind + "/" + f.Object.Namespace + "/" + f.Object.Name
				}
				loc.LogicalLocations = []sarifLogicalLoc{{Name: name, FullyQualifiedName: fq, Kind: "object"}}
			}
			r := sarifResult{
				RuleID:              f.Rule.ID,
				Level:               sarifLevel(f.Severity),
				Message:             sarifText{Text: f.Message},
				Locations:           []sarifLocation{loc},
				PartialFingerprints: map[string]string{"hooklint/v1": Fingerprint(path, f)},
			}
			if i, ok := index[f.Rule.ID]; ok {
				r.RuleIndex = &i
			}
			for ri, rel := range f.Related {
				l := physical(repoPath(ch.Chart.Arg, rel.Pos.File), rel.Pos.Line, rel.Pos.Col)
				id := ri + 1
				l.ID, l.Message = &id, &sarifText{Text: rel.Message}
				r.RelatedLocations = append(r.RelatedLocations, l)
			}
			run.Results = append(run.Results, r)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func physical(file string, line, col int) sarifLocation {
	// A URI reference: spaces and other reserved characters are escaped.
	uri := (&url.URL{Path: file}).EscapedPath()
	l := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}}}
	if line > 0 {
		l.PhysicalLocation.Region = &sarifRegion{StartLine: line, StartColumn: col}
	}
	return l
}
