package report

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
)

// SARIFSchema is the $schema of the SARIF output: SARIF 2.1.0 (OASIS).
const SARIFSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// SARIF writes SARIF 2.1.0 for code-scanning tools (GitHub's
// github/codeql-action/upload-sarif, Azure DevOps' SARIF viewers): one run
// whose tool lists every rule of Result.Rules with its documentation (plain
// help.text, help.markdown, tags, security-severity for the security rules)
// and hooklint's version, and one result per finding at its template file
// and line, relative to the working directory (run hooklint from the
// repository root). A finding in a packaged chart (.tgz) points at the
// archive, which is the file the repository has, with the path inside it in
// the message. Input errors become toolExecutionNotifications of a failed
// invocation. Each result has a partialFingerprint built from the rule,
// file, object and message, not the line, so a finding keeps its identity
// when lines above it move.
//
// The run's automationDetails.id is "hooklint/CHARTS/": code scanning keeps
// the alerts of each category (the id up to its last "/") apart, so
// uploads for other charts, from other jobs of a matrix, do not close each
// other's alerts. upload-sarif's category input only applies to runs
// without an id (github/codeql-action upload-lib.ts
// populateRunAutomationDetails).
//
// The output stays within GitHub's documented upload limits (docs.github.com
// code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit):
// at most 25,000 results per run (the least severe are left out, with a
// notification saying so), 1,000 locations per result, 20 tags per rule; a
// file over 10 MB gzip-compressed cannot be cut down and is only reported.
// Those messages also go to Warn.
type SARIF struct {
	// Warn receives a line for each GitHub limit the output reaches
	// (stderr in the CLI); nil discards them.
	Warn io.Writer
}

// GitHub code scanning's limits on an uploaded SARIF file.
const (
	sarifMaxResults        = 25000
	sarifMaxRelated        = 999 // 1,000 locations per result, one of them the finding's
	sarifMaxGzipBytes      = 10 << 20
	sarifMaxAutomationPath = 100 // longer chart lists are hashed
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool              sarifTool         `json:"tool"`
	AutomationDetails *sarifAutomation  `json:"automationDetails,omitempty"`
	Invocations       []sarifInvocation `json:"invocations"`
	Results           []sarifResult     `json:"results"`
}

type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	FullName        string      `json:"fullName"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	Name                 string              `json:"name"`
	ShortDescription     sarifText           `json:"shortDescription"`
	FullDescription      sarifText           `json:"fullDescription"`
	Help                 sarifMessage        `json:"help"`
	HelpURI              string              `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig     `json:"defaultConfiguration"`
	Properties           sarifRuleProperties `json:"properties"`
}

// sarifMessage is a multiformatMessageString: plain text and Markdown.
type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// sarifRuleProperties are the rule properties code scanning reads: tags
// (filters; "security" makes the alerts security alerts) and, for those,
// security-severity, a CVSS-like score from 0.0 to 10.0 (docs.github.com
// code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning,
// reportingDescriptor).
type sarifRuleProperties struct {
	Tags             []string `json:"tags"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
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
func (s SARIF) Format(w io.Writer, res *Result) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "hooklint", FullName: "hooklint (Helm chart hook linter)",
			InformationURI: "https://github.com/hooklint/hooklint", Rules: []sarifRule{},
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		Results:     []sarifResult{},
	}
	if res.Version != "" {
		run.Tool.Driver.Version = res.Version
		run.Tool.Driver.FullName = "hooklint " + res.Version + " (Helm chart hook linter)"
		run.Tool.Driver.SemanticVersion = semanticVersion(res.Version)
	}
	if len(res.Charts) > 0 {
		run.AutomationDetails = &sarifAutomation{ID: automationID(res.Charts)}
	}
	index := map[string]int{}
	for i, a := range res.Rules {
		index[a.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID:                   a.ID,
			Name:                 a.Name,
			ShortDescription:     sarifText{Text: a.Title()},
			FullDescription:      sarifText{Text: firstParagraph(ruleSection(a.Doc, "What it checks"))},
			Help:                 sarifMessage{Text: a.Doc, Markdown: ruleMarkdown(a)},
			HelpURI:              a.URL(),
			DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(a.Severity)},
			Properties:           ruleProperties(a),
		})
	}
	inv := &run.Invocations[0]
	for ci := range res.Charts {
		ch := &res.Charts[ci]
		if ch.Err != nil {
			inv.ExecutionSuccessful = false
			n := sarifNotification{Level: "error", Message: sarifText{Text: ch.Err.Error()}}
			var ie *render.InputError
			if errors.As(ch.Err, &ie) && ie.File != "" {
				loc, _ := chartLocation(ch, ie.File, ie.Line, 0)
				n.Locations = []sarifLocation{loc}
			}
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
			continue
		}
		for fi := range ch.Findings {
			f := &ch.Findings[fi]
			loc, inner := chartLocation(ch, f.Pos.File, f.Pos.Line, f.Pos.Col)
			path, msg := findingPath(ch, f), f.Message
			if inner != "" {
				path = archivePath(ch.Chart.Arg) + "/" + inner
				msg = lineRef(inner, f.Pos.Line) + ": " + msg
			}
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
				Message:             sarifText{Text: msg},
				Locations:           []sarifLocation{loc},
				PartialFingerprints: map[string]string{"hooklint/v1": Fingerprint(path, f)},
			}
			if i, ok := index[f.Rule.ID]; ok {
				r.RuleIndex = &i
			}
			for ri, rel := range f.Related {
				if ri == sarifMaxRelated {
					break
				}
				l, relInner := chartLocation(ch, rel.Pos.File, rel.Pos.Line, rel.Pos.Col)
				id := ri + 1
				text := rel.Message
				if relInner != "" {
					text = lineRef(relInner, rel.Pos.Line) + ": " + text
				}
				l.ID, l.Message = &id, &sarifText{Text: text}
				r.RelatedLocations = append(r.RelatedLocations, l)
			}
			run.Results = append(run.Results, r)
		}
	}
	if n := len(run.Results); n > sarifMaxResults {
		run.Results = mostSevere(run.Results, sarifMaxResults)
		msg := fmt.Sprintf("hooklint left %d of its %d results out of this SARIF run, the least severe ones: GitHub code scanning rejects a run of more than %d results; lint fewer charts per SARIF file or fewer rules (--only, --disable, --fail-on does not filter)",
			n-sarifMaxResults, n, sarifMaxResults)
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "warning", Message: sarifText{Text: msg}})
		s.warn(msg)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}}); err != nil {
		return err
	}
	if b.Len() > sarifMaxGzipBytes {
		if size := gzipSize(b.Bytes()); size > sarifMaxGzipBytes {
			s.warn(fmt.Sprintf("the SARIF file is %.1f MB gzip-compressed: GitHub code scanning rejects an upload over 10 MB; lint fewer charts per SARIF file",
				float64(size)/(1<<20)))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

func (s SARIF) warn(msg string) {
	if s.Warn != nil {
		fmt.Fprintf(s.Warn, "hooklint: sarif: %s\n", msg)
	}
}

// semanticVersion is version as SARIF's semanticVersion (Semantic
// Versioning 2.0.0, without Go's "v"), "" when it is none ("(devel)").
func semanticVersion(version string) string {
	v := strings.TrimPrefix(version, "v")
	core, _, _ := strings.Cut(strings.SplitN(v, "+", 2)[0], "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return ""
	}
	for _, p := range parts {
		if _, err := strconv.ParseUint(p, 10, 64); err != nil || p == "" {
			return ""
		}
	}
	return v
}

// automationID is the run's automationDetails.id: "hooklint/" and the
// chart paths as given (relative to the working directory, slash
// separated, sorted, comma separated), then "/". A list longer than
// sarifMaxAutomationPath is its first chart, the count and a hash of all.
func automationID(charts []lint.ChartResult) string {
	var paths []string
	for _, ch := range charts {
		p := "stdin"
		if ch.Chart.Arg != "-" {
			p = archivePath(ch.Chart.Arg)
		}
		paths = append(paths, p)
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)
	id := strings.Join(paths, ",")
	if len(id) > sarifMaxAutomationPath {
		h := sha256.Sum256([]byte(id))
		id = fmt.Sprintf("%s+%d-charts-%s", paths[0], len(paths)-1, hex.EncodeToString(h[:])[:12])
	}
	return "hooklint/" + id + "/"
}

// chartLocation is the SARIF location of a chart-relative file. In a
// packaged chart it is the archive (the file the repository has, without a
// region: its lines are not the template's) and inner is the file inside
// it, for the message.
func chartLocation(ch *lint.ChartResult, file string, line, col int) (loc sarifLocation, inner string) {
	arg := ch.Chart.Arg
	if arg != "-" && file != "" && isRegularFile(arg) {
		return physical(archivePath(arg), 0, 0), filepath.ToSlash(file)
	}
	return physical(repoPath(arg, file), line, col), ""
}

// archivePath is a chart argument (a packaged chart's: the archive)
// relative to the working directory when it is inside it, cleaned and slash
// separated.
func archivePath(arg string) string {
	p := filepath.Clean(arg)
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
	}
	return filepath.ToSlash(p)
}

// mostSevere keeps the n most severe results, errors before warnings before
// notes, each level in its order.
func mostSevere(rs []sarifResult, n int) []sarifResult {
	rank := map[string]int{"error": 0, "warning": 1, "note": 2}
	idx := make([]int, len(rs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return rank[rs[a].Level] - rank[rs[b].Level] })
	keep := idx[:n]
	slices.Sort(keep)
	out := make([]sarifResult, 0, n)
	for _, i := range keep {
		out = append(out, rs[i])
	}
	return out
}

func gzipSize(b []byte) int {
	var c countWriter
	zw := gzip.NewWriter(&c)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return int(c)
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// ruleMarkdown is a rule's help as Markdown: its title, then its
// documentation with the headings at level 2.
func ruleMarkdown(a *lint.Analyzer) string {
	return fmt.Sprintf("**%s** `%s` · default severity **%s**: %s\n\n%s", a.ID, a.Name, a.Severity, a.Title(), a.Markdown(2))
}

// ruleFamily is the tag of a rule's family, by the first digit of its ID
// (lint.Analyzer.ID).
func ruleFamily(digit byte) string {
	switch digit {
	case '1':
		return "hook-annotations"
	case '2':
		return "job-and-pod-spec"
	case '3':
		return "lifecycle-order"
	case '4':
		return "leftovers"
	case '5':
		return "schema"
	case '6':
		return "security"
	case '7':
		return "simulation"
	case '8':
		return "argocd"
	case '9':
		return "suppression"
	}
	return ""
}

// ruleProperties are a rule's tags: "helm", "kubernetes" and its family;
// the security family (HL6xxx) also gets a security-severity by its default
// severity, in GitHub's bands: high (7.0-8.9) for error, medium (4.0-6.9)
// for warning, low (0.1-3.9) for info.
func ruleProperties(a *lint.Analyzer) sarifRuleProperties {
	p := sarifRuleProperties{Tags: []string{"helm", "kubernetes"}}
	if len(a.ID) > 2 {
		if fam := ruleFamily(a.ID[2]); fam != "" {
			p.Tags = append(p.Tags, fam)
		}
		if a.ID[2] == '6' {
			switch a.Severity {
			case lint.Error:
				p.SecuritySeverity = "7.5"
			case lint.Warning:
				p.SecuritySeverity = "5.5"
			default:
				p.SecuritySeverity = "2.5"
			}
		}
	}
	return p
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
