/**
 * Propagation of one record (issue 14 item 3): what the zone publishes against what each resolver hands out.
 * Pure: the shell asks the questions (lib/server/dns/propagation-ask.ts) and passes the answers as data.
 *
 * The published answer is a seam: today it comes from asking the zone's servers with recursion off; the
 * authoritative discovery (lib/lookups/authority.ts, issue 14 items 1–2) will hand over the same `Answered` shape.
 */
import type {
  InternalSign,
  MessageRef,
  Propagation,
  PropagationAnswer,
  PublishedRecord,
  ResolverRecord,
  ResolverView,
} from '@/lib/schema';

/** One answer as asked: what it holds, its TTL, and what tells a copy of the zone from a cache. */
export type Answered = {
  answer: PropagationAnswer;
  /** Presentation form, any order. */
  values: readonly string[];
  /** Positive: the records' (remaining) TTL. Negative: the TTL of the SOA in the reply. Null: unknown. */
  ttl: number | null;
  /** AA flag of the reply. */
  aa?: boolean;
  /** MNAME of the zone's SOA as this server hands it out (in a negative reply, or asked for). */
  mname?: string;
};

/** The zone's published answer (from its own servers, recursion off). */
export type Published = Answered & { server?: string; disagree?: boolean };

/** One resolver's answer to the record's question; `second` is the same question asked again `secondAfterMs` later. */
export type ResolverAsk = {
  resolver: string;
  first: Answered;
  second?: Answered;
  secondAfterMs?: number;
  /** When `first` came back, epoch ms. */
  askedAt: number;
};

/** Less than this between two asks, a TTL may not have ticked (TTLs are whole seconds). */
const MIN_TICK_MS = 1000;

const sorted = (values: readonly string[]): string[] => [...values].sort();

/** NODATA and NXDOMAIN both mean "no such record" to the user of the record. */
function sameAnswer(a: Answered, b: Answered): boolean {
  if (a.answer === 'failed' || b.answer === 'failed') return false;
  const negative = (x: Answered) => x.answer !== 'answer';
  if (negative(a) || negative(b)) return negative(a) && negative(b);
  const x = sorted(a.values);
  const y = sorted(b.values);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** The signs that a resolver's answer is a copy of the zone of its own, not a cache of the published one. */
export function internalSigns(published: Published, ask: ResolverAsk): InternalSign[] {
  const signs: InternalSign[] = [];
  const { first, second } = ask;
  if (first.aa === true) signs.push('aa');
  if (first.mname !== undefined && published.mname !== undefined && first.mname !== published.mname) {
    signs.push('mname');
  }
  if (
    second !== undefined &&
    (ask.secondAfterMs ?? 0) >= MIN_TICK_MS &&
    sameAnswer(first, second) &&
    first.ttl !== null &&
    second.ttl !== null &&
    second.ttl >= first.ttl
  ) {
    signs.push('ttl-fixed');
  }
  return signs;
}

/**
 * True when the shell should ask the resolver once more (at least a second later) to see whether its TTL counts
 * down: its answer differs from the published one and nothing else tells a copy from a cache.
 */
export function needsSecondAsk(published: Published, first: Answered): boolean {
  if (published.answer === 'failed' || first.answer === 'failed' || sameAnswer(published, first)) return false;
  return internalSigns(published, { resolver: '', first, askedAt: 0 }).length === 0;
}

function viewOf(published: Published, ask: ResolverAsk): ResolverRecord {
  const { first, second } = ask;
  const base = { resolver: ask.resolver, answer: first.answer, values: sorted(first.values), ttl: first.ttl };
  const record = (view: ResolverView, extra: Partial<ResolverRecord> = {}): ResolverRecord => ({
    ...base,
    view,
    ...extra,
  });
  if (first.answer === 'failed') return record('failed');
  if (sameAnswer(published, first)) return record('same');
  const signs = internalSigns(published, ask);
  if (signs.length > 0) return record('internal', { signs });
  // Its cached answer ran out between the two asks and it fetched the published one: it has it now.
  if (second !== undefined && sameAnswer(published, second)) {
    return {
      resolver: ask.resolver,
      answer: second.answer,
      values: sorted(second.values),
      ttl: second.ttl,
      view: 'same',
    };
  }
  const liveBy = first.ttl === null ? null : new Date(ask.askedAt + first.ttl * 1000).toISOString();
  return record('old', { liveBy });
}

function publishedRecord(published: Published): PublishedRecord {
  return {
    answer: published.answer,
    values: sorted(published.values),
    ttl: published.ttl,
    ...(published.server !== undefined ? { server: published.server } : {}),
    ...(published.disagree ? { disagree: true } : {}),
  };
}

/**
 * The record's propagation state. `unknown` when nothing is published to compare with or no resolver was asked;
 * `servers-disagree` when the zone's servers differ; `internal-copy` when a resolver serves a copy of its own that
 * differs; `pending` when a resolver still holds an older answer (then `liveBy` is the latest time one of them runs
 * out); `unknown` (`resolver-failed`) when a resolver didn't answer and none of the above holds; else `live`.
 */
export function propagationOf(published: Published, asks: readonly ResolverAsk[], now: number): Propagation {
  const askedAt = new Date(asks.reduce((t, a) => Math.min(t, a.askedAt), now)).toISOString();
  const resolvers = published.answer === 'failed' ? [] : asks.map((ask) => viewOf(published, ask));
  const result = (state: Propagation['state'], extra: Partial<Propagation> = {}): Propagation => ({
    state,
    published: publishedRecord(published),
    resolvers,
    liveBy: null,
    askedAt,
    ...extra,
  });
  // Nothing to compare with: the resolvers' answers are not judged (the record's own finding shows them).
  if (published.answer === 'failed') return result('unknown', { reason: 'published-unavailable' });
  if (published.disagree) return result('servers-disagree');
  if (resolvers.length === 0) return result('unknown', { reason: 'no-resolvers' });
  if (resolvers.some((r) => r.view === 'internal')) return result('internal-copy');
  const old = resolvers.filter((r) => r.view === 'old');
  if (old.length > 0) {
    const times = old.map((r) => r.liveBy ?? null);
    const liveBy = times.some((t) => t === null) ? null : ((times as string[]).sort().at(-1) ?? null);
    return result('pending', { liveBy });
  }
  if (resolvers.some((r) => r.view === 'failed')) return result('unknown', { reason: 'resolver-failed' });
  return result('live');
}

/**
 * The helpdesk sentence the records' propagation calls for, or null: inside and outside the network differ (a
 * resolver's own copy of the zone), said first since waiting won't fix it; else "the change is done; users will see
 * it by <time>" when every record that is not live is only pending and the time is known. `time` is ISO (UTC): the
 * page shows it in the reader's time zone.
 */
export function propagationHelpdesk(records: ReadonlyArray<{ propagation?: Propagation }>): MessageRef | null {
  const waiting = records.flatMap((r) => (r.propagation && r.propagation.state !== 'live' ? [r.propagation] : []));
  for (const p of waiting) {
    const inside = p.state === 'internal-copy' ? p.resolvers.find((s) => s.view === 'internal') : undefined;
    if (inside) return { code: 'propagation.helpdesk.internal', params: { resolver: inside.resolver } };
  }
  if (waiting.length === 0 || waiting.some((p) => p.state !== 'pending' || p.liveBy === null)) return null;
  const time = waiting
    .map((p) => p.liveBy as string)
    .sort()
    .at(-1) as string;
  return { code: 'propagation.helpdesk.pending', params: { time } };
}
