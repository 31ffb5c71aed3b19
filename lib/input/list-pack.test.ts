/**
 * The packed form a list travels in from the page's list worker (lib/client/list-worker.ts): it unpacks to the
 * very list the parser gave, with each rejected entry's reason written on the page's side in its language.
 */
import { describe, expect, it } from 'vitest';
import { catalogueFor, formatRef } from '@/lib/messages';
import type { MessageRef } from '@/lib/schema';
import { createUnpacker, packList, unpackList } from './list-pack';
import { parseEntries } from './parse-list';

const LIST = [
  'contoso.test',
  'https://www.northwind.test/path',
  'admin@mail.fabrikam.test',
  'not a domain',
  'contoso.test',
  'bad_.test x..y',
  'münchen.test',
  `${'a'.repeat(300)}.test`,
  '',
  '# a comment',
  'CONTOSO.test.',
].join('\n');

describe('a packed list', () => {
  it.each(['en', 'zh-CN'])('unpacks to the same list as parsing it on the page (%s)', (lang) => {
    const catalogue = catalogueFor(lang);
    const reasonText = (ref: MessageRef) => formatRef(catalogue, ref);
    for (const maxDomains of [5000, 2]) {
      const options = { allowTestDomains: true, maxDomains };
      const refs: MessageRef[] = [];
      const inWorker = parseEntries(LIST, options, (ref) => {
        refs.push(ref);
        return '';
      });
      const packed = packList(inWorker, refs);
      // The numbers' buffer is what a worker transfers; the strings are one string.
      expect(packed.numbers).toBeInstanceOf(Int32Array);
      expect(typeof packed.strings).toBe('string');
      expect(unpackList(structuredClone(packed), reasonText)).toEqual(parseEntries(LIST, options, reasonText));
    }
  });

  it('CSV cells with line breaks and backslashes come back as they were', () => {
    const cells = ['contoso.test', 'not a\ndomain', 'C:\\path\\x y', 'a\\n.test', 'x\r\ny z', 'fabrikam.test'];
    const options = { allowTestDomains: true, maxDomains: 100 };
    const list = parseEntries(cells, options, (ref) => ref.code);
    expect(list.invalid.length).toBeGreaterThan(0);
    const refs = list.invalid.map((e) => ({ code: `input.reject.${e.code}`, params: {} }));
    expect(unpackList(packList(list, refs), (ref) => ref.code)).toEqual(list);
  });

  it('unpacks a slice at a time: stopping after every look gives the same list', () => {
    const list = parseEntries(
      Array.from({ length: 2_000 }, (_, i) => (i % 7 === 0 ? `bad line ${i}` : `d${i % 1500}.test`)).join('\n'),
      { allowTestDomains: true, maxDomains: 5000 },
      (ref) => ref.code,
    );
    const refs = list.invalid.map((e) => ({ code: e.reason, params: {} }));
    const unpacker = createUnpacker(packList(list, refs), (ref) => ref.code);
    let slices = 1;
    while (!unpacker.run(() => true)) slices += 1;
    expect(slices).toBeGreaterThan(5);
    expect(unpacker.result()).toEqual(list);
  });

  it('an empty list packs and unpacks', () => {
    const empty = parseEntries('', { allowTestDomains: true, maxDomains: 10 }, () => '');
    expect(unpackList(packList(empty, []), () => '')).toEqual(empty);
  });
});
