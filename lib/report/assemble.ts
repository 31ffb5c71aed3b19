/**
 * The report of one domain in one language: the findings with their text, the DNS host with its links, the
 * fixes laid out for it, the zone snippet and the helpdesk paragraph. Pure.
 */
import type { Diagnosis } from '@/lib/findings/diagnose';
import { helpdeskText, withHostName } from '@/lib/findings/helpdesk';
import { dnsHostOf, hostFixes } from '@/lib/fixes/host-fixes';
import { hostById, hostDisplayName } from '@/lib/fixes/hosts/catalogue';
import { zoneSnippet } from '@/lib/fixes/zone-snippet';
import type { NormalizedDomain } from '@/lib/input/normalize';
import { catalogueFor } from '@/lib/messages';
import type { Report } from '@/lib/schema';
import { renderFinding, renderNotes } from './render';
import { renderRecordFinding } from './render-records';

/** When and through which resolvers the check ran. */
export type CheckMeta = { resolvers: string[]; checkedAt: string; elapsedMs: number };

/** The report of `target` in `lang` (see the module comment). */
export function assembleReport(target: NormalizedDomain, d: Diagnosis, meta: CheckMeta, lang: string): Report {
  const catalogue = catalogueFor(lang);
  const dnsHost = dnsHostOf(d.host.lookup, target.registrable, d.cloud.effective, lang);
  const helpdesk = withHostName(d.helpdesk, (id) => {
    const host = hostById(id);
    return host ? hostDisplayName(host, lang) : id;
  });
  return {
    domain: target.ascii,
    display: target.display,
    registrable: target.registrable,
    isSubdomain: target.isSubdomain,
    cloud: d.cloud,
    msoid: renderFinding(d.msoid, catalogue),
    records: d.records.map((r) => renderRecordFinding(r, catalogue)),
    summary: d.summary,
    services: d.services,
    dnsHost,
    fixes: hostFixes(d.records, target.registrable, dnsHost.id, catalogue),
    zoneSnippet: zoneSnippet(d.fixes, target.registrable),
    helpdesk: { messages: helpdesk, text: helpdeskText(helpdesk, catalogue, lang) },
    notes: d.notes,
    notesText: renderNotes(d.notes, catalogue),
    resolvers: meta.resolvers,
    checkedAt: meta.checkedAt,
    elapsedMs: meta.elapsedMs,
    lang,
  };
}
