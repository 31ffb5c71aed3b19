/**
 * A big paste is read without rendering the page per slice (issue 15 items 7 and 9, the 5 MB paste's longest
 * frame): while the list is read, the page does not render its text box again (React reads a controlled text
 * box's value and defaultValue back from the DOM on each render: megabytes each time), and React does not commit
 * per per cent (each commit reads the focused box's selectionStart and selectionEnd, which Chromium counts line by
 * line from the box's start). The "Reading… N %" text still moves. Counted, not timed: the frame times are
 * `npm run bench -- --parts paste` (docs/performance.md).
 */
import { expect, type Page, test } from '@playwright/test';
import { pastedText } from '../support/pasted-text';

test.describe.configure({ timeout: 300_000 });

/**
 * From the next page load on, counts the reads of a text box's `selectionStart`/`selectionEnd` and `defaultValue`
 * made while the page says it is reading a list, and every per cent text shown meanwhile.
 */
async function countReads(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const reading = () => document.querySelector('[data-reading="true"]') !== null;
    const seen = { selection: 0, defaultValue: 0, texts: [] as string[] };
    (window as unknown as { reads_: typeof seen }).reads_ = seen;
    const proto = HTMLTextAreaElement.prototype;
    for (const [name, key] of [
      ['selectionStart', 'selection'],
      ['selectionEnd', 'selection'],
      ['defaultValue', 'defaultValue'],
    ] as const) {
      const own = Object.getOwnPropertyDescriptor(proto, name);
      if (!own?.get) continue;
      const get = own.get;
      Object.defineProperty(proto, name, {
        ...own,
        get(this: HTMLTextAreaElement) {
          if (reading()) seen[key] += 1;
          return get.call(this);
        },
      });
    }
    new MutationObserver(() => {
      const text = document.querySelector('[data-reading="true"]')?.textContent ?? '';
      if (text !== '' && seen.texts.at(-1) !== text) seen.texts.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

async function reads(page: Page): Promise<{ selection: number; defaultValue: number; texts: string[] }> {
  return page.evaluate(() => (window as unknown as { reads_: never }).reads_);
}

/** Pastes as a paste does (the value, then one input event), the box focused with the caret at the end. */
async function paste(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.locator(selector).evaluate((box, value) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(box, value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

const PAGES = [
  { path: '/?lang=en', box: 'textarea[name="d"]', ready: 'ready-count', result: 'open-in-bulk' },
  { path: '/bulk?lang=en', box: '#bulk-domains', ready: 'bulk-list-counts', result: 'bulk-over-limit' },
];

for (const where of PAGES) {
  test(`${where.path}: reading a 2 MB paste renders neither the text box nor the page per per cent`, async ({
    page,
  }) => {
    await countReads(page);
    await page.goto(where.path);
    // The validation loads on first use.
    await page.locator(where.box).fill('contoso.test');
    await expect(page.getByTestId(where.ready)).toContainText('1');
    await paste(page, where.box, pastedText(2_000_000).text);
    await expect(page.getByTestId(where.result)).toBeVisible({ timeout: 240_000 });
    const seen = await reads(page);
    // The per cent moved while the list was read…
    expect(seen.texts.length).toBeGreaterThanOrEqual(3);
    // …yet the text box was rendered again at most once, by the commit that shows the result (it marks the box
    // invalid); before, once per per cent, one read each…
    expect(seen.defaultValue).toBeLessThanOrEqual(1);
    // …and React committed a handful of times, not once per per cent (two reads per commit: 60 and more before).
    expect(seen.selection).toBeLessThanOrEqual(8);
  });
}
