/**
 * Turns the record findings' canonical fixes into the list an admin works through at their DNS host:
 * each fix with the host's own fields, the value to paste, and the host's pitfalls. Pure.
 */

import { PLACEHOLDERS } from '@/lib/findings/catalogue';
import { GENERIC_HOST, hostById, hostDisplayName } from '@/lib/fixes/hosts/catalogue';
import { FIELD_PARAM, formatFixForHost } from '@/lib/fixes/hosts/format';
import { instructionsFor } from '@/lib/fixes/hosts/instructions';
import { placesNote } from '@/lib/fixes/places';
import { normalizeName } from '@/lib/lookups/dns-names';
import { type Catalogue, formatMessage, formatRef } from '@/lib/messages/format';
import type {
  DnsHost,
  EffectiveCloud,
  Fix,
  HostFinding,
  HostFix,
  LookupOutcome,
  MessageRef,
  RecordFinding,
} from '@/lib/schema';

const PLACEHOLDER_VALUES: readonly string[] = Object.values(PLACEHOLDERS);

/**
 * The DNS host as a report shows it in `lang`: the host found from the zone's NS names, named as pages in `lang`
 * name it, with the instructions for `cloud` (see ./hosts/instructions.ts). `lookup` is the NS lookup's outcome: a
 * failed one leaves the host unknown (confidence none).
 */
export function dnsHostView(
  host: HostFinding,
  zone: string,
  lookup: LookupOutcome,
  cloud: EffectiveCloud,
  lang: string,
): DnsHost {
  const entry = hostById(host.id) ?? GENERIC_HOST;
  const instructions = instructionsFor(entry, cloud, lang);
  return {
    id: host.id,
    name: hostDisplayName(entry, lang),
    confidence: host.confidence,
    ns: host.ns,
    zone,
    matched: host.matched,
    mixed: host.mixed,
    managedByMicrosoft: host.managedByMicrosoft,
    instructionsUrl: instructions.url,
    instructionsKind: instructions.kind,
    ...(instructions.hostHelp
      ? { hostHelpUrl: instructions.hostHelp.url, hostHelpKind: instructions.hostHelp.kind }
      : {}),
    lookup,
  };
}

/** Whether a fix's value is tenant-specific, and the record's own notes on where to copy it from. */
function placeholderOf(
  fix: Fix,
  record: RecordFinding,
  catalogue: Catalogue,
): Pick<HostFix, 'placeholder' | 'copyFrom'> {
  if (!PLACEHOLDER_VALUES.some((p) => fix.value.includes(p))) return { placeholder: false };
  const copyFrom = record.messages.notes
    .filter((n) => n.code.startsWith('records.note.copy-from'))
    .map((n) => formatRef(catalogue, n));
  return { placeholder: true, ...(copyFrom.length > 0 ? { copyFrom } : {}) };
}

/** A host note's text: its `field` param (a field label's message code) named first, in the same language. */
export function renderHostNote(catalogue: Catalogue, note: MessageRef): string {
  const field = note.params[FIELD_PARAM];
  if (typeof field !== 'string') return formatRef(catalogue, note);
  return formatRef(catalogue, {
    code: note.code,
    params: { ...note.params, [FIELD_PARAM]: formatMessage(catalogue, field) },
  });
}

function placeNotes(fix: Fix, catalogue: Catalogue): string[] {
  const note = placesNote(fix);
  return note ? [formatRef(catalogue, note)] : [];
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
        // Where to make it comes first: an internal copy of the zone (split-brain) needs the change too.
        notes: [...placeNotes(fix, catalogue), ...formatted.notes.map((n) => renderHostNote(catalogue, n))],
        ...placeholderOf(fix, record, catalogue),
      });
    }
  }
  return out;
}
