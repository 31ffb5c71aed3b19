import { makeTranslator } from '@/lib/client/translator';

/** Title and one-line purpose. A server component: no client JavaScript. */
export function PageHeader({ lang }: { lang: string }) {
  const { t } = makeTranslator(lang);
  return (
    <header>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('ui.app.title')}</h1>
      <p className="mt-1 text-slate-600 dark:text-slate-400">{t('ui.app.tagline')}</p>
      <a
        href="/bulk"
        data-testid="bulk-link"
        className="text-sm text-blue-700 underline print:hidden dark:text-blue-300"
      >
        {t('bulk.page.link')}
      </a>
    </header>
  );
}
