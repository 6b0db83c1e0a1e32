#!/usr/bin/env bash
# Every benchmark in one command, on one release build: bundle sizes, start-up, the scale table
# (1k/4k/16k words × 0/100/500/2,000 claims: open, add, status, keystroke, save, beside the same
# DOM built by plain JS), the anchoring matrix, and memory after the largest case.
# Timings are printed, never asserted (docs/development.md, "Benchmarks").
set -euo pipefail
source "$(dirname "$0")/setup.sh" browsers
cd "$root"
dist="${CLAIMCHECK_DIST:-$root/dist}"
if [ "${CLAIMCHECK_NO_BUILD:-0}" != "1" ]; then
  trunk build --release --dist "$dist"
fi
echo "== bundle"
"$root/scripts/bundle-size.sh" "$dist"
echo
echo "== app layers, natively"
cargo bench --quiet --bench app_at_scale
echo
echo "== start-up, scale and memory"
CLAIMCHECK_DIST="$dist" cargo bench --quiet --bench scale_vs_js
echo
echo "== anchoring"
# Built above: bench-anchoring.sh skips its own build when told (CLAIMCHECK_NO_BUILD).
CLAIMCHECK_DIST="$dist" CLAIMCHECK_NO_BUILD=1 "$root/scripts/bench-anchoring.sh"
