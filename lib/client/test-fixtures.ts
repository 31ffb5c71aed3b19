/** Minimal valid reports for the client's unit tests (schema-checked, so a contract change breaks them). */
import { type MsoidFinding, type MsoidStatus, Report, type Severity } from '@/lib/schema';

const OUTCOME_OF: Record<MsoidStatus, MsoidFinding['outcome']> = {
  ok: 'ok',
  missing: 'problem',
  'wrong-target': 'problem',
  'not-cname': 'problem',
  'must-remove': 'problem',
  'domain-not-found': 'problem',
  'lookup-failed': 'could-not-check',
  'cloud-unknown': 'needs-input',
};
const SEVERITY_OF: Record<MsoidStatus, Severity> = {
  ok: 'ok',
  missing: 'warning',
  'wrong-target': 'critical',
  'not-cname': 'critical',
  'must-remove': 'critical',
  'domain-not-found': 'warning',
  'lookup-failed': 'unchecked',
  'cloud-unknown': 'notice',
};

/** A report for `domain` with the given msoid status; the rest is plausible filler. */
export function makeReport(domain: string, status: MsoidStatus, checkedAt = '2026-01-01T00:00:00.000Z'): Report {
  const ref = { code: `msoid.verdict.${status}`, params: {} };
  return Report.parse({
    domain,
    display: domain,
    registrable: domain,
    isSubdomain: false,
    cloud: {
      selected: 'auto',
      effective: 'worldwide',
      evidence: [],
      inferred: 'worldwide',
      conflicting: false,
      contradictsEvidence: false,
      evidenceIncomplete: false,
    },
    msoid: {
      code: `msoid.${status}`,
      name: `msoid.${domain}`,
      type: 'CNAME',
      status,
      requirement: 'must-not-exist',
      outcome: OUTCOME_OF[status],
      severity: SEVERITY_OF[status],
      expected: null,
      found: [],
      chain: [],
      wildcard: false,
      messages: { verdict: ref, impact: ref, action: ref, notes: [] },
      text: { verdict: `verdict ${status}`, impact: 'impact', action: 'action', notes: [] },
      fixes: [],
      reference: 'https://learn.microsoft.com/',
      lookups: [],
    },
    notes: [],
    notesText: [],
    resolvers: ['127.0.0.1:53'],
    checkedAt,
    elapsedMs: 3,
    lang: 'en',
  });
}
