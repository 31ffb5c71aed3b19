/**
 * Report size: the bytes of `GET /api/check` for every demo domain (lab/fixtures.ts, served by the demo's own DNS
 * server so the answers are the demo's), in English, raw and gzip. The figure the report-shape work aims at is
 * `healthy-ww.test`: a worldwide tenant with the full record set, as the API returns it.
 */
import { gzipSync } from 'node:zlib';
import { withDemoApp } from '../e2e/support/demo-app';
import { FIXTURES } from '../lab/fixtures';

export const TYPICAL_DOMAIN = 'healthy-ww.test';

export type ReportSizes = {
  typical: { domain: string; bytes: number; gzipBytes: number };
  /** Over every demo domain. */
  domains: number;
  medianBytes: number;
  maxBytes: number;
  maxDomain: string;
};

/** Reads every demo domain's report from the build of the repository at the working directory. */
export async function reportSizes(): Promise<ReportSizes> {
  const env = {
    DNS_CACHE: '0',
    RATE_LIMIT_REQUESTS: '100000',
    RATE_LIMIT_DOMAINS: '1000000',
    MAX_NAMES_PER_REGISTRABLE: '1000',
  };
  return withDemoApp(env, async (app) => {
    const sizes: Array<{ domain: string; body: Buffer }> = [];
    for (const domain of new Set([TYPICAL_DOMAIN, ...FIXTURES.map((f) => f.domain)])) {
      const response = await fetch(`${app.url}/api/check?${new URLSearchParams({ domain, lang: 'en' })}`);
      if (!response.ok) throw new Error(`GET /api/check?domain=${domain}: ${response.status}`);
      sizes.push({ domain, body: Buffer.from(await response.arrayBuffer()) });
    }
    const typical = sizes.find((s) => s.domain === TYPICAL_DOMAIN);
    if (!typical) throw new Error(`no report for ${TYPICAL_DOMAIN}`);
    const sorted = [...sizes].sort((a, b) => a.body.length - b.body.length);
    const largest = sorted.at(-1) ?? typical;
    return {
      typical: { domain: TYPICAL_DOMAIN, bytes: typical.body.length, gzipBytes: gzipSync(typical.body).length },
      domains: sizes.length,
      medianBytes: sorted[sorted.length >> 1]?.body.length ?? 0,
      maxBytes: largest.body.length,
      maxDomain: largest.domain,
    };
  });
}
