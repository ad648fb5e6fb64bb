// Package config reads .hooklint.yaml, hooklint's configuration file, in
// the shape of golangci-lint v2's:
//
//	version: 1
//	helm: v3
//	engine: helm
//	timeout: 5m
//	fail-on: warning
//	rules:
//	  default: recommended  # preset: recommended or all (opt-in rules and every case)
//	  only: []              # run only these rules (IDs or names)
//	  enable: []            # rules to add
//	  disable: [HL6007]     # rules to leave out
//	  severity:             # per-rule severity: info, warning or error
//	    HL1013: warning
//	exclusions:
//	  - path: "charts/legacy/**"   # glob on the finding's path
//	    rules: [HL2007]            # and/or these rules
//	    text: "busybox"            # and/or a regexp on the message
//
// Decoding is strict: an unknown key, a wrong type or an invalid value is
// an error naming the file and line. Find locates the file from a chart's
// directory upward, stopping at the repository root (a directory holding
// .git). The package only reads and checks; the command line decides what
// its flags override, and the runner (package lint) applies the result.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/safefile"
)

// FileName is the configuration file's name.
const FileName = ".hooklint.yaml"

// Version is the only configuration version this hooklint reads.
const Version = 1

// Config is .hooklint.yaml.
type Config struct {
	// Version of the file format; must be 1.
	Version int `yaml:"version" json:"version"`
	// Helm is the Helm major whose behaviour hooklint mirrors: v3 or v4
	// (lint --helm and simulate --helm when the flag is not given).
	Helm string `yaml:"helm,omitempty" json:"helm,omitempty"`
	// Engine is what deploys the charts (lint --engine when the flag is
	// not given): helm (the default) or argocd, for the HL8xxx rules.
	Engine string `yaml:"engine,omitempty" json:"engine,omitempty"`
	// Timeout is Helm's --timeout the charts are installed with.
	Timeout string `yaml:"timeout,omitempty" json:"timeout,omitempty"`
	// FailOn is the lowest severity that fails the run: info, warning,
	// error or none.
	FailOn string `yaml:"fail-on,omitempty" json:"fail-on,omitempty"`
	// Rules selects rules and sets their severities.
	Rules Rules `yaml:"rules,omitempty" json:"rules,omitempty"`
	// Exclusions drop findings by path, rule and message.
	Exclusions []Exclusion `yaml:"exclusions,omitempty" json:"exclusions,omitempty"`

	// Path is the file the configuration was read from ("" for none).
	Path string `yaml:"-" json:"-"`
	// timeout, failOn and the compiled exclusions are set by Load.
	timeout time.Duration
	failOn  lint.Severity
	noFail  bool
	exclude []exclusion
}

// Rules is the rules section.
type Rules struct {
	// Default is the preset the rules start from: recommended (the
	// default: every rule but the opt-in ones, and HL6006/HL6007 only
	// where a hook is less hardened than the chart's own workloads) or
	// all (every rule, every case).
	Default string `yaml:"default,omitempty" json:"default,omitempty"`
	// Only runs only these rules (IDs or names).
	Only []string `yaml:"only,omitempty" json:"only,omitempty"`
	// Enable adds rules.
	Enable []string `yaml:"enable,omitempty" json:"enable,omitempty"`
	// Disable leaves rules out.
	Disable []string `yaml:"disable,omitempty" json:"disable,omitempty"`
	// Severity overrides rules' severities, by ID or name.
	Severity map[string]string `yaml:"severity,omitempty" json:"severity,omitempty"`
}

// Exclusion drops the findings that match all of its non-empty fields.
type Exclusion struct {
	// Path is a glob on the finding's path, relative to the directory of
	// the configuration file ("*" stays within a directory, "**" crosses
	// directories); it also matches the chart-relative path
	// (templates/job.yaml).
	Path string `yaml:"path,omitempty" json:"path,omitempty"`
	// Rules are rule IDs or names.
	Rules []string `yaml:"rules,omitempty" json:"rules,omitempty"`
	// Text is a regular expression on the message.
	Text string `yaml:"text,omitempty" json:"text,omitempty"`
}

type exclusion struct {
	path  *regexp.Regexp
	rules map[string]bool // IDs
	text  *regexp.Regexp
}

// Find returns the path of the configuration file that applies to a chart:
// the first .hooklint.yaml in the chart's directory (the directory holding
// a packaged chart; the working directory for stdin) or its parents, up to
// the repository root, the first directory holding .git. It returns "" when
// there is none.
func Find(chart string) (string, error) {
	dir := chart
	if chart == "-" || chart == "" {
		dir = "."
	} else if st, err := os.Stat(chart); err != nil || !st.IsDir() {
		dir = filepath.Dir(chart)
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and checks the configuration file at path against the rules
// hooklint has.
func Load(path string, all []*lint.Analyzer) (*Config, error) {
	return LoadNamed(path, path, all)
}

// LoadNamed is Load with the name errors give the file (the path relative
// to the chart, not the host's absolute path). Only a regular file is read:
// a named pipe, a device or a directory is an error (safefile), never a
// blocked read.
func LoadNamed(path, name string, all []*lint.Analyzer) (*Config, error) {
	b, err := safefile.ReadFile(path, name)
	if err != nil {
		var ie *safefile.IrregularError
		if errors.As(err, &ie) {
			return nil, err
		}
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file", name)
		}
		return nil, fmt.Errorf("%s: cannot read: %w", name, safefile.Cause(err))
	}
	return Parse(name, b, all)
}

// RelativeTo names a configuration file found for chart (Find) by its
// path relative to the chart's directory (the directory holding a packaged
// chart), as messages name it.
func RelativeTo(chart, path string) string {
	dir := chart
	if st, err := os.Stat(chart); err != nil || !st.IsDir() {
		dir = filepath.Dir(chart)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return filepath.Base(path)
	}
	if r, err := filepath.Rel(abs, path); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.Base(path)
}

// Parse decodes and checks a configuration; name is used in errors.
func Parse(name string, b []byte, all []*lint.Analyzer) (*Config, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c := &Config{Path: name}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c.Path = name
	if err := c.check(&root, all); err != nil {
		return nil, fmt.Errorf("%s:%w", name, err)
	}
	return c, nil
}

// check validates the values; errors start with the line (":12: ...").
func (c *Config) check(root *yaml.Node, all []*lint.Analyzer) error {
	at := func(path ...any) string { return fmt.Sprintf("%d", line(root, path...)) }
	if c.Version != Version {
		return fmt.Errorf("%s: version: %d is not supported; write version: %d", at("version"), c.Version, Version)
	}
	switch c.Helm {
	case "", "v3", "v4":
	default:
		return fmt.Errorf("%s: helm: %q is not a Helm version; write helm: v3 or helm: v4", at("helm"), c.Helm)
	}
	switch c.Engine {
	case "", lint.EngineHelm, lint.EngineArgoCD:
	default:
		return fmt.Errorf("%s: engine: %q is not an engine; write engine: helm or engine: argocd", at("engine"), c.Engine)
	}
	if c.Timeout != "" {
		d, err := time.ParseDuration(c.Timeout)
		if err != nil || d <= 0 {
			return fmt.Errorf("%s: timeout: %q is not a positive duration such as 5m0s", at("timeout"), c.Timeout)
		}
		c.timeout = d
	}
	switch c.FailOn {
	case "":
	case "none":
		c.noFail = true
	default:
		sev, err := lint.ParseSeverity(c.FailOn)
		if err != nil {
			return fmt.Errorf("%s: fail-on: %w", at("fail-on"), err)
		}
		c.failOn = sev
	}
	if err := lint.ParsePreset(c.Rules.Default); err != nil {
		return fmt.Errorf("%s: rules.default: %w", at("rules", "default"), err)
	}
	for key, list := range map[string][]string{"only": c.Rules.Only, "enable": c.Rules.Enable, "disable": c.Rules.Disable} {
		for i, ref := range list {
			if find(all, ref) == nil {
				return fmt.Errorf("%s: rules.%s: unknown rule %q (see `hooklint rules`)", at("rules", key, i), key, ref)
			}
		}
	}
	for ref, s := range c.Rules.Severity {
		if find(all, ref) == nil {
			return fmt.Errorf("%s: rules.severity: unknown rule %q (see `hooklint rules`)", at("rules", "severity", ref), ref)
		}
		if _, err := lint.ParseSeverity(s); err != nil {
			return fmt.Errorf("%s: rules.severity.%s: %w", at("rules", "severity", ref), ref, err)
		}
	}
	for i, e := range c.Exclusions {
		x := exclusion{rules: map[string]bool{}}
		if e.Path == "" && len(e.Rules) == 0 && e.Text == "" {
			return fmt.Errorf("%s: exclusions[%d]: give path, rules or text", at("exclusions", i), i)
		}
		if e.Path != "" {
			re, err := globRegexp(e.Path)
			if err != nil {
				return fmt.Errorf("%s: exclusions[%d].path: %w", at("exclusions", i, "path"), i, err)
			}
			x.path = re
		}
		for j, ref := range e.Rules {
			a := find(all, ref)
			if a == nil {
				return fmt.Errorf("%s: exclusions[%d].rules: unknown rule %q (see `hooklint rules`)", at("exclusions", i, "rules", j), i, ref)
			}
			x.rules[a.ID] = true
		}
		if e.Text != "" {
			if len(e.Text) > MaxPatternLen {
				return fmt.Errorf("%s: exclusions[%d].text: the regular expression is %d bytes long; hooklint accepts at most %d", at("exclusions", i, "text"), i, len(e.Text), MaxPatternLen)
			}
			re, err := regexp.Compile(e.Text)
			if err != nil {
				return fmt.Errorf("%s: exclusions[%d].text: %w", at("exclusions", i, "text"), i, err)
			}
			x.text = re
		}
		c.exclude = append(c.exclude, x)
	}
	return nil
}

func find(all []*lint.Analyzer, ref string) *lint.Analyzer {
	for _, a := range all {
		if strings.EqualFold(a.ID, ref) || a.Name == ref {
			return a
		}
	}
	return nil
}

// line is the line of the node at path (mapping keys and sequence
// indexes) in the document, or of the deepest node found.
func line(root *yaml.Node, path ...any) int {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	best := n.Line
	for _, p := range path {
		var next *yaml.Node
		switch k := p.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						next = n.Content[i+1]
						best = n.Content[i].Line
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k < len(n.Content) {
				next = n.Content[k]
				best = next.Line
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	return best
}

// Limits on the patterns of exclusions: a path names a file, and a glob
// of 1.2 million "a*" made regexp compile for seconds in 1.3 GiB (and
// MustCompile panic past its size limit). Longer or more wildcarded
// patterns are refused with an error that names the limit.
const (
	// MaxPatternLen bounds an exclusions path glob and text expression,
	// in bytes.
	MaxPatternLen = 4096
	// MaxGlobWildcards bounds the "*", "**" and "?" of a path glob.
	MaxGlobWildcards = 64
)

// globRegexp compiles a path glob: "**" matches across directories, "*"
// and "?" within one. It refuses globs past MaxPatternLen and
// MaxGlobWildcards, and returns regexp's error rather than panicking.
func globRegexp(glob string) (*regexp.Regexp, error) {
	if len(glob) > MaxPatternLen {
		return nil, fmt.Errorf("the glob is %d bytes long; hooklint accepts at most %d", len(glob), MaxPatternLen)
	}
	if n := strings.Count(glob, "*") + strings.Count(glob, "?"); n > MaxGlobWildcards {
		return nil, fmt.Errorf("the glob has %d wildcards (* and ?); hooklint accepts at most %d", n, MaxGlobWildcards)
	}
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(glob); i++ {
		switch c := glob[i]; {
		case strings.HasPrefix(glob[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(glob[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// TimeoutValue is the configured timeout, 0 when unset.
func (c *Config) TimeoutValue() time.Duration { return c.timeout }

// FailOnValue is the configured threshold: set reports whether fail-on is
// given; sev 0 means none.
func (c *Config) FailOnValue() (sev lint.Severity, set bool) {
	if c.noFail {
		return 0, true
	}
	return c.failOn, c.failOn != 0
}

// Selection is the rules section as a lint.Selection.
func (c *Config) Selection() lint.Selection {
	return lint.Selection{Only: c.Rules.Only, Enable: c.Rules.Enable, Disable: c.Rules.Disable, Default: c.Rules.Default}
}

// Policy is what the configuration changes about the findings of the chart
// given as chart (as on the command line): its exclusions and severities.
// A nil Config has no policy.
func (c *Config) Policy(chart string, all []*lint.Analyzer) *lint.Policy {
	if c == nil {
		return nil
	}
	p := &lint.Policy{Severity: map[string]lint.Severity{}}
	for ref, s := range c.Rules.Severity {
		sev, _ := lint.ParseSeverity(s) // checked by Load
		p.Severity[find(all, ref).ID] = sev
	}
	if len(c.exclude) > 0 {
		base, err := filepath.Abs(filepath.Dir(c.Path))
		if err != nil {
			base = filepath.Dir(c.Path)
		}
		p.Exclude = func(f lint.Finding) bool { return c.excluded(base, chart, f) }
	}
	return p
}

func (c *Config) excluded(base, chart string, f lint.Finding) bool {
	rel := ""
	if chart != "-" {
		if abs, err := filepath.Abs(filepath.Join(chart, f.Pos.File)); err == nil {
			if r, err := filepath.Rel(base, abs); err == nil {
				rel = filepath.ToSlash(r)
			}
		}
	}
	for _, x := range c.exclude {
		if x.path != nil && !x.path.MatchString(f.Pos.File) && (rel == "" || !x.path.MatchString(rel)) {
			continue
		}
		if len(x.rules) > 0 && !x.rules[f.Rule.ID] {
			continue
		}
		if x.text != nil && !x.text.MatchString(f.Message) {
			continue
		}
		return true
	}
	return false
}
