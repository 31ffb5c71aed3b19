import { describe, expect, test } from 'vitest';
import { parseConfig } from '../env';
import { retryAfterMs } from './client';
import { GRAPH_HOSTS, graphTarget } from './hosts';

const BASE = { DNS_SERVERS: '127.0.0.1:53' };

describe('GRAPH_TEST_TOKEN is for tests only', () => {
  test.each([
    [
      'with test domains and a loopback stand-in',
      { ALLOW_TEST_DOMAINS: '1', GRAPH_BASE_URL: 'http://127.0.0.1:9' },
      true,
    ],
    ['without ALLOW_TEST_DOMAINS', { GRAPH_BASE_URL: 'http://127.0.0.1:9' }, false],
    ['without GRAPH_BASE_URL (the real Graph)', { ALLOW_TEST_DOMAINS: '1' }, false],
    ['with a GRAPH_BASE_URL off loopback', { ALLOW_TEST_DOMAINS: '1', GRAPH_BASE_URL: 'https://graph.example' }, false],
  ])('%s', (_label, env, ok) => {
    const parse = () => parseConfig({ ...BASE, ...env, GRAPH_TEST_TOKEN: 'test-token-123' });
    if (ok) expect(parse().graph.testToken).toBe('test-token-123');
    else expect(parse).toThrow(/GRAPH_TEST_TOKEN/);
  });

  test('off by default', () => {
    const graph = parseConfig(BASE).graph;
    expect(graph.testToken).toBeNull();
    expect(graph.baseUrl).toBeNull();
    expect(GRAPH_HOSTS[graph.cloud]).toBe('graph.microsoft.com');
  });

  test('GRAPH_BASE_URL takes an origin, no path', () => {
    expect(() => parseConfig({ ...BASE, GRAPH_BASE_URL: 'http://127.0.0.1:9/v1.0' })).toThrow(/GRAPH_BASE_URL/);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  test.each([
    ['seconds', '3', 3000],
    ['an HTTP date', 'Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['a date in the past', 'Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['garbage', 'soon', null],
    ['absent', null, null],
  ])('%s', (_label, value, want) => {
    expect(retryAfterMs(value, now)).toBe(want);
  });
});

describe('the Graph host follows the sign-in cloud', () => {
  const ENTRA = {
    ENTRA_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
    ENTRA_CLIENT_SECRET: 'Zq8vN2xR4tL7pW1mK9sD3fG6hJ0bC5yE',
    ENTRA_TENANT: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    PUBLIC_ORIGIN: 'https://dns.contoso.com',
  };
  test.each([
    ['worldwide', {}, 'graph.microsoft.com', null],
    ['21Vianet', { ENTRA_CLOUD: 'china' }, 'microsoftgraph.chinacloudapi.cn', null],
    ['GCC High', { ENTRA_CLOUD: 'usgovhigh' }, 'graph.microsoft.us', null],
    ['DoD', { ENTRA_CLOUD: 'dod' }, 'dod-graph.microsoft.us', null],
    [
      'GRAPH_CLOUD ignored with sign-in on',
      { ENTRA_CLOUD: 'china', GRAPH_CLOUD: 'worldwide' },
      'microsoftgraph.chinacloudapi.cn',
      null,
    ],
    [
      'a stand-in for Graph (ENTRA_GRAPH_URL): connect there, still name the cloud host',
      { ENTRA_CLOUD: 'china', ENTRA_GRAPH_URL: 'http://127.0.0.1:9' },
      'microsoftgraph.chinacloudapi.cn',
      'http://127.0.0.1:9',
    ],
  ])('%s', (_label, env, host, baseUrl) => {
    expect(graphTarget(parseConfig({ ...BASE, ...ENTRA, ...env }))).toEqual({ host, baseUrl });
  });

  test('without sign-in: GRAPH_CLOUD', () => {
    expect(graphTarget(parseConfig({ ...BASE, GRAPH_CLOUD: '21vianet' })).host).toBe('microsoftgraph.chinacloudapi.cn');
  });
});
