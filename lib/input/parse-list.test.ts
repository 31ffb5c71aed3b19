/**
 * The list parser's handling of big and messy input (issue 15 item 7): a line cut into parts none of which is a
 * domain is one rejected line; counts are of lines; rejected entries can be cut out of the text; parsing in
 * slices gives the same list and hands the page its turn between slices.
 */
import { describe, expect, it } from 'vitest';
import { catalogueFor, formatRef } from '@/lib/messages';
import { createListParser, parseEntries, parseEntriesInSlices, rejectedLineCount, withoutRejected } from './parse-list';

const options = { allowTestDomains: true, maxDomains: 5000 };
const en = catalogueFor('en');
const reasonText = (ref: Parameters<typeof formatRef>[1]) => formatRef(en, ref);
const parse = (input: string | readonly string[]) => parseEntries(input, options, reasonText);

describe('a line that is not a domain is one rejected line', () => {
  it('a CSV cell "not a domain" is one entry, not three', () => {
    const list = parse(['contoso.test', 'not a domain', 'fabrikam.test']);
    expect(list.invalid).toEqual([
      {
        line: 2,
        input: 'not a domain',
        code: 'not-a-domain',
        reason:
          '“not a domain” is not a domain name: spaces, commas or semicolons cut it into 3 parts, and none of them ' +
          'is a domain. Enter one domain name per entry, such as contoso.com.',
      },
    ]);
    expect(list.domains.map((d) => d.ascii)).toEqual(['contoso.test', 'fabrikam.test']);
  });

  it('in pasted text too; a line with one domain among the words still rejects each word', () => {
    const list = parse('Contoso Ltd, Beijing\ncontoso.test x_y');
    expect(list.invalid.map(({ line, input, code }) => ({ line, input, code }))).toEqual([
      { line: 1, input: 'Contoso Ltd, Beijing', code: 'not-a-domain' },
      { line: 2, input: 'x_y', code: 'bad-characters' },
    ]);
  });

  it('has a Chinese reason too', () => {
    const list = parseEntries(['不是 域名'], options, (ref) => formatRef(catalogueFor('zh-CN'), ref));
    expect(list.invalid[0]?.reason).toContain('“不是 域名”不是域名');
  });
});

describe('rejectedLineCount', () => {
  it('counts lines, not entries: 10,000 lines of three words each are 10,000 lines', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `row ${i} x_${i}.test`).join('\n');
    const list = parse(text);
    expect(rejectedLineCount(list.invalid)).toBe(10_000);
    expect(list.invalid).toHaveLength(10_000);
  });

  it('a line with two bad entries beside a good one counts once', () => {
    const list = parse('contoso.test a_b.test c_d.test\nlocalhost');
    expect(list.invalid).toHaveLength(3);
    expect(rejectedLineCount(list.invalid)).toBe(2);
  });
});

describe('withoutRejected', () => {
  it('cuts the rejected entries out and drops lines left empty; the rest stays', () => {
    const text = 'contoso.test\nnot a domain\nfabrikam.test, a_b.test  # HQ\r\nlocalhost\n\nnorthwind.test';
    const list = parse(text);
    const cleaned = withoutRejected(text, list.invalid);
    expect(cleaned).toBe('contoso.test\nfabrikam.test # HQ\n\nnorthwind.test');
    const again = parse(cleaned);
    expect(again.invalid).toEqual([]);
    expect(again.domains.map((d) => d.ascii)).toEqual(list.domains.map((d) => d.ascii));
  });

  it('cuts an over-long entry whose echo was shortened', () => {
    const long = `${'a'.repeat(1100)}.test`;
    const text = `contoso.test\n${long}`;
    expect(withoutRejected(text, parse(text).invalid)).toBe('contoso.test');
  });
});

describe('parsing in slices', () => {
  const big = Array.from({ length: 20_000 }, (_, i) =>
    i % 7 === 0 ? `bad_${i}.test` : i % 5 === 0 ? `https://www.d${i}.test/` : `d${i % 3000}.test`,
  ).join('\n');

  it('gives the same list as parsing in one go, and pauses between slices', async () => {
    let pauses = 0;
    let clock = 0;
    const progress: number[] = [];
    const sliced = await parseEntriesInSlices(big, options, reasonText, {
      pause: async () => {
        pauses += 1;
      },
      // A clock that moves 1 ms per look: slices of 8 looks.
      now: () => {
        clock += 1;
        return clock;
      },
      onProgress: (read) => progress.push(read),
    });
    expect(sliced).toEqual(parse(big));
    expect(pauses).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const result = await parseEntriesInSlices(big, options, reasonText, {
      signal: controller.signal,
      pause: async () => controller.abort(),
      now: (() => {
        let t = 0;
        return () => (t += 10);
      })(),
    });
    expect(result).toBeNull();
  });

  it('a parser run to the end reads everything', () => {
    const parser = createListParser('a.test\nb.test', options, reasonText);
    expect(parser.progress()).toBe(0);
    expect(parser.run(() => false)).toBe(true);
    expect(parser.progress()).toBe(1);
    expect(parser.result().domains).toHaveLength(2);
  });
});
