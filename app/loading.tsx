'use client';

import { useT } from '@/components/i18n-provider';
import { Bar, LoadingState } from '@/components/page-states';

/** Skeleton in the shape of the page: header, the form card, the results area. */
export default function Loading() {
  const { t } = useT();
  return (
    <LoadingState label={t('ui.page.loading')}>
      <Bar className="h-8 w-80 max-w-full rounded" />
      <Bar className="mt-2 h-4 w-[28rem] max-w-full rounded" />
      <div className="mt-6 space-y-4 rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900">
        <Bar className="h-4 w-24 rounded" pulse={false} />
        <Bar className="h-44 rounded-lg" tone="soft" />
        <div className="flex gap-4">
          <Bar className="h-9 w-80 max-w-full rounded-lg" tone="soft" pulse={false} />
          <Bar className="h-9 w-24 rounded-lg" tone="solid" pulse={false} />
        </div>
      </div>
      <div className="mt-8 h-32 rounded-xl border border-dashed border-slate-300 dark:border-slate-700" />
    </LoadingState>
  );
}
