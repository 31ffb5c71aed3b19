/**
 * A local stand-in for Microsoft Graph's domain endpoints (issue 18 item 4), for tests: `GET /v1.0/domains/{id}`,
 * `…/serviceConfigurationRecords` and `…/verificationDnsRecords` in Graph's shapes, for the domains of one tenant.
 * A domain not in the tenant answers 404; a domain marked `forbidden` answers 403 (no admin consent); one marked
 * `throttle` answers its first request 429 with `Retry-After` and then normally. Every request is recorded with its
 * Host header, so a test can assert which Graph host the app named (21Vianet: never a worldwide one).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MS } from './fixtures';
import type { Zone, ZoneRecord } from './zone-types';

export type StandInRecord = Record<string, unknown> & { recordType: string; label: string };

export type StandInDomain = {
  isVerified?: boolean;
  serviceConfigurationRecords?: StandInRecord[];
  verificationDnsRecords?: StandInRecord[];
  /** `forbidden`: every request 403; `throttle`: the first request 429 with Retry-After `retryAfterS`. */
  behaviour?: 'forbidden' | 'throttle';
  retryAfterS?: number;
};

export type StandInRequest = { host: string; path: string; authorization: string; at: number };

export type GraphStandIn = {
  /** `http://127.0.0.1:port` (GRAPH_BASE_URL). */
  url: string;
  requests: StandInRequest[];
  close(): Promise<void>;
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, body, headers });

/**
 * Starts the stand-in on a loopback port; `token`: the bearer token it accepts (others get 401), `any` for any
 * non-empty bearer token (the random access token a signed-in session holds from lab/oidc-provider.ts), or a
 * function that says whether a bearer token is accepted.
 */
export async function startGraphStandIn(
  domains: Record<string, StandInDomain>,
  token: string | 'any' | ((bearer: string) => boolean),
): Promise<GraphStandIn> {
  const requests: StandInRequest[] = [];
  const throttled = new Set<string>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({
      host: req.headers.host ?? '',
      path,
      authorization: req.headers.authorization ?? '',
      at: performance.now(),
    });
    const answer = (() => {
      const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      const accepted =
        typeof token === 'function' ? (t: string) => token(t) : (t: string) => token === 'any' || t === token;
      if (bearer === undefined || !accepted(bearer)) {
        return json(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
      }
      const m = /^\/v1\.0\/domains\/([^/?]+)(?:\/(serviceConfigurationRecords|verificationDnsRecords))?$/.exec(path);
      const id = m?.[1] ? decodeURIComponent(m[1]).toLowerCase() : '';
      const domain = domains[id];
      if (!m || !domain) {
        return json(404, { error: { code: 'Request_ResourceNotFound', message: `Resource '${id}' does not exist.` } });
      }
      if (domain.behaviour === 'forbidden') {
        return json(403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.' } });
      }
      if (domain.behaviour === 'throttle' && !throttled.has(id)) {
        throttled.add(id);
        return json(
          429,
          { error: { code: 'TooManyRequests', message: 'Too many requests.' } },
          { 'Retry-After': String(domain.retryAfterS ?? 1) },
        );
      }
      const list = m[2] as 'serviceConfigurationRecords' | 'verificationDnsRecords' | undefined;
      if (!list) return json(200, { id, isVerified: domain.isVerified ?? true, supportedServices: ['Email'] });
      return json(200, {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#domains('${id}')/${list}`,
        value: domain[list] ?? [],
      });
    })();
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Graph's records for a lab domain in the worldwide cloud: the MX token, SPF, autodiscover, and the MS= TXT. */
export function worldwideRecords(domain: string, mxToken: string, ms: string): StandInDomain {
  const id = (n: number) => `${n}`;
  return {
    isVerified: false,
    serviceConfigurationRecords: [
      {
        '@odata.type': 'microsoft.graph.domainDnsMxRecord',
        id: id(1),
        isOptional: false,
        label: domain,
        recordType: 'Mx',
        supportedService: 'Email',
        ttl: 3600,
        mailExchange: `${mxToken}.mail.protection.outlook.com`,
        preference: 0,
      },
      {
        '@odata.type': 'microsoft.graph.domainDnsTxtRecord',
        id: id(2),
        isOptional: false,
        label: domain,
        recordType: 'Txt',
        supportedService: 'Email',
        ttl: 3600,
        text: 'v=spf1 include:spf.protection.outlook.com -all',
      },
      {
        '@odata.type': 'microsoft.graph.domainDnsCnameRecord',
        id: id(3),
        isOptional: false,
        label: `autodiscover.${domain}`,
        recordType: 'CName',
        supportedService: 'Email',
        ttl: 3600,
        canonicalName: 'autodiscover.outlook.com',
      },
    ],
    verificationDnsRecords: [
      {
        '@odata.type': 'microsoft.graph.domainDnsTxtRecord',
        id: id(4),
        isOptional: false,
        label: domain,
        recordType: 'Txt',
        supportedService: null,
        ttl: 3600,
        text: ms,
      },
      {
        '@odata.type': 'microsoft.graph.domainDnsMxRecord',
        id: id(5),
        isOptional: false,
        label: domain,
        recordType: 'Mx',
        supportedService: null,
        ttl: 3600,
        mailExchange: `${ms.slice(3).toLowerCase()}.msv1.invalid`,
        preference: 32767,
      },
    ],
  };
}

/** A worldwide lab domain's zone: MX and the `MS=` TXT as given, SPF, autodiscover and both DKIM selectors. */
export function graphLabZone(apex: string, mx: string, ms: string): Zone {
  const dkim = (n: number) => `selector${n}-${apex.replace(/\./g, '-')}._domainkey.contoso.onmicrosoft.com`;
  const records: ZoneRecord[] = [
    { name: apex, type: 'MX', data: `0 ${mx}` },
    { name: apex, type: 'TXT', data: MS.spfWw },
    { name: apex, type: 'TXT', data: ms },
    { name: `autodiscover.${apex}`, type: 'CNAME', data: MS.autodiscoverWw },
    { name: `selector1._domainkey.${apex}`, type: 'CNAME', data: dkim(1) },
    { name: `selector2._domainkey.${apex}`, type: 'CNAME', data: dkim(2) },
  ];
  return { apex, records };
}
