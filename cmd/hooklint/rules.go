package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/hooklint/hooklint/rules"
)

func newRulesCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List every rule with its ID, default severity and summary",
		Example: `  hooklint rules
  hooklint rules | grep HL1`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSEVERITY\tNAME\tSUMMARY")
			for _, a := range rules.All {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.ID, a.Severity, a.Name, a.Title())
			}
			return tw.Flush()
		},
	}
}
