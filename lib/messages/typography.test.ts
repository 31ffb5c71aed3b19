/**
 * Chinese typography, checked over the rendered zh-CN catalogue: every template is filled with sample params and
 * the text a reader gets is held to the rules a Chinese reader expects.
 * - No space between Chinese text (or full-width punctuation) and an inserted name: `托管在{host}。`, not
 *   `托管在 {host} 。` (names may be Chinese themselves: `托管在 阿里云 。` reads as a typo). Counts keep their spaces.
 * - Full-width colons and parentheses: `（TTL）`, `记录：`, never `(TTL)`, `记录:`.
 * - No doubled full stop after a value that ends in `.` (a DNS name with its final dot): `…lync.com.`, not
 *   `…lync.com.。` (the formatter drops the template's own stop there).
 */
import { describe, expect, test } from 'vitest';
import { type Catalogue, formatMessage } from './format';
import { zhCN } from './index';

function flatten(catalogue: Catalogue, prefix = ''): Array<[string, string]> {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

/** Params that hold a number (or a number with its unit, like `{age}`): `共 {count} 个` keeps its spaces. */
const NUMERIC = new Set([
  'age',
  'attention',
  'broken',
  'checked',
  'column',
  'count',
  'done',
  'duplicates',
  'first',
  'firstLine',
  'healthy',
  'hidden',
  'hops',
  'length',
  'limit',
  'line',
  'matching',
  'max',
  'minutes',
  'monthDay',
  'ms',
  'n',
  'page',
  'pages',
  'pct',
  'port',
  'rate',
  'rejected',
  'rest',
  'seconds',
  'serial',
  'shown',
  'size',
  'total',
  'ttl',
  'unchecked',
  'valid',
]);

const codes = flatten(zhCN);
const paramsOf = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))];

/** Each template rendered with names marked ⟦…⟧ (numbers plain), so the text around an inserted name can be seen. */
function renderMarked(code: string, template: string): string {
  const params = Object.fromEntries(
    paramsOf(template).map((name) => [name, NUMERIC.has(name) ? '3' : `⟦contoso.com⟧`]),
  );
  return formatMessage(zhCN, code, params);
}

/** Each template rendered with every name ending in a final dot, as a DNS value may. */
function renderDotted(code: string, template: string): string {
  const params = Object.fromEntries(
    paramsOf(template).map((name) => [name, NUMERIC.has(name) ? '3' : 'sipdir.online.lync.com.']),
  );
  return formatMessage(zhCN, code, params);
}

/** Chinese characters and full-width punctuation (、。「」（）：，；！？ and the curly quotes “”‘’). */
const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d';
const SPACE_BEFORE_NAME = new RegExp(`[${CJK}][ \\u00a0]+⟦`);
const SPACE_AFTER_NAME = new RegExp(`⟧[ \\u00a0]+[${CJK}]`);

test('the catalogue is rendered whole', () => {
  expect(codes.length).toBeGreaterThan(500);
  expect(codes.filter(([, template]) => paramsOf(template).length > 0).length).toBeGreaterThan(200);
});

describe('no space between Chinese text and an inserted name', () => {
  test.each(codes.filter(([, template]) => paramsOf(template).some((p) => !NUMERIC.has(p))))('%s', (code, template) => {
    const text = renderMarked(code, template);
    expect(text).not.toMatch(SPACE_BEFORE_NAME);
    expect(text).not.toMatch(SPACE_AFTER_NAME);
  });
});

describe('full-width colons and parentheses', () => {
  test.each(codes)('%s', (code, template) => {
    // What the catalogue wrote, without the inserted names (a DNS value may hold any ASCII).
    const own = renderMarked(code, template).replace(/⟦[^⟧]*⟧/g, '');
    expect(own).not.toMatch(/[()]/);
    // A colon inside a Latin token (`include:`, `12:30`) is data; anywhere else it is punctuation.
    expect(own).not.toMatch(/(?<![A-Za-z0-9]):|:(?![A-Za-z0-9])/);
  });
});

describe('no doubled full stop after a value that ends in "."', () => {
  test.each(codes.filter(([, template]) => paramsOf(template).some((p) => !NUMERIC.has(p))))('%s', (code, template) => {
    const text = renderDotted(code, template);
    expect(text).not.toMatch(/\.[。．]|\.\.(?!\.)/);
  });
});

/*
 * A number keeps a space on each side next to Chinese text (`最多检查 {limit} 个域名`), as most templates write it:
 * the same page read `每次最多检查 500 个域名` in the help and `每次最多检查500个域名` in the refusal under it.
 * Not `age` (it ends in its unit, `3 小时`, and `{age}前` reads right) nor `first` (a time in the run report).
 */
const SPACED_NUMBERS = [...NUMERIC].filter((name) => name !== 'age' && name !== 'first');

describe('a number keeps its spaces next to Chinese text', () => {
  test.each(codes.filter(([, template]) => paramsOf(template).some((p) => SPACED_NUMBERS.includes(p))))(
    '%s',
    (_code, template) => {
      for (const name of paramsOf(template).filter((p) => SPACED_NUMBERS.includes(p))) {
        expect(template).not.toMatch(new RegExp(`[\\u4e00-\\u9fff]\\{${name}\\}|\\{${name}\\}[\\u4e00-\\u9fff]`));
      }
    },
  );
});
