/**
 * Two views of a resolver that bound what a check or a run may ask: a domain's query budget and breaker
 * (`withDomainBudget`) and a run's in-flight cap with its slow lane (`withRunLimit`). Neither turns a failure
 * into an answer: what they stop is reported as `skipped`, `deadline` or `cancelled`.
 */
import { type Lookup, notRunLookup } from '@/lib/schema';
import { abortOutcome, type DnsResolver } from './resolver';
import { createSemaphore } from './semaphore';
import type { SlowLane } from './slow-lane';

/** Why a lookup was not run or was cut short by the per-domain budget or breaker. */
const BREAKER_REASON = 'domain-breaker';

/** True when a lookup (or a later hop of its chain) ended in a timeout. */
function timedOut(lookup: Lookup): boolean {
  return lookup.outcome === 'timeout' || lookup.chainFailure?.outcome === 'timeout';
}

/**
 * One domain's view of a resolver with two bounds. Budget: each lookup reserves one query when it starts
 * and its extra attempts (retries, CNAME hops) when it ends; once `maxQueries` are used, new lookups are
 * `skipped`. Breaker: after `breakerTimeouts` lookups timed out, the domain is treated as dead: lookups still
 * on the wire are stopped and they and every later lookup end as `skipped` (could not check), so a dead zone
 * costs a few queries and its slots go to other domains. Never turns a failure into an answer.
 */
export function withDomainBudget(
  base: DnsResolver,
  limits: { maxQueries: number; breakerTimeouts: number },
  scope?: AbortController,
): DnsResolver & { tripped(): boolean; used(): number } {
  let used = 0;
  let timeouts = 0;
  let tripped = false;
  // With `scope` (the domain's own controller, whose signal every lookup of the domain carries), the breaker
  // aborts that scope: nothing is combined per lookup. Without it, the breaker has its own controller,
  // combined once with each caller signal.
  const breaker = scope ?? new AbortController();
  const skip = (lookup: Lookup): Lookup => ({
    ...lookup,
    outcome: 'skipped',
    ...(lookup.chainFailure?.outcome === 'cancelled'
      ? { chainFailure: { ...lookup.chainFailure, outcome: 'skipped' as const } }
      : {}),
  });
  // A domain's lookups share one caller signal, so combine it with the breaker once, not per lookup
  // (AbortSignal.any per lookup showed up in the bench's CPU profile).
  let lastInput: AbortSignal | undefined;
  let lastCombined: AbortSignal = breaker.signal;
  const combined = (input: AbortSignal | undefined): AbortSignal => {
    if (scope) return input ?? scope.signal;
    if (!input) return breaker.signal;
    if (input !== lastInput) {
      lastInput = input;
      lastCombined = AbortSignal.any([input, breaker.signal]);
    }
    return lastCombined;
  };
  /** True when the lookup's signal was aborted by the breaker (not by the caller or the deadline). */
  const cutByBreaker = (input: AbortSignal | undefined): boolean =>
    tripped && (scope ? scope.signal.reason === BREAKER_REASON : !input?.aborted);
  return {
    async lookup(name, type, options = {}) {
      if (tripped || used >= limits.maxQueries) return notRunLookup(name, type, 'skipped');
      used++;
      const signal = combined(options.signal);
      const lookup = await base.lookup(name, type, signal === options.signal ? options : { ...options, signal });
      used += Math.max(0, lookup.attempts - 1);
      if (
        cutByBreaker(options.signal) &&
        (lookup.outcome === 'cancelled' || lookup.chainFailure?.outcome === 'cancelled')
      ) {
        return skip(lookup);
      }
      if (timedOut(lookup) && ++timeouts >= limits.breakerTimeouts && !tripped) {
        tripped = true;
        breaker.abort(BREAKER_REASON);
      }
      return lookup;
    },
    stats: () => base.stats(),
    close: () => base.close(),
    tripped: () => tripped,
    used: () => used,
  };
}

/**
 * A run's view of the process resolver: at most `maxInFlight` of its lookups at once (a follow lookup has
 * one query on the wire at a time, so this caps the run's queries). A lookup still waiting when `signal`
 * aborts ends as `deadline` or `cancelled`, as the resolver's own would. With a slow lane, a lookup that has
 * held its slot for a while (waiting out a timeout) gives it back and goes on in the lane.
 */
export function withRunLimit(base: DnsResolver, maxInFlight: number, lane?: SlowLane): DnsResolver {
  const slots = createSemaphore(maxInFlight);
  return {
    async lookup(name, type, options = {}) {
      if (options.signal?.aborted || (!slots.tryAcquire() && !(await slots.acquire(options.signal)))) {
        return notRunLookup(name, type, abortOutcome(options.signal?.reason));
      }
      const done = lane?.watch(() => slots.release());
      try {
        return await base.lookup(name, type, options);
      } finally {
        if (!done?.()) slots.release();
      }
    },
    stats: () => base.stats(),
    close: () => base.close(),
  };
}
