/**
 * SWR keys, built in one place so every hook and every cache write agree on the exact string.
 * A key is the URL the fetcher GETs.
 */
import type { CloudChoice, Report } from '@/lib/schema';

/**
 * Key (and URL) of a one-domain re-check. `fresh=1` bypasses the server's answer cache, because a
 * re-check is only ever asked for by a person who wants a new answer. `services` (`mail:on,teams:off`, see
 * `servicesParam`) is sent only when the user set a service.
 */
export function recheckKey(domain: string, cloud: CloudChoice, lang?: string, services?: string): string {
  const params = new URLSearchParams({ domain, cloud, fresh: '1' });
  if (services !== undefined) params.set('services', services);
  if (lang) params.set('lang', lang);
  return `/api/check?${params.toString()}`;
}

/** The re-check key of a report: same domain, cloud and services as it was checked with, past the server's cache. */
export function reportRecheckKey(report: Pick<Report, 'domain' | 'cloud' | 'services'>, lang: string): string {
  const services = report.services.overridden.map((s) => `${s}:${report.services[s] ? 'on' : 'off'}`).join(',');
  return recheckKey(report.domain, report.cloud.selected, lang, services || undefined);
}

/** URL of the streamed bulk check. Not an SWR key: a POST stream is not cached. */
export function checkStreamUrl(): string {
  return '/api/check';
}
