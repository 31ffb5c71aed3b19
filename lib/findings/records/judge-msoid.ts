/**
 * The msoid row: the msoid diagnosis (`lib/findings/msoid/msoid.ts`) already judged the record; this maps
 * its finding into a record row, keeping its code, message refs and fixes. Two things only the record
 * lookups can see are added: a TXT record beside the msoid CNAME (a conflict) and a Cloudflare proxy
 * in front of it. Pure.
 */

import { specOf } from '@/lib/findings/catalogue';
import { KEYS } from '@/lib/lookups/plan';
import type { MsoidFinding, MsoidStatus, RecordFinding, RecordStatus } from '@/lib/schema';
import { type Ctx, lookupIds, problemSeverity, ref } from './draft';
import { ownRecords, presentRecord } from './observe';

/** How each msoid status reads in the record vocabulary. */
export const MSOID_RECORD_STATUS: Readonly<Record<MsoidStatus, RecordStatus>> = {
  ok: 'ok',
  missing: 'missing',
  'wrong-target': 'wrong-value',
  'not-cname': 'wrong-value',
  'must-remove': 'must-remove',
  'domain-not-found': 'not-applicable',
  'lookup-failed': 'lookup-failed',
  'cloud-unknown': 'not-applicable',
};

/** Maps the msoid finding into the msoid record row. */
export function msoidRecord(msoid: MsoidFinding, ctx: Ctx): RecordFinding {
  const spec = specOf(ctx.family, 'msoid');
  const txt = ctx.has(KEYS.msoidTxt) ? ctx.lookup(KEYS.msoidTxt) : undefined;
  const beside = msoid.chain.length > 0 ? ownRecords(txt) : [];
  const row: RecordFinding = {
    id: 'msoid',
    code: msoid.code,
    service: spec.service,
    name: msoid.name,
    host: spec.host,
    type: 'CNAME',
    requirement: msoid.requirement,
    status: MSOID_RECORD_STATUS[msoid.status],
    severity: msoid.severity,
    outcome: msoid.outcome,
    found: msoid.found,
    expected: msoid.expected,
    chain: msoid.chain,
    ...(msoid.typo ? { typo: msoid.typo } : {}),
    messages: { ...msoid.messages, notes: [...msoid.messages.notes] },
    fixes: [...msoid.fixes],
    lookups: txt ? [...msoid.lookups, ...lookupIds(ctx, [txt])] : [...msoid.lookups],
    reference: msoid.reference,
  };

  if (beside.length > 0) {
    const found = beside.map(presentRecord).join(', ');
    const deletes = beside.map((r) => ({
      op: 'delete' as const,
      name: msoid.name,
      host: spec.host,
      type: r.type,
      value: r.data,
      ttl: r.ttl,
    }));
    if (msoid.status !== 'ok') {
      // The CNAME itself is already wrong; the data beside it goes with the fix.
      row.messages.notes.push(ref('records.note.conflict-beside', { name: msoid.name, found }));
      return row;
    }
    return {
      ...row,
      code: 'records.msoid.conflict.beside-cname',
      status: 'conflict',
      severity: problemSeverity(msoid.requirement),
      outcome: 'problem',
      found: [...msoid.found, ...beside.map(presentRecord)],
      messages: {
        verdict: ref('records.common.verdict.conflict', { name: msoid.name, target: msoid.chain[0] ?? '', found }),
        impact: ref('records.common.impact.conflict'),
        action: ref('records.action.remove-beside', { name: msoid.name, host: spec.host, found }),
        notes: [msoid.messages.verdict, ...row.messages.notes],
      },
      fixes: deletes,
    };
  }

  const addresses = msoid.found.filter((f) => /^(A|AAAA) /.test(f));
  if (ctx.cloudflare && msoid.status === 'not-cname' && addresses.length > 0) {
    return {
      ...row,
      code: 'records.msoid.proxied.cloudflare',
      status: 'proxied',
      messages: {
        verdict: ref('records.common.verdict.proxied', { name: msoid.name, found: addresses.join(', ') }),
        impact: ref('records.common.impact.proxied'),
        action: ref('records.action.unproxy', { name: msoid.name, host: spec.host, value: msoid.expected ?? '' }),
        notes: [msoid.messages.verdict, ...row.messages.notes],
      },
      // The addresses are the proxy's own: there is nothing to delete, only the proxy to switch off.
      fixes: [],
    };
  }
  return row;
}
