// The app in headless Chromium against the reference server: first frame time, the queue loaded from the API,
// selecting an account by clicking its row, and the canvas following the window. Needs PARLEY_URL
// (scripts/e2e.sh). The test hook is window.parley: firstFrameAt (ms since navigation start, set after the
// first frame) and state() (see shell/include/parley/shell/app.h, "Test hook state").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  canvasBox, clickWidget, frames, getPortfolio, gotoApp, loadQueue, output, queueRows, readState, rowAccount, until,
  useChromium,
} from './harness.mjs';

const firstFrameBudgetMs = 2000;

const chromium = useChromium();

// A fresh page at 1280x800 CSS pixels with the app loading; page errors, console errors and every response are
// collected for the assertions.
async function openApp(t) {
  const opened = await chromium.newPage(t, { viewport: { width: 1280, height: 800 }, responses: true });
  await gotoApp(opened.page);
  return opened;
}

// First frame time in ms since navigation start, whether the app stored performance.now() or Date.now().
async function firstFrameMs(page) {
  await page.waitForFunction(() => typeof window.parley?.firstFrameAt === 'number', null, { timeout: 15000 });
  return page.evaluate(() => {
    const at = window.parley.firstFrameAt;
    return at > 1e12 ? at - performance.timeOrigin : at;
  });
}

test('queue: first frame, loaded portfolio, click a row to open the account', async (t) => {
  const portfolio = await getPortfolio();
  const { page, errors, responses } = await openApp(t);

  const firstFrame = await firstFrameMs(page);
  console.log(`first frame ${firstFrame.toFixed(0)} ms after navigation start (budget ${firstFrameBudgetMs} ms)`);
  assert.ok(firstFrame > 0 && firstFrame <= firstFrameBudgetMs,
    `first frame at ${firstFrame.toFixed(0)} ms, budget ${firstFrameBudgetMs} ms`);

  const wasm = responses.find((r) => r.url().endsWith('.wasm'));
  assert.ok(wasm, 'the app downloaded its .wasm');
  assert.equal(wasm.headers()['content-type'], 'application/wasm');

  const ready = await until(page, (s) => s.status === 'ready' || s.status === 'error', 'the portfolio to load');
  assert.equal(ready.status, 'ready', `load failed: ${ready.error}`);
  assert.equal(ready.accounts, portfolio.accounts.length);

  const known = new Set(portfolio.accounts.map((a) => a.id));
  const withRows = await until(page,
    (s) => s.widgets?.['queue.table'] && queueRows(s).length > 0,
    'the queue table and its rows');
  const table = withRows.widgets['queue.table'];
  const rows = queueRows(withRows);
  for (const [name] of rows) assert.ok(known.has(rowAccount(name)), `${name} is a portfolio account`);

  // The middle visible row from the top: clicking it must select exactly that account.
  const [rowName, row] = rows[Math.floor(rows.length / 2)];
  const id = rowAccount(rowName);
  assert.ok(row.w > 0 && row.h > 0, `${rowName} has an area`);
  assert.ok(row.y >= table.y - 1 && row.y + row.h <= table.y + table.h + 1, `${rowName} lies inside the table`);
  assert.equal(withRows.selected, '', 'nothing is selected before the click');

  await clickWidget(page, row);
  const selected = await until(page, (s) => s.selected === id && s.widgets?.['account.panel'],
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
  await until(page, (s) => s.status === 'ready' && s.widgets?.['queue.table'], 'the queue table');

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
    const frameBefore = (await readState(page)).frame;
    const state = await until(page, (s) => s.frame > frameBefore + 1, `frames drawn at ${width}x${height}`);
    const table = state.widgets['queue.table'];
    assert.ok(table, 'the queue table is still drawn');
    assert.ok(table.x >= 0 && table.y >= 0 && table.x + table.w <= width + 1 && table.y + table.h <= height + 1,
      `queue.table ${JSON.stringify(table)} inside ${width}x${height}`);
  }
  assert.deepEqual(errors, []);
});

// One notch of the wheel (100 CSS pixels downwards in Chromium) scrolls the queue a few rows down, the way the
// wheel turned; a notch up brings the first row back.
test('queue: the mouse wheel scrolls a few rows a notch, the way it turns', async (t) => {
  const { page, errors } = await chromium.newPage(t);
  const loaded = await loadQueue(page, 'queue.table');
  const table = loaded.widgets['queue.table'];
  const order = queueRows(loaded).map(([name]) => name);
  const origin = await canvasBox(page);
  await page.mouse.move(origin.x + table.x + table.w / 2, origin.y + table.y + table.h / 2);
  await frames(page, 3);

  await page.mouse.wheel(0, 100);
  await until(page, (s) => queueRows(s)[0][0] !== order[0], 'the queue scrolled by the wheel');
  await frames(page, 3);
  const first = queueRows(await readState(page))[0][0];
  const moved = order.indexOf(first);
  assert.ok(moved >= 1 && moved <= 8, `one notch down put ${first} first: ${moved} rows down`);

  await page.mouse.wheel(0, -100);
  await until(page, (s) => queueRows(s)[0][0] === order[0], 'the first row back after a notch up');
  assert.deepEqual(errors, []);
});
