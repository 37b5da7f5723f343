#!/usr/bin/env bash
# Browser end-to-end tests: starts BUILD_DIR's parley-server on a free port with a temporary database and the
# web build (build/web/app, or PARLEY_WEB_ROOT), waits until it answers, runs node's test runner on tests/e2e/
# (or the test files given after BUILD_DIR) with PARLEY_URL set, and always stops the server.
# Exits with the tests' status. The server's log and the screenshots are in tests/e2e/output/.
#   usage: scripts/e2e.sh BUILD_DIR [TEST_FILE...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || { echo "usage: scripts/e2e.sh BUILD_DIR [TEST_FILE...]" >&2; exit 2; }
build=$(cd "$1" && pwd)
shift
server="$build/server/parley-server"
[ -x "$server" ] || { echo "e2e: $server is missing: build the server first" >&2; exit 2; }
web_root=${PARLEY_WEB_ROOT:-$root/build/web/app}
output="$root/tests/e2e/output"
mkdir -p "$output"

tmp=$(mktemp -d)
pid=
# shellcheck disable=SC2317  # called from the EXIT trap
stop_server() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true
  fi
  pid=
  rm -rf "$tmp"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# api.test.mjs expects the 500-account demo portfolio.
args=(--port 0 --host 127.0.0.1 --db "$tmp/e2e.db" --demo-accounts 500 --demo-seed 1)
if [ -d "$web_root" ]; then
  args+=(--web-root "$web_root")
else
  echo "e2e: warning: $web_root does not exist (build the web preset); the browser tests will fail" >&2
fi
: >"$tmp/stdout"  # exists before the loop below reads it
"$server" "${args[@]}" >"$tmp/stdout" 2>"$output/server.log" &
pid=$!

# Port 0 lets the server pick a free port, which it prints when ready.
url=
for _ in $(seq 1 1200); do
  url=$(sed -n 's/^parley-server listening on //p' "$tmp/stdout")
  [ -n "$url" ] && break
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "e2e: the server exited before listening:" >&2
    cat "$output/server.log" >&2
    exit 1
  fi
  sleep 0.1
done
[ -n "$url" ] || { echo "e2e: the server did not start within 120 s" >&2; exit 1; }
curl -fsS --retry 20 --retry-delay 0 --retry-connrefused "$url/api/health" >/dev/null
echo "e2e: server ready at $url (log: tests/e2e/output/server.log)"

[ $# -gt 0 ] || set -- tests/e2e/
status=0
(cd "$root" && PARLEY_URL="$url" node --test "$@") || status=$?
exit "$status"
