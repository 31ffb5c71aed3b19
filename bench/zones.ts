/**
 * Synthetic benchmark domains: N `.test` domains carrying a realistic Microsoft 365 record set in a
 * realistic mix of msoid states (the `bulkZones` idea of lab/fixtures.ts, widened to every common
 * state), so each domain costs the number of queries a real check costs (1 for a missing domain,
 * 8–11 for a tenant, plus a TCP retry for a big TXT set). The dropping mix replaces about 3% of the
 * domains with zones whose server drops every query (the fake server, forwarded by unbound).
 */
import type { Rule } from '../lab/fake-dns-server';
import { MS, microsoftZones, token } from '../lab/fixtures';
import type { FakeZones } from '../lab/lab';
import { withApexRecords } from '../lab/zone-file';
import type { Zone, ZoneRecord, ZoneRecordType } from '../lab/zone-types';
import type { MsoidStatus } from '../lib/schema';

/** The states a benchmark domain can be in, with how many of every 100 domains are in it. */
export const STATE_WEIGHTS = {
  'ok-ww': 30,
  'ok-ww-newmx': 5,
  'ok-21v': 15,
  'ok-21v-chain': 3,
  'missing-21v': 12,
  'remove-ww-21v-target': 8,
  'remove-ww-legacy': 5,
  'remove-gcch': 2,
  'remove-dod': 1,
  'wrong-target-typo': 4,
  'wrong-target-unrelated': 3,
  'not-cname': 3,
  'no-cloud-evidence': 5,
  'domain-not-found': 2,
  'ok-21v-big-txt': 2,
} as const;

export type BenchState = keyof typeof STATE_WEIGHTS | 'drop';

/** The msoid status `cloud=auto` must report for each state (checked after every API run). */
export const EXPECTED_STATUS: Record<BenchState, MsoidStatus> = {
  'ok-ww': 'ok',
  'ok-ww-newmx': 'ok',
  'ok-21v': 'ok',
  'ok-21v-chain': 'ok',
  'missing-21v': 'missing',
  'remove-ww-21v-target': 'must-remove',
  'remove-ww-legacy': 'must-remove',
  'remove-gcch': 'must-remove',
  'remove-dod': 'must-remove',
  'wrong-target-typo': 'wrong-target',
  'wrong-target-unrelated': 'wrong-target',
  'not-cname': 'not-cname',
  'no-cloud-evidence': 'cloud-unknown',
  'domain-not-found': 'domain-not-found',
  'ok-21v-big-txt': 'ok',
  drop: 'lookup-failed',
};

export type BenchDomain = { domain: string; state: BenchState };

/** One domain in this many is replaced by a dropping one in the dropping mix (1/33 ≈ 3%). */
export const DROP_EVERY = 33;

const SLOTS: Array<keyof typeof STATE_WEIGHTS> = Object.entries(STATE_WEIGHTS).flatMap(([state, weight]) =>
  Array.from({ length: weight }, () => state as keyof typeof STATE_WEIGHTS),
);

/** The healthy state of domain number `i` (0-based): a fixed permutation of the 100 slots, so the mix is exact per 100. */
function stateOf(i: number): keyof typeof STATE_WEIGHTS {
  const slot = (i * 37 + Math.floor(i / 100) * 11) % SLOTS.length;
  return SLOTS[slot]!;
}

function pad(i: number): string {
  return String(i + 1).padStart(5, '0');
}

/** The healthy mix: `bench-00001.test` … in the states of STATE_WEIGHTS. */
export function healthyDomains(n: number): BenchDomain[] {
  return Array.from({ length: n }, (_, i) => ({ domain: `bench-${pad(i)}.test`, state: stateOf(i) }));
}

/** The dropping mix: the healthy list with every DROP_EVERY-th domain replaced by `drop-NNNNN.test`. */
export function droppingDomains(n: number): BenchDomain[] {
  return healthyDomains(n).map((d, i) =>
    i % DROP_EVERY === Math.floor(DROP_EVERY / 2) ? { domain: `drop-${pad(i)}.test`, state: 'drop' } : d,
  );
}

// ---------------------------------------------------------------------------------------------
// Records (values from docs/m365-dns-facts.md §record-values, as in lab/fixtures.ts)

function rec(name: string, type: ZoneRecordType, data: string | string[], ttl = 3600): ZoneRecord {
  return { name, type, ttl, data };
}

function mxToken(domain: string): string {
  return domain.replaceAll('.', '-');
}

/** What most domains have besides Microsoft 365: a website, a verification token or two, DMARC. */
function common(domain: string): ZoneRecord[] {
  return [
    rec(domain, 'A', '198.51.100.80'),
    rec(`www.${domain}`, 'CNAME', domain),
    rec(domain, 'TXT', `MS=ms${token(domain, 8, '0123456789')}`),
    rec(domain, 'TXT', `google-site-verification=${token(`${domain}/g`, 43)}`),
    rec(`_dmarc.${domain}`, 'TXT', 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.net'),
  ];
}

function tenant21v(domain: string): ZoneRecord[] {
  return [
    rec(domain, 'MX', `0 ${mxToken(domain)}.${MS.mx21v}`),
    rec(`autodiscover.${domain}`, 'CNAME', MS.autodiscover21v),
    rec(domain, 'TXT', MS.spf21v),
    rec(`lyncdiscover.${domain}`, 'CNAME', 'webdir.online.partner.lync.cn'),
    rec(`sip.${domain}`, 'CNAME', 'sipdir.online.partner.lync.cn'),
    rec(`_sip._tls.${domain}`, 'SRV', '100 1 443 sipdir.online.partner.lync.cn'),
    rec(`_sipfederationtls._tcp.${domain}`, 'SRV', '100 1 5061 sipfed.online.partner.lync.cn'),
  ];
}

function tenantWw(domain: string, newMx: boolean): ZoneRecord[] {
  const mx = newMx ? `${mxToken(domain)}.${MS.mxWwNew}` : `${mxToken(domain)}.${MS.mxWw}`;
  return [
    rec(domain, 'MX', `0 ${mx}`),
    rec(`autodiscover.${domain}`, 'CNAME', MS.autodiscoverWw),
    rec(domain, 'TXT', MS.spfWw),
    rec(`_sipfederationtls._tcp.${domain}`, 'SRV', '100 1 5061 sipfed.online.lync.com'),
    rec(`enterpriseregistration.${domain}`, 'CNAME', 'enterpriseregistration.windows.net'),
    rec(`selector1._domainkey.${domain}`, 'CNAME', `selector1-${mxToken(domain)}._domainkey.contoso.onmicrosoft.com`),
  ];
}

function tenantGov(domain: string, cloud: 'gcchigh' | 'dod'): ZoneRecord[] {
  const tenant = domain.split('.')[0]!.replaceAll('-', '');
  return [
    rec(domain, 'MX', `0 ${tenant}.${MS.mxGov}`),
    rec(`autodiscover.${domain}`, 'CNAME', cloud === 'dod' ? MS.autodiscoverDod : MS.autodiscoverGcch),
    rec(domain, 'TXT', MS.spfGov),
  ];
}

function msoid(domain: string, target: string): ZoneRecord {
  return rec(`msoid.${domain}`, 'CNAME', target);
}

/** About 30 TXT records at the apex (many SaaS verifications): over 1,232 bytes, so the TXT answer needs TCP. */
function bigTxt(domain: string): ZoneRecord[] {
  const vendors = ['facebook', 'apple', 'atlassian', 'docusign', 'adobe-idp-site', 'zoom', 'stripe', 'dropbox'];
  return Array.from({ length: 28 }, (_, i) =>
    rec(domain, 'TXT', `${vendors[i % vendors.length]}-domain-verification=${token(`${domain}/${i}`, 40)}`),
  );
}

/** The zone records of one benchmark domain in `state` (none for `domain-not-found`). */
export function recordsFor(domain: string, state: BenchState): ZoneRecord[] {
  const base = common(domain);
  switch (state) {
    case 'ok-ww':
      return [...base, ...tenantWw(domain, false)];
    case 'ok-ww-newmx':
      return [...base, ...tenantWw(domain, true)];
    case 'ok-21v':
      return [...base, ...tenant21v(domain), msoid(domain, MS.msoid21v)];
    case 'ok-21v-chain':
      return [
        ...base,
        ...tenant21v(domain),
        msoid(domain, `msoid-alias.${domain}`),
        rec(`msoid-alias.${domain}`, 'CNAME', MS.msoid21v),
      ];
    case 'ok-21v-big-txt':
      return [...base, ...tenant21v(domain), ...bigTxt(domain), msoid(domain, MS.msoid21v)];
    case 'missing-21v':
      return [...base, ...tenant21v(domain)];
    case 'remove-ww-21v-target':
      return [...base, ...tenantWw(domain, false), msoid(domain, MS.msoid21v)];
    case 'remove-ww-legacy':
      return [...base, ...tenantWw(domain, false), msoid(domain, MS.msoidLegacyWw)];
    case 'remove-gcch':
      return [...base, ...tenantGov(domain, 'gcchigh'), msoid(domain, MS.msoidLegacyWw)];
    case 'remove-dod':
      return [...base, ...tenantGov(domain, 'dod'), msoid(domain, MS.msoid21v)];
    case 'wrong-target-typo':
      return [...base, ...tenant21v(domain), msoid(domain, MS.msoidTypo)];
    case 'wrong-target-unrelated':
      return [...base, ...tenant21v(domain), msoid(domain, MS.autodiscover21v)];
    case 'not-cname':
      return [
        ...base,
        ...tenant21v(domain),
        rec(`msoid.${domain}`, 'A', '198.51.100.17'),
        rec(`msoid.${domain}`, 'TXT', MS.msoid21v),
      ];
    case 'no-cloud-evidence':
      return base;
    case 'domain-not-found':
      return [];
    case 'drop':
      return [...base, ...tenant21v(domain), msoid(domain, MS.msoid21v)];
  }
}

/** nsd's zones for `n` domains: every healthy domain that exists, plus the Microsoft target zones. */
export function benchZones(n: number): Zone[] {
  const zones = healthyDomains(n)
    .filter((d) => d.state !== 'domain-not-found')
    .map((d) => ({ apex: d.domain, records: recordsFor(d.domain, d.state) }));
  return [...zones, ...microsoftZones()];
}

/** The dropping zones of the dropping mix: served by the fake server, which drops every query to them. */
export function dropZones(n: number): FakeZones {
  const drops = droppingDomains(n).filter((d) => d.state === 'drop');
  const rules: Rule[] = [{ suffix: '', behaviour: { kind: 'drop' } }];
  return {
    zones: drops.map((d) => d.domain),
    records: drops.flatMap((d) => withApexRecords({ apex: d.domain, records: recordsFor(d.domain, 'drop') })),
    rules,
  };
}

/** How many domains of each state a list holds (for the results). */
export function stateCounts(domains: readonly BenchDomain[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of domains) counts[d.state] = (counts[d.state] ?? 0) + 1;
  return counts;
}
