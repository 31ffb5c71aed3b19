'use client';

import { useT } from '@/components/i18n-provider';

/** Skeleton in the shape of the page: header, the form card, the results area. */
export default function Loading() {
  const { t } = useT();
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8" aria-busy="true">
      <p role="status" className="sr-only">
        {t('ui.page.loading')}
      </p>
      <div className="h-8 w-80 max-w-full animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-800" />
      <div className="mt-2 h-4 w-[28rem] max-w-full animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-800" />
      <div className="mt-6 space-y-4 rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900">
        <div className="h-4 w-24 rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-44 animate-pulse rounded-lg bg-slate-100 motion-reduce:animate-none dark:bg-slate-800" />
        <div className="flex gap-4">
          <div className="h-9 w-80 max-w-full rounded-lg bg-slate-100 dark:bg-slate-800" />
          <div className="h-9 w-24 rounded-lg bg-slate-200 dark:bg-slate-700" />
        </div>
      </div>
      <div className="mt-8 h-32 rounded-xl border border-dashed border-slate-300 dark:border-slate-700" />
    </div>
  );
}
