package main

import (
	"github.com/spf13/pflag"

	"github.com/hooklint/hooklint/internal/render"
)

// addRenderFlags binds the `helm template` flags that change the render,
// spelled as Helm spells them (helm.sh/helm/v3 cmd/helm/flags.go
// addValueOptionsFlags, cmd/helm/template.go).
func addRenderFlags(f *pflag.FlagSet, o *render.Options) {
	f.StringSliceVarP(&o.Values.ValueFiles, "values", "f", nil, "specify values in a YAML file (can specify multiple)")
	f.StringArrayVar(&o.Values.Values, "set", nil, "set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)")
	f.StringArrayVar(&o.Values.StringValues, "set-string", nil, "set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)")
	f.StringArrayVar(&o.Values.FileValues, "set-file", nil, "set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)")
	f.StringArrayVar(&o.Values.JSONValues, "set-json", nil, "set JSON values on the command line (can specify multiple or separate values with commas: key1=jsonval1,key2=jsonval2)")
	f.StringArrayVar(&o.Values.LiteralValues, "set-literal", nil, "set a literal STRING value on the command line")
	f.StringVar(&o.ReleaseName, "release-name", "release-name", "release name used for .Release.Name, as in 'helm template'")
	f.StringVarP(&o.Namespace, "namespace", "n", "default", "namespace used for .Release.Namespace (when not given: $HELM_NAMESPACE, which Helm sets for a plugin, else default)")
	f.StringVar(&o.KubeVersion, "kube-version", "", "Kubernetes version used for Capabilities.KubeVersion (default "+render.DefaultKubeVersion()+", as the released Helm binary)")
	f.StringSliceVarP(&o.APIVersions, "api-versions", "a", nil, "Kubernetes api versions used for Capabilities.APIVersions")
	f.BoolVar(&o.IsUpgrade, "is-upgrade", false, "set .Release.IsUpgrade instead of .Release.IsInstall")
}
