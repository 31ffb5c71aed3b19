/**
 * How statuses and severities look in the UI: one exhaustive map each, so a new value without a
 * label, tone or icon is a compile error. Labels are catalogue codes, never text.
 * "Could not check" never shares a word, tone or icon with "missing".
 */
import type {
  CloudChoice,
  CloudEvidence,
  CloudHint,
  CloudReport,
  EffectiveCloud,
  MsoidStatus,
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
