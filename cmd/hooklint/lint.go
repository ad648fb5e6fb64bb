package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/report"
	"github.com/hooklint/hooklint/rules"
)

type lintOptions struct {
	render  render.Options
	sel     lint.Selection
	timeout time.Duration
	failOn  string
	output  string
	noColor bool
}

const lintLong = `Render each chart offline exactly as 'helm template' does, read its hooks
the way Helm parses them, run every rule, and report each finding at the
template file and line that produced it.

CHART is a chart directory, a packaged chart (.tgz), or '-' to read
already-rendered manifests (the output of 'helm template') from stdin.

Hooks are analysed as rendered in the command they run in: hooks whose
events are all upgrade or rollback events are rendered as an upgrade
(revision 2, .Release.IsUpgrade), the others as an install.

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

  # run only some rules
  hooklint lint ./mychart --only HL1001,hook-weight-unquoted`,
		Args: minimumArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return runLint(o, args, stdin, stdout)
		},
	}
	f := cmd.Flags()
	addRenderFlags(f, &o.render)
	f.StringSliceVar(&o.sel.Enable, "enable", nil, "enable rules (IDs or names)")
	f.StringSliceVar(&o.sel.Disable, "disable", nil, "disable rules (IDs or names)")
	f.StringSliceVar(&o.sel.Only, "only", nil, "run only these rules (IDs or names)")
	f.DurationVar(&o.timeout, "timeout", lint.DefaultTimeout, "Helm's --timeout the charts are installed with (bounds each hook's wait)")
	f.StringVar(&o.failOn, "fail-on", "warning", "exit 1 when a finding has this severity or higher: error, warning, info or none")
	f.StringVarP(&o.output, "output", "o", "text", "output format: text or json")
	f.BoolVar(&o.noColor, "no-color", false, "never colour the text output (colour is used only on a terminal)")
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
	formatter, err := report.ByName(o.output, report.Options{Color: color})
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
	st := lint.Settings{Timeout: o.timeout}
	res := &report.Result{Charts: lintAll(args, &o.render, analyzers, st, stdin)}
	if err := formatter.Format(stdout, res); err != nil {
		return err
	}
	for _, ch := range res.Charts {
		if ch.Err != nil {
			return &exitError{code: exitUsage}
		}
	}
	if threshold > 0 {
		for _, ch := range res.Charts {
			for _, f := range ch.Findings {
				if f.Severity >= threshold {
					return errFindings
				}
			}
		}
	}
	return nil
}

// lintAll lints the charts in parallel (bounded by GOMAXPROCS); results
// keep the order of args.
func lintAll(args []string, ro *render.Options, as []*lint.Analyzer, st lint.Settings, stdin io.Reader) []lint.ChartResult {
	out := make([]lint.ChartResult, len(args))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, arg := range args {
		if arg == "-" {
			out[i] = lint.LintStream("-", stdin, ro, as, st)
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			opts := *ro // each render gets its own copy
			out[i] = lint.LintChart(arg, &opts, as, st)
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
