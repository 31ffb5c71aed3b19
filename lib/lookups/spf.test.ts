import { describe, expect, it } from 'vitest';
import { answer, lookup } from '@/lib/findings/records/test-fixtures';
import type { Lookup } from '@/lib/schema';
import { evaluateSpf, isSpfRecord, mergeSpf, parseSpf, rewriteSpf, spfTargets } from './spf';

const txt = (name: string, ...data: string[]): Lookup => answer(name, 'TXT', ...data);
const map = (entries: Record<string, Lookup>) => new Map(Object.entries(entries));

describe('isSpfRecord', () => {
  it.each([
    ['plain', 'v=spf1 -all', true],
    ['upper case', 'V=SPF1 include:a.test ~all', true],
    ['version only', 'v=spf1', true],
    ['leading space', '  v=spf1 -all', true],
    ['spf10 is not spf1', 'v=spf10 -all', false],
    ['verification text', 'MS=ms12345678', false],
    ['spf2.0 (Sender ID)', 'spf2.0/pra include:a.test -all', false],
  ])('%s', (_label, text, want) => {
    expect(isSpfRecord(text)).toBe(want);
  });
});

describe('parseSpf', () => {
  it('reads qualifiers, mechanisms with values and CIDR, and modifiers', () => {
    expect(
      parseSpf('v=spf1 +a mx/24 -ip4:192.0.2.0/24 ~include:A.test ?exists:%{i}.x.test redirect=b.test exp=e.test').map(
        (t) => (t.kind === 'mechanism' ? `${t.qualifier}${t.name}:${t.value}` : `${t.name}=${t.value}`),
      ),
    ).toEqual([
      '+a:',
      '+mx:/24',
      '-ip4:192.0.2.0/24',
      '~include:A.test',
      '?exists:%{i}.x.test',
      'redirect=b.test',
      'exp=e.test',
    ]);
  });
});

describe('evaluateSpf', () => {
  type Row = [
    label: string,
    record: string,
    fetched: Record<string, Lookup>,
    want: Partial<ReturnType<typeof evaluateSpf>>,
  ];
  const rows: Row[] = [
    ['ip4 only costs nothing', 'v=spf1 ip4:192.0.2.1 -all', {}, { lookups: 0, complete: true, all: '-all' }],
    ['a, mx, ptr, exists cost one each', 'v=spf1 a mx ptr exists:x.test ~all', {}, { lookups: 4, all: '~all' }],
    [
      'include costs one plus its own terms',
      'v=spf1 include:a.test -all',
      { 'a.test': txt('a.test', 'v=spf1 a mx -all') },
      { lookups: 3, complete: true, includes: ['a.test'] },
    ],
    [
      'include not fetched: incomplete, counted as one',
      'v=spf1 include:a.test -all',
      {},
      { lookups: 1, complete: false, unresolved: [{ domain: 'a.test', outcome: 'not-fetched' }] },
    ],
    [
      'include timed out: incomplete',
      'v=spf1 include:a.test -all',
      { 'a.test': lookup('a.test', 'TXT', 'timeout') },
      { complete: false, unresolved: [{ domain: 'a.test', outcome: 'timeout' }] },
    ],
    [
      'include without SPF: broken',
      'v=spf1 include:a.test -all',
      { 'a.test': lookup('a.test', 'TXT', 'nxdomain') },
      { complete: true, broken: [{ domain: 'a.test', reason: 'no-record' }] },
    ],
    [
      'include with two SPF records: broken',
      'v=spf1 include:a.test -all',
      { 'a.test': txt('a.test', 'v=spf1 -all', 'v=spf1 ~all') },
      { broken: [{ domain: 'a.test', reason: 'several-records' }] },
    ],
    [
      'include loop: broken',
      'v=spf1 include:a.test -all',
      { 'a.test': txt('a.test', 'v=spf1 include:b.test -all'), 'b.test': txt('b.test', 'v=spf1 include:a.test -all') },
      { lookups: 3, broken: [{ domain: 'a.test', reason: 'loop' }] },
    ],
    [
      'redirect counts and supplies the all',
      'v=spf1 a redirect=r.test',
      { 'r.test': txt('r.test', 'v=spf1 mx ~all') },
      { lookups: 3, all: '~all', includes: ['r.test'] },
    ],
    [
      'redirect is ignored when there is an all',
      'v=spf1 redirect=r.test -all',
      {},
      { lookups: 0, all: '-all', complete: true },
    ],
    ['redirect not fetched: all unknown', 'v=spf1 redirect=r.test', {}, { all: 'unknown', complete: false }],
    ['no all', 'v=spf1 a', {}, { all: 'none' }],
    ['bare all is +all', 'v=spf1 all', {}, { all: '+all' }],
    [
      'macro include counted, not followed',
      'v=spf1 include:%{d}.spf.test -all',
      {},
      { lookups: 1, macros: ['%{d}.spf.test'], complete: true },
    ],
    [
      'over the limit settles it even with unread includes',
      'v=spf1 a mx ptr exists:e.test a:1.test a:2.test a:3.test a:4.test a:5.test a:6.test include:late.test -all',
      {},
      { lookups: 11, complete: true },
    ],
  ];
  it.each(rows)('%s', (_label, record, fetched, want) => {
    expect(evaluateSpf(record, map(fetched), 12)).toMatchObject(want);
  });
});

describe('spfTargets', () => {
  it('follows the apex record round by round until nothing is left', () => {
    const zone: Record<string, Lookup> = {
      'a.test': txt('a.test', 'v=spf1 include:b.test include:c.test -all'),
      'b.test': txt('b.test', 'v=spf1 include:d.test -all'),
      'c.test': txt('c.test', 'v=spf1 ip4:192.0.2.1 -all'),
      'd.test': txt('d.test', 'v=spf1 -all'),
    };
    const apex = txt('contoso.test', 'v=spf1 include:a.test -all', 'MS=ms1');
    const fetched = new Map<string, Lookup>();
    const rounds: string[][] = [];
    for (let i = 0; i < 20; i++) {
      const next = spfTargets(apex, fetched, 12);
      if (next.length === 0) break;
      rounds.push(next);
      for (const d of next) fetched.set(d, zone[d] as Lookup);
    }
    expect(rounds).toEqual([['a.test'], ['b.test', 'c.test'], ['d.test']]);
    expect(evaluateSpf('v=spf1 include:a.test -all', fetched, 12)).toMatchObject({ lookups: 4, complete: true });
  });

  it.each([
    ['no SPF record', txt('contoso.test', 'MS=ms1')],
    ['two SPF records', txt('contoso.test', 'v=spf1 include:a.test -all', 'v=spf1 include:b.test -all')],
    ['failed TXT lookup', lookup('contoso.test', 'TXT', 'timeout')],
  ])('nothing to follow: %s', (_label, apex) => {
    expect(spfTargets(apex, new Map(), 12)).toEqual([]);
  });

  it('stops asking once the count is over the limit', () => {
    // Each level includes the next and adds two lookups: the count passes 10 at level 4.
    const fetched = new Map<string, Lookup>();
    const apex = txt('contoso.test', 'v=spf1 include:l1.test -all');
    let rounds = 0;
    for (;;) {
      const next = spfTargets(apex, fetched, 12);
      if (next.length === 0) break;
      rounds++;
      for (const d of next) {
        const n = Number(d.slice(1, -5)) + 1;
        fetched.set(d, txt(d, `v=spf1 a mx include:l${n}.test -all`));
      }
    }
    expect(rounds).toBe(4);
    expect(evaluateSpf('v=spf1 include:l1.test -all', fetched, 12).lookups).toBeGreaterThan(10);
  });
});

describe('rewriteSpf and mergeSpf', () => {
  it.each([
    [
      'adds the include before the all',
      'v=spf1 ip4:192.0.2.1 -all',
      { include: 'spf.test' },
      'v=spf1 ip4:192.0.2.1 include:spf.test -all',
    ],
    ['changes ?all to -all', 'v=spf1 a ?all', { all: '-all' as const }, 'v=spf1 a -all'],
    ['adds a missing all', 'v=spf1 a', { all: '-all' as const }, 'v=spf1 a -all'],
    [
      'keeps a redirect last',
      'v=spf1 a redirect=r.test',
      { include: 'spf.test', all: '-all' as const },
      'v=spf1 a include:spf.test redirect=r.test',
    ],
  ])('%s', (_label, record, change, want) => {
    expect(rewriteSpf(record, change)).toBe(want);
  });

  it.each([
    [
      'keeps terms in order without duplicates',
      ['v=spf1 a include:x.test -all', 'v=spf1 include:X.test mx ~all'],
      undefined,
      'v=spf1 a include:x.test mx -all',
    ],
    ['soft fail when no record hard-fails', ['v=spf1 a ~all', 'v=spf1 mx'], undefined, 'v=spf1 a mx ~all'],
    ['adds the cloud include', ['v=spf1 a -all', 'v=spf1 mx -all'], 'spf.test', 'v=spf1 a mx include:spf.test -all'],
  ])('merge: %s', (_label, records, include, want) => {
    expect(mergeSpf(records, include)).toBe(want);
  });
});
