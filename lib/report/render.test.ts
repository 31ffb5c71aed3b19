import { describe, expect, it } from 'vitest';
import { diagnoseCloudAndMsoid as diagnose } from '@/lib/findings/cloud-msoid';
import type { MsoidLookups, Snapshot, WildcardProbe } from '@/lib/lookups/snapshot';
import {
  answer,
  DOMAIN,
  EVIDENCE,
  type Evidence,
  FAILURES,
  failed,
  LEGACY,
  MSOID,
  msoidCname,
  msoidNx,
  msoidOwn,
  mx,
  nodata,
  nxdomain,
  ownA,
  probe,
  snapshot,
  TARGET,
} from '@/lib/lookups/test-fixtures';
import { cloudMessages } from '@/lib/messages/en/cloud';
import { msoidMessages } from '@/lib/messages/en/msoid';
import { type Catalogue, lookupTemplate } from '@/lib/messages/format';
import {
  CLOUD_CHOICE_LABEL,
  CLOUD_HINT_LABEL,
  EFFECTIVE_CLOUD_LABEL,
  EVIDENCE_RECORD_LABEL,
  MSOID_STATUS_PRESENTATION,
  REQUIREMENT_LABEL,
  SEVERITY_PRESENTATION,
} from '@/lib/presentation';
import { CLOUDS, type CloudChoice, type MessageRef } from '@/lib/schema';
import { renderMsoid as renderFinding, renderNotes } from './render';

const catalogue = { msoid: msoidMessages, cloud: cloudMessages } satisfies Catalogue;

/** Every msoid situation we know, with an optional wildcard probe. */
const MSOID_CASES: [string, MsoidLookups, WildcardProbe?][] = [
  ['nxdomain', msoidNx()],
  ['target', msoidCname([TARGET])],
  ['target via chain', msoidCname(['a.test', TARGET])],
  ['legacy', msoidCname([LEGACY])],
  ['other', msoidCname(['x.test'])],
  ['loop', msoidCname(['a.test', 'a.test'], 'loop')],
  ['too long', msoidCname(['a.test', 'b.test'], 'too-long')],
  ['dead end', msoidCname(['a.test'], 'nxdomain')],
  ['typo tld', msoidCname(['clientconfig.partner.microsoftonline-p.net.com'], 'nxdomain')],
  ['typo label', msoidCname(['clientconfig.microsoftonline-p.net.cn'])],
  ['typo edit', msoidCname(['clientconfig.partner.microsoftonlime-p.net.cn'])],
  ['typo in a loop', msoidCname(['clientconfig.partner.microsoftonline-p.net.com', 'a.test'], 'loop')],
  ['legacy, chain too long', msoidCname([LEGACY, 'a.test', 'b.test'], 'too-long')],
  ['zone appended', msoidCname([`${TARGET}.${DOMAIN}`], 'nxdomain')],
  ['own A', ownA('192.0.2.1')],
  ['own partial', msoidOwn({ a: answer(MSOID, 'A', '192.0.2.1'), txt: failed(MSOID, 'TXT') })],
  ['own skipped', { cname: nodata(MSOID, 'CNAME') }],
  ['chain failed', msoidCname(['cdn.test'], 'failed', 'servfail')],
  ['wildcard cname target', msoidCname([TARGET]), probe({ cname: [TARGET] })],
  ['wildcard cname other', msoidCname(['x.test']), probe({ cname: ['x.test'] })],
  ['wildcard a', ownA('192.0.2.1'), probe({ a: ['192.0.2.1'] })],
  ['probe failed a', ownA('192.0.2.1'), probe({ a: 'timeout' })],
  ['probe failed cname', msoidCname(['x.test']), probe({ cname: 'timeout' })],
  ...FAILURES.map((o): [string, MsoidLookups] => [`cname ${o}`, { cname: failed(MSOID, 'CNAME', o) }]),
];

const CHOICES: [string, CloudChoice, Evidence][] = [
  ...CLOUDS.map((c): [string, CloudChoice, Evidence] => [c, c, {}]),
  ['auto, no evidence', 'auto', {}],
  ['auto, incomplete', 'auto', { mx: failed(DOMAIN, 'MX') }],
  ['auto, conflict', 'auto', { ...EVIDENCE['mx worldwide'], ...EVIDENCE['spf 21vianet'] }],
  ['auto, germany', 'auto', mx('x.mail.protection.outlook.de')],
  ...Object.entries(EVIDENCE).map(([k, ev]): [string, CloudChoice, Evidence] => [`auto, ${k}`, 'auto', ev]),
  ['21vianet vs worldwide evidence', '21vianet', EVIDENCE['mx worldwide']],
  ['worldwide vs 21vianet evidence', 'worldwide', EVIDENCE['mx 21vianet']],
  ['worldwide vs gcchigh-or-dod', 'worldwide', EVIDENCE['mx gcchigh-or-dod']],
  ['worldwide vs gcchigh', 'worldwide', EVIDENCE['autodiscover gcchigh']],
  ['worldwide vs dod', 'worldwide', EVIDENCE['autodiscover dod']],
  ['worldwide vs germany', 'worldwide', mx('x.mail.protection.outlook.de')],
];

const scenarios: [string, Snapshot, CloudChoice][] = [
  ...MSOID_CASES.flatMap(([m, msoid, wildcard]) =>
    CHOICES.map(([c, choice, ev]): [string, Snapshot, CloudChoice] => [
      `${m} / ${c}`,
      snapshot({ ...ev, msoid, ...(wildcard ? { wildcard } : {}) }),
      choice,
    ]),
  ),
  ...FAILURES.map((o): [string, Snapshot, CloudChoice] => [
    `apex ${o}`,
    snapshot({ apex: failed(DOMAIN, 'SOA', o) }),
    '21vianet',
  ]),
  ['apex nxdomain', snapshot({ apex: nxdomain(DOMAIN, 'SOA') }), 'auto'],
];

function check(ref: MessageRef, text: string) {
  expect(lookupTemplate(catalogue, ref.code), ref.code).toBeDefined();
  expect(text).not.toBe(ref.code);
  expect(text, `${ref.code}: ${text}`).not.toMatch(/\{\w+\}/);
}

const used = new Set<string>();

describe('every code path renders with the English catalogue', () => {
  it.each(scenarios)('%s', (_label, snap, choice) => {
    const { msoid, notes } = diagnose(snap, choice);
    const rendered = renderFinding(msoid, catalogue);
    const { verdict, impact, action } = msoid.messages;
    check(verdict, rendered.text.verdict);
    check(impact, rendered.text.impact);
    check(action, rendered.text.action);
    msoid.messages.notes.forEach((n, i) => {
      check(n, rendered.text.notes[i] ?? '');
    });
    renderNotes(notes, catalogue).forEach((text, i) => {
      check(notes[i] as MessageRef, text);
    });
    for (const ref of [verdict, impact, action, ...msoid.messages.notes, ...notes]) used.add(ref.code);
    // "Could not check" is never worded as absent.
    if (msoid.status === 'lookup-failed') {
      const all = [rendered.text.verdict, rendered.text.impact, rendered.text.action].join(' ');
      expect(all).not.toMatch(/missing|no msoid record|doesn't exist|not found|absent/i);
    }
  });

  it('leaves no message unused (every leaf is reachable)', () => {
    const leaves = (node: Catalogue | string, path: string): string[] =>
      typeof node === 'string' ? [path] : Object.entries(node).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
    const labels = new Set([
      ...Object.values(MSOID_STATUS_PRESENTATION).map((p) => p.labelCode),
      ...Object.values(SEVERITY_PRESENTATION).map((p) => p.labelCode),
      ...Object.values(REQUIREMENT_LABEL),
      ...Object.values(CLOUD_CHOICE_LABEL),
      ...Object.values(EFFECTIVE_CLOUD_LABEL),
      ...Object.values(CLOUD_HINT_LABEL),
      ...Object.values(EVIDENCE_RECORD_LABEL),
      'cloud.name.worldwide-or-gcc',
    ]);
    const all = [...leaves(msoidMessages, 'msoid'), ...leaves(cloudMessages, 'cloud')];
    const unused = all.filter((code) => !used.has(code) && !labels.has(code));
    expect(unused).toEqual([]);
    for (const label of labels) expect(lookupTemplate(catalogue, label), label).toBeDefined();
  });
});

describe('renderMsoid', () => {
  it('fills text from messages and keeps the data', () => {
    const { msoid } = diagnose(snapshot(), '21vianet');
    const f = renderFinding(msoid, catalogue);
    expect(f.text.verdict).toBe(`There is no msoid record at ${MSOID}.`);
    expect(f.text.action).toContain(TARGET);
    expect(f.text.action).toContain('3600');
    expect(f.code).toBe(msoid.code);
    expect(f.fixes).toEqual(msoid.fixes);
  });

  it('an unknown code shows the code, not a crash', () => {
    const { msoid } = diagnose(snapshot(), '21vianet');
    const f = renderFinding(
      { ...msoid, messages: { ...msoid.messages, notes: [{ code: 'msoid.nope', params: {} }] } },
      catalogue,
    );
    expect(f.text.notes).toEqual(['msoid.nope']);
  });
});
