package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"
)

// Exit codes scripts can rely on.
const (
	exitClean    = 0 // no finding at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on (or a simulated Helm command failed)
	exitUsage    = 2 // usage or input error
)

// errFindings says the run found problems at or above the threshold; it is
// not printed.
var errFindings = errors.New("findings at or above the threshold")

// exitError carries an exit code for an error that has already been
// reported (e.g. input errors printed in the report).
type exitError struct {
	code int
}

func (e *exitError) Error() string { return "exit status" }

// exitCode chooses the process exit code for err.
func exitCode(err error) int {
	var ee *exitError
	switch {
	case err == nil:
		return exitClean
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.As(err, &ee):
		return ee.code
	}
	return exitUsage
}

// minimumArgs is cobra.MinimumNArgs with Helm's wording and the usage line
// (helm.sh/helm/v3 cmd/helm/require/args.go MinimumNArgs).
func minimumArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return fmt.Errorf("%q requires at least %d argument\n\nUsage:  %s", cmd.CommandPath(), n, cmd.UseLine())
		}
		return nil
	}
}
