'use client';

import { useState } from 'react';
import { useT } from '@/components/ui/i18n-provider';

/** "Save as list" on a finished bulk run: the run's domains, cloud and services become a new list. */
export function SaveAsList({ runId }: { runId: string }) {
  const { t } = useT();
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const name = window.prompt(t('lists.saveAsList.name'), new Date().toISOString().slice(0, 10));
    if (!name) return;
    const res = await fetch('/api/lists', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, fromRun: runId }),
    });
    const json = (await res.json().catch(() => ({}))) as { list?: { id: string }; message?: string };
    if (!res.ok || !json.list) setError(json.message ?? `HTTP ${res.status}`);
    else setSaved(json.list.id);
  }

  return (
    <span className="inline-flex items-center gap-2 text-sm">
      {saved ? (
        <a href={`/lists/${saved}`} className="text-blue-700 underline dark:text-blue-300" data-testid="saved-list">
          {t('ui.form.twoSentences', { lead: t('lists.saveAsList.saved'), next: t('lists.saveAsList.open') })}
        </a>
      ) : (
        <button
          type="button"
          onClick={save}
          className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold dark:border-slate-700"
          data-testid="save-as-list"
        >
          {t('lists.saveAsList.button')}
        </button>
      )}
      {error ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </span>
  );
}
