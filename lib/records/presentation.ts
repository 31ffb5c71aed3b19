/**
 * How record statuses, health and record names look in the UI: exhaustive maps, so a new value without
 * a label, tone or icon is a compile error. Labels are catalogue codes, never text. "Could not check"
 * never shares a word, tone or icon with "missing".
 */
import type { Presentation } from '@/lib/diagnosis/presentation';
import type { RecordId, RecordService, RecordStatus, RecordsHealth } from './schema';

export const RECORD_STATUS_PRESENTATION: Readonly<Record<RecordStatus, Presentation>> = {
  ok: { labelCode: 'records.status.ok', tone: 'ok', icon: 'check' },
  'optional-absent': { labelCode: 'records.status.optional-absent', tone: 'ok', icon: 'minus' },
  missing: { labelCode: 'records.status.missing', tone: 'warning', icon: 'minus' },
  'wrong-value': { labelCode: 'records.status.wrong-value', tone: 'critical', icon: 'x' },
  'must-remove': { labelCode: 'records.status.must-remove', tone: 'critical', icon: 'x' },
  conflict: { labelCode: 'records.status.conflict', tone: 'critical', icon: 'x' },
  proxied: { labelCode: 'records.status.proxied', tone: 'warning', icon: 'alert' },
  deprecated: { labelCode: 'records.status.deprecated', tone: 'warning', icon: 'alert' },
  'too-many': { labelCode: 'records.status.too-many', tone: 'critical', icon: 'x' },
  'lookup-failed': { labelCode: 'records.status.lookup-failed', tone: 'unchecked', icon: 'question' },
  'not-applicable': { labelCode: 'records.status.not-applicable', tone: 'notice', icon: 'info' },
};

export const RECORDS_HEALTH_PRESENTATION: Readonly<Record<RecordsHealth, Presentation>> = {
  healthy: { labelCode: 'records.health.healthy', tone: 'ok', icon: 'check' },
  'needs-attention': { labelCode: 'records.health.needs-attention', tone: 'warning', icon: 'alert' },
  broken: { labelCode: 'records.health.broken', tone: 'critical', icon: 'x' },
  'could-not-check': { labelCode: 'records.health.could-not-check', tone: 'unchecked', icon: 'question' },
};

export const RECORD_LABEL: Readonly<Record<RecordId, string>> = {
  verification: 'records.label.verification',
  msoid: 'records.label.msoid',
  mx: 'records.label.mx',
  autodiscover: 'records.label.autodiscover',
  'autodiscover-srv': 'records.label.autodiscover-srv',
  spf: 'records.label.spf',
  'dkim-selector1': 'records.label.dkim-selector1',
  'dkim-selector2': 'records.label.dkim-selector2',
  dmarc: 'records.label.dmarc',
  sipfederation: 'records.label.sipfederation',
  sip: 'records.label.sip',
  lyncdiscover: 'records.label.lyncdiscover',
  'sip-tls': 'records.label.sip-tls',
  enterpriseregistration: 'records.label.enterpriseregistration',
  enterpriseenrollment: 'records.label.enterpriseenrollment',
};

export const RECORD_SERVICE_LABEL: Readonly<Record<RecordService, string>> = {
  core: 'records.service.core',
  mail: 'records.service.mail',
  teams: 'records.service.teams',
  intune: 'records.service.intune',
  'legacy-sfb': 'records.service.legacy-sfb',
  dkim: 'records.service.dkim',
  dmarc: 'records.service.dmarc',
};
