import { describe, expect, it } from 'vitest';
import { compilePattern, matchesPattern } from './pattern';

describe('compilePattern / matchesPattern', () => {
  const rows: ReadonlyArray<[label: string, pattern: string, name: string, expected: boolean]> = [
    ['literal, exact', 'ns.123-reg.co.uk', 'ns.123-reg.co.uk', true],
    ['literal, extra label on the left', 'ns.123-reg.co.uk', 'x.ns.123-reg.co.uk', false],
    ['# is one digit', 'ns##.domaincontrol.com', 'ns29.domaincontrol.com', true],
    ['# is not two digits', 'ns##.domaincontrol.com', 'ns290.domaincontrol.com', false],
    ['# is not a letter', 'ns##.domaincontrol.com', 'nsab.domaincontrol.com', false],
    ['class in range', 'ns[1-4].bdm.microsoftonline.com', 'ns4.bdm.microsoftonline.com', true],
    ['class out of range', 'ns[1-4].bdm.microsoftonline.com', 'ns5.bdm.microsoftonline.com', false],
    ['two classes', 'ns-cloud-[a-e][1-4].googledomains.com', 'ns-cloud-e4.googledomains.com', true],
    [
      'two classes, letter out of range',
      'ns-cloud-[a-e][1-4].googledomains.com',
      'ns-cloud-f1.googledomains.com',
      false,
    ],
    ['* inside a label', 'ns-*.awsdns-##.org', 'ns-1234.awsdns-12.org', true],
    ['* inside a label may be empty', 'ns*.name.com', 'ns.name.com', true],
    ['* inside a label never crosses a dot', 'ns*.name.com', 'ns1.evil.name.com', false],
    ['whole-label * is exactly one label', '*.ns.cloudflare.com', 'kara.ns.cloudflare.com', true],
    ['whole-label * is not empty', '*.ns.cloudflare.com', 'ns.cloudflare.com', false],
    ['whole-label * is not two labels', '*.ns.cloudflare.com', 'a.b.ns.cloudflare.com', false],
    ['** is one label', '**.dynect.net', 'ns1.dynect.net', true],
    ['** is several labels', '**.dynect.net', 'ns1.p01.dynect.net', true],
    ['** is not zero labels', '**.dynect.net', 'dynect.net', false],
    ['whole labels: look-alike suffix', '*.ns.cloudflare.com', 'ns1.notcloudflare.com', false],
    ['anchored at the end', '*.ns.cloudflare.com', 'evil-ns.cloudflare.com.attacker.test', false],
    ['anchored at the end (name.com.br)', 'ns*.name.com', 'ns1.name.com.br', false],
    ['case-insensitive, trailing dot ignored', 'ns##.domaincontrol.com', 'NS29.DomainControl.COM.', true],
    ['space inside is no label character', 'ns##.domaincontrol.com', 'ns 9.domaincontrol.com', false],
    ['regex metacharacters in the name are literal text', '**.22.cn', 'ns1.22xcn', false],
  ];
  it.each(rows)('%s', (_label, pattern, name, expected) => {
    expect(matchesPattern(compilePattern(pattern), name)).toBe(expected);
  });

  const bad: ReadonlyArray<[label: string, pattern: string]> = [
    ['empty label', 'ns..example.com'],
    ['** not first', 'ns.**.example.com'],
    ['wildcard TLD', 'ns.example.*'],
    ['second label all wildcard', 'ns.*.com'],
    ['only a TLD', '**.com'],
    ['bad character', 'ns+1.example.com'],
    ['unclosed class', 'ns[1-4.example.com'],
    ['regex in a class', 'ns[^a].example.com'],
  ];
  it.each(bad)('rejects a malformed pattern: %s', (_label, pattern) => {
    expect(() => compilePattern(pattern)).toThrow();
  });
});
