import { describe, expect, test } from 'vitest';
import { parseConfig } from '../env';
import { retryAfterMs } from './client';
import { GRAPH_HOSTS } from './hosts';

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
