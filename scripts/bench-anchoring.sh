#!/usr/bin/env bash
# Anchoring benchmark in headless Chromium on the release build: Claimcheck's resolver against
# approx-string-match 2.0.0 with Hypothesis's scoring, over a matrix of workloads (see
# benches/anchoring_vs_js.rs). Prints plain-text tables only, so scripts/bench.sh can include it.
#
#   --no-build (or CLAIMCHECK_NO_BUILD=1)  use the dist already built instead of `trunk build`
#   CLAIMCHECK_DIST=/path/to/dist           benchmark that build (default: dist/ of this checkout)
#   --native                               Claimcheck's side only, natively, no browser or build
set -euo pipefail
build=1
native=""
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --native) native=1 ;;
    *) echo "usage: $0 [--no-build] [--native]" >&2; exit 2 ;;
  esac
done
[ "${CLAIMCHECK_NO_BUILD:-0}" = "1" ] && build=0
source "$(dirname "$0")/setup.sh" browsers
cd "$root"
if [ -n "$native" ]; then
  exec cargo bench --quiet --bench anchoring_vs_js -- --native
fi
if [ ! -f "$tools/node_modules/approx-string-match/package.json" ] ||
   ! grep -q '"version": "2.0.0"' "$tools/node_modules/approx-string-match/package.json"; then
  npm install --prefix "$tools" --no-audit --no-fund --silent approx-string-match@2.0.0
fi
dist="${CLAIMCHECK_DIST:-$root/dist}"
if [ "$build" = 1 ]; then
  trunk build --release --dist "$dist" >/dev/null 2>&1 || trunk build --release --dist "$dist"
elif [ ! -f "$dist/index.html" ]; then
  echo "bench-anchoring: --no-build, but $dist has no build (run trunk build --release first)" >&2
  exit 1
fi
CLAIMCHECK_DIST="$dist" \
APPROX_STRING_MATCH="$tools/node_modules/approx-string-match/build/src/index.js" \
  cargo bench --quiet --bench anchoring_vs_js
