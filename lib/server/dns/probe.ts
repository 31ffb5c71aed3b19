/**
 * Readiness: asks every configured resolver for the root's NS set (`. NS`), once, with a short timeout.
 * Ready when at least one gives a real DNS answer (any RCODE but SERVFAIL/REFUSED): that resolver can be
 * reached and works. Goes straight to the resolver module's transport (the root is not a name a check asks).
 * `sharedProbe` is what GET /api/ready uses: one probe at a time for the whole process, its result reused for
 * a short while, so a flood of readiness requests sends no more queries than one.
 */
import { formatServer, type ServerAddress } from './resolver';
import { createTransport, type Transport } from './transport';
import { rcodeName, replyRcode } from './wire';

export type ProbeResult = {
  server: string;
  outcome: 'answer' | 'servfail' | 'refused' | 'timeout' | 'network-error' | 'bad-response';
  rcode?: string;
  elapsedMs: number;
};

const TRANSPORT_KEY = Symbol.for('m365-dns-health.ready-transport');
type WithTransport = typeof globalThis & { [TRANSPORT_KEY]?: Transport };

function transport(): Transport {
  const g = globalThis as WithTransport;
  g[TRANSPORT_KEY] ??= createTransport();
  return g[TRANSPORT_KEY];
}

/** Probes one server. Never throws. */
export async function probeServer(server: ServerAddress, timeoutMs: number): Promise<ProbeResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const name = formatServer(server);
  const x = {
    server,
    question: { name: '.', type: 'NS' as const },
    timeoutMs,
    signal: AbortSignal.timeout(timeoutMs + 500),
  };
  let wire = await transport().udp(x);
  if (wire.kind === 'reply' && wire.packet.flag_tc) wire = await transport().tcp(x);
  switch (wire.kind) {
    case 'reply': {
      const rcode = rcodeName(replyRcode(wire.packet));
      const outcome = rcode === 'SERVFAIL' ? 'servfail' : rcode === 'REFUSED' ? 'refused' : 'answer';
      return { server: name, outcome, rcode, elapsedMs: elapsed() };
    }
    case 'timeout':
    case 'aborted':
      return { server: name, outcome: 'timeout', elapsedMs: elapsed() };
    case 'network-error':
      return { server: name, outcome: 'network-error', elapsedMs: elapsed() };
    case 'bad-response':
      return { server: name, outcome: 'bad-response', elapsedMs: elapsed() };
  }
}

/** Probes every server at once; ready when one answered. */
export async function probeResolvers(
  servers: readonly ServerAddress[],
  timeoutMs: number,
): Promise<{ ready: boolean; results: ProbeResult[] }> {
  const results = await Promise.all(servers.map((s) => probeServer(s, timeoutMs)));
  return { ready: results.some((r) => r.outcome === 'answer'), results };
}

export type ProbeOutcome = {
  ready: boolean;
  results: ProbeResult[];
  /** When the probe ended (ms since the epoch). */
  at: number;
};

const SHARED_KEY = Symbol.for('m365-dns-health.ready-probe');
type SharedProbe = { key: string; promise: Promise<ProbeOutcome>; at: number | null };
type WithShared = typeof globalThis & { [SHARED_KEY]?: SharedProbe };

/**
 * `probeResolvers`, shared by every caller: while a probe is on the wire every caller gets its promise, and
 * for `maxAgeMs` after it ended every caller gets its outcome (ready or not); only then does a caller start
 * the next one. At most one probe per `maxAgeMs` (plus its own duration), however many callers. Never throws.
 */
export function sharedProbe(
  servers: readonly ServerAddress[],
  timeoutMs: number,
  maxAgeMs: number,
  now: () => number = Date.now,
): Promise<ProbeOutcome> {
  const g = globalThis as WithShared;
  const key = `${servers.map(formatServer).join(',')}|${timeoutMs}`;
  const current = g[SHARED_KEY];
  if (current && current.key === key && (current.at === null || now() - current.at < maxAgeMs)) {
    return current.promise;
  }
  const entry: SharedProbe = { key, at: null, promise: Promise.resolve({ ready: false, results: [], at: 0 }) };
  entry.promise = probeResolvers(servers, timeoutMs)
    // Defensive: probeServer never throws, but a rejection kept here would be handed to every later caller.
    .catch(() => ({ ready: false, results: [] }))
    .then((outcome) => {
      entry.at = now();
      return { ...outcome, at: entry.at };
    });
  g[SHARED_KEY] = entry;
  return entry.promise;
}
