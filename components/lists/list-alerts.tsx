'use client';

import { useId, useState } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import { ChannelForm } from '@/components/alerts/ChannelForm';
import { useT } from '@/components/ui/i18n-provider';
import { errorFromResponse } from '@/lib/client/api-error';
import { fetchJson } from '@/lib/client/fetcher';
import {
  ALERT_ON,
  type AlertOn,
  ChannelList,
  channelsKey,
  DeliveryList,
  deliveriesKey,
  Subscriptions,
} from '@/lib/schema-alerts';
import { FormMessage, LoadError } from '../alerts/form-message';

const INPUT = 'rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800';
const BUTTON =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold disabled:opacity-60 dark:border-slate-700';

export const alertsKey = (listId: string) => `/api/lists/${encodeURIComponent(listId)}/alerts`;

/**
 * Which channels hear about a list and on what (GET/PUT /api/lists/:id/alerts): newly broken (the default), any
 * change, or fixed; a new channel inline (ChannelForm, subscribed at once) and "Send a test message" to the
 * list's channels (kept in its delivery log). Read-only unless `editable` (operators).
 */
export function ListAlerts({ listId, editable }: { listId: string; editable: boolean }) {
  const { t, num } = useT();
  const id = useId();
  const { mutate: mutateGlobal } = useSWRConfig();
  const channels = useSWR(channelsKey(), (url: string) => fetchJson(url, ChannelList), { revalidateOnFocus: false });
  const subs = useSWR(alertsKey(listId), (url: string) => fetchJson(url, Subscriptions), { revalidateOnFocus: false });
  const [draft, setDraft] = useState<Map<string, AlertOn> | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState(false);
  const saved = new Map((subs.data?.subscriptions ?? []).map((s) => [s.channelId, s.on] as const));
  const chosen = draft ?? saved;
  const onName: Record<AlertOn, string> = {
    newly_broken: t('lists.alerts.onName.newly_broken'),
    any_change: t('lists.alerts.onName.any_change'),
    fixed: t('lists.alerts.onName.fixed'),
  };

  async function put(next: Map<string, AlertOn>) {
    const res = await fetch(alertsKey(listId), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subscriptions: [...next].map(([channelId, on]) => ({ channelId, on })) }),
    });
    if (!res.ok) throw await errorFromResponse(res);
    await subs.mutate(Subscriptions.parse(await res.json()), { revalidate: false });
    setDraft(null);
  }

  async function act(work: () => Promise<string | null>) {
    setBusy(true);
    setMessage(null);
    try {
      const text = await work();
      if (text) setMessage({ text, error: false });
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : String(err), error: true });
    } finally {
      setBusy(false);
    }
  }

  const save = () =>
    act(async () => {
      await put(chosen);
      return t('lists.alerts.saved');
    });

  const test = () =>
    act(async () => {
      const res = await fetch(`${alertsKey(listId)}/test`, { method: 'POST' });
      if (!res.ok) throw await errorFromResponse(res);
      const { deliveries } = DeliveryList.parse(await res.json());
      await mutateGlobal(deliveriesKey(listId));
      if (deliveries.some((d) => d.status !== 'sent')) throw new Error(t('lists.alerts.testFailed'));
      return t('lists.alerts.testSent', { count: num(deliveries.length) });
    });

  const toggle = (channelId: string, on: AlertOn | null) => {
    const next = new Map(chosen);
    if (on === null) next.delete(channelId);
    else next.set(channelId, on);
    setDraft(next);
  };

  const list = channels.data?.channels ?? [];
  const shown = editable ? list : list.filter((c) => saved.has(c.id));
  const error = channels.error ?? subs.error;
  return (
    <section aria-labelledby={`${id}-h`} data-testid="list-alerts" className="min-w-0 space-y-2">
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        {t('lists.alerts.heading')}
      </h2>
      <LoadError error={error} />
      {channels.data && subs.data && shown.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {editable ? t('lists.alerts.noChannels') : t('lists.alerts.none')}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-900">
          {shown.map((c) => {
            const on = chosen.get(c.id) ?? null;
            return (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5" data-channel={c.name}>
                <label className="flex min-w-0 items-center gap-2">
                  <input
                    type="checkbox"
                    checked={on !== null}
                    disabled={!editable}
                    onChange={(e) => toggle(c.id, e.target.checked ? (saved.get(c.id) ?? 'newly_broken') : null)}
                  />
                  <span className="shrink-0 font-medium">{c.name}</span>
                  <span className="truncate text-xs text-slate-500">
                    {t(`alerts.ui.kindName.${c.kind}`)} · {c.target}
                  </span>
                </label>
                {editable ? (
                  <label className="flex items-center gap-1 text-xs">
                    {t('lists.alerts.on')}
                    <select
                      className={INPUT}
                      value={on ?? 'newly_broken'}
                      disabled={on === null}
                      onChange={(e) => toggle(c.id, e.target.value as AlertOn)}
                    >
                      {ALERT_ON.map((o) => (
                        <option key={o} value={o}>
                          {onName[o]}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : on ? (
                  <span className="text-xs">
                    {t('lists.alerts.on')}: {onName[on]}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {editable ? (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={BUTTON} disabled={busy || draft === null} onClick={save}>
            {t('lists.alerts.save')}
          </button>
          <button
            type="button"
            className={BUTTON}
            disabled={busy || saved.size === 0 || draft !== null}
            onClick={test}
            data-testid="list-alerts-test"
          >
            {t('lists.alerts.test')}
          </button>
          <button type="button" className={BUTTON} aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {t('lists.alerts.newChannel')}
          </button>
        </div>
      ) : (
        <p className="text-xs text-slate-500">{t('lists.alerts.readOnly')}</p>
      )}
      <FormMessage message={message} />
      {editable && adding ? (
        <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
          <ChannelForm
            onCreated={(channel) => {
              void channels.mutate();
              void act(async () => {
                await put(new Map(saved).set(channel.id, 'newly_broken'));
                return null;
              });
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
