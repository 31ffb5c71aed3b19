'use client';

import useSWR from 'swr';
import { CellLabel } from '@/components/ui/cell-label';
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
            {/* On a phone each delivery is a card: the header row goes and every cell names its column. */}
            <thead className="hidden text-xs uppercase text-slate-500 sm:table-header-group">
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
            <tbody className="block sm:table-row-group">
              {data.deliveries.map((d) => (
                <tr
                  key={d.id}
                  data-testid="delivery-row"
                  className="block border-t border-slate-100 py-2 align-top sm:table-row sm:py-0 dark:border-slate-900"
                >
                  <td className="block py-0.5 sm:table-cell sm:whitespace-nowrap sm:py-1.5 sm:pr-3">
                    <CellLabel text={t('alerts.ui.when')} />
                    <time dateTime={d.at}>{time(d.at)}</time>
                  </td>
                  <td className="block py-0.5 sm:table-cell sm:py-1.5 sm:pr-3">
                    <CellLabel text={t('alerts.ui.channel')} />
                    {channelName(d.channelId)}
                  </td>
                  <td className="block py-0.5 sm:table-cell sm:py-1.5 sm:pr-3">
                    <CellLabel text={t('alerts.ui.what')} />
                    {t(`alerts.ui.deliveryKind.${d.kind}`)}
                  </td>
                  <td className={`block py-0.5 font-medium sm:table-cell sm:py-1.5 sm:pr-3 ${STATUS_CLASS[d.status]}`}>
                    <CellLabel text={t('alerts.ui.status')} />
                    {t(`alerts.ui.deliveryStatus.${d.status}`)}
                  </td>
                  <td className="block py-0.5 tabular-nums sm:table-cell sm:py-1.5 sm:pr-3 sm:text-right">
                    <CellLabel text={t('alerts.ui.attempts')} />
                    {d.attempts}
                  </td>
                  <td
                    className={`${d.error ? 'block' : 'hidden'} break-all py-0.5 text-xs sm:table-cell sm:min-w-[10rem] sm:py-1.5`}
                  >
                    <CellLabel text={t('alerts.ui.error')} />
                    {d.error ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
