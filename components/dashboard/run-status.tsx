import { useT } from '@/components/ui/i18n-provider';
import type { Summary } from '@/lib/client/rank';
import { endedEarly, progressOf, type RunState } from '@/lib/client/run-state';

/**
 * Progress of the run ("37 of 120 checked" + a progress bar), a polite live region that announces the start
 * and the end (not every row), and what went wrong with the stream itself. A refused or failed request is shown
 * next to the control that sent it (Check: the form; re-check: its button), not here.
 */
export function RunStatus({ state, summary }: { state: RunState; summary: Summary }) {
  const { t, tp, num } = useT();
  const { done, total } = progressOf(state);
  const running = state.phase === 'running';
  const showProgress = state.phase !== 'idle' && total > 0 && !(state.phase === 'failed' && done === 0);

  let announcement = '';
  if (running) announcement = tp('ui.progress.starting', total);
  else if (state.active?.kind === 'recheck') announcement = tp('ui.progress.recheckingMany', state.pending.length);
  else if (state.phase === 'done')
    announcement = t('ui.progress.finishedSummary', {
      checked: num(done),
      healthy: num(summary.healthy),
      attention: num(summary.attention),
      broken: num(summary.broken),
      unchecked: num(summary.unchecked),
    });
  else if (state.phase === 'stopped') announcement = t('ui.progress.stopped', { done: num(done), total: num(total) });

  return (
    <div className="space-y-2">
      {showProgress ? (
        <div className="flex flex-wrap items-center gap-3" data-testid="progress">
          <progress
            max={total}
            value={done}
            aria-label={t('ui.progress.label')}
            aria-valuetext={t('ui.progress.checked', { done: num(done), total: num(total) })}
            className="h-2.5 w-full max-w-md overflow-hidden rounded-full bg-slate-200 accent-sky-600 dark:bg-slate-700 [&::-moz-progress-bar]:bg-sky-600 [&::-webkit-progress-bar]:bg-slate-200 dark:[&::-webkit-progress-bar]:bg-slate-700 [&::-webkit-progress-value]:bg-sky-600"
          />
          <span className="text-sm font-medium tabular-nums" data-testid="progress-text">
            {t('ui.progress.checked', { done: num(done), total: num(total) })}
          </span>
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only" data-testid="live-status">
        {announcement}
      </p>
      {endedEarly(state) ? (
        <p
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
        >
          {t('ui.errors.streamBroken')}
        </p>
      ) : null}
      {state.malformed > 0 ? (
        <p className="text-sm text-amber-900 dark:text-amber-200">
          {t('ui.errors.malformed', { count: num(state.malformed) })}
        </p>
      ) : null}
    </div>
  );
}
