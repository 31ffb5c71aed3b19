import { describe, expect, it } from 'vitest';
import { cloudMessages } from '@/lib/messages/en/cloud';
import { msoidMessages } from '@/lib/messages/en/msoid';
import { formatMessage } from '@/lib/messages/format';
import { MSOID_STATUSES, SEVERITIES } from '@/lib/schema';
import { inferCloud } from './findings/cloud';
import { EVIDENCE, snapshot } from './lookups/test-fixtures';
import { cloudLabelCode, ICONS, MSOID_STATUS_PRESENTATION, SEVERITY_PRESENTATION, TONES } from './presentation';

const catalogue = { msoid: msoidMessages, cloud: cloudMessages };
const words = (code: string) => new Set(formatMessage(catalogue, code).toLowerCase().split(/\W+/).filter(Boolean));

describe('presentation maps', () => {
  it.each([...MSOID_STATUSES])('status %s has a label, a tone and an icon', (status) => {
    const p = MSOID_STATUS_PRESENTATION[status];
    expect(formatMessage(catalogue, p.labelCode)).not.toBe(p.labelCode);
    expect(TONES).toContain(p.tone);
    expect(ICONS).toContain(p.icon);
  });

  it.each([...SEVERITIES])('severity %s has a label, a tone and an icon', (severity) => {
    const p = SEVERITY_PRESENTATION[severity];
    expect(formatMessage(catalogue, p.labelCode)).not.toBe(p.labelCode);
    expect(TONES).toContain(p.tone);
    expect(ICONS).toContain(p.icon);
  });

  it.each([
    ['status', MSOID_STATUS_PRESENTATION['lookup-failed'], MSOID_STATUS_PRESENTATION.missing],
    ['severity', SEVERITY_PRESENTATION.unchecked, SEVERITY_PRESENTATION.warning],
    ['severity vs status', SEVERITY_PRESENTATION.unchecked, MSOID_STATUS_PRESENTATION.missing],
    [
      'status vs domain-not-found',
      MSOID_STATUS_PRESENTATION['lookup-failed'],
      MSOID_STATUS_PRESENTATION['domain-not-found'],
    ],
  ])('"could not check" shares no word, tone or icon with "missing" (%s)', (_l, unchecked, missing) => {
    const shared = [...words(unchecked.labelCode)].filter((w) => words(missing.labelCode).has(w));
    expect(shared).toEqual([]);
    expect(unchecked.tone).not.toBe(missing.tone);
    expect(unchecked.icon).not.toBe(missing.icon);
  });

  it('only lookup-failed and unchecked use the unchecked tone', () => {
    const statuses = MSOID_STATUSES.filter((s) => MSOID_STATUS_PRESENTATION[s].tone === 'unchecked');
    const severities = SEVERITIES.filter((s) => SEVERITY_PRESENTATION[s].tone === 'unchecked');
    expect(statuses).toEqual(['lookup-failed']);
    expect(severities).toEqual(['unchecked']);
  });
});

describe('cloudLabelCode', () => {
  it.each([
    [
      'inferred worldwide reads "Worldwide (or GCC)"',
      inferCloud(snapshot(EVIDENCE['mx worldwide']), 'auto'),
      'cloud.name.worldwide-or-gcc',
    ],
    ['chosen worldwide', inferCloud(snapshot(EVIDENCE['mx worldwide']), 'worldwide'), 'cloud.name.worldwide'],
    ['chosen GCC', inferCloud(snapshot(), 'gcc'), 'cloud.name.gcc'],
    ['inferred 21Vianet', inferCloud(snapshot(EVIDENCE['mx 21vianet']), 'auto'), 'cloud.name.21vianet'],
    ['unknown', inferCloud(snapshot(), 'auto'), 'cloud.name.unknown'],
  ])('%s', (_l, report, code) => {
    expect(cloudLabelCode(report)).toBe(code);
  });
});
