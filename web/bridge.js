// The page's bridge to the Parley wasm: the Emscripten Module settings, the portfolio fetch, and the test hook.
//
//   window.parley.firstFrameAt   performance.now() when the first frame was drawn (set by the wasm), else null
//   window.parley.state()        the shell's test state as an object (see parley/shell/app.h)
//   window.parley.collectorTimeZone()  the browser's IANA time zone, read by the wasm at start
//   window.parley.publish(line)  called by the wasm with each journal event it records (one JSON line)
//   window.parley.outbox()       the events not yet acknowledged by the server: [{id, line}]
//
// The portfolio and the asset files, the compliance rule packs, the holiday calendars, the collection strategies and
// the goal plan (rules/, calendars/, strategies/ and goals/index.json list them), are fetched while the wasm
// downloads; they are handed over once the shell says it is ready, every name expected first so that contact waits
// for the last. A rule pack that cannot be fetched is handed over as a failure: the shell then blocks every contact.
// A calendar that cannot be fetched is reported in the quoter, a strategy in the queue.
'use strict';

window.parley = {
  firstFrameAt: null,
  state() {
    if (!window.parley.ready) return null;
    return JSON.parse(Module.UTF8ToString(Module._parley_test_state()));
  },
  ready: false,
  collectorTimeZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
    } catch (e) {
      return '';
    }
  },
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
    assetFiles.then(deliverAssets);
    serverJournal.then(deliverJournal);
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

// Resolves to [{name, bytes} or {name, error}], one per file listed in `folder`/index.json (or one error named
// `folder`/ for the list itself); never rejects.
function fetchAssetFolder(folder) {
  return fetch(`${folder}/index.json`, { headers: { Accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      const files = await response.json();
      if (!Array.isArray(files)) throw new Error('not a list of file names');
      return Promise.all(files.map((file) => {
        const name = `${folder}/${file}`;
        return fetch(name, { headers: { Accept: 'application/json' } })
          .then(async (r) => {
            if (!r.ok) return { name, error: `GET ${name}: HTTP ${r.status} ${r.statusText}`.trim() };
            return { name, bytes: new Uint8Array(await r.arrayBuffer()) };
          })
          .catch((e) => ({ name, error: `GET ${name} failed: ${e.message || e}` }));
      }));
    })
    .catch((e) => [{ name: `${folder}/`, error: `GET ${folder}/index.json failed: ${e.message || e}` }]);
}

const assetFolders = ['rules', 'calendars', 'strategies', 'goals'];
const assetFiles = Promise.all(assetFolders.map(fetchAssetFolder)).then((f) => f.flat());

// A NUL-terminated UTF-8 copy of `text` in the wasm heap; the caller frees it.
function heapString(text) {
  const size = Module.lengthBytesUTF8(text) + 1;
  const ptr = Module._malloc(size);
  Module.stringToUTF8(text, ptr, size);
  return ptr;
}

function deliverAssets(results) {
  const names = heapString(results.map((r) => r.name).join('\n'));
  Module._parley_assets_expected(names);
  Module._free(names);
  for (const result of results) {
    const name = heapString(result.name);
    if (result.bytes) {
      const length = result.bytes.length;
      const ptr = Module._malloc(Math.max(length, 1));
      Module.HEAPU8.set(result.bytes, ptr);  // read HEAPU8 after malloc: memory may have grown
      Module._parley_asset_loaded(name, ptr, length);
      Module._free(ptr);
    } else {
      const message = heapString(result.error);
      Module._parley_asset_failed(name, message);
      Module._free(message);
    }
    Module._free(name);
  }
}

// -- Journal events: the server's journal on load, and the outbox of events recorded here ------------------------
//
// Every event the shell records is put in the outbox (kept in localStorage, so a reload or a closed tab while
// offline loses nothing) and POSTed to /api/events as JSON Lines, up to 100 per request, one request at a time.
// The server stores a batch wholly or not at all: 200 acknowledges every event (stored or already held); a
// refusal names the event at fault (`index`), which is reported to the shell as rejected and dropped from the
// outbox, and the rest is sent again. Network failures, 5xx, 408 and 429 keep the outbox and retry with backoff
// (0.5 s doubling to 30 s, with jitter), and at once when the browser comes back online. See docs/api.md.
const outboxKey = 'parley.outbox.v1';
const outboxBatch = 100;
let outboxItems = readOutbox();
let outboxSending = false;
let outboxDelay = 0;
let outboxTimer = null;

function readOutbox() {
  try {
    const items = JSON.parse(localStorage.getItem(outboxKey) || '[]');
    return Array.isArray(items) ? items.filter((i) => i && typeof i.id === 'string' && typeof i.line === 'string') : [];
  } catch (e) {
    return [];
  }
}

function saveOutbox() {
  try {
    localStorage.setItem(outboxKey, JSON.stringify(outboxItems));
  } catch (e) {
    console.warn(`parley: cannot keep the outbox in localStorage: ${e.message || e}`);
  }
}

function scheduleFlush(delayMs) {
  if (outboxTimer !== null) return;
  outboxTimer = setTimeout(() => {
    outboxTimer = null;
    flushOutbox();
  }, delayMs);
}

window.parley.publish = (line) => {
  let id;
  try {
    id = JSON.parse(line).id;
  } catch (e) {
    return;
  }
  if (!outboxItems.some((item) => item.id === id)) outboxItems.push({ id, line });
  saveOutbox();
  scheduleFlush(0);
};
window.parley.outbox = () => outboxItems.slice();
window.addEventListener('online', () => {
  outboxDelay = 0;
  if (outboxTimer !== null) {
    clearTimeout(outboxTimer);
    outboxTimer = null;
  }
  scheduleFlush(0);
});

function dropFromOutbox(ids) {
  const gone = new Set(ids);
  outboxItems = outboxItems.filter((item) => !gone.has(item.id));
  saveOutbox();
}

async function flushOutbox() {
  if (outboxSending || outboxItems.length === 0) return;
  outboxSending = true;
  const batch = outboxItems.slice(0, outboxBatch);
  let retry = false;
  try {
    const response = await fetch('/api/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-ndjson', Accept: 'application/json' },
      body: batch.map((item) => item.line).join('\n') + '\n',
    });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    const status = response.status;
    if (response.ok) {
      const ids = batch.map((item) => item.id);
      dropFromOutbox(ids);
      acknowledgeEvents(ids);
      outboxDelay = 0;
    } else if (status !== 400 && status !== 409 && status !== 422) {
      // Not a refusal of these events (a server error, a proxy, a server without the events API): keep them.
      retry = true;
    } else {
      // Refused (docs/api.md): the event named by `index` (or, without one, the whole batch) is reported and dropped.
      const reason = (body && body.error) || `HTTP ${status}`;
      const at = body && Number.isInteger(body.index) ? batch[body.index] : undefined;
      const refused = at ? [at] : batch;
      dropFromOutbox(refused.map((item) => item.id));
      for (const item of refused) rejectEvent(item.id, reason);
      outboxDelay = 0;
    }
  } catch (e) {
    retry = true;
  }
  outboxSending = false;
  if (retry) {
    outboxDelay = Math.min(Math.max(outboxDelay * 2, 500), 30000);
    scheduleFlush(outboxDelay / 2 + Math.random() * (outboxDelay / 2));
  } else if (outboxItems.length > 0) {
    scheduleFlush(0);
  }
}

function acknowledgeEvents(ids) {
  if (!window.parley.ready) return;
  const text = heapString(ids.join('\n'));
  Module._parley_events_acknowledged(text);
  Module._free(text);
}

function rejectEvent(id, reason) {
  if (!window.parley.ready) return;
  const idPtr = heapString(id);
  const reasonPtr = heapString(reason);
  Module._parley_event_rejected(idPtr, reasonPtr);
  Module._free(idPtr);
  Module._free(reasonPtr);
}

// Resolves to the JSON Lines of every event the server holds ('' when it cannot be fetched: the outbox still
// shows what was recorded here); never rejects. Pages through GET /api/events?after=<cursor>.
const serverJournal = (async () => {
  const lines = [];
  try {
    let after = 0;
    for (;;) {
      const response = await fetch(`/api/events?after=${after}&limit=1000`, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      const page = await response.json();
      for (const event of page.events) lines.push(JSON.stringify(event));
      after = page.next;
      if (!page.has_more) break;
    }
  } catch (e) {
    console.warn(`parley: GET /api/events failed: ${e.message || e}; showing the events recorded here`);
  }
  return lines.join('\n');
})();

function handJournal(text, acknowledged) {
  if (text.length === 0) return;
  const bytes = new TextEncoder().encode(text);
  const ptr = Module._malloc(Math.max(bytes.length, 1));
  Module.HEAPU8.set(bytes, ptr);  // read HEAPU8 after malloc: memory may have grown
  Module._parley_journal_received(ptr, bytes.length, acknowledged ? 1 : 0);
  Module._free(ptr);
}

function deliverJournal(text) {
  handJournal(text, true);
  handJournal(outboxItems.map((item) => item.line).join('\n'), false);
  scheduleFlush(0);
}

