package config

// Default is what `hooklint config init` writes: every key, commented, with
// hooklint's defaults. It validates against docs/hooklint.schema.json and
// loads (config_test.go).
const Default = `# hooklint configuration: https://github.com/hooklint/hooklint#configuration
# Found from a chart's directory upward to the repository root (.git).
# Flags given on the command line override it.
version: 1

# The Helm whose behaviour hooklint mirrors (lint and simulate --helm):
# v3 or v4.
helm: v3

# What deploys the charts: helm, or argocd to also report how the hooks
# behave differently under Argo CD (rules HL8xxx).
engine: helm

# Helm's --timeout the charts are installed with: rules compare hook
# deadlines and retries against it.
timeout: 5m0s

# Exit 1 when a finding has this severity or higher: info, warning, error
# or none.
fail-on: warning

rules:
  # The preset to start from: recommended (every rule but the opt-in ones,
  # such as HL2007; HL6006 and HL6007 report only hooks less hardened than
  # the chart's own workloads) or all (every rule, every case).
  default: recommended
  # Run only these rules (IDs or names); empty runs the preset's rules.
  only: []
  # Rules to add to or leave out of that set. On the command line,
  # --only, --enable and --disable replace this whole section's selection.
  enable: []
  disable: []
  # Per-rule severity: info, warning or error.
  severity: {}
  #   HL1013: warning

# Findings to drop. Each entry drops the findings matching all its fields:
#   path:  a glob on the file, relative to this file's directory or to the
#          chart ("*" within a directory, "**" across directories)
#   rules: rule IDs or names
#   text:  a regular expression on the message
exclusions: []
#  - path: "charts/legacy/**"
#    rules: [HL2007]
#  - text: "image \"busybox\""
`
