import { describe, expect, test } from 'vitest';
import { parseConfig, secretBits } from './env';
import { exposureWarnings } from './startup';

const BASE = { DNS_SERVERS: '127.0.0.1:53' };

describe('ACCESS_TOKEN and PROXY_SECRET must be long and random', () => {
  test.each([
    ['16 characters (the old minimum)', 'abcdefgh12345678', false],
    ['32 of the same character', 'a'.repeat(32), false],
    ['a word repeated', 'password'.repeat(4), false],
    ['32 random base64 characters', 'Zq8vN2xR4tL7pW1mK9sD3fG6hJ0bC5yE', true],
    ['64 random hex characters', '3f9a0c7e51b24d86a1e0f7c39b5d2e48c61a07f3e9d2b85c40a6f1e7d3c92b05', true],
  ])('%s', (_label, token, ok) => {
    const parse = () => parseConfig({ ...BASE, ACCESS_TOKEN: token });
    if (ok) expect(parse().accessToken).toBe(token);
    else expect(parse).toThrow(/ACCESS_TOKEN/);
    if (!ok) expect(parse).not.toThrow(new RegExp(token));
  });

  test('the estimate orders guessable below random', () => {
    expect(secretBits('a'.repeat(64))).toBeLessThan(128);
    expect(secretBits('Zq8vN2xR4tL7pW1mK9sD3fG6hJ0bC5yE')).toBeGreaterThan(128);
  });
});

describe('one client can always run the largest list the server accepts', () => {
  test('the defaults fit a full run in the domain budget', () => {
    const config = parseConfig(BASE);
    expect(config.rateLimit.domains).toBeGreaterThanOrEqual(config.maxDomainsPerRun);
    expect(config.rateLimit.domains).toBeGreaterThanOrEqual(config.maxDomainsPerRequest);
  });

  test('a budget smaller than the largest run is refused at start-up, naming the settings', () => {
    expect(() => parseConfig({ ...BASE, RATE_LIMIT_DOMAINS: '2000', MAX_DOMAINS_PER_RUN: '5000' })).toThrow(
      /RATE_LIMIT_DOMAINS.*MAX_DOMAINS_PER_RUN/s,
    );
    expect(
      parseConfig({ ...BASE, RATE_LIMIT_DOMAINS: '50', MAX_DOMAINS_PER_RUN: '50', MAX_DOMAINS_PER_REQUEST: '50' })
        .rateLimit.domains,
    ).toBe(50);
  });
});

describe('PUBLIC_ORIGIN, ALLOWED_HOSTS, BIND_HOST', () => {
  test('hosts and loopback are derived', () => {
    const c = parseConfig({
      ...BASE,
      PUBLIC_ORIGIN: 'https://DNS.contoso.com',
      ALLOWED_HOSTS: 'intranet:8080, other',
      BIND_HOST: '127.0.0.1',
    });
    expect(c.publicOrigin).toBe('https://dns.contoso.com');
    expect(c.allowedHosts).toEqual(['dns.contoso.com', 'intranet:8080', 'other']);
    expect(c.listensOnLoopback).toBe(true);
    expect(parseConfig(BASE).listensOnLoopback).toBe(false);
  });

  test.each(['https://dns.contoso.com/path', 'ftp://x.example', 'not a url'])(
    'PUBLIC_ORIGIN %s is refused',
    (origin) => {
      expect(() => parseConfig({ ...BASE, PUBLIC_ORIGIN: origin })).toThrow(/PUBLIC_ORIGIN/);
    },
  );
});

describe('start-up warnings about exposure', () => {
  const messages = (env: Record<string, string>) =>
    exposureWarnings(parseConfig({ ...BASE, ...env })).map((w) => w.message);
  test.each([
    ['loopback only: nothing to say', { BIND_HOST: '127.0.0.1' }, []],
    ['everywhere, no proxy, no token', {}, [/anyone can use it/, /PUBLIC_ORIGIN is not set/]],
    [
      'everywhere, a proxy header without a secret',
      {
        TRUST_PROXY_HEADER: 'x-forwarded-for',
        ACCESS_TOKEN: 'Zq8vN2xR4tL7pW1mK9sD3fG6hJ0bC5yE',
        PUBLIC_ORIGIN: 'https://a.example',
      },
      [/TRUST_PROXY_HEADER is ignored/],
    ],
    [
      'everywhere, proxy with a secret, public origin',
      {
        TRUST_PROXY_HEADER: 'x-forwarded-for',
        PROXY_SECRET: 'p9Xk2vR7tL4wN1mQ8sD5fG3hJ6bC0yZa',
        PUBLIC_ORIGIN: 'https://a.example',
      },
      [],
    ],
  ])('%s', (_label, env, expected) => {
    const got = messages(env);
    expect(got).toHaveLength(expected.length);
    for (const [i, re] of expected.entries()) expect(got[i]).toMatch(re);
  });
});
