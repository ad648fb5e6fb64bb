#!/bin/sh
# Helm plugin install and update hook: builds hooklint from the plugin's own
# source (the version of the plugin) into $HELM_PLUGIN_DIR/bin, unless a
# hooklint is already on PATH, which the plugin then runs.
set -e
dir="${HELM_PLUGIN_DIR:-$(dirname "$0")/..}"
if command -v hooklint >/dev/null 2>&1; then
  echo "hooklint plugin: using $(command -v hooklint)"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "hooklint plugin: neither hooklint nor go is on PATH; install hooklint (go install github.com/hooklint/hooklint/cmd/hooklint@latest) before running 'helm hooklint'" >&2
  exit 0
fi
cd "$dir"
go build -o bin/hooklint ./cmd/hooklint
echo "hooklint plugin: built $dir/bin/hooklint"
