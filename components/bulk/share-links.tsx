'use client';

import { useMemo } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { useT } from '@/components/ui/i18n-provider';
import { bulkInputLink, bulkResultLink } from '@/lib/bulk/bulk-link';
import type { BulkRunState } from './use-bulk-run';

const origin = () => (typeof window === 'undefined' ? '' : window.location.origin);

/**
 * The two share links, each named for what it does: the result link shows this run's stored results (with their
 * checked-at times, until the run expires); the input link runs the same list, cloud and services again.
 * Each link can also be shown as selectable text.
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
      className="rounded border border-slate-200 bg-white p-3 text-sm print:hidden dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap gap-x-8 gap-y-3">
        <ShareItem
          label={t('bulk.share.result')}
          help={run.expiresAt ? t('bulk.share.resultKept', { time: time(run.expiresAt) }) : t('bulk.share.resultHelp')}
          value={result}
          copy={t('bulk.share.copyResult')}
          testId="bulk-result-link-copy"
        />
        <ShareItem
          label={t('bulk.share.input')}
          help={tp('bulk.share.inputHelp', domains.length)}
          value={input}
          copy={t('bulk.share.copyInput')}
          testId="bulk-input-link-copy"
        />
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-400">
          {t('bulk.share.showText')}
        </summary>
        <div className="mt-2 grid gap-2 md:grid-cols-2">
          <LinkText id="bulk-result-link" label={t('bulk.share.result')} value={result} />
          <LinkText id="bulk-input-link" label={t('bulk.share.input')} value={input} />
        </div>
      </details>
    </section>
  );
}

function ShareItem(props: { label: string; help: string; value: string; copy: string; testId: string }) {
  return (
    <div className="min-w-0 flex-1 basis-80">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-semibold">{props.label}</span>
        <CopyButton value={props.value} label={props.copy} text={props.copy} testId={props.testId} />
      </div>
      <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{props.help}</p>
    </div>
  );
}

/** The link as selectable text, for browsers that refuse the clipboard (a page served over plain http). */
function LinkText({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-xs font-semibold">
        {label}
      </label>
      <input
        id={id}
        data-testid={id}
        type="text"
        readOnly
        value={value}
        onFocus={(event) => event.currentTarget.select()}
        className="w-full truncate rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-950"
      />
    </div>
  );
}
