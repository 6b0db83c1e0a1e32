#!/usr/bin/env bash
# Writes beside each text file of a build (wasm, js, css, html, webmanifest, svg) its gzip -9 and
# brotli (quality 11) copies, name.gz and name.br, for a server that sends a precompressed file
# when the browser accepts one (nginx gzip_static/brotli_static, Caddy's precompressed, most
# static hosts), instead of compressing on each request at a lower level. There is no brotli
# command on the build machines: Node's zlib does it.
# Called by scripts/precache.sh (Trunk's post_build hook) once sw.js is final, so the service
# worker neither lists the copies nor differs from its own; or by hand: precompress.sh DIR.
set -euo pipefail
dir="${1:-${TRUNK_STAGING_DIR:?give the build folder, or run from trunk build}}"
cd "$dir"
mapfile -t files < <(find . -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \
  -o -name '*.webmanifest' -o -name '*.svg' \) -printf '%P\n' | LC_ALL=C sort)
[ "${#files[@]}" -gt 0 ] || { echo "precompress.sh: nothing to compress in $dir" >&2; exit 1; }
for f in "${files[@]}"; do
  gzip -9 -n -c "$f" >"$f.gz"
done
node -e '
  const fs = require("fs"), zlib = require("zlib");
  for (const f of process.argv.slice(1)) {
    const data = fs.readFileSync(f);
    fs.writeFileSync(f + ".br", zlib.brotliCompressSync(data, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]: f.endsWith(".wasm") ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    } }));
  }' "${files[@]}"
echo "precompress.sh: wrote .gz and .br beside ${#files[@]} files"
