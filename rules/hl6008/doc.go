// hl6008 (chart-reaches-outside): a schema reference or symbolic link leads outside the chart
//
// # What it checks
//
// Two ways a chart reaches for data that is not part of it:
//
//   - a "$ref" in values.schema.json (the chart's or a subchart's) to
//     another document: an http:// or https:// URL, a file:// path such as
//     file:///etc/passwd, or a relative path such as "defs.json#/x", which
//     Helm resolves against file:///values.schema.json and so reads
//     /defs.json from the host's root, not the chart's defs.json;
//   - a file or folder of the chart that is a symbolic link whose target
//     lies outside the chart (and outside the folder hooklint was started
//     in), or in /proc, /dev or /sys.
//
// hooklint follows neither: a URL or absolute path is treated as the
// schema true (it allows anything), a relative reference is resolved to
// the chart's own file, and the linked file is absent, as it is in a
// packaged .tgz. This rule says which one and where.
//
// # Why it matters
//
// Helm follows both. helm.sh/helm/v3@v3.22.0 pkg/chartutil/jsonschema.go
// ValidateAgainstSingleSchema compiles the schema with
// santhosh-tekuri/jsonschema's default loaders, which read file: URLs from
// the host's file system and fetch http: and https: URLs (the v4.3.1
// pkg/chart/common/util/jsonschema.go is the same), so the verdict on the
// values depends on the machine and the network at install time, and a
// chart from a pull request can make the CI runner read its files or call
// a server of the author's choice. pkg/chart/loader's directory loader
// (v3 pkg/chart/loader/directory.go LoadDir, through
// internal/sympath.Walk) reads the target of every symbolic link, so a
// link to /proc/self/environ or ~/.ssh puts the runner's secrets into the
// chart's files, where .Files.Get can print them into a manifest.
//
// # How to fix
//
// Keep schema definitions inside values.schema.json: put them under
// "$defs" and refer to them as "#/$defs/name" (Helm resolves no other
// document of the chart). Replace a symbolic link that leaves the chart
// with the file itself.
//
// # Example
//
// Bad (values.schema.json):
//
//	{"properties": {"image": {"$ref": "https://example.com/image.json"}}}
//
// Good:
//
//	{"$defs": {"image": {"type": "object"}},
//	 "properties": {"image": {"$ref": "#/$defs/image"}}}
package hl6008
