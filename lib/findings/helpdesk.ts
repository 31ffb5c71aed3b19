/**
 * The helpdesk paragraph: plain sentences an agent can read to a caller, built only from the findings
 * (the intro from the summary, then the user impact of the worst problems). Pure.
 */

import { type Catalogue, formatRef } from '@/lib/messages/format';
import { SEVERITY_ORDER } from '@/lib/presentation';
import type { CloudReport, MessageRef, RecordFinding, RecordsSummary } from '@/lib/schema';

/** At most this many impact sentences: the caller needs the main reason, not the whole table. */
const MAX_IMPACTS = 3;

export type HelpdeskInput = {
  display: string;
  zone: string;
  summary: RecordsSummary;
  records: readonly RecordFinding[];
  cloud: CloudReport;
  msoidStatus: string;
  /**
   * The DNS host's id (lib/fixes/hosts/catalogue.ts), null when unknown. The `host` param of `helpdesk.next.host`
   * carries it; the report stage puts the host's name in the reader's language there (`withHostName`).
   */
  hostId: string | null;
  /** How many fixes the report lists; with none, the closing sentence points at the details instead. */
  fixCount: number;
};

/** The paragraph as message references, in reading order. */
export function helpdeskMessages(input: HelpdeskInput): MessageRef[] {
  const domain = input.display;
  if (input.msoidStatus === 'domain-not-found') return [{ code: 'helpdesk.intro.not-found', params: { domain } }];
  const problems = input.records
    .filter((r) => r.outcome === 'problem')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const unchecked = input.summary.counts.couldNotCheck;
  const out: MessageRef[] = [];

  if (problems.length === 0) {
    out.push(
      unchecked > 0
        ? { code: 'helpdesk.intro.unchecked', params: { domain } }
        : { code: 'helpdesk.intro.healthy', params: { domain } },
    );
  } else {
    out.push({ code: 'helpdesk.intro.problems', params: { domain, count: problems.length } });
    const seen = new Set<string>();
    for (const p of problems) {
      const key = p.messages.impact.code;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p.messages.impact);
      if (seen.size >= MAX_IMPACTS) break;
    }
    if (unchecked > 0) out.push({ code: 'helpdesk.partial', params: { count: unchecked } });
  }
  if (input.cloud.effective === 'unknown') out.push({ code: 'helpdesk.cloud-unknown', params: {} });
  if (problems.length > 0 && input.fixCount === 0) {
    out.push({ code: 'helpdesk.next.details', params: { zone: input.zone } });
  } else if (problems.length > 0) {
    out.push(
      input.hostId
        ? { code: 'helpdesk.next.host', params: { zone: input.zone, host: input.hostId } }
        : { code: 'helpdesk.next.generic', params: { zone: input.zone } },
    );
  }
  return out;
}

/** The messages that name the DNS host by id (its name is the reader's language's). */
const NAMES_HOST: ReadonlySet<string> = new Set(['helpdesk.next.host', 'helpdesk.symptom.who.host']);

/** The paragraph with the DNS host's id (see `hostId`) replaced by `name`, the host's name for the reader. */
export function withHostName(messages: readonly MessageRef[], name: (hostId: string) => string): MessageRef[] {
  return messages.map((m) =>
    NAMES_HOST.has(m.code) ? { ...m, params: { ...m.params, host: name(String(m.params.host)) } } : m,
  );
}

/** Renders the paragraph; Chinese sentences end in full-width punctuation and join without spaces. */
export function helpdeskText(messages: readonly MessageRef[], catalogue: Catalogue, lang: string): string {
  const separator = lang.toLowerCase().startsWith('zh') ? '' : ' ';
  return messages.map((m) => formatRef(catalogue, m)).join(separator);
}
