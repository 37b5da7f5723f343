// The page's bridge to the Parley wasm: the Emscripten Module settings, the portfolio fetch, and the test hook.
//
//   window.parley.firstFrameAt   performance.now() when the first frame was drawn (set by the wasm), else null
//   window.parley.state()        the shell's test state as an object (see parley/shell/app.h)
//
// The portfolio is fetched while the wasm downloads; it is handed over once the shell says it is ready.
'use strict';

window.parley = {
  firstFrameAt: null,
  state() {
    if (!window.parley.ready) return null;
    return JSON.parse(Module.UTF8ToString(Module._parley_test_state()));
  },
  ready: false,
};

var Module = {
  canvas: document.getElementById('canvas'),
  print: (text) => console.log(text),
  printErr: (text) => console.warn(text),
  // Called by the wasm's main() once the shell exists.
  parleyReady() {
    window.parley.ready = true;
    const message = document.getElementById('message');
    if (message) message.remove();
    portfolio.then(deliver);
  },
};

// Resolves to {bytes} or {error}; never rejects.
const portfolio = fetch('/api/portfolio', { headers: { Accept: 'application/json' } })
  .then(async (response) => {
    if (!response.ok) return { error: `GET /api/portfolio: HTTP ${response.status} ${response.statusText}`.trim() };
    return { bytes: new Uint8Array(await response.arrayBuffer()) };
  })
  .catch((e) => ({ error: `GET /api/portfolio failed: ${e.message || e}` }));

function deliver(result) {
  if (result.bytes) {
    const length = result.bytes.length;
    const ptr = Module._malloc(Math.max(length, 1));
    Module.HEAPU8.set(result.bytes, ptr);  // read HEAPU8 after malloc: memory may have grown
    Module._parley_portfolio_loaded(ptr, length);
    Module._free(ptr);
  } else {
    const size = Module.lengthBytesUTF8(result.error) + 1;
    const ptr = Module._malloc(size);
    Module.stringToUTF8(result.error, ptr, size);
    Module._parley_portfolio_failed(ptr);
    Module._free(ptr);
  }
}
