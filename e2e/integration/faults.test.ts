/**
 * Faults never become wrong answers. Zones whose truth is known for every domain are served by a fake DNS
 * server that drops ~30% of all queries and answers some names with SERVFAIL, a truncated reply whose TCP
 * retry is hung up, garbage, or nothing at all; a 500-domain POST must report every domain exactly once,
 * each either as its truth or as "could not check" — never `missing` unless a real answer said so — within
 * the run deadline. Then: unbound restarted in the middle of a run, failover across three resolvers (one
 * dead, one answering SERVFAIL to everything), the per-domain breaker and the answer cache.
 */
import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FakeServer, type Rule, startFakeDnsServer } from '../../lab/fake-dns-server';
import { MS, microsoftZones } from '../../lab/fixtures';
import { type Lab, startLab } from '../../lab/lab';
import { withApexRecords } from '../../lab/zone-file';
import type { Zone, ZoneRecord } from '../../lab/zone-types';
import { lookupsOf } from '../../lib/client/records-view';
import { isAnswered, type Lookup, type MsoidStatus, Report, type StreamLine } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get, parseNdjson, post } from '../support/http';

const globalAppUrl = inject('appUrl');

// ---------------------------------------------------------------------------------------------
// Zones with known truth

type Kind =
  | 'ok-21v'
  | 'missing-21v'
  | 'ok-ww'
  | 'remove-ww'
  | 'wrong-21v'
  | 'servfail-msoid'
  | 'truncated-msoid'
  | 'garbage-msoid'
  | 'dead'
  | 'breaker';

/** What the app must say when every lookup gets a real answer (cloud=auto). Faulty kinds: could not check. */
const TRUTH: Record<Kind, MsoidStatus> = {
  'ok-21v': 'ok',
  'missing-21v': 'missing',
  'ok-ww': 'ok',
  'remove-ww': 'must-remove',
  'wrong-21v': 'wrong-target',
  'servfail-msoid': 'lookup-failed',
  'truncated-msoid': 'lookup-failed',
  'garbage-msoid': 'lookup-failed',
  dead: 'lookup-failed',
  breaker: 'lookup-failed',
};
const KINDS = Object.keys(TRUTH) as Kind[];

type Truth = { domain: string; kind: Kind; truth: MsoidStatus };

const rec = (name: string, type: ZoneRecord['type'], data: string): ZoneRecord => ({ name, type, ttl: 300, data });

function evidence21v(d: string): ZoneRecord[] {
  return [
    rec(d, 'MX', `0 ${d.replaceAll('.', '-')}.${MS.mx21v}`),
    rec(`autodiscover.${d}`, 'CNAME', MS.autodiscover21v),
    rec(d, 'TXT', MS.spf21v),
  ];
}

function evidenceWw(d: string): ZoneRecord[] {
  return [
    rec(d, 'MX', `0 ${d.replaceAll('.', '-')}.${MS.mxWw}`),
    rec(`autodiscover.${d}`, 'CNAME', MS.autodiscoverWw),
    rec(d, 'TXT', MS.spfWw),
  ];
}

function recordsOf(d: string, kind: Kind): ZoneRecord[] {
  switch (kind) {
    case 'ok-21v':
      return [...evidence21v(d), rec(`msoid.${d}`, 'CNAME', MS.msoid21v)];
    case 'ok-ww':
      return evidenceWw(d);
    case 'remove-ww':
      return [...evidenceWw(d), rec(`msoid.${d}`, 'CNAME', MS.msoid21v)];
    case 'wrong-21v':
      return [...evidence21v(d), rec(`msoid.${d}`, 'CNAME', MS.autodiscover21v)];
    case 'breaker':
      // msoid holds an A record only: the CNAME query says NODATA, so its own data would be asked next.
      return [...evidence21v(d), rec(`msoid.${d}`, 'A', '198.51.100.9')];
    default:
      return evidence21v(d);
  }
}

/** Per-domain misbehaviour; these rules come before the global drop rate (first match wins). */
function rulesOf(d: string, kind: Kind): Rule[] {
  switch (kind) {
    case 'servfail-msoid':
      return [{ suffix: `msoid.${d}`, behaviour: { kind: 'servfail' } }];
    case 'truncated-msoid':
      return [{ suffix: `msoid.${d}`, behaviour: { kind: 'truncate-close' } }];
    case 'garbage-msoid':
      return [{ suffix: `msoid.${d}`, behaviour: { kind: 'garbage' } }];
    case 'dead':
      return [{ suffix: d, behaviour: { kind: 'drop' } }];
    case 'breaker':
      // Apex, autodiscover and the msoid CNAME always answer; MX and TXT never do (2 timed-out lookups).
      return [
        { suffix: d, type: 'SOA', behaviour: { kind: 'answer' } },
        { suffix: `autodiscover.${d}`, behaviour: { kind: 'answer' } },
        { suffix: `msoid.${d}`, type: 'CNAME', behaviour: { kind: 'answer' } },
        { suffix: d, type: 'MX', behaviour: { kind: 'drop' } },
        { suffix: d, type: 'TXT', behaviour: { kind: 'drop' } },
      ];
    default:
      return [];
  }
}

function truths(n: number, prefix: string, kinds: readonly Kind[]): Truth[] {
  return Array.from({ length: n }, (_, i) => {
    const kind = kinds[i % kinds.length] as Kind;
    return { domain: `${prefix}-${String(i + 1).padStart(4, '0')}.test`, kind, truth: TRUTH[kind] };
  });
}

function zonesOf(list: readonly Truth[]): Zone[] {
  return list.map((t) => ({ apex: t.domain, records: recordsOf(t.domain, t.kind) }));
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The msoid finding's lookups, in full form. */
function msoidLookups(report: Report): Lookup[] {
  return lookupsOf(report.msoid.lookups, report.lookups);
}

function lookupOf(report: Report, name: string, type: Lookup['type']): Lookup | undefined {
  return msoidLookups(report).find((l) => l.name === name && l.type === type);
}

/** Every way a report can be wrong against its truth; empty when it is right or honestly could-not-check. */
function problems(report: Report, truth: Truth): string[] {
  const out: string[] = [];
  const { status } = report.msoid;
  // Honest "don't know" answers are never wrong: a failed lookup, or a cloud left unknown because the lookups that
  // tell it (MX, autodiscover, SPF) failed, which the report says (evidenceIncomplete).
  const cloudUndetermined = status === 'cloud-unknown' && report.cloud.evidenceIncomplete;
  if (status !== truth.truth && status !== 'lookup-failed' && !cloudUndetermined) {
    out.push(`${truth.domain} (${truth.kind}): ${status}, truth ${truth.truth}`);
  }
  if (status === 'missing') {
    const msoid = lookupOf(report, `msoid.${truth.domain}`, 'CNAME');
    if (!msoid || !(msoid.outcome === 'nxdomain' || msoid.outcome === 'nodata')) {
      out.push(`${truth.domain}: missing without a negative answer for msoid (${msoid?.outcome})`);
    }
  }
  if (status === 'lookup-failed') {
    const failure = report.msoid.failure;
    if (!failure || isAnswered(failure.outcome)) out.push(`${truth.domain}: lookup-failed without a failure`);
    if (report.msoid.outcome !== 'could-not-check' || report.msoid.severity !== 'unchecked') {
      out.push(`${truth.domain}: lookup-failed ranked as ${report.msoid.outcome}/${report.msoid.severity}`);
    }
  }
  return out;
}

function reportsOf(lines: StreamLine[]): Report[] {
  return lines.filter((l): l is Extract<StreamLine, { type: 'report' }> => l.type === 'report');
}

/** A UDP port on loopback with nothing listening (bound, then closed). */
async function deadPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------------------------------------

describe('500 domains, ~30% of queries dropped, some names failing outright', () => {
  const DROP_RATE = 0.3;
  const RUN_DEADLINE_MS = 60_000;
  const list = truths(500, 'flt', KINDS);
  let lossy: FakeServer | undefined;
  let app: App | undefined;

  beforeAll(async () => {
    const zones: Zone[] = [...zonesOf(list), ...microsoftZones()];
    lossy = await startFakeDnsServer({
      zones: zones.map((z) => z.apex),
      records: zones.flatMap(withApexRecords),
      rules: [
        ...list.flatMap((t) => rulesOf(t.domain, t.kind)),
        { suffix: '', behaviour: { kind: 'drop-rate', rate: DROP_RATE, seed: 7 } },
      ],
    });
    // The lossy server is the app's only resolver, so every query the app sends can be lost.
    app = await startApp({
      ...appEnv(lossy.address),
      DNS_TIMEOUT_MS: '300',
      DNS_TRIES: '3',
      BULK_CONCURRENCY: '64',
      RUN_DEADLINE_MS: String(RUN_DEADLINE_MS),
    });
  });
  afterAll(async () => {
    await app?.stop();
    await lossy?.close();
  });

  it('reports every domain once, none falsely missing, within the run deadline', async () => {
    const started = performance.now();
    const result = await post(app!.url, '/api/check', { domains: list.map((t) => t.domain).join('\n') });
    const wallMs = Math.round(performance.now() - started);
    expect(result.status, result.text.slice(0, 300)).toBe(200);
    const lines = parseNdjson(result.text);
    const reports = reportsOf(lines);
    expect(lines.at(-1)).toEqual({ type: 'done', checked: list.length, invalid: 0, duplicates: 0 });

    const byDomain = new Map(reports.map((r) => [r.domain, r]));
    expect(reports).toHaveLength(list.length);
    expect(byDomain.size, 'each domain exactly once').toBe(list.length);

    const wrong = list.flatMap((t) => {
      const report = byDomain.get(t.domain);
      return report ? problems(report, t) : [`${t.domain}: no report`];
    });
    const falseMissing = list.filter(
      (t) => t.truth !== 'missing' && byDomain.get(t.domain)?.msoid.status === 'missing',
    ).length;
    const tries = reports.flatMap((r) => msoidLookups(r).flatMap((l) => l.tries ?? []));
    const timedOutTries = tries.filter((t) => t.outcome === 'timeout').length;
    const failed = reports.filter((r) => r.msoid.status === 'lookup-failed').length;
    const healthyKinds = list.filter((t) => t.truth !== 'lookup-failed');
    const correct = healthyKinds.filter((t) => byDomain.get(t.domain)?.msoid.status === t.truth).length;
    const skipped = reports.filter(
      (r) => msoidLookups(r).some((l) => l.outcome === 'skipped') && msoidLookups(r)[0]?.outcome === 'answer',
    ).length;
    console.log(
      `fault injection: ${list.length} domains, drop rate ${DROP_RATE} configured / ` +
        `${(timedOutTries / Math.max(1, tries.length)).toFixed(3)} of ${tries.length} recorded tries timed out, ` +
        `${lossy!.stats.udp + lossy!.stats.tcp} queries at the server, false missing ${falseMissing}, ` +
        `wrong verdicts ${wrong.length}, could-not-check ${failed} (${list.length - healthyKinds.length} by design), ` +
        `correct ${correct}/${healthyKinds.length} healthy, ${skipped} domains with lookups skipped by the breaker, ` +
        `wall ${wallMs} ms (deadline ${RUN_DEADLINE_MS} ms)`,
    );
    expect(wrong).toEqual([]);
    expect(falseMissing).toBe(0);
    expect(wallMs).toBeLessThan(RUN_DEADLINE_MS + 5000);
    // The loss really happened, and most healthy domains still got their true verdict through retries.
    expect(timedOutTries).toBeGreaterThan(0);
    expect(correct).toBeGreaterThan(healthyKinds.length * 0.7);

    // Every deliberately broken name is could-not-check, with the reason and the attempts behind it. Under loss a
    // domain's apex may fail first (then the failure names the apex); the msoid-level checks must still run for
    // most of them, so each branch counts how often it was taken and a branch never taken fails the test.
    let failedAtMsoid = 0;
    for (const t of list.filter((x) => x.kind.endsWith('-msoid'))) {
      const report = byDomain.get(t.domain)!;
      expect(report.msoid.status, t.domain).toBe('lookup-failed');
      const msoid = lookupOf(report, `msoid.${t.domain}`, 'CNAME');
      expect(msoid?.outcome, t.domain).not.toBe('nxdomain');
      if (report.msoid.failure?.name === `msoid.${t.domain}`) {
        failedAtMsoid++;
        // Asked at least once, unless it never reached the wire: the domain's deadline came while it waited for a
        // query slot (a loaded machine), or the breaker skipped it; then the outcome says so.
        if (msoid?.attempts === 0) expect(['deadline', 'skipped'], t.domain).toContain(msoid.outcome);
        else expect(msoid?.attempts, t.domain).toBeGreaterThanOrEqual(1);
        // Runs keep the per-attempt trace only for questions that took more than one attempt.
        const attempts = msoid?.attempts ?? 0;
        expect(msoid?.tries?.length, t.domain).toBe(attempts > 1 ? attempts : undefined);
      }
    }
    expect(failedAtMsoid).toBeGreaterThan(0);
    let servfails = 0;
    for (const t of list.filter((x) => x.kind === 'servfail-msoid')) {
      const report = byDomain.get(t.domain)!;
      if (report.msoid.failure?.name === `msoid.${t.domain}`) {
        servfails++;
        expect(report.msoid.failure.outcome).toBe('servfail');
      }
    }
    expect(servfails).toBeGreaterThan(0);
  });

  it('a dead domain costs at most its apex query attempts; a breaker trip skips the rest of the domain', () => {
    const dead = list.filter((t) => t.kind === 'dead');
    for (const t of dead) {
      const queries = [...lossy!.stats.byName].filter(([name]) => name === t.domain || name.endsWith(`.${t.domain}`));
      // Only the apex SOA was asked (3 tries); nothing below a dead apex.
      expect(
        queries.reduce((n, [, c]) => n + c, 0),
        t.domain,
      ).toBeLessThanOrEqual(3);
    }
    for (const t of list.filter((x) => x.kind === 'breaker')) {
      // msoid's CNAME said NODATA, so its A/AAAA/TXT would be next: the breaker (MX and TXT timed out) skipped them.
      expect(lossy!.stats.byName.get(`msoid.${t.domain}`) ?? 0, t.domain).toBeLessThanOrEqual(1);
    }
  });

  it('the breaker shows in the technical details as skipped lookups', async () => {
    const t = list.find((x) => x.kind === 'breaker')!;
    const result = await get(app!.url, `/api/check?domain=${t.domain}&fresh=1`);
    const report = Report.parse(result.json);
    expect(report.msoid.status).toBe('lookup-failed');
    expect(report.msoid.failure?.outcome).toBe('skipped');
    const own = (['A', 'AAAA', 'TXT'] as const).map((type) => lookupOf(report, `msoid.${t.domain}`, type));
    expect(own.map((l) => [l?.outcome, l?.attempts])).toEqual([
      ['skipped', 0],
      ['skipped', 0],
      ['skipped', 0],
    ]);
  });
});

describe('POST /api/check goes through the engine: 300 domains, ~30% of queries dropped', () => {
  // Before the one engine, POST /api/check had no slow lane of its own: with these settings (300 ms timeouts,
  // a 3 s domain deadline) 300 such domains took 8.2 s; through the engine they take about 5 s. The list must
  // end within a domain deadline and a few seconds, every domain once, none falsely missing.
  const DOMAIN_DEADLINE_MS = 3000;
  const list = truths(300, 'drp', ['ok-21v', 'ok-ww', 'missing-21v', 'remove-ww']);
  let lossy: FakeServer | undefined;
  let app: App | undefined;
  beforeAll(async () => {
    const zones: Zone[] = [...zonesOf(list), ...microsoftZones()];
    lossy = await startFakeDnsServer({
      zones: zones.map((z) => z.apex),
      records: zones.flatMap(withApexRecords),
      rules: [{ suffix: '', behaviour: { kind: 'drop-rate', rate: 0.3, seed: 11 } }],
    });
    app = await startApp({
      ...appEnv(lossy.address),
      DNS_TIMEOUT_MS: '300',
      DNS_TRIES: '3',
      DOMAIN_DEADLINE_MS: String(DOMAIN_DEADLINE_MS),
    });
  });
  afterAll(async () => {
    await app?.stop();
    await lossy?.close();
  });

  it('finishes within DOMAIN_DEADLINE_MS plus a few seconds, each domain once, none falsely missing', async () => {
    const started = performance.now();
    const result = await post(app!.url, '/api/check', { domains: list.map((t) => t.domain) });
    const wallMs = performance.now() - started;
    const reports = reportsOf(parseNdjson(result.text));
    console.log(`POST /api/check, 300 domains, 30% dropped: ${Math.round(wallMs)} ms`);
    expect(new Set(reports.map((r) => r.domain)).size).toBe(list.length);
    expect(reports).toHaveLength(list.length);
    const byDomain = new Map(reports.map((r) => [r.domain, r]));
    const falseMissing = list.filter(
      (t) => t.truth !== 'missing' && byDomain.get(t.domain)?.msoid.status === 'missing',
    );
    expect(falseMissing).toEqual([]);
    expect(wallMs).toBeLessThan(DOMAIN_DEADLINE_MS + 4000);
  });
});

describe('unbound restarted in the middle of a run', () => {
  const list = truths(120, 'rst', ['ok-21v', 'missing-21v', 'ok-ww', 'remove-ww', 'wrong-21v']);
  let lab: Lab | undefined;
  let app: App | undefined;

  beforeAll(async () => {
    // The zones sit behind a fake server that answers each query 25 ms late, so the run lasts a few seconds.
    const zones = zonesOf(list);
    lab = await startLab({
      zones: microsoftZones(),
      fakeZones: {
        zones: zones.map((z) => z.apex),
        records: zones.flatMap(withApexRecords),
        rules: [{ suffix: '', behaviour: { kind: 'delay', ms: 25 } }],
      },
    });
    app = await startApp({ ...appEnv(lab.resolver), BULK_CONCURRENCY: '4' });
  });
  afterAll(async () => {
    await app?.stop();
    await lab?.stop();
  });

  it('completes with one report per domain, none falsely missing, and the server keeps working', async () => {
    const response = await fetch(`${app!.url}/api/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ domains: list.map((t) => t.domain) }),
      signal: AbortSignal.timeout(90_000),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let restart: Promise<void> | undefined;
    let reportsBeforeRestart = 0;
    let downAt = Number.POSITIVE_INFINITY;
    let restartedAt = Number.POSITIVE_INFINITY;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      const reportsSoFar = (text.match(/"type":"report"/g) ?? []).length;
      if (!restart && reportsSoFar >= 5) {
        reportsBeforeRestart = reportsSoFar;
        restart = lab!
          .restartUnbound(() => {
            downAt = performance.now();
          })
          .then(() => {
            restartedAt = performance.now();
          });
      }
    }
    const endedAt = performance.now();
    await restart;
    const lines = parseNdjson(text);
    const reports = reportsOf(lines);
    expect(lines.at(-1)).toEqual({ type: 'done', checked: list.length, invalid: 0, duplicates: 0 });
    expect(new Set(reports.map((r) => r.domain)).size).toBe(list.length);
    const byDomain = new Map(reports.map((r) => [r.domain, r]));
    const wrong = list.flatMap((t) => problems(byDomain.get(t.domain)!, t));
    const failed = reports.filter((r) => r.msoid.status === 'lookup-failed').length;
    const retried = reports.flatMap(msoidLookups).filter((l) => l.attempts > 1).length;
    console.log(
      `unbound restart: ${list.length} domains, restarted after ${reportsBeforeRestart} reports ` +
        `(down ${Math.round(endedAt - downAt)} ms and answering its own probe ${Math.round(endedAt - restartedAt)} ms ` +
        `before the run ended), ${retried} msoid-side lookups ` +
        `needed a retry, ${failed} could not be checked, ${wrong.length} wrong`,
    );
    // The restart really happened in the middle of the run: unbound went down before the run ended. (The app's
    // retries can reach the new unbound and finish the run before the lab's own readiness probe returns, so the
    // end of restartUnbound() is no measure.)
    expect(reportsBeforeRestart).toBeLessThan(list.length);
    expect(downAt).toBeLessThan(endedAt);
    expect(wrong).toEqual([]);

    expect((await get(app!.url, '/api/health')).status).toBe(200);
    const after = await get(app!.url, `/api/check?domain=${list[0]!.domain}&fresh=1`);
    expect(Report.parse(after.json).msoid.status).toBe(list[0]!.truth);
  });
});

describe('several resolvers: a failure on one is retried on the next', () => {
  const list = truths(10, 'fo', ['ok-21v', 'missing-21v', 'ok-ww', 'remove-ww', 'wrong-21v']);
  let lab: Lab | undefined;
  let servfail: FakeServer | undefined;
  let app: App | undefined;
  let dead = '';

  beforeAll(async () => {
    lab = await startLab({ zones: [...zonesOf(list), ...microsoftZones()] });
    servfail = await startFakeDnsServer({
      zones: ['test'],
      records: [],
      rules: [{ suffix: '', behaviour: { kind: 'servfail' } }],
    });
    dead = `127.0.0.1:${await deadPort()}`;
    app = await startApp({
      ...appEnv(`${dead},${servfail.address},${lab.resolver}`),
      DNS_TIMEOUT_MS: '500',
      DNS_TRIES: '3',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await servfail?.close();
    await lab?.stop();
  });

  it('every domain gets its true verdict through the third resolver', async () => {
    const result = await post(app!.url, '/api/check', { domains: list.map((t) => t.domain), fresh: true });
    const reports = reportsOf(parseNdjson(result.text));
    expect(reports.map((r) => [r.domain, r.msoid.status])).toEqual(
      expect.arrayContaining(list.map((t) => [t.domain, t.truth])),
    );
    expect(reports).toHaveLength(list.length);
    const apex = lookupOf(reports[0]!, reports[0]!.domain, 'SOA')!;
    expect(apex.tries?.map((t) => [t.server, t.outcome])).toEqual([
      [dead, 'network-error'],
      [servfail!.address, 'servfail'],
      [lab!.resolver, 'answer'],
    ]);
    expect(apex.server).toBe(lab!.resolver);
    expect(reports[0]!.resolvers).toEqual([dead, servfail!.address, lab!.resolver]);
  });

  it('readiness: ready while one resolver answers', async () => {
    const ready = await get(app!.url, '/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({ status: 'ready' });
  });
});

describe('readiness with no resolver answering', () => {
  let app: App | undefined;
  beforeAll(async () => {
    app = await startApp({ ...appEnv(`127.0.0.1:${await deadPort()}`), READY_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers 503 not-ready, while checks say could-not-check (never missing)', async () => {
    const ready = await get(app!.url, '/api/ready');
    expect(ready.status).toBe(503);
    expect(ready.json).toMatchObject({ code: 'not-ready' });
    const check = await get(app!.url, '/api/check?domain=missing-21v.test');
    expect(check.status).toBe(200);
    expect(Report.parse(check.json).msoid.status).toBe('lookup-failed');
  });
});

describe('answer cache', () => {
  it('serves a repeated answer from the cache, visibly, and never caches a failure', async () => {
    const first = Report.parse((await get(globalAppUrl, '/api/check?domain=ok-21v.test&fresh=1')).json);
    expect(msoidLookups(first).every((l) => l.cached !== true)).toBe(true);
    const second = Report.parse((await get(globalAppUrl, '/api/check?domain=ok-21v.test')).json);
    const apex = lookupOf(second, 'ok-21v.test', 'SOA')!;
    expect(apex.cached).toBe(true);
    expect(apex.attempts).toBe(0);
    expect(apex.answers[0]!.ttl).toBeLessThanOrEqual(lookupOf(first, 'ok-21v.test', 'SOA')!.answers[0]!.ttl);
    expect(second.msoid.status).toBe(first.msoid.status);

    for (let i = 0; i < 2; i++) {
      const failing = Report.parse((await get(globalAppUrl, '/api/check?domain=servfail.test')).json);
      const soa = lookupOf(failing, 'servfail.test', 'SOA')!;
      expect(soa.outcome).toBe('servfail');
      expect(soa.cached).not.toBe(true);
      expect(soa.attempts).toBeGreaterThan(0);
    }
  });
});
