/**
 * Outbound requests of alerts, which go where users said (webhook URLs, SMTP hosts): the SSRF guard.
 * The host is resolved by Node's resolver (dns.lookup, as http would), every address is checked against
 * ./address.ts unless ALERTS_ALLOW_PRIVATE, and the request connects to the address that was checked (the
 * agent's `lookup` answers it), so a second resolution (DNS rebinding) can't swap in a private one.
 * Redirects are not followed: a 3xx is a failed delivery (it could point anywhere).
 */
import 'server-only';
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isRefusedAddress } from './address';

/** A delivery that must not be attempted again as is: a refused address, a bad URL. */
export class RefusedError extends Error {
  readonly permanent = true;
}

/** The host part of a URL, for messages and the masked channel target (never the path, which may be a secret). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}

/** Resolves `host` and returns one address that may be reached, or throws RefusedError naming the host. */
export async function safeAddress(host: string, allowPrivate: boolean): Promise<{ address: string; family: number }> {
  const bare = host.replace(/^\[|\]$/g, '');
  let found: Array<{ address: string; family: number }>;
  try {
    found = await dnsLookup(bare, { all: true, verbatim: true });
  } catch {
    throw new Error(`${host} could not be resolved`);
  }
  if (found.length === 0) throw new Error(`${host} could not be resolved`);
  if (!allowPrivate) {
    const refused = found.filter((a) => isRefusedAddress(a.address));
    // Every address must be public: a name with one public and one private address could still be steered.
    if (refused.length > 0) {
      throw new RefusedError(
        `${host} resolves to a private, loopback or link-local address (${refused[0]?.address}); alerts may not reach it unless ALERTS_ALLOW_PRIVATE=1`,
      );
    }
  }
  return found[0] as { address: string; family: number };
}

export type PostResult = { status: number; body: string };

/**
 * POSTs `body` to `url` with `headers`, connecting only to a checked address, within `timeoutMs`. Throws on a
 * network error, a refused address or a status outside 2xx (the message names the host and status, never the URL).
 */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { allowPrivate: boolean; timeoutMs: number },
): Promise<PostResult> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RefusedError('the channel URL is not valid');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new RefusedError('the channel URL is not http(s)');
  const pinned = await safeAddress(u.hostname, opts.allowPrivate);
  const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PostResult>((resolve, reject) => {
    const req = request(
      u,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
        timeout: opts.timeoutMs,
        // The connection goes to the address that was checked, whatever the name resolves to now.
        lookup: (_host, options, cb) => {
          if ((options as { all?: boolean }).all) {
            (cb as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [pinned]);
          } else cb(null, pinned.address, pinned.family);
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= 64 * 1024) chunks.push(c);
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8').slice(0, 500);
          if (status >= 200 && status < 300) resolve({ status, body: text });
          else if (status >= 300 && status < 400)
            reject(new RefusedError(`${u.host} answered a redirect (${status}); redirects are not followed`));
          else reject(new Error(`${u.host} answered HTTP ${status}`));
        });
        res.on('error', () => reject(new Error(`${u.host}: the answer broke off`)));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${u.host} did not answer within ${opts.timeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code ? `${u.host}: ${err.code}` : `${u.host}: ${err.message.replaceAll(url, u.host)}`)),
    );
    req.end(body);
  });
}
