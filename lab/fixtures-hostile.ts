/**
 * `hostile.test`: a worldwide tenant whose DNS data attacks whoever displays it. Its TXT, msoid CNAME and
 * SRV targets carry `<script>`, `javascript:` and HTML fragments, a U+202E right-to-left override, control
 * characters and a 4 KB TXT string. Served by the fake DNS server (nsd may refuse such bytes); wired into
 * lab/fixtures.ts. The msoid CNAME exists in a worldwide tenant, so the expected status is `must-remove`
 * (its target is reported as found, shown as inert text with the override made visible).
 * Only the types come from ./fixtures (a value import would be circular).
 */

import type { Rule } from './fake-dns-server';
import type { Fixture } from './fixtures';
import type { ZoneRecord, ZoneRecordType } from './zone-types';

export const HOSTILE_DOMAIN = 'hostile.test';

/** Sets `window.__pwned` if it ever runs. */
export const HOSTILE_SCRIPT = '<script>window.__pwned=1</script>';
export const HOSTILE_JS_URL = 'javascript:window.__pwned=2';
export const HOSTILE_IMG = '"><img src=x onerror="window.__pwned=3">';
/** U+202E RIGHT-TO-LEFT OVERRIDE: would show `exe.txt` reversed as `txt.exe`. */
export const RLO = '\u202E';
export const HOSTILE_BIDI = `invoice${RLO}txt.exe`;
export const HOSTILE_CONTROL = 'ctl:\u001b[31mred\u001b[0m\r\nforged-line';
/** 4000 bytes: under the 4096 bytes kept per TXT record, far over the 200-character preview. */
export const HOSTILE_4K = `v=hostile4k; ${'0123456789abcdef'.repeat(250)}`.slice(0, 4000);
/**
 * The msoid target: one label of odd but DNS-legal bytes (`<`, `>`, `(`, `:`, `/`, `=` and U+202E, 62 bytes),
 * then the zone. Not printable ASCII, so the resolver refuses to query it (the chain stops there).
 */
export const HOSTILE_MSOID_TARGET = `javascript:alert(1)//<script>window.__pwned=4</script>${RLO}lve.${HOSTILE_DOMAIN}`;
/** An SRV target that is printable ASCII: markup in a label. */
export const HOSTILE_SRV_TARGET = `<script>window.__pwned=5</script>.javascript:void(0).${HOSTILE_DOMAIN}`;

function rec(name: string, type: ZoneRecordType, data: string | string[]): ZoneRecord {
  return { name, type, ttl: 300, data };
}

/** The fixture, its records and (no) misbehaviour rules, in the shape of lab/fixtures.ts's FAKE_DEFS. */
export function hostileDef(): Fixture & { records: ZoneRecord[]; rules: Rule[] } {
  const d = HOSTILE_DOMAIN;
  return {
    domain: d,
    source: 'fake',
    expect: { msoid: 'must-remove', cloud: 'worldwide' },
    description: 'Worldwide tenant whose TXT, msoid CNAME and SRV data carry markup, javascript:, U+202E and 4 KB',
    records: [
      rec(d, 'A', '198.51.100.66'),
      rec(d, 'MX', `0 hostile-test.mail.protection.outlook.com`),
      rec(`autodiscover.${d}`, 'CNAME', 'autodiscover.outlook.com'),
      rec(d, 'TXT', 'v=spf1 include:spf.protection.outlook.com -all'),
      rec(d, 'TXT', HOSTILE_SCRIPT),
      rec(d, 'TXT', HOSTILE_JS_URL),
      rec(d, 'TXT', HOSTILE_IMG),
      rec(d, 'TXT', HOSTILE_BIDI),
      rec(d, 'TXT', HOSTILE_CONTROL),
      rec(d, 'TXT', HOSTILE_4K),
      rec(`msoid.${d}`, 'CNAME', HOSTILE_MSOID_TARGET),
      rec(`_sip._tls.${d}`, 'SRV', `100 1 443 ${HOSTILE_SRV_TARGET}`),
      rec(`_sipfederationtls._tcp.${d}`, 'SRV', `100 1 5061 ${RLO}moc.cnyl.enilno.defpis`),
    ],
    rules: [],
  };
}
