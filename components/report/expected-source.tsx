'use client';

import { useT } from '@/components/ui/i18n-provider';
import type { ExpectedSource as Source } from '@/lib/schema';

/** Where a record's expected value came from: the tenant (Microsoft Graph) or Microsoft's documented pattern. */
export function ExpectedSource({ source }: { source: Source | undefined }) {
  const { t } = useT();
  if (source === undefined) return null;
  return (
    <span
      data-testid="expected-source"
      data-source={source}
      className={`mt-0.5 block text-xs ${source === 'tenant' ? 'text-emerald-700 dark:text-emerald-400' : 'text-slate-500 dark:text-slate-400'}`}
    >
      {t(`graph.source.${source}`)}
    </span>
  );
}
