import { useT } from '@/components/ui/i18n-provider';
import { SORT_MODES, type SortMode } from '@/lib/client/rank';

const LABEL: Record<SortMode, string> = { input: 'ui.table.sortInput', severity: 'ui.table.sortSeverity' };

/** Input order or worst first, as a pair of toggle buttons. */
export function SortControl({ value, onChange }: { value: SortMode; onChange: (mode: SortMode) => void }) {
  const { t } = useT();
  return (
    <fieldset className="flex items-center gap-2">
      <legend className="sr-only">{t('ui.table.sortLabel')}</legend>
      <span aria-hidden="true" className="text-sm text-slate-600 dark:text-slate-400">
        {t('ui.table.sortLabel')}
      </span>
      <div className="inline-flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
        {SORT_MODES.map((mode) => (
          <button
            key={mode}
            type="button"
            aria-pressed={value === mode}
            onClick={() => onChange(mode)}
            className="px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 aria-pressed:bg-slate-800 aria-pressed:text-white dark:text-slate-100 dark:hover:bg-slate-700 dark:aria-pressed:bg-slate-100 dark:aria-pressed:text-slate-900"
          >
            {t(LABEL[mode])}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
