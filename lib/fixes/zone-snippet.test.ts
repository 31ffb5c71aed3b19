import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Fix, FixOp, RECORD_TYPES } from '@/lib/schema';
import { zoneSnippet } from './zone-snippet';

const ZONE = 'contoso.test';
const fix = (over: Partial<Fix>): Fix => ({
  op: 'add',
  name: `msoid.${ZONE}`,
  host: 'msoid',
  type: 'CNAME',
  value: 'clientconfig.partner.microsoftonline-p.net.cn',
  ttl: 3600,
  ...over,
});

/** The snippet's lines after `$ORIGIN`, without the final empty string. */
function body(fixes: Fix[], zone = ZONE): string[] {
  const lines = zoneSnippet(fixes, zone).split('\n');
  expect(lines[0]).toBe(`$ORIGIN ${zone}.`);
  expect(lines.at(-1)).toBe('');
  return lines.slice(1, -1);
}

describe('zoneSnippet', () => {
  const rows: ReadonlyArray<[label: string, fix: Fix, line: string]> = [
    ['CNAME add', fix({}), 'msoid 3600 IN CNAME clientconfig.partner.microsoftonline-p.net.cn.'],
    [
      'CNAME change is written as the new record',
      fix({ op: 'change' }),
      'msoid 3600 IN CNAME clientconfig.partner.microsoftonline-p.net.cn.',
    ],
    [
      'CNAME value with a trailing dot gets exactly one',
      fix({ value: 'a.example.test.' }),
      'msoid 3600 IN CNAME a.example.test.',
    ],
    [
      'delete is a comment',
      fix({ op: 'delete', value: 'clientconfig.microsoftonline-p.net' }),
      '; delete: msoid 3600 IN CNAME clientconfig.microsoftonline-p.net.',
    ],
    [
      'subdomain owner',
      fix({ name: `msoid.sub.${ZONE}` }),
      'msoid.sub 3600 IN CNAME clientconfig.partner.microsoftonline-p.net.cn.',
    ],
    [
      'owner outside the zone is absolute',
      fix({ name: 'msoid.fabrikam.test' }),
      'msoid.fabrikam.test. 3600 IN CNAME clientconfig.partner.microsoftonline-p.net.cn.',
    ],
    [
      'wildcard delete',
      fix({ op: 'delete', name: `*.${ZONE}`, host: '*', value: 'old.example.test' }),
      '; delete: * 3600 IN CNAME old.example.test.',
    ],
    [
      'SRV',
      fix({ name: `_sipfederationtls._tcp.${ZONE}`, type: 'SRV', value: '100 1 5061 sipfed.online.lync.com' }),
      '_sipfederationtls._tcp 3600 IN SRV 100 1 5061 sipfed.online.lync.com.',
    ],
    [
      'MX at the apex',
      fix({ name: ZONE, host: '@', type: 'MX', value: '0 contoso-test.mail.protection.outlook.com' }),
      '@ 3600 IN MX 0 contoso-test.mail.protection.outlook.com.',
    ],
    [
      'TXT is quoted',
      fix({ name: ZONE, type: 'TXT', value: 'v=spf1 include:spf.protection.outlook.com -all' }),
      '@ 3600 IN TXT "v=spf1 include:spf.protection.outlook.com -all"',
    ],
    ['TXT with a quote and a backslash', fix({ type: 'TXT', value: 'a"b\\c' }), 'msoid 3600 IN TXT "a\\"b\\\\c"'],
    [
      'TXT with a newline cannot start a new record',
      fix({ type: 'TXT', value: 'x"\n@ 60 IN A 192.0.2.66\n; "' }),
      'msoid 3600 IN TXT "x\\"\\010@ 60 IN A 192.0.2.66\\010; \\""',
    ],
    ['A', fix({ type: 'A', value: '192.0.2.1' }), 'msoid 3600 IN A 192.0.2.1'],
    ['AAAA', fix({ type: 'AAAA', value: '2001:DB8::1' }), 'msoid 3600 IN AAAA 2001:db8::1'],
    [
      'CNAME value with a newline is not written as a record',
      fix({ value: 'evil.test\n@ IN A 192.0.2.66' }),
      '; not written (unrecognised value): msoid 3600 IN CNAME "evil.test\\010@ IN A 192.0.2.66"',
    ],
    [
      'CNAME value with zone-file specials is escaped',
      fix({ value: 'a;b(c)"d' }),
      'msoid 3600 IN CNAME a\\059b\\040c\\041\\034d.',
    ],
    [
      'owner with a space and a semicolon is escaped',
      fix({ name: `ms oid;x.${ZONE}` }),
      'ms\\032oid\\059x 3600 IN CNAME clientconfig.partner.microsoftonline-p.net.cn.',
    ],
    [
      'malformed MX is a comment',
      fix({ type: 'MX', value: 'mail.example.test' }),
      '; not written (unrecognised value): msoid 3600 IN MX "mail.example.test"',
    ],
    [
      'malformed MX delete is a comment too',
      fix({ op: 'delete', type: 'MX', value: 'x\ny' }),
      '; delete (unrecognised value): msoid 3600 IN MX "x\\010y"',
    ],
    [
      'negative TTL is written as 0',
      fix({ ttl: -5 }),
      'msoid 0 IN CNAME clientconfig.partner.microsoftonline-p.net.cn.',
    ],
  ];
  it.each(rows)('%s', (_label, f, line) => {
    expect(body([f])).toEqual([line]);
  });

  it('splits a 300-byte TXT value into a 255-byte and a 45-byte string', () => {
    const value = 'k'.repeat(300);
    expect(body([fix({ type: 'TXT', value })])).toEqual([`msoid 3600 IN TXT "${'k'.repeat(255)}" "${'k'.repeat(45)}"`]);
  });

  it('writes one line per fix, in order', () => {
    const fixes = [fix({ op: 'delete', value: 'old.example.test' }), fix({}), fix({ type: 'TXT', value: 't' })];
    expect(body(fixes)).toEqual([
      '; delete: msoid 3600 IN CNAME old.example.test.',
      'msoid 3600 IN CNAME clientconfig.partner.microsoftonline-p.net.cn.',
      'msoid 3600 IN TXT "t"',
    ]);
  });

  it('an empty list is just the $ORIGIN line', () => {
    expect(zoneSnippet([], ZONE)).toBe(`$ORIGIN ${ZONE}.\n`);
  });

  it('escapes a hostile zone name in $ORIGIN', () => {
    expect(zoneSnippet([], 'a\nb.test').split('\n')[0]).toBe('$ORIGIN a\\010b.test.');
  });

  it('property: any name and value give exactly one printable line per fix', () => {
    const anyFix = fc.record({
      op: fc.constantFrom(...FixOp.options),
      name: fc.string({ unit: 'binary', maxLength: 80 }),
      host: fc.string(),
      type: fc.constantFrom(...RECORD_TYPES),
      value: fc.string({ unit: 'binary', maxLength: 600 }),
      ttl: fc.integer({ min: -10, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(anyFix, { maxLength: 5 }), fc.string({ unit: 'binary', maxLength: 40 }), (fixes, zone) => {
        const out = zoneSnippet(fixes, zone);
        const lines = out.split('\n');
        expect(lines).toHaveLength(fixes.length + 2);
        for (const line of lines) expect(line).toMatch(/^[\x20-\x7e]*$/);
        // Deletes and unwritable values never become live records.
        fixes.forEach((f, i) => {
          if (f.op === 'delete') expect(lines[i + 1]?.startsWith('; delete')).toBe(true);
        });
      }),
    );
  });
});
