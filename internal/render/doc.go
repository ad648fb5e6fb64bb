// Package render renders a Helm chart offline exactly as `helm template` does,
// using Helm's own packages (helm.sh/helm/v3), and returns the rendered files
// together with the template sources they came from.
//
// It owns chart loading (directory or .tgz), value merging (Helm's
// values.Options: -f, --set, --set-string, --set-file, --set-json,
// --set-literal), the render context (install or upgrade) and the conversion of
// Helm's errors into InputError values that name the chart, file and line.
// It does not parse hooks (package hook) and does not run rules (package lint).
package render
