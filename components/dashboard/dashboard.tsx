'use client';

import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '@/components/ui/i18n-provider';
import { RequestError } from '@/components/ui/request-error';
import { RetryCountdown } from '@/components/ui/retry-countdown';
import { ShareNotices } from '@/components/ui/share-notices';
import { type SlicedWork, useSliced, yieldToPage } from '@/components/ui/use-sliced';
import type { CheckInputOptions, InputCheck } from '@/lib/client/input-check';
import { type SortMode, summarize } from '@/lib/client/rank';
import { retryAt } from '@/lib/client/retry-wait';
import { rowsOf } from '@/lib/client/run-state';
import { AUTO_SERVICES, type ServiceChoices, toOverride } from '@/lib/client/services';
import type { CloudChoice, InputPolicy, InvalidEntry } from '@/lib/schema';
import type { ShareLimits, ShareNotice, ShareState } from '@/lib/share/url-state';
import { CheckForm, EXAMPLE_INPUT } from './check-form';
import { EmptyState } from './empty-state';
import { LoadBoundary } from './load-boundary';
import { loadFragmentReader, loadInputCheck, loadResults, loadShareState, warmUp } from './page-modules';
import { RunErrorBody } from './run-error';
import { useCheckRun } from './use-check-run';

type Props = {
  /** The server's input policy (same config as the route), so the form validates exactly as the server does. */
  policy: InputPolicy;
  /** State read from the URL on the server: fills the form and, when it holds domains, runs the check. */
  initial: ShareState;
  /** What the server says about the address's list (not loaded, entries left out). */
  notices?: readonly ShareNotice[];
  /** The server's limits of a shared list, for one that arrives after `#` (read here, not by the server). */
  limits: ShareLimits;
  /**
   * Check the address's list on arrival (the default). False when another site opened the page: the list fills
   * the form and waits for Check, so a link elsewhere cannot make the reader's browser spend the server's budget.
   */
  autoRun?: boolean;
};

type CheckInput = typeof import('@/lib/client/input-check').checkInputInSlices;

/** The results (table, progress, summary) load with the first check, not with the page; a retry makes a new one. */
const lazyResults = () => lazy(() => loadResults().then((m) => ({ default: m.ResultsSection })));
const FirstResultsSection = lazyResults();

const entryKey = (e: Pick<InvalidEntry, 'line' | 'input'>) => `${e.line}\u0000${e.input}`;

/**
 * The page's interactive part: the form, live validation, the streamed results and the URL state. Its text comes
 * from the root layout's `<I18nProvider>`. Validation loads when the user reaches for the form (or at once when a
 * shared link filled it); until then the form works as server-rendered, and a check sent early waits for it.
 */
export function Dashboard({ policy, initial, notices: serverNotices = [], limits, autoRun = true }: Props) {
  const { lang, t } = useT();
  const [notices, setNotices] = useState<readonly ShareNotice[]>(() => [
    ...(autoRun || initial.domains.length === 0 ? [] : [{ kind: 'cross-site' } as const]),
    ...serverNotices,
  ]);
  const [text, setText] = useState(() => initial.domains.join('\n'));
  const [cloud, setCloud] = useState<CloudChoice>(initial.cloud);
  const [services, setServices] = useState<ServiceChoices>(initial.services ?? AUTO_SERVICES);
  const [sort, setSort] = useState<SortMode>('input');
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(() => new Set());
  const [checkInput, setCheckInput] = useState<CheckInput | null>(null);
  /** A module the check needs did not load (the check did not start); cleared by the next Check. */
  const [loadFailed, setLoadFailed] = useState(false);
  const [focusResults, setFocusResults] = useState(false);
  /** Counts the checks the user (or a shared link) started: each one moves the eyes to the results. */
  const [checkCount, setCheckCount] = useState(0);
  /** What the last check sent, so a refused one can be sent again by itself when the wait is over. */
  const lastSubmit = useRef<[string, CloudChoice, ServiceChoices] | null>(null);
  const [ResultsSection, setResultsSection] = useState(() => FirstResultsSection);
  const deferredText = useDeferredValue(text);
  const options = useCallback(
    (chosen: ServiceChoices): CheckInputOptions => ({
      reasonText: (ref) => t(ref.code, ref.params),
      lang,
      services: toOverride(chosen),
    }),
    [t, lang],
  );
  // Parsed in slices with the page's turn between them: a paste of megabytes never freezes the page.
  const work = useMemo<SlicedWork<InputCheck> | null>(
    () => (checkInput ? (slices) => checkInput(deferredText, cloud, policy, options(services), slices) : null),
    [checkInput, deferredText, cloud, policy, options, services],
  );
  const { value: check, reading } = useSliced(work);
  const { state, run, stop, recheckUnchecked, unchecked, applyReport } = useCheckRun(lang);

  const warm = useCallback(() => {
    if (checkInput) return;
    warmUp();
    loadInputCheck().then(
      (m) => setCheckInput(() => m.checkInputInSlices),
      () => {}, // tried again on the next focus or keystroke
    );
  }, [checkInput]);

  const onText = useCallback(
    (value: string) => {
      warm();
      setText(value);
    },
    [warm],
  );

  const submit = useCallback(
    async (submitText: string, submitCloud: CloudChoice, submitServices: ServiceChoices) => {
      // Validate the text as it is now (the live check may lag one keystroke behind, or not be loaded yet).
      const [{ checkInputInSlices: validate }, share] = await Promise.all([loadInputCheck(), loadShareState()]);
      const now = await validate(submitText, submitCloud, policy, options(submitServices), { pause: yieldToPage });
      if (!now?.canSubmit) return;
      lastSubmit.current = [submitText, submitCloud, submitServices];
      setCheckCount((n) => n + 1);
      const domains = now.list.domains.map((d) => d.ascii);
      setFlagged(new Set(now.list.invalid.map(entryKey)));
      const query = share.mergeShareQuery(window.location.search, {
        domains,
        cloud: submitCloud,
        services: submitServices,
      });
      window.history.replaceState(window.history.state, '', `${window.location.pathname}?${query}`);
      void run(submitText, submitCloud, submitServices, domains);
    },
    [policy, options, run],
  );

  // A shared link (?d=… or ?z=…) fills the form on the server; run it once on arrival, unless another site opened
  // the page (then the reader presses Check). A list too long for the address's query comes after `#` (POST
  // /open's answer), which only the browser sees: it fills the form here, within the same limits as the server's.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per page load by design
  useEffect(() => {
    let gone = false;
    const start = (input: ShareState, fill: boolean) => {
      const inputText = input.domains.join('\n');
      const inputServices = input.services ?? AUTO_SERVICES;
      if (fill) {
        setText(inputText);
        setCloud(input.cloud);
        setServices(inputServices);
      }
      warm();
      if (autoRun) submit(inputText, input.cloud, inputServices).catch(() => setLoadFailed(true));
    };
    if (initial.domains.length > 0) start(initial, false);
    else if (window.location.hash.length > 1) {
      loadFragmentReader()
        .then(({ readBulkFragment }) => {
          const read = gone ? null : readBulkFragment(window.location.hash, limits);
          if (!read) return;
          const hasList = read.input.domains.length > 0;
          setNotices([...(autoRun || !hasList ? [] : [{ kind: 'cross-site' } as const]), ...read.notices]);
          if (hasList) start(read.input, true);
        })
        .catch(() => setLoadFailed(true));
    }
    return () => {
      gone = true;
      stop();
    };
  }, []);

  const rows = useMemo(() => rowsOf(state), [state]);
  const summary = useMemo(() => summarize(rows.map((r) => r.report)), [rows]);
  const pending = useMemo(() => new Set(state.pending), [state.pending]);
  const skipped = useMemo(() => state.invalid.filter((e) => !flagged.has(entryKey(e))), [state.invalid, flagged]);
  // A refusal that time fixes (429) is shown next to the Check button with a live countdown, and sent again by
  // itself; counted from when the answer arrived (the error object is new with each answer).
  const retryTime = useMemo(() => (state.error ? retryAt(state.error, Date.now()) : null), [state.error]);
  const retry = useCallback(() => {
    const last = lastSubmit.current;
    if (last) submit(...last).catch(() => setLoadFailed(true));
  }, [submit]);
  const waiting = retryTime !== null && state.phase === 'failed';
  // Any other refusal or failure of Check (400, 413, 500, 503, no connection…) is shown under the button too.
  const checkError =
    state.errorFrom === 'run' && state.error && state.error.code !== 'aborted' && !waiting ? state.error : null;
  const checkErrorId = `${useId()}-check-error`;
  // A check refused before any row came has no results to show: the eyes stay on the form.
  const showResults = (state.phase !== 'idle' || rows.length > 0) && !(state.phase === 'failed' && rows.length === 0);

  return (
    <div className="space-y-8">
      <section
        aria-labelledby="form-heading"
        className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-700 dark:bg-slate-900"
        onFocus={warm}
        onPointerEnter={warm}
      >
        {/* Visually the labels name the form; the heading is for heading navigation. */}
        <h2 id="form-heading" className="sr-only">
          {t('ui.form.heading')}
        </h2>
        {notices.length > 0 ? (
          <div className="mb-4">
            <ShareNotices notices={notices} />
          </div>
        ) : null}
        <CheckForm
          text={text}
          onText={onText}
          cloud={cloud}
          onCloud={setCloud}
          services={services}
          onServices={setServices}
          check={check}
          reading={reading}
          onOpenInBulk={(domains) => {
            loadFragmentReader().then(
              (m) => window.location.assign(m.bulkInputLink({ domains, cloud, services })),
              () => setLoadFailed(true),
            );
          }}
          onRemoveRejected={(invalid) => {
            loadInputCheck().then(
              (m) => setText(m.withoutRejected(text, invalid)),
              () => setLoadFailed(true),
            );
          }}
          policy={policy}
          running={state.phase === 'running'}
          onSubmit={() => {
            setNotices((shown) => shown.filter((n) => n.kind !== 'cross-site'));
            setLoadFailed(false);
            setFocusResults(false);
            submit(text, cloud, services).catch(() => setLoadFailed(true));
          }}
          onStop={stop}
          error={
            checkError
              ? {
                  id: checkErrorId,
                  node: (
                    <RequestError id={checkErrorId} testId="run-error" show={checkError}>
                      <RunErrorBody error={checkError} heading={t('ui.errors.heading')} />
                    </RequestError>
                  ),
                }
              : null
          }
        />
        {waiting && retryTime !== null ? (
          <RetryCountdown key={retryTime} at={retryTime} runs={state.error?.code === 'too-many-runs'} onRetry={retry} />
        ) : null}
        {loadFailed ? <LoadFailed /> : null}
      </section>
      {showResults ? (
        <LoadBoundary
          onRetry={() => setResultsSection(lazyResults)}
          resetKey={state.streamId}
          fallback={(retry) => (
            <LoadFailed
              retry={() => {
                // The button goes away with the alert: the focus goes to the results instead of the page.
                setFocusResults(true);
                retry();
              }}
            />
          )}
        >
          <Suspense fallback={null}>
            <ResultsSection
              state={state}
              summary={summary}
              rows={rows}
              pending={pending}
              sort={sort}
              onSort={setSort}
              onReport={applyReport}
              unchecked={unchecked}
              onRecheckUnchecked={recheckUnchecked}
              skipped={skipped}
              focusOnMount={focusResults}
              focusKey={checkCount}
            />
          </Suspense>
        </LoadBoundary>
      ) : (
        <EmptyState
          onExample={() => {
            warm();
            setText(EXAMPLE_INPUT);
          }}
        />
      )}
    </div>
  );
}

/** Says that part of the page did not load; with `retry`, offers to load it again. */
function LoadFailed({ retry }: { retry?: () => void }) {
  const { t } = useT();
  return (
    <div
      role="alert"
      data-testid="load-failed"
      className="mt-4 flex flex-wrap items-center gap-3 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p>{t(retry ? 'ui.form.resultsLoadFailed' : 'ui.form.loadFailed')}</p>
      {retry ? (
        <button type="button" onClick={retry} className="rounded-lg border border-red-300 px-3 py-1 font-semibold">
          {t('ui.page.retry')}
        </button>
      ) : null}
    </div>
  );
}
