#!/usr/bin/env bash
# Takes the docs' screenshots (docs/images/*.png) from the release build in headless Chromium,
# so the README and the guides show the app as it is now. Builds the release first when dist/
# is missing or older than the sources. Each picture is kept under 200 KB (tests/screenshots.rs).
set -euo pipefail
source "$(dirname "$0")/setup.sh" browsers
cd "$root"

stale() {
  [ ! -f dist/index.html ] && return 0
  [ -n "$(find src styles assets index.html Cargo.toml Cargo.lock Trunk.toml -newer dist/index.html -print -quit)" ]
}
if stale; then
  echo "dist/ is missing or older than the sources: building the release (a few minutes)"
  trunk build --release
fi
CLAIMCHECK_DIST="$root/dist" CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  cargo test --test screenshots -- --ignored --nocapture
