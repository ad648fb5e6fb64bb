#!/usr/bin/env bash
# Runs every fuzz target for a while: .ci/run gives each 5 s; before a
# release give each 10 minutes on one worker and record the counts in
# docs/performance.md:
#
#   scripts/fuzz.sh 10m 1
#
# A failing input is saved in <package>/testdata/fuzz/<target>/; commit it
# with the fix, and it becomes a regression test of `go test`.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${1:-5s} parallel=${2:-2}
targets=(
  ./internal/hook:FuzzSplit ./internal/hook:FuzzSplit4 ./internal/hook:FuzzSourceMap
  ./internal/hook:FuzzExtractStream ./internal/hook:FuzzExtract ./sim:FuzzParseScenarioFile
  ./internal/config:FuzzParse ./internal/suppress:FuzzFromSources
  ./internal/render:FuzzValidateSchema ./internal/render:FuzzMentionsRelease ./internal/termtext:FuzzEscape
)
for target in "${targets[@]}"; do
  pkg=${target%%:*} name=${target#*:}
  echo "-- $pkg $name ($fuzztime)"
  log=$(mktemp)
  corpus="$pkg/testdata/fuzz/$name"
  count() { if [ -d "$corpus" ]; then find "$corpus" -type f | wc -l; else echo 0; fi; }
  before=$(count)
  run() { go test "$pkg" -run "^$name\$" -fuzz "^$name\$" -fuzztime "$fuzztime" -parallel "$parallel" >"$log" 2>&1; }
  if ! run; then
    # The fuzzing engine sometimes stops a worker at the deadline and
    # reports "context deadline exceeded" with no failing input (on a
    # loaded machine); that is retried once. A real failure writes its
    # input under testdata/fuzz.
    if grep -q 'context deadline exceeded' "$log" && [ "$(count)" = "$before" ]; then
      echo "(the engine stopped at the deadline without a failing input; once more)"
      run || { cat "$log"; echo "fuzz target $name failed twice"; exit 1; }
    else
      cat "$log"; echo "fuzz target $name failed: the failing input is in $corpus/"; exit 1
    fi
  fi
  grep -E 'execs: [0-9]+' "$log" | tail -1 || true
  rm -f "$log"
done
