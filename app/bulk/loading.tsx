'use client';

import { useT } from '@/components/i18n-provider';

/** Skeleton in the shape of the bulk page: header, the list box, the results area. */
export default function Loading() {
  const { t } = useT();
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8" aria-busy="true">
      <p role="status" className="sr-only">
        {t('ui.page.loading')}
      </p>
      <div className="h-8 w-64 max-w-full animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-800" />
      <div className="mt-2 h-4 w-[28rem] max-w-full animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-800" />
      <div className="mt-6 h-40 animate-pulse rounded-lg bg-slate-100 motion-reduce:animate-none dark:bg-slate-800" />
      <div className="mt-4 h-16 rounded-lg border-2 border-dashed border-slate-300 dark:border-slate-700" />
    </div>
  );
}
