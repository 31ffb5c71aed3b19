import { describe, expect, it } from 'vitest';
import type { Propagation } from '@/lib/schema';
import {
  type Answered,
  internalSigns,
  needsSecondAsk,
  type Published,
  propagationHelpdesk,
  propagationOf,
  type ResolverAsk,
} from './propagation';

const NOW = Date.parse('2026-12-07T14:00:00Z');
const NEW = 'clientconfig.partner.microsoftonline-p.net.cn';
const OLD = 'old.example.test';

const pub = (over: Partial<Published> = {}): Published => ({
  answer: 'answer',
  values: [NEW],
  ttl: 300,
  mname: 'ns1.lab.test',
  server: '127.0.0.1:53',
  ...over,
});
const ans = (over: Partial<Answered> = {}): Answered => ({ answer: 'answer', values: [NEW], ttl: 120, ...over });
const ask = (first: Answered, over: Partial<ResolverAsk> = {}): ResolverAsk => ({
  resolver: '10.0.0.1:53',
  first,
  askedAt: NOW,
  ...over,
});

describe('propagationOf: one row per situation', () => {
  it.each<[string, Published, ResolverAsk[], string, string | null, string | undefined]>([
    ['every resolver has the published answer', pub(), [ask(ans()), ask(ans({ ttl: 3 }))], 'live', null, undefined],
    [
      'a resolver still holds the old value: live when its remaining TTL runs out',
      pub(),
      [ask(ans()), ask(ans({ values: [OLD], ttl: 40 }), { resolver: '10.0.0.2:53' })],
      'pending',
      '2026-12-07T14:00:40.000Z',
      undefined,
    ],
    [
      'a resolver holds the old "does not exist": its SOA TTL (RFC 2308) counts',
      pub(),
      [ask(ans({ answer: 'nxdomain', values: [], ttl: 55, mname: 'ns1.lab.test' }))],
      'pending',
      '2026-12-07T14:00:55.000Z',
      undefined,
    ],
    [
      'two resolvers pending: the later one decides liveBy',
      pub(),
      [ask(ans({ values: [OLD], ttl: 10 })), ask(ans({ values: [OLD], ttl: 90 }))],
      'pending',
      '2026-12-07T14:01:30.000Z',
      undefined,
    ],
    [
      'NODATA published, NXDOMAIN cached: both "no record", live',
      pub({ answer: 'nodata', values: [], ttl: 60 }),
      [ask(ans({ answer: 'nxdomain', values: [], ttl: 30 }))],
      'live',
      null,
      undefined,
    ],
    [
      'a resolver answers with AA set and another value: internal copy',
      pub(),
      [ask(ans({ values: [OLD], aa: true, ttl: 300 }))],
      'internal-copy',
      null,
      undefined,
    ],
    [
      'a resolver serves another primary server (MNAME): internal copy',
      pub({ answer: 'answer' }),
      [ask(ans({ answer: 'nxdomain', values: [], ttl: 3600, mname: 'dc1.corp.internal' }))],
      'internal-copy',
      null,
      undefined,
    ],
    [
      'a TTL that does not count down between two asks: internal copy',
      pub(),
      [ask(ans({ values: [OLD], ttl: 300 }), { second: ans({ values: [OLD], ttl: 300 }), secondAfterMs: 1100 })],
      'internal-copy',
      null,
      undefined,
    ],
    [
      'a TTL that counts down between two asks: a cache, pending',
      pub(),
      [ask(ans({ values: [OLD], ttl: 300 }), { second: ans({ values: [OLD], ttl: 299 }), secondAfterMs: 1100 })],
      'pending',
      '2026-12-07T14:05:00.000Z',
      undefined,
    ],
    [
      'the same TTL after less than a second proves nothing',
      pub(),
      [ask(ans({ values: [OLD], ttl: 300 }), { second: ans({ values: [OLD], ttl: 300 }), secondAfterMs: 400 })],
      'pending',
      '2026-12-07T14:05:00.000Z',
      undefined,
    ],
    [
      'the cached answer ran out between the asks and the resolver fetched the new one: live',
      pub(),
      [ask(ans({ values: [OLD], ttl: 1 }), { second: ans({ ttl: 300 }), secondAfterMs: 1100 })],
      'live',
      null,
      undefined,
    ],
    [
      'an internal copy that agrees with the published answer is not a problem',
      pub(),
      [ask(ans({ aa: true, mname: 'dc1.corp.internal' }))],
      'live',
      null,
      undefined,
    ],
    ['the zone servers disagree', pub({ disagree: true }), [ask(ans())], 'servers-disagree', null, undefined],
    [
      'nothing published to compare',
      pub({ answer: 'failed', values: [], ttl: null }),
      [ask(ans())],
      'unknown',
      null,
      'published-unavailable',
    ],
    ['no resolver asked', pub(), [], 'unknown', null, 'no-resolvers'],
    [
      'a resolver did not answer',
      pub(),
      [ask(ans()), ask(ans({ answer: 'failed', values: [], ttl: null }))],
      'unknown',
      null,
      'resolver-failed',
    ],
    [
      'pending wins over a failed resolver',
      pub(),
      [ask(ans({ values: [OLD], ttl: 20 })), ask(ans({ answer: 'failed', values: [], ttl: null }))],
      'pending',
      '2026-12-07T14:00:20.000Z',
      undefined,
    ],
  ])('%s', (_label, published, asks, state, liveBy, reason) => {
    const p = propagationOf(published, asks, NOW);
    expect(p.state).toBe(state);
    expect(p.liveBy).toBe(liveBy);
    expect(p.reason).toBe(reason);
  });

  it('a different serial alone is never a copy: same MNAME, TTL counting down, no AA', () => {
    const published = pub({ answer: 'nxdomain', values: [], ttl: 60, mname: 'ns1.lab.test' });
    const first = ans({ values: [OLD], ttl: 200, mname: 'ns1.lab.test' });
    expect(internalSigns(published, ask(first))).toEqual([]);
  });

  it('records what each resolver holds and its remaining TTL', () => {
    const p = propagationOf(pub(), [ask(ans({ values: [OLD], ttl: 40 }), { resolver: '10.0.0.9:53' })], NOW);
    expect(p.resolvers).toEqual([
      {
        resolver: '10.0.0.9:53',
        answer: 'answer',
        values: [OLD],
        ttl: 40,
        view: 'old',
        liveBy: '2026-12-07T14:00:40.000Z',
      },
    ]);
    expect(p.published).toEqual({ answer: 'answer', values: [NEW], ttl: 300, server: '127.0.0.1:53' });
    expect(p.askedAt).toBe('2026-12-07T14:00:00.000Z');
  });
});

describe('needsSecondAsk', () => {
  it.each<[string, Answered, boolean]>([
    ['same answer', ans(), false],
    ['differs, nothing tells copy from cache', ans({ values: [OLD] }), true],
    ['differs with AA: already a copy', ans({ values: [OLD], aa: true }), false],
    ['failed', ans({ answer: 'failed', values: [], ttl: null }), false],
  ])('%s', (_label, first, expected) => {
    expect(needsSecondAsk(pub(), first)).toBe(expected);
  });
});

describe('propagationHelpdesk', () => {
  const rec = (p: Partial<Propagation> & Pick<Propagation, 'state'>) => ({
    propagation: {
      published: { answer: 'answer' as const, values: ['a'], ttl: 60 },
      resolvers: [],
      liveBy: null,
      askedAt: '2026-12-07T14:00:00.000Z',
      ...p,
    },
  });
  const internal = {
    resolver: '10.1.1.1:53',
    answer: 'answer' as const,
    values: ['b'],
    ttl: 3600,
    view: 'internal' as const,
    signs: ['aa' as const],
  };
  it.each<[string, Array<{ propagation?: Propagation }>, ReturnType<typeof propagationHelpdesk>]>([
    ['all live: nothing to say', [rec({ state: 'live' })], null],
    [
      'pending: the change is done, users see it by the latest time',
      [
        rec({ state: 'pending', liveBy: '2026-12-07T14:32:00.000Z' }),
        rec({ state: 'pending', liveBy: '2026-12-07T14:05:00.000Z' }),
      ],
      { code: 'propagation.helpdesk.pending', params: { time: '2026-12-07T14:32:00.000Z' } },
    ],
    [
      'an internal copy: inside and outside differ (said first)',
      [
        rec({ state: 'pending', liveBy: '2026-12-07T14:32:00.000Z' }),
        rec({ state: 'internal-copy', resolvers: [internal] }),
      ],
      { code: 'propagation.helpdesk.internal', params: { resolver: '10.1.1.1:53' } },
    ],
    [
      'pending beside an unknown: no promise',
      [rec({ state: 'pending', liveBy: '2026-12-07T14:32:00.000Z' }), rec({ state: 'unknown' })],
      null,
    ],
    ['pending without a time: no promise', [rec({ state: 'pending', liveBy: null })], null],
    ['no propagation (bulk rows)', [{}], null],
  ])('%s', (_label, records, expected) => {
    expect(propagationHelpdesk(records)).toEqual(expected);
  });
});
