#!/bin/sh
# Helm plugin install and update hook: puts hooklint into
# $HELM_PLUGIN_DIR/bin, unless a hooklint is already on PATH, which the
# plugin then runs. The version is $HOOKLINT_VERSION, else the release tag
# the plugin was installed at (helm plugin install URL --version vX.Y.Z),
# else plugin.yaml's version when the plugin directory has no Go source. A
# release tag is installed from its release archive, checksum verified
# (scripts/install.sh); a branch or commit with go install; with no version,
# hooklint is built from the plugin's own source.
set -e
dir="${HELM_PLUGIN_DIR:-$(dirname "$0")/..}"
if command -v hooklint >/dev/null 2>&1; then
  echo "hooklint plugin: using $(command -v hooklint)"
  exit 0
fi
version=${HOOKLINT_VERSION:-}
if [ -z "$version" ] && [ -e "$dir/.git" ] && command -v git >/dev/null 2>&1; then
  version=$(git -C "$dir" describe --tags --exact-match --match 'v[0-9]*' 2>/dev/null || true)
fi
if [ -z "$version" ] && [ ! -f "$dir/go.mod" ]; then
  version=v$(sed -n 's/^version: *//p' "$dir/plugin.yaml")
fi
if [ -n "$version" ]; then
  sh "$dir/scripts/install.sh" "$version" "$dir/bin"
  echo "hooklint plugin: installed hooklint $version into $dir/bin"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "hooklint plugin: neither hooklint nor go is on PATH; install hooklint (go install github.com/hooklint/hooklint/cmd/hooklint@latest) before running 'helm hooklint'" >&2
  exit 0
fi
cd "$dir"
go build -o bin/hooklint ./cmd/hooklint
echo "hooklint plugin: built $dir/bin/hooklint"
