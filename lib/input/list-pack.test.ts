/**
 * The packed form a list travels in from the page's list worker (lib/client/list-worker.ts): it unpacks to the
 * very list the parser gave, with each rejected entry's reason written on the page's side in its language.
 */
import { describe, expect, it } from 'vitest';
import { catalogueFor, formatRef } from '@/lib/messages';
import type { MessageRef } from '@/lib/schema';
import { packList, unpackList } from './list-pack';
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
      // The numbers' buffer is what a worker transfers; the strings are one JSON array.
      expect(packed.numbers).toBeInstanceOf(Int32Array);
      expect(Array.isArray(JSON.parse(packed.strings))).toBe(true);
      expect(unpackList(structuredClone(packed), reasonText)).toEqual(parseEntries(LIST, options, reasonText));
    }
  });

  it('an empty list packs and unpacks', () => {
    const empty = parseEntries('', { allowTestDomains: true, maxDomains: 10 }, () => '');
    expect(unpackList(packList(empty, []), () => '')).toEqual(empty);
  });
});
