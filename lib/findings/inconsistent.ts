/**
 * When the zone's servers hold different copies: each distinct copy is diagnosed on its own (the check gathers
 * once per copy), and this merges them. The worst copy's diagnosis is the base (a user may be sent to any
 * server, so the verdict must not rest on the best one); every record the copies judge differently becomes
 * `inconsistent`, at the worst severity, naming which servers say what, with their serials. Pure.
 */
import { summarize } from '@/lib/findings/summary';
import type { MessageRef, RecordFinding, Severity } from '@/lib/schema';
import type { Diagnosis } from './diagnose';

/** One distinct copy of the zone: the servers holding it (with their SOA serials) and its diagnosis. */
export type ZoneCopy = { servers: Array<{ name: string; serial: number | null }>; diagnosis: Diagnosis };

const RANK: Readonly<Record<Severity, number>> = { critical: 4, warning: 3, notice: 2, unchecked: 1, ok: 0 };

/** How bad a copy's records are: severities counted from the worst down, compared in that order. */
function badness(d: Diagnosis): number[] {
  const order: Severity[] = ['critical', 'warning', 'notice', 'unchecked'];
  return order.map((s) => d.records.filter((r) => r.severity === s).length);
}

function worse(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return false;
}

function same(a: RecordFinding, b: RecordFinding): boolean {
  const found = (r: RecordFinding) => [...r.found].sort().join('\n');
  return a.status === b.status && found(a) === found(b) && a.chain.join(' ') === b.chain.join(' ');
}

function serversText(copy: ZoneCopy): string {
  return copy.servers.map((s) => s.name).join(', ');
}

function serialText(copy: ZoneCopy): string {
  const serials = [...new Set(copy.servers.map((s) => s.serial).filter((s): s is number => s !== null))];
  return serials.length > 0 ? serials.join(', ') : '?';
}

/** The note naming what one copy holds for a record. */
function copyNote(copy: ZoneCopy, finding: RecordFinding): MessageRef {
  const servers = serversText(copy);
  const serial = serialText(copy);
  const shown = finding.found.length > 0 ? finding.found : finding.chain.slice(0, 1);
  return shown.length > 0
    ? { code: 'records.note.inconsistent.holds', params: { servers, serial, found: shown.join(', ') } }
    : { code: 'records.note.inconsistent.absent', params: { servers, serial } };
}

/** One diagnosis from the copies (see the module comment); a single copy is returned as it is. */
export function judgeCopies(copies: ZoneCopy[]): Diagnosis {
  const [first, ...rest] = copies;
  if (!first) throw new Error('judgeCopies: no copies');
  if (rest.length === 0) return first.diagnosis;
  let base = first;
  for (const c of rest) if (worse(badness(c.diagnosis), badness(base.diagnosis))) base = c;

  const records = base.diagnosis.records.map((record) => {
    const views = copies.map((c) => ({
      copy: c,
      finding: c.diagnosis.records.find((r) => r.id === record.id) ?? record,
    }));
    if (views.every((v) => same(v.finding, record))) return record;
    const worst = views.reduce((w, v) => (RANK[v.finding.severity] > RANK[w.finding.severity] ? v : w));
    const severity: Severity = RANK[worst.finding.severity] >= RANK.notice ? worst.finding.severity : 'notice';
    const found = [...new Set(views.flatMap((v) => v.finding.found))];
    const finding: RecordFinding = {
      ...worst.finding,
      code: `records.${record.id}.inconsistent`,
      status: 'inconsistent',
      severity,
      outcome: 'problem',
      found,
      messages: {
        verdict: { code: 'records.common.verdict.inconsistent', params: { name: record.name, type: record.type } },
        impact: { code: 'records.common.impact.inconsistent', params: {} },
        action: worst.finding.messages.action,
        notes: [...views.map((v) => copyNote(v.copy, v.finding)), ...worst.finding.messages.notes],
      },
      lookups: [...new Set(views.flatMap((v) => v.finding.lookups))],
    };
    return finding;
  });
  const domainNotFound = base.diagnosis.msoid.status === 'domain-not-found';
  return { ...base.diagnosis, records, summary: summarize(records, domainNotFound) };
}
