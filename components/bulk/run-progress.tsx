'use client';

import { useT } from '@/components/ui/i18n-provider';
import type { BulkRunState } from './use-bulk-run';

/**
 * Done/total as a bar and as text, the rate, the time left, the run's status and the Cancel button (only in the
 * browser that started the run: `state.owner`).
 */
export function RunProgressBar({ state, onCancel }: { state: BulkRunState; onCancel: () => void }) {
  const { t, num } = useT();
  const running = state.status === 'queued' || state.status === 'running';
  return (
    <section className="space-y-2" data-testid="bulk-progress" data-status={state.status ?? ''}>
      <progress className="h-3 w-full print:hidden" max={Math.max(1, state.total)} value={state.checked} />
      {/* Cancel comes first: the texts after it change width with every update, and a button must not move. */}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {running && state.id && state.owner ? (
          <button
            type="button"
            data-testid="bulk-cancel"
            onClick={onCancel}
            className="rounded border border-slate-300 px-3 py-1 print:hidden dark:border-slate-700"
          >
            {t('bulk.run.cancel')}
          </button>
        ) : null}
        <p className="flex flex-wrap items-center gap-3" aria-live="polite">
          <span data-testid="bulk-progress-text" className="font-semibold tabular-nums">
            {t('bulk.run.progress', { done: num(state.checked), total: num(state.total) })}
          </span>
          {state.status ? <span data-testid="bulk-run-status">{t(`bulk.run.status.${state.status}`)}</span> : null}
          {running && state.rate > 0 ? (
            <span className="tabular-nums">{t('bulk.run.rate', { rate: num(Math.round(state.rate * 10) / 10) })}</span>
          ) : null}
          {running && state.etaSeconds !== null ? (
            <span className="tabular-nums">{t('bulk.run.eta', { seconds: num(Math.ceil(state.etaSeconds)) })}</span>
          ) : null}
        </p>
      </div>
    </section>
  );
}
