/**
 * `npx tsx scripts/golden.ts <dir>`: what a user sees of every demo domain, written to `<dir>` so two builds can
 * be compared with `diff -r` (a change to the report's shape must not change what any view shows). Against the
 * demo's DNS server (authoritative, no caching resolver, so TTLs are stable) and the production build, with our
 * answer cache off; for each fixture domain, in English and Chinese:
 * - `detail/<lang>/<domain>.txt`: the text of /d/<domain> as the screen shows it;
 * - `print/<lang>/<domain>.txt`: the same page's text in print media;
 * and one bulk run of every domain per language, exported:
 * - `csv/<lang>.csv`: GET /api/runs/:id/export (the CSV both the server and the bulk page write), rows sorted;
 * - `bulk/<lang>.txt`: the /bulk result link's table text, every row shown, rows sorted.
 * Volatile parts are masked: times, elapsed milliseconds, random probe labels and the server's port.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { App } from '../e2e/support/app';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium';
import { runScript, withDemoApp } from '../e2e/support/demo-app';
import { FIXTURES } from '../lab/fixtures';

const LANGS = ['en', 'zh-CN'] as const;

/** Masks what differs between two runs of the same build. */
export function mask(text: string): string {
  return text
    .replace(/_m365dh-[0-9a-f]{10}/g, '_m365dh-PROBE')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'ISO-TIME')
    .replace(/(\t\d+)\t[\d,]+(\t(?:no|yes|否|是))$/gm, '$1\tMS$2')
    .replace(/\d+(\s?)(ms|毫秒)\b/g, 'N$1$2')
    .replace(/\d+(\s?)毫秒/g, 'N$1毫秒');
}

async function pageText(page: Page, media: 'screen' | 'print'): Promise<string> {
  await page.emulateMedia({ media });
  return page.evaluate(() => {
    for (const time of document.querySelectorAll('time')) time.textContent = 'TIME';
    // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out (screen vs print) is the point
    return document.body.innerText;
  });
}

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: tsx scripts/golden.ts <output dir>');
  const env = {
    DNS_TIMEOUT_MS: '800',
    DNS_TRIES: '2',
    DNS_CACHE: '0',
    RATE_LIMIT_REQUESTS: '100000',
    RATE_LIMIT_DOMAINS: '1000000',
    MAX_NAMES_PER_REGISTRABLE: '1000',
  };
  await withDemoApp(env, (app) => capture(app, out));
}

/** Writes every view of every demo domain, from `app`, to `out`. */
async function capture(app: App, out: string): Promise<void> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const context = await browser.newContext({
      timezoneId: 'UTC',
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const domains = FIXTURES.map((f) => f.domain);
    for (const lang of LANGS) {
      for (const kind of ['detail', 'print']) mkdirSync(join(out, kind, lang), { recursive: true });
      for (const domain of domains) {
        await page.goto(`${app.url}/d/${domain}?cloud=auto&lang=${lang}`);
        await page.locator('[data-testid="detail-report"], [data-testid="detail-invalid"]').first().waitFor();
        writeFileSync(join(out, 'detail', lang, `${domain}.txt`), mask(await pageText(page, 'screen')));
        writeFileSync(join(out, 'print', lang, `${domain}.txt`), mask(await pageText(page, 'print')));
      }
      // One run of every domain: its CSV export and the bulk table of its result link.
      const created = await fetch(`${app.url}/api/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ domains, cloud: 'auto', lang }),
      });
      const run = (await created.json()) as { id: string };
      for (;;) {
        const summary = (await (await fetch(`${app.url}/api/runs/${run.id}?from=0&limit=0`)).json()) as {
          status: string;
          pending: number;
        };
        if (summary.status === 'done' && summary.pending === 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const csv = await (await fetch(`${app.url}/api/runs/${run.id}/export?format=csv`)).text();
      const [header, ...rows] = csv.split('\r\n');
      mkdirSync(join(out, 'csv'), { recursive: true });
      writeFileSync(join(out, 'csv', `${lang}.csv`), mask([header, ...rows.sort()].join('\r\n')));
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${app.url}/bulk?run=${run.id}&lang=${lang}`);
      await page.getByTestId('bulk-row').first().waitFor();
      await page.getByTestId('bulk-page-size').selectOption('all');
      const table = await page.evaluate(() => {
        for (const time of document.querySelectorAll('time')) time.textContent = 'TIME';
        const rows = [...document.querySelectorAll('[data-testid="bulk-row"]')].map(
          // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out is the point
          (r) => (r as HTMLElement).innerText,
        );
        return rows.sort().join('\n----\n');
      });
      mkdirSync(join(out, 'bulk'), { recursive: true });
      writeFileSync(join(out, 'bulk', `${lang}.txt`), mask(table));
    }
    console.log(`golden: ${domains.length} domains × ${LANGS.length} languages written to ${out}`);
  } finally {
    await browser.close();
  }
}

runScript(main);
