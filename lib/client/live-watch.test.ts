import { describe, expect, it } from 'vitest';
import type { Propagation, ReportRecord } from '@/lib/schema';
import {
  type Baseline,
  domainStep,
  extendBaseline,
  liveByOf,
  MAX_RECHECK_MS,
  MIN_RECHECK_MS,
  nextStep,
  notLive,
  publishedBaseline,
  recordKey,
  watchedRecords,
} from './live-watch';

const NOW = Date.parse('2026-12-07T14:00:00Z');
const at = (s: number) => new Date(NOW + s * 1000).toISOString();

function row(state: Propagation['state'], oldUntil: number[] = []): ReportRecord {
  return {
    id: 'autodiscover',
    propagation: {
      state,
      published: { answer: 'answer', values: ['autodiscover.outlook.com'], ttl: 300 },
      resolvers: oldUntil.map((s, i) => ({
        resolver: `10.0.0.${i + 1}:53`,
        answer: 'answer',
        values: ['old.test'],
        ttl: s,
        view: 'old',
        liveBy: at(s),
      })),
      liveBy: oldUntil.length > 0 ? at(Math.max(...oldUntil)) : null,
      askedAt: at(0),
    },
  } as unknown as ReportRecord;
}
const report = (...records: ReportRecord[]) => ({ records });
const watch = { now: NOW, startedAt: NOW, maxMs: 60 * 60_000, misses: 1 };

describe('nextStep', () => {
  it.each<[string, ReportRecord[], Partial<typeof watch>, ReturnType<typeof nextStep>]>([
    ['every record live: stop', [row('live'), row('live')], {}, { kind: 'live' }],
    ['no record compared: nothing to wait for', [{ id: 'mx' } as ReportRecord], {}, { kind: 'live' }],
    [
      'pending for 40 s: check again when the copy runs out',
      [row('pending', [40])],
      {},
      { kind: 'wait', delayMs: 41_000, liveBy: NOW + 40_000 },
    ],
    [
      'the next expiry, not the last: two resolvers',
      [row('pending', [40, 200])],
      {},
      { kind: 'wait', delayMs: 41_000, liveBy: NOW + 200_000 },
    ],
    [
      'never more often than every 15 s (a 5-second TTL)',
      [row('pending', [5])],
      {},
      { kind: 'wait', delayMs: MIN_RECHECK_MS, liveBy: NOW + 5000 },
    ],
    [
      'nothing to wait for (an internal copy): back off from 15 s',
      [row('internal-copy')],
      { misses: 1 },
      { kind: 'wait', delayMs: 15_000, liveBy: null },
    ],
    [
      'backing off: third miss waits 60 s',
      [row('internal-copy')],
      { misses: 3 },
      { kind: 'wait', delayMs: 60_000, liveBy: null },
    ],
    [
      'backing off stops growing at the cap',
      [row('unknown')],
      { misses: 30 },
      { kind: 'wait', delayMs: MAX_RECHECK_MS, liveBy: null },
    ],
    [
      'the expiry passed and it is still pending: back off',
      [row('pending', [-30])],
      { misses: 2 },
      { kind: 'wait', delayMs: 30_000, liveBy: NOW - 30_000 },
    ],
    [
      'the next check would come after the configured time: stop',
      [row('pending', [300])],
      { startedAt: NOW - 59 * 60_000 },
      { kind: 'gave-up' },
    ],
  ])('%s', (_label, records, over, expected) => {
    expect(nextStep(report(...records), { ...watch, ...over })).toEqual(expected);
  });
});

describe('notLive / liveByOf', () => {
  it('lists the records not live and the latest liveBy', () => {
    const r = report(row('live'), row('pending', [10, 90]), row('pending', [30]));
    expect(notLive(r)).toHaveLength(2);
    expect(liveByOf(r)).toBe(NOW + 90_000);
    expect(liveByOf(report(row('internal-copy')))).toBeNull();
  });
});

describe('the records a watch waits for', () => {
  const published = (target: string, state: Propagation['state'] = 'live'): ReportRecord => {
    const r = row(state);
    return {
      ...r,
      name: 'autodiscover.contoso.test',
      type: 'CNAME',
      propagation: { ...r.propagation!, published: { answer: 'answer', values: [target], ttl: 5 } },
    } as ReportRecord;
  };
  const key = recordKey({ id: 'autodiscover', name: 'autodiscover.contoso.test', type: 'CNAME' });

  it('pressed before the change is published: every record live, nothing changed: keep waiting (backing off)', () => {
    const before = report(published('wrong.test'));
    const watched = watchedRecords(new Set(), publishedBaseline(before), before);
    expect(watched.size).toBe(0);
    expect(nextStep(before, { ...watch, watched })).toEqual({
      kind: 'wait',
      delayMs: 15_000,
      liveBy: null,
      idle: true,
    });
  });

  it('the change is published and every resolver has it: live', () => {
    const baseline = publishedBaseline(report(published('wrong.test')));
    const after = report(published('autodiscover.outlook.com'));
    const watched = watchedRecords(new Set(), baseline, after);
    expect([...watched]).toEqual([key]);
    expect(nextStep(after, { ...watch, watched })).toEqual({ kind: 'live' });
  });

  it('a record seen pending stays watched until it is live', () => {
    const baseline = publishedBaseline(report(published('autodiscover.outlook.com', 'pending')));
    const pending = report(published('autodiscover.outlook.com', 'pending'));
    const watched = watchedRecords(new Set(), baseline, pending);
    expect([...watched]).toEqual([key]);
    expect(nextStep(pending, { ...watch, watched }).kind).toBe('wait');
    const live = report(published('autodiscover.outlook.com'));
    expect(nextStep(live, { ...watch, watched: watchedRecords(watched, baseline, live) })).toEqual({ kind: 'live' });
  });
});

describe('a selection on /bulk: several domains in one watch', () => {
  const rec = (domain: string, target: string, state: Propagation['state'] = 'live', status = 'ok'): ReportRecord => {
    const r = row(state, state === 'pending' ? [40] : []);
    return {
      ...r,
      name: `autodiscover.${domain}`,
      type: 'CNAME',
      status,
      propagation: { ...r.propagation!, published: { answer: 'answer', values: [target], ttl: 5 } },
    } as ReportRecord;
  };
  const keyOf = (domain: string) => recordKey({ id: 'autodiscover', name: `autodiscover.${domain}`, type: 'CNAME' });
  /** A stored bulk row: runs don't compare with the resolvers, so no propagation. */
  const stored = (domain: string, status: string) =>
    report({ id: 'autodiscover', name: `autodiscover.${domain}`, type: 'CNAME', status } as ReportRecord);

  it('one domain changed and live, the other not changed yet: keep waiting for the other', () => {
    const baseline = publishedBaseline({ records: [rec('a.test', 'wrong.test'), rec('b.test', 'wrong.test')] });
    const after = [report(rec('a.test', 'right.test')), report(rec('b.test', 'wrong.test'))];
    const watched = watchedRecords(new Set(), baseline, { records: after.flatMap((r) => r.records) });
    expect([...watched]).toEqual([keyOf('a.test')]);
    expect(nextStep(after, { ...watch, watched })).toEqual({ kind: 'wait', delayMs: 15_000, liveBy: null, idle: true });
    expect(after.map((r) => domainStep(r, watched))).toEqual(['live', 'unchanged']);
    // The same reports as one report (the detail page's rule) would have stopped: the selection waits for each row.
    expect(nextStep({ records: after.flatMap((r) => r.records) }, { ...watch, watched }).kind).toBe('live');
  });

  it('both changed; one still pending: wait for its expiry; both live: stop', () => {
    const baseline = publishedBaseline({ records: [rec('a.test', 'wrong.test'), rec('b.test', 'wrong.test')] });
    const pending = [report(rec('a.test', 'right.test')), report(rec('b.test', 'right.test', 'pending'))];
    const watched = watchedRecords(new Set(), baseline, { records: pending.flatMap((r) => r.records) });
    expect(nextStep(pending, { ...watch, watched })).toEqual({ kind: 'wait', delayMs: 41_000, liveBy: NOW + 40_000 });
    expect(pending.map((r) => domainStep(r, watched))).toEqual(['live', 'pending']);
    const live = [report(rec('a.test', 'right.test')), report(rec('b.test', 'right.test'))];
    expect(nextStep(live, { ...watch, watched })).toEqual({ kind: 'live' });
  });

  it('from stored rows (no comparison): a status that differs from the row is a change made before the click', () => {
    let baseline: Baseline = publishedBaseline({
      records: [...stored('a.test', 'wrong-value').records, ...stored('b.test', 'wrong-value').records],
    });
    const first = {
      records: [rec('a.test', 'right.test', 'live', 'ok'), rec('b.test', 'wrong.test', 'live', 'wrong-value')],
    };
    baseline = extendBaseline(baseline, first);
    let watched = watchedRecords(new Set(), baseline, first);
    expect([...watched]).toEqual([keyOf('a.test')]);
    // b's change is published after the first re-check: what it published then is the baseline.
    const second = {
      records: [rec('a.test', 'right.test', 'live', 'ok'), rec('b.test', 'right.test', 'live', 'wrong-value')],
    };
    baseline = extendBaseline(baseline, second);
    watched = watchedRecords(watched, baseline, second);
    expect([...watched].sort()).toEqual([keyOf('a.test'), keyOf('b.test')]);
  });

  it('extendBaseline keeps what it knew first', () => {
    const baseline = publishedBaseline(report(rec('a.test', 'wrong.test')));
    expect(extendBaseline(baseline, report(rec('a.test', 'right.test')))).toBe(baseline);
  });
});
