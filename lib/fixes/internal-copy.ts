/**
 * Split-brain DNS and the fix list (issue 14 item 3, "Internal copy"): when a resolver serves a copy of the zone of
 * its own that differs (propagation `internal-copy`), a change at the domain's DNS host alone doesn't reach the
 * computers inside the network, nor the Microsoft 365 apps there. The fix list then names both places. Pure.
 */
import { RECORD_TTL } from '@/lib/findings/catalogue';
import type { Fix, FixOp, FixPlace, MessageRef, Propagation, RecordFinding } from '@/lib/schema';

export { placesNote } from './places';

type WithPropagation = Pick<RecordFinding, 'name' | 'host' | 'type' | 'status' | 'fixes' | 'messages'> & {
  propagation?: Propagation;
};

/** The resolvers (`ip:port`) that serve an internal copy of the record's zone that differs; empty when none does. */
export function internalResolvers(propagation: Propagation | undefined): string[] {
  if (propagation?.state !== 'internal-copy') return [];
  return propagation.resolvers.filter((r) => r.view === 'internal').map((r) => r.resolver);
}

/** A value as a fix can carry it: the record's own data (not a CNAME hop quoted in front of other data). */
const plain = (value: string) => !value.startsWith('CNAME ');

/**
 * What makes the internal copy hold what the zone publishes, when the published record is right (the record's own
 * fixes are empty): add what is published and missing inside, delete what is inside and not published; a CNAME (one
 * value) is changed in place. Nothing when the answers can't be put as records.
 */
function insideFixes(record: WithPropagation, propagation: Propagation, inside: readonly string[]): Fix[] {
  const { published } = propagation;
  const held = propagation.resolvers.find((r) => r.view === 'internal');
  if (!held || published.answer === 'failed' || held.answer === 'failed') return [];
  const want = published.answer === 'answer' ? published.values : [];
  const have = held.answer === 'answer' ? held.values : [];
  if (![...want, ...have].every(plain)) return [];
  const places: FixPlace[] = inside.map((resolver) => ({ kind: 'internal', resolver }));
  const fix = (op: FixOp, value: string, ttl: number): Fix => ({
    op,
    name: record.name,
    host: record.host,
    type: record.type,
    value,
    ttl,
    places,
  });
  const ttl = published.ttl ?? RECORD_TTL;
  if (record.type === 'CNAME' && want.length === 1 && have.length === 1 && want[0] !== undefined) {
    return [fix('change', want[0], ttl)];
  }
  return [
    ...have.filter((v) => !want.includes(v)).map((v) => fix('delete', v, held.ttl ?? ttl)),
    ...want.filter((v) => !have.includes(v)).map((v) => fix('add', v, ttl)),
  ];
}

/**
 * The record with its fix list naming where to change it, when a resolver serves an internal copy of the zone that
 * differs: each fix the published record needs is made at the DNS host and in each internal copy (`places`), and a
 * note says so; when the published record is already right, the fixes that make the internal copy match it, with a
 * note that only the internal copy needs the change. Any other record is returned as it is.
 */
export function withInternalCopyFixes<R extends WithPropagation>(record: R): R {
  const inside = internalResolvers(record.propagation);
  if (inside.length === 0 || !record.propagation) return record;
  const resolver = inside.join(', ');
  if (record.fixes.length > 0) {
    const places: FixPlace[] = [
      { kind: 'dns-host' },
      ...inside.map((r) => ({ kind: 'internal' as const, resolver: r })),
    ];
    const note: MessageRef = { code: 'propagation.fix.both', params: { resolver } };
    return {
      ...record,
      fixes: record.fixes.map((f) => ({ ...f, places })),
      messages: { ...record.messages, notes: [...record.messages.notes, note] },
    };
  }
  const fixes = insideFixes(record, record.propagation, inside);
  const note: MessageRef = { code: 'propagation.fix.insideOnly', params: { resolver } };
  return { ...record, fixes, messages: { ...record.messages, notes: [...record.messages.notes, note] } };
}
