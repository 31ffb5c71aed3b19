import { describe, expect, it } from 'vitest';
import { type RawEntry, splitDomainInput } from './split';

type Row = { label: string; input: string | readonly string[]; expected: RawEntry[] };

const rows: Row[] = [
  { label: 'one domain', input: 'contoso.com', expected: [{ line: 1, input: 'contoso.com' }] },
  { label: 'empty text', input: '', expected: [] },
  { label: 'blank lines only', input: '\n  \n\t\n', expected: [] },
  {
    label: 'one per line, blank line kept in numbering',
    input: 'contoso.com\n\nfabrikam.com',
    expected: [
      { line: 1, input: 'contoso.com' },
      { line: 3, input: 'fabrikam.com' },
    ],
  },
  {
    label: 'Windows and old Mac line breaks',
    input: 'a.com\r\nb.com\rc.com',
    expected: [
      { line: 1, input: 'a.com' },
      { line: 2, input: 'b.com' },
      { line: 3, input: 'c.com' },
    ],
  },
  {
    label: 'mixed separators on several lines',
    input: 'a.com, b.com;c.com\n\nd.com\te.com  f.com\n ; ,\ng.com,,h.com',
    expected: [
      { line: 1, input: 'a.com' },
      { line: 1, input: 'b.com' },
      { line: 1, input: 'c.com' },
      { line: 3, input: 'd.com' },
      { line: 3, input: 'e.com' },
      { line: 3, input: 'f.com' },
      { line: 5, input: 'g.com' },
      { line: 5, input: 'h.com' },
    ],
  },
  {
    label: 'full-width and ideographic separators, ideographic space',
    input: 'a.com，b.com；c.com、d.com\u3000e.com',
    expected: ['a.com', 'b.com', 'c.com', 'd.com', 'e.com'].map((input) => ({ line: 1, input })),
  },
  {
    label: 'comment line and trailing comment',
    input: '# our domains\ncontoso.com # main\nfabrikam.com#old',
    expected: [
      { line: 2, input: 'contoso.com' },
      { line: 3, input: 'fabrikam.com' },
    ],
  },
  {
    label: 'comment hides the rest of its line only',
    input: 'a.com # b.com c.com\nd.com',
    expected: [
      { line: 1, input: 'a.com' },
      { line: 2, input: 'd.com' },
    ],
  },
  {
    label: 'URL fragment cut as a comment, host kept',
    input: 'https://contoso.com/#top',
    expected: [{ line: 1, input: 'https://contoso.com/' }],
  },
  {
    label: 'invisible-only entries dropped, zero-width inside a name kept',
    input: '\uFEFFcon\u200Btoso.com \u200B \u200E\n\u2060',
    expected: [{ line: 1, input: '\uFEFFcon\u200Btoso.com' }],
  },
  {
    label: 'array: line is the 1-based index',
    input: ['contoso.com', '', 'fabrikam.com'],
    expected: [
      { line: 1, input: 'contoso.com' },
      { line: 3, input: 'fabrikam.com' },
    ],
  },
  {
    label: 'array item holding several entries and a comment',
    input: ['a.com, b.com # c.com\nd.com', 'e.com'],
    expected: [
      { line: 1, input: 'a.com' },
      { line: 1, input: 'b.com' },
      { line: 1, input: 'd.com' },
      { line: 2, input: 'e.com' },
    ],
  },
  { label: 'empty array', input: [], expected: [] },
];

describe('splitDomainInput', () => {
  it.each(rows)('$label', ({ input, expected }) => {
    expect(splitDomainInput(input)).toEqual(expected);
  });
});
