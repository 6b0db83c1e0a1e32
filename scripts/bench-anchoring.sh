#!/usr/bin/env bash
# Anchoring benchmark in headless Chromium on the release build: Claimcheck's resolver against
# approx-string-match 2.0.0 with Hypothesis's scoring (see benches/anchoring_vs_js.rs).
set -euo pipefail
source "$(dirname "$0")/setup.sh" browsers
cd "$root"
if [ ! -f "$tools/node_modules/approx-string-match/package.json" ] ||
   ! grep -q '"version": "2.0.0"' "$tools/node_modules/approx-string-match/package.json"; then
  npm install --prefix "$tools" --no-audit --no-fund --silent approx-string-match@2.0.0
fi
trunk build --release
CLAIMCHECK_DIST="$root/dist" \
APPROX_STRING_MATCH="$tools/node_modules/approx-string-match/build/src/index.js" \
  cargo bench --bench anchoring_vs_js
