import { describe, expect, it } from 'vitest';
import { IANA_ROOT_HINTS, parseConfig } from './env';

const base = { DNS_SERVERS: '127.0.0.1:53' };

describe('authority settings', () => {
  it('default: on, the IANA root servers on port 53, servers asked on 53', () => {
    const a = parseConfig(base).authority;
    expect(a.enabled).toBe(true);
    expect(a.rootHints).toHaveLength(13);
    expect(a.rootHints[0]).toEqual({ host: '198.41.0.4', port: 53, family: 4 });
    expect(a.rootHints.map((s) => s.host).join(',')).toBe(IANA_ROOT_HINTS);
    expect(a).toMatchObject({ port: 53, qpsPerServer: 20, maxServers: 4, maxAddresses: 4, maxQueriesPerDomain: 150 });
  });

  it('takes a lab root with its port, a loopback DNS_AUTH_PORT and AUTHORITATIVE=0', () => {
    const a = parseConfig({
      ...base,
      DNS_ROOT_HINTS: '127.53.0.1:5353, [::1]:5354',
      DNS_AUTH_PORT: '5353',
      AUTHORITATIVE: '0',
    }).authority;
    expect(a.rootHints).toEqual([
      { host: '127.53.0.1', port: 5353, family: 4 },
      { host: '::1', port: 5354, family: 6 },
    ]);
    expect(a).toMatchObject({ enabled: false, port: 5353 });
  });

  it.each([
    [{ DNS_ROOT_HINTS: 'a.root-servers.net' }, /DNS_ROOT_HINTS entry "a.root-servers.net".*hostnames are not allowed/],
    [{ DNS_ROOT_HINTS: '198.41.0.4:99999' }, /DNS_ROOT_HINTS entry .*outside 1-65535/],
    [{ DNS_AUTH_PORT: '0' }, /DNS_AUTH_PORT/],
    [{ AUTH_QPS_PER_SERVER: '0' }, /AUTH_QPS_PER_SERVER/],
    [{ AUTH_MAX_QUERIES_PER_DOMAIN: 'many' }, /AUTH_MAX_QUERIES_PER_DOMAIN/],
  ])('%o stops start-up with the variable named', (env, message) => {
    expect(() => parseConfig({ ...base, ...env })).toThrow(message);
  });

  it('the politeness cap is for the process: the check threads (workers + main) share it', () => {
    expect(parseConfig({ ...base, CHECK_WORKERS: '3' }).authority).toMatchObject({ qpsPerServer: 20, threads: 4 });
    expect(parseConfig({ ...base, CHECK_WORKERS: '0', AUTH_QPS_PER_SERVER: '1' }).authority.threads).toBe(1);
    // With the authoritative path off nothing is shared out.
    expect(() =>
      parseConfig({ ...base, AUTHORITATIVE: '0', AUTH_QPS_PER_SERVER: '1', CHECK_WORKERS: '2' }),
    ).not.toThrow();
  });
});
