// The app in headless Chromium against the reference server: first frame time, the queue loaded from the API,
// selecting an account by clicking its row, and the canvas following the window. Needs PARLEY_URL
// (scripts/e2e.sh). The test hook is window.parley: firstFrameAt (ms since navigation start, set after the
// first frame) and state() (see shell/include/parley/shell/app.h, "Test hook state").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = process.env.PARLEY_URL;
const output = join(dirname(fileURLToPath(import.meta.url)), 'output');
const firstFrameBudgetMs = 2000;
const chromiumArgs = [
  '--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic',
];

let browser;
before(async () => {
  assert.ok(base, 'set PARLEY_URL, or run through scripts/e2e.sh');
  mkdirSync(output, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
});
after(async () => {
  await browser?.close();
});

// A fresh page at 1280x800 CSS pixels; page errors and console errors are collected for the assertions.
async function openApp(t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  const responses = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('response', (r) => responses.push(r));
  await page.goto(base + '/', { waitUntil: 'load' });
  return { page, errors, responses };
}

// The app's test-hook state, parsed (state() may hand back an object or its JSON text).
async function appState(page) {
  const state = await page.evaluate(() => window.parley.state());
  return typeof state === 'string' ? JSON.parse(state) : state;
}

async function waitForState(page, predicate, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await page.evaluate(() => window.parley?.state ? window.parley.state() : null);
    if (typeof last === 'string') last = JSON.parse(last);
    if (last && predicate(last)) return last;
    if (Date.now() > deadline) {
      const shown = last ? JSON.stringify({ ...last, widgets: Object.keys(last.widgets ?? {}).slice(0, 12) }) : 'none';
      assert.fail(`timed out waiting for ${what}; last state: ${shown}`);
    }
    await page.waitForTimeout(50);
  }
}

// First frame time in ms since navigation start, whether the app stored performance.now() or Date.now().
async function firstFrameMs(page) {
  await page.waitForFunction(() => typeof window.parley?.firstFrameAt === 'number', null, { timeout: 15000 });
  return page.evaluate(() => {
    const at = window.parley.firstFrameAt;
    return at > 1e12 ? at - performance.timeOrigin : at;
  });
}

async function canvasBox(page) {
  return page.evaluate(() => {
    const c = document.querySelector('canvas');
    const r = c.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height, bufferW: c.width, bufferH: c.height,
             dpr: window.devicePixelRatio, innerW: window.innerWidth, innerH: window.innerHeight };
  });
}

test('queue: first frame, loaded portfolio, click a row to open the account', async (t) => {
  const portfolio = await (await fetch(base + '/api/portfolio')).json();
  const { page, errors, responses } = await openApp(t);

  const firstFrame = await firstFrameMs(page);
  console.log(`first frame ${firstFrame.toFixed(0)} ms after navigation start (budget ${firstFrameBudgetMs} ms)`);
  assert.ok(firstFrame > 0 && firstFrame <= firstFrameBudgetMs,
    `first frame at ${firstFrame.toFixed(0)} ms, budget ${firstFrameBudgetMs} ms`);

  const wasm = responses.find((r) => r.url().endsWith('.wasm'));
  assert.ok(wasm, 'the app downloaded its .wasm');
  assert.equal(wasm.headers()['content-type'], 'application/wasm');

  const ready = await waitForState(page, (s) => s.status === 'ready' || s.status === 'error', 'the portfolio to load');
  assert.equal(ready.status, 'ready', `load failed: ${ready.error}`);
  assert.equal(ready.accounts, portfolio.accounts.length);

  const known = new Set(portfolio.accounts.map((a) => a.id));
  const withRows = await waitForState(page,
    (s) => s.widgets?.['queue.table'] && Object.keys(s.widgets).some((k) => k.startsWith('queue.row.')),
    'the queue table and its rows');
  const table = withRows.widgets['queue.table'];
  const rows = Object.entries(withRows.widgets).filter(([k]) => k.startsWith('queue.row.'));
  for (const [name] of rows) assert.ok(known.has(name.slice('queue.row.'.length)), `${name} is a portfolio account`);

  // The middle visible row from the top: clicking it must select exactly that account.
  rows.sort(([, a], [, b]) => a.y - b.y);
  const [rowName, row] = rows[Math.floor(rows.length / 2)];
  const id = rowName.slice('queue.row.'.length);
  assert.ok(row.w > 0 && row.h > 0, `${rowName} has an area`);
  assert.ok(row.y >= table.y - 1 && row.y + row.h <= table.y + table.h + 1, `${rowName} lies inside the table`);
  assert.equal(withRows.selected, '', 'nothing is selected before the click');

  const canvas = await canvasBox(page);
  await page.mouse.click(canvas.x + row.x + row.w / 2, canvas.y + row.y + row.h / 2);
  const selected = await waitForState(page, (s) => s.selected === id && s.widgets?.['account.panel'],
    `account ${id} selected and its panel shown`);
  const panel = selected.widgets['account.panel'];
  assert.ok(panel.w > 0 && panel.h > 0, 'the account panel has an area');

  await page.screenshot({ path: join(output, 'queue.png') });
  assert.deepEqual(errors, []);
});

test('canvas follows a viewport resize', async (t) => {
  const { page, errors } = await openApp(t);
  await firstFrameMs(page);
  const start = await canvasBox(page);
  assert.deepEqual([start.x, start.y, start.w, start.h], [0, 0, 1280, 800], 'the canvas fills the page');
  await waitForState(page, (s) => s.status === 'ready' && s.widgets?.['queue.table'], 'the queue table');

  for (const [width, height] of [[900, 600], [1400, 950]]) {
    await page.setViewportSize({ width, height });
    await page.waitForFunction(([w, h]) => {
      const c = document.querySelector('canvas');
      const r = c.getBoundingClientRect();
      const dpr = window.devicePixelRatio;
      return r.width === w && r.height === h && Math.abs(c.width - w * dpr) <= 1 && Math.abs(c.height - h * dpr) <= 1;
    }, [width, height], { timeout: 5000 }).catch(async () => {
      assert.fail(`canvas did not follow ${width}x${height}: ${JSON.stringify(await canvasBox(page))}`);
    });
    // The UI is laid out for the new size: the queue table ends inside the canvas.
    const frameBefore = (await appState(page)).frame;
    const state = await waitForState(page, (s) => s.frame > frameBefore + 1, `frames drawn at ${width}x${height}`);
    const table = state.widgets['queue.table'];
    assert.ok(table, 'the queue table is still drawn');
    assert.ok(table.x >= 0 && table.y >= 0 && table.x + table.w <= width + 1 && table.y + table.h <= height + 1,
      `queue.table ${JSON.stringify(table)} inside ${width}x${height}`);
  }
  assert.deepEqual(errors, []);
});
