'use client';

import type { InputPolicy } from '@/lib/schema';
import { useT } from '../i18n-provider';
import { BulkInput } from './bulk-input';
import { BulkResults } from './bulk-results';
import { RunProgressBar } from './run-progress';
import { useBulkRun } from './use-bulk-run';

type Props = {
  /** The server's input policy, so the list is parsed exactly as the server will. */
  policy: InputPolicy;
  /** `MAX_DOMAINS_PER_RUN` from the server's configuration. */
  maxDomainsPerRun: number;
  /** `?run=<id>`: a run to resume or reload. */
  runId: string | null;
};

/** The bulk check: the list, the running run's progress, and its results. */
export function BulkPage({ policy, maxDomainsPerRun, runId }: Props) {
  const { t, lang } = useT();
  const { state, start, cancel, recheck } = useBulkRun(runId);
  const busy = state.status === 'queued' || state.status === 'running';
  return (
    <div className="space-y-6">
      <BulkInput
        policy={policy}
        maxDomainsPerRun={maxDomainsPerRun}
        busy={busy}
        onStart={(domains, cloud) => void start(domains, cloud, lang)}
      />
      {state.problem ? (
        <p role="alert" data-testid="bulk-problem" className="font-semibold text-red-800 dark:text-red-300">
          {state.problem.kind === 'expired'
            ? t('bulk.run.expired')
            : state.problem.kind === 'not-found'
              ? t('bulk.run.notFound')
              : t('bulk.run.error', { message: state.problem.message })}
        </p>
      ) : null}
      {state.status ? <RunProgressBar state={state} onCancel={() => void cancel()} /> : null}
      {state.id && state.rows.length > 0 ? (
        <BulkResults runId={state.id} cloud={state.cloud} rows={state.rows} onRecheck={(body) => void recheck(body)} />
      ) : null}
    </div>
  );
}
