/**
 * The run API (/api/runs) against the production build and the real DNS lab: a dedicated lab serving 2,000
 * bulk zones (the global setup serves only a few), one app with the default run settings and one with a tiny
 * retention and run cap. Runs execute server-side, so dropping a stream must not lose anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkDomains, bulkZones, labZones } from '../../lab/fixtures';
import { type Lab, startLab } from '../../lab/lab';
import { readLines } from '../../lib/client/ndjson';
import {
  ApiError,
  RUN_OWNER_HEADER,
  RunCreated,
  RunEvent,
  type RunEvent as RunEventType,
  RunRecheckAccepted,
  RunSummary,
} from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get, type HttpResult, post } from '../support/http';

const N = 2000;
const DOMAINS = bulkDomains(N);

let lab: Lab;
let app: App;
let small: App;

beforeAll(async () => {
  lab = await startLab({ zones: [...labZones(), ...bulkZones(N)] });
  [app, small] = await Promise.all([
    // One check worker beside the main thread here; the small app checks on the main thread only.
    startApp({ ...appEnv(lab.resolver), CHECK_WORKERS: '1' }),
    startApp({ ...appEnv(lab.resolver), RUN_RETENTION_S: '1', MAX_DOMAINS_PER_RUN: '10', CHECK_WORKERS: '0' }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([app?.stop(), small?.stop()]);
  await lab?.stop();
});

function expectApiError(result: HttpResult, status: number, code: string): ApiError {
  expect(result.status, result.text.slice(0, 500)).toBe(status);
  const body = ApiError.parse(result.json);
  expect(body.code).toBe(code);
  expect(body.message.length).toBeGreaterThan(0);
  return body;
}

async function startRun(base: string, domains: string[] | string): Promise<RunCreated> {
  const result = await post(base, '/api/runs', { domains, cloud: 'auto' });
  expect(result.status, result.text.slice(0, 500)).toBe(201);
  return RunCreated.parse(result.json);
}

/** POST to a run's cancel or recheck as its owner (with the owner token of its 201 answer). */
function asOwner(base: string, run: RunCreated, action: 'cancel' | 'recheck', body?: unknown): Promise<HttpResult> {
  return get(base, `/api/runs/${run.id}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [RUN_OWNER_HEADER]: run.ownerToken },
    body: body === undefined ? '' : JSON.stringify(body),
  });
}

async function summary(base: string, id: string, from = 0): Promise<RunSummary> {
  const result = await get(base, `/api/runs/${id}?from=${from}`);
  expect(result.status, result.text.slice(0, 300)).toBe(200);
  return RunSummary.parse(result.json);
}

/**
 * Reads the events stream from `from`; `stopWhen` may end the read early (the client goes away).
 * Returns the validated lines.
 */
async function readEvents(
  base: string,
  id: string,
  from = 0,
  stopWhen: (lines: RunEventType[]) => boolean = () => false,
  after?: number,
): Promise<RunEventType[]> {
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), 55_000);
  const response = await fetch(
    new URL(`/api/runs/${id}/events?from=${from}${after === undefined ? '' : `&after=${after}`}`, base),
    { signal: controller.signal },
  );
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);
  const lines: RunEventType[] = [];
  try {
    for await (const line of readLines(response.body as ReadableStream<Uint8Array>)) {
      lines.push(RunEvent.parse(JSON.parse(line)));
      if (stopWhen(lines)) {
        controller.abort();
        break;
      }
    }
  } catch (err) {
    if (!controller.signal.aborted) throw err;
  } finally {
    clearTimeout(timeout);
  }
  return lines;
}

const reports = (lines: RunEventType[]) => lines.flatMap((l) => (l.type === 'report' ? [l] : []));

type DnsCounters = { sent: number; workerSent: number };

async function dnsCounters(base: string): Promise<DnsCounters> {
  const result = await get(base, '/api/health');
  return (result.json as { dns: DnsCounters }).dns;
}

async function dnsSent(base: string): Promise<number> {
  return (await dnsCounters(base)).sent;
}

describe('runs against the lab', () => {
  it('cancel stops new queries and keeps the finished rows', async () => {
    // The second half of the list: nothing of it is in the app's cache yet.
    const run = await startRun(app.url, DOMAINS.slice(N / 2));
    const seen = reports(await readEvents(app.url, run.id, 0, (lines) => reports(lines).length >= 50));
    const cancel = await asOwner(app.url, run, 'cancel');
    expect(cancel.status, cancel.text.slice(0, 300)).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    const before = await dnsSent(app.url);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await dnsSent(app.url)).toBe(before);
    const after = await summary(app.url, run.id);
    expect(after.status).toBe('cancelled');
    expect(after.pending).toBe(0);
    expect(after.checked).toBeLessThan(N / 2);
    expect(after.results.length).toBe(after.checked);
    // Every row seen before the cancel is still there, at the same index.
    for (const row of seen) expect(after.results[row.index]?.domain).toBe(row.domain);
    const tail = await readEvents(app.url, run.id, 0);
    expect(tail.at(-1)).toMatchObject({ type: 'done', status: 'cancelled' });
  }, 30_000);

  it('a 2,000-domain run completes with every domain once; a reload mid-run recovers every finished row', async () => {
    const countersBefore = await dnsCounters(app.url);
    const run = await startRun(app.url, DOMAINS.join('\n'));
    expect(run.total).toBe(N);
    expect(run.invalid).toEqual([]);
    expect(run.links.events).toBe(`/api/runs/${run.id}/events?from=0`);

    // The first "tab" loses its connection after 300 rows.
    const first = reports(await readEvents(app.url, run.id, 0, (lines) => reports(lines).length >= 300));
    expect(first.length).toBeGreaterThanOrEqual(300);

    // "Reload": a fresh summary has every row the first tab saw, at the same index.
    const mid = await summary(app.url, run.id);
    expect(mid.results.length).toBeGreaterThanOrEqual(first.length);
    for (const row of first) expect(mid.results[row.index]?.domain).toBe(row.domain);

    // …and a new stream from 0 brings every row, old and new, to the end.
    const lines = await readEvents(app.url, run.id, 0);
    const all = reports(lines);
    expect(all.map((r) => r.index)).toEqual(Array.from({ length: N }, (_, i) => i));
    expect(new Set(all.map((r) => r.domain))).toEqual(new Set(DOMAINS));
    expect(lines.some((l) => l.type === 'progress')).toBe(true);
    expect(lines.at(-1)).toEqual({ type: 'done', status: 'done', checked: N, total: N });

    const done = await summary(app.url, run.id, N - 5);
    expect(done).toMatchObject({ status: 'done', checked: N, total: N, pending: 0, etaSeconds: 0, from: N - 5 });
    expect(done.results).toHaveLength(5);
    expect(Object.values(done.counts).reduce((a, b) => a + b, 0)).toBe(N);
    // Every lab zone answers: none of them may end as could-not-check.
    expect(done.counts['could-not-check']).toBe(0);
    expect(done.rate).toBeGreaterThan(0);
    // Both the check worker and the main thread checked domains of the run (CHECK_WORKERS=1).
    const countersAfter = await dnsCounters(app.url);
    const mainSent = (c: DnsCounters) => c.sent - c.workerSent;
    expect(countersAfter.workerSent - countersBefore.workerSent).toBeGreaterThan(N);
    expect(mainSent(countersAfter) - mainSent(countersBefore)).toBeGreaterThan(N);

    // Re-check one domain: its row is replaced in place with a new checkedAt.
    const target = all[7] as (typeof all)[number];
    const recheck = await asOwner(app.url, run, 'recheck', { domains: [target.domain] });
    expect(recheck.status, recheck.text.slice(0, 300)).toBe(202);
    const accepted = RunRecheckAccepted.parse(recheck.json);
    expect(accepted.rechecking).toEqual([target.domain]);
    // The re-check may finish before the stream opens: `after` still brings the replaced row.
    const relines = await readEvents(app.url, run.id, N, undefined, accepted.revision);
    const replaced = reports(relines);
    expect(replaced.map((r) => [r.index, r.domain])).toEqual([[target.index, target.domain]]);
    expect(replaced[0]?.revision).toBeGreaterThan(accepted.revision);
    expect(relines.at(-1)).toMatchObject({ type: 'done', status: 'done' });
    const after = await summary(app.url, run.id);
    expect(after.results).toHaveLength(N);
    expect(after.results[target.index]?.domain).toBe(target.domain);
    expect(Date.parse(after.results[target.index]?.checkedAt ?? '')).toBeGreaterThan(Date.parse(target.checkedAt));
    expect(after.results[8]?.checkedAt).toBe(all[8]?.checkedAt);

    // Exports of every stored row.
    const json = await get(app.url, `${run.links.export}?format=json`);
    expect(json.status).toBe(200);
    expect((json.json as { count: number; reports: unknown[] }).reports).toHaveLength(N);
    const csv = await get(app.url, run.links.export);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toMatch(/text\/csv/);
    // fetch's text() drops the BOM: look at the bytes.
    const bytes = new Uint8Array(await (await fetch(new URL(run.links.export, app.url))).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    for (const domain of [DOMAINS[0], DOMAINS[N - 1]]) expect(csv.text).toContain(domain);

    // A domain that is not in the run is refused.
    expectApiError(await asOwner(app.url, run, 'recheck', { domains: ['other.test'] }), 400, 'invalid-input');
  }, 60_000);

  it('the summary lists the run as it was pasted: ASCII, input order, once each, bad lines left out', async () => {
    const pasted = ['healthy-ww.test', 'bad..name', 'ok-21v.test', 'HEALTHY-WW.test', 'bücher.test', 'drop.test'];
    const run = await startRun(app.url, pasted.join('\n'));
    expect(run.invalid.map((entry) => entry.line)).toEqual([2]);
    expect(run.duplicates.map((entry) => entry.line)).toEqual([4]);
    const head = await summary(app.url, run.id);
    expect(head.domains).toEqual(['healthy-ww.test', 'ok-21v.test', 'xn--bcher-kva.test', 'drop.test']);
    expect(head.total).toBe(head.domains.length);
    await readEvents(app.url, run.id, 0);
    // Finished: the results come in finishing order; the list stays in input order.
    const done = await summary(app.url, run.id);
    expect(done.domains).toEqual(head.domains);
    expect(new Set(done.results.map((r) => r.domain))).toEqual(new Set(head.domains));
  }, 30_000);

  it('a run started in English reads in Chinese with ?lang=: the same machine fields, the text in Chinese', async () => {
    const run = await startRun(app.url, ['missing-21v.test', 'healthy-ww.test']);
    await readEvents(app.url, run.id, 0);
    const read = async (query: string) => {
      const result = await get(app.url, `/api/runs/${run.id}?from=0${query}`);
      expect(result.status).toBe(200);
      return RunSummary.parse(result.json).results.sort((a, b) => a.domain.localeCompare(b.domain));
    };
    const en = await read('');
    const zh = await read('&lang=zh-CN');
    expect(en.map((r) => r.lang)).toEqual(['en', 'en']);
    expect(zh.map((r) => r.lang)).toEqual(['zh-CN', 'zh-CN']);
    expect(zh.map((r) => [r.domain, r.msoid.code, r.summary, r.lookups])).toEqual(
      en.map((r) => [r.domain, r.msoid.code, r.summary, r.lookups]),
    );
    expect(zh[0]?.msoid.text.verdict).not.toBe(en[0]?.msoid.text.verdict);
    expect(zh[0]?.msoid.text.verdict).toMatch(/[\u4e00-\u9fff]/);
    // The events stream and the export read the same way; a language we don't have falls back to the run's.
    const events = await fetch(new URL(`/api/runs/${run.id}/events?from=0&lang=zh-CN`, app.url));
    expect(await events.text()).toContain('"lang":"zh-CN"');
    const csv = await get(app.url, `/api/runs/${run.id}/export?format=csv&lang=zh-CN`);
    expect(csv.text).toMatch(/[\u4e00-\u9fff]/);
    expect((await read('&lang=xx')).map((r) => r.lang)).toEqual(['en', 'en']);
  }, 30_000);

  it('an unknown id is 404 run-not-found; an expired run is 410 run-expired', async () => {
    expectApiError(await get(app.url, '/api/runs/AAAAAAAAAAAAAAAAAAAAAA'), 404, 'run-not-found');
    expectApiError(await get(app.url, '/api/runs/AAAAAAAAAAAAAAAAAAAAAA/events'), 404, 'run-not-found');
    const run = await startRun(small.url, ['bulk-0001.test']);
    await new Promise((r) => setTimeout(r, 1200));
    expectApiError(await get(small.url, `/api/runs/${run.id}`), 410, 'run-expired');
    expectApiError(await post(small.url, `/api/runs/${run.id}/cancel`, '', 'application/json'), 410, 'run-expired');
  });

  it('over MAX_DOMAINS_PER_RUN → 413 with limit and count; nothing valid → 400', async () => {
    const over = expectApiError(
      await post(small.url, '/api/runs', { domains: DOMAINS.slice(0, 11) }),
      413,
      'too-many-domains',
    );
    expect(over).toMatchObject({ limit: 10, count: 11 });
    const none = expectApiError(await post(small.url, '/api/runs', { domains: 'not a domain!' }), 400, 'invalid-input');
    expect(none.issues?.length).toBeGreaterThan(0);
  });
});
