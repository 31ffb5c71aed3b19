import { describe, expect, test } from 'vitest';
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
