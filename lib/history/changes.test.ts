import { describe, expect, it } from 'vitest';
import { type Acceptance, type ChangeKind, computeChanges, type RecordRow, type RecordState } from './changes';

const row = (domain: string, record: string, status: RecordState, value: string = status): RecordRow => ({
  domain,
  record,
  status,
  valueHash: `h:${value}`,
  value,
});
const run = (runId: string, at: string, domains: string[], records: RecordRow[]) => ({ runId, at, domains, records });

describe('computeChanges: one record, every kind', () => {
  type Row = [label: string, before: RecordRow | null, after: RecordRow | null, kind: ChangeKind];
  const cases: Row[] = [
    ['broken → ok is fixed', row('a.test', 'mx', 'broken'), row('a.test', 'mx', 'ok'), 'fixed'],
    [
      'attention → not applicable is fixed',
      row('a.test', 'mx', 'attention'),
      row('a.test', 'mx', 'notApplicable'),
      'fixed',
    ],
    ['ok → broken is newly broken', row('a.test', 'mx', 'ok'), row('a.test', 'mx', 'broken'), 'newly-broken'],
    [
      'could not check → broken is newly broken',
      row('a.test', 'mx', 'couldNotCheck'),
      row('a.test', 'mx', 'broken'),
      'newly-broken',
    ],
    ['absent → attention is newly broken', null, row('a.test', 'mx', 'attention'), 'newly-broken'],
    ['ok → could not check', row('a.test', 'mx', 'ok'), row('a.test', 'mx', 'couldNotCheck'), 'newly-could-not-check'],
    [
      'broken → could not check',
      row('a.test', 'mx', 'broken'),
      row('a.test', 'mx', 'couldNotCheck'),
      'newly-could-not-check',
    ],
    [
      'could not check twice',
      row('a.test', 'mx', 'couldNotCheck'),
      row('a.test', 'mx', 'couldNotCheck'),
      'still-could-not-check',
    ],
    ['broken, same value', row('a.test', 'mx', 'broken', 'x'), row('a.test', 'mx', 'broken', 'x'), 'still-broken'],
    ['broken, other value', row('a.test', 'mx', 'broken', 'x'), row('a.test', 'mx', 'broken', 'y'), 'changed-value'],
    ['ok, other value', row('a.test', 'mx', 'ok', 'x'), row('a.test', 'mx', 'ok', 'y'), 'changed-value'],
    ['ok, same value', row('a.test', 'mx', 'ok', 'x'), row('a.test', 'mx', 'ok', 'x'), 'unchanged'],
    ['could not check → ok', row('a.test', 'mx', 'couldNotCheck'), row('a.test', 'mx', 'ok'), 'unchanged'],
  ];
  it.each(cases)('%s', (_label, before, after, kind) => {
    const c = computeChanges(
      run('r1', '2026-11-30T08:00:00Z', ['a.test'], before ? [before] : []),
      run('r2', '2026-12-07T08:00:00Z', ['a.test'], after ? [after] : []),
    );
    expect(c.domains[0]?.records[0]?.kind).toBe(kind);
    expect(c.domains[0]?.kind).toBe(kind);
    expect(c.counts[kind]).toBe(1);
  });
});

describe('computeChanges: a list', () => {
  const from = run(
    'r1',
    '2026-11-30T08:00:00Z',
    ['a.test', 'b.test', 'c.test', 'gone.test'],
    [
      row('a.test', 'mx', 'broken'),
      row('a.test', 'spf', 'ok'),
      row('b.test', 'mx', 'ok'),
      row('c.test', 'mx', 'ok'),
      row('gone.test', 'mx', 'ok'),
    ],
  );
  const to = run(
    'r2',
    '2026-12-07T08:00:00Z',
    ['a.test', 'b.test', 'c.test', 'new.test'],
    [
      row('a.test', 'mx', 'ok'),
      row('a.test', 'spf', 'broken'),
      row('b.test', 'mx', 'ok'),
      row('c.test', 'mx', 'ok'),
      row('new.test', 'mx', 'broken'),
    ],
  );

  it("takes a domain's most pressing record kind, and counts domains and records", () => {
    const c = computeChanges(from, to);
    expect(c.domains.map((d) => [d.domain, d.kind])).toEqual([
      ['a.test', 'newly-broken'],
      ['b.test', 'unchanged'],
      ['c.test', 'unchanged'],
    ]);
    expect(c.domains[0]?.records.map((r) => [r.record, r.kind])).toEqual([
      ['mx', 'fixed'],
      ['spf', 'newly-broken'],
    ]);
    expect(c.counts).toMatchObject({ 'newly-broken': 1, unchanged: 2, fixed: 0 });
    expect(c.recordCounts).toMatchObject({ 'newly-broken': 1, fixed: 1, unchanged: 2 });
  });

  it('reports the list membership diff and leaves added and removed domains out of the counts', () => {
    const c = computeChanges(from, to);
    expect(c.membership).toEqual({ added: ['new.test'], removed: ['gone.test'] });
    expect(c.domains.some((d) => d.domain === 'new.test' || d.domain === 'gone.test')).toBe(false);
  });

  it('compares a first run with nothing: every problem is newly broken, no membership diff', () => {
    const c = computeChanges(null, to);
    expect(c.from).toBeNull();
    expect(c.counts['newly-broken']).toBe(2);
    expect(c.membership).toEqual({ added: [], removed: [] });
  });
});

describe('computeChanges: accepted findings', () => {
  const accept = (over: Partial<Acceptance> = {}): Acceptance => ({
    domain: 'a.test',
    record: 'mx',
    note: 'third-party filter',
    acceptedValueHash: 'h:filter',
    acceptedAt: '2026-12-01T00:00:00Z',
    acceptedBy: null,
    expiresAt: null,
    ...over,
  });
  const at1 = '2026-11-30T08:00:00Z';
  const at2 = '2026-12-07T08:00:00Z';
  const one = (r: RecordRow, runId: string, at: string) => run(runId, at, ['a.test'], [r]);

  it('an accepted problem is not newly broken (only its value changed), nor broken', () => {
    const c = computeChanges(
      one(row('a.test', 'mx', 'ok'), 'r1', at1),
      one(row('a.test', 'mx', 'broken', 'filter'), 'r2', at2),
      [accept()],
    );
    expect(c.domains[0]?.kind).toBe('changed-value');
    expect(c.counts['newly-broken']).toBe(0);
    expect(c.domains[0]?.records[0]?.after).toEqual({ status: 'broken', value: 'filter', accepted: true });
    expect(c.accepted).toEqual([{ domain: 'a.test', record: 'mx' }]);
  });

  it('a problem accepted at the same value in both runs is unchanged', () => {
    const c = computeChanges(
      one(row('a.test', 'mx', 'broken', 'filter'), 'r1', at1),
      one(row('a.test', 'mx', 'broken', 'filter'), 'r2', at2),
      [accept({ acceptedAt: '2026-12-01T00:00:00Z' })],
    );
    expect(c.domains[0]?.kind).toBe('unchanged');
  });

  it('re-opens when the value differs from the accepted one', () => {
    const c = computeChanges(
      one(row('a.test', 'mx', 'broken', 'filter'), 'r1', at1),
      one(row('a.test', 'mx', 'broken', 'other-filter'), 'r2', at2),
      [accept()],
    );
    expect(c.domains[0]?.kind).toBe('newly-broken');
    expect(c.domains[0]?.records[0]?.before?.accepted).toBe(true);
    expect(c.domains[0]?.records[0]?.after?.accepted).toBe(false);
    expect(c.accepted).toEqual([]);
  });

  it('re-opens when the acceptance has expired by the later run', () => {
    const c = computeChanges(
      one(row('a.test', 'mx', 'broken', 'filter'), 'r1', at1),
      one(row('a.test', 'mx', 'broken', 'filter'), 'r2', at2),
      [accept({ expiresAt: '2026-12-05T00:00:00Z' })],
    );
    expect(c.domains[0]?.kind).toBe('newly-broken');
  });

  it('an acceptance of another record or domain covers nothing here', () => {
    const c = computeChanges(
      one(row('a.test', 'mx', 'ok'), 'r1', at1),
      one(row('a.test', 'mx', 'broken', 'filter'), 'r2', at2),
      [accept({ record: 'spf' }), accept({ domain: 'b.test' })],
    );
    expect(c.domains[0]?.kind).toBe('newly-broken');
  });
});
