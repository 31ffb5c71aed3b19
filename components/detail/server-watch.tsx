'use client';

import { useState } from 'react';
import useSWR from 'swr';
import { useT } from '@/components/ui/i18n-provider';
import { fetchJson } from '@/lib/client/fetcher';
import { ChannelList, channelsKey, Watch } from '@/lib/schema-alerts';

const BUTTON =
  'rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

/**
 * "Tell me when it's live" on the server (issue 17, section 6): a watch that outlives the tab (POST /api/watches) and tells
 * a channel once, when live or when it gives up. The channels are loaded only when the reader opens this.
 */
export function ServerWatch({ domain }: { domain: string }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [channelId, setChannelId] = useState('');
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  const { data } = useSWR(open ? channelsKey() : null, (url: string) => fetchJson(url, ChannelList), {
    revalidateOnFocus: false,
  });

  async function start() {
    setResult(null);
    try {
      const res = await fetch('/api/watches', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ domain, ...(channelId ? { channelId } : {}) }),
      });
      const json: unknown = await res.json().catch(() => null);
      const parsed = Watch.safeParse(json);
      if (!res.ok || !parsed.success)
        throw new Error((json as { message?: string } | null)?.message ?? `HTTP ${res.status}`);
      setResult({ text: t('alerts.ui.watchStarted', { id: parsed.data.id }), error: false });
    } catch (err) {
      setResult({ text: err instanceof Error ? err.message : String(err), error: true });
    }
  }

  if (!open) {
    return (
      <button type="button" className={BUTTON} data-testid="server-watch-open" onClick={() => setOpen(true)}>
        {t('alerts.ui.watchOnServer')}
      </button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-testid="server-watch">
      <label className="text-sm">
        {t('alerts.ui.watchChannel')}{' '}
        <select
          className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
          value={channelId}
          onChange={(e) => setChannelId(e.target.value)}
        >
          <option value="">{t('alerts.ui.watchNoChannel')}</option>
          {(data?.channels ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className={BUTTON} data-testid="server-watch-start" onClick={start}>
        {t('alerts.ui.watchStart')}
      </button>
      {result ? (
        <span role={result.error ? 'alert' : 'status'} className="text-sm">
          {result.text}
        </span>
      ) : null}
    </span>
  );
}
