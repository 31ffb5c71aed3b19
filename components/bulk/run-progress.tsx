'use client';

import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '@/components/ui/i18n-provider';
import type { BulkRunState } from './use-bulk-run';

/**
 * Done/total as a bar and as text, the rate, the time left, the run's status and the Cancel button (only in the
 * browser that started the run: `state.owner`).
 */
export function RunProgressBar({
  state,
  onCancel,
  focusKey = 0,
  cancelDescribedBy,
  cancelProblem,
}: {
  state: BulkRunState;
  onCancel: () => void;
  /** A refused or failed Cancel: its text (under the button) and id. */
  cancelDescribedBy?: string | undefined;
  cancelProblem?: ReactNode;
  /** Changes with each Start (and when a result link opens the run): the page scrolls here and the heading takes the focus. */
  focusKey?: number;
}) {
  const { t, num } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusKey === 0) return;
    heading.current?.closest('section')?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [focusKey]);
  const running = state.status === 'queued' || state.status === 'running';
  return (
    <section
      className="scroll-mt-4 space-y-2"
      data-testid="bulk-progress"
      data-status={state.status ?? ''}
      aria-labelledby="bulk-progress-heading"
    >
      <h2
        id="bulk-progress-heading"
        ref={heading}
        tabIndex={-1}
        data-testid="bulk-progress-heading"
        className="text-lg font-semibold focus:outline-none"
      >
        {t('bulk.run.heading')}
      </h2>
      <progress className="h-3 w-full print:hidden" max={Math.max(1, state.total)} value={state.checked} />
      {/* Cancel comes first: the texts after it change width with every update, and a button must not move. */}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {running && state.id && state.owner ? (
          <button
            type="button"
            data-testid="bulk-cancel"
            onClick={onCancel}
            aria-describedby={cancelDescribedBy}
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
      {cancelProblem}
    </section>
  );
}
