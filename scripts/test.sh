#!/usr/bin/env bash
# Sets up, builds both targets and runs every test: core natively and in wasm under node, the CLI, the shell
# in a real window under Xvfb, the browser end-to-end test in headless Chromium against the running server.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)

echo "== native build (Debug) =="
cmake --preset native-debug >/dev/null
cmake --build --preset native-debug -j "$jobs"
echo "== web build (Emscripten) =="
cmake --preset web >/dev/null
cmake --build --preset web -j "$jobs"

echo "== native tests =="
ctest --preset native-debug -j "$jobs"
echo "== wasm tests (node) =="
ctest --preset web
echo "== browser end-to-end tests =="
bash scripts/e2e.sh build/native-debug
