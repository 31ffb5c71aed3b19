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
  typical: { domain: string; bytes: number; gzipBytes: number } & ReportAnatomy;
  /** Over every demo domain. */
  domains: number;
  medianBytes: number;
  maxBytes: number;
  maxDomain: string;
};

/** What the typical report's bytes are made of, to say how small it can get with nothing lost. */
export type ReportAnatomy = {
  /** The rendered text alone: every finding's verdict, impact, action and notes, the helpdesk card, the notes. */
  textBytes: number;
  /**
   * The report with every field a reader could derive dropped: the top-level msoid copy of the msoid row, record
   * hosts, references, code prefixes, severities, outcomes, expected values, services, types and requirements
   * (all from the catalogue), lookup servers and times, and lookup ids written relative to the domain. What no
   * wire format can leave out while it carries the text and the answers.
   */
  floorBytes: number;
};

type Json = Record<string, unknown>;
const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null));

/** Pure: the anatomy of one report as `GET /api/check` returned it (parsed JSON). */
export function reportAnatomy(report: Json): ReportAnatomy {
  const records = (report.records ?? []) as Json[];
  const helpdesk = report.helpdesk as Json | undefined;
  const textBytes =
    records.reduce((sum, r) => sum + size(r.text), 0) + size(helpdesk) + size(report.notes) - (helpdesk ? 0 : 4);
  const copy = structuredClone(report);
  const domain = String(copy.domain);
  const relative = (id: string) => {
    const [name = '', type = ''] = id.split(' ');
    const host = name === domain ? '@' : name.endsWith(`.${domain}`) ? name.slice(0, -domain.length - 1) : name;
    return `${host} ${type}`;
  };
  const lookups: Json = {};
  for (const [id, lookup] of Object.entries((copy.lookups ?? {}) as Record<string, Json>)) {
    delete lookup.server;
    delete lookup.elapsedMs;
    for (const attempt of (lookup.tries ?? []) as Json[]) {
      delete attempt.server;
      delete attempt.elapsedMs;
    }
    lookups[relative(id)] = lookup;
  }
  copy.lookups = lookups;
  delete copy.msoid;
  for (const r of copy.records as Json[]) {
    r.lookups = ((r.lookups ?? []) as string[]).map(relative);
    r.code = String(r.code).replace(/^records\.[^.]+\.|^msoid\./, '');
    for (const key of ['host', 'reference', 'severity', 'outcome', 'expected', 'service', 'type', 'requirement'])
      delete r[key];
  }
  return { textBytes, floorBytes: size(copy) };
}

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
      typical: {
        domain: TYPICAL_DOMAIN,
        bytes: typical.body.length,
        gzipBytes: gzipSync(typical.body).length,
        ...reportAnatomy(JSON.parse(typical.body.toString('utf8')) as Json),
      },
      domains: sizes.length,
      medianBytes: sorted[sorted.length >> 1]?.body.length ?? 0,
      maxBytes: largest.body.length,
      maxDomain: largest.domain,
    };
  });
}
