import { describe, expect, test } from 'vitest';
import type { CloudEvidence, CloudReport } from '@/lib/schema';
import { cloudSource, cloudWarnings, inferredCloudCode } from './cloud-view';

describe('inferredCloudCode', () => {
  const base: CloudReport = {
    selected: 'gcchigh',
    effective: 'gcchigh',
    evidence: [],
    inferred: 'worldwide',
    conflicting: false,
    contradictsEvidence: true,
    evidenceIncomplete: false,
  };
  const cases = [
    {
      label: 'inferred worldwide reads "or GCC" whatever was chosen',
      inferred: 'worldwide' as const,
      code: 'cloud.name.worldwide-or-gcc',
    },
    { label: 'inferred 21Vianet', inferred: '21vianet' as const, code: 'cloud.name.21vianet' },
    { label: 'inferred unknown', inferred: 'unknown' as const, code: 'cloud.name.unknown' },
  ];
  test.each(cases)('$label', ({ inferred, code }) => {
    expect(inferredCloudCode({ ...base, inferred })).toBe(code);
  });
});

describe('cloudSource', () => {
  const mx: CloudEvidence = {
    record: 'mx',
    name: 'a.test',
    value: 'a-test.mail.protection.partner.outlook.cn',
    suggests: '21vianet',
  };
  const spf: CloudEvidence = {
    record: 'spf',
    name: 'a.test',
    value: 'spf.protection.partner.outlook.cn',
    suggests: '21vianet',
  };
  const cases = [
    {
      label: 'a chosen cloud',
      cloud: { selected: 'gcchigh' as const, evidence: [mx], evidenceIncomplete: false },
      expected: { kind: 'chosen' },
    },
    {
      label: 'auto without evidence',
      cloud: { selected: 'auto' as const, evidence: [], evidenceIncomplete: false },
      expected: { kind: 'none' },
    },
    {
      label: 'auto whose lookups failed is not "nothing found"',
      cloud: { selected: 'auto' as const, evidence: [], evidenceIncomplete: true },
      expected: { kind: 'failed' },
    },
    {
      label: 'auto with evidence, records once each',
      cloud: { selected: 'auto' as const, evidence: [mx, spf, mx], evidenceIncomplete: false },
      expected: { kind: 'evidence', records: ['mx', 'spf'] },
    },
  ];
  test.each(cases)('$label', ({ cloud, expected }) => {
    expect(cloudSource(cloud)).toEqual(expected);
  });
});

describe('cloudWarnings', () => {
  const cases = [
    {
      label: 'none',
      flags: { contradictsEvidence: false, conflicting: false, evidenceIncomplete: false },
      expected: [],
    },
    {
      label: 'contradiction first',
      flags: { contradictsEvidence: true, conflicting: true, evidenceIncomplete: false },
      expected: ['contradicts', 'conflicting'],
    },
    {
      label: 'incomplete evidence',
      flags: { contradictsEvidence: false, conflicting: false, evidenceIncomplete: true },
      expected: ['incomplete'],
    },
  ];
  test.each(cases)('$label', ({ flags, expected }) => {
    expect(cloudWarnings(flags)).toEqual(expected);
  });
});
