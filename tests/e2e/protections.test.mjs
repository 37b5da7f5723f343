// Protections from collection, in headless Chromium at a desktop size and a phone size, with the page's clock at
// noon in London: open an English account nothing was recorded for, record the Insolvency Service's notice of a
// breathing space from the contact panel's protection form, see the debtor held at once (SI 2020/1311 reg. 11) and
// the protection on the account panel, and find the event on the server. Screenshots go to tests/e2e/output/
// (protection-form-<size>.png, protection-recorded-<size>.png). On a New York account the form warns that no US rule
// holds a breathing space (protection-unheld-<size>.png). Needs PARLEY_URL (scripts/e2e.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  accountEvents, clickInPanel, getPortfolio, openAccountWithoutEvents, output, readState, scrollIntoView, sizes,
  typeInPanel, until, useChromium,
} from './harness.mjs';

const chromium = useChromium();

// The day `days` after the ISO date `iso`.
function plusDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

for (const [size, viewport] of sizes) {
  test(`protections at ${size} size: a breathing space recorded from the panel holds the debtor`, async (t) => {
    const portfolio = await getPortfolio();
    const { page, errors } = await chromium.newPage(t, { viewport,
      fixedTime: new Date(`${portfolio.as_of}T12:00:00Z`) });
    const { id, debtor } = await openAccountWithoutEvents(page, portfolio, 'gb-eng');
    let state = await readState(page);
    assert.ok(!state.contact.reasons.includes('gb-breathing-space'));

    // The notice: a breathing space from today (the form's default) for 60 days, with its reference.
    const lastDay = plusDays(portfolio.as_of, 59);
    await clickInPanel(page, 'contact.protection');
    await until(page, (s) => s.widgets['contact.protection.ends'], 'the protection form');
    await typeInPanel(page, 'contact.protection.ends', lastDay);
    await typeInPanel(page, 'contact.protection.reference', 'BS-4417');
    await scrollIntoView(page, 'contact.panel', 'contact.protection.record');
    assert.equal((await until(page, (s) => s.widgets['contact.protection.record'], 'the form')).widgets[
      'contact.protection.unheld'], undefined, 'the UK pack holds a breathing space: no warning');
    await page.screenshot({ path: join(output, `protection-form-${size}.png`) });
    await clickInPanel(page, 'contact.protection.record');
    state = await until(page, (s) => s.contact?.finished?.startsWith('Recorded: breathing space') &&
      s.contact.reasons.includes('gb-breathing-space'), 'the notice recorded and the debtor held');
    assert.equal(state.contact.allowed, false);
    assert.deepEqual(state.contact.problems, []);
    assert.equal(state.account.protections.length, 1);
    assert.ok(state.account.protections[0].endsWith(`to ${lastDay} (BS-4417): in force`),
      state.account.protections[0]);
    await scrollIntoView(page, 'contact.panel', 'contact.banner');
    await page.screenshot({ path: join(output, `protection-recorded-${size}.png`) });

    const stopAt = Date.now() + 15000;
    while ((await accountEvents(id)).length < 1 && Date.now() < stopAt) await page.waitForTimeout(100);
    const events = await accountEvents(id);
    assert.deepEqual(events.map((e) => e.type), ['protection-reported']);
    assert.deepEqual(events[0].payload, { party_id: debtor.id, protection: 'breathing-space',
      starts: portfolio.as_of, ends: lastDay, reference: 'BS-4417' });
    assert.deepEqual(errors, []);
  });
}

for (const [size, viewport] of sizes) {
  test(`protections at ${size} size: the form warns that no US rule holds a breathing space`, async (t) => {
    const portfolio = await getPortfolio();
    const { page, errors } = await chromium.newPage(t, { viewport,
      fixedTime: new Date(`${portfolio.as_of}T17:00:00Z`) });
    await openAccountWithoutEvents(page, portfolio, 'us-ny');
    await clickInPanel(page, 'contact.protection');
    await until(page, (s) => s.widgets['contact.protection.unheld'], 'the warning that no US rule holds it');
    await scrollIntoView(page, 'contact.panel', 'contact.protection.unheld');
    await page.screenshot({ path: join(output, `protection-unheld-${size}.png`) });
    assert.deepEqual(errors, []);
  });
}
