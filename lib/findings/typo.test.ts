import { describe, expect, it } from 'vitest';
import { MSOID_TARGET_21V as T } from './msoid/msoid';
import { charDiff, diffText, editDistance, nearMiss } from './typo';

describe('editDistance', () => {
  it.each([
    ['same', 'abc', 'abc', 0],
    ['one substitution', 'abc', 'abd', 1],
    ['one insertion', 'abc', 'abxc', 1],
    ['one deletion', 'abc', 'ac', 1],
    ['swap of neighbours counts once', 'abcd', 'acbd', 1],
    ['empty vs word', '', 'abc', 3],
    ['.com for .cn', 'x.com', 'x.cn', 2],
  ])('%s', (_label, a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('charDiff', () => {
  it.each([
    ['tld swap', 'a.com', 'a.cn', 'a.c[-om][+n]'],
    ['insertion', 'abc', 'abxc', 'ab[+x]c'],
    ['deletion', 'abxc', 'abc', 'ab[-x]c'],
    ['identical', 'abc', 'abc', 'abc'],
  ])('%s', (_label, found, expected, text) => {
    const parts = charDiff(found, expected);
    expect(diffText(parts)).toBe(text);
    // The parts rebuild both strings: same+removed = found, same+added = expected.
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(found);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(expected);
  });
});

describe('nearMiss against the 21Vianet target', () => {
  it.each([
    ['.com for .cn', 'clientconfig.partner.microsoftonline-p.net.com', 'tld-swap', 2],
    ['upper case and trailing dot still tld-swap', 'ClientConfig.Partner.microsoftonline-p.net.COM.', 'tld-swap', 2],
    ['missing partner.', 'clientconfig.microsoftonline-p.net.cn', 'missing-label', 8],
    ['missing .cn', 'clientconfig.partner.microsoftonline-p.net', 'missing-label', 3],
    ['one letter wrong', 'clientconfig.partner.microsoftonlime-p.net.cn', 'edit-distance', 1],
    ['swapped letters', 'clinetconfig.partner.microsoftonline-p.net.cn', 'edit-distance', 1],
    ['three edits', 'clientconfg.partner.microsoftonline-p.nt.c', 'edit-distance', 3],
  ] as const)('%s → %s', (_label, found, kind, distance) => {
    const typo = nearMiss(found, T);
    expect(typo?.kind).toBe(kind);
    expect(typo?.distance).toBe(distance);
    expect(typo?.expected).toBe(T);
    expect(typo?.found).toBe(found.toLowerCase().replace(/\.$/, ''));
    expect(typo?.diff.some((p) => p.kind !== 'same')).toBe(true);
  });

  it.each([
    ['exact match', T],
    ['exact match with dot', `${T}.`],
    ['four edits', 'clientconfg.partner.microsoftonline-p.nt.'],
    ['unrelated', 'www.contoso.test'],
    ['legacy worldwide target (two labels off)', 'clientconfig.microsoftonline-p.net'],
    ['empty', ''],
  ])('%s → not a near miss', (_label, found) => {
    expect(nearMiss(found, T)).toBeUndefined();
  });
});
