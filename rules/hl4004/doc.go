/*
hl4004 (hook-name-per-revision): a hook whose name changes every revision piles up

# What it checks

Hook names that change from one render to the next: in the upgrade render
(revision 2), a dash- or dot-separated name token equal to the release
revision (.Release.Revision) or, as the last token, to the previous
revision; in any render, a token of eight or more digits (a timestamp from
now, date or unixEpoch). Hooks deleted after both success and failure
(hook-succeeded and hook-failed) are not reported.

Names built with a function whose result differs on every render are
found in the template line that writes metadata.name: Sprig's
randAlphaNum, randAlpha, randNumeric, randAscii, randBytes, randInt,
uuidv4, now, date, dateInZone, unixEpoch and htmlDate (helm.sh/helm/v3
pkg/engine/funcs.go gives templates Sprig's function map). A name built in
a named template (include) that calls them is not seen.

# Why it matters

helm.sh/helm/v3 pkg/action/hooks.go deleteHookByPolicy deletes the
previous hook object by the name in the new manifest. When the name changes
every revision, before-hook-creation (the default) deletes nothing, every
run leaves one more Job, Pod or PVC behind, and uninstall never deletes
hooks either.

# How to fix

Use a stable, release-scoped name with before-hook-creation; if each
revision really needs its own object, add hook-succeeded and hook-failed
(or a cleanup hook) so old ones are removed.

# Example

Bad:

	kind: Job
	metadata:
	  name: {{ .Release.Name }}-migrate-{{ .Release.Revision }}
	  annotations:
	    "helm.sh/hook": pre-upgrade

Good:

	kind: Job
	metadata:
	  name: {{ .Release.Name }}-migrate
	  annotations:
	    "helm.sh/hook": pre-upgrade
*/
package hl4004
