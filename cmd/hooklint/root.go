package main

import (
	"errors"
	"fmt"
	"io"
	"log"

	"github.com/spf13/cobra"
)

const rootLong = `hooklint lints and simulates Helm chart hooks.

It renders charts offline exactly as 'helm template' does, reads every hook
the way Helm parses it, and reports each mistake at the template file and
line that produced it.`

// newRootCmd builds the command tree. Commands write to stdout and stderr
// only through the writers given here.
func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "hooklint",
		Short: "Lint and simulate Helm chart hooks",
		Long:  rootLong,
		Example: `  # lint a chart
  hooklint lint ./mychart

  # lint what helm template printed
  helm template ./mychart | hooklint lint -

  # what does rule HL1001 check?
  hooklint explain HL1001`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// Helm passes a plugin its --namespace as HELM_NAMESPACE.
		PersistentPreRunE: applyHelmEnv,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetIn(stdin)
	root.AddCommand(
		newLintCmd(stdin, stdout),
		newRulesCmd(stdout),
		newExplainCmd(stdout),
		newVersionCmd(stdout),
		newConfigCmd(stdout),
	)
	addSimulate(root, stdout, stderr)
	return root
}

// run executes hooklint with args and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Helm's packages log with the standard logger (e.g. releaseutil's
	// "info: skipping unknown hook"); hooklint reports those as findings.
	log.SetOutput(io.Discard)
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	code := exitCode(err)
	var ee *exitError
	if err != nil && code == exitUsage && !errors.As(err, &ee) {
		fmt.Fprintf(stderr, "Error: %v\n", err)
	}
	return code
}
