#!/usr/bin/env bash
# Sets up what is missing, then serves the app at http://127.0.0.1:8080 with live reload.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$root"
exec trunk serve "$@"
