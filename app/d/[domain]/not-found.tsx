'use client';

import Link from 'next/link';
import { useT } from '@/components/i18n-provider';

/** No domain in the address: say so, and lead back to the dashboard. */
export default function DetailNotFound() {
  const { t } = useT();
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-bold">{t('ui.detail.notFoundHeading')}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{t('ui.detail.notFoundBody')}</p>
      <p className="mt-4">
        <Link href="/" className="font-medium text-sky-700 underline underline-offset-2 dark:text-sky-300">
          {t('ui.detail.back')}
        </Link>
      </p>
    </main>
  );
}
