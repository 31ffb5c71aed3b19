import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { Trans } from '@/components/ui/trans';
import type { Lookup } from '@/lib/schema';
import { isAnswered } from '@/lib/schema';
import { PRINT_HEADING } from './print-table';

const TH = 'border-b border-slate-500 px-1 py-0.5 text-left align-bottom font-semibold';
const TD = 'border-b border-slate-300 px-1 py-px align-top';

/**
 * What a lookup took: `31 ms`, the attempts when not one, over TCP when it was; "from cache" instead for an
 * answer our cache served (no attempt, no time).
 */
function Timing({ lookup }: { lookup: Lookup }) {
  const { t, tp, num } = useT();
  const parts = lookup.cached
    ? [t('ui.detail.printout.cached')]
    : [
        ...(lookup.attempts === 1 ? [] : [tp('ui.detail.printout.attempts', lookup.attempts)]),
        t('ui.detail.printout.ms', { ms: num(Math.round(lookup.elapsedMs)) }),
        ...(lookup.tcp ? [t('ui.lookup.tcp')] : []),
      ];
  return <>{parts.join(t('ui.health.separator'))}</>;
}

/**
 * A row too tall to keep on one page (a long TXT set, a 4,000-character value) may break across pages; kept
 * whole, it would first leave the rest of the page empty and then break anyway.
 */
function breakable(lookup: Lookup): boolean {
  return lookup.answers.length > 8 || lookup.answers.reduce((sum, a) => sum + a.data.length, 0) > 1200;
}

/** The one server that gave every reply, or null when replies came from several (or none). */
function onlyServer(lookups: readonly Lookup[]): string | null {
  const servers = new Set(lookups.flatMap((l) => (l.server ? [l.server] : [])));
  return servers.size === 1 ? ([...servers][0] ?? null) : null;
}

/** The chain hops worth printing: a CNAME lookup's single hop is already its answer. */
function shownHops(lookup: Lookup): readonly string[] {
  const answered = new Set(lookup.answers.filter((a) => a.type === 'CNAME').map((a) => a.data));
  return lookup.chain.filter((hop) => !answered.has(hop));
}

/**
 * The printout's appendix: every DNS lookup once, in small monospace on a fixed grid (a long value wraps inside
 * its column instead of widening the table past the page): name, type, outcome and RCODE, the CNAME chain and
 * how it ended, every raw answer with its TTL, the server (said once when it is always the same) and the time.
 */
export function PrintLookups({ lookups }: { lookups: readonly Lookup[] }) {
  const { t } = useT();
  const none = t('ui.lookup.none');
  // One resolver answering everything (the usual case) is said once, above the table, not on every row.
  const server = onlyServer(lookups);
  return (
    <section aria-labelledby="print-lookups" data-testid="print-lookups">
      <h2 id="print-lookups" className={PRINT_HEADING}>
        {t('ui.detail.lookupsHeading')}
      </h2>
      {server ? (
        <p className="mb-0.5 text-[0.8rem]" data-testid="print-lookups-server">
          <Trans code="ui.detail.printout.allFrom" params={{ server: <DnsText value={server} /> }} />
        </p>
      ) : null}
      <table className="w-full table-fixed border-collapse font-mono text-[0.7rem] leading-tight">
        <colgroup>
          <col className="w-[28%]" />
          <col className="w-[6%]" />
          <col className="w-[15%]" />
          <col className="w-[7.5%]" />
          <col />
          <col className={server ? 'w-[11%]' : 'w-[18%]'} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className={TH}>
              {t('ui.lookup.name')}
            </th>
            <th scope="col" className={TH}>
              {t('ui.lookup.type')}
            </th>
            <th scope="col" className={TH}>
              {t('ui.lookup.outcome')}
            </th>
            <th scope="col" className={TH}>
              {t('ui.lookup.rcode')}
            </th>
            <th scope="col" className={TH}>
              {t('ui.detail.printout.chainAndAnswers')}
            </th>
            <th scope="col" className={TH}>
              {server ? t('ui.detail.printout.timing') : t('ui.lookup.server')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lookups.map((l) => (
            // One row per name and type: the report lists each lookup once (detail-report.tsx).
            <tr key={`${l.name}|${l.type}`} data-testid="print-lookup" data-breakable={breakable(l) || undefined}>
              <td className={TD}>
                <DnsText value={l.name} wrap="anywhere" />
              </td>
              <td className={TD}>{l.type}</td>
              <td className={`${TD} font-sans ${isAnswered(l.outcome) ? '' : 'font-bold'}`}>
                {t(`ui.lookup.outcomes.${l.outcome}`)}
              </td>
              <td className={TD}>{l.rcode ?? none}</td>
              <td className={TD}>
                {shownHops(l).map((hop, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: hops of one chain never reorder
                  <span key={i} className="block">
                    <Trans code="ui.lookup.hop" params={{ name: <DnsText value={hop} wrap="anywhere" /> }} />
                  </span>
                ))}
                {l.chainEnd !== 'terminal' && l.chainEnd !== 'none' ? (
                  <span className="block font-sans">
                    {t('ui.lookup.chainEndNote', { text: t(`ui.lookup.chainEnd.${l.chainEnd}`) })}
                  </span>
                ) : null}
                {l.answers.length === 0 && shownHops(l).length === 0 ? none : null}
                {l.answers.map((a, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: answers of one lookup never reorder
                  <span key={i} className="block">
                    <Trans
                      code="ui.lookup.answer"
                      params={{
                        type: <span className="text-slate-600">{a.type}</span>,
                        data: <DnsText value={a.data} wrap="anywhere" />,
                        ttl: <span className="text-slate-600">{t('ui.lookup.ttl', { ttl: a.ttl })}</span>,
                      }}
                    />
                  </span>
                ))}
              </td>
              <td className={TD}>
                {server || !l.server ? null : <DnsText value={l.server} wrap="anywhere" className="block" />}
                <Timing lookup={l} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
