package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

// helmEnvFlags are the hooklint flags whose Helm global flag Helm takes
// away from a plugin's arguments and hands over in the environment instead
// (helm.sh/helm/v3@v3.22.0 cmd/helm/load_plugins.go manuallyProcessArgs
// strips --namespace/-n, the kube and registry flags and --debug; pkg/cli
// environment.go EnvSettings.EnvVars sets HELM_NAMESPACE to
// EnvSettings.Namespace(): the flag, else the kubeconfig context's, else
// "default"; helm.sh/helm/v4@v4.3.1 pkg/cmd/load_plugins.go and
// pkg/cli/environment.go do the same). Of those, only the namespace changes
// a render; Helm has no environment variable for --kube-version or
// --api-versions, which reach the plugin as flags. Helm itself reads
// HELM_NAMESPACE whoever set it (cli.New), and so does hooklint.
func helmEnvFlags() []struct{ env, flag string } {
	return []struct{ env, flag string }{
		{env: "HELM_NAMESPACE", flag: "namespace"},
	}
}

// applyHelmEnv sets each flag of helmEnvFlags that cmd has and the command
// line did not give from its environment variable: an explicit flag wins.
func applyHelmEnv(cmd *cobra.Command, _ []string) error {
	for _, ef := range helmEnvFlags() {
		f := cmd.Flags().Lookup(ef.flag)
		if f == nil || f.Changed {
			continue
		}
		v := os.Getenv(ef.env)
		if v == "" {
			continue
		}
		// Value.Set, not FlagSet.Set: the flag stays "not given", so a
		// configuration file setting it would still apply.
		if err := f.Value.Set(v); err != nil {
			return fmt.Errorf("$%s %q: %w", ef.env, v, err)
		}
	}
	return nil
}
