import { describe, expect, it } from 'vitest';
import { answer, MSOID, msoidCname, msoidOwn, TARGET } from '@/lib/lookups/test-fixtures';
import type { RecordStatus } from '@/lib/schema';
import { MSOID_STATUSES, type MsoidStatus } from '@/lib/schema';
import { MSOID_RECORD_STATUS } from './judge-msoid';
import { msoidFinding, run } from './test-fixtures';

/**
 * The msoid finding's row in `records`: pinned status by status, so a changed mapping fails here (an outside
 * mutation test once turned `not-cname → wrong-value` into `missing` and nothing noticed).
 */
const EXPECTED: Readonly<Record<MsoidStatus, RecordStatus>> = {
  ok: 'ok',
  missing: 'missing',
  'wrong-target': 'wrong-value',
  'not-cname': 'wrong-value',
  'must-remove': 'must-remove',
  'domain-not-found': 'not-applicable',
  'lookup-failed': 'lookup-failed',
  'cloud-unknown': 'not-applicable',
};

describe('msoid finding → records row', () => {
  it.each(MSOID_STATUSES.map((s) => [s, EXPECTED[s]] as const))('%s → %s', (status, row) => {
    expect(MSOID_RECORD_STATUS[status]).toBe(row);
  });

  it.each([
    ['21vianet', msoidOwn({ a: answer(MSOID, 'A', '192.0.2.10') }), 'not-cname', 'wrong-value', 'critical'],
    ['21vianet', msoidCname(['login.hoster.test']), 'wrong-target', 'wrong-value', 'critical'],
    ['worldwide', msoidCname([TARGET]), 'must-remove', 'must-remove', 'critical'],
  ] as const)(
    'a real %s finding (%s) becomes a %s row with the same severity',
    (cloud, msoid, status, row, severity) => {
      const finding = msoidFinding(cloud, { msoid });
      expect(finding.status).toBe(status);
      const result = run({ cloud, lookups: {}, msoid: finding });
      const msoidRow = result.records.find((r) => r.id === 'msoid');
      expect(msoidRow?.status).toBe(row);
      expect(msoidRow?.severity).toBe(severity);
      expect(msoidRow?.code).toBe(finding.code);
    },
  );
});
