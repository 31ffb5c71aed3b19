/**
 * Short cloud names for the bulk table's Cloud column and filter ("21Vianet", not "Office 365 operated by
 * 21Vianet"); the full name stays available as the cell's title. Catalogue codes, never text.
 */
import { cloudLabelCode } from '@/lib/diagnosis/presentation';
import type { CloudReport, EffectiveCloud } from '@/lib/schema';

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
