// The contact workflow in headless Chromium against the reference server, with the page's clock fixed at noon in
// New York: find a New York debtor through the queue filter, see the compliance banner allow a call, start it,
// see the debt details hidden, verify the debtor with two answers, record a right-party contact with Alt+R, and see
// the banner block the next call (and a click on Call show why instead of starting one). Needs PARLEY_URL
// (scripts/e2e.sh). The test hook is window.parley.state() (shell/include/parley/shell/app.h, "contact").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { clickWidget, getPortfolio, loadQueue, output, press, queueRows, typeInto, until, useChromium } from './harness.mjs';

const chromium = useChromium();

// Every click here lands at most 30 px from a widget's left edge (a queue row is as wide as the table).
const click = (page, rect) => clickWidget(page, rect, { nearLeft: true });

// A debtor in New York's zone with a date of birth, a current address and a phone that may be called, in a US
// jurisdiction other than Massachusetts (whose two-calls-a-week rule is not what this test is about).
function newYorkAccount(portfolio) {
  for (const account of portfolio.accounts) {
    if (!account.jurisdiction.startsWith('US-') || account.jurisdiction === 'US-MA') continue;
    const debtor = account.parties.find((p) => p.role === 'debtor');
    const address = debtor?.addresses?.[0];
    if (!debtor?.birth_date || !address || address.time_zone !== 'America/New_York') continue;
    if (address.status !== 'current' || !address.postal_code) continue;
    if (!debtor.phones?.some((p) => p.consent_call && p.status !== 'bad')) continue;
    return { account, debtor, address };
  }
  return null;
}

test('contact: banner, call, verification gate, outcome by Alt+R, then the next call is blocked', async (t) => {
  const portfolio = await getPortfolio();
  const found = newYorkAccount(portfolio);
  assert.ok(found, 'the demo portfolio has a New York debtor');
  const { account, debtor, address } = found;

  // Noon in New York (EST in November) on the portfolio's date: inside the calling hours whenever the test runs.
  const { page, errors } = await chromium.newPage(t, { fixedTime: new Date(`${portfolio.as_of}T17:00:00Z`) });
  let state = await loadQueue(page, 'queue.filter');
  await typeInto(page, state.widgets['queue.filter'], account.id);
  // Only that row is left once every typed key has reached a frame.
  state = await until(page, (s) => queueRows(s).length === 1 && s.widgets[`queue.row.${account.id}`],
    `the row of ${account.id} alone`);
  await click(page, state.widgets[`queue.row.${account.id}`]);

  // The banner: allowed, for the debtor, by phone, once the rule packs are in.
  state = await until(page, (s) => s.selected === account.id && s.contact?.allowed === true, 'an allowed banner');
  assert.equal(state.contact.party, debtor.id);
  assert.equal(state.contact.channel, 'phone');
  assert.deepEqual(state.contact.reasons, []);
  assert.ok(state.widgets['contact.banner'] && state.widgets['contact.call'], 'banner and Call are drawn');
  assert.ok(state.widgets['quoter.panel'], 'the quoter is shown outside an attempt');

  // Call: the attempt starts unverified; the debt details are hidden.
  await click(page, state.widgets['contact.call']);
  state = await until(page, (s) => s.contact?.session?.state === 'unverified' && s.widgets['contact.verify'],
    'an unverified attempt');
  assert.equal(state.contact.events, 1, 'the attempt is in the journal');
  assert.equal(state.contact.debt_hidden, true);
  assert.equal(state.widgets['quoter.panel'], undefined, 'no quoter before verification');
  assert.ok(state.widgets['account.debt_hidden'], 'the account panel says the debt is hidden');

  // Verify with the date of birth and the postal code.
  await typeInto(page, state.widgets['contact.answer.birth-date'], debtor.birth_date);
  await typeInto(page, state.widgets['contact.answer.postal-code'], address.postal_code);
  await click(page, state.widgets['contact.verify']);
  state = await until(page, (s) => s.contact?.session?.state === 'verified', 'a verified party');
  assert.equal(state.contact.debt_hidden, false);
  await until(page, (s) => s.widgets['quoter.panel'], 'the quoter back after verification');
  await page.screenshot({ path: join(output, 'contact-verified.png') });

  // Alt+R: right-party contact. Keys are held for a few frames so the frame loop sees them down.
  await press(page, 'KeyR', ['Alt']);
  state = await until(page, (s) => s.contact && s.contact.session === null && s.contact.events === 3,
    'the outcome recorded (attempt, verification, outcome)');

  // The after-conversation rule now blocks the next call (the banner is redrawn the frame after the outcome), and
  // Call shows why instead of starting one.
  state = await until(page, (s) => s.contact?.allowed === false && s.widgets['contact.call'], 'a blocked banner');
  assert.ok(state.contact.reasons.includes('us-after-conversation'), JSON.stringify(state.contact.reasons));
  assert.ok(state.contact.next_allowed?.debtor?.[0]?.includes('America/New_York'), JSON.stringify(state.contact));
  assert.ok(state.contact.next_allowed?.collector, 'the next allowed time in the collector\'s zone');
  await click(page, state.widgets['contact.call']);
  state = await until(page, (s) => Array.isArray(s.contact?.refused) && s.widgets['contact.refused'],
    'the refusal shown');
  assert.ok(state.contact.refused.includes('us-after-conversation'));
  assert.equal(state.contact.session, null);
  assert.equal(state.contact.events, 3, 'no new attempt');
  await page.screenshot({ path: join(output, 'contact.png') });
  assert.deepEqual(errors, []);
});
