# Installs what building and testing Claimcheck needs, skipping what is already there.
# Sourced by scripts/serve.sh and scripts/test.sh (it exports PATH). With "browsers" as its first
# argument it also installs Debian's Chromium and ChromeDriver for the browser tests.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${CLAIMCHECK_TOOLS:-$HOME/.cache/claimcheck-tools}"
mkdir -p "$tools"
export PATH="$HOME/.cargo/bin:$tools/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk 0.22 needs a newer rustc than this toolchain has.
if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
  say "installing trunk 0.21.14 (about 10 minutes the first time)"
  cargo install trunk --version 0.21.14 --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly. No --locked: its own lockfile
# names a crate version the registry does not have.
wbg_version="$(grep -A1 '^name = "wasm-bindgen"$' "$root/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg_version" ]; then
  say "installing wasm-bindgen-cli $wbg_version"
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi
if ! grep -q "^wasm_bindgen = \"$wbg_version\"" "$root/Trunk.toml"; then
  echo "Trunk.toml pins a wasm-bindgen other than Cargo.lock's $wbg_version: update [tools] wasm_bindgen." >&2
  exit 1
fi

# Debian's binaryen 108 cannot read what this rustc emits; npm's binaryen 125 can.
if [ "$(wasm-opt --version 2>/dev/null)" != "wasm-opt version 125 (version_125)" ]; then
  say "installing wasm-opt 125 (npm package binaryen@125)"
  npm install --prefix "$tools" --no-audit --no-fund --silent binaryen@125
fi

# axe-core, for the accessibility checks of the end-to-end tests (tests/e2e_accessibility.rs).
axe_version="4.10.3"
if [ "$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$tools/node_modules/axe-core/package.json" 2>/dev/null)" != "$axe_version" ]; then
  say "installing axe-core $axe_version (npm)"
  npm install --prefix "$tools" --no-audit --no-fund --silent "axe-core@$axe_version"
fi
export CLAIMCHECK_AXE="$tools/node_modules/axe-core/axe.min.js"

if [ "${1:-}" = "browsers" ] && ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }; then
  say "installing Chromium and ChromeDriver from Debian"
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq chromium chromium-driver
fi
