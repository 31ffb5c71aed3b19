import { describe, expect, it } from 'vitest';
import { localizeTimes } from './propagation-view';

describe('localizeTimes', () => {
  it("puts an ISO time of a report text in the reader's time zone (the test runs with TZ as it is)", () => {
    const iso = '2026-12-07T14:32:00.000Z';
    const now = Date.parse(iso);
    const local = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date(iso));
    expect(localizeTimes(`The change is done; users will see it by ${iso}.`, 'en', now)).toBe(
      `The change is done; users will see it by ${local}.`,
    );
  });

  it('adds the date when it is not today, and leaves other text alone', () => {
    const iso = '2026-12-08T01:00:00Z';
    const now = Date.parse('2026-12-06T12:00:00Z');
    expect(localizeTimes(`by ${iso}`, 'en', now)).toBe(
      `by ${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))}`,
    );
    expect(localizeTimes('v=spf1 include:spf.protection.outlook.com -all', 'en', now)).toBe(
      'v=spf1 include:spf.protection.outlook.com -all',
    );
  });
});
