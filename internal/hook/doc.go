// Package hook is hooklint's model of a rendered chart: every rendered
// document as an Object, and every document with a helm.sh/hook annotation
// as a Hook, parsed the way Helm parses it.
//
// Extract splits rendered files as releaseutil.SplitManifests does and calls
// releaseutil.SortManifests itself (helm.sh/helm/v3 pkg/releaseutil
// manifest_sorter.go), so what Helm makes of a document is Helm's own answer.
// Documents Helm silently drops (an unknown hook event) are kept and flagged.
// Each annotation keeps two readings: what was written (the YAML scalar, its
// tag and position) and what Helm makes of it.
//
// Positions point into the template source: a rendered line is mapped back
// to the template line it came from by aligning the rendered document with
// the template text (srcmap.go). Rules never compute lines themselves.
package hook
