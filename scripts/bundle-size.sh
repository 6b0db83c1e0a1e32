#!/usr/bin/env bash
# Prints the release bundle's sizes: raw, gzip -9 and brotli (quality 11), per file and in total
# (what a server sends; the build ships both compressed copies, scripts/precompress.sh).
#   bundle-size.sh [DIST] [--budget BYTES]
# With --budget, exits non-zero when the gzip total is over BYTES (sizes are deterministic, so
# CI can hold the line; scripts/test.sh sets the budget).
set -euo pipefail
dist="$(cd "$(dirname "$0")/.." && pwd)/dist"
budget=""
while [ $# -gt 0 ]; do
  case "$1" in
    --budget) budget="${2:?--budget needs a number of bytes}"; shift 2 ;;
    --budget=*) budget="${1#--budget=}"; shift ;;
    -*) echo "bundle-size.sh: unknown option $1" >&2; exit 2 ;;
    *) dist="$1"; shift ;;
  esac
done
case "$budget" in ''|*[!0-9]*) [ -z "$budget" ] || { echo "bundle-size.sh: --budget takes bytes, not \"$budget\"" >&2; exit 2; } ;; esac
files=()
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/index.html; do
  [ -f "$f" ] && files+=("$f")
done
[ "${#files[@]}" -gt 0 ] || { echo "bundle-size.sh: no bundle in $dist (run trunk build --release)" >&2; exit 1; }
# Brotli sizes from Node's zlib at its best quality, one line per file, in the same order.
mapfile -t brotli < <(node -e '
  const fs = require("fs"), zlib = require("zlib");
  for (const f of process.argv.slice(1)) {
    const data = fs.readFileSync(f);
    console.log(zlib.brotliCompressSync(data, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]: f.endsWith(".wasm") ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    } }).length);
  }' "${files[@]}")
total_raw=0 total_gz=0 total_br=0
printf '%-44s %10s %10s %10s\n' "bundle file" "raw bytes" "gzip -9" "brotli"
for i in "${!files[@]}"; do
  f="${files[$i]}"
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -n -c "$f" | wc -c)
  br="${brotli[$i]}"
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  printf '%-44s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
printf '%-44s %10d %10d %10d\n' "total" "$total_raw" "$total_gz" "$total_br"
if [ -n "$budget" ]; then
  if [ "$total_gz" -gt "$budget" ]; then
    echo "bundle-size.sh: the bundle is $total_gz bytes gzipped, over its budget of $budget bytes by $((total_gz - budget))." >&2
    echo "  See what grew (twiggy top on a release build), or raise the budget in scripts/test.sh if it must." >&2
    exit 1
  fi
  echo "within the budget: $total_gz of $budget bytes gzipped ($((budget - total_gz)) to spare)"
fi
