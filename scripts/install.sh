#!/bin/sh
# Installs hooklint into BINDIR; the GitHub Action (action.yml) and the Helm
# plugin's install hook run it.
#
#   scripts/install.sh VERSION BINDIR
#
# A release tag (vX.Y.Z or vX.Y.Z-pre) downloads the release archive
# hooklint_X.Y.Z_<os>_<arch>.tar.gz (.zip on windows) and checksums.txt from
# $HOOKLINT_DOWNLOAD_URL/VERSION/ (default: the GitHub release of the tag),
# checks the archive's SHA-256 against checksums.txt and unpacks hooklint. A
# missing archive or a checksum mismatch is an error, never a fallback.
# Anything else (a branch, a commit, latest) is built from source with
# `go install github.com/hooklint/hooklint/cmd/hooklint@VERSION`.
set -eu

version=${1:?usage: install.sh VERSION BINDIR}
bindir=${2:?usage: install.sh VERSION BINDIR}
base=${HOOKLINT_DOWNLOAD_URL:-https://github.com/hooklint/hooklint/releases/download}
base=${base%/}

if ! printf '%s\n' "$version" | grep -Eq '^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$'; then
  echo "hooklint install: $version is not a release tag: go install github.com/hooklint/hooklint/cmd/hooklint@$version" >&2
  mkdir -p "$bindir"
  GOBIN=$(cd "$bindir" && pwd) go install "github.com/hooklint/hooklint/cmd/hooklint@$version"
  exit 0
fi

case $(uname -s) in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  MINGW* | MSYS* | CYGWIN* | Windows_NT) os=windows ;;
  *) echo "hooklint install: no release archive for $(uname -s); use go install github.com/hooklint/hooklint/cmd/hooklint@$version" >&2; exit 1 ;;
esac
case $(uname -m) in
  x86_64 | amd64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "hooklint install: no release archive for $(uname -m); use go install github.com/hooklint/hooklint/cmd/hooklint@$version" >&2; exit 1 ;;
esac
exe=hooklint ext=tar.gz
if [ "$os" = windows ]; then exe=hooklint.exe ext=zip; fi
archive="hooklint_${version#v}_${os}_$arch.$ext"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fetch() { # fetch URL FILE
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1"
  else
    echo "hooklint install: neither curl nor wget is on PATH" >&2; return 1
  fi
}
for f in "$archive" checksums.txt; do
  if ! fetch "$base/$version/$f" "$tmp/$f"; then
    echo "hooklint install: cannot download $base/$version/$f" >&2; exit 1
  fi
done

want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$tmp/checksums.txt")
if command -v sha256sum >/dev/null 2>&1; then
  got=$(sha256sum "$tmp/$archive" | awk '{ print $1 }')
else
  got=$(shasum -a 256 "$tmp/$archive" | awk '{ print $1 }')
fi
if [ -z "$want" ]; then
  echo "hooklint install: checksums.txt of $version has no line for $archive" >&2; exit 1
fi
if [ "$got" != "$want" ]; then
  echo "hooklint install: checksum mismatch for $archive: got sha256 $got, checksums.txt says $want" >&2; exit 1
fi

mkdir -p "$tmp/x" "$bindir"
if [ "$ext" = zip ]; then
  unzip -q -o "$tmp/$archive" "$exe" -d "$tmp/x"
else
  tar -xzf "$tmp/$archive" -C "$tmp/x" "$exe"
fi
chmod +x "$tmp/x/$exe"
mv -f "$tmp/x/$exe" "$bindir/$exe"
echo "hooklint install: $archive (sha256 $got) -> $bindir/$exe" >&2
