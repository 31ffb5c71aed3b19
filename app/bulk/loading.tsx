'use client';

import { useT } from '@/components/i18n-provider';
import { Bar, LoadingState } from '@/components/page-states';

/** Skeleton in the shape of the bulk page: header, the list box, the results area. */
export default function Loading() {
  const { t } = useT();
  return (
    <LoadingState label={t('ui.page.loading')}>
      <Bar className="h-8 w-64 max-w-full rounded" />
      <Bar className="mt-2 h-4 w-[28rem] max-w-full rounded" />
      <Bar className="mt-6 h-40 rounded-lg" tone="soft" />
      <div className="mt-4 h-16 rounded-lg border-2 border-dashed border-slate-300 dark:border-slate-700" />
    </LoadingState>
  );
}
