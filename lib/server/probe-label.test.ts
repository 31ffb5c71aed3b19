import { describe, expect, test } from 'vitest';
import { probeLabel } from './check';

describe('probe labels', () => {
  test('ten hex digits, none repeated over several pool refills', () => {
    const labels = Array.from({ length: 1000 }, () => probeLabel());
    for (const label of labels) expect(label).toMatch(/^[0-9a-f]{10}$/);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
