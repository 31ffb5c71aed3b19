/**
 * The HTTP API against the production build, with real DNS: nsd + unbound (+ the fake server for
 * misbehaving zones) on loopback, started by e2e/support/global-setup.ts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bulkDomains, FIXTURES, type Fixture } from '../../lab/fixtures';
import { flushInfra } from '../../lab/unbound';
import { ApiError, InputPolicy, Report, type ReportMsoid } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get, type HttpResult, parseNdjson, post } from '../support/http';

const appUrl = inject('appUrl');
const resolver = inject('resolver');
const unboundConfig = inject('unboundConfig');
const bulkCount = inject('bulkCount');

function checkUrl(domain: string, cloud: string): string {
  return `/api/check?${new URLSearchParams({ domain, cloud })}`;
}

/** GET /api/check and validate the body as a Report (the zod error names the field when it does not). */
async function check(domain: string, cloud = 'auto'): Promise<Report> {
  const result = await get(appUrl, checkUrl(domain, cloud));
  expect(result.status, `GET ${domain} (${cloud}) → ${result.status}: ${result.text.slice(0, 500)}`).toBe(200);
  return Report.parse(result.json);
}

function expectApiError(result: HttpResult, status: number, code: string): ApiError {
  expect(result.status, result.text.slice(0, 500)).toBe(status);
  expect(result.contentType).toMatch(/json/);
  const body = ApiError.parse(result.json);
  expect(body.code).toBe(code);
  expect(body.message.length).toBeGreaterThan(0);
  return body;
}

/** A failed lookup is "could not check": never ranked as a problem or as healthy. */
function expectCouldNotCheck(msoid: ReportMsoid): void {
  expect(msoid.status).toBe('lookup-failed');
  expect(msoid.outcome).toBe('could-not-check');
  expect(msoid.severity).toBe('unchecked');
  expect(msoid.failure).toBeDefined();
}

beforeAll(async () => {
  // Unbound remembers a dead upstream for 15 minutes: start from a clean slate.
  await flushInfra(unboundConfig);
});

describe('GET /api/check, cloud=auto: every fixture', () => {
  const rows: Array<[string, Fixture]> = FIXTURES.map((f) => [`${f.domain} (${f.description})`, f]);

  it.each(rows)('%s', async (_label, fixture) => {
    const report = await check(fixture.domain);
    expect(report.domain).toBe(fixture.domain);
    expect(report.cloud.selected).toBe('auto');
    expect({ msoid: report.msoid.status, cloud: report.cloud.effective }).toEqual(fixture.expect);
    expect(report.msoid.name).toBe(`msoid.${fixture.domain}`);
    expect(report.resolvers).toContain(resolver);
    if (fixture.expect.msoid === 'lookup-failed') expectCouldNotCheck(report.msoid);
  });
});

describe('GET /api/check: situations with more detail', () => {
  const table: Array<{ label: string; domain: string; cloud: string; assert: (r: Report) => void }> = [
    {
      label: '21Vianet tenant checked as worldwide → must-remove',
      domain: 'ok-21v.test',
      cloud: 'worldwide',
      assert: (r) => {
        expect(r.cloud.selected).toBe('worldwide');
        expect(r.cloud.effective).toBe('worldwide');
        expect(r.msoid.status).toBe('must-remove');
        expect(r.cloud.contradictsEvidence).toBe(true);
      },
    },
    {
      label: 'worldwide tenant checked as 21Vianet → missing, contradicting the evidence',
      domain: 'ok-ww.test',
      cloud: '21vianet',
      assert: (r) => {
        expect(r.cloud.effective).toBe('21vianet');
        expect(r.msoid.status).toBe('missing');
        expect(r.cloud.contradictsEvidence).toBe(true);
        expect(r.cloud.inferred).toBe('worldwide');
      },
    },
    {
      label: 'ok 21Vianet: the finding expects the 21Vianet target and is healthy',
      domain: 'ok-21v.test',
      cloud: '21vianet',
      assert: (r) => {
        expect(r.msoid.status).toBe('ok');
        expect(r.msoid.expected).toBe('clientconfig.partner.microsoftonline-p.net.cn');
        expect(r.msoid.severity).toBe('ok');
        expect(r.cloud.contradictsEvidence).toBe(false);
      },
    },
    {
      label: 'typo target: wrong-target with a typo hint',
      domain: 'typo-21v.test',
      cloud: '21vianet',
      assert: (r) => {
        expect(r.msoid.status).toBe('wrong-target');
        expect(r.msoid.typo?.found).toBe('clientconfig.partner.microsoftonline-p.net.com');
      },
    },
    {
      label: 'msoid-drop: apex answers, only the msoid lookup fails',
      domain: 'msoid-drop.test',
      cloud: 'auto',
      assert: (r) => {
        expectCouldNotCheck(r.msoid);
        expect(r.msoid.failure?.name).toBe('msoid.msoid-drop.test');
        expect(r.cloud.effective).toBe('21vianet');
      },
    },
    {
      label: 'drop: lookup-failed even with an explicit cloud (never missing)',
      domain: 'drop.test',
      cloud: '21vianet',
      assert: (r) => expectCouldNotCheck(r.msoid),
    },
    {
      label: 'servfail: lookup-failed even with an explicit cloud (never missing)',
      domain: 'servfail.test',
      cloud: '21vianet',
      assert: (r) => expectCouldNotCheck(r.msoid),
    },
    {
      label: 'wildcard CNAME: answer marked as wildcard-synthesised',
      domain: 'wild-21v.test',
      cloud: '21vianet',
      assert: (r) => expect(r.msoid.wildcard).toBe(true),
    },
    {
      label: 'big TXT set (needs TCP): SPF evidence found',
      domain: 'bigtxt-21v.test',
      cloud: 'auto',
      assert: (r) => {
        expect(r.cloud.evidence).toContainEqual(
          expect.objectContaining({ record: 'spf', name: 'bigtxt-21v.test', suggests: '21vianet' }),
        );
        expect(r.cloud.evidenceIncomplete).toBe(false);
        // The apex TXT lookup (in the technical details) needed the TCP retry after a truncated UDP reply.
        expect(r.msoid.lookups).toContain('bigtxt-21v.test TXT');
        const txt = r.lookups['bigtxt-21v.test TXT'];
        expect(txt?.outcome).toBe('answer');
        expect(txt?.tcp).toBe(true);
      },
    },
  ];

  it.each(table.map((row) => [row.label, row] as const))('%s', async (_label, row) => {
    row.assert(await check(row.domain, row.cloud));
  });

  it('rejects an invalid domain with 400 invalid-input (not 5xx)', async () => {
    expectApiError(await get(appUrl, checkUrl('-bad-.test', 'auto')), 400, 'invalid-input');
  });

  it('rejects an unknown cloud with 400 invalid-input', async () => {
    expectApiError(await get(appUrl, checkUrl('ok-21v.test', 'mars')), 400, 'invalid-input');
  });
});

describe('POST /api/check (NDJSON)', () => {
  it('streams a report per valid domain, invalid lines with 1-based line numbers, then done', async () => {
    const text = ['ok-21v.test', '-bad-.test', 'ok-ww.test, missing-21v.test', '', '10.0.0.1', 'OK-21V.test'].join(
      '\n',
    );
    const result = await post(appUrl, '/api/check', { domains: text, cloud: 'auto' });
    expect(result.status, result.text.slice(0, 500)).toBe(200);
    expect(result.contentType).toMatch(/ndjson/);
    const lines = parseNdjson(result.text);
    const reports = lines.filter((l) => l.type === 'report');
    const invalid = lines.filter((l) => l.type === 'invalid');
    const last = lines.at(-1);
    expect(reports.map((r) => r.domain).sort()).toEqual(['missing-21v.test', 'ok-21v.test', 'ok-ww.test']);
    expect(invalid.map((l) => [l.line, l.input])).toEqual([
      [2, '-bad-.test'],
      [5, '10.0.0.1'],
    ]);
    expect(last).toEqual({ type: 'done', checked: 3, invalid: 2, duplicates: 1 });
    expect(lines.filter((l) => l.type === 'done')).toHaveLength(1);
    const byDomain = new Map(reports.map((r) => [r.domain, r]));
    expect(byDomain.get('missing-21v.test')?.msoid.status).toBe('missing');
    expect(byDomain.get('ok-ww.test')?.cloud.effective).toBe('worldwide');
  });

  it('accepts an array of domains and an explicit cloud', async () => {
    const result = await post(appUrl, '/api/check', { domains: ['ok-21v.test', 'remove-ww.test'], cloud: '21vianet' });
    expect(result.status).toBe(200);
    const reports = parseNdjson(result.text).filter((l) => l.type === 'report');
    expect(Object.fromEntries(reports.map((r) => [r.domain, r.msoid.status]))).toEqual({
      'ok-21v.test': 'ok',
      'remove-ww.test': 'ok',
    });
  });

  it('streams lookup-failed reports for broken zones: a DNS failure is never a 5xx', async () => {
    const result = await post(appUrl, '/api/check', { domains: 'drop.test\nservfail.test\nrefused.test' });
    expect(result.status).toBe(200);
    const reports = parseNdjson(result.text).filter((l) => l.type === 'report');
    expect(reports).toHaveLength(3);
    for (const report of reports) expectCouldNotCheck(report.msoid);
  });

  it('answers 400 invalid-input with every issue when nothing is valid', async () => {
    const body = expectApiError(
      await post(appUrl, '/api/check', { domains: '-bad-.test\n\n10.0.0.1' }),
      400,
      'invalid-input',
    );
    expect(body.issues?.map((i) => i.line)).toEqual([1, 3]);
  });

  it('answers 400 invalid-input for a body that is not JSON', async () => {
    expectApiError(await post(appUrl, '/api/check', '{"domains": ', 'application/json'), 400, 'invalid-input');
  });

  it('answers 415 unsupported-media-type for a wrong content type', async () => {
    expectApiError(await post(appUrl, '/api/check', '<domains/>', 'application/xml'), 415, 'unsupported-media-type');
  });

  it('answers 405 method-not-allowed for PUT', async () => {
    const result = await get(appUrl, '/api/check', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expectApiError(result, 405, 'method-not-allowed');
  });
});

describe('GET /api/policy', () => {
  it('describes the input policy the server enforces', async () => {
    const result = await get(appUrl, '/api/policy');
    expect(result.status).toBe(200);
    const policy = InputPolicy.parse(result.json);
    expect(policy.allowTestDomains).toBe(true);
  });
});

describe('MAX_DOMAINS_PER_REQUEST', () => {
  let limited: App | undefined;
  beforeAll(async () => {
    limited = await startApp({ ...appEnv(resolver), MAX_DOMAINS_PER_REQUEST: '3' });
  });
  afterAll(async () => {
    await limited?.stop();
  });

  it('answers 413 too-many-domains with the limit and the count', async () => {
    const domains = ['ok-21v.test', 'ok-ww.test', 'missing-21v.test', 'typo-21v.test'].join('\n');
    const body = expectApiError(await post(limited!.url, '/api/check', { domains }), 413, 'too-many-domains');
    expect(body.limit).toBe(3);
    expect(body.count).toBe(4);
  });

  it('reports the limit in the policy and accepts exactly the limit', async () => {
    const policy = InputPolicy.parse((await get(limited!.url, '/api/policy')).json);
    expect(policy.maxDomainsPerRequest).toBe(3);
    const result = await post(limited!.url, '/api/check', { domains: 'ok-21v.test ok-ww.test missing-21v.test' });
    expect(result.status).toBe(200);
    expect(parseNdjson(result.text).at(-1)).toEqual({ type: 'done', checked: 3, invalid: 0, duplicates: 0 });
  });
});

describe('benchmark: 100 domains in one POST against the local unbound', () => {
  it('checks every bulk domain and prints the elapsed time', async () => {
    const policy = InputPolicy.parse((await get(appUrl, '/api/policy')).json);
    expect(policy.maxDomainsPerRequest, 'the default limit must allow a 100-domain request').toBeGreaterThanOrEqual(
      bulkCount,
    );
    const domains = bulkDomains(bulkCount);
    const run = async (fresh: boolean) => {
      const started = performance.now();
      const result = await post(appUrl, '/api/check', { domains: domains.join('\n'), cloud: 'auto', fresh });
      const elapsed = Math.round(performance.now() - started);
      expect(result.status).toBe(200);
      return { elapsed, lines: parseNdjson(result.text) };
    };
    // First: nothing cached for these names yet. Second: `fresh` bypasses the app's cache, unbound is warm.
    const cold = await run(false);
    const warm = await run(true);
    console.log(
      `benchmark: ${bulkCount} domains via POST /api/check: ${cold.elapsed} ms cold, ${warm.elapsed} ms with unbound warm`,
    );
    for (const { lines } of [cold, warm]) {
      const reports = lines.filter((l) => l.type === 'report');
      expect(reports).toHaveLength(bulkCount);
      expect(lines.at(-1)).toEqual({ type: 'done', checked: bulkCount, invalid: 0, duplicates: 0 });
      // Even rows are 21Vianet with msoid, odd rows worldwide without: all healthy.
      expect(reports.filter((r) => r.msoid.status !== 'ok').map((r) => `${r.domain}: ${r.msoid.status}`)).toEqual([]);
    }
  });
});
