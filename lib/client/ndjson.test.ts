import { describe, expect, test } from 'vitest';
import { parseStreamLine, readLines, readStreamLines } from './ndjson';
import { makeReport } from './test-fixtures';

/** A byte stream that delivers `chunks` one read at a time (splits can fall anywhere, even inside a character). */
function streamOf(chunks: Array<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(typeof c === 'string' ? encoder.encode(c) : c);
      controller.close();
    },
  });
}

async function collect<T>(gen: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

describe('readLines', () => {
  const euro = new TextEncoder().encode('"€"\n'); // 3-byte character, split below
  const cases: Array<{ label: string; chunks: Array<string | Uint8Array>; expected: string[] }> = [
    { label: 'one line per chunk', chunks: ['{"a":1}\n', '{"b":2}\n'], expected: ['{"a":1}', '{"b":2}'] },
    { label: 'a line split over chunks', chunks: ['{"a"', ':1}\n{"b', '":2}\n'], expected: ['{"a":1}', '{"b":2}'] },
    { label: 'several lines in one chunk', chunks: ['1\n2\n3\n'], expected: ['1', '2', '3'] },
    { label: 'last line without newline', chunks: ['1\n2'], expected: ['1', '2'] },
    { label: 'CRLF and blank lines', chunks: ['1\r\n\r\n\n2\r\n'], expected: ['1', '2'] },
    { label: 'a UTF-8 character split between chunks', chunks: [euro.slice(0, 2), euro.slice(2)], expected: ['"€"'] },
    { label: 'empty stream', chunks: [], expected: [] },
  ];
  test.each(cases)('$label', async ({ chunks, expected }) => {
    expect(await collect(readLines(streamOf(chunks)))).toEqual(expected);
  });
});

describe('parseStreamLine', () => {
  const report = makeReport('ok-21v.test', 'ok');
  const cases = [
    { label: 'report line', raw: JSON.stringify({ type: 'report', ...report }), ok: true, type: 'report' },
    {
      label: 'invalid line',
      raw: JSON.stringify({ type: 'invalid', line: 3, input: '10.0.0.1', reason: 'ip', code: 'ip-literal' }),
      ok: true,
      type: 'invalid',
    },
    {
      label: 'done line',
      raw: JSON.stringify({ type: 'done', checked: 2, invalid: 1, duplicates: 0 }),
      ok: true,
      type: 'done',
    },
    { label: 'not JSON', raw: '{oops', ok: false, type: undefined },
    { label: 'unknown type', raw: JSON.stringify({ type: 'progress', n: 1 }), ok: false, type: undefined },
    {
      label: 'report missing fields',
      raw: JSON.stringify({ type: 'report', domain: 'a.test' }),
      ok: false,
      type: undefined,
    },
  ];
  test.each(cases)('$label', ({ raw, ok, type }) => {
    const parsed = parseStreamLine(raw);
    expect(parsed.ok).toBe(ok);
    if (parsed.ok) expect(parsed.line.type).toBe(type);
  });
});

test('readStreamLines yields each parsed line in order, bad ones as data', async () => {
  const lines = [
    JSON.stringify({ type: 'invalid', line: 2, input: 'contoso', reason: 'no dot', code: 'single-label' }),
    'garbage',
    JSON.stringify({ type: 'report', ...makeReport('a.test', 'missing') }),
    JSON.stringify({ type: 'done', checked: 1, invalid: 1, duplicates: 0 }),
  ];
  const parsed = await collect(readStreamLines(streamOf([`${lines.join('\n')}\n`])));
  expect(parsed.map((p) => (p.ok ? p.line.type : 'bad'))).toEqual(['invalid', 'bad', 'report', 'done']);
});
