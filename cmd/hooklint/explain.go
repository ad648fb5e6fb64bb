package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hooklint/hooklint/rules"
)

func newExplainCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Print a rule's documentation: what it checks, why, how to fix it",
		Example: `  hooklint explain HL1001
  hooklint explain hook-unknown-event`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			for _, a := range rules.All {
				if strings.EqualFold(a.ID, args[0]) || a.Name == args[0] {
					_, err := fmt.Fprintf(stdout, "%s (%s, default severity %s)\n\n%s", a.ID, a.Name, a.Severity, a.Doc)
					return err
				}
			}
			return fmt.Errorf("unknown rule %q (see `hooklint rules`)", args[0])
		},
	}
}
