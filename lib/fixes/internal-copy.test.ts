/**
 * Split-brain DNS in the fix list (issue 14 item 3): a record whose propagation is `internal-copy` gets fixes that
 * name both places, the domain's DNS host and the internal DNS server's copy of the zone, one row per situation.
 */
import { describe, expect, it } from 'vitest';
import { formatRef } from '@/lib/messages/format';
import { en, zhCN } from '@/lib/messages/index';
import type { Fix, Propagation, RecordFinding, ResolverRecord } from '@/lib/schema';
import { hostFixes } from './host-fixes';
import { internalResolvers, placesNote, withInternalCopyFixes } from './internal-copy';

const INSIDE = '10.1.1.53:53';
const OUTSIDE = '192.0.2.53:53';
const NAME = 'autodiscover.contoso.test';
const RIGHT = 'autodiscover.outlook.com';
const WRONG = 'mail.corp.internal';

const seen = (resolver: string, view: ResolverRecord['view'], values: string[]): ResolverRecord => ({
  resolver,
  answer: values.length > 0 ? 'answer' : 'nxdomain',
  values,
  ttl: 3600,
  view,
});

function propagation(state: Propagation['state'], published: string[], resolvers: ResolverRecord[]): Propagation {
  return {
    state,
    published: { answer: published.length > 0 ? 'answer' : 'nxdomain', values: published, ttl: 300 },
    resolvers,
    liveBy: null,
    askedAt: '2026-12-07T12:00:00.000Z',
  };
}

const changeFix: Fix = { op: 'change', name: NAME, host: 'autodiscover', type: 'CNAME', value: RIGHT, ttl: 3600 };

function record(fixes: Fix[], p: Propagation | undefined, type: RecordFinding['type'] = 'CNAME') {
  return {
    id: 'autodiscover',
    name: NAME,
    host: 'autodiscover',
    type,
    status: fixes.length > 0 ? 'wrong-value' : 'ok',
    fixes,
    messages: {
      verdict: { code: 'v', params: {} },
      impact: { code: 'i', params: {} },
      action: { code: 'a', params: {} },
      notes: [],
    },
    ...(p ? { propagation: p } : {}),
  } as unknown as RecordFinding & { propagation?: Propagation };
}

describe('withInternalCopyFixes', () => {
  it.each<[string, ReturnType<typeof record>, Partial<Fix>[], string | null]>([
    [
      'the published record is wrong and the inside copy differs: the fix is made in both places',
      record(
        [changeFix],
        propagation(
          'internal-copy',
          ['wrong.hoster.test'],
          [seen(OUTSIDE, 'same', ['wrong.hoster.test']), seen(INSIDE, 'internal', [WRONG])],
        ),
      ),
      [{ op: 'change', value: RIGHT, places: [{ kind: 'dns-host' }, { kind: 'internal', resolver: INSIDE }] }],
      'propagation.fix.both',
    ],
    [
      'the published record is right, the inside copy is wrong: change the inside copy only',
      record(
        [],
        propagation('internal-copy', [RIGHT], [seen(OUTSIDE, 'same', [RIGHT]), seen(INSIDE, 'internal', [WRONG])]),
      ),
      [{ op: 'change', value: RIGHT, ttl: 300, places: [{ kind: 'internal', resolver: INSIDE }] }],
      'propagation.fix.insideOnly',
    ],
    [
      'the inside copy lacks the record: add it there',
      record([], propagation('internal-copy', [RIGHT], [seen(INSIDE, 'internal', [])])),
      [{ op: 'add', value: RIGHT, places: [{ kind: 'internal', resolver: INSIDE }] }],
      'propagation.fix.insideOnly',
    ],
    [
      'the inside copy holds a record the zone does not publish: delete it there',
      record([], propagation('internal-copy', [], [seen(INSIDE, 'internal', [WRONG])])),
      [{ op: 'delete', value: WRONG, places: [{ kind: 'internal', resolver: INSIDE }] }],
      'propagation.fix.insideOnly',
    ],
    [
      'pending (a cache, not a copy): the fixes stay as they are',
      record([changeFix], propagation('pending', [RIGHT], [seen(OUTSIDE, 'old', ['old.test'])])),
      [changeFix],
      null,
    ],
    ['no propagation (a bulk run): as it is', record([changeFix], undefined), [changeFix], null],
  ])('%s', (_label, input, fixes, note) => {
    const out = withInternalCopyFixes(input);
    expect(out.fixes).toHaveLength(fixes.length);
    for (const [i, f] of fixes.entries()) expect(out.fixes[i]).toMatchObject(f);
    const notes = out.messages.notes.map((n) => n.code);
    expect(notes).toEqual(note ? [note] : []);
    if (note) expect(out.messages.notes[0]?.params).toEqual({ resolver: INSIDE });
    if (!note) expect(out).toBe(input);
  });

  it('TXT at the apex: adds what is published and deletes what only the inside copy holds', () => {
    const p = propagation(
      'internal-copy',
      ['ms=1', 'v=spf1 include:spf.protection.outlook.com -all'],
      [seen(INSIDE, 'internal', ['ms=1', 'v=spf1 -all'])],
    );
    const out = withInternalCopyFixes(record([], p, 'TXT'));
    expect(out.fixes.map((f) => [f.op, f.value])).toEqual([
      ['delete', 'v=spf1 -all'],
      ['add', 'v=spf1 include:spf.protection.outlook.com -all'],
    ]);
  });

  it('several internal resolvers are all named', () => {
    const p = propagation(
      'internal-copy',
      [RIGHT],
      [seen(INSIDE, 'internal', [WRONG]), seen('10.2.2.53:53', 'internal', [WRONG])],
    );
    expect(internalResolvers(p)).toEqual([INSIDE, '10.2.2.53:53']);
    const out = withInternalCopyFixes(record([changeFix], p));
    expect(out.fixes[0]?.places).toEqual([
      { kind: 'dns-host' },
      { kind: 'internal', resolver: INSIDE },
      { kind: 'internal', resolver: '10.2.2.53:53' },
    ]);
  });
});

describe('the fix list text names both places, in both languages', () => {
  const both = withInternalCopyFixes(
    record([changeFix], propagation('internal-copy', ['wrong.hoster.test'], [seen(INSIDE, 'internal', [WRONG])])),
  );
  it.each([
    ['en', en, ["domain's DNS host", `internal DNS server ${INSIDE}`]],
    ['zh-CN', zhCN, ['DNS 托管商', `内部 DNS 服务器（${INSIDE}）`]],
  ] as const)('%s', (_lang, catalogue, parts) => {
    const [fix] = hostFixes([both], 'contoso.test', 'generic', catalogue);
    expect(fix?.canonical.places).toHaveLength(2);
    for (const part of parts) expect(fix?.notes[0]).toContain(part);
    const note = placesNote(both.fixes[0]!);
    expect(note && formatRef(catalogue, note)).toBe(fix?.notes[0]);
  });

  it('a fix made at the DNS host only has no place note', () => {
    expect(placesNote(changeFix)).toBeNull();
    const [fix] = hostFixes([record([changeFix], undefined)], 'contoso.test', 'generic', en);
    expect(fix?.notes.join(' ')).not.toContain('internal DNS server');
  });
});
