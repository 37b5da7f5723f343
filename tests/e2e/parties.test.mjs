// Parties learned of after placement, in headless Chromium at a desktop size and a phone size, with the page's clock
// at noon in New York: open a New York account nothing was recorded for, record an attorney's letter from the
// contact panel's add-party form (the attorney, its office number, email and address), see the attorney picked and
// the debtor held (12 CFR 1006.6(b)(2)), record the attorney's consent to direct contact from its button, then the
// debtor's revoking its consent to calls at its number, and find the six events on the server. Then, on another
// account, a neighbour recorded as a third party: called with the location script alone, and refused a second call
// once it answered (15 U.S.C. 1692b(3)) until the collector records why its answer seems wrong. And a spouse
// recorded from the panel, verified by the consumer's details it confirms (15 U.S.C. 1692c(d)). Screenshots go to
// tests/e2e/output/ (party-form-<size>.png, party-added-<size>.png, party-consent-<size>.png,
// party-revoked-<size>.png, third-party-script-<size>.png, third-party-once-<size>.png,
// third-party-reason-<size>.png, spouse-verified-<size>.png). Needs PARLEY_URL (scripts/e2e.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  accountEvents, callableAndVerifiable, clickInPanel, clickWhenSteady, getPortfolio, openAccountWithoutEvents, output,
  press, scrollIntoView, sizes, typeInPanel, until, useChromium,
} from './harness.mjs';

const chromium = useChromium();

// Records, from the add-party form, a party of the role at `roleIndex` in the role list (not an attorney) with its
// phone, told by a party; waits until it is recorded (P-ADDED-1), picked and callable, and returns that state.
async function addPartyFromPanel(page, roleIndex, given, family, phone) {
  const role = `contact.add_party.role.${roleIndex}`;
  await clickInPanel(page, 'contact.add_party');
  await until(page, (s) => s.widgets['contact.add_party.role'], 'the add-party form');
  await clickInPanel(page, 'contact.add_party.role');
  await until(page, (s) => s.widgets[role], 'the open role list');
  await clickWhenSteady(page, role, { nearLeft: true });
  await until(page, (s) => !s.widgets[role] && !s.widgets['contact.add_party.represents'],
    'the role chosen (no attorney fields)');
  await typeInPanel(page, 'contact.add_party.given_name', given);
  await typeInPanel(page, 'contact.add_party.family_name', family);
  await typeInPanel(page, 'contact.add_party.phone', phone);
  await clickInPanel(page, 'contact.add_party.source');
  await until(page, (s) => s.widgets['contact.add_party.source.2'], 'the open source list');
  await clickWhenSteady(page, 'contact.add_party.source.2', { nearLeft: true });
  await until(page, (s) => !s.widgets['contact.add_party.source.2'], 'the source chosen (its list closed)');
  await clickInPanel(page, 'contact.add_party.record');
  return until(page, (s) => s.contact?.finished?.startsWith('Party added') && s.contact.party === 'P-ADDED-1' &&
    s.contact.allowed === true, `${given} ${family} recorded and callable`);
}

// Opens a New York account nothing was recorded for (whose debtor can be called and verified, when `verifiable`);
// its id.
async function openNewYorkAccount(page, portfolio, verifiable = false) {
  return (await openAccountWithoutEvents(page, portfolio, 'us-ny', verifiable ? callableAndVerifiable : undefined)).id;
}

for (const [size, viewport] of sizes) {
  test(`parties at ${size} size: an attorney's letter recorded from the panel holds the debtor until it consents`,
    async (t) => {
      const portfolio = await getPortfolio();
      const { page, errors } = await chromium.newPage(t, { viewport,
        fixedTime: new Date(`${portfolio.as_of}T17:00:00Z`) });
      // Callable: the debtor's number takes calls, so that revoking that consent later is open.
      const id = await openNewYorkAccount(page, portfolio, true);
      const debtor = portfolio.accounts.find((a) => a.id === id).parties.find((p) => p.role === 'debtor');
      let state = await until(page, (s) => s.widgets['contact.add_party'], 'the contact panel');
      assert.ok(!state.contact.reasons.includes('us-attorney-representation'));

      // The form, filled in: the attorney represents the debtor (the default) and was learned of by its letter.
      await clickInPanel(page, 'contact.add_party');
      await until(page, (s) => s.widgets['contact.add_party.family_name'], 'the add-party form');
      await typeInPanel(page, 'contact.add_party.given_name', 'Lee');
      await typeInPanel(page, 'contact.add_party.family_name', 'Whitfield');
      await typeInPanel(page, 'contact.add_party.phone', '+12125550188');
      state = await until(page, (s) => s.widgets['contact.add_party.time_zone'], 'the zone box');
      await typeInPanel(page, 'contact.add_party.email', 'lee@whitfield-law.example');
      await typeInPanel(page, 'contact.add_party.street', '200 Broadway');
      await until(page, (s) => s.widgets['contact.add_party.city'], 'the address fields');
      await typeInPanel(page, 'contact.add_party.city', 'New York');
      await typeInPanel(page, 'contact.add_party.region', 'NY');
      await typeInPanel(page, 'contact.add_party.postal_code', '10038');
      await scrollIntoView(page, 'contact.panel', 'contact.add_party.record');
      await page.screenshot({ path: join(output, `party-form-${size}.png`) });
      await clickInPanel(page, 'contact.add_party.record');
      state = await until(page, (s) => s.contact?.finished?.startsWith('Party added'), 'the party recorded');
      assert.equal(state.contact.finished, 'Party added: attorney Lee Whitfield (P-ADDED-1)');
      assert.deepEqual(state.contact.problems, []);
      state = await until(page, (s) => s.contact?.party === 'P-ADDED-1', 'the attorney picked');
      assert.deepEqual(state.contact.points, ['+12125550188']);
      await scrollIntoView(page, 'contact.panel', 'contact.banner');
      await page.screenshot({ path: join(output, `party-added-${size}.png`) });

      // The debtor: held, communication goes to the attorney.
      await clickInPanel(page, 'contact.party');
      await until(page, (s) => s.widgets[`contact.party.${debtor.id}`], 'the open party list');
      await clickWhenSteady(page, `contact.party.${debtor.id}`, { nearLeft: true });
      state = await until(page, (s) => s.contact?.party === debtor.id, 'the debtor picked');
      assert.equal(state.contact.allowed, false);
      assert.ok(state.contact.reasons.includes('us-attorney-representation'), JSON.stringify(state.contact));

      // The attorney consents to direct contact: the debtor is no longer held by the representation.
      await clickInPanel(page, 'contact.attorney.P-ADDED-1.consent');
      // (The hook's banner is the one drawn: the frame after the action's.)
      state = await until(page, (s) => s.contact?.finished?.startsWith('Recorded: the attorney consents') &&
        !s.contact.reasons.includes('us-attorney-representation'), 'the consent recorded, the debtor not held');
      assert.equal(state.contact.party, debtor.id);
      await scrollIntoView(page, 'contact.panel', 'contact.banner');
      await page.screenshot({ path: join(output, `party-consent-${size}.png`) });

      // The debtor then says not to call that number: consent revoked, the banner blocks calls to it.
      const number = state.contact.point;
      await clickInPanel(page, 'contact.consent');
      state = await until(page, (s) => s.contact?.finished === `Consent revoked: phone at ${number}` &&
        s.contact.reasons.includes('no-consent'), 'the consent revoked and the number blocked');
      assert.equal(state.contact.allowed, false);
      await scrollIntoView(page, 'contact.panel', 'contact.consent');
      await page.screenshot({ path: join(output, `party-revoked-${size}.png`) });

      // The bridge sends the six events to the server, which stores them.
      const stopAt = Date.now() + 15000;
      while ((await accountEvents(id)).length < 6 && Date.now() < stopAt) await page.waitForTimeout(100);
      const events = await accountEvents(id);
      assert.deepEqual(events.map((e) => e.type), ['party-added', 'contact-point-added', 'contact-point-added',
        'contact-point-added', 'representation-changed', 'consent-changed']);
      assert.equal(events[5].payload.given, false);
      assert.equal(events[0].payload.represents, debtor.id);
      assert.equal(events[0].payload.source, 'attorney-letter');
      assert.equal(events[1].payload.phone.number, '+12125550188');
      assert.deepEqual(events[2].payload.email, { address: 'lee@whitfield-law.example', consent_email: true });
      assert.deepEqual(events[3].payload.address, { lines: ['200 Broadway'], city: 'New York', region: 'NY',
        postal_code: '10038', country: 'US', time_zone: debtor.addresses[0].time_zone, consent_mail: true });
      assert.equal(events[4].payload.direct_contact, true);
      assert.deepEqual(errors, []);
    });
}

for (const [size, viewport] of sizes) {
  test(`parties at ${size} size: a neighbour recorded as a third party is asked for the location once`, async (t) => {
    const portfolio = await getPortfolio();
    const { page, errors } = await chromium.newPage(t, { viewport,
      fixedTime: new Date(`${portfolio.as_of}T17:00:00Z`) });
    const id = await openNewYorkAccount(page, portfolio);
    let state = await addPartyFromPanel(page, 8, 'Robin', 'Hale', '+12125550177');
    assert.equal(state.contact.finished, 'Party added: third-party Robin Hale (P-ADDED-1)');

    // The call: the location questions alone, no identity questions.
    await clickInPanel(page, 'contact.call');
    state = await until(page, (s) => s.contact?.session && s.widgets['contact.third-party'], 'the third-party call');
    assert.equal(state.widgets['contact.verify'], undefined);
    await scrollIntoView(page, 'contact.panel', 'contact.script');
    await page.screenshot({ path: join(output, `third-party-script-${size}.png`) });

    // Alt+T: the neighbour answered. A second call is refused.
    await press(page, 'KeyT', ['Alt']);
    state = await until(page, (s) => s.contact?.session === null && s.contact.allowed === false &&
      s.contact.reasons.includes('us-location-contact'), 'the second location call refused');
    assert.ok(!state.contact.reasons.includes('us-after-conversation'), JSON.stringify(state.contact.reasons));
    await scrollIntoView(page, 'contact.panel', 'contact.banner');
    await page.screenshot({ path: join(output, `third-party-once-${size}.png`) });

    // The landlord says the neighbour forwards the debtor's mail: the collector records why the earlier answer seems
    // wrong or incomplete, which opens one more call (15 U.S.C. 1692b(3)), and the form goes.
    const reason = "The landlord says Robin forwards the debtor's mail";
    await clickInPanel(page, 'contact.recontact');
    await until(page, (s) => s.widgets['contact.recontact.reason'], 'the reason form');
    await typeInPanel(page, 'contact.recontact.reason', reason);
    await scrollIntoView(page, 'contact.panel', 'contact.recontact');
    await page.screenshot({ path: join(output, `third-party-reason-${size}.png`) });
    await clickInPanel(page, 'contact.recontact.record');
    state = await until(page, (s) => s.contact?.allowed === true && !s.widgets['contact.recontact'] &&
      s.contact.finished === 'Recorded: one more location contact with Robin Hale is open', 'one more call open');

    const stopAt = Date.now() + 15000;
    while ((await accountEvents(id)).length < 5 && Date.now() < stopAt) await page.waitForTimeout(100);
    const events = await accountEvents(id);
    assert.deepEqual(events.map((e) => e.type),
      ['party-added', 'contact-point-added', 'contact-attempted', 'outcome-recorded', 'recontact-justified']);
    assert.equal(events[0].payload.role, 'third-party');
    assert.equal(events[3].payload.outcome, 'third-party');
    assert.deepEqual(events[4].payload, { party_id: 'P-ADDED-1', reason });
    assert.deepEqual(errors, []);
  });
}

for (const [size, viewport] of sizes) {
  test(`parties at ${size} size: a spouse recorded from the panel is verified by the consumer's details`, async (t) => {
    const portfolio = await getPortfolio();
    const { page, errors } = await chromium.newPage(t, { viewport,
      fixedTime: new Date(`${portfolio.as_of}T17:00:00Z`) });
    const id = await openNewYorkAccount(page, portfolio, true);
    const debtor = portfolio.accounts.find((a) => a.id === id).parties.find((p) => p.role === 'debtor');
    const home = debtor.addresses.find((a) => a.status === 'current' && a.postal_code);
    let state = await addPartyFromPanel(page, 1, 'Alex', 'Morgan', '+12125550178');
    assert.equal(state.contact.finished, 'Party added: spouse Alex Morgan (P-ADDED-1)');

    // The call: the spouse answers the consumer's questions (15 U.S.C. 1692c(d)) and is verified.
    await clickInPanel(page, 'contact.call');
    state = await until(page, (s) => s.contact?.session?.state === 'unverified' && s.widgets['contact.verify'],
      'the spouse asked the consumer\'s questions');
    const answers = [['birth-date', debtor.birth_date], ['postal-code', home?.postal_code], ['city', home?.city],
      ['national-id-last4', debtor.national_id?.last4]]
      .filter(([question, answer]) => answer && state.widgets[`contact.answer.${question}`]).slice(0, 2);
    assert.equal(answers.length, 2, `two of the consumer's questions are asked: ${Object.keys(state.widgets)}`);
    for (const [question, answer] of answers) await typeInPanel(page, `contact.answer.${question}`, answer);
    await clickInPanel(page, 'contact.verify');
    state = await until(page, (s) => s.contact?.session?.state === 'verified', 'the spouse verified');
    assert.equal(state.contact.debt_hidden, false);
    await page.screenshot({ path: join(output, `spouse-verified-${size}.png`) });

    // Alt+R: a right-party contact, recorded with the spouse's verification.
    await press(page, 'KeyR', ['Alt']);
    await until(page, (s) => s.contact?.session === null, 'the call recorded');
    const stopAt = Date.now() + 15000;
    while ((await accountEvents(id)).length < 5 && Date.now() < stopAt) await page.waitForTimeout(100);
    const events = await accountEvents(id);
    assert.deepEqual(events.map((e) => e.type),
      ['party-added', 'contact-point-added', 'contact-attempted', 'party-verified', 'outcome-recorded']);
    assert.equal(events[3].payload.party_id, 'P-ADDED-1');
    assert.equal(events[4].payload.outcome, 'right-party-contact');
    assert.deepEqual(errors, []);
  });
}
