import { describe, expect, it } from 'vitest';
import type { RecordRow, RecordState } from './changes';
import { healthCounts, timelineOf } from './timeline';

const row = (record: string, status: RecordState, value: string, domain = 'a.test'): RecordRow => ({
  domain,
  record,
  status,
  valueHash: `h:${status}:${value}`,
  value,
});

describe('timelineOf', () => {
  it('lists each change of a record with the values before and after, newest first', () => {
    const steps = timelineOf([
      { runId: 'r1', at: '2026-11-23T00:00:00Z', records: [row('mx', 'ok', 'a'), row('spf', 'broken', '')] },
      { runId: 'r2', at: '2026-11-30T00:00:00Z', records: [row('mx', 'ok', 'a'), row('spf', 'broken', '')] },
      { runId: 'r3', at: '2026-12-07T00:00:00Z', records: [row('mx', 'broken', 'b'), row('spf', 'ok', 'v=spf1')] },
    ]);
    expect(steps.map((s) => [s.runId, s.record, s.before?.value ?? null, s.after.value])).toEqual([
      ['r3', 'spf', '', 'v=spf1'],
      ['r3', 'mx', 'a', 'b'],
      ['r1', 'spf', null, ''],
    ]);
  });
});

describe('healthCounts', () => {
  it('counts a domain whose only problem is accepted by its other records', () => {
    const records = [row('mx', 'broken', 'filter'), row('spf', 'ok', 'x'), row('mx', 'broken', 'y', 'b.test')];
    const stored = new Map([
      ['a.test', 'broken' as const],
      ['b.test', 'broken' as const],
    ]);
    const accepted = {
      domain: 'a.test',
      record: 'mx',
      note: 'n',
      acceptedValueHash: 'h:broken:filter',
      acceptedAt: '2026-12-01T00:00:00Z',
      acceptedBy: null,
      expiresAt: null,
    };
    expect(healthCounts(stored, records, [accepted], '2026-12-07T00:00:00Z')).toEqual({
      healthy: 1,
      'needs-attention': 0,
      broken: 1,
      'could-not-check': 0,
    });
  });
});
