package main

import (
	"errors"
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
