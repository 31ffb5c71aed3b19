/**
 * What the detail page `/d/<domain>` shows, decided on the server: sign in first, a plain message for an address
 * that is not a domain, the rate limit, or the report (checked here, charged to the caller as the API would be).
 * A page another site opened (a link in a ticket, a chat, a web mail) checks nothing: it names the domain and
 * offers a button that asks for the same page from this site. Server components only.
 */
import 'server-only';
import { headers } from 'next/headers';
import { readServices, servicesParam, toOverride } from '@/lib/input/services';
import { parseOneDomainIn } from '@/lib/report/domain-list';
import { renderResult } from '@/lib/report/render';
import { CloudChoice, type InvalidEntry, type Report } from '@/lib/schema';
import { accessIdentity, checkAccess, safeNextPath } from '@/lib/server/access';
import { getConfig } from '@/lib/server/env';
import { tenantValuesFor } from '@/lib/server/graph/tenant';
import { capToNamesWindow } from '@/lib/server/http/domain-input';
import { fromOtherSite } from '@/lib/server/http/errors';
import { chargePageCheck, chargePageRender } from '@/lib/server/http/page-limit';
import { clientKey } from '@/lib/server/rate-limit';
import { getRunEngine } from '@/lib/server/runs/engine';
import { resultOf } from '@/lib/server/runs/stored-result';
import { encodeShareState } from '@/lib/share/url-state';

export type Query = Readonly<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The `[domain]` segment as typed (Next may hand it over still percent-encoded). */
function segmentText(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The segment as the one domain to check, or why it cannot be (`invalid` absent: nothing usable at all). */
export function detailTarget(segment: string, lang: string) {
  const config = getConfig();
  const options = { allowTestDomains: config.allowTestDomains, maxLineLength: config.maxLineLength };
  return parseOneDomainIn(segmentText(segment).slice(0, config.maxLineLength * 2), options, lang);
}

export type DetailData =
  | { kind: 'signin'; location: string }
  | { kind: 'not-found' }
  | { kind: 'invalid'; invalid: InvalidEntry }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  /**
   * Another site opened the page: nothing was checked. `action` and `fields` are the GET form of the "Check now"
   * button: the same page, asked for from this site (the query without `fresh`).
   */
  | { kind: 'confirm'; display: string; action: string; fields: Array<[string, string]> }
  | {
      kind: 'report';
      report: Report;
      recheckHref: string;
      dashboardHref: string;
      /** The report is the result stored with this bulk run (`?run=<id>`), not a check made for this page. */
      fromRun?: { id: string; href: string };
      /** `?run=<id>` named a run that is no longer kept (or never held the domain): this report is a fresh check. */
      runGone?: boolean;
    };

/** Decides what `/d/<segment>?<query>` shows in `lang`, checking the domain when it shows the report. */
export async function loadDetail(segment: string, query: Query, lang: string): Promise<DetailData> {
  const config = getConfig();
  const asRequest = new Request('http://localhost/', { headers: await headers() });
  const access = config.accessToken === null ? null : checkAccess(asRequest, config);
  if (access !== null && !access.ok) {
    const back = new URLSearchParams();
    for (const name of ['cloud', 's', 'services', 'lang']) {
      const value = first(query[name]);
      if (value !== undefined) back.set(name, value);
    }
    const next = safeNextPath(`/d/${encodeURIComponent(segmentText(segment))}?${back.toString()}`);
    return { kind: 'signin', location: `/signin?${new URLSearchParams({ next }).toString()}` };
  }
  const one = detailTarget(segment, lang);
  if (!one.ok) return one.invalid ? { kind: 'invalid', invalid: one.invalid } : { kind: 'not-found' };
  const target = one.domain;
  const cloudParam = CloudChoice.safeParse(first(query.cloud) ?? 'auto');
  const cloud = cloudParam.success ? cloudParam.data : 'auto';
  const services = readServices(first(query.s) ?? first(query.services));
  // A run's stored result is read, not checked: no DNS question is asked for it, from any site.
  const stored = await storedDetail(
    first(query.run),
    target.ascii,
    lang,
    asRequest,
    access ? accessIdentity(access) : null,
  );
  if (stored !== null && stored !== 'gone') return stored;
  if (fromOtherSite(asRequest.headers)) {
    const fields: Array<[string, string]> = [
      ['cloud', cloud],
      ['lang', lang],
    ];
    const servicesSet = servicesParam(services);
    if (servicesSet) fields.push(['s', servicesSet]);
    return { kind: 'confirm', display: target.display, action: `/d/${encodeURIComponent(target.ascii)}`, fields };
  }
  // The page runs a real check, so it is charged to the same per-client limits as the API, the client's names
  // per registrable domain included.
  const identity = access ? accessIdentity(access) : null;
  const single = { domains: [target], invalid: [], duplicates: [], overLimit: null };
  const windowed = capToNamesWindow(single, clientKey(asRequest, config, identity), config, lang, 1);
  const capped = windowed.list.invalid[0];
  if (capped) return { kind: 'invalid', invalid: capped };
  windowed.commit();
  const limited = await chargePageCheck(asRequest, config, identity);
  if (limited) return { kind: 'rate-limited', retryAfterSeconds: limited.retryAfterSeconds };
  const fresh = Boolean(first(query.fresh));
  // The signed-in user's tenant's own records, asked before the check (issue 18 item 4).
  const tenant = await tenantValuesFor(asRequest, target.ascii, config);
  const report = await getRunEngine().checkSingle(target, {
    cloud,
    lang,
    services: toOverride(services),
    fresh,
    ...(tenant ? { tenant } : {}),
  });
  const keep = new URLSearchParams({ cloud, lang });
  const servicesText = servicesParam(services);
  if (servicesText) keep.set('s', servicesText);
  const recheck = new URLSearchParams(keep);
  recheck.set('fresh', String(Date.now()));
  return {
    kind: 'report',
    report,
    recheckHref: `/d/${encodeURIComponent(target.ascii)}?${recheck.toString()}`,
    dashboardHref: `/?${encodeShareState({ domains: [target.ascii], cloud, services })}&lang=${lang}`,
    ...(stored === 'gone' ? { runGone: true } : {}),
  };
}

// --- A bulk run's stored result (`/d/<domain>?run=<id>`, the "Full report" of a run row) ---------------------------

/** A run id as the server makes them (22 base64url characters). */
const RUN_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * The result run `runId` stored for `domain`, rendered in the reader's language, with its own checked-at time: what
 * the row showed, not a fresh check that could disagree with it. The run id is a read capability (as for
 * GET /api/runs/<id>); reading charges one request, no domain. Null without a run id; 'gone' when the run is no
 * longer kept or holds no result for the domain (the page then checks the domain as without `run`, and says so). Its
 * Re-check checks the domain now.
 */
async function storedDetail(
  runId: string | undefined,
  domain: string,
  lang: string,
  request: Request,
  identity: string | null,
): Promise<DetailData | 'gone' | null> {
  if (runId === undefined || runId === '') return null;
  if (!RUN_ID.test(runId)) return 'gone';
  const { store } = getRunEngine();
  const lookup = await store.get(runId);
  if (!('found' in lookup)) return 'gone';
  const run = lookup.found;
  const kept = await store.resultFor(runId, domain);
  if (!kept) return 'gone';
  const limited = await chargePageRender(request, getConfig(), identity);
  if (limited) return { kind: 'rate-limited', retryAfterSeconds: limited.retryAfterSeconds };
  const report = renderResult(resultOf(kept), lang);
  const keep = new URLSearchParams({ cloud: run.cloud, lang });
  const recheck = new URLSearchParams(keep);
  recheck.set('fresh', String(Date.now()));
  return {
    kind: 'report',
    report,
    recheckHref: `/d/${encodeURIComponent(domain)}?${recheck.toString()}`,
    dashboardHref: `/?${encodeShareState({ domains: [domain], cloud: run.cloud })}&lang=${lang}`,
    fromRun: { id: runId, href: `/bulk?run=${encodeURIComponent(runId)}&lang=${lang}` },
  };
}
