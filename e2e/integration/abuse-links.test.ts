/**
 * Links as an attack (an outside security test): (A) a 5 KB share link made the server decompress 4,000,000
 * characters and render them twice (8 MB of HTML per request); (B) a page or image on another site could make a
 * visitor's browser run checks (`GET /api/check`, `/d/<domain>`, `fresh=1` included) on this server's budget.
 * Against the production build: share links are read within the server's input limits, entries longer than a
 * line are left out, decoding a list costs a rate-limit point, requests from other sites run no DNS work.
 */
import { compressToEncodedURIComponent } from 'lz-string';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeTranslator } from '../../lib/client/translator';
import { ApiError, InputPolicy, Report } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get } from '../support/http';

const appUrl = inject('appUrl');
const resolver = inject('resolver');

type Page = { status: number; html: string };

/** GETs a page (or route) as a browser would, with `headers` (Sec-Fetch-Site, a client address…). */
async function open(base: string, path: string, headers: Record<string, string> = {}): Promise<Page> {
  const response = await fetch(new URL(path, base), {
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, html: await response.text() };
}

async function dnsSent(base: string): Promise<number> {
  return ((await get(base, '/api/health')).json as { dns: { sent: number } }).dns.sent;
}

const has = (page: Page, testId: string) => page.html.includes(`data-testid="${testId}"`);
/** The list in the page's text box as the server rendered it (the address itself is in the page's data too). */
const textBox = (page: Page): string[] =>
  (/<textarea[^>]*>([^<]*)<\/textarea>/.exec(page.html)?.[1] ?? '').split('\n').filter((line) => line !== '');
const CROSS_SITE = { 'sec-fetch-site': 'cross-site' };

describe('A. a share link is read within the limits of the list it could be', () => {
  /** The reported link: one "domain" of 4,000,000 characters, compressed into under 5 KB. */
  const giant = compressToEncodedURIComponent(`${'a'.repeat(3_999_996)}.com`);

  it.each(['/', '/bulk'])(
    '%s: the 5 KB link of a 4,000,000-character entry renders a small page that says so',
    async (path) => {
      expect(giant.length).toBeLessThan(5_000);
      const page = await open(appUrl, `${path}?z=${giant}&cloud=auto`);
      expect(page.status).toBe(200);
      // Before: 8 MB (the entry in the text box and again in the page's data).
      expect(page.html.length).toBeLessThan(300_000);
      expect(page.html.includes('a'.repeat(1025))).toBe(false);
      expect(has(page, 'share-notice-over-limit')).toBe(true);
    },
  );

  it('an entry longer than a line (MAX_LINE_LENGTH) is left out with a short note; the domains stay', async () => {
    const z = compressToEncodedURIComponent(`ok-21v.test,${'b'.repeat(5000)}.com,ok-ww.test`);
    for (const path of ['/', '/bulk']) {
      const page = await open(appUrl, `${path}?z=${z}`);
      expect(page.status).toBe(200);
      expect(textBox(page)).toEqual(['ok-21v.test', 'ok-ww.test']);
      expect(page.html.includes('b'.repeat(1025))).toBe(false);
      expect(has(page, 'share-notice-long-entries')).toBe(true);
      expect(page.html.includes(makeTranslator('en').tp('ui.share.longEntries', 1, { max: '1,024' }))).toBe(true);
    }
  });

  it('POST /open (Check before the scripts ran) keeps a long line in the link, so the page says it left it out', async () => {
    const response = await fetch(new URL('/open', appUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ d: `ok-21v.test\n${'e'.repeat(2000)}.com`, lang: 'en' }).toString(),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    const page = await open(appUrl, response.headers.get('location') ?? '');
    expect(textBox(page)).toEqual(['ok-21v.test']);
    expect(has(page, 'share-notice-long-entries')).toBe(true);
  });

  describe('with small input limits and per-client rate limits', () => {
    let app: App | undefined;
    beforeAll(async () => {
      app = await startApp({
        ...appEnv(resolver),
        MAX_LINES_PER_REQUEST: '100',
        MAX_LINE_LENGTH: '64',
        MAX_BODY_BYTES: '2048',
        MAX_DOMAINS_PER_RUN: '5',
        TRUST_PROXY_HEADER: 'x-forwarded-for',
        RATE_LIMIT_REQUESTS: '3',
      });
    });
    afterAll(async () => {
      await app?.stop();
    });

    let client = 0;
    /** Headers of a client of its own (its own rate-limit budget). */
    const newClient = () => ({ 'x-forwarded-for': `198.51.100.${++client}` });

    it('the longest list restored is the server’s: MAX_LINES_PER_REQUEST × (MAX_LINE_LENGTH + 1), at most a body', async () => {
      const policy = InputPolicy.parse((await get(app!.url, '/api/policy')).json);
      const bound = Math.min(policy.maxLines * (policy.maxLineLength + 1), policy.maxBodyBytes);
      expect(bound).toBe(2048);
      // 91 entries of 21 characters and a last one of 46 (at most a line), with commas: exactly the bound.
      const atBound = Array.from({ length: 91 }, (_, i) => `n${String(i).padStart(4, '0')}-abcdefghij.test`);
      atBound.push(`${'c'.repeat(41)}.test`);
      const text = atBound.join(',');
      expect(text.length).toBe(bound);
      for (const path of ['/', '/bulk']) {
        const fits = await open(app!.url, `${path}?z=${compressToEncodedURIComponent(text)}`, newClient());
        expect(fits.status).toBe(200);
        expect(textBox(fits)).toEqual(atBound);
        expect(has(fits, 'share-notices')).toBe(false);
        const over = await open(app!.url, `${path}?z=${compressToEncodedURIComponent(`${text}c`)}`, newClient());
        expect(over.status).toBe(200);
        expect(textBox(over)).toEqual([]);
        expect(has(over, 'share-notice-over-limit')).toBe(true);
      }
    });

    it('a page that decodes a list takes a rate-limit point; past the limit it renders without the list, never 5xx', async () => {
      const me = newClient();
      // A page without a list costs nothing.
      for (let i = 0; i < 5; i++) expect(has(await open(app!.url, '/', me), 'share-notice-rate-limited')).toBe(false);
      for (let i = 0; i < 3; i++) {
        const page = await open(app!.url, i === 1 ? '/bulk?d=ok-21v.test' : '/?d=ok-21v.test', me);
        expect(page.status).toBe(200);
        expect(textBox(page)).toEqual(['ok-21v.test']);
      }
      for (const path of ['/?d=ok-21v.test', `/?z=${giant}`, '/bulk?d=ok-21v.test']) {
        const limited = await open(app!.url, path, me);
        expect(limited.status, path).toBe(200);
        expect(textBox(limited), path).toEqual([]);
        expect(has(limited, 'share-notice-rate-limited'), path).toBe(true);
        expect(limited.html.length, path).toBeLessThan(300_000);
      }
      // The same budget as the API's, per client.
      expect((await get(app!.url, '/api/check?domain=ok-21v.test', { headers: me })).status).toBe(429);
      expect(textBox(await open(app!.url, '/?d=ok-21v.test', newClient()))).toEqual(['ok-21v.test']);
    });

    it('a refused cross-site GET /api/check spends none of the client’s budget', async () => {
      const me = newClient();
      for (let i = 0; i < 6; i++) {
        const refused = await get(app!.url, '/api/check?domain=ok-21v.test', { headers: { ...me, ...CROSS_SITE } });
        expect(refused.status).toBe(403);
      }
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await get(app!.url, '/api/check?domain=ok-21v.test', { headers: me })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    });
  });
});

describe('B. a request from another site runs no DNS work', () => {
  const refused: Array<[string, Record<string, string>]> = [
    ['Sec-Fetch-Site: cross-site', CROSS_SITE],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
    ['a cross-site Origin', { origin: 'https://evil.example' }],
  ];
  it.each(refused)(
    'GET /api/check with %s (fresh=1 too): 403 forbidden-origin, no query sent',
    async (_label, headers) => {
      const before = await dnsSent(appUrl);
      for (const query of ['domain=ok-21v.test', 'domain=ok-ww.test&fresh=1']) {
        const result = await get(appUrl, `/api/check?${query}`, { headers });
        expect(result.status, result.text.slice(0, 200)).toBe(403);
        expect(ApiError.parse(result.json).code).toBe('forbidden-origin');
      }
      expect(await dnsSent(appUrl)).toBe(before);
    },
  );

  const accepted: Array<[string, Record<string, string>]> = [
    ['a script (no header)', {}],
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['Sec-Fetch-Site: none (the address bar)', { 'sec-fetch-site': 'none' }],
  ];
  it.each(accepted)('GET /api/check from %s is checked', async (_label, headers) => {
    const result = await get(appUrl, '/api/check?domain=ok-21v.test', { headers });
    expect(result.status).toBe(200);
    expect(Report.parse(result.json).msoid.status).toBe('ok');
  });

  it('/d/<domain> opened from another site: 200, the domain and Check now, no query; the button’s page checks', async () => {
    const before = await dnsSent(appUrl);
    const shell = await open(appUrl, '/d/ok-ww.test?cloud=gcc&s=mail:on&lang=en&fresh=1', CROSS_SITE);
    expect(shell.status).toBe(200);
    expect(has(shell, 'detail-confirm')).toBe(true);
    expect(has(shell, 'detail-report')).toBe(false);
    expect(shell.html.includes(makeTranslator('en').t('ui.detail.checkNow'))).toBe(true);
    expect(shell.html.includes('ok-ww.test')).toBe(true);
    expect(await dnsSent(appUrl), 'no DNS query for a page another site opened').toBe(before);

    // "Check now" is a GET form: the same page, asked for from this site (without fresh).
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(shell.html);
    expect(form?.[1]).toBe('/d/ok-ww.test');
    const fields = new URLSearchParams(
      [...(form?.[2] ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(
        (m) => [m[1], m[2]] as [string, string],
      ),
    );
    expect(Object.fromEntries(fields)).toEqual({ cloud: 'gcc', lang: 'en', s: 'mail:on' });
    const report = await open(appUrl, `${form?.[1]}?${fields}`, { 'sec-fetch-site': 'same-origin' });
    expect(report.status).toBe(200);
    expect(has(report, 'detail-report')).toBe(true);
  });

  it('/d/<domain>: same-site is another site too; the address bar (none) and scripts get the report', async () => {
    const sameSite = await open(appUrl, '/d/ok-21v.test?lang=zh-CN', { 'sec-fetch-site': 'same-site' });
    expect(has(sameSite, 'detail-confirm')).toBe(true);
    expect(sameSite.html.includes(makeTranslator('zh-CN').t('ui.detail.checkNow'))).toBe(true);
    const own: Array<Record<string, string>> = [{ 'sec-fetch-site': 'none' }, {}];
    for (const headers of own) {
      const page = await open(appUrl, '/d/ok-21v.test?lang=en', headers);
      expect(page.status).toBe(200);
      expect(has(page, 'detail-report')).toBe(true);
    }
  });

  it('the dashboard and the bulk page opened from another site show the list and say nothing ran yet', async () => {
    for (const path of ['/?d=ok-21v.test', '/bulk?d=ok-21v.test']) {
      const crossSite = await open(appUrl, path, CROSS_SITE);
      expect(crossSite.status).toBe(200);
      expect(textBox(crossSite)).toEqual(['ok-21v.test']);
      expect(has(crossSite, 'share-notice-cross-site'), path).toBe(true);
      const own = await open(appUrl, path, { 'sec-fetch-site': 'same-origin' });
      expect(has(own, 'share-notice-cross-site'), path).toBe(false);
    }
  });
});
