// The supervisor's side in headless Chromium, at a desktop size and a phone size: the goal panel above the queue,
// the supervisor view from the header (plans waiting for a decision, the escalations the strategy's rules find due,
// every collector's figures), and an escalation recorded with a click reaching the server. Screenshots go to
// tests/e2e/output/ (goal-<size>.png, supervisor-<size>.png). Needs PARLEY_URL (scripts/e2e.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  accountEvents, clickWhenSteady, getPortfolio, loadQueue, output, scrollIntoView, sizes, until, useChromium,
} from './harness.mjs';

const chromium = useChromium();
const escalated = new Set();  // accounts escalated by an earlier size's run

for (const [size, viewport] of sizes) {
  test(`supervisor view at ${size} size: goal panel, escalations due, one recorded`, async (t) => {
    const portfolio = await getPortfolio();
    const { page, errors } = await chromium.newPage(t, { viewport,
      fixedTime: new Date(`${portfolio.as_of}T17:00:00Z`) });
    let state = await loadQueue(page, 'goal.summary');
    assert.ok(state.goals, 'the shipped goal plan is loaded');
    assert.ok(state.goals.period.first <= portfolio.as_of && portfolio.as_of <= state.goals.period.last);
    await page.screenshot({ path: join(output, `goal-${size}.png`) });

    await clickWhenSteady(page, 'header.supervisor', { nearLeft: true });
    state = await until(page, (s) => s.supervisor?.shown && s.widgets['supervisor.view'], 'the supervisor view');
    await page.screenshot({ path: join(output, `supervisor-${size}.png`) });
    // Hard collections stops no contact: the other tests' accounts stay callable.
    const due = state.supervisor.escalations.find((e) => e.to === 'hard-collections' && !escalated.has(e.account));
    assert.ok(due, 'the demo portfolio has an account the shipped rules send to hard collections');
    const button = `escalations.escalate.${due.account}`;
    await until(page, (s) => s.widgets[button], 'its Escalate button');
    await scrollIntoView(page, 'supervisor.view', button);
    await clickWhenSteady(page, button, { nearLeft: true });
    state = await until(page, (s) => !s.supervisor.escalations.some((e) => e.account === due.account),
      'the escalation recorded');
    assert.deepEqual(state.supervisor.problems, []);
    escalated.add(due.account);
    const stopAt = Date.now() + 15000;
    while ((await page.evaluate(() => window.parley.outbox().length)) > 0) {
      assert.ok(Date.now() < stopAt, 'the escalation was not sent within 15 s');
      await page.waitForTimeout(100);
    }
    const events = await accountEvents(due.account);
    const stored = events.filter((e) => e.type === 'escalated');
    assert.equal(stored.length, 1, JSON.stringify(events));
    assert.equal(stored[0].payload.to, 'hard-collections');
    assert.ok(stored[0].payload.reason.startsWith(`${due.rule}: `), stored[0].payload.reason);
    assert.deepEqual(errors, []);
  });
}
