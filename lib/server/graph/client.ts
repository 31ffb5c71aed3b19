/**
 * The Microsoft Graph client for the tenant's expected values (issue 18 item 4): HTTP I/O only. For one domain of the
 * signed-in user's tenant it reads the domain (`isVerified`), its `serviceConfigurationRecords` and its
 * `verificationDnsRecords`, validates them with zod, and returns plain data (`TenantValues`) for the pure diagnosis.
 * Failures are data, never thrown: 404 → `not-in-tenant`, 403 → `no-permission`, anything else → `failed`.
 * A 429 is retried after its Retry-After (bounded); each request has a short timeout; a found domain (or one not in
 * the tenant) is kept per tenant and domain for GRAPH_CACHE_S.
 */
import 'server-only';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { z } from 'zod';
import { type GraphDnsRecord, tenantExpected } from '@/lib/findings/expected';
import type { TenantValues } from '@/lib/schema';
import type { GraphConfig } from '../env';
import type { GraphTarget } from './hosts';

/** Who asks: a delegated access token and the tenant it belongs to. */
export type GraphCaller = { token: string; tenantId: string };

const GraphDomain = z.object({ id: z.string(), isVerified: z.boolean().nullish() });

const GraphRecord = z.object({
  recordType: z.string(),
  label: z.string(),
  supportedService: z.string().nullish(),
  isOptional: z.boolean().nullish(),
  mailExchange: z.string().nullish(),
  preference: z.number().int().nullish(),
  canonicalName: z.string().nullish(),
  text: z.string().nullish(),
  nameTarget: z.string().nullish(),
  port: z.number().int().nullish(),
  priority: z.number().int().nullish(),
  weight: z.number().int().nullish(),
  service: z.string().nullish(),
  protocol: z.string().nullish(),
});
/** A list page; a record Graph adds in a shape we don't know is skipped, not fatal. */
const GraphList = z.object({ value: z.array(z.unknown()) });

/** Bytes of one Graph answer we read at most. */
const MAX_BODY_BYTES = 1024 * 1024;

type HttpAnswer = { status: number; retryAfter: string | null; body: string };

/** One GET to Graph: the cloud's host in the Host header, sent to GRAPH_BASE_URL when set. Rejects on I/O errors. */
function get(path: string, caller: GraphCaller, target: GraphTarget, signal: AbortSignal): Promise<HttpAnswer> {
  const { host } = target;
  const url = new URL(path, target.baseUrl ?? `https://${host}`);
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'GET',
        headers: { Host: host, Authorization: `Bearer ${caller.token}`, Accept: 'application/json' },
        signal,
        ...(target.baseUrl ? {} : { servername: host }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            req.destroy(new Error('answer too large'));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const retryAfter = res.headers['retry-after'];
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Milliseconds a Retry-After asks for (seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number.parseInt(v, 10) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

class GraphFailure extends Error {
  constructor(readonly state: 'not-in-tenant' | 'no-permission' | 'failed') {
    super(state);
  }
}

/**
 * A GET with each attempt under its own timeout, a 429 retried after Retry-After (else 1 s, 2 s, …), both capped
 * by GRAPH_MAX_RETRY_WAIT_MS, at most GRAPH_MAX_RETRIES times. 404 and 403 throw their state; any other non-200 or
 * an I/O error throws `failed` (its message says what happened).
 */
async function getJson(
  path: string,
  caller: GraphCaller,
  target: GraphTarget,
  config: GraphConfig,
  signal?: AbortSignal,
): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    const timeout = AbortSignal.timeout(config.timeoutMs);
    const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let answer: HttpAnswer;
    try {
      answer = await get(path, caller, target, both);
    } catch {
      const f = new GraphFailure('failed');
      f.message = timeout.aborted ? 'timeout' : 'no answer';
      throw f;
    }
    if (answer.status === 200) {
      try {
        return JSON.parse(answer.body);
      } catch {
        const f = new GraphFailure('failed');
        f.message = 'unreadable answer';
        throw f;
      }
    }
    if (answer.status === 404) throw new GraphFailure('not-in-tenant');
    if (answer.status === 403) throw new GraphFailure('no-permission');
    if (answer.status === 429 && attempt < config.maxRetries) {
      const wait = Math.min(retryAfterMs(answer.retryAfter) ?? 1000 * 2 ** attempt, config.maxRetryWaitMs);
      await sleep(wait, signal ?? new AbortController().signal);
      continue;
    }
    const f = new GraphFailure('failed');
    f.message = `HTTP ${answer.status}`;
    throw f;
  }
}

function records(list: unknown): GraphDnsRecord[] {
  const page = GraphList.safeParse(list);
  if (!page.success) {
    const f = new GraphFailure('failed');
    f.message = 'unreadable answer';
    throw f;
  }
  return page.data.value.flatMap((v) => {
    const r = GraphRecord.safeParse(v);
    return r.success ? [r.data] : [];
  });
}

type Cached = { at: number; value: TenantValues };
const CACHE_KEY = Symbol.for('m365-dns-health.graph-cache');
const MAX_CACHED = 1000;
type WithCache = typeof globalThis & { [CACHE_KEY]?: Map<string, Cached> };

function cache(): Map<string, Cached> {
  const g = globalThis as WithCache;
  g[CACHE_KEY] ??= new Map();
  return g[CACHE_KEY];
}

/** The tenant's values for `domain` (ASCII), as data (see the module comment). Never throws. */
export async function fetchTenantValues(
  domain: string,
  caller: GraphCaller,
  target: GraphTarget,
  config: GraphConfig,
  signal?: AbortSignal,
): Promise<TenantValues> {
  const key = `${target.host}|${caller.tenantId}|${domain}`;
  const kept = cache().get(key);
  if (kept && Date.now() - kept.at < config.cacheS * 1000) return kept.value;
  const id = encodeURIComponent(domain);
  let value: TenantValues;
  try {
    const d = GraphDomain.safeParse(await getJson(`/v1.0/domains/${id}`, caller, target, config, signal));
    const [services, verification] = await Promise.all([
      getJson(`/v1.0/domains/${id}/serviceConfigurationRecords`, caller, target, config, signal),
      getJson(`/v1.0/domains/${id}/verificationDnsRecords`, caller, target, config, signal),
    ]);
    value = {
      state: 'found',
      verified: d.success ? (d.data.isVerified ?? null) : null,
      expected: tenantExpected(domain, records(services), records(verification)),
    };
  } catch (err) {
    const state = err instanceof GraphFailure ? err.state : 'failed';
    value = {
      state,
      verified: null,
      expected: {},
      ...(state === 'failed' ? { detail: err instanceof GraphFailure ? err.message : 'error' } : {}),
    };
  }
  // Kept: what the tenant holds (its records, or that the domain isn't in it), shared by its users for GRAPH_CACHE_S.
  // Not kept: a failure (the next check asks again) and "no permission", which may be one user's directory role.
  if (config.cacheS > 0 && (value.state === 'found' || value.state === 'not-in-tenant')) {
    const c = cache();
    c.delete(key);
    c.set(key, { at: Date.now(), value });
    if (c.size > MAX_CACHED) c.delete(c.keys().next().value as string);
  }
  return value;
}
