package main

import (
	"io"

	"github.com/spf13/cobra"
)

// addSimulate adds the simulate and diff-engines commands (sim/) to root.
func addSimulate(root *cobra.Command, stdout, stderr io.Writer) {
	root.AddCommand(newSimulateCmd(stdout, stderr))
	root.AddCommand(newDiffEnginesCmd(stdout))
}
