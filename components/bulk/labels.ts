/**
 * Short labels for the bulk table's Cloud and DNS host columns and filters ("21Vianet", not "Office 365 operated by
 * 21Vianet"); the full cloud name stays available as the cell's title. Catalogue codes, never text.
 */
import { cloudLabelCode } from '@/lib/presentation';
import type { CloudReport, DnsHost, EffectiveCloud } from '@/lib/schema';

export const SHORT_CLOUD_LABEL: Readonly<Record<EffectiveCloud, string>> = {
  worldwide: 'bulk.cloud.worldwide',
  '21vianet': 'bulk.cloud.21vianet',
  gcc: 'cloud.name.gcc',
  gcchigh: 'cloud.name.gcchigh',
  dod: 'cloud.name.dod',
  unknown: 'cloud.name.unknown',
};

/** The short label code for a report's cloud: "Worldwide/GCC" when auto-detected worldwide (DNS can't tell GCC). */
export function shortCloudCode(cloud: CloudReport): string {
  if (cloud.selected === 'auto' && cloud.effective === 'worldwide') return 'bulk.cloud.worldwide-or-gcc';
  return SHORT_CLOUD_LABEL[cloud.effective];
}

/** The full name's code, for the title. */
export const fullCloudCode = cloudLabelCode;

/** The host catalogue's fallback: no known host matched the name servers. */
export const GENERIC_HOST = 'generic';

/**
 * What the DNS host column shows: the host's name, or "Not recognised" (in the page's language) for the catalogue's
 * fallback, whose English name "Any DNS host" reads like a value in a table.
 */
export function hostLabel(host: Pick<DnsHost, 'id' | 'name'>, t: (code: string) => string): string {
  return host.id === GENERIC_HOST ? t('bulk.table.hostGeneric') : host.name;
}
