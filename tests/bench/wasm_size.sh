#!/usr/bin/env bash
# Prints the raw and gzip -9 sizes (bytes) of every .wasm and .js file directly in DIR.
#   tests/bench/wasm_size.sh build/web/web
set -euo pipefail
if [[ $# -ne 1 || ! -d "$1" ]]; then
  echo "usage: $0 DIR   (a folder holding Emscripten output: *.wasm, *.js)" >&2
  exit 2
fi
shopt -s nullglob
files=("$1"/*.wasm "$1"/*.js)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "$0: no .wasm or .js files in $1" >&2
  exit 1
fi
printf '%-40s %12s %12s\n' "file" "raw" "gzip -9"
total_raw=0
total_gz=0
for f in "${files[@]}"; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-40s %12d %12d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-40s %12d %12d\n' "total" "$total_raw" "$total_gz"
