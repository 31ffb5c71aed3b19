import { describe, expect, it } from 'vitest';
import { dueSlot, jitterMs, nextSlot, scheduleProblem, simpleToCron } from './due';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const london = (cron: string) => ({ cron, tz: 'Europe/London', listId: 'list-1' });

describe('dueSlot', () => {
  const cases: Array<[string, string, string, string, string | null]> = [
    // label, cron, lastSlot, now, expected slot
    ['not yet due', '0 9 * * *', '2026-01-10T09:00:00Z', '2026-01-11T08:59:00Z', null],
    ['due at the minute', '0 9 * * *', '2026-01-10T09:00:00Z', '2026-01-11T09:00:00Z', '2026-01-11T09:00:00.000Z'],
    ['already fired', '0 9 * * *', '2026-01-11T09:00:00Z', '2026-01-11T12:00:00Z', null],
    // Three days of downtime: the latest slot only, once.
    ['missed slots run once', '0 9 * * *', '2026-01-08T09:00:00Z', '2026-01-11T12:00:00Z', '2026-01-11T09:00:00.000Z'],
    // Spring forward (29 Mar 2026, 01:00 GMT → 02:00 BST): 09:00 local is 08:00Z, not 09:00Z.
    [
      '09:00 local after spring forward',
      '0 9 * * *',
      '2026-03-28T09:00:00Z',
      '2026-03-29T08:30:00Z',
      '2026-03-29T08:00:00.000Z',
    ],
    // Fall back (25 Oct 2026, 02:00 BST → 01:00 GMT): 09:00 local is 09:00Z again.
    ['09:00 local after fall back', '0 9 * * *', '2026-10-24T08:00:00Z', '2026-10-25T08:30:00Z', null],
    [
      '09:00 local after fall back, due',
      '0 9 * * *',
      '2026-10-24T08:00:00Z',
      '2026-10-25T09:00:00Z',
      '2026-10-25T09:00:00.000Z',
    ],
  ];
  it.each(cases)('%s', (_label, cron, last, now, expected) => {
    expect(iso(dueSlot(london(cron), t(last), t(now)))).toBe(expected);
  });

  it('a 01:30 slot that does not exist on spring-forward day runs once that day', () => {
    const s = london('30 1 * * *');
    const fired: string[] = [];
    let last = t('2026-03-28T01:30:00Z');
    for (let now = t('2026-03-28T12:00:00Z'); now <= t('2026-03-30T12:00:00Z'); now += 15 * 60_000) {
      const slot = dueSlot(s, last, now);
      if (slot !== null) {
        fired.push(iso(slot) as string);
        last = slot;
      }
    }
    const onTheDay = fired.filter((f) => f.startsWith('2026-03-29'));
    expect(onTheDay).toHaveLength(1);
    expect(fired).toHaveLength(2); // the 29th and the 30th (00:30Z = 01:30 BST)
    expect(fired[1]).toBe('2026-03-30T00:30:00.000Z');
  });

  it('a 01:30 slot that occurs twice on fall-back day runs once', () => {
    const s = london('30 1 * * *');
    let last = t('2026-10-24T00:30:00Z');
    let count = 0;
    for (let now = t('2026-10-24T12:00:00Z'); now <= t('2026-10-25T12:00:00Z'); now += 10 * 60_000) {
      const slot = dueSlot(s, last, now);
      if (slot !== null) {
        count++;
        last = slot;
      }
    }
    expect(count).toBe(1);
  });

  it('waits for the list jitter, which is stable and bounded', () => {
    const s = london('0 9 * * *');
    const j = jitterMs('list-1', 300_000);
    expect(j).toBe(jitterMs('list-1', 300_000));
    expect(j).toBeGreaterThanOrEqual(0);
    expect(j).toBeLessThanOrEqual(300_000);
    expect(jitterMs('list-2', 300_000)).not.toBe(j);
    const slot = t('2026-01-11T09:00:00Z');
    expect(dueSlot(s, slot - 86_400_000, slot + j - 1000, 300_000)).toBeNull();
    expect(dueSlot(s, slot - 86_400_000, slot + j, 300_000)).toBe(slot);
  });
});

describe('schedule input', () => {
  it.each([
    [{ kind: 'daily', time: '09:00' } as const, '0 9 * * *'],
    [{ kind: 'weekly', time: '07:30', day: 1 } as const, '30 7 * * 1'],
    [{ kind: 'monthly', time: '23:05', day: 28 } as const, '5 23 28 * *'],
    [{ kind: 'daily', time: '24:00' } as const, null],
    [{ kind: 'weekly', time: '07:30', day: 7 } as const, null],
    [{ kind: 'monthly', time: '07:30', day: 31 } as const, null],
  ])('%o → %s', (simple, cron) => {
    expect(simpleToCron(simple)).toBe(cron);
  });

  it.each([
    ['0 9 * * 1', 'Europe/London', null],
    ['0 9 * * 1', 'Mars/Olympus', 'unknown time zone'],
    ['0 9 * *', 'UTC', '5 fields'],
    ['99 9 * * *', 'UTC', 'invalid cron'],
    ['0 0 9 * * *', 'UTC', '5 fields'],
  ])('%s %s', (cron, tz, problem) => {
    const got = scheduleProblem(cron, tz);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });

  it('nextSlot reads the time zone', () => {
    expect(iso(nextSlot({ cron: '0 9 * * *', tz: 'Asia/Shanghai' }, t('2026-01-11T00:00:00Z')))).toBe(
      '2026-01-11T01:00:00.000Z',
    );
  });
});
