import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { WarningIcon } from '@/components/ui/icons';
import type { Authority, AuthServer } from '@/lib/schema';

const LABEL = 'text-slate-600 dark:text-slate-400';
const CELL = 'px-2 py-1 align-top';

function listedBy(s: AuthServer): 'both' | 'parent' | 'apex' | 'none' {
  if (s.inParent && s.inApex) return 'both';
  if (s.inParent) return 'parent';
  if (s.inApex) return 'apex';
  return 'none';
}

/**
 * The domain's own DNS servers (issue 14): what the verdict rests on (their answers, or only the resolver, with
 * the reason), each server with its address, whether it answers for the zone and its SOA serial, whether the
 * parent and the zone list the same servers, and the zone health checks with their severity. Zone health never
 * changes the Microsoft 365 verdict; the card says so.
 */
export function DnsServersCard({
  authority,
  resolvers,
  id,
}: {
  authority: Authority;
  resolvers: string[];
  id: string;
}) {
  const { t } = useT();
  const resolver = resolvers.join(t('ui.details.serverSeparator'));
  const basis =
    authority.basedOn === 'authoritative'
      ? t('authority.basis.authoritative', { zone: authority.zone ?? '' })
      : t(`authority.fallback.${authority.fallback ?? 'disabled'}`, { resolver });
  const servers = authority.servers.filter((s) => s.name !== '.');
  const delegation =
    authority.delegationMatch === null
      ? t('authority.delegation.unknown')
      : authority.delegationMatch
        ? t('authority.delegation.match')
        : t('authority.delegation.mismatch', {
            parent: authority.parentNs.join(', '),
            apex: authority.apexNs.join(', '),
          });
  return (
    <section
      aria-labelledby={id}
      data-testid="dns-servers"
      data-based-on={authority.basedOn}
      className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={id} className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {t('authority.heading')}
      </h2>
      <p
        className={`mt-1 ${authority.basedOn === 'resolver' && authority.fallback !== 'disabled' ? 'flex items-start gap-1.5 font-medium text-amber-900 dark:text-amber-200' : ''}`}
        data-testid="dns-servers-basis"
      >
        {authority.basedOn === 'resolver' && authority.fallback !== 'disabled' ? (
          <WarningIcon className="mt-0.5 size-4 shrink-0" />
        ) : null}
        <span>{basis}</span>
      </p>
      {authority.servers.length > 0 ? (
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-xs" data-testid="dns-servers-table">
            <thead>
              <tr className={LABEL}>
                <th scope="col" className={`${CELL} text-left font-medium`}>
                  {t('authority.column.server')}
                </th>
                <th scope="col" className={`${CELL} text-left font-medium`}>
                  {t('authority.column.address')}
                </th>
                <th scope="col" className={`${CELL} text-left font-medium`}>
                  {t('authority.column.listed')}
                </th>
                <th scope="col" className={`${CELL} text-left font-medium`}>
                  {t('authority.column.answers')}
                </th>
                <th scope="col" className={`${CELL} text-left font-medium`}>
                  {t('authority.column.serial')}
                </th>
              </tr>
            </thead>
            <tbody>
              {authority.servers.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of one report never reorder
                <tr key={i} data-testid="dns-server-row" data-problem={s.problem ?? ''}>
                  <td className={CELL}>
                    <DnsText value={s.name} wrap="anywhere" />
                  </td>
                  <td className={`${CELL} font-mono`}>{s.address ?? '—'}</td>
                  <td className={CELL}>{t(`authority.listed.${listedBy(s)}`)}</td>
                  <td className={CELL}>
                    {s.problem
                      ? t(`authority.problem.${s.problem}`)
                      : t(`authority.answers.${s.aa === null ? 'unknown' : s.aa ? 'yes' : 'no'}`)}
                  </td>
                  <td className={`${CELL} font-mono`}>{s.soaSerial ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {servers.length > 0 ? (
        <p className="mt-2 text-xs" data-testid="dns-servers-delegation">
          {delegation}
        </p>
      ) : null}
      {authority.basedOn === 'authoritative' || authority.health.length > 0 ? (
        <div className="mt-2">
          <h3 className={`text-xs font-semibold ${LABEL}`}>{t('authority.health.heading')}</h3>
          {authority.health.length === 0 ? (
            <p className="text-xs" data-testid="dns-servers-healthy">
              {t('authority.none')}
            </p>
          ) : (
            <ul className="mt-1 space-y-1 text-xs">
              {authority.health.map((h) => (
                <li key={h.code} data-testid="dns-servers-health" data-code={h.code} data-severity={h.severity}>
                  <span className="font-semibold">{t(`authority.severity.${h.severity}`)}: </span>
                  {t(`authority.health.${h.code}`, { servers: h.servers.join(', ') })}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}
