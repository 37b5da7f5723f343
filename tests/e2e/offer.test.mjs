// An offer made in the browser reaches the server and comes back: offer while offline (kept in the outbox), go
// online (sent and accepted by the server's re-quote), see it in GET /api/accounts/<id>/events, reload and open
// a fresh browser profile: the offer is shown again, from the server. Needs PARLEY_URL (scripts/e2e.sh). The test
// hook is window.parley.state() (shell/include/parley/shell/app.h).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  accountEvents, base, clickWhenSteady, clickWidget, loadQueue, output, queueRows, rowAccount, typeInto,
  until as untilWithin, useChromium,
} from './harness.mjs';

const chromium = useChromium();

// Every wait in this file allows 20 s (the harness's default is 15 s).
const until = (page, ok, description, timeoutMs = 20000) => untilWithin(page, ok, description, timeoutMs);

// Loads the app and opens account `id` (found with the queue filter), or the third queue row when id is null;
// returns [id, state].
async function openAccount(page, id) {
  const loaded = await loadQueue(page, 'queue.table', 20000);
  let rows = queueRows(loaded);
  if (id !== null) {
    await typeInto(page, loaded.widgets['queue.filter'], id);
    rows = queueRows(await until(page, (s) => s.filter === id && queueRows(s).length === 1, `the row of ${id} alone`));
  }
  // The third row: the quoter test offers on the first one, against the same server.
  const [rowName, row] = id === null ? rows[2] : rows.find(([name]) => name === 'queue.row.' + id);
  assert.ok(row, `row of ${id} is visible`);
  const chosen = rowAccount(rowName);
  await clickWidget(page, row);
  const state = await until(page, (s) => s.selected === chosen && s.quote && s.widgets['quoter.offer'],
    'quoter of ' + chosen);
  return [chosen, state];
}

let offered = null;  // the account the first test made its offer on

test('offer: recorded offline, accepted by the server once online, shown again after reload', async (t) => {
  // Page errors only: requests failing while offline show up as console errors.
  const { context, page, errors } = await chromium.newPage(t, { consoleErrors: false });

  let [id, state] = await openAccount(page, null);
  assert.equal(state.offers, 0, 'no offer on this account yet');
  assert.deepEqual(await accountEvents(id), []);
  if (state.quote.violations > 0) {
    await clickWhenSteady(page, 'quoter.apply');
    state = await until(page, (s) => s.quote && s.quote.violations === 0, 'a compliant quote after Apply');
  }

  // Offline: the offer is recorded and waits in the outbox.
  await context.setOffline(true);
  await clickWhenSteady(page, 'quoter.offer');
  state = await until(page, (s) => s.offers === 1, 'one recorded offer');
  assert.deepEqual(state.offer_sync, ['unsent']);
  await page.waitForTimeout(1500);  // a few failed attempts
  assert.deepEqual((await until(page, (s) => s.offers === 1, 'the offer still there')).offer_sync, ['unsent']);
  assert.equal((await page.evaluate(() => window.parley.outbox())).length, 1);
  assert.deepEqual(await accountEvents(id), [], 'nothing reached the server while offline');

  // Online again: sent, re-quoted by the server and accepted.
  await context.setOffline(false);
  state = await until(page, (s) => s.offer_sync?.[0] === 'accepted', 'the server accepting the offer');
  assert.equal((await page.evaluate(() => window.parley.outbox())).length, 0, 'the outbox is empty');
  const events = await accountEvents(id);
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'plan-accepted');
  assert.equal(events[0].account_id, id);
  assert.match(events[0].payload.quote_digest, /^[0-9a-f]{64}$/);
  offered = id;
  await page.screenshot({ path: join(output, 'offer-accepted.png') });

  // Reload: the offer comes back from the server.
  [id, state] = await openAccount(page, id);
  state = await until(page, (s) => s.offers === 1 && s.offer_sync?.[0] === 'accepted', 'the offer after reload');

  // A fresh profile (no outbox, no local storage) sees it too.
  const { page: other } = await chromium.newPage(t);
  await openAccount(other, id);
  await until(other, (s) => s.offers === 1 && s.offer_sync?.[0] === 'accepted', 'the offer in a fresh profile');
  assert.equal((await accountEvents(id)).length, 1, 'still one event: nothing was sent twice');
  assert.deepEqual(errors, []);
});

test('offer: the server refuses a tampered offer, and the bridge reports it without blocking the queue', async (t) => {
  assert.ok(offered, 'the first test made an offer');
  const { page } = await chromium.newPage(t);
  const [id] = await openAccount(page, offered);
  const held = await accountEvents(id);
  assert.ok(held.length >= 1, 'the first test stored an offer here');

  // A copy of the stored offer under a new id with one digit of the digest changed.
  const tampered = structuredClone(held[0]);
  tampered.id = 'ffffffffffffffffffffffffffff0001';
  tampered.payload.quote_digest = (tampered.payload.quote_digest[0] === '0' ? '1' : '0') +
    tampered.payload.quote_digest.slice(1);
  const res = await fetch(`${base}/api/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-ndjson' },
    body: JSON.stringify(held[0]) + '\n' + JSON.stringify(tampered) + '\n',
  });
  assert.equal(res.status, 422);
  const refusal = await res.json();
  assert.equal(refusal.index, 1);
  assert.equal(refusal.id, tampered.id);
  assert.equal(refusal.problems[0].path, 'payload.quote_digest');
  assert.equal((await accountEvents(id)).length, held.length, 'nothing of the batch was stored');

  // Through the bridge's outbox: the refused event leaves the outbox, the valid one behind it is acknowledged.
  await page.evaluate(([bad, good]) => {
    window.parley.publish(bad);
    window.parley.publish(good);
  }, [JSON.stringify(tampered), JSON.stringify(held[0])]);
  const stopAt = Date.now() + 10000;
  while ((await page.evaluate(() => window.parley.outbox().length)) > 0) {
    assert.ok(Date.now() < stopAt, 'the outbox empties');
    await page.waitForTimeout(50);
  }
  assert.equal((await accountEvents(id)).length, held.length);
});
