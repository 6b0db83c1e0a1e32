#!/usr/bin/env bash
# Sets up what is missing, then serves a debug build at http://127.0.0.1:8080 with live reload
# (the first build takes about 2 minutes). Options pass through to `trunk serve`:
# ./scripts/serve.sh --port 9000
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$root"
exec trunk serve "$@"
