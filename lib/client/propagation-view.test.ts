import { describe, expect, it } from 'vitest';
import type { Propagation, ReportRecord } from '@/lib/schema';
import { propagationSentence } from './propagation-view';

const rec = (p: Partial<Propagation> & Pick<Propagation, 'state'>): ReportRecord =>
  ({
    id: 'autodiscover',
    propagation: {
      published: { answer: 'answer', values: ['a'], ttl: 60 },
      resolvers: [],
      liveBy: null,
      askedAt: '2026-12-07T14:00:00.000Z',
      ...p,
    },
  }) as unknown as ReportRecord;
const internal = {
  resolver: '10.1.1.1:53',
  answer: 'answer' as const,
  values: ['b'],
  ttl: 3600,
  view: 'internal' as const,
  signs: ['aa' as const],
};

describe('propagationSentence', () => {
  it.each<[string, ReportRecord[], ReturnType<typeof propagationSentence>]>([
    ['all live: nothing to say', [rec({ state: 'live' })], null],
    [
      'pending: the change is done, live by the latest time',
      [
        rec({ state: 'pending', liveBy: '2026-12-07T14:32:00.000Z' }),
        rec({ state: 'pending', liveBy: '2026-12-07T14:05:00.000Z' }),
      ],
      { code: 'propagation.helpdesk.pending', liveBy: '2026-12-07T14:32:00.000Z' },
    ],
    [
      'an internal copy: inside and outside differ',
      [
        rec({ state: 'pending', liveBy: '2026-12-07T14:32:00.000Z' }),
        rec({ state: 'internal-copy', resolvers: [internal] }),
      ],
      { code: 'propagation.helpdesk.internal', resolver: '10.1.1.1:53' },
    ],
    [
      'pending with an unknown beside it: no promise',
      [rec({ state: 'pending', liveBy: '2026-12-07T14:32:00.000Z' }), rec({ state: 'unknown' })],
      null,
    ],
    ['no propagation in the report', [{ id: 'mx' } as ReportRecord], null],
  ])('%s', (_label, records, expected) => {
    expect(propagationSentence({ records })).toEqual(expected);
  });
});
