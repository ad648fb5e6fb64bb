/*
hl1010 (hook-annotation-misplaced): hook annotations outside the top-level metadata.annotations are ignored

# What it checks

Any helm.sh/hook* key (helm.sh/hook, helm.sh/hook-weight,
helm.sh/hook-delete-policy, helm.sh/hook-output-log-policy and look-alikes)
written anywhere in a document other than its own metadata.annotations:

  - in a nested metadata, such as a Job's or Deployment's pod template
    (spec.template.metadata.annotations) or a CronJob's job template;
  - under labels, top-level or nested;
  - on an item of a kind: List (or any *List kind).

A key that the top-level metadata.annotations also has (a harmless copy)
is not reported.

# Why it matters

helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go decodes only the
document head (SimpleHead: apiVersion, kind, metadata.name,
metadata.annotations) and looks for helm.sh/hook there. A Job whose hook
annotation sits on its pod template is a normal release resource: it is
created together with the Deployments instead of before them, Helm does
not wait for it, and the next upgrade typically fails on its immutable
spec.template. A List is one document to Helm: item annotations are never
read, the List is a release resource and all its items are installed with
the release. Labels are not annotations, and label values cannot even hold
a comma-separated event list.

Backed by TestHelmReadsOnlyExactTopLevelKeys (pod template, labels and
List items leave the document a plain release resource) in internal/hook.

# How to fix

Move the keys to the object's own metadata.annotations. Split a List into
separate documents (---), each with its own annotations.

# Example

Bad:

	kind: Job
	metadata:
	  name: db-migrate
	spec:
	  template:
	    metadata:
	      annotations:
	        "helm.sh/hook": pre-upgrade

Good:

	kind: Job
	metadata:
	  name: db-migrate
	  annotations:
	    "helm.sh/hook": pre-upgrade
*/
package hl1010
