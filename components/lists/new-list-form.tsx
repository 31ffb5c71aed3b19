'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useT } from '@/components/ui/i18n-provider';
import type { InvalidEntry } from '@/lib/schema';

const input =
  'mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900';

/** Creates a list from pasted domains or a CSV file (read here as text; the server imports it as /bulk does). */
export function NewListForm() {
  const { t } = useT();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<InvalidEntry[]>([]);
  const [csv, setCsv] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const body = {
        name: String(form.get('name') ?? ''),
        cloud: String(form.get('cloud') ?? 'auto'),
        ...(csv !== null ? { csv } : { domains: String(form.get('domains') ?? '') }),
      };
      const res = await fetch('/api/lists', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json().catch(() => ({}))) as {
        message?: string;
        list?: { id: string };
        invalid?: InvalidEntry[];
        issues?: InvalidEntry[];
      };
      if (!res.ok || !json.list) {
        setError(json.message ?? `HTTP ${res.status}`);
        setInvalid(json.issues ?? []);
        return;
      }
      setInvalid(json.invalid ?? []);
      router.push(`/lists/${json.list.id}${(json.invalid?.length ?? 0) > 0 ? `?invalid=${json.invalid?.length}` : ''}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="max-w-2xl space-y-4" data-testid="new-list-form">
      <label className="block text-sm font-medium">
        {t('lists.new.name')}
        <input name="name" required maxLength={120} className={input} />
      </label>
      <label className="block text-sm font-medium">
        {t('lists.new.domains')}
        <textarea name="domains" rows={8} className={`${input} font-mono`} disabled={csv !== null} />
      </label>
      <label className="block text-sm font-medium">
        {t('lists.new.file')}
        <input
          type="file"
          accept=".csv,.tsv,text/csv"
          className="mt-1 block text-sm"
          data-testid="list-csv"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            setCsv(file ? await file.text() : null);
          }}
        />
      </label>
      <label className="block text-sm font-medium">
        {t('lists.new.cloud')}
        <select name="cloud" defaultValue="auto" className={input}>
          {['auto', 'worldwide', 'gcc', 'gcchigh', 'dod', '21vianet'].map((c) => (
            <option key={c} value={c}>
              {t(`ui.cloudChoice.${c}`)}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
          {invalid.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {invalid.slice(0, 20).map((i) => (
                <li key={i.line}>
                  {i.line}: {i.input} — {i.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {busy ? t('lists.new.creating') : t('lists.new.submit')}
      </button>
    </form>
  );
}
