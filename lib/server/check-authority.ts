/**
 * The authoritative side of a check: find the zone's servers, gather the check's lookups once per server copy
 * (in-zone questions asked once to every server, RD=0), and group the servers whose copies read the same. With
 * AUTHORITATIVE off, or when the servers can't be reached, the check gathers through the resolver as before and
 * the authority part says so.
 */
import type { NormalizedDomain } from '@/lib/input/normalize';
import { resolverOnly } from '@/lib/lookups/authority';
import type { Gathered } from '@/lib/lookups/snapshot';
import type { AuthAnswer, Authority, Lookup, RecordType } from '@/lib/schema';
import { authBudget, type ZoneServers } from './dns/authority';
import { getAuthorityPath } from './dns/process';
import type { DnsResolver, LookupOptions } from './dns/resolver';
import { createZoneView } from './dns/zone-view';
import type { ServerConfig } from './env';

/** What the zone's servers publish for each in-zone question the check asked (the propagation seam). */
export type Published = Array<{ name: string; type: RecordType; answers: AuthAnswer[] }>;

/** One distinct copy of the zone as gathered: the servers holding it and what the check read from it. */
export type GatheredCopy = { servers: Array<{ name: string; serial: number | null }>; gathered: Gathered };

type Gather = (resolver: DnsResolver) => Promise<Gathered>;

/** What a copy's lookups read: outcome, answers and chain of each (not timing, TTLs or which server). */
function signature(g: Gathered): string {
  const rows = [...g.lookups.entries()]
    .map(([key, l]: [string, Lookup]) =>
      [key, l.outcome, l.answers.map((a) => `${a.type} ${a.data}`).sort(), l.chain, l.chainEnd].join('|'),
    )
    .sort();
  return rows.join('\n');
}

/**
 * Gathers `target`'s lookups from its zone's servers when it can; else through `resolver`. Never throws for DNS
 * reasons. `copies` is newest serial first; one copy when the servers agree. `published` is every in-zone
 * question with each server's answer as plain data (empty on the resolver fallback). `zone` is the zone and the
 * server addresses the discovery found answering with AA (null on the resolver fallback): the propagation
 * comparison asks those instead of looking the zone's servers up through the resolver.
 */
export async function gatherPublished(
  target: NormalizedDomain,
  resolver: DnsResolver,
  gather: Gather,
  config: ServerConfig,
  options: Pick<LookupOptions, 'signal'>,
): Promise<{ authority: Authority; copies: GatheredCopy[]; published: Published; zone: ZoneServers | null }> {
  const viaResolver = async (authority: Authority) => ({
    authority,
    copies: [{ servers: [], gathered: await gather(resolver) }],
    published: [],
    zone: null,
  });
  if (!config.authority.enabled) return viaResolver(resolverOnly('disabled'));
  const path = getAuthorityPath(config);
  const budget = authBudget(config.authority);
  const { authority, servers } = await path.discover(target.ascii, budget, options.signal);
  if (!servers) return viaResolver(authority);

  const view = createZoneView({
    path,
    zone: servers,
    base: resolver,
    budget,
    signal: options.signal,
    maxCnameHops: config.maxCnameHops,
  });
  const serial = (host: string) => servers.serials.get(host) ?? null;
  const hosts = [...servers.targets].sort((a, b) => (serial(b.address.host) ?? 0) - (serial(a.address.host) ?? 0));
  // The first copy asks every in-zone question of every server at once (and the resolver what lies outside);
  // the other copies then read the same answers, and the resolver's cache, instead of asking again.
  const [head, ...others] = hosts;
  const gatherAt = async (t: (typeof hosts)[number]) => ({
    target: t,
    gathered: await gather(view.resolverFor(t.address.host)),
  });
  const each = head ? [await gatherAt(head), ...(await Promise.all(others.map(gatherAt)))] : [];
  const groups = new Map<string, GatheredCopy>();
  for (const { target: t, gathered } of each) {
    const key = signature(gathered);
    const copy = groups.get(key) ?? { servers: [], gathered };
    copy.servers.push({ name: t.name, serial: serial(t.address.host) });
    groups.set(key, copy);
  }
  return {
    authority: { ...authority, queries: budget.sent },
    copies: [...groups.values()],
    published: await view.published(),
    zone: servers,
  };
}
