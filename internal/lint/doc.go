// Package lint is hooklint's rule runner, in the style of
// golang.org/x/tools/go/analysis: an Analyzer declares one rule (ID, name,
// documentation, default severity, Run), a Pass hands it one rendered chart
// already parsed (package hook), and the runner collects what it reports.
//
// A rule never loads, renders or prints: Run reads Pass.Objects and
// Pass.Hooks and calls Pass.Report. The runner validates the rule set,
// orders it by Requires, runs it over the install render and, when the chart
// has upgrade or rollback hooks, over the upgrade render, attributing each
// hook to the render(s) of the commands it runs in and dropping duplicates.
package lint
