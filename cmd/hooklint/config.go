package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/hooklint/hooklint/internal/config"
)

func newConfigCmd(stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Work with the configuration file (" + config.FileName + ")",
		Long: `hooklint reads ` + config.FileName + ` from each chart's directory or its
parents, up to the repository root (the directory holding .git). Its JSON
Schema is docs/hooklint.schema.json.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newConfigInitCmd(stdout))
	return cmd
}

func newConfigInitCmd(stdout io.Writer) *cobra.Command {
	var write bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Print a commented default " + config.FileName,
		Example: `  # look at it
  hooklint config init

  # create .hooklint.yaml in the current directory (never overwrites)
  hooklint config init --write`,
		Args: cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			if !write {
				_, err := io.WriteString(stdout, config.Default)
				return err
			}
			f, err := os.OpenFile(config.FileName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s already exists; not overwriting it", config.FileName)
			}
			if err != nil {
				return err
			}
			_, err = io.WriteString(f, config.Default)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(stdout, "wrote %s\n", config.FileName)
			return err
		},
	}
	cmd.Flags().BoolVar(&write, "write", false, "write "+config.FileName+" in the current directory instead of printing it (refuses to overwrite)")
	return cmd
}
