#!/bin/sh
# `helm hooklint ARGS...` runs this: the hooklint the install hook built
# into the plugin directory, else the hooklint on PATH.
set -e
bin="${HELM_PLUGIN_DIR:-$(dirname "$0")/..}/bin/hooklint"
if [ ! -x "$bin" ]; then
  bin=$(command -v hooklint || true)
fi
if [ -z "$bin" ]; then
  echo "helm hooklint: no hooklint binary: install Go and run 'helm plugin update hooklint', or put hooklint on PATH (go install github.com/hooklint/hooklint/cmd/hooklint@latest)" >&2
  exit 2
fi
exec "$bin" "$@"
