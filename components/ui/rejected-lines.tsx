'use client';

import { type ReactNode, useState } from 'react';
import { useT } from '@/components/ui/i18n-provider';
import { rejectedToCsv } from '@/lib/client/rejected-csv';
import type { InvalidEntry } from '@/lib/schema';

/** How many rejected entries are listed before "Show all". */
const SHOW_FIRST = 100;

const BUTTON =
  'rounded border border-current/40 bg-white/70 px-2.5 py-1 text-sm font-semibold hover:bg-white dark:bg-black/30 dark:hover:bg-black/50';

type Props = {
  invalid: readonly InvalidEntry[];
  /** One entry's text (line, input, reason) in the page's wording. */
  renderEntry: (entry: InvalidEntry) => ReactNode;
  /** Cuts the rejected entries out of the text box; absent where the list does not come from the box. */
  onRemove?: () => void;
  className?: string;
};

/**
 * The rejected entries of a list, all of them: the first ones at once and the rest behind "Show all", with a
 * download (CSV) and "Remove these from the box".
 */
export function RejectedLines({ invalid, renderEntry, onRemove, className = '' }: Props) {
  const { t, num } = useT();
  const [all, setAll] = useState(false);
  const shown = all ? invalid : invalid.slice(0, SHOW_FIRST);

  function download() {
    const csv = rejectedToCsv(invalid, {
      line: t('ui.rejected.column.line'),
      input: t('ui.rejected.column.input'),
      reason: t('ui.rejected.column.reason'),
    });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${t('ui.rejected.fileName')}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <div className={className}>
      <ul
        className={`space-y-1.5 ${all ? 'max-h-96 overflow-y-auto' : ''}`}
        data-testid="invalid-list"
        tabIndex={all ? 0 : undefined}
      >
        {shown.map((entry) => (
          <li
            key={`${entry.line}:${entry.input}:${entry.code}`}
            data-testid="invalid-entry"
            data-line={entry.line}
            data-code={entry.code}
            className="[content-visibility:auto]"
          >
            {renderEntry(entry)}
          </li>
        ))}
      </ul>
      <div className="mt-2 flex flex-wrap gap-2 print:hidden">
        {invalid.length > SHOW_FIRST && !all ? (
          <button type="button" className={BUTTON} data-testid="rejected-show-all" onClick={() => setAll(true)}>
            {t('ui.rejected.showAll', { count: num(invalid.length) })}
          </button>
        ) : null}
        <button type="button" className={BUTTON} data-testid="rejected-download" onClick={download}>
          {t('ui.rejected.download')}
        </button>
        {onRemove ? (
          <button type="button" className={BUTTON} data-testid="rejected-remove" onClick={onRemove}>
            {t('ui.rejected.remove')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
