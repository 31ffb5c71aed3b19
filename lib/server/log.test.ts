import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createLogger, loggableHeaders, loggablePath, redactRunId } from './log';

function capture(level = 'info') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger(level, stream), lines };
}

describe('createLogger', () => {
  test('one JSON line per event, UTC time, level by name', () => {
    const { log, lines } = capture();
    log.info({ requestId: 'r1', outcomes: { ok: 1 } }, 'request');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'info', msg: 'request', requestId: 'r1', service: 'm365-dns-health' });
    expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  test.each([
    ['authorization header', { headers: { authorization: 'Bearer s3cret-token' } }],
    ['cookie header', { headers: { cookie: 'm365dh-session=s3cret-token' } }],
    ['request headers', { req: { headers: { authorization: 'Bearer s3cret-token', cookie: 's3cret-token' } } }],
    ['a token field', { token: 's3cret-token' }],
    ['a nested token field', { signin: { token: 's3cret-token' } }],
  ])('redacts %s', (_label, fields) => {
    const { log, lines } = capture();
    log.info(fields, 'x');
    expect(lines[0]).not.toContain('s3cret-token');
    expect(lines[0]).toContain('[redacted]');
  });

  test('CR/LF and escape bytes in values stay inside one line', () => {
    const { log, lines } = capture();
    log.warn({ input: 'a\r\nforged {"level":"info"}\u001b[31m' }, 'odd input');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).input).toBe('a\r\nforged {"level":"info"}\u001b[31m');
  });

  test('debug lines (domain lists) are dropped at info level', () => {
    const { log, lines } = capture('info');
    log.debug({ domains: ['contoso.com'] }, 'domains requested');
    expect(lines).toEqual([]);
  });
});

test('loggableHeaders keeps a fixed set, cut to 256 characters', () => {
  const headers = new Headers({ 'user-agent': 'x'.repeat(400), authorization: 'Bearer t', 'x-other': 'no' });
  const out = loggableHeaders(headers);
  expect(Object.keys(out).sort()).toEqual(['authorization', 'user-agent']);
  expect(out['user-agent']).toHaveLength(256);
});

describe('run ids in logs', () => {
  const id = 'AbCdEfGhIjKlMnOpQrStUv';
  test.each([
    ['the summary', `/api/runs/${id}`, '/api/runs/AbCd…'],
    ['the events stream', `/api/runs/${id}/events`, '/api/runs/AbCd…/events'],
    ['cancel', `/api/runs/${id}/cancel`, '/api/runs/AbCd…/cancel'],
    ['re-check', `/api/runs/${id}/recheck`, '/api/runs/AbCd…/recheck'],
    ['an encoded id', `/api/runs/${encodeURIComponent('a/b?c')}/export`, '/api/runs/a%2F…/export'],
    ['starting a run (no id)', '/api/runs', '/api/runs'],
    ['another route', '/api/check', '/api/check'],
  ])('the request path of %s keeps 4 characters of the id', (_label, path, want) => {
    expect(loggablePath(path)).toBe(want);
    expect(loggablePath(path)).not.toContain(id);
  });

  test('redactRunId keeps the first 4 characters', () => {
    expect(redactRunId(id)).toBe('AbCd…');
  });

  test.each([
    ['an ownerToken field', { ownerToken: 's3cret-token' }],
    ['a nested ownerToken field', { created: { ownerToken: 's3cret-token' } }],
    ['the owner header', { headers: { 'x-run-owner': 's3cret-token' } }],
  ])('redacts %s', (_label, fields) => {
    const { log, lines } = capture();
    log.info(fields, 'x');
    expect(lines[0]).not.toContain('s3cret-token');
  });
});
