// What reaches the agency in writing, in headless Chromium at a desktop size and a phone size, with the page's clock
// at noon in New York: open a New York account nothing was recorded for, record from the contact panel a dispute
// that came by letter today with the consumer's words, see collection paused at once (15 U.S.C. 1692g(b), 12 CFR
// 1006.38(d)(2)), and find the event on the server with its medium. Screenshots go to tests/e2e/output/
// (written-form-<size>.png, written-recorded-<size>.png). Needs PARLEY_URL (scripts/e2e.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  accountEvents, clickInPanel, getPortfolio, openAccountWithoutEvents, output, readState, scrollIntoView, sizes,
  typeInPanel, until, useChromium,
} from './harness.mjs';

const chromium = useChromium();

for (const [size, viewport] of sizes) {
  test(`correspondence at ${size} size: a dispute received by letter pauses collection`, async (t) => {
    const portfolio = await getPortfolio();
    const { page, errors } = await chromium.newPage(t, { viewport,
      fixedTime: new Date(`${portfolio.as_of}T17:00:00Z`) });
    const { id, debtor } = await openAccountWithoutEvents(page, portfolio, 'us-ny');
    let state = await readState(page);
    assert.ok(!state.contact.reasons.includes('us-dispute-validation'), JSON.stringify(state.contact));

    // The form: a dispute (the default), by letter (the default), received today (the default), in their words.
    await clickInPanel(page, 'contact.written');
    await until(page, (s) => s.widgets['contact.written.reason'], 'the correspondence form');
    await typeInPanel(page, 'contact.written.reason', 'Paid in full in 2024');
    await scrollIntoView(page, 'contact.panel', 'contact.written.record');
    await page.screenshot({ path: join(output, `written-form-${size}.png`) });
    await clickInPanel(page, 'contact.written.record');
    state = await until(page, (s) => s.contact?.finished?.startsWith('Recorded: a dispute') &&
      s.contact.reasons.includes('us-dispute-validation'), 'the dispute recorded and collection paused');
    assert.equal(state.contact.finished, `Recorded: a dispute received by letter on ${portfolio.as_of}`);
    assert.equal(state.contact.allowed, false);
    assert.deepEqual(state.contact.problems, []);
    await scrollIntoView(page, 'contact.panel', 'contact.banner');
    await page.screenshot({ path: join(output, `written-recorded-${size}.png`) });

    const stopAt = Date.now() + 15000;
    while ((await accountEvents(id)).length < 1 && Date.now() < stopAt) await page.waitForTimeout(100);
    const events = await accountEvents(id);
    assert.deepEqual(events.map((e) => e.type), ['dispute-opened']);
    assert.deepEqual(events[0].payload, { party_id: debtor.id, reason: 'Paid in full in 2024',
      received: portfolio.as_of, via: 'letter' });
    assert.deepEqual(errors, []);
  });
}
