'use client';

import useSWR from 'swr';
import { useT } from '@/components/ui/i18n-provider';
import { fetchJson } from '@/lib/client/fetcher';
import { ChannelList, channelsKey, type Delivery, DeliveryList, deliveriesKey } from '@/lib/schema-alerts';
import { LoadError } from './form-message';

const STATUS_CLASS: Record<Delivery['status'], string> = {
  sent: 'text-emerald-700 dark:text-emerald-300',
  retrying: 'text-amber-700 dark:text-amber-300',
  failed: 'text-red-700 dark:text-red-300',
};

/**
 * A list's alert delivery log (GET /api/lists/:id/deliveries), newest first: when, what, status, attempts and the
 * last error. Refreshes every 30 s while shown, so a retry that went out shows without a reload. For the list page.
 */
export function DeliveryLog({ listId }: { listId: string }) {
  const { t, time } = useT();
  const { data, error } = useSWR(deliveriesKey(listId), (url: string) => fetchJson(url, DeliveryList), {
    refreshInterval: 30_000,
    revalidateOnFocus: false,
  });
  // Which channel each delivery went to (a list can have several); a deleted channel shows its id's start.
  const channels = useSWR(channelsKey(), (url: string) => fetchJson(url, ChannelList), { revalidateOnFocus: false });
  const channelName = (id: string) => channels.data?.channels.find((c) => c.id === id)?.name ?? id.slice(0, 8);
  return (
    <section aria-labelledby="delivery-log-title" data-testid="delivery-log" className="space-y-2">
      <h2 id="delivery-log-title" className="text-lg font-semibold">
        {t('alerts.ui.logTitle')}
      </h2>
      <LoadError error={error} />
      {data && data.deliveries.length === 0 ? <p className="text-sm">{t('alerts.ui.logEmpty')}</p> : null}
      {data && data.deliveries.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  {t('alerts.ui.when')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('alerts.ui.channel')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('alerts.ui.what')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('alerts.ui.status')}
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  {t('alerts.ui.attempts')}
                </th>
                <th scope="col" className="py-1">
                  {t('alerts.ui.error')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.deliveries.map((d) => (
                <tr
                  key={d.id}
                  data-testid="delivery-row"
                  className="border-t border-slate-100 align-top dark:border-slate-900"
                >
                  <td className="whitespace-nowrap py-1.5 pr-3">
                    <time dateTime={d.at}>{time(d.at)}</time>
                  </td>
                  <td className="py-1.5 pr-3">{channelName(d.channelId)}</td>
                  <td className="py-1.5 pr-3">{t(`alerts.ui.deliveryKind.${d.kind}`)}</td>
                  <td className={`py-1.5 pr-3 font-medium ${STATUS_CLASS[d.status]}`}>
                    {t(`alerts.ui.deliveryStatus.${d.status}`)}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{d.attempts}</td>
                  <td className="min-w-[10rem] break-all py-1.5 text-xs">{d.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
