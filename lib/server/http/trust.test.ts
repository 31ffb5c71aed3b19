import { describe, expect, test } from 'vitest';
import { fromTrustedProxy, hostAllowed, isHttps, requestHost } from './trust';

const BASE = {
  trustProxyHeader: null as string | null,
  proxySecret: null as string | null,
  listensOnLoopback: false,
  publicOrigin: null as string | null,
  allowedHosts: [] as string[],
};
const SECRET = 'p9Xk2vR7tL4wN1mQ8sD5fG3hJ6bC0yZa';

function request(headers: Record<string, string>, url = 'http://127.0.0.1:3000/api/check'): Request {
  return new Request(url, { headers });
}

describe('hostAllowed (DNS rebinding)', () => {
  const dns = { ...BASE, publicOrigin: 'https://dns.contoso.com', allowedHosts: ['dns.contoso.com', 'intranet:8080'] };
  test.each([
    ['localhost, any port', BASE, 'localhost:3000', true],
    ['127.0.0.1', BASE, '127.0.0.1:41234', true],
    ['[::1]', BASE, '[::1]:3000', true],
    ['an attacker name pointing at us', BASE, 'evil.example', false],
    ['an attacker name with our port', BASE, 'evil.example:3000', false],
    ['no Host at all', BASE, '', false],
    ['localhost look-alike', BASE, 'localhost.evil.example', false],
    ['the public origin host', dns, 'dns.contoso.com', true],
    ['the public host in another case', dns, 'DNS.Contoso.com', true],
    ['an allowed host:port, exactly', dns, 'intranet:8080', true],
    ['an allowed host:port, other port', dns, 'intranet:9090', false],
    ['a sibling of the public host', dns, 'evil.contoso.com', false],
  ])('%s', (_label, config, host, expected) => {
    expect(hostAllowed(request(host ? { host } : {}), config)).toBe(expected);
  });
});

describe('the trusted proxy', () => {
  test.each([
    ['no proxy header configured', BASE, {}, false],
    [
      'header configured, listening on loopback',
      { ...BASE, trustProxyHeader: 'x-forwarded-for', listensOnLoopback: true },
      {},
      true,
    ],
    ['header configured, listening everywhere', { ...BASE, trustProxyHeader: 'x-forwarded-for' }, {}, false],
    ['PROXY_SECRET sent', { ...BASE, proxySecret: SECRET }, { 'x-proxy-secret': SECRET }, true],
    ['PROXY_SECRET wrong', { ...BASE, proxySecret: SECRET }, { 'x-proxy-secret': 'nope' }, false],
    [
      'PROXY_SECRET set, loopback, none sent',
      { ...BASE, proxySecret: SECRET, listensOnLoopback: true, trustProxyHeader: 'x' },
      {},
      false,
    ],
  ])('%s', (_label, config, headers, expected) => {
    expect(fromTrustedProxy(request(headers), config)).toBe(expected);
  });

  test('X-Forwarded-Proto and X-Forwarded-Host count only from the trusted proxy; PUBLIC_ORIGIN https always', () => {
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'app.example', host: '127.0.0.1:3000' };
    expect(isHttps(request(headers), BASE)).toBe(false);
    expect(requestHost(request(headers), BASE)).toBe('127.0.0.1:3000');
    const proxied = { ...BASE, proxySecret: SECRET };
    expect(isHttps(request({ ...headers, 'x-proxy-secret': SECRET }), proxied)).toBe(true);
    expect(requestHost(request({ ...headers, 'x-proxy-secret': SECRET }), proxied)).toBe('app.example');
    expect(isHttps(request({}), { ...BASE, publicOrigin: 'https://dns.contoso.com' })).toBe(true);
    // Next builds request.url from a client's X-Forwarded-Proto: it is not evidence.
    expect(isHttps(request({}, 'https://127.0.0.1/'), BASE)).toBe(false);
  });
});
