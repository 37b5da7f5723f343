#!/usr/bin/env bash
# Parley's main command: sets up the machine, builds the server (native release) and the web app, then runs the
# reference server on http://127.0.0.1:${PARLEY_PORT:-8080}. Only those two targets are built (parley-server and
# parley_web, which copies the page, the rule packs and the calendars next to it): tests, benchmarks, the CLI and
# the desktop are left to scripts/test.sh. The database is build/parley.db; on first start it holds the demo
# portfolio. Extra arguments go to parley-server (see `parley-server --help`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs

echo "== server (native release) =="
cmake --preset native-release >/dev/null
cmake --build --preset native-release --target parley-server
echo "== web app (Emscripten) =="
cmake --preset web >/dev/null
cmake --build --preset web --target parley_web

port=${PARLEY_PORT:-8080}
echo "== Parley: open http://127.0.0.1:$port (Ctrl-C stops the server) =="
exec build/native-release/server/parley-server --port "$port" --web-root build/web/app --db build/parley.db "$@"
