#!/usr/bin/env bash
# The release build, reproducible from the repository: for each target, a
# static hooklint (CGO_ENABLED=0, -trimpath, version, commit and date stamped
# into `hooklint version`) packed as hooklint_<version>_<os>_<arch>.tar.gz
# (.zip for windows), checksums.txt (SHA-256, as `sha256sum -c` reads it) and
# the container image context image/ (the Dockerfile and the linux binaries).
# Nothing is published: upload dist/ to the GitHub release of the tag, and
# build the image with `docker buildx build --platform linux/amd64,linux/arm64
# -t IMAGE dist/image`.
#
#   scripts/release.sh [--snapshot] [--out DIR] [OS/ARCH...]
#
# OS/ARCH defaults to every target: linux, darwin and windows on amd64 and
# arm64. Without --snapshot, HEAD must carry the tag vX.Y.Z of plugin.yaml's
# version and the tree must be clean; --snapshot (CI) builds any commit as
# v0.0.0-SNAPSHOT-<commit>. VERSION, COMMIT and DATE override what is read
# from git (a tree without .git). The date is the commit's, not the clock's,
# and archives hold fixed owners and times: the same commit and Go version
# give the same checksums. Needs bash, git, GNU tar, gzip, zip and sha256sum.
# Tests that only need archives of the right shape set RELEASE_TRIMPATH=false
# and CGO_ENABLED to go env's value, to link from the packages their go build
# compiled (such binaries hold this machine's paths: not for a release).
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets="linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64"
snapshot=false out=dist
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --snapshot) snapshot=true ;;
    --out) out=${2:?--out needs a directory}; shift ;;
    -h | --help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "release.sh: unknown flag $1" >&2; exit 2 ;;
    *)
      case " $all_targets " in
        *" $1 "*) targets+=("$1") ;;
        *) echo "release.sh: unknown target $1 (one of: $all_targets)" >&2; exit 2 ;;
      esac ;;
  esac
  shift
done
[ ${#targets[@]} -gt 0 ] || read -r -a targets <<<"$all_targets"

git_or() { git "$@" 2>/dev/null || true; }
commit=${COMMIT:-$(git_or rev-parse HEAD)}
[ -n "$commit" ] || { echo "release.sh: no git commit: set COMMIT (and VERSION, DATE)" >&2; exit 2; }
if [ -n "${DATE:-}" ]; then
  date=$DATE
else
  epoch=$(git_or log -1 --format=%ct "$commit")
  [ -n "$epoch" ] || { echo "release.sh: cannot read the date of commit $commit: set DATE" >&2; exit 2; }
  date=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
fi
epoch=$(date -u -d "$date" +%s)

plugin_version=$(sed -n 's/^version: *//p' plugin.yaml)
if [ -n "${VERSION:-}" ]; then
  version=$VERSION
elif $snapshot; then
  version=$(git_or describe --tags --exact-match --match 'v[0-9]*' "$commit")
  version=${version:-v0.0.0-SNAPSHOT-${commit:0:12}}
else
  version=$(git_or describe --tags --exact-match --match 'v[0-9]*' "$commit")
  [ -n "$version" ] || { echo "release.sh: HEAD has no vX.Y.Z tag (use --snapshot for a test build)" >&2; exit 2; }
fi
if ! [[ $version =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "release.sh: version $version is not vX.Y.Z[-pre]" >&2; exit 2
fi
if ! $snapshot; then
  if [ "$version" != "v$plugin_version" ]; then
    echo "release.sh: plugin.yaml says version $plugin_version, the release is $version: the plugin's install hook downloads v$plugin_version" >&2
    exit 2
  fi
  if [ -z "${VERSION:-}" ] && [ -n "$(git status --porcelain)" ]; then
    echo "release.sh: the tree has uncommitted changes" >&2; exit 2
  fi
fi
v=${version#v} # archive names carry the version without its v, as GoReleaser's

rm -rf "$out"
mkdir -p "$out/image"
out=$(cd "$out" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

ldflags="-s -w -X main.version=$version -X main.commit=$commit -X main.date=$date"
trimpath=-trimpath
[ "${RELEASE_TRIMPATH:-true}" = true ] || trimpath=
export CGO_ENABLED=${CGO_ENABLED:-0}
archives=()
for t in "${targets[@]}"; do
  os=${t%/*} arch=${t#*/}
  exe=hooklint
  [ "$os" = windows ] && exe=hooklint.exe
  dir="$stage/${os}_$arch"
  mkdir -p "$dir"
  echo "release.sh: building $version for $os/$arch" >&2
  GOOS=$os GOARCH=$arch go build ${trimpath:+"$trimpath"} -buildvcs=false -ldflags "$ldflags" -o "$dir/$exe" ./cmd/hooklint
  cp README.md "$dir/README.md"
  touch -d "@$epoch" "$dir/$exe" "$dir/README.md"
  name="hooklint_${v}_${os}_$arch"
  if [ "$os" = windows ]; then
    (cd "$dir" && rm -f "$out/$name.zip" && TZ=UTC zip -q -X "$out/$name.zip" "$exe" README.md)
    archives+=("$name.zip")
  else
    tar --owner=0 --group=0 --numeric-owner --mtime="@$epoch" --format=ustar \
      -C "$dir" -cf - "$exe" README.md | gzip -n -9 >"$out/$name.tar.gz"
    archives+=("$name.tar.gz")
  fi
  if [ "$os" = linux ]; then
    mkdir -p "$out/image/linux_$arch"
    cp -p "$dir/$exe" "$out/image/linux_$arch/hooklint"
  fi
done
cp Dockerfile "$out/image/Dockerfile"
(cd "$out" && sha256sum "${archives[@]}" | LC_ALL=C sort -k2 >checksums.txt)
echo "release.sh: $version in $out: ${archives[*]} checksums.txt image/" >&2
