import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/bulk/csv-export';
import { rejectedToCsv } from './rejected-csv';

describe('rejectedToCsv', () => {
  it('lists every rejected entry with its line and reason; pasted formulas stay inert', () => {
    const csv = rejectedToCsv(
      [
        { line: 2, input: 'not a domain', code: 'not-a-domain', reason: 'not a domain, "really"' },
        { line: 9, input: '=cmd|x', code: 'bad-characters', reason: 'has |' },
      ],
      { line: '行', input: '输入', reason: '原因' },
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['行', '输入', '原因'],
      ['2', 'not a domain', 'not a domain, "really"'],
      ['9', "'=cmd|x", 'has |'],
    ]);
  });
});
