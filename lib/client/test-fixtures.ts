/**
 * Minimal valid reports (and the stored results they are rendered from) for unit tests: schema-checked, so a
 * contract change breaks them.
 */
import {
  CheckResult,
  type MsoidFinding,
  type MsoidStatus,
  type RecordStatus,
  type RecordsHealth,
  Report,
  type Severity,
  SYMPTOMS,
} from '@/lib/schema';

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

const HEALTH_OF: Record<MsoidStatus, RecordsHealth> = {
  ok: 'healthy',
  missing: 'needs-attention',
  'wrong-target': 'broken',
  'not-cname': 'broken',
  'must-remove': 'broken',
  'domain-not-found': 'broken',
  'lookup-failed': 'could-not-check',
  'cloud-unknown': 'needs-attention',
};
const RECORD_STATUS_OF: Record<MsoidStatus, RecordStatus> = {
  ok: 'ok',
  missing: 'missing',
  'wrong-target': 'wrong-value',
  'not-cname': 'wrong-value',
  'must-remove': 'must-remove',
  'domain-not-found': 'not-applicable',
  'lookup-failed': 'lookup-failed',
  'cloud-unknown': 'not-applicable',
};

type Layers =
  | { messages: MsoidFinding['messages'] }
  | { text: { verdict: string; impact: string; action: string; notes: string[] } };

/** What a stored result and a report share; `layers(what)` gives a finding its message refs or its text. */
function common(domain: string, status: MsoidStatus, checkedAt: string, layers: (verdict: string) => Layers) {
  return {
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
      ...layers(`verdict ${status}`),
      fixes: [],
      reference: 'https://learn.microsoft.com/',
      lookups: [`msoid.${domain} CNAME`],
    },
    records: [
      {
        id: 'msoid',
        code: `msoid.${status}`,
        service: 'core',
        name: `msoid.${domain}`,
        host: 'msoid',
        type: 'CNAME',
        requirement: 'must-not-exist',
        status: RECORD_STATUS_OF[status],
        severity: SEVERITY_OF[status],
        outcome: OUTCOME_OF[status],
        found: [],
        expected: null,
        chain: [],
        ...layers(`verdict ${status}`),
        fixes: [],
        lookups: [`msoid.${domain} CNAME`],
        reference: 'https://learn.microsoft.com/',
      },
      {
        id: 'spf',
        code: 'records.spf.ok.hard-fail',
        service: 'mail',
        name: domain,
        host: '@',
        type: 'TXT',
        requirement: 'recommended',
        status: 'ok',
        severity: 'ok',
        outcome: 'ok',
        found: ['v=spf1 include:spf.protection.outlook.com -all'],
        expected: 'v=spf1 include:spf.protection.outlook.com -all',
        chain: [],
        spf: {
          records: 1,
          lookups: 1,
          limit: 10,
          complete: true,
          all: '-all',
          includes: ['spf.protection.outlook.com'],
        },
        ...layers('spf verdict'),
        fixes: [],
        lookups: [`${domain} TXT`],
        reference: 'https://learn.microsoft.com/',
      },
    ],
    lookups: {
      [`msoid.${domain} CNAME`]:
        status === 'lookup-failed'
          ? { outcome: 'timeout', attempts: 2, elapsedMs: 300 }
          : { outcome: 'nxdomain', rcode: 'NXDOMAIN', elapsedMs: 1 },
      [`${domain} TXT`]: {
        outcome: 'answer',
        answers: [{ name: domain, type: 'TXT', ttl: 300, data: 'v=spf1 include:spf.protection.outlook.com -all' }],
        elapsedMs: 1,
      },
      [`${domain} NS`]: {
        outcome: 'answer',
        answers: [{ name: domain, type: 'NS', ttl: 300, data: 'ns1.example.test' }],
        elapsedMs: 1,
      },
    },
    summary: {
      health: HEALTH_OF[status],
      counts: {
        ok: status === 'ok' ? 2 : 1,
        attention: HEALTH_OF[status] === 'needs-attention' ? 1 : 0,
        broken: HEALTH_OF[status] === 'broken' ? 1 : 0,
        couldNotCheck: status === 'lookup-failed' ? 1 : 0,
        notApplicable: 0,
      },
    },
    services: { mail: true, teams: false, intune: false, inferred: true, overridden: [], uncertain: [] },
    resolvers: ['127.0.0.1:53'],
    checkedAt,
    elapsedMs: 3,
  };
}

/**
 * A stored result for `domain` with the given msoid status; the rest is plausible filler. Its record list holds
 * the msoid record and an SPF record that is fine; the domain's health follows the msoid status. Its message
 * codes are the catalogue's msoid status names, so it renders to real text in every language.
 */
export function makeResult(domain: string, status: MsoidStatus, checkedAt = '2026-01-01T00:00:00.000Z'): CheckResult {
  const ref = { code: `msoid.status.${status}`, params: {} };
  return CheckResult.parse({
    ...common(domain, status, checkedAt, () => ({ messages: { verdict: ref, impact: ref, action: ref, notes: [] } })),
    host: {
      id: 'generic',
      confidence: 'none',
      ns: ['ns1.example.test'],
      matched: 0,
      mixed: false,
      managedByMicrosoft: false,
      lookup: `${domain} NS`,
    },
    fixes: [],
    helpdesk: [{ code: `msoid.status.${status}`, params: {} }],
    symptoms: Object.fromEntries(
      SYMPTOMS.map((s) => [
        s,
        { answer: 'no', messages: [{ code: 'helpdesk.symptom.answer.no', params: { domain } }] },
      ]),
    ),
    notes: [],
  });
}

/**
 * A report for `domain` with the given msoid status, its texts filler (`verdict <status>`); otherwise as
 * `makeResult`.
 */
export function makeReport(domain: string, status: MsoidStatus, checkedAt = '2026-01-01T00:00:00.000Z'): Report {
  return Report.parse({
    ...common(domain, status, checkedAt, (verdict) => ({
      text: { verdict, impact: 'impact', action: 'action', notes: [] },
    })),
    dnsHost: {
      id: 'generic',
      name: 'Any DNS host',
      confidence: 'none',
      ns: ['ns1.example.test'],
      zone: domain,
      matched: 0,
      mixed: false,
      managedByMicrosoft: false,
      // No link: the only links on a test's page are the ones the test puts there.
      instructionsUrl: '',
      instructionsKind: 'generic',
      lookup: 'answer',
    },
    fixes: [],
    zoneSnippet: `$ORIGIN ${domain}.\n`,
    helpdesk: {
      text: `helpdesk ${status}`,
      symptoms: Object.fromEntries(SYMPTOMS.map((s) => [s, { answer: 'no', text: `no: ${s}` }])),
    },
    notes: [],
    lang: 'en',
  });
}
