import { describe, expect, test, vi } from 'vitest';
import { createLineBuffer } from './line-buffer';

describe('line buffer', () => {
  test('pieces (bytes and text, UTF-8) come out in order as one buffer; take empties it', () => {
    const out = createLineBuffer(1024);
    out.append(['{"a":', Buffer.from('"é→"'), '}\n']);
    expect(out.offer([Buffer.from('x\n')])).toBe(true);
    expect(out.size()).toBe(Buffer.byteLength('{"a":"é→"}\nx\n'));
    expect(out.take().toString()).toBe('{"a":"é→"}\nx\n');
    expect(out.size()).toBe(0);
    expect(out.take().length).toBe(0);
  });

  test('offer stops at the limit; append goes past it; growing keeps what was written', () => {
    const out = createLineBuffer(100_000);
    const line = `${'y'.repeat(999)}\n`;
    let offered = 0;
    while (out.offer([line])) offered++;
    expect(offered).toBe(100);
    out.append([line]);
    const text = out.take().toString();
    expect(text).toBe(line.repeat(101));
  });

  test('a taken chunk is its own copy: later writes do not change it', () => {
    const out = createLineBuffer(1024);
    out.append(['first\n']);
    const chunk = out.take();
    out.append(['second\n']);
    expect(chunk.toString()).toBe('first\n');
  });
});

describe('line buffer: bounded passes', () => {
  const LIMIT = 256 * 1024;
  const line = `${'z'.repeat(20_479)}\n`; // a 20 KB report line

  /** Fills one pass the way the events stream does: lines until `full()`. */
  const fillPass = (out: ReturnType<typeof createLineBuffer>) => {
    let lines = 0;
    while (!out.full()) {
      out.append([line]);
      lines++;
    }
    return lines;
  };

  test('full() ends a pass at the limit: the pass holds the limit plus at most one line', () => {
    const out = createLineBuffer(LIMIT);
    expect(out.full()).toBe(false);
    const lines = fillPass(out);
    expect(lines).toBe(Math.ceil(LIMIT / line.length));
    expect(out.size()).toBeGreaterThanOrEqual(LIMIT);
    expect(out.size()).toBeLessThan(LIMIT + line.length);
  });

  test('a taken pass leaves no capacity behind and is not copied again', () => {
    const out = createLineBuffer(LIMIT);
    // A pass as large as the old 256-row passes (about 8 MB), written past the limit with append.
    for (let i = 0; i < 400; i++) out.append([line]);
    expect(out.size()).toBe(400 * line.length);
    const copy = vi.spyOn(Buffer.prototype, 'copy');
    try {
      const chunk = out.take();
      const copied = copy.mock.calls.reduce(
        (n, [, , start = 0, end = 0]) => n + ((end as number) - (start as number)),
        0,
      );
      expect(copied).toBe(0);
      expect(chunk.length).toBe(400 * line.length);
      expect(chunk.subarray(0, line.length).toString()).toBe(line);
    } finally {
      copy.mockRestore();
    }
    expect(out.held()).toBe(0);
    expect(out.size()).toBe(0);
  });

  test('pass after pass, the buffer kept between them is never over the limit', () => {
    const out = createLineBuffer(LIMIT);
    const seen: number[] = [];
    for (let pass = 0; pass < 20; pass++) {
      // Passes of every size: one line, a few, a full pass.
      const n = pass % 3 === 0 ? 1 : pass % 3 === 1 ? 4 : Number.POSITIVE_INFINITY;
      for (let i = 0; i < n && !out.full(); i++) out.append([line]);
      const size = out.size();
      const chunk = out.take();
      expect(chunk.length).toBe(size);
      seen.push(out.held());
    }
    expect(Math.max(...seen)).toBeLessThanOrEqual(LIMIT);
  });

  test('a small pass is copied out and the buffer reused: its chunk is its own', () => {
    const out = createLineBuffer(LIMIT);
    out.append(['a\n']);
    const first = out.take();
    const held = out.held();
    expect(held).toBeGreaterThan(0);
    out.append(['b\n']);
    expect(out.held()).toBe(held);
    expect(first.toString()).toBe('a\n');
    expect(out.take().toString()).toBe('b\n');
  });

  test('offer counts what is waiting: live lines stop once the limit is reached, like a pass', () => {
    const out = createLineBuffer(LIMIT);
    let offered = 0;
    while (out.offer([line])) offered++;
    expect(offered).toBe(Math.ceil(LIMIT / line.length));
    expect(out.full()).toBe(true);
    expect(out.size()).toBeLessThan(LIMIT + line.length);
  });

  test('release drops what waits and the memory behind it', () => {
    const out = createLineBuffer(LIMIT);
    fillPass(out);
    out.release();
    expect(out.size()).toBe(0);
    expect(out.held()).toBe(0);
    expect(out.take().length).toBe(0);
  });
});
