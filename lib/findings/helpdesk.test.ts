import { describe, expect, it } from 'vitest';
import { catalogueFor } from '@/lib/messages';
import type { CloudReport, RecordFinding, RecordsSummary } from '@/lib/schema';
import { type HelpdeskInput, helpdeskMessages, helpdeskText, withHostName } from './helpdesk';

const cloud = (effective: CloudReport['effective']): CloudReport => ({
  selected: 'auto',
  effective,
  inferred: effective,
  evidence: [],
  conflicting: false,
  contradictsEvidence: false,
  evidenceIncomplete: false,
});

const summary = (couldNotCheck: number): RecordsSummary => ({
  health: 'healthy',
  counts: { ok: 10, attention: 0, broken: 0, couldNotCheck, notApplicable: 0 },
});

function row(id: RecordFinding['id'], outcome: RecordFinding['outcome'], severity: RecordFinding['severity']) {
  return {
    id,
    outcome,
    severity,
    messages: {
      verdict: { code: 'x', params: {} },
      impact: { code: `records.${id}.impact`, params: {} },
      action: { code: 'x', params: {} },
      notes: [],
    },
  } as unknown as RecordFinding;
}

const base: HelpdeskInput = {
  display: 'contoso.test',
  zone: 'contoso.test',
  summary: summary(0),
  records: [],
  cloud: cloud('worldwide'),
  msoidStatus: 'ok',
  hostId: null,
  fixCount: 0,
};

const cases: Array<{ label: string; input: Partial<HelpdeskInput>; codes: string[] }> = [
  { label: 'healthy domain', input: {}, codes: ['helpdesk.intro.healthy'] },
  { label: 'nothing wrong but lookups failed', input: { summary: summary(2) }, codes: ['helpdesk.intro.unchecked'] },
  { label: 'domain not found', input: { msoidStatus: 'domain-not-found' }, codes: ['helpdesk.intro.not-found'] },
  {
    label: 'critical before warning, host named',
    input: {
      records: [row('dmarc', 'problem', 'warning'), row('msoid', 'problem', 'critical'), row('mx', 'ok', 'ok')],
      hostId: 'godaddy',
      fixCount: 2,
    },
    codes: ['helpdesk.intro.problems', 'records.msoid.impact', 'records.dmarc.impact', 'helpdesk.next.host'],
  },
  {
    label: 'problems without fixes point at the details, could-not-check mentioned',
    input: { records: [row('spf', 'problem', 'critical')], summary: summary(1) },
    codes: ['helpdesk.intro.problems', 'records.spf.impact', 'helpdesk.partial', 'helpdesk.next.details'],
  },
  {
    label: 'at most three impacts, cloud unknown asks for the cloud',
    input: {
      records: ['mx', 'spf', 'dmarc', 'sip'].map((id) => row(id as RecordFinding['id'], 'problem', 'warning')),
      cloud: cloud('unknown'),
      fixCount: 1,
    },
    codes: [
      'helpdesk.intro.problems',
      'records.mx.impact',
      'records.spf.impact',
      'records.dmarc.impact',
      'helpdesk.cloud-unknown',
      'helpdesk.next.generic',
    ],
  },
];

describe('helpdeskMessages', () => {
  it("carries the host id; withHostName puts the reader's name of the host in its place", () => {
    const messages = helpdeskMessages({ ...base, ...cases[3]?.input });
    const next = messages.find((m) => m.code === 'helpdesk.next.host');
    expect(next?.params.host).toBe('godaddy');
    const named = withHostName(messages, (id) => (id === 'godaddy' ? 'GoDaddy' : id));
    expect(named.find((m) => m.code === 'helpdesk.next.host')?.params.host).toBe('GoDaddy');
    expect(named.filter((m) => m.code !== 'helpdesk.next.host')).toEqual(
      messages.filter((m) => m.code !== 'helpdesk.next.host'),
    );
  });

  it.each(cases)('$label', ({ input, codes }) => {
    expect(helpdeskMessages({ ...base, ...input }).map((m) => m.code)).toEqual(codes);
  });

  it('renders in both languages with every placeholder filled', () => {
    for (const c of cases.filter((x) => !x.codes.some((code) => code.startsWith('records.')))) {
      const messages = helpdeskMessages({ ...base, ...c.input });
      for (const lang of ['en', 'zh-CN']) {
        const text = helpdeskText(messages, catalogueFor(lang), lang);
        expect(text).toContain('contoso.test');
        expect(text).not.toMatch(/\{\w+\}|helpdesk\./);
      }
    }
  });
});
