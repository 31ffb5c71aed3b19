/**
 * The language step: a stored result (message references, no text) becomes the report of a language. Every
 * text a report carries is made here, from lib/messages: the findings' verdicts, impacts, actions and notes, the
 * DNS host's name and links, the fix list in the host's own field names, the helpdesk paragraph and the domain
 * notes. So a stored result reads in whatever language its reader asks for. Pure.
 */
import { helpdeskText, withHostName } from '@/lib/findings/helpdesk';
import { dnsHostView, hostFixes } from '@/lib/fixes/host-fixes';
import { hostById, hostDisplayName } from '@/lib/fixes/hosts/catalogue';
import { zoneSnippet } from '@/lib/fixes/zone-snippet';
import { catalogueFor } from '@/lib/messages';
import { type Catalogue, formatRef } from '@/lib/messages/format';
import type {
  CheckResult,
  FindingText,
  MessageRef,
  MsoidFinding,
  RecordFinding,
  Report,
  ReportMsoid,
  ReportRecord,
  ReportWire,
} from '@/lib/schema';

type FindingMessages = { verdict: MessageRef; impact: MessageRef; action: MessageRef; notes: readonly MessageRef[] };

/** Renders the three layers of any finding (verdict, impact, action, notes). */
export function renderText(messages: FindingMessages, catalogue: Catalogue): FindingText {
  return {
    verdict: formatRef(catalogue, messages.verdict),
    impact: formatRef(catalogue, messages.impact),
    action: formatRef(catalogue, messages.action),
    notes: renderNotes(messages.notes, catalogue),
  };
}

/** Renders domain notes (or any list of refs) in order. */
export function renderNotes(notes: readonly MessageRef[], catalogue: Catalogue): string[] {
  return notes.map((n) => formatRef(catalogue, n));
}

/** The msoid finding with its text instead of its message references. */
export function renderMsoid(finding: MsoidFinding, catalogue: Catalogue): ReportMsoid {
  const { messages, ...rest } = finding;
  return { ...rest, text: renderText(messages, catalogue) };
}

/** A record finding with its text instead of its message references. */
export function renderRecord(finding: RecordFinding, catalogue: Catalogue): ReportRecord {
  const { messages, ...rest } = finding;
  return { ...rest, text: renderText(messages, catalogue) };
}

/** The report of a stored result in `lang` (see the module comment). */
export function renderResult(result: CheckResult, lang: string): Report {
  const catalogue = catalogueFor(lang);
  const nsOutcome = result.lookups[result.host.lookup]?.outcome ?? 'skipped';
  const dnsHost = dnsHostView(result.host, result.registrable, nsOutcome, result.cloud.effective, lang);
  const hostName = (id: string) => {
    const host = hostById(id);
    return host ? hostDisplayName(host, lang) : id;
  };
  const helpdesk = withHostName(result.helpdesk, hostName);
  const symptoms = Object.fromEntries(
    Object.entries(result.symptoms).map(([symptom, { answer, messages }]) => [
      symptom,
      { answer, text: helpdeskText(withHostName(messages, hostName), catalogue, lang) },
    ]),
  ) as Report['helpdesk']['symptoms'];
  return {
    domain: result.domain,
    display: result.display,
    ...(result.entered !== undefined ? { entered: result.entered } : {}),
    registrable: result.registrable,
    isSubdomain: result.isSubdomain,
    cloud: result.cloud,
    msoid: renderMsoid(result.msoid, catalogue),
    records: result.records.map((r) => renderRecord(r, catalogue)),
    lookups: result.lookups,
    summary: result.summary,
    services: result.services,
    dnsHost,
    fixes: hostFixes(result.records, result.registrable, dnsHost.id, catalogue),
    zoneSnippet: zoneSnippet(result.fixes, result.registrable),
    helpdesk: { text: helpdeskText(helpdesk, catalogue, lang), symptoms },
    notes: renderNotes(result.notes, catalogue),
    resolvers: result.resolvers,
    ...(result.authority ? { authority: result.authority } : {}),
    ...(result.tenant ? { tenant: result.tenant } : {}),
    checkedAt: result.checkedAt,
    elapsedMs: result.elapsedMs,
    lang,
  };
}

/** A finding without the values that are its schema's defaults (empty lists, `expected: null`, `wildcard: false`). */
function compactFinding(finding: ReportMsoid | ReportRecord): Record<string, unknown> {
  const { notes, ...text } = finding.text;
  const out: Record<string, unknown> = { ...finding, text: notes.length > 0 ? finding.text : text };
  for (const key of ['found', 'chain', 'fixes'] as const) if (finding[key].length === 0) delete out[key];
  if (finding.expected === null) delete out.expected;
  if (out.wildcard === false) delete out.wildcard;
  return out;
}

/**
 * The report as the API writes it (`ReportWire`): every value that is its schema's default left out, so parsing
 * with `Report` gives the same report back. GET and POST /api/check and the run API's summary and events write
 * it; the JSON export keeps every field (its lookups are in report form all the same).
 */
export function compactReport(report: Report): ReportWire {
  const { fixes, notes, ...rest } = report;
  return {
    ...rest,
    msoid: compactFinding(report.msoid) as ReportWire['msoid'],
    records: report.records.map((r) => compactFinding(r) as ReportWire['records'][number]),
    ...(fixes.length > 0 ? { fixes } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}
