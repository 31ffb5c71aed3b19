import { describe, expect, test } from 'vitest';
import { type Catalogue, fillPlaceholders, formatMessage, lookupTemplate, type Params } from './format';
import { en, zhCN } from './index';

/** Every `[code, template]` of a catalogue, depth first. */
function flatten(catalogue: Catalogue, prefix = ''): Array<[string, string]> {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

const paramNames = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))];

/**
 * The formatter before next-intl (commit d8cf734), verbatim: a missing template yields the code, `{name}` is
 * replaced by String(value), a missing param keeps its placeholder. Every shipped message must render exactly
 * as it did.
 */
function oldFormatMessage(catalogue: Catalogue, code: string, params: Params = {}): string {
  const template = lookupTemplate(catalogue, code);
  if (template === undefined) return code;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });
}

/** Sample values: a large number (ICU must not add digit grouping) and a string full of ICU syntax. */
function sampleParams(template: string, variant: 'numbers' | 'strings'): Record<string, string | number> {
  return Object.fromEntries(
    paramNames(template).map((name, i) => [name, variant === 'numbers' ? 5061 + i : `'{x}' <b>#${i}|</b> it's`]),
  );
}

const catalogues = { en, 'zh-CN': zhCN } as const;

describe.each(Object.entries(catalogues))('every %s message renders as the old formatter rendered it', (_lang, cat) => {
  const rows = flatten(cat);
  test('the catalogue is not empty (guards the walk)', () => {
    expect(rows.length).toBeGreaterThan(500);
  });
  test.each(rows)('%s', (code, template) => {
    for (const variant of ['numbers', 'strings'] as const) {
      const params = sampleParams(template, variant);
      expect(formatMessage(cat, code, params)).toBe(oldFormatMessage(cat, code, params));
    }
    // No params at all: placeholders stay visible instead of a crash or the code.
    expect(formatMessage(cat, code)).toBe(oldFormatMessage(cat, code));
  });
});

describe('formatMessage', () => {
  const catalogue = {
    plain: 'No syntax here.',
    filled: 'Port {port} on {host}',
    apostrophe: "doesn't {x}",
    tag: 'msoid.<your domain> is {x}',
    broken: 'Unbalanced {x',
    plural: '{count, plural, one {# domain} other {# domains}}',
    nested: { leaf: 'Leaf {x}' },
  } satisfies Catalogue;

  const cases: Array<{ label: string; code: string; params?: Params; expected: string }> = [
    { label: 'plain text is returned as is', code: 'plain', expected: 'No syntax here.' },
    {
      label: 'numbers are inserted verbatim, never grouped',
      code: 'filled',
      params: { port: 5061, host: 'sip' },
      expected: 'Port 5061 on sip',
    },
    {
      label: 'an apostrophe before a letter is literal',
      code: 'apostrophe',
      params: { x: 'X' },
      expected: "doesn't X",
    },
    {
      label: 'a missing param keeps its placeholder (fallback, no throw)',
      code: 'filled',
      params: { port: 1 },
      expected: 'Port 1 on {host}',
    },
    {
      label: 'an angle-bracket "tag" ICU rejects falls back to plain filling',
      code: 'tag',
      params: { x: 'right' },
      expected: 'msoid.<your domain> is right',
    },
    { label: 'a malformed template falls back', code: 'broken', params: { x: 'X' }, expected: 'Unbalanced {x' },
    { label: 'ICU plurals work (English rules)', code: 'plural', params: { count: 1 }, expected: '1 domain' },
    {
      label: 'ICU plural other, number grouped by ICU',
      code: 'plural',
      params: { count: 1200 },
      expected: '1,200 domains',
    },
    { label: 'a nested code', code: 'nested.leaf', params: { x: '1' }, expected: 'Leaf 1' },
    { label: 'a missing code yields the code', code: 'nope.nothing', expected: 'nope.nothing' },
    { label: 'a code that names a group yields the code', code: 'nested', expected: 'nested' },
    { label: 'a prototype key is not a message', code: 'constructor', expected: 'constructor' },
    { label: 'the empty code yields itself', code: '', expected: '' },
  ];
  test.each(cases)('$label', ({ code, params, expected }) => {
    expect(formatMessage(catalogue, code, params)).toBe(expected);
  });

  test('values are never parsed as ICU', () => {
    expect(formatMessage(catalogue, 'filled', { port: '{0}', host: "'<b>'" })).toBe("Port {0} on '<b>'");
  });
});

describe('fillPlaceholders', () => {
  test.each<{ label: string; template: string; params: Params; expected: string }>([
    { label: 'fills known params', template: 'a {x} b', params: { x: 1 }, expected: 'a 1 b' },
    { label: 'keeps unknown ones', template: 'a {y}', params: { x: 1 }, expected: 'a {y}' },
    { label: 'ignores inherited keys', template: '{toString}', params: {}, expected: '{toString}' },
  ])('$label', ({ template, params, expected }) => {
    expect(fillPlaceholders(template, params)).toBe(expected);
  });
});
