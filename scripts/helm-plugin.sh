#!/bin/sh
# `helm hooklint ARGS...` runs this: the hooklint the install hook built
# into the plugin directory, else the hooklint on PATH.
set -e
plugin="${HELM_PLUGIN_DIR:-$(dirname "$0")/..}"
bin="$plugin/bin/hooklint"
if [ ! -x "$bin" ]; then
  bin=$(command -v hooklint || true)
fi
if [ -z "$bin" ]; then
  # How to run the install hook again depends on how the plugin was
  # installed: 'helm plugin update' only updates a VCS checkout and refuses
  # a local directory or an archive ("cannot get information about plugin
  # source"; helm.sh/helm/v3@v3.22.0 cmd/helm/plugin_update.go updatePlugin
  # and pkg/plugin/installer FindSource, helm.sh/helm/v4@v4.3.1 the same).
  # 'helm plugin install DIR' links the plugin to DIR.
  src=$(cd -P "$plugin" && pwd)
  if [ -d "$src/.git" ]; then
    again="helm plugin update hooklint"
  elif [ -L "$plugin" ]; then
    again="helm plugin uninstall hooklint && helm plugin install $src"
  else
    again="helm plugin uninstall hooklint && helm plugin install <the archive you installed it from>"
  fi
  echo "helm hooklint: no hooklint binary: put hooklint on PATH (go install github.com/hooklint/hooklint/cmd/hooklint@latest), or install Go and run '$again' to build it" >&2
  exit 2
fi
exec "$bin" "$@"
