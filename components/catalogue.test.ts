/**
 * Every text the components ask for exists in the English catalogue the page receives (`pageCatalogue`: the
 * server-rendered finding texts left out): literal codes found in the source, and the codes built from closed
 * unions (statuses, outcomes, clouds…). A missing code would show raw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { COUNT_PARTS, RECORD_GROUPS } from '@/lib/client/records-view';
import { SERVICE_CHOICES } from '@/lib/client/services';
import { en } from '@/lib/messages';
import { lookupTemplate } from '@/lib/messages/format';
import { pageCatalogue, SERVER_RENDERED } from '@/lib/messages/page-catalogue';
import {
  CLOUD_HINT_LABEL,
  EFFECTIVE_CLOUD_LABEL,
  EVIDENCE_RECORD_LABEL,
  MSOID_STATUS_PRESENTATION,
  RECORD_LABEL,
  RECORD_SERVICE_LABEL,
  RECORD_STATUS_PRESENTATION,
  RECORDS_HEALTH_PRESENTATION,
  REQUIREMENT_LABEL,
} from '@/lib/presentation';
import {
  ChainEnd,
  CLOUD_CHOICES,
  CloudEvidence,
  CloudHint,
  DnsHost,
  EffectiveCloud,
  FixOp,
  HostConfidence,
  LOOKUP_OUTCOMES,
  MSOID_STATUSES,
  RECORD_IDS,
  RECORD_SERVICES,
  RECORD_STATUSES,
  RECORDS_HEALTH,
  REQUIREMENTS,
  SERVICE_FLAGS,
  SPF_ALL,
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
      [...readFileSync(file, 'utf8').matchAll(/\b(?:(?:t|tp)\(\s*'|code=")([a-z][\w.-]*)['"]/g)].map(
        (m) => m[1] as string,
      ),
    ),
  ),
].sort();

const page = pageCatalogue(en);
/** Codes only server components render (SERVER_RENDERED): looked up in the full catalogue they are rendered from. */
const serverOnly = (code: string) => SERVER_RENDERED.some((prefix) => code === prefix || code.startsWith(`${prefix}.`));
const hasText = (code: string) => lookupTemplate(serverOnly(code) ? en : page, code) !== undefined;
const hasCounted = (code: string) => lookupTemplate(page, `${code}.other`) !== undefined;

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
    ...['contradicts', 'conflicting', 'incomplete'].map((w) => `ui.cloud.${w}`),
    ...RECORDS_HEALTH.map((h) => RECORDS_HEALTH_PRESENTATION[h].labelCode),
    ...RECORD_STATUSES.map((s) => RECORD_STATUS_PRESENTATION[s].labelCode),
    ...RECORD_IDS.map((id) => RECORD_LABEL[id]),
    ...RECORD_SERVICES.map((s) => RECORD_SERVICE_LABEL[s]),
    ...REQUIREMENTS.map((r) => REQUIREMENT_LABEL[r]),
    ...SERVICE_FLAGS.map((s) => `ui.form.services.${s}`),
    ...SERVICE_CHOICES.map((c) => `ui.form.services.choice.${c}`),
    ...SPF_ALL.map((a) => `ui.records.spf.allMeaning.${a}`),
    ...['on', 'off'].map((s) => `ui.services.set.${s}`),
    ...HostConfidence.options.map((c) => `hosts.confidence.${c}`),
    ...HostConfidence.options.filter((c) => c !== 'none').map((c) => `hosts.detected.${c}`),
    ...DnsHost.shape.instructionsKind.options.map((k) => `hosts.instructions.${k}`),
    'ui.fixes.placeholder.dmarc',
    'ui.fixes.placeholder.other',
  ];
  test.each(built)('%s has text', (code) => {
    expect(hasText(code)).toBe(true);
  });

  const counted = [
    ...COUNT_PARTS.map((p) => `ui.health.counts.${p}`),
    ...RECORD_GROUPS.map((g) => `ui.records.group.${g}`),
  ];
  test.each(counted)('counted %s has text', (code) => {
    expect(hasCounted(code)).toBe(true);
  });
});

test('each template a component fills with elements has the slots it fills', () => {
  const slots = (code: string) => [...(lookupTemplate(en, code) ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  expect(slots('ui.feedback.entry')).toEqual(['input', 'line', 'reason']);
  expect(slots('ui.table.skippedEntry')).toEqual(['input', 'line', 'reason']);
  expect(slots('ui.cloud.evidenceLine')).toEqual(['hint', 'name', 'record', 'value']);
  expect(slots('ui.fixes.canonicalLine')).toEqual(['name', 'ttl', 'type', 'value']);
  expect(slots('ui.lookup.answer')).toEqual(['data', 'ttl', 'type']);
});

test('"could not check" shares no word or tone with "broken" or "missing" in the domain health', () => {
  const words = (code: string) => new Set((lookupTemplate(en, code) ?? '').toLowerCase().split(/\W+/).filter(Boolean));
  const unchecked = RECORDS_HEALTH_PRESENTATION['could-not-check'];
  for (const other of [RECORDS_HEALTH_PRESENTATION.broken, RECORD_STATUS_PRESENTATION.missing]) {
    for (const w of words(other.labelCode)) expect(words(unchecked.labelCode).has(w)).toBe(false);
    expect(unchecked.tone).not.toBe(other.tone);
    expect(unchecked.icon).not.toBe(other.icon);
  }
});

test('"could not check" shares no word with "missing"', () => {
  const words = (code: string) => new Set((lookupTemplate(en, code) ?? '').toLowerCase().split(/\W+/).filter(Boolean));
  const unchecked = words(MSOID_STATUS_PRESENTATION['lookup-failed'].labelCode);
  expect(unchecked.size).toBeGreaterThan(0);
  for (const w of words(MSOID_STATUS_PRESENTATION.missing.labelCode)) expect(unchecked.has(w)).toBe(false);
  expect(MSOID_STATUS_PRESENTATION['lookup-failed'].tone).not.toBe(MSOID_STATUS_PRESENTATION.missing.tone);
});
