package lint

import (
	"errors"
	"fmt"
	"go/doc/comment"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/internal/suppress"
)

// Analyzer is one rule.
type Analyzer struct {
	// ID is "HL" and four digits, never reused. The first digit is the
	// family: 1 annotations, 2 Job and Pod specs, 3 lifecycle order,
	// 4 keep and leftovers, 5 schema, 6 security.
	ID string
	// Name is kebab-case <subject>-<problem>, also stable.
	Name string
	// Doc is the rule's documentation (its doc.go package comment): a title
	// line "hl1003 (name): title", then # What it checks, # Why it matters,
	// # How to fix, # Example.
	Doc string
	// Severity is the default severity.
	Severity Severity
	// Optional rules are not in the recommended set that runs by default:
	// they run with the preset "all" (rules.default: all in
	// .hooklint.yaml) or when enabled or selected by ID or name.
	Optional bool
	// Requires are analyzers whose results Run reads from Pass.ResultOf.
	Requires []*Analyzer
	// ResultType is the type of Run's result, for analyzers others require.
	ResultType reflect.Type
	// Run reports findings and returns a result for dependents.
	Run func(*Pass) (any, error)
}

// Title is the documentation's first line without its "id (name): " head.
func (a *Analyzer) Title() string {
	first, _, _ := strings.Cut(a.Doc, "\n")
	if _, t, ok := strings.Cut(first, "): "); ok {
		return strings.TrimSpace(t)
	}
	return strings.TrimSpace(first)
}

// URL is the rule's documentation on the web.
func (a *Analyzer) URL() string {
	return "https://github.com/hooklint/hooklint/blob/main/docs/rules.md#" + strings.ToLower(a.ID)
}

func (a *Analyzer) String() string { return a.ID }

var anchorRe = regexp.MustCompile(` \{#hdr-[A-Za-z0-9_]+\}`)

// Markdown is the documentation without its title line, a Go doc comment,
// as Markdown with its headings at level headingLevel (docs/rules.md, the
// sarif help.markdown). go/doc/comment's heading anchors are left out:
// GitHub makes its own.
func (a *Analyzer) Markdown(headingLevel int) []byte {
	_, body, _ := strings.Cut(a.Doc, "\n")
	var p comment.Parser
	pr := comment.Printer{HeadingLevel: headingLevel}
	return anchorRe.ReplaceAll(pr.Markdown(p.Parse(strings.TrimSpace(body)+"\n")), nil)
}

var (
	idRe   = regexp.MustCompile(`^HL[1-9][0-9]{3}$`)
	nameRe = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)+$`)
)

// Validate checks a rule set as go/analysis's validate does: well-formed,
// unique IDs and names, a doc, a Run, a severity, and no Requires cycle.
func Validate(as []*Analyzer) error {
	var errs []error
	ids, names := map[string]bool{}, map[string]bool{}
	for _, a := range as {
		switch {
		case !idRe.MatchString(a.ID):
			errs = append(errs, fmt.Errorf("analyzer %q: ID must be HL and four digits", a.ID))
		case ids[a.ID]:
			errs = append(errs, fmt.Errorf("analyzer %s: duplicate ID", a.ID))
		}
		if !nameRe.MatchString(a.Name) {
			errs = append(errs, fmt.Errorf("analyzer %s: name %q is not kebab-case", a.ID, a.Name))
		} else if names[a.Name] {
			errs = append(errs, fmt.Errorf("analyzer %s: duplicate name %q", a.ID, a.Name))
		}
		ids[a.ID], names[a.Name] = true, true
		if a.Run == nil {
			errs = append(errs, fmt.Errorf("analyzer %s: Run is nil", a.ID))
		}
		if a.Severity < Info || a.Severity > Error {
			errs = append(errs, fmt.Errorf("analyzer %s: no default severity", a.ID))
		}
		if !strings.HasPrefix(a.Doc, strings.ToLower(a.ID)+" ("+a.Name+"): ") {
			errs = append(errs, fmt.Errorf("analyzer %s: doc must start with %q", a.ID, strings.ToLower(a.ID)+" ("+a.Name+"): "))
		}
	}
	if _, err := order(as); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// order returns as and everything they require, dependencies first.
func order(as []*Analyzer) ([]*Analyzer, error) {
	var out []*Analyzer
	state := map[*Analyzer]int{} // 1 visiting, 2 done
	var visit func(a *Analyzer) error
	visit = func(a *Analyzer) error {
		switch state[a] {
		case 1:
			return fmt.Errorf("analyzer %s: Requires cycle", a.ID)
		case 2:
			return nil
		}
		state[a] = 1
		for _, r := range a.Requires {
			if err := visit(r); err != nil {
				return err
			}
		}
		state[a] = 2
		out = append(out, a)
		return nil
	}
	for _, a := range as {
		if err := visit(a); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Settings are run-wide inputs some rules read.
type Settings struct {
	// Timeout is Helm's --timeout, which bounds each hook's wait.
	Timeout time.Duration
	// Policy is what the configuration (.hooklint.yaml) changes about
	// findings after the rules ran; nil leaves them as reported.
	Policy *Policy
	// Simulate, when set (lint --simulate), runs each chart through Helm's
	// lifecycle once; rules read the outcome from Pass.Simulated.
	Simulate Simulator
	// Helm is the Helm the charts are rendered, parsed and judged with
	// (lint --helm): render.HelmV3 ("" is the same) or render.HelmV4.
	Helm string
	// Engine is what deploys the charts (lint --engine): EngineHelm ("" is
	// the same) or EngineArgoCD; the HL8xxx rules report only for Argo CD.
	Engine string
	// AllRules is the preset "all" (rules.default: all): the optional
	// rules run, and rules that report only outliers by default (a hook
	// less hardened than the chart's own workloads) report every case.
	AllRules bool
}

// Engines lint --engine accepts.
const (
	EngineHelm   = "helm"
	EngineArgoCD = "argocd"
)

// Engine is the engine the charts are deployed with (Settings.Engine,
// EngineHelm when unset).
func (p *Pass) Engine() string {
	if p.Settings.Engine == "" {
		return EngineHelm
	}
	return p.Settings.Engine
}

// The Helm majors Settings.Helm and Pass.Helm name (render's, for rules,
// which do not import render).
const (
	HelmV3 = render.HelmV3
	HelmV4 = render.HelmV4
)

// Helm is the Helm major the pass is about (Settings.Helm): HelmV3 or
// HelmV4. Rules whose verdict differs between them read it.
func (p *Pass) Helm() string {
	if p.Settings.Helm == HelmV4 {
		return HelmV4
	}
	return HelmV3
}

// DefaultTimeout is Helm's --timeout default (cmd/helm/install.go).
const DefaultTimeout = 300 * time.Second

// HookTimeout is how long Helm waits for a hook that never finishes: its
// --timeout (Settings.Timeout, DefaultTimeout when unset), and false when
// the wait has no deadline. A negative --timeout has none: Helm 3 hands it
// to watchUntilReady (helm.sh/helm/v3@v3.22.0 pkg/kube/client.go), Helm 4
// to its waiter (helm.sh/helm/v4@v4.3.1 pkg/kube/statuswait.go
// contextWithTimeout), and both make the context with
// watchtools.ContextWithOptionalTimeout (k8s.io/client-go@v0.37.1
// tools/watch/until.go), which turns a negative timeout into 0 and 0 into
// no timeout: the hook is watched until it completes or fails, as
// simulate does.
func (s Settings) HookTimeout() (time.Duration, bool) {
	switch {
	case s.Timeout < 0:
		return 0, false
	case s.Timeout == 0:
		return DefaultTimeout, true
	}
	return s.Timeout, true
}

// Outlasts reports whether a wait of d runs past Helm's deadline for a
// hook (never when there is none: HookTimeout).
func (s Settings) Outlasts(d time.Duration) bool {
	t, ok := s.HookTimeout()
	return ok && d > t
}

// UntilTimeout says, for messages, how long Helm waits for a hook that
// never finishes: "until --timeout (5m0s)", or "forever (--timeout -1s
// has no deadline)".
func (s Settings) UntilTimeout() string {
	if t, ok := s.HookTimeout(); ok {
		return fmt.Sprintf("until --timeout (%s)", t)
	}
	return fmt.Sprintf("forever (--timeout %s has no deadline)", s.Timeout)
}

// Release describes the render a Pass is about.
type Release struct {
	Name        string
	Namespace   string
	Revision    int
	IsUpgrade   bool
	KubeVersion string
	Context     render.Context
	// Only: this is the chart's only render (stdin, --is-upgrade, no
	// upgrade or rollback hooks, or an upgrade render that failed), so it
	// stands for every command.
	Only bool
}

// ChartInfo identifies the chart being linted.
type ChartInfo struct {
	Arg     string // as given on the command line
	Name    string
	Version string
	// Unread are the chart's files and schema references that lead
	// outside it, which hooklint did not read (HL6008 reports them).
	Unread []render.Unread `json:"-"`
}

// Pass is what one rule sees of one render of one chart.
type Pass struct {
	Analyzer *Analyzer
	Chart    ChartInfo
	Release  Release
	// Objects are every rendered document, hooks and dropped ones included.
	Objects []*hook.Object
	// Hooks are the hooks of this render's commands (install: hooks with
	// an install, delete or test event; upgrade: hooks with an upgrade or
	// rollback event), dropped ones included.
	Hooks []*hook.Hook
	// Elsewhere are the release resources (objects without helm.sh/hook)
	// that the chart's other render has and this one lacks, by kind,
	// namespace and name: in the install render, those only upgrades
	// create (`{{ if .Release.IsUpgrade }}`); in the upgrade render, those
	// only the install created, which the first upgrade deletes
	// (helm.sh/helm/v3@v3.22.0 pkg/kube/client.go Update). nil with a
	// single render.
	Elsewhere []*hook.Object
	// OnlyHere are this render's release resources that the other render
	// lacks (the reverse of Elsewhere): in the install render, those the
	// first upgrade deletes; nil with a single render.
	OnlyHere map[*hook.Object]bool
	ResultOf map[*Analyzer]any
	Settings Settings
	// Simulated are the problems the lifecycle simulation of this chart
	// showed (nil without --simulate).
	Simulated []SimFinding

	report func(Finding)

	// Suppressions are the chart's hooklint:ignore directives, with which
	// findings they matched; only the suppression rules (HL9001, HL9002),
	// which run after the others, see them.
	Suppressions []*suppress.Directive
}

// Report records a finding. Rule and Severity are filled in by the runner.
func (p *Pass) Report(f Finding) { p.report(f) }

// ForHook is p for the findings about hook h. When Helm drops h for an
// event it does not know (hook.Hook.Dropped, HL1001 and HL1002), the
// findings of the returned Pass say that they apply once the event is
// fixed: the rules on the hook's other annotations report them in the same
// run as the event, so fixing the hook does not take a round per mistake.
func (p *Pass) ForHook(h *hook.Hook) *Pass {
	if h == nil || !h.Dropped || len(h.Unknown) == 0 {
		return p
	}
	q := *p
	note := fmt.Sprintf(" (Helm skips this resource now for its hook event %q: this applies once the event is fixed)", h.Unknown[0].Text)
	q.report = func(f Finding) {
		f.Message += note
		p.report(f)
	}
	return &q
}

// Reportf reports a finding about obj at pos.
func (p *Pass) Reportf(pos hook.Pos, obj *hook.Object, format string, args ...any) {
	p.report(Finding{Pos: pos, Object: ObjectRefOf(obj), Message: fmt.Sprintf(format, args...)})
}
