import { useT } from '@/components/ui/i18n-provider';
import { EXAMPLE_INPUT } from './check-form';

/** Shown before the first check: what msoid is, in one paragraph, and an example list. */
export function EmptyState({ onExample }: { onExample: () => void }) {
  const { t } = useT();
  return (
    <section
      aria-labelledby="empty-heading"
      data-testid="empty-state"
      className="rounded-xl border border-dashed border-slate-300 p-5 text-sm dark:border-slate-600"
    >
      <h2 id="empty-heading" className="text-base font-semibold">
        {t('ui.empty.heading')}
      </h2>
      <p className="mt-2 max-w-prose text-slate-700 dark:text-slate-300">{t('ui.empty.body')}</p>
      <h3 className="mt-4 font-semibold">{t('ui.empty.exampleHeading')}</h3>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{t('ui.empty.exampleBody')}</p>
      <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-100 p-3 font-mono text-xs dark:bg-slate-800">
        {EXAMPLE_INPUT}
      </pre>
      <button
        type="button"
        onClick={onExample}
        className="mt-3 rounded-lg border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700"
      >
        {t('ui.form.useExample')}
      </button>
    </section>
  );
}
