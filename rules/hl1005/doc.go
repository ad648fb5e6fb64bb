/*
hl1005 (hook-weight-invalid): a hook weight that is not a plain integer silently becomes 0

# What it checks

The value of helm.sh/hook-weight on a hook must be what Go's
strconv.Atoi accepts: an optional sign and decimal digits, nothing else,
within the range of int. Values it rejects: spaces (" 3", "3 "), decimals
("1.5"), hex or exponents ("0x10", "1e3"), words ("high", "first"), the
empty string (a template that rendered nothing) and numbers out of range.
An unquoted integer is HL1004's. A hook Helm drops for its event (HL1001,
HL1002) is checked too, and its finding says it applies once the event is
fixed, so both are fixed in one round.

# Why it matters

helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go calculateHookWeight is
strconv.Atoi of the raw value, without trimming, and uses 0 on any error,
silently. The hook then runs at weight 0, among the hooks it was meant to
run before or after; nothing in `helm template`, `helm lint` or the
install output says so.

Backed by TestHelmWeight in internal/hook.

# How to fix

Write the weight as a quoted integer ("-5"), and give templated weights a
default: {{ .Values.weight | default -5 | quote }}.

# Example

Bad:

	annotations:
	  "helm.sh/hook": pre-install
	  "helm.sh/hook-weight": " 3"

Good:

	annotations:
	  "helm.sh/hook": pre-install
	  "helm.sh/hook-weight": "3"
*/
package hl1005
