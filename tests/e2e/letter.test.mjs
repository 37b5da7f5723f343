// The letter channel in headless Chromium, at a desktop size and a phone size: open a US account nothing was
// recorded for, pick the letter channel, record the validation notice the rule pack names, and see it in the account
// panel's timeline and on the server. Screenshots of the queue, the account panel and the recorded letter at each
// size go to tests/e2e/output/ (queue-<size>.png, account-<size>.png, letter-<size>.png, timeline-<size>.png). Needs PARLEY_URL
// (scripts/e2e.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  accountEvents, clickWhenSteady, clickWidget, getPortfolio, loadQueue, output, queueRows, rowAccount,
  rowWithoutEvents, scrollIntoView, sizes, until, untilSteadyRows, useChromium,
} from './harness.mjs';

const chromium = useChromium();

for (const [size, viewport] of sizes) {
  test(`letter at ${size} size: letter channel, validation notice recorded, shown in the timeline`, async (t) => {
    const { page, errors } = await chromium.newPage(t, { viewport });
    const loaded = await loadQueue(page, 'queue.filter');
    await clickWidget(page, loaded.widgets['queue.filter'], { nearLeft: true });
    await page.keyboard.type('us-');
    const filtered = await untilSteadyRows(page, (s) => s.filter === 'us-' && queueRows(s).length > 0,
      'queue filtered by us-');
    await page.screenshot({ path: join(output, `queue-${size}.png`) });

    // A debtor whose first address is current and takes letters (the letter goes there).
    const portfolio = await getPortfolio();
    const mailable = (rowId) => {
      const debtor = portfolio.accounts.find((a) => a.id === rowId)?.parties.find((p) => p.role === 'debtor');
      const address = debtor?.addresses?.[0];
      return Boolean(address && address.status === 'current' && address.consent_mail);
    };
    const [rowName] = await rowWithoutEvents(queueRows(filtered), mailable);
    const id = rowAccount(rowName);
    await clickWhenSteady(page, rowName, { nearLeft: true });
    let state = await until(page, (s) => s.selected === id && s.account?.id === id &&
      s.contact?.templates?.length > 0 && s.widgets['contact.channel'], 'the account panel of ' + id);
    assert.equal(state.contact.channel, 'phone');
    assert.ok(state.contact.templates.includes('validation-notice'), JSON.stringify(state.contact));
    assert.deepEqual(state.account.timeline, []);
    await page.screenshot({ path: join(output, `account-${size}.png`) });

    // The channel list, then its Letter item.
    await clickWhenSteady(page, 'contact.channel', { nearLeft: true });
    await until(page, (s) => s.widgets['contact.channel.letter'], 'the open channel list');
    await clickWhenSteady(page, 'contact.channel.letter', { nearLeft: true });
    state = await until(page, (s) => s.contact?.channel === 'letter' && s.widgets['contact.letter'],
      'the letter channel');
    assert.equal(state.contact.allowed, true, JSON.stringify(state.contact));

    await clickWhenSteady(page, 'contact.letter', { nearLeft: true });
    state = await until(page, (s) => s.account?.timeline?.length === 1 && s.contact?.finished !== '',
      'the letter in the timeline');
    assert.match(state.contact.finished, /validation-notice/);
    assert.deepEqual(state.contact.problems, []);
    await page.screenshot({ path: join(output, `letter-${size}.png`) });

    // The account panel scrolled by the wheel down to its timeline, which shows the letter.
    state = await scrollIntoView(page, 'account.panel', 'account.timeline');
    assert.match(state.account.timeline[0], /etter/);
    await page.screenshot({ path: join(output, `timeline-${size}.png`) });

    // The bridge sends it to the server, which stores it.
    const stored = async () => (await accountEvents(id)).filter((e) => e.type === 'letter-issued');
    const stopAt = Date.now() + 15000;
    while ((await stored()).length === 0 && Date.now() < stopAt) await page.waitForTimeout(100);
    const letters = await stored();
    assert.equal(letters.length, 1);
    assert.equal(letters[0].payload.template_id, 'validation-notice');
    assert.equal(letters[0].payload.template_version, 'external');
    assert.match(letters[0].payload.document_digest, /^[0-9a-f]{64}$/);
    assert.deepEqual(errors, []);
  });
}
