/**
 * Every text the components ask for exists in the English catalogue: literal codes found in the source,
 * and the codes built from closed unions (statuses, outcomes, clouds…). A missing code would show raw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SUMMARY_BUCKETS } from '@/lib/client/rank';
import {
  CLOUD_HINT_LABEL,
  EFFECTIVE_CLOUD_LABEL,
  EVIDENCE_RECORD_LABEL,
  MSOID_STATUS_PRESENTATION,
} from '@/lib/diagnosis/presentation';
import { en } from '@/lib/messages';
import { lookupTemplate } from '@/lib/messages/format';
import {
  ChainEnd,
  CLOUD_CHOICES,
  CloudEvidence,
  CloudHint,
  EffectiveCloud,
  FixOp,
  LOOKUP_OUTCOMES,
  MSOID_STATUSES,
} from '@/lib/schema';

const ROOTS = ['components', 'app'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'api' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const literalCodes = [
  ...new Set(
    ROOTS.flatMap(sourceFiles).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b(?:t|tp)\(\s*'([a-z][\w.-]*)'/g)].map((m) => m[1] as string),
    ),
  ),
].sort();

const hasText = (code: string) => lookupTemplate(en, code) !== undefined;
const hasCounted = (code: string) => lookupTemplate(en, `${code}.other`) !== undefined;

test('the scan finds the codes (guards against a broken regex)', () => {
  expect(literalCodes.length).toBeGreaterThan(40);
  expect(literalCodes).toContain('ui.form.submit');
});

test.each(literalCodes)('literal code %s has text', (code) => {
  expect(hasText(code) || hasCounted(code)).toBe(true);
});

describe('codes built from closed unions', () => {
  const built = [
    ...MSOID_STATUSES.map((s) => MSOID_STATUS_PRESENTATION[s].labelCode),
    ...LOOKUP_OUTCOMES.map((o) => `ui.lookup.outcomes.${o}`),
    ...ChainEnd.options.filter((c) => c !== 'none').map((c) => `ui.lookup.chainEnd.${c}`),
    ...CLOUD_CHOICES.map((c) => `ui.cloudChoice.${c}`),
    ...EffectiveCloud.options.map((c) => EFFECTIVE_CLOUD_LABEL[c]),
    'cloud.name.worldwide-or-gcc',
    ...CloudHint.options.map((h) => CLOUD_HINT_LABEL[h]),
    ...CloudEvidence.shape.record.options.map((r) => EVIDENCE_RECORD_LABEL[r]),
    ...FixOp.options.map((op) => `ui.details.fixOp.${op}`),
    ...SUMMARY_BUCKETS.map((b) => `ui.summary.${b}`),
    ...['contradicts', 'conflicting', 'incomplete'].map((w) => `ui.cloud.${w}`),
  ];
  test.each(built)('%s has text', (code) => {
    expect(hasText(code)).toBe(true);
  });
});

test('"could not check" shares no word with "missing"', () => {
  const words = (code: string) => new Set((lookupTemplate(en, code) ?? '').toLowerCase().split(/\W+/).filter(Boolean));
  const unchecked = words(MSOID_STATUS_PRESENTATION['lookup-failed'].labelCode);
  expect(unchecked.size).toBeGreaterThan(0);
  for (const w of words(MSOID_STATUS_PRESENTATION.missing.labelCode)) expect(unchecked.has(w)).toBe(false);
  expect(MSOID_STATUS_PRESENTATION['lookup-failed'].tone).not.toBe(MSOID_STATUS_PRESENTATION.missing.tone);
});
