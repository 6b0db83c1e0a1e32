#!/usr/bin/env bash
# Claim-suggestion benchmark (issue 15): recall, precision, source-kind and source-span accuracy
# of the suggester beside the naive cue-word baseline on the labelled set in
# tests/fixtures/suggestions/, then the time `suggest` takes on 10,000 words in headless Chromium.
set -euo pipefail
source "$(dirname "$0")/setup.sh" browsers
cd "$root"

printf '\n\033[1m== quality on the labelled set\033[0m\n'
# The figures do not depend on the build profile; the test profile reuses `cargo test`'s build.
cargo test --test suggestion_quality -- --nocapture --exact report

printf '\n\033[1m== speed in headless Chromium (release)\033[0m\n'
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/tests/webdriver.json" \
  cargo test --release --target wasm32-unknown-unknown --test suggest_speed -- --nocapture
