import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { Trans } from '@/components/ui/trans';
import type { Lookup } from '@/lib/schema';
import { isAnswered } from '@/lib/schema-values';

const CELL = 'px-2 py-1.5 align-top';

/** The technical layer: every lookup behind the verdict, failures included, as compact text. */
export function LookupTable({ lookups }: { lookups: readonly Lookup[] }) {
  const { t, num } = useT();
  const none = t('ui.lookup.none');
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="min-w-full text-left text-xs" data-testid="lookup-table">
        <caption className="sr-only">{t('ui.lookup.caption')}</caption>
        <thead className="bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          <tr>
            <th scope="col" className={CELL}>
              {t('ui.lookup.name')}
            </th>
            <th scope="col" className={CELL}>
              {t('ui.lookup.type')}
            </th>
            <th scope="col" className={CELL}>
              {t('ui.lookup.outcome')}
            </th>
            <th scope="col" className={CELL}>
              {t('ui.lookup.rcode')}
            </th>
            <th scope="col" className={CELL}>
              {t('ui.lookup.answers')}
            </th>
            <th scope="col" className={CELL}>
              {t('ui.lookup.chain')}
            </th>
            <th scope="col" className={CELL}>
              {t('ui.lookup.server')}
            </th>
            <th scope="col" className={`${CELL} text-right`}>
              {t('ui.lookup.attempts')}
            </th>
            <th scope="col" className={`${CELL} text-right`}>
              {t('ui.lookup.elapsed')}
            </th>
            <th scope="col" className={CELL}>
              {t('ui.lookup.cached')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
          {lookups.map((l, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same name and type can be asked twice; lookups never reorder
            <tr key={`${l.name}:${l.type}:${index}`}>
              <td className={`${CELL} min-w-40`}>
                <DnsText value={l.name} wrap="anywhere" />
              </td>
              <td className={`${CELL} font-mono`}>{l.type}</td>
              <td className={`${CELL} whitespace-nowrap`}>
                <span className={isAnswered(l.outcome) ? '' : 'font-semibold text-slate-900 dark:text-white'}>
                  {t(`ui.lookup.outcomes.${l.outcome}`)}
                </span>
              </td>
              <td className={`${CELL} font-mono`}>{l.rcode ?? none}</td>
              <td className={`${CELL} min-w-56`}>
                {l.answers.length === 0 ? (
                  none
                ) : (
                  <ul className="space-y-0.5">
                    {l.answers.map((a, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: answers of one lookup never reorder
                      <li key={i}>
                        <Trans
                          code="ui.lookup.answer"
                          params={{
                            type: <span className="font-mono text-slate-500 dark:text-slate-400">{a.type}</span>,
                            data: <DnsText value={a.data} wrap="anywhere" />,
                            ttl: (
                              <span className="whitespace-nowrap text-slate-500 dark:text-slate-400">
                                {t('ui.lookup.ttl', { ttl: a.ttl })}
                              </span>
                            ),
                          }}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className={`${CELL} min-w-40`}>
                {l.chain.length === 0 ? (
                  none
                ) : (
                  <span>
                    {l.chain.map((hop, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: hops of one chain never reorder
                      <span key={i} className="mr-1 inline-block">
                        <Trans code="ui.lookup.hop" params={{ name: <DnsText value={hop} wrap="anywhere" /> }} />
                      </span>
                    ))}
                    {l.chainEnd !== 'terminal' && l.chainEnd !== 'none' ? (
                      <span className="text-slate-500 dark:text-slate-400">
                        {t('ui.lookup.chainEndNote', { text: t(`ui.lookup.chainEnd.${l.chainEnd}`) })}
                      </span>
                    ) : null}
                  </span>
                )}
              </td>
              <td className={`${CELL} font-mono whitespace-nowrap`}>
                {l.server ? (
                  l.tcp ? (
                    <Trans code="ui.lookup.overTcp" params={{ server: <DnsText value={l.server} /> }} />
                  ) : (
                    <DnsText value={l.server} />
                  )
                ) : (
                  none
                )}
              </td>
              <td className={`${CELL} text-right tabular-nums`}>{num(l.attempts)}</td>
              <td className={`${CELL} text-right tabular-nums`}>{num(Math.round(l.elapsedMs))}</td>
              <td className={CELL}>{l.cached ? t('ui.lookup.yes') : t('ui.lookup.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
