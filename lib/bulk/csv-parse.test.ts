import { describe, expect, test } from 'vitest';
import { type CsvDelimiter, detectDelimiter, parseCsvRecords, quoteCsvField } from './csv-parse';

describe('parseCsvRecords', () => {
  test.each([
    {
      label: 'plain LF',
      text: 'a,b\nc,d\n',
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    {
      label: 'CRLF, no final break',
      text: 'a,b\r\nc,d',
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    { label: 'lone CR', text: 'a\rb\r', rows: [['a'], ['b']] },
    { label: 'quoted delimiter', text: '"a,b",c\n', rows: [['a,b', 'c']] },
    { label: 'doubled quotes', text: '"say ""hi""",x\n', rows: [['say "hi"', 'x']] },
    {
      label: 'newline inside quotes',
      text: '"a\r\nb",c\nd,e\n',
      rows: [
        ['a\r\nb', 'c'],
        ['d', 'e'],
      ],
    },
    { label: 'empty quoted field', text: '"",x\n', rows: [['', 'x']] },
    { label: 'empty fields', text: ',,\n', rows: [['', '', '']] },
    { label: 'blank line kept as a row', text: 'a\n\nb\n', rows: [['a'], [''], ['b']] },
    { label: 'quote inside an unquoted field is text', text: 'a"b,c\n', rows: [['a"b', 'c']] },
    { label: 'BOM dropped', text: '\uFEFFa,b\n', rows: [['a', 'b']] },
    { label: 'empty text', text: '', rows: [] },
  ])('$label', ({ text, rows }) => {
    expect(parseCsvRecords(text)).toEqual({ ok: true, rows });
  });

  test.each([
    { label: 'unterminated quote on line 1', text: '"abc,d\ne,f\n', code: 'bad-quoting', line: 1 },
    { label: 'unterminated quote on line 3', text: 'a\nb\n"c\nd\n', code: 'bad-quoting', line: 3 },
    { label: 'opening line after a multi-line cell', text: '"x\ny",1\n"open\n', code: 'bad-quoting', line: 3 },
    { label: 'text after the closing quote', text: 'a\n"b"c,d\n', code: 'bad-field', line: 2 },
  ])('$label → $code', ({ text, code, line }) => {
    expect(parseCsvRecords(text)).toEqual({ ok: false, code, line });
  });

  test('semicolon delimiter', () => {
    expect(parseCsvRecords('a;"b;c"\n', ';')).toEqual({ ok: true, rows: [['a', 'b;c']] });
  });
});

describe('quoteCsvField', () => {
  test.each([
    { value: 'plain', quoted: 'plain' },
    { value: 'a,b', quoted: '"a,b"' },
    { value: 'q"q', quoted: '"q""q"' },
    { value: 'x\ny', quoted: '"x\ny"' },
    { value: 'x\ry', quoted: '"x\ry"' },
    { value: '', quoted: '' },
  ])('$value', ({ value, quoted }) => {
    expect(quoteCsvField(value)).toBe(quoted);
  });
});

describe('detectDelimiter', () => {
  test.each<{ label: string; text: string; delimiter: CsvDelimiter }>([
    { label: 'comma', text: 'domain,owner\ncontoso.test,ann\n', delimiter: ',' },
    { label: 'semicolon (European Excel)', text: 'domain;owner\ncontoso.test;ann, bob\n', delimiter: ';' },
    { label: 'tab', text: 'domain\towner\ncontoso.test\tann\n', delimiter: '\t' },
    { label: 'one column', text: 'contoso.test\nfabrikam.test\n', delimiter: ',' },
    { label: 'comma in quotes ignored', text: '"a,b";c\n"d,e";f\n', delimiter: ';' },
  ])('$label', ({ text, delimiter }) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});
