/**
 * Every finding of one domain, from what its check gathered: the cloud, the msoid verdict, each Microsoft 365
 * record with its fixes, the summary, the services, the DNS host, the domain notes and the helpdesk paragraph,
 * all as message references (text comes later, in the reader's language: lib/report). The one entry point of
 * lib/findings. Pure and synchronous.
 */

import { detectDnsHost } from '@/lib/fixes/hosts/detect';
import type { NormalizedDomain } from '@/lib/input/normalize';
import { addressNote, subdomainNote } from '@/lib/input/subdomain-note';
import { KEYS, probeName, spfResults } from '@/lib/lookups/plan';
import { type Gathered, snapshotOf } from '@/lib/lookups/snapshot';
import {
  type CheckResult,
  type CloudChoice,
  type HostFinding,
  type Lookup,
  lookupId,
  notRunLookup,
  type ServiceOverride,
  type TenantValues,
  toReportLookup,
} from '@/lib/schema';
import { diagnoseCloudAndMsoid } from './cloud-msoid';
import { tenantNote } from './expected';
import { helpdeskMessages } from './helpdesk';
import { msoidLookups } from './msoid/msoid';
import { diagnoseRecords } from './records/diagnose';
import { symptomAnswers } from './symptoms';

export type DiagnoseOptions = {
  /** The cloud the user chose (`auto`: inferred from MX, autodiscover and SPF). */
  cloud: CloudChoice;
  /** Services the user set; the rest are inferred from DNS. */
  services?: ServiceOverride;
  /** The tenant's values from Microsoft Graph, fetched by the shell (issue 18 item 4); absent: not asked. */
  tenant?: TenantValues;
};

/** Every finding of a check: the parts of a stored result (`CheckResult`) that come from DNS. */
export type Diagnosis = Pick<
  CheckResult,
  | 'cloud'
  | 'msoid'
  | 'records'
  | 'lookups'
  | 'summary'
  | 'services'
  | 'host'
  | 'fixes'
  | 'notes'
  | 'helpdesk'
  | 'symptoms'
>;

/** Every finding of `target` from `gathered` (see the module comment). */
export function diagnose(gathered: Gathered, target: NormalizedDomain, options: DiagnoseOptions): Diagnosis {
  const snapshot = snapshotOf(gathered, probeName(gathered.domain, gathered.probe));
  const { cloud, msoid, notes: cloudNotes } = diagnoseCloudAndMsoid(snapshot, options.cloud);
  // Every lookup a finding rests on, once by id: what the check gathered, and the not-run stand-ins findings name.
  // The same question asked twice (an SPF record including its own domain asks the apex TXT again) keeps the first.
  const seen = new Map<string, Lookup>();
  for (const l of gathered.lookups.values()) if (!seen.has(lookupId(l))) seen.set(lookupId(l), l);
  for (const l of msoidLookups(snapshot, cloud)) if (!seen.has(lookupId(l))) seen.set(lookupId(l), l);
  const nsLookup = gathered.lookups.get(KEYS.ns) ?? notRunLookup(gathered.registrable, 'NS');
  if (!seen.has(lookupId(nsLookup))) seen.set(lookupId(nsLookup), nsLookup);
  const names = nsLookup.outcome === 'answer' ? nsLookup.answers.filter((a) => a.type === 'NS').map((a) => a.data) : [];
  const match = detectDnsHost(names);
  const host: HostFinding = {
    id: match.id,
    confidence: match.confidence,
    ns: match.ns,
    matched: match.matched,
    mixed: match.mixed,
    managedByMicrosoft: match.managedByMicrosoft,
    lookup: lookupId(nsLookup),
  };
  const records = diagnoseRecords({
    seen,
    domain: target.ascii,
    registrable: target.registrable,
    cloud,
    lookups: gathered.lookups,
    spf: spfResults(gathered),
    msoid,
    services: options.services,
    cloudflare: match.id === 'cloudflare',
    tenant: options.tenant,
  });
  const subdomain = subdomainNote(target);
  const address = addressNote(target);
  return {
    cloud,
    msoid,
    records: records.records,
    summary: records.summary,
    services: records.services,
    fixes: records.fixes,
    lookups: Object.fromEntries([...seen].map(([id, l]) => [id, toReportLookup(l)])),
    host,
    notes: [
      ...(options.tenant ? [tenantNote(options.tenant, target.ascii)] : []),
      ...(address ? [address] : []),
      ...(subdomain ? [subdomain] : []),
      ...cloudNotes,
    ],
    helpdesk: helpdeskMessages({
      display: target.display,
      zone: target.registrable,
      summary: records.summary,
      records: records.records,
      cloud,
      msoidStatus: msoid.status,
      hostId: match.id === 'generic' ? null : match.id,
      fixCount: records.fixes.length,
    }),
    symptoms: symptomAnswers({
      display: target.display,
      zone: target.registrable,
      cloud,
      msoid,
      records: records.records,
      hostId: match.id === 'generic' ? null : match.id,
    }),
  };
}
