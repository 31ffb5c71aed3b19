import { describe, expect, test } from 'vitest';
import type { StreamLine } from '@/lib/schema';
import { summarize } from './rank';
import {
  endedEarly,
  initialRunState,
  progressOf,
  type RunAction,
  type RunState,
  rowsOf,
  runReducer,
  uncheckedDomains,
} from './run-state';
import { makeReport } from './test-fixtures';

const reduce = (actions: RunAction[], from: RunState = initialRunState) => actions.reduce(runReducer, from);
const ok = (line: StreamLine) => ({ ok: true as const, line });
const reportLine = (domain: string, status: Parameters<typeof makeReport>[1], at?: string) =>
  ok({ type: 'report', ...makeReport(domain, status, at) });

const start: RunAction = { type: 'start', id: 1, cloud: 'auto', domains: ['a.test', 'b.test', 'c.test'] };
const start2: RunAction = { ...start, id: 2 };

describe('a bulk run', () => {
  test('rows appear as lines arrive, progress counts them', () => {
    const s = reduce([start, { type: 'line', streamId: 1, line: reportLine('b.test', 'ok') }]);
    expect(s.phase).toBe('running');
    expect(progressOf(s)).toEqual({ done: 1, total: 3 });
    expect(rowsOf(s).map((r) => [r.domain, r.order])).toEqual([['b.test', 1]]);
  });

  const cases: Array<{
    label: string;
    actions: RunAction[];
    phase: RunState['phase'];
    early: boolean;
    error?: string;
  }> = [
    {
      label: 'done line then end',
      actions: [
        start,
        { type: 'line', streamId: 1, line: ok({ type: 'done', checked: 3, invalid: 0, duplicates: 0 }) },
        { type: 'end', streamId: 1 },
      ],
      phase: 'done',
      early: false,
    },
    { label: 'end without a done line', actions: [start, { type: 'end', streamId: 1 }], phase: 'done', early: true },
    {
      label: 'server refused',
      actions: [
        start,
        { type: 'fail', streamId: 1, error: { code: 'too-many-domains', status: 413, limit: 2, count: 3 } },
      ],
      phase: 'failed',
      early: false,
      error: 'too-many-domains',
    },
    { label: 'user stopped', actions: [start, { type: 'stop' }], phase: 'stopped', early: false },
    {
      label: 'abort surfaces as stopped',
      actions: [start, { type: 'fail', streamId: 1, error: { code: 'aborted', status: 0 } }],
      phase: 'stopped',
      early: false,
      error: 'aborted',
    },
  ];
  test.each(cases)('$label', ({ actions, phase, early, error }) => {
    const s = reduce(actions);
    expect(s.phase).toBe(phase);
    expect(endedEarly(s)).toBe(early);
    expect(s.error?.code).toBe(error);
  });

  test('invalid and malformed lines are kept as data', () => {
    const s = reduce([
      start,
      {
        type: 'line',
        streamId: 1,
        line: ok({ type: 'invalid', line: 4, input: '10.0.0.1', reason: 'IP', code: 'ip-literal' }),
      },
      { type: 'line', streamId: 1, line: { ok: false, raw: '{' } },
    ]);
    expect(s.invalid).toEqual([{ line: 4, input: '10.0.0.1', reason: 'IP', code: 'ip-literal' }]);
    expect(s.malformed).toBe(1);
  });

  test('lines of a stopped or superseded run are ignored', () => {
    const s = reduce([start, { type: 'stop' }, { type: 'line', streamId: 1, line: reportLine('a.test', 'ok') }]);
    expect(rowsOf(s)).toEqual([]);
    const t = reduce([start, start2, { type: 'line', streamId: 1, line: reportLine('a.test', 'ok') }]);
    expect(rowsOf(t)).toEqual([]);
    expect(t.active?.id).toBe(2);
  });

  test('a new run clears the previous results', () => {
    const s = reduce([
      start,
      { type: 'line', streamId: 1, line: reportLine('a.test', 'ok') },
      { type: 'end', streamId: 1 },
      start2,
    ]);
    expect(rowsOf(s)).toEqual([]);
    expect(s.phase).toBe('running');
  });

  test('duplicate domains in the submitted list keep their first position', () => {
    const s = reduce([{ type: 'start', id: 1, cloud: 'auto', domains: ['a.test', 'b.test', 'a.test'] }]);
    expect(s.total).toBe(2);
    expect(s.order).toEqual({ 'a.test': 0, 'b.test': 1 });
  });
});

describe('re-checks', () => {
  const finished = reduce([
    start,
    { type: 'line', streamId: 1, line: reportLine('a.test', 'lookup-failed') },
    { type: 'line', streamId: 1, line: reportLine('b.test', 'ok') },
    { type: 'line', streamId: 1, line: reportLine('c.test', 'lookup-failed') },
    { type: 'end', streamId: 1 },
  ]);

  test('uncheckedDomains lists the could-not-check rows in input order', () => {
    expect(uncheckedDomains(finished)).toEqual(['a.test', 'c.test']);
  });

  test('a domain whose msoid is fine but whose health is "could not check" is re-checked too', () => {
    const partial = makeReport('b.test', 'ok');
    partial.summary.health = 'could-not-check';
    expect(uncheckedDomains(runReducer(finished, { type: 'report', report: partial }))).toEqual([
      'a.test',
      'b.test',
      'c.test',
    ]);
  });

  test('the re-check-all count agrees with the summary\'s "could not check" count', () => {
    // Broken for another record, though its msoid lookup failed: counted (and shown) as broken, not as unchecked.
    const mixed = makeReport('b.test', 'lookup-failed');
    mixed.summary.health = 'broken';
    const s = runReducer(finished, { type: 'report', report: mixed });
    const summary = summarize(rowsOf(s).map((r) => r.report));
    expect(uncheckedDomains(s)).toEqual(['a.test', 'c.test']);
    expect(uncheckedDomains(s)).toHaveLength(summary.unchecked);
  });

  test('the services of the run are kept for its re-checks', () => {
    const services = { mail: 'on', teams: 'off', intune: 'auto' } as const;
    const s = reduce([
      { ...start, services },
      { type: 'end', streamId: 1 },
    ]);
    expect(s.services).toEqual(services);
    expect(reduce([start]).services).toEqual({ mail: 'auto', teams: 'auto', intune: 'auto' });
  });

  test('a bulk re-check replaces rows and clears their pending mark', () => {
    const s = reduce(
      [
        { type: 'recheck-start', id: 2, domains: ['a.test', 'c.test'] },
        { type: 'line', streamId: 2, line: reportLine('a.test', 'ok', '2026-01-02T00:00:00.000Z') },
      ],
      finished,
    );
    expect(s.pending).toEqual(['c.test']);
    expect(s.reports['a.test']?.msoid.status).toBe('ok');
    expect(s.reports['b.test']?.msoid.status).toBe('ok');
    expect(s.phase).toBe('done');
    const ended = runReducer(s, { type: 'end', streamId: 2 });
    expect(ended.pending).toEqual([]);
    expect(ended.reports['c.test']?.msoid.status).toBe('lookup-failed');
  });

  test('a failed bulk re-check keeps every row', () => {
    const s = reduce(
      [
        { type: 'recheck-start', id: 2, domains: ['a.test'] },
        { type: 'fail', streamId: 2, error: { code: 'network', status: 0 } },
      ],
      finished,
    );
    expect(Object.keys(s.reports)).toEqual(['a.test', 'b.test', 'c.test']);
    expect(s.phase).toBe('done');
    expect(s.error?.code).toBe('network');
    // Shown next to the re-check button, not next to Check.
    expect(s.errorFrom).toBe('recheck');
    expect(runReducer(s, { type: 'recheck-start', id: 3, domains: ['a.test'] }).errorFrom).toBeNull();
  });

  test('a failed run says it was the run that failed (its error goes next to Check)', () => {
    const s = reduce([start, { type: 'fail', streamId: 1, error: { code: 'internal', status: 500 } }]);
    expect(s.errorFrom).toBe('run');
    expect(reduce([start2], s).errorFrom).toBeNull();
  });

  test('a bulk re-check cannot start while a run is streaming', () => {
    const running = reduce([start]);
    expect(runReducer(running, { type: 'recheck-start', id: 2, domains: ['a.test'] })).toBe(running);
  });

  test('a one-row re-check replaces just that report, in place', () => {
    const s = runReducer(finished, {
      type: 'report',
      report: makeReport('b.test', 'missing', '2026-01-03T00:00:00.000Z'),
    });
    expect(rowsOf(s).map((r) => [r.domain, r.order, r.report.msoid.status])).toEqual([
      ['a.test', 0, 'lookup-failed'],
      ['b.test', 1, 'missing'],
      ['c.test', 2, 'lookup-failed'],
    ]);
  });
});
