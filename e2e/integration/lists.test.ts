/**
 * Lists, history, changes and accepted exceptions (issue 17), end to end: the production build on a fake DNS server
 * whose zones the test changes between runs (the server restarts on the same port with other records; the app's
 * DNS cache is off). A list of six domains is run, three are fixed and one broken, and the changes read exactly
 * "3 fixed, 1 newly broken" down to the record; an accepted finding is not counted and re-opens when its value
 * changes; list runs outlive RUN_RETENTION_S while a normal run expires; a CSV's bad lines are reported and its
 * good lines saved; bad bodies get our JSON 400. The list store also runs against PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MS } from '../../lab/fixtures';
import { ApiError, RunCreated } from '../../lib/schema';
import { ListChanges, ListCreated, type ListRunSummary } from '../../lib/schema-lists';
import { type App, startApp } from '../support/app';
import { get, post } from '../support/http';
import { type ListDns, listAppEnv, startListDns } from '../support/list-zones';
import { summary, until } from '../support/runs';

const DOMAINS = ['lst-1.test', 'lst-2.test', 'lst-3.test', 'lst-4.test', 'lst-5.test', 'lst-6.test'];

let dns: ListDns;
let app: App;

beforeAll(async () => {
  dns = await startListDns({ 'lst-1.test': 'wrong', 'lst-2.test': 'wrong', 'lst-3.test': 'wrong' });
  // Normal runs expire after 3 s; a list's runs are kept by the list's retention.
  app = await startApp({ ...listAppEnv(dns), RUN_RETENTION_S: '3' });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await dns?.close();
});

const send = (method: string, path: string, body?: unknown) =>
  get(app.url, path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** Runs the list now and waits until the run is done. */
async function runList(id: string): Promise<string> {
  const started = await post(app.url, `/api/lists/${id}/runs`, '', 'text/plain');
  expect(started.status, started.text).toBe(201);
  const runId = (started.json as { runId: string }).runId;
  await until(
    'the list run to finish',
    async () => ((await summary(app.url, runId)).status === 'done' ? true : undefined),
    30_000,
  );
  return runId;
}

const changesOf = async (id: string, query = '') => {
  const res = await get(app.url, `/api/lists/${id}/changes${query}`);
  expect(res.status, res.text).toBe(200);
  return ListChanges.parse(res.json);
};

/** Every record that changed (not `unchanged` nor `still-broken`), as `domain record kind`. */
const notUnchanged = (c: ListChanges) =>
  c.domains.flatMap((d) =>
    d.records
      .filter((r) => r.kind !== 'unchanged' && r.kind !== 'still-broken')
      .map((r) => `${d.domain} ${r.record} ${r.kind}`),
  );

describe('lists API', () => {
  it('validates bodies: our JSON 400, and 404 for an unknown list', async () => {
    for (const body of [
      {},
      { name: 'x' },
      { name: 'x', domains: 'a.test', csv: 'a.test' },
      { name: '', domains: 'a.test' },
    ]) {
      const res = await post(app.url, '/api/lists', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(ApiError.parse(res.json).code).toBe('invalid-input');
    }
    const none = await post(app.url, '/api/lists', { name: 'x', domains: 'not a domain!!' });
    expect(none.status).toBe(400);
    const unknown = await send('PATCH', '/api/lists/nope', { name: 'y' });
    expect(unknown.status).toBe(404);
    expect(ApiError.parse(unknown.json).code).toBe('not-found');
    const noNote = await post(app.url, '/api/lists/nope/acceptances', { domain: 'a.test', record: 'mx' });
    expect(noNote.status).toBe(400);
  });

  it('creates a list from a CSV: bad lines reported with their row, good lines saved with their tags', async () => {
    const csv = 'domain,tags\nlst-1.test,customer-a\nnot a domain!!,x\nlst-2.test,customer-a;mail\n';
    const res = await post(app.url, '/api/lists', { name: 'From CSV', csv });
    expect(res.status, res.text).toBe(201);
    const created = ListCreated.parse(res.json);
    expect(created.list.domains.map((d) => [d.domain, d.tags])).toEqual([
      ['lst-1.test', ['customer-a']],
      ['lst-2.test', ['customer-a', 'mail']],
    ]);
    expect(created.invalid.map((i) => [i.line, i.input])).toEqual([[3, 'not a domain!!']]);
    expect((await send('DELETE', `/api/lists/${created.list.id}`)).status).toBe(204);
    expect((await get(app.url, `/api/lists/${created.list.id}`)).status).toBe(404);
  });
});

describe('a list over three runs', () => {
  it('reads "3 fixed, 1 newly broken" down to the record; an acceptance holds until the value changes; list runs outlive run retention', async () => {
    // A normal run: it expires after RUN_RETENTION_S while the list's runs stay.
    const normal = await post(app.url, '/api/runs', { domains: ['lst-5.test'], cloud: 'worldwide' });
    expect(normal.status, normal.text).toBe(201);
    const normalId = RunCreated.parse(normal.json).id;

    const made = await post(app.url, '/api/lists', {
      name: 'Customer A',
      domains: DOMAINS.join('\n'),
      cloud: 'worldwide',
      services: { mail: true, teams: false, intune: false },
    });
    expect(made.status, made.text).toBe(201);
    const id = ListCreated.parse(made.json).list.id;

    const run1 = await runList(id);
    await dns.serve({ 'lst-4.test': 'wrong' });
    const run2 = await runList(id);

    const changes = await changesOf(id);
    expect(changes.from?.runId).toBe(run1);
    expect(changes.to.runId).toBe(run2);
    // lst-5 and lst-6 keep what they had (no DKIM or DMARC: still broken), nothing else moved.
    expect(changes.counts).toEqual({
      'newly-broken': 1,
      'newly-could-not-check': 0,
      fixed: 3,
      'changed-value': 0,
      'still-broken': 2,
      'still-could-not-check': 0,
      unchanged: 0,
    });
    expect(notUnchanged(changes).sort()).toEqual([
      'lst-1.test mx fixed',
      'lst-2.test mx fixed',
      'lst-3.test mx fixed',
      'lst-4.test mx newly-broken',
    ]);
    expect(changes.membership).toEqual({ added: [], removed: [] });
    const mx4 = changes.domains.find((d) => d.domain === 'lst-4.test')?.records.find((r) => r.record === 'mx');
    expect(mx4?.before?.value).toContain(MS.mxWw);
    expect(mx4?.after?.value).toBe('0 wrong-filter.lst-4.test');

    const csv = await get(app.url, `/api/lists/${id}/changes?format=csv&kind=newly-broken`);
    expect(csv.contentType).toContain('text/csv');
    expect(csv.text.trim().split('\r\n').slice(1)).toEqual([
      expect.stringMatching(
        /^lst-4\.test,newly-broken,mx,newly-broken,ok,[^,]+,(broken|attention),0 wrong-filter\.lst-4\.test,$/,
      ),
    ]);

    // Accept lst-4's MX as intended: no longer newly broken (its run's health counts: lib/history/timeline.test.ts).
    const accept = await post(app.url, `/api/lists/${id}/acceptances`, {
      domain: 'lst-4.test',
      record: 'mx',
      note: 'Mail goes through a third-party filter on purpose',
    });
    expect(accept.status, accept.text).toBe(201);
    const accepted = await changesOf(id);
    expect(accepted.counts['newly-broken']).toBe(0);
    expect(accepted.accepted).toEqual([{ domain: 'lst-4.test', record: 'mx' }]);
    const runCsv = await get(app.url, `/api/lists/${id}/export?run=${run2}`);
    expect(runCsv.contentType).toContain('text/csv');
    expect(runCsv.text).toContain(
      'lst-4.test,mx,attention,0 wrong-filter.lst-4.test,accepted,Mail goes through a third-party filter on purpose,\r\n',
    );
    expect(runCsv.text).toContain('lst-5.test,mx,ok,');
    const acceptedCsv = await get(app.url, `/api/lists/${id}/changes?format=csv`);
    expect(acceptedCsv.text).toMatch(/lst-4\.test,[a-z-]+,mx,[a-z-]+,ok,.*,accepted\r\n/);

    // The value changes (another filter), the list loses lst-6 and gains lst-7: the finding re-opens.
    await dns.serve({ 'lst-4.test': 'other' });
    const patched = await send('PATCH', `/api/lists/${id}`, { remove: ['lst-6.test'], add: 'lst-7.test' });
    expect(patched.status, patched.text).toBe(200);
    const run3 = await runList(id);
    const reopened = await changesOf(id);
    expect(reopened.from?.runId).toBe(run2);
    expect(notUnchanged(reopened)).toEqual(['lst-4.test mx newly-broken']);
    expect(reopened.membership).toEqual({ added: ['lst-7.test'], removed: ['lst-6.test'] });
    // Between the first two runs it still reads as accepted.
    expect((await changesOf(id, `?from=${run1}&to=${run2}`)).counts['newly-broken']).toBe(0);

    // The domain's timeline: each MX change with the value before and after.
    const history = await get(app.url, '/api/domains/lst-4.test/history');
    expect(history.status).toBe(200);
    const timeline = (history.json as { timeline: Array<{ record: string; runId: string; after: { value: string } }> })
      .timeline;
    expect(timeline.filter((s) => s.record === 'mx').map((s) => [s.runId, s.after.value])).toEqual([
      [run3, '0 other-filter.lst-4.test'],
      [run2, '0 wrong-filter.lst-4.test'],
    ]);

    // The runs are recorded as finished (the finish hook claimed them) and outlive the normal run's retention.
    const runs = await get(app.url, `/api/lists/${id}/runs`);
    const listed = (runs.json as { runs: ListRunSummary[] }).runs;
    expect(listed.map((r) => r.runId)).toEqual([run3, run2, run1]);
    expect(listed.every((r) => r.finishedAt !== null)).toBe(true);
    await until(
      'the normal run to expire',
      async () => ((await get(app.url, `/api/runs/${normalId}`)).status === 410 ? true : undefined),
      15_000,
    );
    expect((await get(app.url, `/api/runs/${run1}`)).status).toBe(200);
  }, 120_000);
});
