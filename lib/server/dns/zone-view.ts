/**
 * The check's questions answered from what the zone publishes: a resolver per authoritative server copy. A
 * question inside the zone is asked once to every server of the zone (RD=0, shared by every copy's resolver);
 * each copy's resolver reads its own server's answer. Questions outside the zone, and CNAME chains once they
 * leave it (into Microsoft's zones), go to the configured resolver as before.
 */
import type { AuthAnswer } from '@/lib/lookups/authority';
import type { Lookup, RecordType } from '@/lib/schema';
import { NEVER_ABORTED } from './abort';
import type { AuthBudget, AuthorityPath, AuthReply, ZoneServers } from './authority';
import type { DnsResolver, LookupOptions } from './resolver';
import type { Interpretation } from './wire';
import { normaliseQueryName } from './wire';

export type ZoneView = {
  /** A resolver answering in-zone questions from the copy at `host` (one of the zone's server addresses). */
  resolverFor(host: string): DnsResolver;
  /** Every in-zone question asked so far, with each server's answer: the published answers as plain data. */
  published(): Promise<Array<{ name: string; type: RecordType; answers: AuthAnswer[] }>>;
};

export function inZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

export function createZoneView(options: {
  path: AuthorityPath;
  zone: ZoneServers;
  base: DnsResolver;
  budget: AuthBudget;
  signal?: AbortSignal;
  maxCnameHops: number;
}): ZoneView {
  const { path, zone, base, budget } = options;
  const signal = options.signal ?? NEVER_ABORTED;
  const asked = new Map<string, { name: string; type: RecordType; replies: Promise<AuthReply[]> }>();

  function repliesFor(name: string, type: RecordType): Promise<AuthReply[]> {
    const key = `${name} ${type}`;
    let entry = asked.get(key);
    if (!entry) {
      entry = { name, type, replies: path.askEach(zone, { name, type }, budget, signal) };
      asked.set(key, entry);
    }
    return entry.replies;
  }

  /**
   * The copy's reading of one question. A server that failed this question, or does not answer for the name
   * (a delegation below the zone), borrows the first usable server's reading: a failure is not a disagreement.
   * Null when no server gave a usable reading.
   */
  async function reading(host: string, name: string, type: RecordType) {
    const replies = await repliesFor(name, type);
    const own = replies.find((r) => r.answer.address === host && r.interpretation !== null);
    const chosen = own ?? replies.find((r) => r.interpretation !== null);
    return chosen ? { reply: chosen, interpretation: chosen.interpretation as Interpretation } : null;
  }

  function toLookup(name: string, type: RecordType, reply: AuthReply, i: Interpretation, started: number): Lookup {
    return {
      name,
      type,
      outcome: i.outcome,
      rcode: i.rcode,
      answers: i.answers,
      chain: i.chain,
      chainEnd: i.chainEnd,
      server: `${reply.answer.address}:${path.port}`,
      attempts: 1,
      elapsedMs: Math.round(performance.now() - started),
    };
  }

  /** How a chain ends given the resolver's lookup at the first name outside the zone. */
  function endFrom(rest: Lookup, at: string): Pick<Lookup, 'chainEnd' | 'chainFailure'> {
    if (rest.outcome === 'answer' || rest.outcome === 'nodata') {
      return {
        chainEnd: rest.chain.length > 0 ? rest.chainEnd : 'terminal',
        ...(rest.chainFailure ? { chainFailure: rest.chainFailure } : {}),
      };
    }
    if (rest.outcome === 'nxdomain') return { chainEnd: 'nxdomain' };
    return { chainEnd: 'failed', chainFailure: { name: at, outcome: rest.outcome } };
  }

  function resolverFor(host: string): DnsResolver {
    async function one(name: string, type: RecordType, opts: LookupOptions): Promise<Lookup> {
      const started = performance.now();
      const r = await reading(host, name, type);
      if (!r) return base.lookup(name, type, opts);
      const lookup = toLookup(name, type, r.reply, r.interpretation, started);
      // A non-CNAME question whose in-zone chain ends outside the zone: the servers do not answer for the target.
      const last = lookup.chain[lookup.chain.length - 1];
      if (type !== 'CNAME' && lookup.outcome === 'nodata' && last !== undefined && !inZone(last, zone.zone)) {
        const rest = await base.lookup(last, type, opts);
        const { chainFailure: _none, ...inside } = lookup;
        return {
          ...inside,
          outcome: rest.outcome,
          answers: rest.answers,
          chain: [...lookup.chain, ...rest.chain],
          ...endFrom(rest, last),
        };
      }
      return lookup;
    }

    /** CNAME at `name`, then at each target: in the zone from this copy, outside it through the resolver. */
    async function follow(name: string, opts: LookupOptions): Promise<Lookup> {
      const first = await one(name, 'CNAME', opts);
      const firstTarget = first.answers[0]?.data;
      if (first.outcome !== 'answer' || firstTarget === undefined) return first;
      const chain = [firstTarget];
      const seen = new Set([name, firstTarget]);
      let current = firstTarget;
      for (;;) {
        const hopName = normaliseQueryName(current);
        if (hopName === null)
          return { ...first, chain, chainEnd: 'failed', chainFailure: { name: current, outcome: 'skipped' } };
        if (!inZone(hopName, zone.zone)) {
          // Into another zone (Microsoft's): the resolver follows the rest of the chain, as without this path.
          const rest = await base.lookup(hopName, 'CNAME', { ...opts, follow: true });
          const more = rest.outcome === 'answer' ? rest.chain : [];
          return { ...first, chain: [...chain, ...more], ...endFrom(rest, hopName) };
        }
        const hop = await one(hopName, 'CNAME', opts);
        const target = hop.answers[0]?.data;
        if (hop.outcome === 'answer' && target !== undefined) {
          if (seen.has(target)) return { ...first, chain: [...chain, target], chainEnd: 'loop' };
          if (chain.length >= options.maxCnameHops) return { ...first, chain, chainEnd: 'too-long' };
          chain.push(target);
          seen.add(target);
          current = target;
          continue;
        }
        if (hop.outcome === 'nodata' || hop.outcome === 'answer') return { ...first, chain, chainEnd: 'terminal' };
        if (hop.outcome === 'nxdomain') return { ...first, chain, chainEnd: 'nxdomain' };
        return { ...first, chain, chainEnd: 'failed', chainFailure: { name: hopName, outcome: hop.outcome } };
      }
    }

    return {
      async lookup(name, type, opts = {}) {
        const qname = normaliseQueryName(name);
        if (qname === null || !inZone(qname, zone.zone)) return base.lookup(name, type, opts);
        if (type === 'CNAME' && opts.follow) return follow(qname, opts);
        return one(qname, type, opts);
      },
      stats: () => base.stats(),
      close: async () => undefined,
    };
  }

  return {
    resolverFor,
    published: async () =>
      Promise.all(
        [...asked.values()].map(async (e) => ({
          name: e.name,
          type: e.type,
          answers: (await e.replies).map((r) => r.answer),
        })),
      ),
  };
}
