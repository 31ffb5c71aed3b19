'use client';

import { useMemo } from 'react';
import { bulkInputLink, bulkResultLink } from '@/lib/bulk/bulk-link';
import { CopyButton } from '../copy-button';
import { useT } from '../i18n-provider';
import type { BulkRunState } from './use-bulk-run';

const origin = () => (typeof window === 'undefined' ? '' : window.location.origin);

/**
 * The two share links, each named for what it does: the result link shows this run's stored results (with their
 * checked-at times, until the run expires); the input link runs the same list, cloud and services again.
 * Each link is also shown as selectable text, for browsers that refuse the clipboard (plain http).
 */
export function ShareLinks({ run }: { run: BulkRunState & { id: string } }) {
  const { t, tp, time } = useT();
  const domains = useMemo(() => run.domains ?? run.rows.map((r) => r.domain), [run.domains, run.rows]);
  const result = `${origin()}${bulkResultLink(run.id)}`;
  const input = useMemo(
    () => `${origin()}${bulkInputLink({ domains: [...domains], cloud: run.cloud, services: run.services })}`,
    [domains, run.cloud, run.services],
  );
  return (
    <section
      aria-label={t('bulk.share.heading')}
      data-testid="bulk-share"
      className="grid gap-3 rounded border border-slate-200 bg-white p-3 text-sm md:grid-cols-2 print:hidden dark:border-slate-700 dark:bg-slate-900"
    >
      <ShareLink
        id="bulk-result-link"
        label={t('bulk.share.result')}
        help={run.expiresAt ? t('bulk.share.resultKept', { time: time(run.expiresAt) }) : t('bulk.share.resultHelp')}
        value={result}
        copy={t('bulk.share.copyResult')}
      />
      <ShareLink
        id="bulk-input-link"
        label={t('bulk.share.input')}
        help={tp('bulk.share.inputHelp', domains.length)}
        value={input}
        copy={t('bulk.share.copyInput')}
      />
    </section>
  );
}

function ShareLink({
  id,
  label,
  help,
  value,
  copy,
}: {
  id: string;
  label: string;
  help: string;
  value: string;
  copy: string;
}) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <p id={`${id}-help`} className="text-slate-600 dark:text-slate-400">
        {help}
      </p>
      <div className="flex items-center gap-2">
        <input
          id={id}
          data-testid={id}
          type="text"
          readOnly
          value={value}
          aria-describedby={`${id}-help`}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 truncate rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-950"
        />
        <CopyButton value={value} label={copy} text={copy} testId={`${id}-copy`} />
      </div>
    </div>
  );
}
