/**
 * Turns the record findings' canonical fixes into the list an admin works through at their DNS host:
 * each fix with the host's own fields, the value to paste, and the host's pitfalls. Pure.
 */

import { PLACEHOLDERS } from '@/lib/findings/catalogue';
import { GENERIC_HOST, hostById, hostDisplayName } from '@/lib/fixes/hosts/catalogue';
import { detectDnsHost } from '@/lib/fixes/hosts/detect';
import { formatFixForHost } from '@/lib/fixes/hosts/format';
import { normalizeName } from '@/lib/lookups/dns-names';
import { type Catalogue, formatMessage, formatRef } from '@/lib/messages/format';
import type { DnsHost, EffectiveCloud, HostFix, Lookup, RecordFinding } from '@/lib/schema';

const PLACEHOLDER_VALUES: readonly string[] = Object.values(PLACEHOLDERS);

/**
 * The zone's DNS host from its NS lookup, named as pages in `lang` name it. A failed NS lookup leaves the host
 * unknown (confidence none).
 */
export function dnsHostOf(ns: Lookup, zone: string, cloud: EffectiveCloud, lang: string): DnsHost {
  const names = ns.outcome === 'answer' ? ns.answers.filter((a) => a.type === 'NS').map((a) => a.data) : [];
  const match = detectDnsHost(names, cloud, lang);
  const entry = hostById(match.id);
  return {
    id: match.id,
    name: entry ? hostDisplayName(entry, lang) : match.name,
    confidence: match.confidence,
    ns: match.ns,
    zone,
    matched: match.matched,
    mixed: match.mixed,
    managedByMicrosoft: match.managedByMicrosoft,
    instructionsUrl: match.instructionsUrl,
    instructionsKind: match.instructionsKind,
    ...(match.hostHelp ? { hostHelpUrl: match.hostHelp.url, hostHelpKind: match.hostHelp.kind } : {}),
    lookup: ns.outcome,
  };
}

/**
 * Every fix of every record, in row order, duplicates removed, laid out for the host with localised
 * field names and notes.
 */
export function hostFixes(
  records: readonly RecordFinding[],
  zone: string,
  hostId: string,
  catalogue: Catalogue,
): HostFix[] {
  const host = hostById(hostId) ?? GENERIC_HOST;
  const seen = new Set<string>();
  const out: HostFix[] = [];
  for (const record of records) {
    for (const fix of record.fixes) {
      const key = `${fix.op}|${normalizeName(fix.name)}|${fix.type}|${fix.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const formatted = formatFixForHost(fix, normalizeName(zone), host);
      out.push({
        record: record.id,
        canonical: fix,
        fields: formatted.fields.map((f) => ({
          key: f.key,
          label: formatMessage(catalogue, f.labelCode),
          value: f.value,
        })),
        copyValue: formatted.copyValue,
        notes: formatted.notes.map((n) => formatRef(catalogue, n)),
        placeholder: PLACEHOLDER_VALUES.some((p) => fix.value.includes(p)),
      });
    }
  }
  return out;
}
