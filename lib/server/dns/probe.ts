/**
 * Readiness: asks every configured resolver for the root's NS set (`. NS`), once, with a short timeout.
 * Ready when at least one gives a real DNS answer (any RCODE but SERVFAIL/REFUSED): that resolver can be
 * reached and works. Goes straight to the resolver module's transport (the root is not a name a check asks).
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
