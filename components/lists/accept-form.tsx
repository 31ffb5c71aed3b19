'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useT } from '@/components/ui/i18n-provider';

/** "Accept as intended" on one finding of a listed domain: a required note and an optional end date. */
export function AcceptForm({ listId, domain, record }: { listId: string; domain: string; record: string }) {
  const { t } = useT();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const until = String(form.get('expires') ?? '');
    const res = await fetch(`/api/lists/${listId}/acceptances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        domain,
        record,
        note: String(form.get('note') ?? ''),
        ...(until ? { expiresAt: new Date(`${until}T23:59:59`).toISOString() } : {}),
      }),
    });
    if (!res.ok) {
      const json = (await res.json().catch(() => ({}))) as { message?: string };
      setError(json.message ?? `HTTP ${res.status}`);
      return;
    }
    setOpen(false);
    router.refresh();
  }

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="text-xs text-blue-700 underline dark:text-blue-300"
        data-testid={`accept-${domain}-${record}`}
      >
        {t('lists.accept.button')}
      </button>
    );
  }
  return (
    <form onSubmit={submit} className="mt-1 flex flex-wrap items-end gap-2 text-xs" data-testid="accept-form">
      <label className="flex flex-col">
        {t('lists.accept.note')}
        <input
          name="note"
          required
          maxLength={500}
          className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      <label className="flex flex-col">
        {t('lists.accept.expires')}
        <input
          type="date"
          name="expires"
          className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      <button type="submit" className="rounded bg-blue-700 px-2 py-1 font-semibold text-white">
        {t('lists.accept.save')}
      </button>
      <button type="button" onClick={() => setOpen(false)} className="px-2 py-1 underline">
        {t('lists.accept.cancel')}
      </button>
      {error ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </form>
  );
}
