/**
 * The one entry point of the findings (`diagnose`) and the report shape it feeds: each lookup once under its id,
 * findings naming ids, and the compact forms (`toReportLookup`, `compactReport`) reading back to exactly what
 * they came from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answer,
  cnameLookup,
  DOMAIN,
  emptyZone,
  failedAt,
  healthy,
  type Lookups,
  lookup,
  nxdomain,
} from '@/lib/findings/records/test-fixtures';
import { KEYS } from '@/lib/lookups/plan';
import { compactReport, renderResult } from '@/lib/report/render';
import {
  type CheckResult,
  type CloudChoice,
  fromReportLookup,
  LOOKUP_OUTCOMES,
  type Lookup,
  lookupId,
  Report,
  toReportLookup,
} from '@/lib/schema';
import { diagnose } from './diagnose';

const SERVER = '127.0.0.1:53';
const RCODE: Partial<Record<Lookup['outcome'], string>> = {
  answer: 'NOERROR',
  nodata: 'NOERROR',
  nxdomain: 'NXDOMAIN',
  servfail: 'SERVFAIL',
  refused: 'REFUSED',
};

/** A lookup as the resolver returns it: the RCODE of its reply and the server that gave it. */
function sent(l: Lookup): Lookup {
  const rcode = RCODE[l.outcome];
  return { ...l, server: SERVER, ...(rcode ? { rcode } : {}) };
}

/** A check's gathered lookups for `zone` at DOMAIN: the apex, msoid, the probe and NS, then the zone's own. */
function gathered(zone: Lookups) {
  const probe = '_m365dh-0123456789';
  const all: Lookups = {
    [KEYS.apex]: answer(DOMAIN, 'SOA', 'ns1.example.test hostmaster.example.test 1'),
    [KEYS.msoid]: nxdomain(`msoid.${DOMAIN}`, 'CNAME'),
    [KEYS.probeCname]: nxdomain(`${probe}.${DOMAIN}`, 'CNAME'),
    [KEYS.probeA]: nxdomain(`${probe}.${DOMAIN}`, 'A'),
    [KEYS.ns]: answer(DOMAIN, 'NS', 'ns1.example.test', 'ns2.example.test'),
    ...zone,
    'spf:spf.protection.outlook.com': answer('spf.protection.outlook.com', 'TXT', 'v=spf1 ip4:192.0.2.0/24 -all'),
  };
  return {
    domain: DOMAIN,
    registrable: DOMAIN,
    probe,
    lookups: new Map(Object.entries(all).map(([k, l]) => [k, l.outcome === 'skipped' ? l : sent(l)])),
  };
}

const target = { ascii: DOMAIN, display: DOMAIN, registrable: DOMAIN, isSubdomain: false };

function result(zone: Lookups, cloud: CloudChoice = 'auto'): CheckResult {
  return {
    domain: DOMAIN,
    display: DOMAIN,
    registrable: DOMAIN,
    isSubdomain: false,
    ...diagnose(gathered(zone), target, { cloud }),
    resolvers: [SERVER],
    checkedAt: '2026-01-01T00:00:00.000Z',
    elapsedMs: 12,
  };
}

const ZONES: Array<[string, Lookups, CloudChoice]> = [
  ['healthy worldwide', healthy('worldwide'), 'auto'],
  ['healthy 21Vianet', healthy('21vianet'), '21vianet'],
  ['healthy GCC High', healthy('gcchigh'), 'gcchigh'],
  ['nothing published', emptyZone(), 'auto'],
  [
    'failures of every kind',
    {
      ...healthy('worldwide'),
      [KEYS.mx]: failedAt('@', 'MX', 'timeout'),
      [KEYS.dmarc]: failedAt('_dmarc', 'TXT', 'servfail'),
      [KEYS.sipfederation]: lookup(`_sipfederationtls._tcp.${DOMAIN}`, 'SRV', 'bad-response', [], { rcode: 'FORMERR' }),
    },
    'worldwide',
  ],
];

describe('diagnose: each lookup once, by id', () => {
  it.each(ZONES)(
    '%s: every id a finding names is in the lookup map, and every gathered lookup is there',
    (_l, zone, cloud) => {
      const r = result(zone, cloud);
      const named = [...r.msoid.lookups, ...r.records.flatMap((f) => f.lookups), r.host.lookup];
      for (const id of named) expect(r.lookups, id).toHaveProperty([id]);
      for (const l of gathered(zone).lookups.values()) expect(r.lookups, lookupId(l)).toHaveProperty([lookupId(l)]);
      // Ids are the lookup's name and type, so the same question has the same id in every report.
      expect(r.lookups).toHaveProperty([`msoid.${DOMAIN} CNAME`]);
      expect(r.lookups).toHaveProperty([`_dmarc.${DOMAIN} TXT`]);
    },
  );

  it.each(ZONES)('%s: every lookup reads back whole from its report form', (_l, zone, cloud) => {
    const r = result(zone, cloud);
    for (const l of gathered(zone).lookups.values()) {
      const id = lookupId(l);
      expect(fromReportLookup(id, r.lookups[id]!), id).toEqual(l);
    }
  });

  it.each(ZONES)(
    '%s: the compact report the API writes reads back as the same report, in both languages',
    (_l, zone, cloud) => {
      for (const lang of ['en', 'zh-CN']) {
        const report = renderResult(result(zone, cloud), lang);
        const wire = JSON.parse(JSON.stringify(compactReport(report)));
        expect(Report.parse(wire)).toEqual(report);
      }
    },
  );

  it('the report form leaves out what the lookup implies, and keeps what it does not', () => {
    const plain = sent(answer(DOMAIN, 'MX', '0 mx.contoso.test'));
    expect(toReportLookup(plain)).toEqual({
      outcome: 'answer',
      server: SERVER,
      answers: [{ ttl: 300, data: '0 mx.contoso.test' }],
      elapsedMs: 3,
    });
    // A CNAME lookup's answer is owned by the name asked; a chain's other answers by the name it ended on.
    const followed = sent(cnameLookup(`autodiscover.${DOMAIN}`, ['autodiscover.outlook.com']));
    expect(toReportLookup(followed).answers).toEqual([{ ttl: 3600, data: 'autodiscover.outlook.com' }]);
    const viaChain: Lookup = {
      ...sent(lookup(`autodiscover.${DOMAIN}`, 'A', 'answer', [], { chain: ['a.test'], chainEnd: 'terminal' })),
      answers: [
        { name: 'a.test', type: 'A', ttl: 60, data: '192.0.2.1' },
        { name: 'other.test', type: 'CNAME', ttl: 60, data: 'x.test' },
      ],
    };
    expect(toReportLookup(viaChain).answers).toEqual([
      { ttl: 60, data: '192.0.2.1' },
      { name: 'other.test', type: 'CNAME', ttl: 60, data: 'x.test' },
    ]);
    // An RCODE the outcome does not imply is kept.
    expect(toReportLookup({ ...plain, outcome: 'bad-response', answers: [], rcode: 'FORMERR' }).rcode).toBe('FORMERR');
    expect(toReportLookup({ ...plain, outcome: 'servfail', answers: [], rcode: 'SERVFAIL' }).rcode).toBeUndefined();
  });

  it('any lookup the resolver can give reads back whole', () => {
    const name = fc.constantFrom('a.test', 'b.a.test', DOMAIN);
    const lookupArb = fc
      .record({
        name,
        type: fc.constantFrom('A', 'CNAME', 'TXT', 'MX', 'SRV', 'NS', 'SOA' as const),
        outcome: fc.constantFrom(...LOOKUP_OUTCOMES),
        chain: fc.array(name, { maxLength: 3 }),
        owners: fc.array(fc.option(name, { nil: undefined }), { maxLength: 3 }),
        answerType: fc.option(fc.constantFrom('A', 'CNAME'), { nil: undefined }),
        rcode: fc.option(fc.constantFrom('NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED', 'FORMERR'), { nil: undefined }),
        attempts: fc.nat(3),
        tries: fc.nat(3),
      })
      .map((g): Lookup => {
        const base: Lookup = {
          name: g.name,
          type: g.type,
          outcome: g.outcome,
          answers: [],
          chain: g.chain,
          chainEnd: g.chain.length > 0 ? 'terminal' : 'none',
          attempts: g.attempts,
          elapsedMs: 4,
          server: SERVER,
        };
        const owner = g.type === 'CNAME' ? g.name : (g.chain.at(-1) ?? g.name);
        base.answers = g.owners.map((o, i) => ({
          name: o ?? owner,
          type: g.answerType ?? g.type,
          ttl: 60,
          data: `d${i}`,
        }));
        // An outcome read from a reply's RCODE (answer, no data, NXDOMAIN, SERVFAIL, REFUSED) always carries it;
        // any other outcome may carry one (a FORMERR reply is a bad response) or none (a timeout).
        const rcode = RCODE[g.outcome] ?? g.rcode;
        if (rcode) base.rcode = rcode;
        if (g.tries > 0) {
          base.tries = Array.from({ length: g.tries }, (_, i) => ({
            server: i === 0 ? '127.0.0.2:53' : SERVER,
            outcome: g.outcome,
            elapsedMs: 2,
          }));
        }
        return base;
      });
    fc.assert(
      fc.property(lookupArb, (l) => {
        const back = fromReportLookup(lookupId(l), toReportLookup(l));
        // A single try at the lookup's own server says nothing more and is dropped; everything else is kept.
        const expected =
          l.tries && l.tries.length === 1 && l.tries[0]?.server === l.server ? { ...l, tries: undefined } : l;
        expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
