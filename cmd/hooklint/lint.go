package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/hooklint/hooklint/internal/config"
	"github.com/hooklint/hooklint/internal/fix"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/par"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/internal/simlint"
	"github.com/hooklint/hooklint/report"
	"github.com/hooklint/hooklint/rules"
)

type lintOptions struct {
	render   render.Options
	sel      lint.Selection
	timeout  time.Duration
	failOn   string
	outputs  []string
	config   string
	changed  func(string) bool
	noColor  bool
	simulate bool
	engine   string // --engine helm|argocd
	helm     string // --helm v3|v4; "" means the config file's, then v3
	fix      fixOptions
	// chartsFromFiles: the arguments are files; lint their charts (pre-commit).
	chartsFromFiles bool
	stderr          io.Writer
}

const lintLong = `Render each chart offline exactly as 'helm template' does, read its hooks
the way Helm parses them, run every rule, and report each finding at the
template file and line that produced it.

CHART is a chart directory, a packaged chart (.tgz), or '-' to read
already-rendered manifests (the output of 'helm template') from stdin.

As in 'helm template', 'lookup' returns an empty map (no cluster is read);
'hooklint simulate' runs Helm's actions, whose 'lookup' reads the simulated
cluster.

Hooks are analysed as rendered in the command they run in: hooks whose
events are all upgrade or rollback events are rendered as an upgrade
(revision 2, .Release.IsUpgrade), the others as an install.

--helm v4 renders and parses with Helm 4's packages (helm.sh/helm/v4) and
judges the hooks by Helm 4's behaviour (server-side apply, waiters); the
default is the configuration file's 'helm:', else v3.

Settings come from .hooklint.yaml, found from each chart's directory up to
the repository root (or --config); flags given here override it.
'hooklint config init' writes a commented one. Findings are suppressed with
'# hooklint:ignore RULE reason' (or '{{/* hooklint:ignore RULE reason */}}')
on the line or the line above, or with the annotation
'hooklint.dev/ignore: "RULE reason"' on the object.

Exit status: 0 when no finding is at or above --fail-on, 1 when one is,
2 on a usage or input error (a chart that cannot be loaded or rendered;
the other charts are still linted and reported).`

func newLintCmd(stdin io.Reader, stdout io.Writer) *cobra.Command {
	o := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [flags] CHART...",
		Short: "Lint the hooks of one or more charts",
		Long:  lintLong,
		Example: `  # lint a chart directory and a packaged chart
  hooklint lint ./mychart ./other-1.0.0.tgz

  # with values, as you would pass them to helm
  hooklint lint ./mychart -f prod-values.yaml --set backup.enabled=true

  # lint rendered manifests from stdin
  helm template my-release ./mychart | hooklint lint -

  # only errors fail the build; JSON for tools
  hooklint lint ./mychart --fail-on error --output json

  # text on the terminal and SARIF for code scanning, in one run
  hooklint lint ./mychart -o text -o sarif=hooklint.sarif

  # GitHub pull-request annotations, and a JUnit report for the CI
  hooklint lint charts/* -o github -o junit=hooklint-junit.xml

  # also simulate install, upgrade, rollback, test and uninstall
  hooklint lint ./mychart --simulate

  # render, parse and judge the hooks as Helm 4 does
  hooklint lint ./mychart --helm v4

  # also report how the hooks behave differently under Argo CD (HL8xxx)
  hooklint lint ./mychart --engine argocd

  # run only some rules
  hooklint lint ./mychart --only HL1001,hook-weight-unquoted

  # the mechanical fixes as a patch (exit 1 when there is something to
  # fix); apply it with patch, or let --fix write them
  hooklint lint ./mychart --diff > fix.patch
  patch -d ./mychart -p1 < fix.patch
  hooklint lint ./mychart --fix`,
		Args: minimumArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.changed = cmd.Flags().Changed
			o.fix.stderr = cmd.ErrOrStderr()
			o.stderr = cmd.ErrOrStderr()
			if o.chartsFromFiles {
				charts, orphans := chartsOf(args)
				for _, f := range orphans {
					fmt.Fprintf(o.stderr, "hooklint: no chart found for %s (no Chart.yaml in its directory or above): not linted\n", f)
				}
				if args = charts; len(args) == 0 {
					return nil // no chart file changed
				}
			}
			return runLint(o, args, stdin, stdout)
		},
	}
	f := cmd.Flags()
	addRenderFlags(f, &o.render)
	f.StringSliceVar(&o.sel.Enable, "enable", nil, "enable rules (IDs or names)")
	f.StringSliceVar(&o.sel.Disable, "disable", nil, "disable rules (IDs or names)")
	f.StringSliceVar(&o.sel.Only, "only", nil, "run only these rules (IDs or names)")
	f.DurationVar(&o.timeout, "timeout", lint.DefaultTimeout, "Helm's --timeout the charts are installed with (bounds each hook's wait)")
	f.StringVar(&o.helm, "helm", "", "Helm version to render, parse and judge the hooks with: v3 (helm.sh/helm/v3) or v4 (helm.sh/helm/v4) (default: the configuration file's helm:, else v3)")
	f.BoolVar(&o.simulate, "simulate", false, "also run each chart through Helm's lifecycle on a fake cluster (see 'hooklint simulate') and report what fails (rules HL7xxx)")
	f.StringVar(&o.engine, "engine", lint.EngineHelm, "what deploys the charts: helm, or argocd to also report hooks that behave differently under Argo CD (rules HL8xxx)")
	f.StringVar(&o.failOn, "fail-on", "warning", "exit 1 when a finding has this severity or higher: error, warning, info or none")
	f.StringArrayVarP(&o.outputs, "output", "o", []string{"text"}, outputHelp)
	f.StringVar(&o.config, "config", "", "read this configuration file instead of the "+config.FileName+" found from each chart's directory up to the repository root")
	f.BoolVar(&o.noColor, "no-color", false, "never colour the text output (colour is used only on a terminal)")
	addFixFlags(f, &o.fix)
	f.BoolVar(&o.chartsFromFiles, "charts-from-files", false, "the arguments are files (as pre-commit passes them): lint the chart each belongs to, once")
	return cmd
}

func runLint(o *lintOptions, args []string, stdin io.Reader, stdout io.Writer) error {
	threshold, err := parseFailOn(o.failOn)
	if err != nil {
		return err
	}
	analyzers, err := lint.Select(rules.All, o.sel)
	if err != nil {
		return err
	}
	color := !o.noColor && os.Getenv("NO_COLOR") == "" && isTerminal(stdout)
	outs, err := parseOutputs(o.outputs)
	if err != nil {
		return err
	}
	stdinUsed := 0
	for _, a := range args {
		if a == "-" {
			stdinUsed++
		}
	}
	if stdinUsed > 1 {
		return fmt.Errorf("'-' (stdin) can be given only once")
	}
	helm, err := render.ParseHelm(o.helm)
	if err != nil {
		return err
	}
	st := lint.Settings{Timeout: o.timeout, Helm: helm}
	if o.simulate {
		st.Simulate = simlint.Simulate
	}
	if o.engine != lint.EngineHelm && o.engine != lint.EngineArgoCD {
		return fmt.Errorf("--engine: %q is not an engine: helm or argocd", o.engine)
	}
	st.Engine = o.engine
	plans, err := planCharts(o, args, st, analyzers, threshold)
	if err != nil {
		return err
	}
	if done, err := o.fix.run(args, stdout, func(i int, dir string) fix.Linter {
		return fixLinter(dir, o.render, plans[i].as, plans[i].st)
	}); done || err != nil {
		return err
	}
	res := &report.Result{Charts: lintAll(args, &o.render, plans, stdin), Rules: rules.All, Selected: selected(plans)}
	for _, p := range plans {
		res.Thresholds = append(res.Thresholds, p.threshold)
	}
	res.Version, _ = versions()
	if err := writeOutputs(outs, res, stdout, o.stderr, color); err != nil {
		return err
	}
	return verdict(res.Charts, plans)
}

// lintAll lints the charts in parallel, one per CPU slot (par.Acquire);
// the work inside a chart spreads over the slots other charts leave free.
// Results keep the order of args.
func lintAll(args []string, ro *render.Options, plans []chartPlan, stdin io.Reader) []lint.ChartResult {
	out := make([]lint.ChartResult, len(args))
	var wg sync.WaitGroup
	for i, arg := range args {
		if plans[i].err != nil {
			out[i] = lint.ChartResult{Chart: lint.ChartInfo{Arg: arg}, Err: plans[i].err}
			continue
		}
		if arg == "-" {
			out[i] = lint.LintStream("-", stdin, ro, plans[i].as, plans[i].st)
			continue
		}
		wg.Add(1)
		par.Acquire()
		go func() {
			defer func() { par.Release(); wg.Done() }()
			opts := *ro // each render gets its own copy
			out[i] = lint.LintChart(arg, &opts, plans[i].as, plans[i].st)
		}()
	}
	wg.Wait()
	return out
}

// parseFailOn maps --fail-on to a threshold; 0 means never fail.
func parseFailOn(s string) (lint.Severity, error) {
	if s == "none" {
		return 0, nil
	}
	sev, err := lint.ParseSeverity(s)
	if err != nil {
		return 0, fmt.Errorf("--fail-on: %w", err)
	}
	return sev, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
