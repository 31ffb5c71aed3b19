'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '@/components/ui/i18n-provider';

const button =
  'rounded-md px-3 py-2 text-sm font-semibold disabled:opacity-60 border border-slate-300 dark:border-slate-700';

/** Run now (and wait for the run to finish, then show it), and delete with a confirmation. */
export function ListActions({ id, name }: { id: string; name: string }) {
  const { t } = useT();
  const router = useRouter();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function runNow() {
    setRunning(true);
    setError(null);
    try {
      const res = await fetch(`/api/lists/${id}/runs`, { method: 'POST' });
      const json = (await res.json().catch(() => ({}))) as { runId?: string; message?: string };
      if (!res.ok || !json.runId) {
        setError(json.message ?? `HTTP ${res.status}`);
        return;
      }
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        const run = await fetch(`/api/runs/${json.runId}?limit=0`).then(
          (r) => r.json() as Promise<{ status?: string }>,
        );
        if (run.status !== 'queued' && run.status !== 'running') break;
      }
      router.refresh();
    } finally {
      setRunning(false);
    }
  }

  async function remove() {
    if (!window.confirm(t('lists.detail.confirmDelete', { name }))) return;
    const res = await fetch(`/api/lists/${id}`, { method: 'DELETE' });
    if (res.ok) router.push('/lists');
    else setError(`HTTP ${res.status}`);
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={runNow}
        disabled={running}
        className={`${button} bg-blue-700 text-white hover:bg-blue-800 border-blue-700`}
        data-testid="run-now"
      >
        {running ? t('lists.detail.running') : t('lists.detail.runNow')}
      </button>
      <button type="button" onClick={remove} className={`${button} text-red-700 dark:text-red-300`}>
        {t('lists.detail.delete')}
      </button>
      {error ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </div>
  );
}
