/**
 * Every finding of one domain, from what its check gathered: the cloud, the msoid verdict, each Microsoft 365
 * record with its fixes, the summary, the services, the DNS host, the domain notes and the helpdesk paragraph,
 * all as message references (text comes later, in the reader's language: lib/report). The one entry point of
 * lib/findings. Pure and synchronous.
 */

import { detectDnsHost } from '@/lib/fixes/hosts/detect';
import type { NormalizedDomain } from '@/lib/input/normalize';
import { subdomainNote } from '@/lib/input/subdomain-note';
import { KEYS, probeName, spfResults } from '@/lib/lookups/plan';
import { type Gathered, snapshotOf } from '@/lib/lookups/snapshot';
import type {
  CloudChoice,
  CloudReport,
  Fix,
  Lookup,
  MessageRef,
  MsoidFinding,
  RecordFinding,
  RecordsSummary,
  ServiceOverride,
  Services,
} from '@/lib/schema';
import { notRunLookup } from '@/lib/schema';
import { diagnoseCloudAndMsoid } from './cloud-msoid';
import { helpdeskMessages } from './helpdesk';
import { diagnoseRecords } from './records/diagnose';

export type DiagnoseOptions = {
  /** The cloud the user chose (`auto`: inferred from MX, autodiscover and SPF). */
  cloud: CloudChoice;
  /** Services the user set; the rest are inferred from DNS. */
  services?: ServiceOverride;
};

/** The DNS host as recognised from the zone's NS names (links and forms are the fixes' and the report's). */
export type HostFinding = {
  id: string;
  confidence: 'high' | 'medium' | 'low' | 'none';
  ns: string[];
  matched: number;
  mixed: boolean;
  managedByMicrosoft: boolean;
  /** The NS lookup itself: a failed one means the host is unknown, not "generic". */
  lookup: Lookup;
};

export type Diagnosis = {
  cloud: CloudReport;
  msoid: Omit<MsoidFinding, 'text'>;
  /** Every record of RECORD_IDS, msoid's row included, in that order. */
  records: RecordFinding[];
  summary: RecordsSummary;
  services: Services;
  /** Every row's fixes, in row order, duplicates removed. */
  fixes: Fix[];
  host: HostFinding;
  /** Domain notes: the subdomain note, then the cloud notes. */
  notes: MessageRef[];
  /** The helpdesk paragraph; its `helpdesk.next.host` names the host by id (see lib/findings/helpdesk.ts). */
  helpdesk: MessageRef[];
};

/** Every finding of `target` from `gathered` (see the module comment). */
export function diagnose(gathered: Gathered, target: NormalizedDomain, options: DiagnoseOptions): Diagnosis {
  const snapshot = snapshotOf(gathered, probeName(gathered.domain, gathered.probe));
  const { cloud, msoid, notes: cloudNotes } = diagnoseCloudAndMsoid(snapshot, options.cloud);
  const nsLookup = gathered.lookups.get(KEYS.ns) ?? notRunLookup(gathered.registrable, 'NS');
  const names = nsLookup.outcome === 'answer' ? nsLookup.answers.filter((a) => a.type === 'NS').map((a) => a.data) : [];
  const match = detectDnsHost(names);
  const host: HostFinding = {
    id: match.id,
    confidence: match.confidence,
    ns: match.ns,
    matched: match.matched,
    mixed: match.mixed,
    managedByMicrosoft: match.managedByMicrosoft,
    lookup: nsLookup,
  };
  const records = diagnoseRecords({
    domain: target.ascii,
    registrable: target.registrable,
    cloud,
    lookups: gathered.lookups,
    spf: spfResults(gathered),
    msoid,
    services: options.services,
    cloudflare: match.id === 'cloudflare',
  });
  const subdomain = subdomainNote(target);
  return {
    cloud,
    msoid,
    records: records.records,
    summary: records.summary,
    services: records.services,
    fixes: records.fixes,
    host,
    notes: [...(subdomain ? [subdomain] : []), ...cloudNotes],
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
  };
}
