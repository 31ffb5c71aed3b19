import { describe, expect, it } from 'vitest';
import type { RecordFinding, Severity } from '@/lib/schema';
import type { Diagnosis } from './diagnose';
import { judgeCopies, type ZoneCopy } from './inconsistent';

function record(
  id: RecordFinding['id'],
  status: RecordFinding['status'],
  severity: Severity,
  found: string[],
): RecordFinding {
  return {
    id,
    code: `records.${id}.${status}`,
    service: 'core',
    name: `${id}.contoso.test`,
    host: id,
    type: 'TXT',
    requirement: 'required',
    status,
    severity,
    outcome: status === 'ok' ? 'ok' : 'problem',
    found,
    expected: null,
    chain: [],
    messages: {
      verdict: { code: `v.${status}`, params: {} },
      impact: { code: `i.${status}`, params: {} },
      action: { code: `a.${status}`, params: {} },
      notes: [],
    },
    fixes: [],
    lookups: [`${id}.contoso.test TXT`],
    reference: '',
  } as RecordFinding;
}

function copy(servers: Array<[string, number]>, records: RecordFinding[]): ZoneCopy {
  const diagnosis = {
    records,
    msoid: { status: 'ok' },
    summary: { health: 'healthy', counts: { ok: 0, attention: 0, broken: 0, couldNotCheck: 0, notApplicable: 0 } },
  } as unknown as Diagnosis;
  return { servers: servers.map(([name, serial]) => ({ name, serial })), diagnosis };
}

describe('judgeCopies', () => {
  it('one copy: its diagnosis as it is', () => {
    const only = copy([['ns1.test', 2]], [record('verification', 'ok', 'ok', ['MS=ms1'])]);
    expect(judgeCopies([only])).toBe(only.diagnosis);
  });

  it('copies that judge alike (only the serial differs): nothing is inconsistent', () => {
    const a = copy([['ns1.test', 2]], [record('verification', 'ok', 'ok', ['MS=ms1'])]);
    const b = copy([['ns2.test', 1]], [record('verification', 'ok', 'ok', ['MS=ms1'])]);
    expect(judgeCopies([a, b]).records.map((r) => r.status)).toEqual(['ok']);
  });

  it('an older copy without the record: inconsistent at the worst severity, naming each server and serial', () => {
    const newer = copy(
      [['ns1.test', 2]],
      [record('verification', 'ok', 'ok', ['MS=ms1']), record('mx', 'ok', 'ok', ['0 mx.test'])],
    );
    const older = copy(
      [['ns2.test', 1]],
      [record('verification', 'missing', 'critical', []), record('mx', 'ok', 'ok', ['0 mx.test'])],
    );
    const merged = judgeCopies([newer, older]);
    const [verification, mx] = merged.records;
    expect(verification).toMatchObject({
      status: 'inconsistent',
      code: 'records.verification.inconsistent',
      severity: 'critical',
      outcome: 'problem',
      found: ['MS=ms1'],
    });
    expect(verification?.messages.verdict.code).toBe('records.common.verdict.inconsistent');
    expect(verification?.messages.notes.slice(0, 2)).toEqual([
      { code: 'records.note.inconsistent.holds', params: { servers: 'ns1.test', serial: '2', found: 'MS=ms1' } },
      { code: 'records.note.inconsistent.absent', params: { servers: 'ns2.test', serial: '1' } },
    ]);
    // The worst copy's action (add the record) stays: it is what makes every server right.
    expect(verification?.messages.action.code).toBe('a.missing');
    expect(mx?.status).toBe('ok');
    expect(merged.summary.counts).toMatchObject({ broken: 1, ok: 1 });
  });

  it('both copies acceptable but different: still said, as a notice', () => {
    const a = copy([['ns1.test', 5]], [record('verification', 'ok', 'ok', ['MS=ms1'])]);
    const b = copy(
      [
        ['ns2.test', 4],
        ['ns3.test', 4],
      ],
      [record('verification', 'ok', 'ok', ['MS=ms1', 'other'])],
    );
    const [v] = judgeCopies([a, b]).records;
    expect(v).toMatchObject({ status: 'inconsistent', severity: 'notice' });
    expect(v?.messages.notes[1]?.params).toMatchObject({ servers: 'ns2.test, ns3.test', serial: '4' });
  });
});
