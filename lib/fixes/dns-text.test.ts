import { describe, expect, it } from 'vitest';
import { bareTarget, dottedTarget, parseMx, parseSrv, presentName, quoteTxt, relativeName } from './dns-text';

describe('relativeName', () => {
  const rows: ReadonlyArray<[label: string, name: string, zone: string, expected: string | null]> = [
    ['apex', 'contoso.test', 'contoso.test', '@'],
    ['apex, case and trailing dot', 'Contoso.TEST.', 'contoso.test', '@'],
    ['one label', 'msoid.contoso.test', 'contoso.test', 'msoid'],
    ['two labels', 'msoid.sub.contoso.test', 'contoso.test', 'msoid.sub'],
    ['SRV owner', '_sipfederationtls._tcp.contoso.test', 'contoso.test', '_sipfederationtls._tcp'],
    ['wildcard', '*.contoso.test', 'contoso.test', '*'],
    ['outside the zone', 'msoid.fabrikam.test', 'contoso.test', null],
    ['look-alike zone is outside (whole labels)', 'msoid.notcontoso.test', 'contoso.test', null],
  ];
  it.each(rows)('%s', (_label, name, zone, expected) => {
    expect(relativeName(name, zone)).toBe(expected);
  });
});

describe('presentName', () => {
  const rows: ReadonlyArray<[label: string, name: string, expected: string]> = [
    ['plain name', 'msoid.sub', 'msoid.sub'],
    ['underscores and hyphens stay', '_sip._tls.a-b', '_sip._tls.a-b'],
    ['whole-label wildcard stays', '*.sub', '*.sub'],
    ['space, semicolon and newline are escaped', 'a b;c\nd', 'a\\032b\\059c\\010d'],
    ['quote, backslash, @ and $ are escaped', 'a"\\@$', 'a\\034\\092\\064\\036'],
    ['a * inside a label is escaped', 'a*b', 'a\\042b'],
    ['non-ASCII is escaped byte by byte', 'é', '\\195\\169'],
  ];
  it.each(rows)('%s', (_label, name, expected) => {
    expect(presentName(name)).toBe(expected);
  });
});

describe('quoteTxt', () => {
  const rows: ReadonlyArray<[label: string, value: string, expected: string]> = [
    ['plain', 'v=spf1 -all', '"v=spf1 -all"'],
    ['empty', '', '""'],
    ['double quote', 'a"b', '"a\\"b"'],
    ['backslash', 'a\\b', '"a\\\\b"'],
    ['newline and tab', 'a\nb\tc', '"a\\010b\\009c"'],
    ['carriage return and NUL', 'a\r\0', '"a\\013\\000"'],
    ['DEL and non-ASCII', '\x7fé', '"\\127\\195\\169"'],
  ];
  it.each(rows)('%s', (_label, value, expected) => {
    expect(quoteTxt(value)).toBe(expected);
  });

  it('splits a 300-byte value into a 255-byte and a 45-byte string', () => {
    const value = `${'a'.repeat(254)}b${'c'.repeat(45)}`;
    expect(quoteTxt(value)).toBe(`"${'a'.repeat(254)}b" "${'c'.repeat(45)}"`);
  });

  it('splits on bytes, not characters, and never splits an escape', () => {
    const value = `${'a'.repeat(254)}"é`;
    // byte 255 is the quote; é (2 bytes) starts the second string.
    expect(quoteTxt(value)).toBe(`"${'a'.repeat(254)}\\"" "\\195\\169"`);
  });
});

describe('parseMx / parseSrv / targets', () => {
  it.each([
    [
      '0 contoso-test.mail.protection.outlook.com',
      { preference: '0', exchange: 'contoso-test.mail.protection.outlook.com' },
    ],
    ['  10   mx.example.test.  ', { preference: '10', exchange: 'mx.example.test.' }],
    ['mx.example.test', null],
    ['10 a b', null],
  ])('parseMx(%j)', (value, expected) => {
    expect(parseMx(value)).toEqual(expected);
  });

  it.each([
    [
      '100 1 5061 sipfed.online.lync.com',
      { priority: '100', weight: '1', port: '5061', target: 'sipfed.online.lync.com' },
    ],
    ['100 1 sipfed.online.lync.com', null],
    ['a b c d', null],
  ])('parseSrv(%j)', (value, expected) => {
    expect(parseSrv(value)).toEqual(expected);
  });

  it.each([
    ['a.test', 'a.test', 'a.test.'],
    ['a.test.', 'a.test', 'a.test.'],
    ['a.test..', 'a.test', 'a.test.'],
    ['.', '.', '.'],
    ['', '.', '.'],
  ])('bareTarget / dottedTarget (%j)', (input, bare, dotted) => {
    expect(bareTarget(input)).toBe(bare);
    expect(dottedTarget(input)).toBe(dotted);
  });
});
