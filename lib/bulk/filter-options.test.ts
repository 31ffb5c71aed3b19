import { describe, expect, test } from 'vitest';
import { makeReport } from '@/lib/client/test-fixtures';
import type { EffectiveCloud, MsoidStatus, RecordId, Report } from '@/lib/schema';
import { filterOptions, recordStatusOptions } from './filter-options';

function row(domain: string, status: MsoidStatus, host: [string, string], cloud: EffectiveCloud = 'worldwide'): Report {
  const report = makeReport(domain, status);
  report.dnsHost = { ...report.dnsHost, id: host[0], name: host[1] };
  report.cloud = { ...report.cloud, effective: cloud };
  return report;
}

const CF: [string, string] = ['cloudflare', 'Cloudflare'];
const ALI: [string, string] = ['alibaba', 'Alibaba Cloud DNS'];
const AWS: [string, string] = ['route53', 'Amazon Route 53'];

// Each report has the msoid record (severity from its status) and an SPF record that is ok.
const rows = [
  row('a.test', 'ok', CF),
  row('b.test', 'wrong-target', ALI, '21vianet'),
  row('c.test', 'lookup-failed', CF, 'unknown'),
  row('d.test', 'missing', AWS, '21vianet'),
  row('e.test', 'wrong-target', ALI, '21vianet'),
];

describe('filterOptions', () => {
  const options = filterOptions(rows);
  test.each([
    {
      label: 'severities, most urgent first; a row counts once per severity (ok: every row has an ok SPF)',
      got: options.severity,
      want: [
        { value: 'critical', count: 2 },
        { value: 'warning', count: 1 },
        { value: 'unchecked', count: 1 },
        { value: 'ok', count: 5 },
      ],
    },
    {
      label: 'clouds present, in the schema order; none offered that no row has',
      got: options.cloud,
      want: [
        { value: 'worldwide', count: 1 },
        { value: '21vianet', count: 3 },
        { value: 'unknown', count: 1 },
      ],
    },
    {
      label: 'hosts, most common first, ties by name',
      got: options.host,
      want: [
        { value: 'alibaba', name: 'Alibaba Cloud DNS', count: 2 },
        { value: 'cloudflare', name: 'Cloudflare', count: 2 },
        { value: 'route53', name: 'Amazon Route 53', count: 1 },
      ],
    },
    {
      label: 'records, catalogue order',
      got: options.record,
      want: [
        { value: 'msoid', count: 5 },
        { value: 'spf', count: 5 },
      ],
    },
  ])('$label', ({ got, want }) => {
    expect(got).toEqual(want);
  });

  test('no rows: no choices', () => {
    expect(filterOptions([])).toEqual({ severity: [], cloud: [], host: [], record: [] });
  });

  test('a record listed twice in one row counts that row once', () => {
    const twice = row('f.test', 'ok', CF);
    const first = twice.records[0];
    if (first) twice.records.push({ ...first });
    expect(filterOptions([twice]).record).toEqual([
      { value: 'msoid', count: 1 },
      { value: 'spf', count: 1 },
    ]);
  });
});

describe('recordStatusOptions', () => {
  test.each<{ label: string; id: RecordId; want: { value: string; count: number }[] }>([
    {
      label: 'msoid: each status present, schema order',
      id: 'msoid',
      want: [
        { value: 'ok', count: 1 },
        { value: 'missing', count: 1 },
        { value: 'wrong-value', count: 2 },
        { value: 'lookup-failed', count: 1 },
      ],
    },
    { label: 'spf: all ok', id: 'spf', want: [{ value: 'ok', count: 5 }] },
    { label: 'a record no row has: nothing', id: 'dmarc', want: [] },
  ])('$label', ({ id, want }) => {
    expect(recordStatusOptions(rows, id)).toEqual(want);
  });
});
