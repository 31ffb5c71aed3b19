'use client';

import { useEffect } from 'react';
import { useT } from '@/components/i18n-provider';

/** The report's error boundary: a plain message (no server details), a retry, and the way back. */
export default function DetailError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useT();
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest =
    error instanceof Error && 'digest' in error ? String((error as { digest?: unknown }).digest ?? '') : '';
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-6 dark:border-red-800 dark:bg-red-950">
        <h1 className="text-xl font-semibold">{t('ui.detail.errorHeading')}</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">{t('ui.detail.errorBody')}</p>
        {digest ? <p className="mt-2 font-mono text-xs text-slate-500">{digest}</p> : null}
        <div className="mt-4 flex flex-wrap gap-3">
          <button
            type="button"
            onClick={() => retry()}
            className="rounded-lg bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500"
          >
            {t('ui.page.retry')}
          </button>
          <a href="/" className="px-2 py-2 font-medium text-sky-700 underline underline-offset-2 dark:text-sky-300">
            {t('ui.detail.back')}
          </a>
        </div>
      </div>
    </main>
  );
}
