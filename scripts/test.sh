#!/usr/bin/env bash
# Sets up what is missing, then runs every check and test: formatting, lints, the core's native
# tests, the browser edge's tests in headless Chromium, the release build (printing its sizes),
# and the end-to-end tests that drive that build in Chromium.
set -euo pipefail
source "$(dirname "$0")/setup.sh" browsers
cd "$root"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --check

step "lints (native core, and everything for wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "core tests (native)"
# Property tests draw their random cases from one seed, so a run on the same commit tests the
# same cases and CI cannot fail by luck. Unset it (or pick another) to explore new cases.
export PROPTEST_RNG_SEED="${PROPTEST_RNG_SEED:-20261202}"
cargo test

step "browser edge tests (wasm-bindgen-test, headless Chromium)"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/tests/webdriver.json"
cargo test --target wasm32-unknown-unknown --test browser_edge

step "release build"
trunk build --release
# The gzip total may not creep: 557,895 bytes after issue 14's cuts (one sort, one deserializer;
# the target of 250 KB is still open), plus ~1.5% so a small fix still fits. Lower it as cuts
# land; raise it only on purpose, saying why in the commit.
bash "$root/scripts/bundle-size.sh" --budget 566000

step "end-to-end tests (release build in Chromium)"
# One test binary per feature: every tests/e2e_*.rs.
e2e=()
for file in tests/e2e_*.rs; do e2e+=(--test "$(basename "$file" .rs)"); done
CLAIMCHECK_DIST="$root/dist" cargo test "${e2e[@]}" -- --ignored --test-threads=1
