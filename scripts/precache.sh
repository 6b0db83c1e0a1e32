#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): writes into the staged sw.js the list of files the service
# worker caches (every file of the build but itself, by paths relative to it) and the build's
# version, a hash of those names and contents. The bundle's names carry Trunk's hashes, which
# are only known now; hashing the contents too makes any change a new version (and a new cache).
# Then, for a release build, scripts/precompress.sh writes the .gz and .br copies.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
staging="${TRUNK_STAGING_DIR:?run by trunk build (Trunk.toml hooks)}"
cd "$staging"
sw=sw.js
[ -f "$sw" ] || { echo "precache.sh: no $sw in $staging" >&2; exit 1; }

# Not the precompressed copies (.gz, .br): the browser asks for a file and is sent one of them.
mapfile -t files < <(find . -type f ! -path "./$sw" ! -name '*.gz' ! -name '*.br' -printf '%P\n' | LC_ALL=C sort)
version=$(sha256sum "${files[@]}" | sha256sum | cut -c1-16)

list=""
for f in "${files[@]}"; do
  case "$f" in *[\"\\]*) echo "precache.sh: unexpected character in $f" >&2; exit 1 ;; esac
  list+="\"$f\", "
done
list="${list%, }"

grep -q '^const VERSION = "development";$' "$sw" && grep -q '^const FILES = \[\];$' "$sw" ||
  { echo "precache.sh: $sw lacks the VERSION and FILES lines to fill in" >&2; exit 1; }
sed -i -e "s|^const VERSION = \"development\";\$|const VERSION = \"$version\";|" \
  -e "s|^const FILES = \[\];\$|const FILES = [$list];|" "$sw"
echo "precache.sh: service worker version $version caches ${#files[@]} files"

# Release builds ship gzip and brotli copies of each file, sw.js as filled in here among them.
if [ "${TRUNK_PROFILE:-release}" = release ]; then
  bash "$here/precompress.sh" "$staging"
fi
