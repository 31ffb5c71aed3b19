import { describe, expect, test } from 'vitest';
import { makeReport } from '@/lib/client/test-fixtures';
import { type EffectiveCloud, MSOID_STATUSES, type Report } from '@/lib/schema';
import {
  buildIndex,
  countByHealth,
  filterRows,
  normalizeSearch,
  type SortKey,
  sortTableRows,
  staleRows,
} from './table-model';

type Extra = { host?: [string, string]; cloud?: EffectiveCloud; found?: string };
function row(domain: string, status: (typeof MSOID_STATUSES)[number], checkedAt: string, extra: Extra = {}): Report {
  const report = makeReport(domain, status, checkedAt);
  if (extra.host) report.dnsHost = { ...report.dnsHost, id: extra.host[0], name: extra.host[1] };
  if (extra.cloud) report.cloud = { ...report.cloud, effective: extra.cloud };
  const spf = report.records[1];
  if (extra.found && spf) spf.found = [extra.found];
  return report;
}

const rows = [
  row('alpha.test', 'ok', '2026-01-01T10:00:00.000Z', { host: ['cloudflare', 'Cloudflare'] }),
  row('bravo.test', 'wrong-target', '2026-01-01T09:00:00.000Z', {
    host: ['alibaba', 'Alibaba Cloud DNS'],
    cloud: '21vianet',
  }),
  row('charlie.test', 'lookup-failed', '2026-01-01T11:00:00.000Z', { found: 'v=spf1 include:ＭＡＩＬＧＵＮ.org ~all' }),
  row('delta.test', 'missing', '2026-01-01T08:00:00.000Z', { host: ['cloudflare', 'Cloudflare'], cloud: 'unknown' }),
  row('例子.test', 'cloud-unknown', 'not a date', { host: ['dnspod', 'DNSPod'] }),
];
const names = (list: readonly Report[]) => list.map((r) => r.domain);

describe('filterRows', () => {
  const index = buildIndex(rows);
  test.each([
    {
      label: 'no filter',
      filter: {},
      domains: ['alpha.test', 'bravo.test', 'charlie.test', 'delta.test', '例子.test'],
    },
    { label: 'empty lists do not filter', filter: { health: [], host: [] }, domains: names(rows) },
    { label: 'health broken', filter: { health: ['broken' as const] }, domains: ['bravo.test'] },
    {
      label: 'health attention or could not check',
      filter: { health: ['needs-attention' as const, 'could-not-check' as const] },
      domains: ['charlie.test', 'delta.test', '例子.test'],
    },
    { label: 'severity critical', filter: { severity: ['critical' as const] }, domains: ['bravo.test'] },
    { label: 'severity unchecked', filter: { severity: ['unchecked' as const] }, domains: ['charlie.test'] },
    { label: 'cloud 21vianet', filter: { cloud: ['21vianet' as const] }, domains: ['bravo.test'] },
    { label: 'cloud unknown', filter: { cloud: ['unknown' as const] }, domains: ['delta.test'] },
    { label: 'host cloudflare', filter: { host: ['cloudflare'] }, domains: ['alpha.test', 'delta.test'] },
    { label: 'record msoid present', filter: { record: { id: 'msoid' as const } }, domains: names(rows) },
    { label: 'record dmarc absent everywhere', filter: { record: { id: 'dmarc' as const } }, domains: [] },
    {
      label: 'record msoid missing or wrong',
      filter: { record: { id: 'msoid' as const, status: ['missing' as const, 'wrong-value' as const] } },
      domains: ['bravo.test', 'delta.test'],
    },
    { label: 'text: domain, any case', filter: { text: 'ALPHA' }, domains: ['alpha.test'] },
    { label: 'text: host name', filter: { text: 'alibaba' }, domains: ['bravo.test'] },
    { label: 'text: verdict', filter: { text: 'verdict missing' }, domains: ['delta.test'] },
    { label: 'text: full-width found value (NFKC)', filter: { text: 'mailgun' }, domains: ['charlie.test'] },
    { label: 'text: full-width query (NFKC)', filter: { text: 'ＡＬＰＨＡ' }, domains: ['alpha.test'] },
    { label: 'text: Unicode display', filter: { text: '例子' }, domains: ['例子.test'] },
    { label: 'text: every word must match', filter: { text: 'cloudflare delta' }, domains: ['delta.test'] },
    { label: 'text: blank', filter: { text: '   ' }, domains: names(rows) },
    { label: 'combined', filter: { host: ['cloudflare'], health: ['healthy' as const] }, domains: ['alpha.test'] },
  ])('$label', ({ filter, domains }) => {
    expect(names(filterRows(rows, filter, index))).toEqual(domains);
    // Without an index the answer is the same.
    expect(names(filterRows(rows, filter))).toEqual(domains);
  });
});

describe('sortTableRows', () => {
  test.each<{ key: SortKey; asc: string[] }>([
    { key: 'domain', asc: ['alpha.test', 'bravo.test', 'charlie.test', 'delta.test', '例子.test'] },
    { key: 'health', asc: ['bravo.test', 'delta.test', '例子.test', 'charlie.test', 'alpha.test'] },
    { key: 'msoid', asc: ['bravo.test', 'delta.test', 'charlie.test', '例子.test', 'alpha.test'] },
    { key: 'cloud', asc: ['bravo.test', 'delta.test', 'alpha.test', 'charlie.test', '例子.test'] },
    { key: 'host', asc: ['bravo.test', 'charlie.test', 'alpha.test', 'delta.test', '例子.test'] },
    { key: 'checkedAt', asc: ['delta.test', 'bravo.test', 'alpha.test', 'charlie.test', '例子.test'] },
  ])('$key', ({ key, asc }) => {
    const shuffled = [rows[3], rows[0], rows[4], rows[2], rows[1]].filter((r) => r !== undefined);
    expect(names(sortTableRows(shuffled, key, 'asc'))).toEqual(asc);
    expect(names(sortTableRows(shuffled, key, 'desc'))).toEqual([...asc].reverse());
    expect(names(shuffled)).toEqual(['delta.test', 'alpha.test', '例子.test', 'charlie.test', 'bravo.test']);
  });
});

describe('countByHealth', () => {
  test('counts could-not-check on its own', () => {
    expect(countByHealth(rows)).toEqual({
      healthy: 1,
      'needs-attention': 2,
      broken: 1,
      'could-not-check': 1,
      total: 5,
    });
  });
  test('no rows', () => {
    expect(countByHealth([])).toEqual({ healthy: 0, 'needs-attention': 0, broken: 0, 'could-not-check': 0, total: 0 });
  });
});

describe('staleRows', () => {
  const now = new Date('2026-01-01T12:00:00.000Z');
  const hour = 3_600_000;
  test.each([
    { label: 'older than 2 h', maxAgeMs: 2 * hour, domains: ['bravo.test', 'delta.test', '例子.test'] },
    { label: 'exactly 2 h old is not stale', maxAgeMs: 3 * hour, domains: ['delta.test', '例子.test'] },
    { label: 'a day: only the unreadable date', maxAgeMs: 24 * hour, domains: ['例子.test'] },
  ])('$label', ({ maxAgeMs, domains }) => {
    expect(names(staleRows(rows, now, maxAgeMs))).toEqual(domains);
  });
});

describe('5,000 rows', () => {
  const hosts: Array<[string, string]> = [
    ['cloudflare', 'Cloudflare'],
    ['alibaba', 'Alibaba Cloud DNS'],
    ['godaddy', 'GoDaddy'],
  ];
  const clouds: EffectiveCloud[] = ['worldwide', '21vianet', 'unknown'];
  const many = Array.from({ length: 5000 }, (_, i) =>
    row(
      `d${i}.test`,
      MSOID_STATUSES[i % MSOID_STATUSES.length] ?? 'ok',
      new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      {
        host: hosts[i % 3],
        cloud: clouds[i % 7 === 0 ? 1 : i % 11 === 0 ? 2 : 0],
        found: i % 97 === 0 ? `v=spf1 include:needle${i}.test -all` : undefined,
      },
    ),
  );
  const index = buildIndex(many);

  test('filters match a naive scan', () => {
    const filter = {
      health: ['broken' as const, 'could-not-check' as const],
      host: ['alibaba'],
      cloud: ['worldwide' as const],
    };
    const expected = many.filter(
      (r) =>
        ['broken', 'could-not-check'].includes(r.summary.health) &&
        r.dnsHost.id === 'alibaba' &&
        r.cloud.effective === 'worldwide',
    );
    expect(expected.length).toBeGreaterThan(100);
    expect(names(filterRows(many, filter, index))).toEqual(names(expected));
  });

  test('search finds exactly the rows with the needle in a found value', () => {
    const expected = many.filter((_, i) => i % 97 === 0).map((r) => r.domain);
    expect(names(filterRows(many, { text: 'NEEDLE' }, index))).toEqual(expected);
    expect(names(filterRows(many, { text: 'needle485.test' }, index))).toEqual(['d485.test']);
  });

  test('counts add up and sorting keeps every row once', () => {
    const counts = countByHealth(many);
    expect(counts.healthy + counts['needs-attention'] + counts.broken + counts['could-not-check']).toBe(5000);
    expect(counts['could-not-check']).toBe(625);
    const sorted = sortTableRows(many, 'health', 'asc');
    expect(new Set(names(sorted)).size).toBe(5000);
    expect(sorted[0]?.summary.health).toBe('broken');
    expect(sorted.at(-1)?.summary.health).toBe('healthy');
  });

  test('stale rows', () => {
    const now = new Date(Date.UTC(2026, 0, 1, 1, 0, 0));
    expect(staleRows(many, now, 1000 * 1000)).toHaveLength(2600);
  });
});

test('normalizeSearch folds width and case', () => {
  expect(normalizeSearch('ＣＯＮＴＯＳＯ.Test')).toBe('contoso.test');
});
