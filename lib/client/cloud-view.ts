/**
 * What the Cloud column says besides the cloud's name (see `cloudLabelCode` in lib/presentation):
 * where the cloud came from, and any warning.
 */
import { cloudLabelCode } from '@/lib/presentation';
import type { CloudEvidence, CloudReport } from '@/lib/schema';

export type CloudWarning = 'contradicts' | 'conflicting' | 'incomplete';

/** Label code of what the evidence alone says (used in the "your choice contradicts DNS" warning). */
export function inferredCloudCode(cloud: CloudReport): string {
  return cloudLabelCode({ ...cloud, selected: 'auto', effective: cloud.inferred });
}

export type CloudSource =
  | { kind: 'chosen' }
  | { kind: 'none' }
  | { kind: 'failed' }
  | { kind: 'evidence'; records: CloudEvidence['record'][] };

/**
 * Where the cloud came from: the user's choice, the DNS records that hinted at it, nothing found, or nothing
 * known because the lookups failed (never reported as "nothing found").
 */
export function cloudSource(cloud: Pick<CloudReport, 'selected' | 'evidence' | 'evidenceIncomplete'>): CloudSource {
  if (cloud.selected !== 'auto') return { kind: 'chosen' };
  if (cloud.evidence.length === 0) return cloud.evidenceIncomplete ? { kind: 'failed' } : { kind: 'none' };
  const records = [...new Set(cloud.evidence.map((e) => e.record))];
  return { kind: 'evidence', records };
}

/** Warnings to show next to the cloud, most important first. */
export function cloudWarnings(
  cloud: Pick<CloudReport, 'contradictsEvidence' | 'conflicting' | 'evidenceIncomplete'>,
): CloudWarning[] {
  const out: CloudWarning[] = [];
  if (cloud.contradictsEvidence) out.push('contradicts');
  if (cloud.conflicting) out.push('conflicting');
  if (cloud.evidenceIncomplete) out.push('incomplete');
  return out;
}
