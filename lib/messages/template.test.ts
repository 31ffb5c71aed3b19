import { describe, expect, test } from 'vitest';
import { formatMessage } from './format';
import { en, zhCN } from './index';
import { type Catalogue, catalogueNeedsIcu, formatPlain, needsIcu, type Params } from './template';

function flatten(catalogue: Catalogue, prefix = ''): Array<[string, string]> {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

const paramNames = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))];

/** Numbers (ICU must not group digits), strings full of ICU syntax, and no params at all. */
function sampleParams(template: string): Params[] {
  const names = paramNames(template);
  return [
    Object.fromEntries(names.map((name, i) => [name, 5061 + i])),
    Object.fromEntries(names.map((name, i) => [name, `'{x}' <b>#${i}|</b> it's`])),
    {},
  ];
}

describe('needsIcu', () => {
  test.each([
    { label: 'plain text', template: 'No syntax here.', expected: false },
    { label: 'placeholders', template: 'Port {port} on {host}', expected: false },
    { label: 'apostrophe in a word', template: "doesn't {x}", expected: false },
    { label: 'trailing apostrophe', template: "the users' {x}", expected: false },
    { label: 'a lone <', template: 'msoid.<your domain> is {x}', expected: false },
    { label: '# and | outside a plural', template: 'a # b | c {x}', expected: false },
    { label: 'plural', template: '{count, plural, one {# domain} other {# domains}}', expected: true },
    { label: 'number argument', template: '{n, number} items', expected: true },
    { label: 'select', template: '{kind, select, a {A} other {B}}', expected: true },
    { label: 'quoted placeholder', template: "'{x}' stays literal", expected: true },
    { label: 'doubled apostrophe', template: "it''s {x}", expected: true },
    { label: 'tag pair (params are never tag functions)', template: '<b>{x}</b>', expected: false },
    { label: 'unbalanced brace', template: 'Unbalanced {x', expected: true },
  ])('$label', ({ template, expected }) => {
    expect(needsIcu(template)).toBe(expected);
  });
});

describe('formatPlain renders what formatMessage renders whenever ICU is not needed', () => {
  const crafted = [
    'No syntax here.',
    'Port {port} on {host}',
    "doesn't {x}",
    "the users' {x}",
    'msoid.<your domain> is {x}',
    'a # b | c {x}',
    '<br/> {x}',
    'a <b>{x}</b>',
  ];
  test.each(crafted)('%s', (template) => {
    const catalogue = { m: template };
    expect(needsIcu(template)).toBe(false);
    for (const params of sampleParams(template)) {
      expect(formatPlain(catalogue, 'm', params)).toBe(formatMessage(catalogue, 'm', params));
    }
  });

  test.each<{ label: string; template: string; params: Params }>([
    { label: 'plural', template: '{count, plural, one {# domain} other {# domains}}', params: { count: 1 } },
    { label: 'quoted placeholder', template: "'{x}' stays literal", params: { x: 'X' } },
    { label: 'number argument', template: '{n, number} items', params: { n: 5061 } },
  ])('$label: ICU renders it differently, so needsIcu must say so', ({ template, params }) => {
    const catalogue = { m: template };
    expect(formatPlain(catalogue, 'm', params)).not.toBe(formatMessage(catalogue, 'm', params));
    expect(needsIcu(template)).toBe(true);
  });

  describe.each([
    ['en', en],
    ['zh-CN', zhCN],
  ] as const)('every %s message', (_lang, catalogue) => {
    const rows = flatten(catalogue);
    test('the catalogue is not empty (guards the walk)', () => {
      expect(rows.length).toBeGreaterThan(500);
    });
    test('none needs ICU, so the browser never loads the ICU formatter', () => {
      expect(rows.filter(([, template]) => needsIcu(template)).map(([code]) => code)).toEqual([]);
      expect(catalogueNeedsIcu(catalogue)).toBe(false);
    });
    test.each(rows)('%s', (code, template) => {
      if (needsIcu(template)) return;
      for (const params of sampleParams(template)) {
        expect(formatPlain(catalogue, code, params)).toBe(formatMessage(catalogue, code, params));
      }
    });
  });
});

describe('formatPlain', () => {
  const catalogue = { a: 'A {x}', nested: { leaf: 'Leaf' } };
  test.each<{ label: string; code: string; params: Params; expected: string }>([
    { label: 'fills params', code: 'a', params: { x: 1 }, expected: 'A 1' },
    { label: 'keeps a missing param', code: 'a', params: {}, expected: 'A {x}' },
    { label: 'nested code', code: 'nested.leaf', params: {}, expected: 'Leaf' },
    { label: 'unknown code shows the code', code: 'nope.x', params: {}, expected: 'nope.x' },
    { label: 'a branch is not a message', code: 'nested', params: {}, expected: 'nested' },
  ])('$label', ({ code, params, expected }) => {
    expect(formatPlain(catalogue, code, params)).toBe(expected);
  });
});

test('catalogueNeedsIcu finds a nested ICU template', () => {
  expect(catalogueNeedsIcu({ a: 'x', b: { c: '{n, plural, other {#}}' } })).toBe(true);
  expect(catalogueNeedsIcu({ a: 'x {y}', b: { c: "it's" } })).toBe(false);
});

describe('a value ending in "." takes the place of the full stop after it', () => {
  test.each([
    {
      label: 'Chinese stop',
      template: '请填写{value}。',
      value: 'sipdir.online.lync.com.',
      out: '请填写sipdir.online.lync.com.',
    },
    { label: 'English stop', template: 'Enter {value}.', value: 'a.example.', out: 'Enter a.example.' },
    {
      label: 'a value without a final dot keeps the stop',
      template: '请填写{value}。',
      value: 'a.example',
      out: '请填写a.example。',
    },
    { label: 'no stop after the placeholder', template: '{value}，然后', value: 'a.example.', out: 'a.example.，然后' },
    {
      label: 'a missing param keeps placeholder and stop',
      template: '填写{value}。',
      value: undefined,
      out: '填写{value}。',
    },
  ])('$label', ({ template, value, out }) => {
    const params: Params = value === undefined ? {} : { value };
    expect(formatPlain({ m: template }, 'm', params)).toBe(out);
    expect(formatMessage({ m: template }, 'm', params)).toBe(out);
  });
});
