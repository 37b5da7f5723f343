// The reference server's HTTP API, as the app and other clients use it. Needs PARLEY_URL (scripts/e2e.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base } from './harness.mjs';

async function getJson(path) {
  const res = await fetch(base + path);
  const type = res.headers.get('content-type') ?? '';
  assert.match(type, /^application\/json/, `${path}: content type ${type}`);
  return { status: res.status, headers: res.headers, body: await res.json() };
}

test('PARLEY_URL names the server under test', () => {
  assert.ok(base, 'set PARLEY_URL, or run through scripts/e2e.sh');
});

test('health answers ok', async () => {
  const { status, body } = await getJson('/api/health');
  assert.equal(status, 200);
  assert.deepEqual(body, { status: 'ok' });
});

test('portfolio is the canonical document with rows in id order', async () => {
  const { status, headers, body } = await getJson('/api/portfolio');
  assert.equal(status, 200);
  assert.equal(headers.get('cache-control'), 'no-store');
  assert.deepEqual(Object.keys(body), ['format', 'as_of', 'agency', 'clients', 'accounts']);
  assert.equal(body.format, 'parley.portfolio/1');
  // The demo agency: its callback number and time zone are what letters and "today" read.
  assert.equal(body.agency.name, 'Northfield Associates');
  assert.equal(body.agency.phone, '+16175550100');
  assert.equal(body.agency.time_zone, 'America/New_York');
  assert.match(body.as_of, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(body.clients.length > 0, 'at least one client');
  assert.equal(body.accounts.length, 500, 'the default demo portfolio has 500 accounts');
  for (const rows of [body.clients, body.accounts]) {
    const ids = rows.map((row) => row.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'ids ascending');
    assert.equal(new Set(ids).size, ids.length, 'ids unique');
  }
  const clients = new Set(body.clients.map((c) => c.id));
  for (const account of body.accounts) assert.ok(clients.has(account.client_id), `${account.id}: known client`);
});

test('one account is the same as in the portfolio', async () => {
  const portfolio = (await getJson('/api/portfolio')).body;
  for (const account of [portfolio.accounts[0], portfolio.accounts[portfolio.accounts.length - 1]]) {
    const { status, body } = await getJson('/api/accounts/' + encodeURIComponent(account.id));
    assert.equal(status, 200);
    assert.deepEqual(body, account);
  }
});

test('an unknown account is a 404 with a JSON error', async () => {
  const { status, body } = await getJson('/api/accounts/no-such-account');
  assert.equal(status, 404);
  assert.equal(typeof body.error, 'string');
  assert.match(body.error, /no-such-account/);
});

test('unknown API paths and write methods are JSON errors', async () => {
  const missing = await getJson('/api/nothing-here');
  assert.equal(missing.status, 404);
  assert.equal(typeof missing.body.error, 'string');

  const res = await fetch(base + '/api/portfolio', { method: 'POST', body: '{}' });
  assert.equal(res.status, 405);
  assert.equal(typeof (await res.json()).error, 'string');
});
