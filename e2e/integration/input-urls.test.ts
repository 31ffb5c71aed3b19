/**
 * Pasted web and e-mail addresses against the production build and the real DNS lab (issue 15 item 1): an address
 * stands for the domain an organisation adds to Microsoft 365, so `https://www.ok-21v.test/` (a healthy 21Vianet
 * domain whose `www` is a CNAME to the apex) is checked as `ok-21v.test` with the bare name's verdict, with a note that says
 * which name was checked from what; the report, the run's stored result and the CSV export carry what was entered.
 * A bare `www.` name is still checked as entered (a subdomain, with its note).
 */
import { describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../lib/bulk/csv-export';
import { catalogueFor, formatMessage } from '../../lib/messages';
import { type Report, RunCreated, RunSummary } from '../../lib/schema';
import { get, parseNdjson, post } from '../support/http';

const appUrl = inject('appUrl');
const URL_OF_HEALTHY = 'https://www.ok-21v.test/';

function reportsOf(text: string): Report[] {
  return parseNdjson(text).flatMap((line) => (line.type === 'report' ? [line] : []));
}

/** The note a report carries for a name taken out of an address, in `lang`. */
function addressNote(domain: string, entered: string, lang = 'en'): string {
  return formatMessage(catalogueFor(lang), 'input.note.address', { domain, entered });
}

describe('a pasted web address is checked as its domain', () => {
  it('POST /api/check: https://www.ok-21v.test/ is ok-21v.test, msoid ok, as healthy as the bare name, with the note', async () => {
    const result = await post(appUrl, '/api/check', { domains: URL_OF_HEALTHY, cloud: 'auto', lang: 'en' });
    expect(result.status, result.text.slice(0, 500)).toBe(200);
    const [report, ...rest] = reportsOf(result.text);
    expect(rest).toEqual([]);
    expect(report?.domain).toBe('ok-21v.test');
    expect(report?.isSubdomain).toBe(false);
    expect(report?.summary.health).not.toBe('broken');
    expect(report?.msoid.status).toBe('ok');
    expect(report?.msoid.name).toBe('msoid.ok-21v.test');
    // The same verdict and fixes as the domain entered bare: nothing to add at msoid.www or autodiscover.www.
    const bare = reportsOf((await post(appUrl, '/api/check', { domains: 'ok-21v.test', cloud: 'auto' })).text)[0];
    expect(report?.summary).toEqual(bare?.summary);
    expect(report?.fixes).toEqual(bare?.fixes);
    expect(JSON.stringify(report?.fixes)).not.toContain('www');
    expect(report?.entered).toBe(URL_OF_HEALTHY);
    expect(report?.notes).toContain(addressNote('ok-21v.test', URL_OF_HEALTHY));
  });

  it('GET /api/check?domain=<url> reads the address the same way, and the note is in the asked language', async () => {
    const result = await get(
      appUrl,
      `/api/check?${new URLSearchParams({ domain: URL_OF_HEALTHY, cloud: 'auto', lang: 'zh-CN' })}`,
    );
    expect(result.status, result.text.slice(0, 500)).toBe(200);
    const report = result.json as Report;
    expect(report.domain).toBe('ok-21v.test');
    expect(report.msoid.status).toBe('ok');
    expect(report.summary.health).not.toBe('broken');
    expect(report.entered).toBe(URL_OF_HEALTHY);
    expect(report.notes).toContain(addressNote('ok-21v.test', URL_OF_HEALTHY, 'zh-CN'));
  });

  it('an e-mail address is its domain; a bare www name stays a subdomain with the subdomain note', async () => {
    const result = await post(appUrl, '/api/check', {
      domains: 'admin@ok-ww.test\nwww.ok-21v.test',
      cloud: 'auto',
      lang: 'en',
    });
    expect(result.status, result.text.slice(0, 500)).toBe(200);
    const reports = reportsOf(result.text);
    const mail = reports.find((r) => r.domain === 'ok-ww.test');
    expect(mail?.entered).toBe('admin@ok-ww.test');
    expect(mail?.notes).toContain(addressNote('ok-ww.test', 'admin@ok-ww.test'));
    const bare = reports.find((r) => r.domain === 'www.ok-21v.test');
    expect(bare?.isSubdomain).toBe(true);
    expect(bare?.entered).toBeUndefined();
    expect(bare?.notes).toContain(
      formatMessage(catalogueFor('en'), 'input.note.subdomain', {
        domain: 'www.ok-21v.test',
        registrable: 'ok-21v.test',
      }),
    );
  });
});

describe('a run keeps what was entered beside what was checked', () => {
  it('POST /api/runs with a URL: the stored result and the CSV export carry the entered address', async () => {
    const created = await post(appUrl, '/api/runs', { domains: [URL_OF_HEALTHY, 'ok-ww.test'], cloud: 'auto' });
    expect(created.status, created.text.slice(0, 500)).toBe(201);
    const { id } = RunCreated.parse(created.json);
    let summary: RunSummary | undefined;
    for (let i = 0; i < 200; i += 1) {
      const read = await get(appUrl, `/api/runs/${id}?from=0`);
      summary = RunSummary.parse(read.json);
      if (summary.status === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(summary?.status).toBe('done');
    expect(summary?.domains).toEqual(['ok-21v.test', 'ok-ww.test']);
    const fromUrl = summary?.results.find((r) => r.domain === 'ok-21v.test');
    expect(fromUrl?.msoid.status).toBe('ok');
    expect(fromUrl?.summary.health).not.toBe('broken');
    expect(fromUrl?.entered).toBe(URL_OF_HEALTHY);
    expect(summary?.results.find((r) => r.domain === 'ok-ww.test')?.entered).toBeUndefined();

    const exported = await get(appUrl, `/api/runs/${id}/export?format=csv`);
    expect(exported.status).toBe(200);
    const [header, ...rows] = parseCsv(exported.text);
    const domainAt = header?.indexOf('domain') ?? -1;
    const enteredAt = header?.indexOf('entered') ?? -1;
    expect(enteredAt).toBeGreaterThanOrEqual(0);
    const entered = new Map(rows.map((row) => [row[domainAt], row[enteredAt]]));
    expect(entered.get('ok-21v.test')).toBe(URL_OF_HEALTHY);
    // A name entered as itself: the column holds that name.
    expect(entered.get('ok-ww.test')).toBe('ok-ww.test');
  });
});
