import { describe, expect, test } from 'vitest';
import { en, zhCN } from './index';
import { pageCatalogue } from './page-catalogue';
import { type Catalogue, lookupTemplate } from './template';

function codes(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : codes(value, `${prefix}${key}.`),
  );
}

describe.each([
  ['en', en],
  ['zh-CN', zhCN],
] as const)('%s', (_lang, full) => {
  const page = pageCatalogue(full);

  test.each([
    { code: 'ui.form.submit', kept: true },
    { code: 'input.reject.ip-literal', kept: true },
    { code: 'language.label', kept: true },
    { code: 'bulk.page.link', kept: true },
    { code: 'hosts.generic.detected', kept: true },
    { code: 'cloud.name.worldwide', kept: true },
    { code: 'msoid.status.missing', kept: true },
    { code: 'msoid.severity.critical', kept: true },
    { code: 'records.label.mx', kept: true },
    { code: 'records.health.healthy', kept: true },
    { code: 'msoid.verdict.domain-not-found', kept: false },
    { code: 'msoid.impact.wrong-target', kept: false },
    { code: 'records.common.impact.proxied', kept: false },
    { code: 'records.mx.impact.wrong-value.other-cloud', kept: false },
    { code: 'cloud.note.germany', kept: false },
    { code: 'helpdesk.intro.unchecked', kept: false },
  ])('$code kept: $kept', ({ code, kept }) => {
    expect(lookupTemplate(full, code)).toBeDefined();
    expect(lookupTemplate(page, code) !== undefined).toBe(kept);
  });

  test('every kept template is the full catalogue’s own', () => {
    for (const code of codes(page)) expect(lookupTemplate(page, code)).toBe(lookupTemplate(full, code));
  });

  test('the page gets well under half of the catalogue', () => {
    expect(JSON.stringify(page).length).toBeLessThan(JSON.stringify(full).length * 0.5);
  });

  test('the full catalogue is left as it was, and the result is reused', () => {
    expect(lookupTemplate(full, 'msoid.verdict.domain-not-found')).toBeDefined();
    expect(pageCatalogue(full)).toBe(page);
  });
});

test('both languages send the same codes', () => {
  expect(codes(pageCatalogue(zhCN)).sort()).toEqual(codes(pageCatalogue(en)).sort());
});
