// A payment taken on a call, in headless Chromium at a desktop size and a phone size, with the page's clock at 15:00
// in New York (inside calling hours from New York to Hawaii): open a New York account nothing was recorded for,
// call the debtor, verify them, take a card payment through the sandbox processor, see it confirmed with the card's
// last four only, and find the payment on the server without the card's number. Screenshots go to
// tests/e2e/output/ (payment-form-<size>.png, payment-taken-<size>.png). Needs PARLEY_URL (scripts/e2e.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  accountEvents, callableAndVerifiable, clickInPanel, getPortfolio, openAccountWithoutEvents, output, readState,
  scrollIntoView, sizes, typeInPanel, until, useChromium,
} from './harness.mjs';

const chromium = useChromium();

for (const [size, viewport] of sizes) {
  test(`payment at ${size} size: a card payment taken on a verified call`, async (t) => {
    const portfolio = await getPortfolio();
    const { page, errors } = await chromium.newPage(t, { viewport,
      fixedTime: new Date(`${portfolio.as_of}T20:00:00Z`) });
    const { id, debtor } = await openAccountWithoutEvents(page, portfolio, 'us-ny', callableAndVerifiable);
    let state = await until(page, (s) => s.contact?.allowed === true && s.widgets['contact.call'],
      'a call allowed to the debtor');
    assert.equal(state.contact.party, debtor.id);

    await clickInPanel(page, 'contact.call');
    state = await until(page, (s) => s.contact?.session?.state === 'unverified' && s.widgets['contact.verify'],
      'an unverified attempt');
    await typeInPanel(page, 'contact.answer.birth-date', debtor.birth_date);
    await typeInPanel(page, 'contact.answer.postal-code',
      debtor.addresses.find((a) => a.status === 'current' && a.postal_code).postal_code);
    await clickInPanel(page, 'contact.verify');
    await until(page, (s) => s.contact?.session?.state === 'verified' && s.widgets['contact.payment'],
      'a verified party and the payment form');

    await clickInPanel(page, 'contact.payment');
    await until(page, (s) => s.widgets['contact.payment.card'], 'the payment form open');
    await typeInPanel(page, 'contact.payment.amount', '25.00');
    await typeInPanel(page, 'contact.payment.card', '4111 1111 1111 1111');
    await typeInPanel(page, 'contact.payment.expiry', '12/30');
    await typeInPanel(page, 'contact.payment.code', '123');
    await scrollIntoView(page, 'contact.panel', 'contact.payment.charge');
    await page.screenshot({ path: join(output, `payment-form-${size}.png`) });
    await clickInPanel(page, 'contact.payment.charge');
    state = await until(page, (s) => s.contact?.finished?.startsWith('Payment taken'), 'the payment taken');
    assert.match(state.contact.finished,
      /^Payment taken: \$25\.00 by card ending 1111; receipt sandbox-ch-\d+ \(sandbox: no money moved\)$/);
    assert.deepEqual(state.contact.problems, []);
    await until(page, (s) => s.widgets['contact.payment.result'], 'the answer shown under the form');
    await scrollIntoView(page, 'contact.panel', 'contact.payment.result');
    await page.screenshot({ path: join(output, `payment-taken-${size}.png`) });

    const stopAt = Date.now() + 15000;
    const paid = async () => (await accountEvents(id)).filter((e) => e.type === 'payment-posted');
    while ((await paid()).length < 1 && Date.now() < stopAt) await page.waitForTimeout(100);
    const [payment] = await paid();
    assert.ok(payment, 'the payment reached the server');
    assert.equal(payment.payload.amount, 2500);
    assert.equal(payment.payload.instrument.kind, 'card');
    assert.equal(payment.payload.instrument.last_four, '1111');
    assert.equal(payment.payload.instrument.processor, 'sandbox');
    assert.ok(!JSON.stringify(payment).includes('4111111111111111'), 'the number never leaves the page');
    assert.equal((await readState(page)).contact.session?.state, 'verified', 'the call goes on');
    assert.deepEqual(errors, []);
  });
}
