import { describe, expect, it } from 'vitest';
import type { Snapshot } from '@/lib/lookups/snapshot';
import { DOMAIN, EVIDENCE, failed, msoidCname, mx, nxdomain, snapshot, TARGET } from '@/lib/lookups/test-fixtures';
import type { CloudChoice } from '@/lib/schema';
import { diagnoseCloudAndMsoid as diagnose } from './cloud-msoid';

type Row = { label: string; snap: Partial<Snapshot>; choice: CloudChoice; code: string; notes: string[] };

const rows: Row[] = [
  {
    label: 'user choice contradicts evidence: note, choice followed',
    snap: { ...EVIDENCE['mx worldwide'] },
    choice: '21vianet',
    code: 'msoid.missing.absent',
    notes: ['cloud.note.contradicts.worldwide-or-gcc'],
  },
  {
    label: 'worldwide inferred: "Worldwide (or GCC)" note',
    snap: { ...EVIDENCE['spf worldwide'], msoid: msoidCname([TARGET]) },
    choice: 'auto',
    code: 'msoid.must-remove.21vianet-target',
    notes: ['cloud.note.worldwide-or-gcc'],
  },
  {
    label: 'GCC High or DoD inferred from MX: note, checked as GCC High',
    snap: { ...EVIDENCE['mx gcchigh-or-dod'] },
    choice: 'auto',
    code: 'msoid.ok.absent',
    notes: ['cloud.note.gcchigh-or-dod'],
  },
  {
    label: 'Germany MX: cloud unknown, Germany note',
    snap: mx('contoso-test.mail.protection.outlook.de'),
    choice: 'auto',
    code: 'msoid.cloud-unknown.absent',
    notes: ['cloud.note.germany'],
  },
  {
    label: 'conflicting evidence: cloud unknown, conflict note',
    snap: { ...EVIDENCE['mx 21vianet'], ...EVIDENCE['autodiscover worldwide'] },
    choice: 'auto',
    code: 'msoid.cloud-unknown.absent',
    notes: ['cloud.note.conflicting'],
  },
  {
    label: 'evidence lookups failed: "could not determine", not "no evidence"',
    snap: { mx: failed(DOMAIN, 'MX'), autodiscover: failed(`autodiscover.${DOMAIN}`, 'CNAME') },
    choice: 'auto',
    code: 'msoid.cloud-unknown.absent',
    notes: ['cloud.note.evidence-incomplete'],
  },
  {
    label: '21Vianet inferred: no note',
    snap: { ...EVIDENCE['mx 21vianet'] },
    choice: 'auto',
    code: 'msoid.missing.absent',
    notes: [],
  },
  {
    label: 'apex failed: no cloud notes (the finding says it)',
    snap: { apex: failed(DOMAIN, 'SOA'), mx: failed(DOMAIN, 'MX') },
    choice: 'auto',
    code: 'msoid.lookup-failed.apex',
    notes: [],
  },
  {
    label: 'domain not found: no cloud notes',
    snap: { apex: nxdomain(DOMAIN, 'SOA'), ...EVIDENCE['mx worldwide'] },
    choice: '21vianet',
    code: 'msoid.domain-not-found',
    notes: [],
  },
];

describe('diagnose', () => {
  it.each(rows)('$label', ({ snap, choice, code, notes }) => {
    const result = diagnose(snapshot(snap), choice);
    expect(result.msoid.code).toBe(code);
    expect(result.notes.map((n) => n.code)).toEqual(notes);
    expect(result.cloud.selected).toBe(choice);
  });
});
