// The plan quoter in headless Chromium against the reference server: open an account, let the quoter quote it,
// apply the suggested plan while the policy finds a violation, then Offer and see the offer counted. Needs
// PARLEY_URL (scripts/e2e.sh). The test hook is window.parley.state() (shell/include/parley/shell/app.h).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = process.env.PARLEY_URL;
const output = join(dirname(fileURLToPath(import.meta.url)), 'output');
const viewport = { width: 1400, height: 1000 };

let browser;
before(async () => {
  assert.ok(base, 'set PARLEY_URL, or run through scripts/e2e.sh');
  mkdirSync(output, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
});
after(async () => {
  await browser?.close();
});

// Polls the hook until `ok(state)` holds; fails with the last state seen (without the widget list) otherwise.
async function until(page, ok, description, timeoutMs = 15000) {
  const stopAt = Date.now() + timeoutMs;
  let seen = null;
  while (Date.now() <= stopAt) {
    seen = await page.evaluate(() => (window.parley && window.parley.state ? window.parley.state() : null));
    if (typeof seen === 'string') seen = JSON.parse(seen);
    if (seen && ok(seen)) return seen;
    await page.waitForTimeout(50);
  }
  const named = (widgets) => Object.keys(widgets ?? {}).filter((k) => !k.startsWith('queue.row.'));
  const brief = seen ? { ...seen, widgets: named(seen.widgets) } : null;
  assert.fail(`no ${description} within ${timeoutMs} ms; last state: ${JSON.stringify(brief)}`);
}

// Clicks the middle of a recorded widget (ImGui coordinates are CSS pixels from the canvas corner).
async function clickWidget(page, rect) {
  const origin = await page.evaluate(() => {
    const box = document.querySelector('canvas').getBoundingClientRect();
    return { x: box.x, y: box.y };
  });
  await page.mouse.click(origin.x + rect.x + rect.w / 2, origin.y + rect.y + rect.h / 2);
}

test('quoter: select an account, apply the suggestion if needed, offer once', async (t) => {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
  });
  await page.goto(base + '/', { waitUntil: 'load' });

  const loaded = await until(page, (s) => s.status !== 'loading' && s.widgets?.['queue.table'], 'loaded queue');
  assert.equal(loaded.status, 'ready', loaded.error);
  const [rowName, row] = Object.entries(loaded.widgets)
    .filter(([name]) => name.startsWith('queue.row.'))
    .sort(([, a], [, b]) => a.y - b.y)[0];
  const id = rowName.slice('queue.row.'.length);
  await clickWidget(page, row);

  let state = await until(page, (s) => s.selected === id && s.quote && s.widgets['quoter.offer'], 'quote of ' + id);
  assert.equal(state.offers, 0, 'no offer before Offer is clicked');
  assert.ok(state.quote.instalments > 0 && state.quote.total_of_payments > 0, JSON.stringify(state.quote));
  assert.ok(state.widgets['quoter.schedule'], 'the schedule table is drawn');

  if (state.quote.violations > 0) {
    assert.ok(state.widgets['quoter.apply'], 'a violation comes with an Apply button');
    await clickWidget(page, state.widgets['quoter.apply']);
    state = await until(page, (s) => s.quote && s.quote.violations === 0, 'a compliant quote after Apply');
    assert.equal(state.widgets['quoter.apply'], undefined, 'no Apply button without a violation');
  }

  await clickWidget(page, state.widgets['quoter.offer']);
  state = await until(page, (s) => s.offers === 1, 'one recorded offer');
  assert.equal(state.selected, id);
  await page.screenshot({ path: join(output, 'quoter.png') });
  assert.deepEqual(errors, []);
});
