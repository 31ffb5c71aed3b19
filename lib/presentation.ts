/**
 * How every closed set looks in the UI, in one module: msoid and record statuses, health, severities and their
 * order, requirements, clouds, record names and services, and the colours of each tone. One exhaustive map per
 * set, so a new value without a label, tone or icon is a compile error. Labels are catalogue codes, never text.
 * "Could not check" never shares a word, tone or icon with "missing". Colour is never the only signal: every
 * badge also has a label and an icon. Pure and browser-safe.
 */
import type {
  CloudChoice,
  CloudEvidence,
  CloudHint,
  CloudReport,
  EffectiveCloud,
  MsoidStatus,
  RecordId,
  RecordService,
  RecordStatus,
  RecordsHealth,
  Requirement,
  Severity,
} from '@/lib/schema';

export const TONES = ['ok', 'critical', 'warning', 'notice', 'unchecked'] as const;
export type Tone = (typeof TONES)[number];

export const ICONS = ['check', 'x', 'alert', 'info', 'question', 'minus'] as const;
export type Icon = (typeof ICONS)[number];

export type Presentation = { labelCode: string; tone: Tone; icon: Icon };

export const MSOID_STATUS_PRESENTATION: Readonly<Record<MsoidStatus, Presentation>> = {
  ok: { labelCode: 'msoid.status.ok', tone: 'ok', icon: 'check' },
  missing: { labelCode: 'msoid.status.missing', tone: 'warning', icon: 'minus' },
  'wrong-target': { labelCode: 'msoid.status.wrong-target', tone: 'critical', icon: 'x' },
  'not-cname': { labelCode: 'msoid.status.not-cname', tone: 'critical', icon: 'x' },
  'must-remove': { labelCode: 'msoid.status.must-remove', tone: 'critical', icon: 'x' },
  'domain-not-found': { labelCode: 'msoid.status.domain-not-found', tone: 'warning', icon: 'alert' },
  'lookup-failed': { labelCode: 'msoid.status.lookup-failed', tone: 'unchecked', icon: 'question' },
  'cloud-unknown': { labelCode: 'msoid.status.cloud-unknown', tone: 'notice', icon: 'info' },
};

export const SEVERITY_PRESENTATION: Readonly<Record<Severity, Presentation>> = {
  critical: { labelCode: 'msoid.severity.critical', tone: 'critical', icon: 'x' },
  warning: { labelCode: 'msoid.severity.warning', tone: 'warning', icon: 'alert' },
  notice: { labelCode: 'msoid.severity.notice', tone: 'notice', icon: 'info' },
  ok: { labelCode: 'msoid.severity.ok', tone: 'ok', icon: 'check' },
  unchecked: { labelCode: 'msoid.severity.unchecked', tone: 'unchecked', icon: 'question' },
};

/** Severities from most to least urgent; `unchecked` sorts on its own, after the problems. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = {
  critical: 0,
  warning: 1,
  unchecked: 2,
  notice: 3,
  ok: 4,
};

export const REQUIREMENT_LABEL: Readonly<Record<Requirement, string>> = {
  required: 'msoid.requirement.required',
  recommended: 'msoid.requirement.recommended',
  optional: 'msoid.requirement.optional',
  'must-not-exist': 'msoid.requirement.must-not-exist',
  'depends-on-cloud': 'msoid.requirement.depends-on-cloud',
};

export const CLOUD_CHOICE_LABEL: Readonly<Record<CloudChoice, string>> = {
  auto: 'cloud.name.auto',
  worldwide: 'cloud.name.worldwide',
  '21vianet': 'cloud.name.21vianet',
  gcc: 'cloud.name.gcc',
  gcchigh: 'cloud.name.gcchigh',
  dod: 'cloud.name.dod',
};

export const EFFECTIVE_CLOUD_LABEL: Readonly<Record<EffectiveCloud, string>> = {
  worldwide: 'cloud.name.worldwide',
  '21vianet': 'cloud.name.21vianet',
  gcc: 'cloud.name.gcc',
  gcchigh: 'cloud.name.gcchigh',
  dod: 'cloud.name.dod',
  unknown: 'cloud.name.unknown',
};

/**
 * Label code for the cloud a report worked with: "Worldwide (or GCC)" when worldwide was inferred
 * from evidence that cannot tell the two apart, else the effective cloud's name.
 */
export function cloudLabelCode(cloud: CloudReport): string {
  if (cloud.selected === 'auto' && cloud.effective === 'worldwide') return 'cloud.name.worldwide-or-gcc';
  return EFFECTIVE_CLOUD_LABEL[cloud.effective];
}

export const CLOUD_HINT_LABEL: Readonly<Record<CloudHint, string>> = {
  'worldwide-or-gcc': 'cloud.hint.worldwide-or-gcc',
  '21vianet': 'cloud.hint.21vianet',
  gcchigh: 'cloud.hint.gcchigh',
  dod: 'cloud.hint.dod',
  'gcchigh-or-dod': 'cloud.hint.gcchigh-or-dod',
  germany: 'cloud.hint.germany',
};

export const EVIDENCE_RECORD_LABEL: Readonly<Record<CloudEvidence['record'], string>> = {
  mx: 'cloud.record.mx',
  autodiscover: 'cloud.record.autodiscover',
  spf: 'cloud.record.spf',
};

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
  inconsistent: { labelCode: 'records.status.inconsistent', tone: 'warning', icon: 'alert' },
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

/** Badge colours per tone, light and dark. */
export const TONE_BADGE: Record<Tone, string> = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-600/40 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/40',
  critical: 'bg-red-50 text-red-800 ring-red-600/40 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/50',
  warning: 'bg-amber-50 text-amber-900 ring-amber-600/50 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/50',
  notice: 'bg-sky-50 text-sky-900 ring-sky-600/40 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-400/50',
  unchecked:
    'bg-slate-100 text-slate-700 ring-slate-500/40 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-400/40',
};

/** Left border of a row per tone, to make problems easy to spot while scrolling. */
export const TONE_BORDER: Record<Tone, string> = {
  ok: 'border-l-emerald-500',
  critical: 'border-l-red-600',
  warning: 'border-l-amber-500',
  notice: 'border-l-sky-500',
  unchecked: 'border-l-slate-400',
};
