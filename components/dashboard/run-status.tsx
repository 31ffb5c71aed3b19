import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { Trans } from '@/components/ui/trans';
import type { Summary } from '@/lib/client/rank';
import { retryAt } from '@/lib/client/retry-wait';
import { endedEarly, progressOf, type RunState } from '@/lib/client/run-state';
import { errorText } from './error-text';

/**
 * Progress of the run ("37 of 120 checked" + a progress bar), a polite live region that announces the start
 * and the end (not every row), and the run's error as an alert.
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

  // A refused check that a wait fixes is shown (and retried) next to the Check button instead.
  const waitsBeside = state.phase === 'failed' && state.error !== null && retryAt(state.error, 0) !== null;
  const error = state.error && state.error.code !== 'aborted' && !waitsBeside ? state.error : null;

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
      {error ? (
        <div
          role="alert"
          data-testid="run-error"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p className="font-semibold">{t('ui.errors.heading')}</p>
          <p>{errorText(t, error)}</p>
          {error.issues && error.issues.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {error.issues.slice(0, 50).map((issue) => (
                <li key={`${issue.line}:${issue.input}`}>
                  <Trans
                    code="ui.errors.issue"
                    params={{
                      line: <span className="font-medium">{t('ui.feedback.line', { line: num(issue.line) })}</span>,
                      reason: <DnsText value={issue.reason} mono={false} />,
                    }}
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
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
