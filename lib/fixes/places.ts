/**
 * Where a fix is made, as the note a fix card shows (split-brain DNS, ./internal-copy.ts). Apart from
 * internal-copy.ts so the page's fix list does not carry the findings catalogue. Pure.
 */
import type { Fix, MessageRef } from '@/lib/schema';

/** The place note of a fix (for the host fix list), as a message; null for a fix made at the DNS host only. */
export function placesNote(fix: Pick<Fix, 'places'>): MessageRef | null {
  const inside = (fix.places ?? []).flatMap((p) => (p.kind === 'internal' ? [p.resolver] : []));
  if (inside.length === 0) return null;
  const resolver = inside.join(', ');
  return fix.places?.some((p) => p.kind === 'dns-host')
    ? { code: 'propagation.fix.both', params: { resolver } }
    : { code: 'propagation.fix.insideOnly', params: { resolver } };
}
