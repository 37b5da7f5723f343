// The plan quoter in headless Chromium against the reference server: open an account, let the quoter quote it,
// apply the suggested plan while the policy finds a violation, then Offer and see the offer counted. Needs
// PARLEY_URL (scripts/e2e.sh). The test hook is window.parley.state() (shell/include/parley/shell/app.h).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  clickWhenSteady, clickWidget, loadQueue, output, press, queueRows, readState, rowAccount, rowWithoutEvents, until,
  untilSteadyRows, useChromium,
} from './harness.mjs';

const chromium = useChromium();

test('quoter: select an account, apply the suggestion if needed, offer once', async (t) => {
  const { page, errors } = await chromium.newPage(t);
  const loaded = await loadQueue(page, 'queue.table');
  const [rowName, row] = queueRows(loaded)[0];
  const id = rowAccount(rowName);
  await clickWidget(page, row);

  let state = await until(page, (s) => s.selected === id && s.quote && s.widgets['quoter.offer'], 'quote of ' + id);
  assert.equal(state.offers, 0, 'no offer before Offer is clicked');
  assert.ok(state.quote.instalments > 0 && state.quote.total_of_payments > 0, JSON.stringify(state.quote));
  assert.ok(state.widgets['quoter.schedule'], 'the schedule table is drawn');

  if (state.quote.violations > 0) {
    assert.ok(state.widgets['quoter.apply'], 'a violation comes with an Apply button');
    await clickWhenSteady(page, 'quoter.apply');
    state = await until(page, (s) => s.quote && s.quote.violations === 0, 'a compliant quote after Apply');
    assert.equal(state.widgets['quoter.apply'], undefined, 'no Apply button without a violation');
  }

  await clickWhenSteady(page, 'quoter.offer');
  state = await until(page, (s) => s.offers === 1, 'one recorded offer');
  assert.equal(state.selected, id);
  await page.screenshot({ path: join(output, 'quoter.png') });
  assert.deepEqual(errors, []);
});

// Presses `key` until the quoter reports `name` as the widget with keyboard focus; fails after `limit` presses.
async function pressUntilFocused(page, key, name, limit = 40) {
  for (let i = 0; i < limit; i += 1) {
    const s = await readState(page);
    if (s?.quote?.focus === name) return s;
    await press(page, key);
  }
  const s = await readState(page);
  assert.equal(s?.quote?.focus, name, `${key} x${limit} did not reach ${name}`);
  return s;
}

test('quoter from the keyboard: US calendar, term by arrows, settlement by Space, Apply, Offer', async (t) => {
  const { page, errors } = await chromium.newPage(t);
  const loaded = await loadQueue(page, 'queue.filter');

  // A US account: filter the queue by jurisdiction (the whole text applied, not the first letters of it), open the
  // first row whose account nothing has been recorded for (the first test here offers on the queue's top row).
  await clickWidget(page, loaded.widgets['queue.filter']);
  await page.keyboard.type('us-');
  const filtered = await untilSteadyRows(page, (s) => s.filter === 'us-' && queueRows(s).length > 0 &&
    queueRows(s).length < s.accounts, 'queue filtered by us-');
  const [rowName] = await rowWithoutEvents(queueRows(filtered));
  const id = rowAccount(rowName);
  await clickWhenSteady(page, rowName);

  // The account's calendar arrives from calendars/ and due dates follow the next business day.
  let state = await until(page, (s) => s.selected === id && s.quote?.calendar === 'US-FEDERAL' &&
    s.widgets['quoter.down_payment'], 'a quote of ' + id + ' with the US-FEDERAL calendar');
  assert.equal(state.quote.day_roll, 'following');
  assert.equal(state.quote.kind, 'instalments');
  const term = state.quote.instalments;
  assert.ok(term > 3, JSON.stringify(state.quote));

  // Keyboard focus goes into the quoter once; every step after this is a key.
  await clickWidget(page, state.widgets['quoter.down_payment']);
  await press(page, 'Escape');

  // Term: arrow down to its slider, Space holds it, Left x3, Space releases it.
  await pressUntilFocused(page, 'ArrowDown', 'quoter.term');
  await press(page, 'Space');
  for (let i = 0; i < 3; i += 1) await press(page, 'ArrowLeft');
  await press(page, 'Space');
  state = await until(page, (s) => s.quote?.instalments === term - 3, `${term - 3} instalments after Left x3`);

  // Mode: up to the radio buttons, right to Settlement, Space.
  await pressUntilFocused(page, 'ArrowUp', 'quoter.mode.plan');
  await press(page, 'ArrowRight');
  await pressUntilFocused(page, 'ArrowRight', 'quoter.mode.settlement', 2);
  await press(page, 'Space');
  state = await until(page, (s) => s.quote?.kind === 'settlement', 'a settlement quote');
  assert.equal(state.quote.violations, 0, 'the settlement opens at an amount the collector may agree alone');
  assert.equal(state.quote.calendar, 'US-FEDERAL');

  // Amount: its slider, Space, Left x25 (1 % of the balance each), Space: below what a supervisor may approve.
  await pressUntilFocused(page, 'ArrowDown', 'quoter.settlement_amount');
  await press(page, 'Space');
  for (let i = 0; i < 25; i += 1) await press(page, 'ArrowLeft');
  await press(page, 'Space');
  state = await until(page, (s) => s.quote?.violations >= 1 && s.widgets['quoter.apply'], 'a below-floor violation');
  assert.equal(state.offers, 0);

  // Apply with Enter: the lowest amount the collector may agree alone, so neither a violation nor an approval.
  await pressUntilFocused(page, 'ArrowDown', 'quoter.apply');
  await press(page, 'Enter');
  state = await until(page, (s) => s.quote?.violations === 0 && s.quote.approvals === 0, 'the applied settlement');
  assert.equal(state.quote.kind, 'settlement');

  // Offer with Enter.
  await pressUntilFocused(page, 'ArrowDown', 'quoter.offer');
  await press(page, 'Enter');
  state = await until(page, (s) => s.offers === 1, 'one recorded settlement offer');
  assert.equal(state.selected, id);
  await page.screenshot({ path: join(output, 'quoter-keyboard.png') });
  assert.deepEqual(errors, []);
});
