'use client';

import { useEffect, useRef, useState } from 'react';
import { useT } from '@/components/ui/i18n-provider';
import { RetryCountdown } from '@/components/ui/retry-countdown';
import { ShareNotices } from '@/components/ui/share-notices';
import { type BulkInputState, readBulkFragment } from '@/lib/bulk/bulk-link';
import { parseDomainList } from '@/lib/report/domain-list';
import type { InputPolicy } from '@/lib/schema';
import type { ShareLimits, ShareNotice } from '@/lib/share/url-state';
import { BulkInput } from './bulk-input';
import { BulkResults } from './bulk-results';
import { describedBy, ProblemBeside, ProblemText, problemId } from './run-problem';
import { RunProgressBar } from './run-progress';
import { useBulkRun } from './use-bulk-run';

type Props = {
  /** The server's input policy, so the list is parsed exactly as the server will. */
  policy: InputPolicy;
  /** `MAX_DOMAINS_PER_RUN` from the server's configuration. */
  maxDomainsPerRun: number;
  /** `?run=<id>`: a run to resume or reload (the result link). */
  runId: string | null;
  /** `?run=` held something that cannot be a run id. */
  badRun: boolean;
  /** The input link's list, cloud and services as the server read them from the query. */
  initial: BulkInputState;
  /** What the server says about the input link's list (not loaded, entries left out). */
  notices?: readonly ShareNotice[];
  /** The server's limits of a shared list, for one that arrives after `#`. */
  limits: ShareLimits;
  /** False for a signed-in viewer: no Start, and an input link's list is not run on arrival. */
  canStartRuns?: boolean;
  /** Start the input link's run on arrival (the default); false when another site opened the page. */
  autoRun?: boolean;
  /** `STALE_AFTER_H` in milliseconds: older results get a banner. */
  staleAfterMs: number;
  /** LIVE_WATCH_MAX_MIN: how long "check until live" may keep re-checking a selection. */
  liveWatchMaxMin?: number;
};

/**
 * The bulk check: the list, the running run's progress, and its results. An input link (in the query, or in the
 * fragment for long lists) fills the form and starts the run once (when this site opened it; from another site it
 * waits for Start); a result link resumes or reloads its run.
 */
export function BulkPage(props: Props) {
  const { policy, maxDomainsPerRun, runId, badRun, initial, staleAfterMs, limits, canStartRuns = true } = props;
  const autoRun = (props.autoRun ?? true) && canStartRuns;
  const { t, lang } = useT();
  const [notices, setNotices] = useState<readonly ShareNotice[]>(() => [
    ...(autoRun || initial.domains.length === 0 ? [] : [{ kind: 'cross-site' } as const]),
    ...(props.notices ?? []),
  ]);
  const { state, start, cancel, recheck, retryStart } = useBulkRun(runId, lang);
  const [prefill, setPrefill] = useState<{ key: number; input: BulkInputState }>({ key: 0, input: initial });
  const started = useRef(false);
  /** Counts Starts (and the opening of a result link): each one moves the eyes to the progress and results. */
  const [focusKey, setFocusKey] = useState(runId === null ? 0 : 1);
  const busy = state.status === 'queued' || state.status === 'running';

  // An input link runs its list once on arrival (never when a run is named: a reload resumes, it doesn't re-run).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page load by design
  useEffect(() => {
    if (started.current || runId !== null || badRun) return;
    started.current = true;
    const read = initial.domains.length === 0 ? readBulkFragment(window.location.hash, limits) : null;
    const fromFragment = read && read.input.domains.length > 0 ? read.input : null;
    const input = fromFragment ?? initial;
    if (fromFragment) setPrefill({ key: 1, input: fromFragment });
    if (read) setNotices([...(autoRun || !fromFragment ? [] : [{ kind: 'cross-site' } as const]), ...read.notices]);
    if (input.domains.length === 0 || !autoRun) return;
    const list = parseDomainList(input.domains.join('\n'), {
      allowTestDomains: policy.allowTestDomains,
      maxLineLength: policy.maxLineLength,
      maxDomains: maxDomainsPerRun,
      lang,
    });
    // Over the limit or nothing valid: the filled form says why, and nothing starts.
    if (list.domains.length === 0 || list.overLimit !== null) return;
    setFocusKey((n) => n + 1);
    void start(
      list.domains.map((d) => d.ascii),
      input.cloud,
      input.services,
      lang,
    );
  }, []);

  const problem = badRun ? ({ kind: 'not-found', place: 'run' } as const) : state.problem;
  return (
    <div className="space-y-6">
      <ShareNotices notices={notices} />
      <BulkInput
        key={prefill.key}
        policy={policy}
        maxDomainsPerRun={maxDomainsPerRun}
        busy={busy}
        canStartRuns={canStartRuns}
        initial={prefill.input}
        onStart={(domains, cloud, services, source) => {
          setFocusKey((n) => n + 1);
          setNotices((shown) => shown.filter((n) => n.kind !== 'cross-site'));
          void start(domains, cloud, services, lang, source);
        }}
        startDescribedBy={describedBy(problem, 'start')}
        startProblem={
          // A refused Start is said under it; one that a wait fixes counts down there and starts by itself.
          problem?.place === 'start' && problem.kind === 'wait' ? (
            <RetryCountdown
              key={problem.at}
              id={problemId('start')}
              at={problem.at}
              runs={problem.runs}
              onRetry={retryStart}
            />
          ) : (
            <ProblemBeside problem={problem} place="start" />
          )
        }
      />
      {/* Opening a result link, or following the run's events: not one control's, said above the progress. */}
      {problem?.place === 'run' ? (
        <p role="alert" data-testid="bulk-problem" className="font-semibold text-red-800 dark:text-red-300">
          <ProblemText problem={problem} />
        </p>
      ) : null}
      {state.status ? (
        <RunProgressBar
          state={state}
          onCancel={() => void cancel()}
          focusKey={focusKey}
          cancelDescribedBy={describedBy(problem, 'cancel')}
          cancelProblem={<ProblemBeside problem={problem} place="cancel" />}
        />
      ) : null}
      {/* The result link opened in another browser: it reads the run; only the browser that started it changes it. */}
      {state.status && state.id !== null && !state.owner ? (
        <p data-testid="bulk-read-only" className="text-sm text-slate-700 dark:text-slate-300">
          {t('bulk.run.readOnly')}
        </p>
      ) : null}
      {state.id !== null && state.rows.length > 0 ? (
        <BulkResults
          run={{ ...state, id: state.id }}
          staleAfterMs={staleAfterMs}
          liveWatchMaxMin={props.liveWatchMaxMin}
          onRecheck={(body, place) => void recheck(body, place)}
          problem={problem}
        />
      ) : null}
    </div>
  );
}
