'use client';

import Link from 'next/link';
import { useT } from '@/components/i18n-provider';

/** 404 page in the app's own look. */
export default function NotFound() {
  const { t } = useT();
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-bold">{t('ui.page.notFoundHeading')}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{t('ui.page.notFoundBody')}</p>
      <p className="mt-4">
        <Link href="/" className="font-medium text-sky-700 underline underline-offset-2 dark:text-sky-300">
          {t('ui.page.home')}
        </Link>
      </p>
    </main>
  );
}
