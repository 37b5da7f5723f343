// The collector's desk in headless Chromium, at a desktop size and a phone size, with the page's clock at noon in
// New York on the portfolio's date: the queue opens in the strategy's order, Alt+G (get-next) opens the first
// account compliance lets the collector call and lists the accounts it passed over with their reasons; after a call
// with no answer, get-next moves on to another account. Screenshots go to tests/e2e/output/ (desk-<size>.png,
// desk-skipped-<size>.png, desk-moved-<size>.png). Needs PARLEY_URL (scripts/e2e.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  clickInPanel, clickWhenSteady, getPortfolio, loadQueue, output, press, sizes, until, useChromium,
} from './harness.mjs';

const chromium = useChromium();

for (const [size, viewport] of sizes) {
  test(`desk at ${size} size: get-next opens the first callable account, lists the skipped, moves on`, async (t) => {
    const portfolio = await getPortfolio();
    const { page, errors } = await chromium.newPage(t, { viewport,
      fixedTime: new Date(`${portfolio.as_of}T17:00:00Z`) });
    let state = await loadQueue(page, 'queue.next');
    assert.equal(state.desk.asked, false);
    assert.deepEqual(state.desk.problems, []);
    assert.equal(state.desk.top.length, 10);
    await page.screenshot({ path: join(output, `desk-${size}.png`) });

    // Alt+G: the first account that may be called is opened; every account above it was skipped with a reason.
    await press(page, 'KeyG', ['Alt']);
    state = await until(page, (s) => s.desk?.asked && s.desk.next !== '' && s.selected === s.desk.next &&
      s.contact?.party && s.widgets['contact.call'], 'the account get-next opened');
    const first = state.desk.next;
    assert.equal(state.contact.allowed, true, JSON.stringify(state.contact));
    for (const skipped of state.desk.skipped) {
      assert.ok(skipped.reasons.length > 0, JSON.stringify(skipped));
      assert.notEqual(skipped.account, first);
    }
    const position = state.desk.top.indexOf(first);
    if (position >= 0) {
      assert.deepEqual(state.desk.skipped.slice(0, position).map((k) => k.account), state.desk.top.slice(0, position),
        'the skipped accounts are the ones above it, in order');
    }
    await page.screenshot({ path: join(output, `desk-skipped-${size}.png`) });

    // A call with no answer (Alt+N); get-next is not open during the call.
    await clickInPanel(page, 'contact.call');
    state = await until(page, (s) => s.contact?.session?.state === 'unverified', 'an attempt in progress');
    await press(page, 'KeyN', ['Alt']);
    state = await until(page, (s) => s.contact && s.contact.session === null && s.contact.finished !== '',
      'no answer recorded');

    // Back to the queue on a phone, then get-next again: the account just called rests; another one comes next.
    if (state.widgets['account.back']) await clickWhenSteady(page, 'account.back', { nearLeft: true });
    await until(page, (s) => s.widgets['queue.next'], 'the Get next button');
    await press(page, 'KeyG', ['Alt']);
    state = await until(page, (s) => s.desk?.next !== '' && s.desk.next !== first && s.selected === s.desk.next,
      'get-next moving on from ' + first);
    await page.screenshot({ path: join(output, `desk-moved-${size}.png`) });
    assert.deepEqual(errors, []);
  });
}
