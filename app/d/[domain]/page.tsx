import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { DetailReport } from '@/components/detail/detail-report';
import { DnsText } from '@/components/ui/dns-text';
import { toOverride } from '@/lib/client/services';
import { makeTranslator } from '@/lib/client/translator';
import { parseDomainList } from '@/lib/report/domain-list';
import { CloudChoice } from '@/lib/schema';
import { checkAccess, safeNextPath } from '@/lib/server/access';
import { getConfig } from '@/lib/server/env';
import { chargePageCheck } from '@/lib/server/page-limit';
import { inputPolicy } from '@/lib/server/policy';
import { requestLanguage } from '@/lib/server/request-language';
import { getRunEngine } from '@/lib/server/runs/engine';
import { decodeServices, encodeServices, encodeShareState } from '@/lib/share/url-state';

type Query = Readonly<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The `[domain]` segment as typed (Next may hand it over still percent-encoded). */
function segmentText(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The segment normalised with the server's input policy: the one domain to check, or why it cannot be. */
function parseTarget(raw: string, lang: string) {
  const policy = inputPolicy();
  const list = parseDomainList(segmentText(raw).slice(0, policy.maxLineLength * 2), {
    allowTestDomains: policy.allowTestDomains,
    maxLineLength: policy.maxLineLength,
    maxDomains: 1,
    lang,
  });
  const target = list.domains.length === 1 ? list.domains[0] : undefined;
  return { target, invalid: list.invalid[0] };
}

/** The tab (and printed page) title names the domain. */
export async function generateMetadata(props: PageProps<'/d/[domain]'>): Promise<Metadata> {
  const { domain } = await props.params;
  const lang = await requestLanguage(first((await props.searchParams).lang));
  const { t } = makeTranslator(lang);
  const { target } = parseTarget(domain, lang);
  return { title: target ? t('ui.detail.title', { domain: target.display }) : t('ui.detail.notFoundHeading') };
}

/**
 * `/d/<domain>?cloud=<c>&s=<services>&lang=<l>[&fresh=…]`: one domain's full, printable report, checked on the
 * server (first paint is the whole report; nothing needs hydrating to print). Access control as for the API:
 * without a valid session the page sends the reader to /signin. An unusable domain gets a plain message.
 */
export default async function DetailPage(props: PageProps<'/d/[domain]'>) {
  const [{ domain }, query] = await Promise.all([props.params, props.searchParams as Promise<Query>]);
  const lang = await requestLanguage(first(query.lang));
  const { t } = makeTranslator(lang);

  const requestHeaders = await headers();
  const config = getConfig();
  const token = config.accessToken;
  const asRequest = new Request('http://localhost/', { headers: requestHeaders });
  const access = token === null ? null : checkAccess(asRequest, token);
  if (access !== null && !access.ok) {
    const back = new URLSearchParams();
    for (const name of ['cloud', 's', 'services', 'lang']) {
      const value = first(query[name]);
      if (value !== undefined) back.set(name, value);
    }
    const next = safeNextPath(`/d/${encodeURIComponent(segmentText(domain))}?${back.toString()}`);
    redirect(`/signin?${new URLSearchParams({ next }).toString()}`);
  }

  const { target, invalid } = parseTarget(domain, lang);
  if (!target) {
    if (!invalid) notFound();
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-16">
        <div
          role="alert"
          data-testid="detail-invalid"
          className="rounded-xl border border-amber-300 bg-amber-50 p-6 dark:border-amber-800 dark:bg-amber-950"
        >
          <h1 className="text-xl font-semibold">{t('ui.detail.invalidHeading')}</h1>
          <p className="mt-2 wrap-anywhere">
            {/* The address is the user's (or a crafted link's): bidi and invisible characters shown as escapes. */}
            <DnsText
              value={t('ui.detail.invalidBody', { input: invalid.input, reason: invalid.reason })}
              mono={false}
              wrap="anywhere"
            />
          </p>
          <p className="mt-2 text-slate-700 dark:text-slate-300">{t('ui.detail.invalidHint')}</p>
          <p className="mt-4">
            <a
              href={`/?lang=${lang}`}
              className="font-medium text-sky-700 underline underline-offset-2 dark:text-sky-300"
            >
              {t('ui.detail.back')}
            </a>
          </p>
        </div>
      </main>
    );
  }

  const cloudParam = CloudChoice.safeParse(first(query.cloud) ?? 'auto');
  const cloud = cloudParam.success ? cloudParam.data : 'auto';
  const services = decodeServices(first(query.s) ?? first(query.services));
  const fresh = Boolean(first(query.fresh));
  // The page runs a real check, so it is charged to the same per-client limits as the API.
  const limited = await chargePageCheck(asRequest, config, access?.ok && access.via !== 'open' ? 'token' : null);
  if (limited) {
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-16">
        <p role="alert" data-testid="detail-rate-limited" className="rounded-xl border border-amber-300 p-6">
          {t('ui.errors.rate-limited', { seconds: limited.retryAfterSeconds })}
        </p>
      </main>
    );
  }
  const report = await getRunEngine().checkSingle(target, { cloud, lang, services: toOverride(services), fresh });

  const keep = new URLSearchParams({ cloud, lang });
  const servicesText = encodeServices(services);
  if (servicesText) keep.set('s', servicesText);
  const recheck = new URLSearchParams(keep);
  recheck.set('fresh', String(Date.now()));
  const dashboard = `/?${encodeShareState({ domains: [target.ascii], cloud, services })}&lang=${lang}`;
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8 print:max-w-none print:p-0">
      <main id="main">
        <DetailReport
          report={report}
          recheckHref={`/d/${encodeURIComponent(target.ascii)}?${recheck.toString()}`}
          dashboardHref={dashboard}
        />
      </main>
    </div>
  );
}
