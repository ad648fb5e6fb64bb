package main

import (
	"io"

	"github.com/spf13/cobra"
)

// addSimulate adds the simulate command (sim/) to root.
func addSimulate(root *cobra.Command, stdout, stderr io.Writer) {
	root.AddCommand(newSimulateCmd(stdout, stderr))
}
