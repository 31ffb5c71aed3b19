import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferCloud } from '@/lib/findings/cloud';
import type { MsoidLookups, Snapshot, WildcardProbe } from '@/lib/lookups/snapshot';
import {
  answer,
  cnameLookup,
  DOMAIN,
  EVIDENCE,
  FAILURES,
  failed,
  LEGACY,
  lookup,
  MSOID,
  msoidCname,
  msoidNx,
  msoidOwn,
  nodata,
  nxdomain,
  ownA,
  ownTxt,
  probe,
  snapshot,
  TARGET,
} from '@/lib/lookups/test-fixtures';
import {
  CLOUD_CHOICES,
  type Cloud,
  type CloudChoice,
  type CloudReport,
  isAnswered,
  LOOKUP_OUTCOMES,
  type Lookup,
  lookupId,
  type MsoidStatus,
  type Severity,
} from '@/lib/schema';
import { diagnoseMsoid, MSOID_REFERENCES } from './msoid';

/** A cloud report as `inferCloud` would give it for an explicit choice (or `unknown`). */
function report(cloud: Cloud | 'unknown'): CloudReport {
  return {
    selected: cloud === 'unknown' ? 'auto' : cloud,
    effective: cloud,
    evidence: [],
    inferred: 'unknown',
    conflicting: false,
    contradictsEvidence: false,
    evidenceIncomplete: false,
  };
}

const statusOf = (code: string) => code.split('.')[1] as MsoidStatus;

type Expect = readonly [code: string, severity: Severity];
type Situation = {
  msoid: MsoidLookups;
  wildcard?: WildcardProbe;
  v21: Expect;
  /** worldwide and GCC */
  ww: Expect;
  /** GCC High and DoD */
  gov: Expect;
  unknown: Expect;
};

const absent21 = ['msoid.missing.absent', 'warning'] as const;
const okAbsent = ['msoid.ok.absent', 'ok'] as const;
const unknownAbsent = ['msoid.cloud-unknown.absent', 'notice'] as const;
const to21v = {
  ww: ['msoid.must-remove.21vianet-target', 'critical'],
  gov: ['msoid.must-remove.21vianet-target', 'critical'],
  unknown: ['msoid.cloud-unknown.21vianet-target', 'notice'],
} as const;
const toOther = {
  ww: ['msoid.must-remove.other-target', 'warning'],
  gov: ['msoid.must-remove.other-target', 'critical'],
  unknown: ['msoid.cloud-unknown.other-target', 'notice'],
} as const;
const ownData = {
  v21: ['msoid.not-cname.own-data', 'critical'],
  ww: ['msoid.must-remove.own-data', 'warning'],
  // GCC High/DoD pages say an msoid CNAME must be removed; other data there is a warning.
  gov: ['msoid.must-remove.own-data', 'warning'],
  unknown: ['msoid.cloud-unknown.own-data', 'notice'],
} as const;
const failedAll = (q: string) => {
  const e = [`msoid.lookup-failed.${q}`, 'unchecked'] as const;
  return { v21: e, ww: e, gov: e, unknown: e };
};

const SITUATIONS: Record<string, Situation> = {
  'msoid NXDOMAIN': { msoid: msoidNx(), v21: absent21, ww: okAbsent, gov: okAbsent, unknown: unknownAbsent },
  'msoid NODATA, no A/AAAA/TXT': {
    msoid: msoidOwn(),
    v21: absent21,
    ww: okAbsent,
    gov: okAbsent,
    unknown: unknownAbsent,
  },
  'CNAME → 21Vianet target': { msoid: msoidCname([TARGET]), v21: ['msoid.ok.direct', 'ok'], ...to21v },
  'CNAME → target, upper case + trailing dot': {
    msoid: msoidCname(['ClientConfig.Partner.MicrosoftOnline-P.net.CN.']),
    v21: ['msoid.ok.direct', 'ok'],
    ...to21v,
  },
  'CNAME → intermediate → target': {
    msoid: msoidCname(['sso.contoso.test', TARGET]),
    v21: ['msoid.ok.via-chain', 'ok'],
    ...to21v,
  },
  'CNAME reaching the target at hop 3': {
    msoid: msoidCname(['a.contoso.test', 'b.contoso.test', TARGET, 'edge.example.test']),
    v21: ['msoid.ok.via-chain', 'ok'],
    ...to21v,
  },
  'CNAME → target, chain broken after it': {
    msoid: msoidCname([TARGET, 'edge.example.test'], 'failed', 'servfail'),
    v21: ['msoid.ok.direct', 'ok'],
    ...to21v,
  },
  'CNAME → legacy worldwide target': {
    msoid: msoidCname([LEGACY]),
    v21: ['msoid.wrong-target.legacy-worldwide-target', 'critical'],
    ww: ['msoid.must-remove.legacy-worldwide-target', 'warning'],
    gov: ['msoid.must-remove.legacy-worldwide-target', 'critical'],
    unknown: ['msoid.cloud-unknown.legacy-worldwide-target', 'notice'],
  },
  'CNAME → another host': {
    msoid: msoidCname(['login.hoster.test']),
    v21: ['msoid.wrong-target.other-target', 'critical'],
    ...toOther,
  },
  'CNAME loop': {
    msoid: msoidCname(['a.contoso.test', 'b.contoso.test', 'a.contoso.test'], 'loop'),
    v21: ['msoid.wrong-target.loop', 'critical'],
    ...toOther,
  },
  'CNAME chain too long': {
    msoid: msoidCname(
      ['h1.test', 'h2.test', 'h3.test', 'h4.test', 'h5.test', 'h6.test', 'h7.test', 'h8.test'],
      'too-long',
    ),
    v21: ['msoid.wrong-target.too-long', 'critical'],
    ...toOther,
  },
  'CNAME dead end (NXDOMAIN target)': {
    msoid: msoidCname(['gone.contoso.test'], 'nxdomain'),
    v21: ['msoid.wrong-target.dead-end', 'critical'],
    ...toOther,
  },
  'typo: .com for .cn (dead end)': {
    msoid: msoidCname(['clientconfig.partner.microsoftonline-p.net.com'], 'nxdomain'),
    v21: ['msoid.wrong-target.typo', 'critical'],
    ...toOther,
  },
  'typo: missing partner.': {
    msoid: msoidCname(['clientconfig.microsoftonline-p.net.cn'], 'nxdomain'),
    v21: ['msoid.wrong-target.typo', 'critical'],
    ...toOther,
  },
  'typo: two letters swapped': {
    msoid: msoidCname(['clientconfig.partner.micorsoftonline-p.net.cn'], 'nxdomain'),
    v21: ['msoid.wrong-target.typo', 'critical'],
    ...toOther,
  },
  'zone name appended to the target': {
    msoid: msoidCname([`${TARGET}.${DOMAIN}`], 'nxdomain'),
    v21: ['msoid.wrong-target.zone-appended', 'critical'],
    ...toOther,
  },
  'own A record': { msoid: ownA('192.0.2.10'), ...ownData },
  'own AAAA record': { msoid: msoidOwn({ aaaa: answer(MSOID, 'AAAA', '2001:db8::10') }), ...ownData },
  'own TXT record': { msoid: ownTxt('hello'), ...ownData },
  'own A, TXT lookup failed (partial)': {
    msoid: msoidOwn({ a: answer(MSOID, 'A', '192.0.2.10'), txt: failed(MSOID, 'TXT') }),
    ...ownData,
  },
  'CNAME lookup timed out': { msoid: { cname: failed(MSOID, 'CNAME', 'timeout') }, ...failedAll('cname') },
  'CNAME loop reported only as SERVFAIL': {
    msoid: { cname: failed(MSOID, 'CNAME', 'servfail') },
    ...failedAll('cname'),
  },
  'NODATA, A lookup failed, rest empty': {
    msoid: msoidOwn({ a: failed(MSOID, 'A', 'refused') }),
    ...failedAll('own-data'),
  },
  'NODATA, own-data lookups not run': { msoid: { cname: nodata(MSOID, 'CNAME') }, ...failedAll('own-data') },
  'chain broken before the target': {
    msoid: msoidCname(['cdn.contoso.test'], 'failed', 'servfail'),
    v21: ['msoid.lookup-failed.chain', 'unchecked'],
    ww: ['msoid.must-remove.other-target', 'warning'],
    gov: ['msoid.must-remove.other-target', 'critical'],
    unknown: ['msoid.lookup-failed.chain', 'unchecked'],
  },
  'wildcard CNAME → 21Vianet target': {
    msoid: msoidCname([TARGET]),
    wildcard: probe({ cname: [TARGET] }),
    v21: ['msoid.ok.wildcard', 'ok'],
    ...to21v,
  },
  'wildcard CNAME → another host': {
    msoid: msoidCname(['www.hoster.test']),
    wildcard: probe({ cname: ['www.hoster.test'] }),
    v21: ['msoid.wrong-target.other-target', 'critical'],
    ...toOther,
  },
  'explicit CNAME, sibling has another wildcard CNAME': {
    msoid: msoidCname([TARGET]),
    wildcard: probe({ cname: ['www.hoster.test'] }),
    v21: ['msoid.ok.direct', 'ok'],
    ...to21v,
  },
  'wildcard CNAME probe failed': {
    msoid: msoidCname(['www.hoster.test']),
    wildcard: probe({ cname: 'servfail' }),
    v21: ['msoid.wrong-target.other-target', 'critical'],
    ...toOther,
  },
  'wildcard A (same address as a random sibling)': {
    msoid: ownA('192.0.2.10'),
    wildcard: probe({ a: ['192.0.2.10'] }),
    v21: ['msoid.missing.wildcard-a', 'warning'],
    ww: ['msoid.ok.wildcard-a', 'ok'],
    gov: ['msoid.ok.wildcard-a', 'ok'],
    unknown: unknownAbsent,
  },
  'A differs from the sibling: msoid has its own A': {
    msoid: ownA('192.0.2.10'),
    wildcard: probe({ a: ['192.0.2.99'] }),
    ...ownData,
  },
  'wildcard A probe failed: treat the A as msoid’s own': {
    msoid: ownA('192.0.2.10'),
    wildcard: probe({ a: 'timeout' }),
    ...ownData,
  },
  'NXDOMAIN, probe failed: irrelevant': {
    msoid: msoidNx(),
    wildcard: probe({ a: 'timeout', cname: 'timeout' }),
    v21: absent21,
    ww: okAbsent,
    gov: okAbsent,
    unknown: unknownAbsent,
  },
};

const CLOUD_GROUP: Record<Cloud | 'unknown', keyof Omit<Situation, 'msoid' | 'wildcard'>> = {
  '21vianet': 'v21',
  worldwide: 'ww',
  gcc: 'ww',
  gcchigh: 'gov',
  dod: 'gov',
  unknown: 'unknown',
};

const matrix = Object.entries(SITUATIONS).flatMap(([label, s]) =>
  (['21vianet', 'worldwide', 'gcc', 'gcchigh', 'dod', 'unknown'] as const).map((cloud) => ({
    label: `${label} in ${cloud}`,
    s,
    cloud,
    expected: s[CLOUD_GROUP[cloud]],
  })),
);

describe('diagnoseMsoid: every situation in every cloud', () => {
  it.each(matrix)('$label → $expected.0', ({ s, cloud, expected: [code, severity] }) => {
    const snap = snapshot({ msoid: s.msoid, ...(s.wildcard ? { wildcard: s.wildcard } : {}) });
    const f = diagnoseMsoid(snap, report(cloud));
    expect(f.code).toBe(code);
    expect(f.status).toBe(statusOf(code));
    expect(f.severity).toBe(severity);
    expect(f.name).toBe(MSOID);
    expect(f.type).toBe('CNAME');
    expect(f.requirement).toBe(
      cloud === '21vianet' ? 'required' : cloud === 'unknown' ? 'depends-on-cloud' : 'must-not-exist',
    );
    expect(f.expected).toBe(cloud === '21vianet' ? TARGET : null);
    expect(f.lookups).toContain(lookupId(snap.msoid.cname));
    expect(f.lookups).toContain(lookupId(snap.apex));
    if (f.status === 'lookup-failed') {
      expect(f.failure && isAnswered(f.failure.outcome)).toBe(false);
      expect(f.fixes).toEqual([]);
    } else expect(f.failure).toBeUndefined();
    if (cloud === 'unknown') {
      // perCloud tells what the verdict would be in each cloud.
      expect(f.perCloud).toEqual({
        '21vianet': statusOf(s.v21[0]),
        worldwide: statusOf(s.ww[0]),
        gcc: statusOf(s.ww[0]),
        gcchigh: statusOf(s.gov[0]),
        dod: statusOf(s.gov[0]),
      });
    } else expect(f.perCloud).toBeUndefined();
  });
});

describe('diagnoseMsoid: details of each kind of finding', () => {
  const add = { op: 'add', name: MSOID, host: 'msoid', type: 'CNAME', value: TARGET, ttl: 3600 };
  const noteCodes = (f: { messages: { notes: { code: string }[] } }) => f.messages.notes.map((n) => n.code);

  it('missing on 21Vianet: add the CNAME, warn of slow sign-in', () => {
    const f = diagnoseMsoid(snapshot(), report('21vianet'));
    expect(f.fixes).toEqual([add]);
    expect(f.found).toEqual([]);
    expect(f.outcome).toBe('problem');
    expect(f.messages.verdict).toEqual({
      code: 'msoid.verdict.missing.absent',
      params: { name: MSOID, domain: DOMAIN, found: '' },
    });
    expect(f.messages.impact.code).toBe('msoid.impact.missing');
    expect(f.messages.action).toEqual({
      code: 'msoid.action.add',
      params: { host: 'msoid', name: MSOID, type: 'CNAME', value: TARGET, ttl: 3600 },
    });
    expect(f.reference).toBe(MSOID_REFERENCES['21vianet']);
  });

  it('ok on 21Vianet: no fixes, found and chain filled', () => {
    const f = diagnoseMsoid(snapshot({ msoid: msoidCname([`${TARGET}.`]) }), report('21vianet'));
    expect(f).toMatchObject({
      status: 'ok',
      outcome: 'ok',
      found: [TARGET],
      chain: [TARGET],
      wildcard: false,
      fixes: [],
    });
    expect(f.typo).toBeUndefined();
  });

  it('via chain: ok with a note recommending the direct CNAME', () => {
    const f = diagnoseMsoid(snapshot({ msoid: msoidCname(['a.test', 'b.test', TARGET]) }), report('21vianet'));
    expect(f.chain).toEqual(['a.test', 'b.test', TARGET]);
    expect(f.found).toEqual(['a.test']);
    expect(f.messages.verdict.params.hops).toBe(3);
    expect(noteCodes(f)).toEqual(['msoid.note.via-chain']);
  });

  it('wrong target: change the record, critical', () => {
    const f = diagnoseMsoid(snapshot({ msoid: msoidCname(['login.hoster.test']) }), report('21vianet'));
    expect(f.fixes).toEqual([{ ...add, op: 'change' }]);
    expect(f.found).toEqual(['login.hoster.test']);
    expect(f.messages.action.code).toBe('msoid.action.change');
    expect(f.messages.impact.code).toBe('msoid.impact.wrong-target');
  });

  it.each([
    [
      '.com for .cn',
      'clientconfig.partner.microsoftonline-p.net.com',
      'tld-swap',
      'clientconfig.partner.microsoftonline-p.net.c[-om][+n]',
      { foundEnding: '.com', expectedEnding: '.cn' },
    ],
    [
      'missing partner.',
      'clientconfig.microsoftonline-p.net.cn',
      'missing-label',
      'clientconfig.[+partner.]microsoftonline-p.net.cn',
      { label: 'partner' },
    ],
    [
      'one letter',
      'clientconfig.partner.microsoftonlime-p.net.cn',
      'edit-distance',
      'clientconfig.partner.microsoftonli[-m][+n]e-p.net.cn',
      { distance: 1 },
    ],
  ] as const)('typo (%s): typo filled, note shows the difference', (_l, value, kind, diff, params) => {
    const f = diagnoseMsoid(snapshot({ msoid: msoidCname([value], 'nxdomain') }), report('21vianet'));
    expect(f.status).toBe('wrong-target');
    expect(f.typo).toMatchObject({ kind, found: value, expected: TARGET });
    const note = f.messages.notes.find((n) => n.code === `msoid.note.typo.${kind}`);
    expect(note?.params).toMatchObject({ diff, ...params });
    // The typo is the verdict; the dead end is a note.
    expect(noteCodes(f)).toContain('msoid.note.chain-end.dead-end');
  });

  it('typo is also reported when the cloud is unknown', () => {
    const f = diagnoseMsoid(
      snapshot({ msoid: msoidCname(['clientconfig.partner.microsoftonline-p.net.com']) }),
      report('unknown'),
    );
    expect(f.status).toBe('cloud-unknown');
    expect(f.typo?.kind).toBe('tld-swap');
  });

  it('a far-off value is not a typo', () => {
    const f = diagnoseMsoid(snapshot({ msoid: msoidCname(['login.hoster.test']) }), report('21vianet'));
    expect(f.typo).toBeUndefined();
  });

  it('zone appended: note explains the trailing dot', () => {
    const f = diagnoseMsoid(snapshot({ msoid: msoidCname([`${TARGET}.${DOMAIN}`], 'nxdomain') }), report('21vianet'));
    expect(noteCodes(f)).toEqual(['msoid.note.zone-appended', 'msoid.note.chain-end.dead-end']);
  });

  it('not a CNAME: delete the own data, then add the CNAME', () => {
    const f = diagnoseMsoid(
      snapshot({ msoid: msoidOwn({ a: answer(MSOID, 'A', '192.0.2.10'), txt: answer(MSOID, 'TXT', 'v=x') }) }),
      report('21vianet'),
    );
    expect(f.found).toEqual(['A 192.0.2.10', 'TXT "v=x"']);
    expect(f.fixes).toEqual([
      { op: 'delete', name: MSOID, host: 'msoid', type: 'A', value: '192.0.2.10', ttl: 300 },
      { op: 'delete', name: MSOID, host: 'msoid', type: 'TXT', value: 'v=x', ttl: 300 },
      add,
    ]);
    expect(f.messages.action.code).toBe('msoid.action.replace-own-data');
  });

  it('partial own data: a note says there may be more', () => {
    const f = diagnoseMsoid(
      snapshot({ msoid: msoidOwn({ a: answer(MSOID, 'A', '192.0.2.10'), txt: failed(MSOID, 'TXT') }) }),
      report('worldwide'),
    );
    expect(noteCodes(f)).toEqual(['msoid.note.partial-own-data']);
  });

  it.each([
    ['worldwide', TARGET, 'critical', '21vianet-target', MSOID_REFERENCES.external],
    ['gcc', LEGACY, 'warning', 'legacy-worldwide-target', MSOID_REFERENCES.external],
    ['worldwide', 'login.hoster.test', 'warning', 'unneeded', MSOID_REFERENCES.external],
    ['gcchigh', 'login.hoster.test', 'critical', 'gov', MSOID_REFERENCES.gcchigh],
    ['dod', LEGACY, 'critical', 'gov', MSOID_REFERENCES.dod],
    ['dod', TARGET, 'critical', '21vianet-target', MSOID_REFERENCES.dod],
  ] as const)('must remove in %s (→ %s): delete the found value', (cloud, value, severity, impact, reference) => {
    const f = diagnoseMsoid(snapshot({ msoid: msoidCname([value]) }), report(cloud));
    expect(f.severity).toBe(severity);
    expect(f.messages.impact.code).toBe(`msoid.impact.must-remove.${impact}`);
    expect(f.fixes).toEqual([{ op: 'delete', name: MSOID, host: 'msoid', type: 'CNAME', value, ttl: 3600 }]);
    expect(f.messages.action).toMatchObject({ code: 'msoid.action.delete', params: { value, name: MSOID } });
    expect(f.reference).toBe(reference);
  });

  it.each(['gcchigh', 'dod'] as const)(
    'own data (not a CNAME) in %s: a warning that says only the CNAME is documented',
    (cloud) => {
      const f = diagnoseMsoid(snapshot({ msoid: ownTxt('hello') }), report(cloud));
      expect(f.severity).toBe('warning');
      expect(f.messages.impact.code).toBe('msoid.impact.must-remove.gov-own-data');
      expect(f.fixes).toEqual([{ op: 'delete', name: MSOID, host: 'msoid', type: 'TXT', value: 'hello', ttl: 300 }]);
    },
  );

  it('must remove own data in worldwide: delete each record', () => {
    const f = diagnoseMsoid(snapshot({ msoid: ownTxt('hello') }), report('worldwide'));
    expect(f.fixes).toEqual([{ op: 'delete', name: MSOID, host: 'msoid', type: 'TXT', value: 'hello', ttl: 300 }]);
    expect(f.messages.impact.code).toBe('msoid.impact.must-remove.unneeded');
  });

  it('chain broken before the target, worldwide: must remove, note that the chain is incomplete', () => {
    const f = diagnoseMsoid(
      snapshot({ msoid: msoidCname(['cdn.contoso.test'], 'failed', 'servfail') }),
      report('worldwide'),
    );
    expect(f.status).toBe('must-remove');
    expect(f.messages.notes).toEqual([
      { code: 'msoid.note.chain-incomplete', params: { failedAt: 'cdn.contoso.test' } },
    ]);
  });

  it('chain broken before the target, 21Vianet: says which hop failed and how', () => {
    const f = diagnoseMsoid(
      snapshot({ msoid: msoidCname(['cdn.contoso.test'], 'failed', 'servfail') }),
      report('21vianet'),
    );
    expect(f.failure).toEqual({ name: 'cdn.contoso.test', type: 'CNAME', outcome: 'servfail' });
    expect(f.messages.verdict).toEqual({
      code: 'msoid.verdict.lookup-failed.servfail',
      params: { record: MSOID, name: 'cdn.contoso.test', type: 'CNAME' },
    });
    expect(f.found).toEqual(['cdn.contoso.test']);
  });

  it('chain failure reported with outcome "answer": the failed try tells how', () => {
    const cname = {
      ...cnameLookup(MSOID, ['cdn.contoso.test'], 'failed'),
      tries: [
        { server: '127.0.0.1:53', outcome: 'answer' as const, elapsedMs: 1 },
        { server: '127.0.0.1:53', outcome: 'timeout' as const, elapsedMs: 1 },
      ],
    };
    const f = diagnoseMsoid(snapshot({ msoid: { cname } }), report('21vianet'));
    expect(f.failure?.outcome).toBe('timeout');
  });

  it('own-data lookups not run: failure names the skipped lookup', () => {
    const f = diagnoseMsoid(snapshot({ msoid: { cname: nodata(MSOID, 'CNAME') } }), report('21vianet'));
    expect(f.failure).toEqual({ name: MSOID, type: 'A', outcome: 'skipped' });
  });

  it('wildcard CNAME to the target on 21Vianet: ok, wildcard, recommend an explicit record', () => {
    const snap = snapshot({ msoid: msoidCname([TARGET]), wildcard: probe({ cname: [TARGET] }) });
    const f = diagnoseMsoid(snap, report('21vianet'));
    expect(f.wildcard).toBe(true);
    expect(noteCodes(f)).toEqual(['msoid.note.wildcard-cname', 'msoid.note.wildcard-explicit-recommended']);
    expect(f.messages.notes[0]?.params).toMatchObject({ wildcardName: `*.${DOMAIN}` });
    expect(f.lookups).toContain(lookupId(snap.wildcard!.cname));
    expect(f.lookups).toContain(lookupId(snap.wildcard!.a));
  });

  it('wildcard CNAME to the wrong place on 21Vianet: add an explicit record (nothing to change)', () => {
    const f = diagnoseMsoid(
      snapshot({ msoid: msoidCname(['www.hoster.test']), wildcard: probe({ cname: ['www.hoster.test'] }) }),
      report('21vianet'),
    );
    expect(f.fixes).toEqual([add]);
    expect(f.messages.action.code).toBe('msoid.action.add-over-wildcard');
  });

  it('wildcard CNAME in worldwide: the fix is the wildcard record', () => {
    const f = diagnoseMsoid(
      snapshot({ msoid: msoidCname([TARGET]), wildcard: probe({ cname: [TARGET] }) }),
      report('worldwide'),
    );
    expect(f.fixes).toEqual([
      { op: 'delete', name: `*.${DOMAIN}`, host: '*', type: 'CNAME', value: TARGET, ttl: 3600 },
    ]);
    expect(f.messages.action.code).toBe('msoid.action.delete-wildcard');
    expect(noteCodes(f)).toEqual(['msoid.note.wildcard-cname']);
  });

  it.each([
    ['worldwide', 'ok', []],
    ['21vianet', 'missing', [{ op: 'add', name: MSOID, host: 'msoid', type: 'CNAME', value: TARGET, ttl: 3600 }]],
  ] as const)('wildcard A in %s: not an msoid record → %s, with a note', (cloud, status, fixes) => {
    const f = diagnoseMsoid(
      snapshot({ msoid: ownA('192.0.2.10'), wildcard: probe({ a: ['192.0.2.10'] }) }),
      report(cloud),
    );
    expect(f.status).toBe(status);
    expect(f.wildcard).toBe(true);
    expect(f.found).toEqual(['A 192.0.2.10']);
    expect(f.fixes).toEqual(fixes);
    expect(noteCodes(f)).toEqual(['msoid.note.wildcard-a']);
  });

  it.each([
    ['A probe failed, own A', ownA('192.0.2.10'), probe({ a: 'timeout' }), 'must-remove'],
    ['CNAME probe failed, CNAME', msoidCname([TARGET]), probe({ cname: 'refused' }), 'must-remove'],
  ] as const)('failed wildcard probe (%s): data treated as msoid’s own, with a note', (_l, msoid, wildcard, status) => {
    const f = diagnoseMsoid(snapshot({ msoid, wildcard }), report('worldwide'));
    expect(f.status).toBe(status);
    expect(f.wildcard).toBe(false);
    expect(noteCodes(f)).toEqual(['msoid.note.wildcard-probe-failed']);
  });

  it('cloud unknown: asks to choose, no fixes, perCloud filled', () => {
    const f = diagnoseMsoid(snapshot(), report('unknown'));
    expect(f).toMatchObject({
      status: 'cloud-unknown',
      outcome: 'needs-input',
      severity: 'notice',
      requirement: 'depends-on-cloud',
      fixes: [],
      perCloud: { '21vianet': 'missing', worldwide: 'ok', gcc: 'ok', gcchigh: 'ok', dod: 'ok' },
    });
    expect(f.messages.action.code).toBe('msoid.action.choose-cloud');
    expect(f.messages.impact.code).toBe('msoid.impact.cloud-unknown.absent');
  });
});

describe('diagnoseMsoid: rule order', () => {
  type OrderRow = { label: string; snap: Partial<Snapshot>; cloud: Cloud | 'unknown'; code: string };
  const rows: OrderRow[] = [
    {
      label: 'apex failed beats everything (even a clear msoid answer)',
      snap: { apex: failed(DOMAIN, 'SOA', 'timeout'), msoid: msoidCname([TARGET]) },
      cloud: '21vianet',
      code: 'msoid.lookup-failed.apex',
    },
    {
      label: 'apex failed beats cloud-unknown',
      snap: { apex: failed(DOMAIN, 'SOA', 'servfail') },
      cloud: 'unknown',
      code: 'msoid.lookup-failed.apex',
    },
    {
      label: 'apex failed beats an msoid failure',
      snap: { apex: failed(DOMAIN, 'SOA', 'refused'), msoid: { cname: failed(MSOID, 'CNAME') } },
      cloud: 'worldwide',
      code: 'msoid.lookup-failed.apex',
    },
    {
      label: 'apex NXDOMAIN beats cloud-unknown',
      snap: { apex: nxdomain(DOMAIN, 'SOA') },
      cloud: 'unknown',
      code: 'msoid.domain-not-found',
    },
    {
      label: 'apex NXDOMAIN beats the 21Vianet verdict',
      snap: { apex: nxdomain(DOMAIN, 'SOA') },
      cloud: '21vianet',
      code: 'msoid.domain-not-found',
    },
    {
      label: 'apex NODATA (not a zone apex) is an answer: go on',
      snap: { apex: nodata(DOMAIN, 'SOA') },
      cloud: '21vianet',
      code: 'msoid.missing.absent',
    },
    {
      label: 'msoid lookup failure beats cloud-unknown',
      snap: { msoid: { cname: failed(MSOID, 'CNAME', 'timeout') } },
      cloud: 'unknown',
      code: 'msoid.lookup-failed.cname',
    },
    {
      label: 'a chain failure that leaves 21Vianet open beats cloud-unknown',
      snap: { msoid: msoidCname(['cdn.contoso.test'], 'failed', 'timeout') },
      cloud: 'unknown',
      code: 'msoid.lookup-failed.chain',
    },
  ];
  it.each(rows)('$label', ({ snap, cloud, code }) => {
    expect(diagnoseMsoid(snapshot(snap), report(cloud)).code).toBe(code);
  });

  it('apex failure: says which lookup and why', () => {
    const f = diagnoseMsoid(snapshot({ apex: failed(DOMAIN, 'SOA', 'timeout') }), report('21vianet'));
    expect(f).toMatchObject({ outcome: 'could-not-check', severity: 'unchecked', found: [], chain: [] });
    expect(f.failure).toEqual({ name: DOMAIN, type: 'SOA', outcome: 'timeout' });
    expect(f.messages.verdict.code).toBe('msoid.verdict.lookup-failed.timeout');
    expect(f.messages.action.code).toBe('msoid.action.recheck');
  });

  it('domain not found: not applicable, warning', () => {
    const f = diagnoseMsoid(snapshot({ apex: nxdomain(DOMAIN, 'SOA') }), report('21vianet'));
    expect(f).toMatchObject({ status: 'domain-not-found', outcome: 'not-applicable', severity: 'warning', fixes: [] });
  });

  it('msoid failure with unknown cloud keeps perCloud and asks to re-check first', () => {
    const f = diagnoseMsoid(
      snapshot({ msoid: msoidCname(['cdn.contoso.test'], 'failed', 'timeout') }),
      report('unknown'),
    );
    expect(f.perCloud).toEqual({
      '21vianet': 'lookup-failed',
      worldwide: 'must-remove',
      gcc: 'must-remove',
      gcchigh: 'must-remove',
      dod: 'must-remove',
    });
    expect(f.messages.notes.map((n) => n.code)).toContain('msoid.note.recheck-then-choose-cloud');
  });
});

describe('diagnoseMsoid with an inferred cloud (auto)', () => {
  const expectedCloud: Record<keyof typeof EVIDENCE, Cloud> = {
    'mx 21vianet': '21vianet',
    'autodiscover 21vianet': '21vianet',
    'spf 21vianet': '21vianet',
    'mx worldwide': 'worldwide',
    'mx worldwide (mx.microsoft)': 'worldwide',
    'autodiscover worldwide': 'worldwide',
    'spf worldwide': 'worldwide',
    'mx gcchigh-or-dod': 'gcchigh',
    'spf gcchigh-or-dod': 'gcchigh',
    'autodiscover gcchigh': 'gcchigh',
    'autodiscover dod': 'dod',
  };
  const rows = Object.entries(EVIDENCE).flatMap(([evidence, ev]) =>
    (['msoid NXDOMAIN', 'CNAME → 21Vianet target', 'own A record'] as const).map((situation) => ({
      label: `${evidence}, ${situation}`,
      ev,
      s: SITUATIONS[situation] as Situation,
      cloud: expectedCloud[evidence as keyof typeof EVIDENCE],
    })),
  );
  it.each(rows)('$label', ({ ev, s, cloud }) => {
    const snap = snapshot({ ...ev, msoid: s.msoid });
    const cloudReport = inferCloud(snap, 'auto');
    expect(cloudReport.effective).toBe(cloud);
    const f = diagnoseMsoid(snap, cloudReport);
    expect(f.code).toBe(s[CLOUD_GROUP[cloud]][0]);
    // The evidence lookups fed the cloud, so they are listed.
    expect(f.lookups).toEqual(expect.arrayContaining([snap.mx, snap.txt, snap.autodiscover].map((l) => lookupId(l))));
  });

  it('conflicting evidence → cloud-unknown', () => {
    const snap = snapshot({ ...EVIDENCE['mx worldwide'], ...EVIDENCE['autodiscover 21vianet'] });
    expect(diagnoseMsoid(snap, inferCloud(snap, 'auto')).status).toBe('cloud-unknown');
  });

  it('incomplete evidence → cloud-unknown (not a guess)', () => {
    const snap = snapshot({ mx: failed(DOMAIN, 'MX'), txt: failed(DOMAIN, 'TXT'), msoid: msoidCname([TARGET]) });
    expect(diagnoseMsoid(snap, inferCloud(snap, 'auto')).code).toBe('msoid.cloud-unknown.21vianet-target');
  });

  it('the user’s choice wins over contradicting evidence', () => {
    const snap = snapshot({ ...EVIDENCE['mx worldwide'] });
    const f = diagnoseMsoid(snap, inferCloud(snap, '21vianet'));
    expect(f.code).toBe('msoid.missing.absent');
    expect(f.lookups).not.toContain(lookupId(snap.mx));
  });
});

describe('a failed lookup is never "missing"', () => {
  const positions = ['apex', 'cname', 'a', 'aaaa', 'txt', 'chain'] as const;
  const rows = FAILURES.flatMap((outcome) =>
    positions.flatMap((at) =>
      CLOUD_CHOICES.map((cloud) => ({ label: `${at} ${outcome}, ${cloud}`, outcome, at, cloud })),
    ),
  );
  function broken(at: (typeof positions)[number], outcome: (typeof FAILURES)[number]): Snapshot {
    switch (at) {
      case 'apex':
        return snapshot({ apex: failed(DOMAIN, 'SOA', outcome) });
      case 'cname':
        return snapshot({ msoid: { cname: failed(MSOID, 'CNAME', outcome) } });
      case 'chain':
        return snapshot({ msoid: msoidCname(['cdn.contoso.test'], 'failed', outcome) });
      default:
        return snapshot({ msoid: msoidOwn({ [at]: failed(MSOID, at.toUpperCase() as 'A', outcome) }) });
    }
  }
  it.each(rows)('$label', ({ outcome, at, cloud }) => {
    const f = diagnoseMsoid(broken(at, outcome), inferCloud(broken(at, outcome), cloud as CloudChoice));
    expect(f.status).not.toBe('missing');
    if (at !== 'chain' || cloud === '21vianet' || cloud === 'auto') {
      expect(f.status).toBe('lookup-failed');
      expect(f.failure?.outcome).toBe(outcome);
    }
  });

  // Any mix of outcomes: `missing` only ever follows real answers.
  const outcome = fc.constantFrom(...LOOKUP_OUTCOMES);
  const maybeLookup = (name: string, type: 'A' | 'AAAA' | 'TXT') =>
    fc.option(
      fc
        .tuple(outcome, fc.boolean())
        .map(
          ([o, withData]): Lookup =>
            lookup(
              name,
              type,
              o,
              o === 'answer' && withData ? [type === 'TXT' ? 'x' : type === 'A' ? '192.0.2.1' : '2001:db8::1'] : [],
            ),
        ),
      { nil: undefined },
    );
  const cnameArb = fc.oneof(
    outcome.map((o) => lookup(MSOID, 'CNAME', o)),
    fc
      .tuple(
        fc.array(fc.constantFrom(TARGET, LEGACY, 'a.test', 'b.test'), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('terminal', 'nxdomain', 'loop', 'too-long', 'failed') as fc.Arbitrary<Lookup['chainEnd']>,
        outcome,
      )
      .map(([chain, end, o]) => cnameLookup(MSOID, chain, end, o)),
  );
  it('property: missing implies every msoid lookup answered', () => {
    fc.assert(
      fc.property(
        outcome,
        cnameArb,
        maybeLookup(MSOID, 'A'),
        maybeLookup(MSOID, 'AAAA'),
        maybeLookup(MSOID, 'TXT'),
        fc.constantFrom(...CLOUD_CHOICES),
        fc.option(fc.tuple(outcome, outcome), { nil: undefined }),
        (apexOutcome, cname, a, aaaa, txt, choice, wildcard) => {
          const snap = snapshot({
            apex: lookup(DOMAIN, 'SOA', apexOutcome),
            msoid: { cname, ...(a ? { a } : {}), ...(aaaa ? { aaaa } : {}), ...(txt ? { txt } : {}) },
            ...(wildcard
              ? {
                  wildcard: {
                    name: 'x.contoso.test',
                    cname: lookup('x.contoso.test', 'CNAME', wildcard[0]),
                    a: lookup('x.contoso.test', 'A', wildcard[1], wildcard[1] === 'answer' ? ['192.0.2.1'] : []),
                  },
                }
              : {}),
          });
          const f = diagnoseMsoid(snap, report(choice === 'auto' ? 'unknown' : choice));
          expect(f.status === 'lookup-failed').toBe(f.severity === 'unchecked');
          expect(f.status === 'lookup-failed').toBe(f.outcome === 'could-not-check');
          if (f.status === 'missing') {
            expect(isAnswered(snap.apex.outcome)).toBe(true);
            expect(cname.chain).toEqual([]);
            if (cname.outcome !== 'nxdomain') {
              expect(cname.outcome === 'nodata' || cname.outcome === 'answer').toBe(true);
              // Own data that is the wildcard's (the same A) means msoid has no records of its own: the lookups
              // not run after it are not needed (the judge's `wildcard-a`). Every lookup that ran answered.
              const wildcardA = wildcard?.[1] === 'answer' && a?.outcome === 'answer' && a.answers.length > 0;
              for (const own of [a, aaaa, txt]) {
                expect(own === undefined ? wildcardA : isAnswered(own.outcome)).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
