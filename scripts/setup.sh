#!/usr/bin/env bash
# Installs everything Parley needs on a Debian bookworm machine, as root. Safe to run twice; when all is
# present it only checks and returns.
#   Debian packages   toolchains (g++, Emscripten), libraries, Chromium and Xvfb for the tests
#   imgui sources     Debian's `imgui` source package, unpacked into build/deps/imgui (never committed)
#   npm packages      playwright-core for the browser tests, from tests/e2e/package-lock.json
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deps="$root/build/deps"

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates dpkg-dev xz-utils
  emscripten
  nlohmann-json3-dev libcpp-httplib-dev libsqlite3-dev libhowardhinnant-date-dev tzdata
  googletest libbenchmark-dev
  libglfw3-dev libgl1-mesa-dri fonts-dejavu-core
  chromium xvfb xauth procps curl
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from elsewhere than Debian (a bundled npm conflicts with Debian's): check the commands.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Dear ImGui comes as Debian's source package: the binary package has no backends and no wasm build.
if [ ! -f "$deps/imgui/imgui.cpp" ]; then
  src=/etc/apt/sources.list.d/parley-deb-src.sources
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
    printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$mirror" > "$src"
    apt-get update -qq
  fi
  rm -rf "$deps/imgui-src" && mkdir -p "$deps/imgui-src"
  (cd "$deps/imgui-src" && apt-get source -qq imgui >/dev/null 2>&1) || {
    apt-get update -qq && (cd "$deps/imgui-src" && apt-get source -qq imgui >/dev/null)
  }
  dir=$(find "$deps/imgui-src" -mindepth 1 -maxdepth 1 -type d -name 'imgui-*' | head -1)
  [ -f "$dir/imgui.cpp" ] || { echo "setup: imgui source package did not unpack" >&2; exit 1; }
  rm -rf "$deps/imgui" && mv "$dir" "$deps/imgui" && rm -rf "$deps/imgui-src"
fi

# Browser-test driver, pinned by the committed lockfile (installed again when the lockfile changes). The browser
# itself is Debian's chromium; playwright-core stays at a release that runs on Debian's node 18.
installed="$root/tests/e2e/node_modules/.package-lock.json"
if [ ! -f "$installed" ] || [ "$root/tests/e2e/package-lock.json" -nt "$installed" ]; then
  # npm from Debian trusts only node's built-in certificates: point it at the system store, which holds any
  # certificate authority the machine's administrator added.
  ca=()
  [ -f /etc/ssl/certs/ca-certificates.crt ] && ca=(--cafile=/etc/ssl/certs/ca-certificates.crt)
  (cd "$root/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error "${ca[@]}")
fi
