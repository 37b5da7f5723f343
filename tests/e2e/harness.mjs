// Shared setup for the browser tests (node:test + playwright-core against Debian's chromium, run by scripts/e2e.sh,
// which starts the server and sets PARLEY_URL). Not a test file itself: the runner only picks up *.test.mjs.
//
// Exports:
//   base                 the server under test (PARLEY_URL), or undefined outside scripts/e2e.sh
//   output               tests/e2e/output/, where screenshots go (made by useChromium's before hook)
//   useChromium()        registers before/after hooks in the calling file: checks PARLEY_URL, makes the output
//                        folder, launches headless chromium with the flags below, closes it after the file's tests;
//                        returns { newPage(t, options) }: a fresh context and page for test t (see openPage below)
//   getPortfolio()       GET /api/portfolio, parsed
//   accountEvents(id)    GET /api/accounts/<id>/events: the events the server holds for the account
//   gotoApp(page)        navigates to the app and waits for the page's load event
//   loadQueue(page, ...) gotoApp, then waits until the queue is loaded and `widget` drawn; asserts it loaded fine
//   readState(page)      one reading of the test hook window.parley.state(), parsed; null before the hook exists
//   until(page, ok, ...) polls readState until ok(state) holds and returns that state; fails with the last state seen
//   queueRows(state)     the drawn queue rows as [widget name, rect] from the top down
//   rowAccount(name)     the account id in a queue row's widget name
//   rowWithoutEvents(rows, fits)  the first of queueRows' rows whose account has no events on the server (and
//                        whose id `fits`, when given)
//   untilSteadyRows(page, ok, description)  the state once `ok` holds and two readings two frames apart show the
//                        same queue rows at the same places (a filter being applied redraws them)
//   canvasBox(page)      the canvas's CSS box, its buffer size, the device pixel ratio and the window size
//   clickWidget(page, rect, { nearLeft })  clicks inside a widget rect from the hook (its middle, or near its
//                        left end for wide ones when nearLeft is set)
//   frames(page, n)      waits for n animation frames of the page (default 2); the app draws once in each
//   clickWhenSteady(page, name)  clicks the named widget once it stays in place for two frames
//   typeInto(page, rect, text)  clicks a text box, waits two frames so it is active, types one key at a time and
//                        waits two frames more
//   press(page, key, modifiers)  holds the modifiers and the key for one frame (ImGui 1.86 reads key state once per
//                        frame), then lets go and waits a frame
//   scrollIntoView(page, container, name)  wheels the scrolling child `container` (its widget name, such as
//                        'account.panel') with the pointer on its scrollbar until widget `name` lies inside it;
//                        returns that state
//   clickInPanel(page, name), typeInPanel(page, name, text)  the same in the contact panel, then a steady click on
//                        widget `name` or typing into it
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const base = process.env.PARLEY_URL;
export const output = join(dirname(fileURLToPath(import.meta.url)), 'output');
// The sizes a screen is tried at, with the name its screenshots carry: a desktop and a phone.
export const sizes = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
];
const viewport = { width: 1400, height: 1000 };  // the default page size in CSS pixels

// Software GL, so the WebGL canvas draws without a GPU; no background traffic from the browser itself.
const chromiumArgs = [
  '--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic',
];

// A fresh browser context and page for test `t`, closed when `t` ends. Options: viewport (default `viewport`),
// fixedTime (a Date the page's clock is held at), consoleErrors (default true: console errors count as errors, not
// only page errors), responses (default false: collect every response). Returns { context, page, errors,
// responses }, with errors as readable lines for assert.deepEqual(errors, []).
async function openPage(browser, t, options = {}) {
  const { fixedTime = null, consoleErrors = true, responses: keepResponses = false } = options;
  const context = await browser.newContext({ viewport: options.viewport ?? viewport, deviceScaleFactor: 1 });
  t.after(() => context.close());
  if (fixedTime) await context.clock.setFixedTime(fixedTime);
  const page = await context.newPage();
  const errors = [];
  const responses = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  if (consoleErrors) {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error: ${m.text()} (${m.location().url})`);
    });
  }
  if (keepResponses) page.on('response', (r) => responses.push(r));
  return { context, page, errors, responses };
}

// Launches chromium once for the calling test file (before its first test) and closes it after its last one.
export function useChromium() {
  let browser;
  before(async () => {
    assert.ok(base, 'set PARLEY_URL, or run through scripts/e2e.sh');
    mkdirSync(output, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
  });
  return { newPage: (t, options) => openPage(browser, t, options) };
}

export async function getPortfolio() {
  return (await fetch(base + '/api/portfolio')).json();
}

export async function accountEvents(id) {
  const res = await fetch(`${base}/api/accounts/${encodeURIComponent(id)}/events`);
  assert.equal(res.status, 200);
  return (await res.json()).events;
}

export async function gotoApp(page) {
  await page.goto(base + '/', { waitUntil: 'load' });
}

// Opens the app in `page` and waits (up to timeoutMs) until the portfolio has loaded and `widget` is drawn;
// asserts the load succeeded and returns that state.
export async function loadQueue(page, widget = 'queue.table', timeoutMs = undefined) {
  await gotoApp(page);
  // Ready once the asset files are in: the queue is then in the desk's order (the strategy scores it). The widgets
  // are those of the last frame drawn, so one more frame draws the rows in that order.
  const ready = await until(page, (s) => s.status === 'error' || (s.status === 'ready' && s.desk?.ready &&
    s.widgets?.[widget]), 'loaded queue', timeoutMs);
  assert.equal(ready.status, 'ready', ready.error);
  await frames(page, 2);
  return readState(page);
}

// state() may hand back an object or its JSON text.
export async function readState(page) {
  const state = await page.evaluate(() => (window.parley && window.parley.state ? window.parley.state() : null));
  return typeof state === 'string' ? JSON.parse(state) : state;
}

// Polls every 50 ms; the failure shows the last state with its widget names but without the queue rows.
export async function until(page, ok, description, timeoutMs = 15000) {
  const stopAt = Date.now() + timeoutMs;
  let seen = null;
  while (Date.now() <= stopAt) {
    seen = await readState(page);
    if (seen && ok(seen)) return seen;
    await page.waitForTimeout(50);
  }
  const named = (widgets) => Object.keys(widgets ?? {}).filter((k) => !k.startsWith('queue.row.'));
  const brief = seen ? { ...seen, widgets: named(seen.widgets) } : null;
  assert.fail(`no ${description} within ${timeoutMs} ms; last state: ${JSON.stringify(brief)}`);
}

export function queueRows(state) {
  return Object.entries(state.widgets ?? {})
    .filter(([name]) => name.startsWith('queue.row.'))
    .sort(([, a], [, b]) => a.y - b.y);
}

export function rowAccount(name) {
  return name.slice('queue.row.'.length);
}

// The first of `rows` whose account has no events on the server. The tests record on accounts of the same server,
// and a new page shows those events only once it has fetched them: an account without any is the same whenever the
// fetch completes.
export async function rowWithoutEvents(rows, fits = () => true) {
  for (const [name, rect] of rows) {
    if (fits(rowAccount(name)) && (await accountEvents(rowAccount(name))).length === 0) return [name, rect];
  }
  return assert.fail('every visible row that fits has events on the server');
}

// Whether the account's debtor can be called and verified by the consumer's details: a date of birth, a current
// address with its postal code, and a number with consent to calls that is not marked bad.
export function callableAndVerifiable(account) {
  const debtor = account.parties.find((p) => p.role === 'debtor');
  return Boolean(debtor?.birth_date && debtor.addresses?.some((a) => a.status === 'current' && a.postal_code) &&
    debtor.phones?.some((p) => p.consent_call && p.status !== 'bad'));
}

export async function untilSteadyRows(page, ok, description, timeoutMs = 15000) {
  const stopAt = Date.now() + timeoutMs;
  let last = null;
  for (;;) {
    const state = await readState(page);
    const rows = state && ok(state) ? JSON.stringify(queueRows(state)) : null;
    if (rows !== null && rows === last) return state;
    assert.ok(Date.now() <= stopAt, `no steady ${description} within ${timeoutMs} ms`);
    last = rows;
    await frames(page);
  }
}

export async function canvasBox(page) {
  return page.evaluate(() => {
    const c = document.querySelector('canvas');
    const r = c.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height, bufferW: c.width, bufferH: c.height,
             dpr: window.devicePixelRatio, innerW: window.innerWidth, innerH: window.innerHeight };
  });
}

// ImGui coordinates are CSS pixels from the canvas corner. nearLeft clicks at most 30 px from the left edge, where
// a wide widget's label or text starts.
export async function clickWidget(page, rect, { nearLeft = false } = {}) {
  const origin = await canvasBox(page);
  const dx = nearLeft ? Math.min(rect.w / 2, 30) : rect.w / 2;
  await page.mouse.click(origin.x + rect.x + dx, origin.y + rect.y + rect.h / 2);
}

// Waits for `count` animation frames of the page. The app draws once per animation frame, so input given before
// has been seen by at least count - 1 whole frames, however slowly the machine draws.
export async function frames(page, count = 2) {
  await page.evaluate((n) => new Promise((done) => {
    const step = (left) => (left === 0 ? done() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  }), count);
}

// Clicks the widget `name` once two readings two frames apart find it at the same place: a layout still settling
// (a holiday calendar or a rule pack arriving redraws the quote) would otherwise move it away from the pointer.
export async function clickWhenSteady(page, name, options = {}) {
  const stopAt = Date.now() + 15000;
  let last = null;
  for (;;) {
    const state = await readState(page);
    const rect = state?.widgets?.[name];
    if (rect && last && ['x', 'y', 'w', 'h'].every((k) => rect[k] === last[k])) {
      await clickWidget(page, rect, options);
      return state;
    }
    assert.ok(Date.now() <= stopAt, `${name} was not drawn at one place for two frames within 15000 ms`);
    last = rect ?? null;
    await frames(page);
  }
}

export async function typeInto(page, rect, text) {
  await clickWidget(page, rect, { nearLeft: true });
  await frames(page);
  await page.keyboard.type(text, { delay: 40 });
  await frames(page);
}

// Holds `key` (with `modifiers` held around it) for one frame, then lets go. The app's next frame was requested before
// the key went down, so it draws first in the animation frame awaited here and sees the key down exactly once: held
// over a second frame, a key is repeated by ImGui as soon as the frames take 0.1 s or more (its navigation repeats
// after 0.2 s), and one press would count as several.
export async function press(page, key, modifiers = []) {
  for (const m of modifiers) await page.keyboard.down(m);
  await page.keyboard.down(key);
  await frames(page, 1);
  await page.keyboard.up(key);
  for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
  await frames(page, 1);
}

// The pointer stays on the container's scrollbar, where no table or list inside it takes the wheel; a widget
// scrolled past is wheeled back the other way.
export async function scrollIntoView(page, container, name) {
  let state = await readState(page);
  const box = await canvasBox(page);
  const panel = state.widgets[container];
  assert.ok(panel, `${container} is drawn`);
  await page.mouse.move(box.x + panel.x + panel.w - 8, box.y + panel.y + panel.h / 2);
  for (let i = 0; i < 40; i += 1) {
    const rect = state.widgets[name];
    assert.ok(rect, `${name} is drawn`);
    if (rect.y >= panel.y && rect.y + rect.h <= panel.y + panel.h) return state;
    await page.mouse.wheel(0, rect.y < panel.y ? -200 : 200);
    await frames(page, 2);
    state = await readState(page);
  }
  return assert.fail(`${name} did not scroll into ${container}`);
}

// Clicks widget `name` of the contact panel once scrolled into view and steady; types `text` into a box of it.
export async function clickInPanel(page, name) {
  await scrollIntoView(page, 'contact.panel', name);
  return clickWhenSteady(page, name, { nearLeft: true });
}
export async function typeInPanel(page, name, text) {
  const state = await scrollIntoView(page, 'contact.panel', name);
  await typeInto(page, state.widgets[name], text);
}

// Filters the queue by `filter` (a jurisdiction in lower case: 'us-ny', 'gb-eng'), opens an account of it nothing
// was recorded for (and that `fits`, when given) and waits until its contact panel shows the debtor; its id and the
// debtor's.
export async function openAccountWithoutEvents(page, portfolio, filter, fits = () => true) {
  const loaded = await loadQueue(page, 'queue.filter');
  await clickWidget(page, loaded.widgets['queue.filter'], { nearLeft: true });
  await page.keyboard.type(filter);
  const filtered = await untilSteadyRows(page, (s) => s.filter === filter && queueRows(s).length > 0,
    `queue filtered by ${filter}`);
  const [rowName] = await rowWithoutEvents(queueRows(filtered),
    (rowId) => fits(portfolio.accounts.find((a) => a.id === rowId)));
  const id = rowAccount(rowName);
  const account = portfolio.accounts.find((a) => a.id === id);
  assert.equal(account.jurisdiction.toLowerCase(), filter);
  const debtor = account.parties.find((p) => p.role === 'debtor');
  await clickWhenSteady(page, rowName, { nearLeft: true });
  await until(page, (s) => s.selected === id && s.contact?.party === debtor.id && s.widgets['contact.protection'],
    'the contact panel of ' + id);
  return { id, debtor };
}
