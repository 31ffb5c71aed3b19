/**
 * (b) The ceiling for a Node client: a bare loop over the query list with Node's own
 * `dns.promises.Resolver` (c-ares) pointed at the same unbound, `concurrency` questions at once,
 * no diagnosis, no HTTP. Every error (NXDOMAIN, NODATA, SERVFAIL, timeout) counts as a finished query.
 */
import { Resolver } from 'node:dns/promises';
import type { RecordType } from '../lib/schema';
import { udpReceiveDrops } from './proc';

export type LoopRun = {
  concurrency: number;
  wallMs: number;
  queries: number;
  queriesPerSec: number;
  /** UDP datagrams the machine dropped for a full receive buffer during the run (any process). */
  udpDrops: number;
  /** Finished queries by result: `ok` or the error code (ENOTFOUND, ENODATA, ESERVFAIL, ETIMEOUT…). */
  results: Record<string, number>;
};

function ask(resolver: Resolver, name: string, type: RecordType): Promise<unknown> {
  switch (type) {
    case 'A':
      return resolver.resolve4(name);
    case 'AAAA':
      return resolver.resolve6(name);
    case 'CNAME':
      return resolver.resolveCname(name);
    case 'MX':
      return resolver.resolveMx(name);
    case 'TXT':
      return resolver.resolveTxt(name);
    case 'SOA':
      return resolver.resolveSoa(name);
    case 'SRV':
      return resolver.resolveSrv(name);
    case 'NS':
      return resolver.resolveNs(name);
  }
}

/** Sends every query of `queries` through one fresh Resolver, `concurrency` at a time. */
export async function runNodeLoop(options: {
  server: string;
  queries: ReadonlyArray<{ name: string; type: RecordType }>;
  concurrency: number;
  timeoutMs: number;
  tries: number;
}): Promise<LoopRun> {
  const resolver = new Resolver({ timeout: options.timeoutMs, tries: options.tries });
  resolver.setServers([options.server]);
  const { queries } = options;
  const results: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < queries.length; i = next++) {
      const q = queries[i]!;
      let result = 'ok';
      try {
        await ask(resolver, q.name, q.type);
      } catch (error) {
        result = (error as { code?: string }).code ?? 'error';
      }
      results[result] = (results[result] ?? 0) + 1;
    }
  };
  const dropsBefore = udpReceiveDrops();
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(options.concurrency, queries.length) }, worker));
  const wallMs = performance.now() - started;
  resolver.cancel();
  return {
    concurrency: options.concurrency,
    wallMs,
    queries: queries.length,
    queriesPerSec: (queries.length * 1000) / wallMs,
    udpDrops: udpReceiveDrops() - dropsBefore,
    results,
  };
}
