'use client';

import { useT } from '@/components/i18n-provider';

const BAR = 'animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-800';

/** Skeleton in the shape of the report: header with its facts and actions, the findings card, the records table. */
export default function DetailLoading() {
  const { t } = useT();
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8" aria-busy="true" data-testid="detail-loading">
      <p role="status" className="sr-only">
        {t('ui.detail.loading')}
      </p>
      <div className="space-y-3 border-b border-slate-200 pb-4 dark:border-slate-700">
        <div className={`h-4 w-48 ${BAR}`} />
        <div className={`h-8 w-80 max-w-full ${BAR}`} />
        <div className="grid max-w-md grid-cols-[6rem_1fr] gap-x-4 gap-y-2">
          <div className={`h-4 ${BAR}`} />
          <div className={`h-4 ${BAR}`} />
          <div className={`h-4 ${BAR}`} />
          <div className={`h-4 ${BAR}`} />
          <div className={`h-4 ${BAR}`} />
          <div className={`h-4 ${BAR}`} />
        </div>
        <div className="flex gap-2">
          <div className="h-8 w-36 rounded-lg bg-slate-200 dark:bg-slate-700" />
          <div className="h-8 w-24 rounded-lg bg-slate-100 dark:bg-slate-800" />
          <div className="h-8 w-40 rounded-lg bg-slate-100 dark:bg-slate-800" />
        </div>
      </div>
      <div className="mt-6 h-20 rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900" />
      <div className="mt-5 space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
        <div className={`h-4 w-40 ${BAR}`} />
        <div className={`h-5 w-3/4 ${BAR}`} />
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <div className={`h-24 ${BAR}`} />
          <div className={`h-24 ${BAR}`} />
        </div>
      </div>
      <div className="mt-5 space-y-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <div key={i} className={`h-6 ${BAR}`} />
        ))}
      </div>
    </div>
  );
}
