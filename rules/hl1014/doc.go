/*
hl1014 (test-without-test-hook): a Pod or Job under templates/tests/ is not a test hook

# What it checks

Pods and Jobs rendered from a chart's templates/tests/ folder (subcharts'
included) that have no helm.sh/hook annotation, or whose hook events do not
include test. Other kinds there (a ConfigMap a test reads) are left alone,
and hooks whose events Helm drops are HL1003's.

# Why it matters

`helm create` puts the chart's tests in templates/tests/ with
"helm.sh/hook": test, and users run them with `helm test`. The folder
means nothing to Helm: helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go
makes a document a hook only by its helm.sh/hook annotation, and
pkg/action/release_testing.go runs only the release's hooks with the test
event. A test Pod without the annotation is a release resource: it runs
once at install (and a finished Pod is never re-run by an upgrade), `helm
test` reports no tests, and a failing check never fails anything.

# How to fix

Annotate it "helm.sh/hook": test (with "helm.sh/hook-delete-policy":
before-hook-creation,hook-succeeded if its logs are not needed), or move it
out of templates/tests/ if it is meant to run at install.

# Example

Bad:

	# templates/tests/test-connection.yaml
	kind: Pod
	metadata:
	  name: app-test-connection

Good:

	# templates/tests/test-connection.yaml
	kind: Pod
	metadata:
	  name: app-test-connection
	  annotations:
	    "helm.sh/hook": test
*/
package hl1014
