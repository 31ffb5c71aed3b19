import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { ExternalIcon, WarningIcon } from '@/components/ui/icons';
import { safeHttpsUrl } from '@/lib/client/safe-link';
import type { DnsHost } from '@/lib/schema';
import { isAnswered } from '@/lib/schema-values';

const LABEL = 'text-slate-600 dark:text-slate-400';

/**
 * Who hosts the domain's DNS (from its NS records), how sure we are, and where that host's instructions are.
 * Microsoft-managed DNS says to act in the admin center instead. A failed NS lookup is "could not identify",
 * never "generic host".
 */
export function DnsHostCard({ host, id }: { host: DnsHost; id: string }) {
  const { t, lang } = useT();
  const failed = !isAnswered(host.lookup);
  const known = !failed && host.confidence !== 'none';
  const link = failed ? null : safeHttpsUrl(host.instructionsUrl, lang);
  const helpLink = failed || !host.hostHelpUrl ? null : safeHttpsUrl(host.hostHelpUrl, lang);
  const headline = failed
    ? null
    : known
      ? t(`hosts.detected.${host.confidence}`, { host: host.name })
      : t(host.ns.length > 0 ? 'hosts.generic.detected' : 'hosts.generic.no-name-servers');
  return (
    <section
      aria-labelledby={id}
      data-testid="dns-host"
      data-host={host.id}
      data-confidence={host.confidence}
      className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h3 id={id} className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {t('ui.host.heading')}
      </h3>
      {known ? (
        <p className="mt-1 text-base font-semibold" data-testid="dns-host-name">
          <DnsText value={host.name} mono={false} />
        </p>
      ) : null}
      {headline ? <p className="mt-1">{headline}</p> : null}
      {failed ? (
        <p
          role="note"
          data-testid="dns-host-failed"
          className="mt-1 flex items-start gap-1.5 font-medium text-slate-800 dark:text-slate-100"
        >
          <WarningIcon className="mt-0.5 size-4" />
          <span>{t('ui.host.lookupFailed', { outcome: t(`ui.lookup.outcomes.${host.lookup}`) })}</span>
        </p>
      ) : null}
      {host.managedByMicrosoft ? (
        <p
          className="mt-2 rounded-md bg-sky-50 p-2 text-sky-950 dark:bg-sky-950 dark:text-sky-100"
          data-testid="dns-host-managed"
        >
          {t('ui.host.managed', {
            message: t(host.id === '21vianet-managed' ? 'hosts.managed-by-21vianet' : 'hosts.managed-by-microsoft'),
          })}
        </p>
      ) : null}
      {host.mixed ? (
        <p data-testid="dns-host-mixed" className="mt-2 flex items-start gap-1.5 text-amber-900 dark:text-amber-200">
          <WarningIcon className="mt-0.5 size-4" />
          <span>{t('hosts.mixed')}</span>
        </p>
      ) : null}
      <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
        {!failed ? (
          <>
            <dt className={LABEL}>{t('ui.host.confidenceLabel')}</dt>
            <dd>{t(`hosts.confidence.${host.confidence}`)}</dd>
          </>
        ) : null}
        <dt className={LABEL}>{t('ui.host.zone')}</dt>
        <dd>
          <DnsText value={host.zone} wrap="anywhere" />
        </dd>
        {host.ns.length > 0 ? (
          <>
            <dt className={LABEL}>{t('ui.host.ns')}</dt>
            <dd>
              <ul data-testid="dns-host-ns">
                {host.ns.map((ns, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: name servers of one lookup never reorder
                  <li key={i}>
                    <DnsText value={ns} wrap="anywhere" />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {link ? (
        <p className="mt-2">
          <InstructionsAnchor href={link} testId="dns-host-link">
            {t(`hosts.instructions.${host.instructionsKind}`, { host: host.name })}
          </InstructionsAnchor>
        </p>
      ) : null}
      {helpLink && host.hostHelpKind ? (
        <p className="mt-1" data-testid="dns-host-help">
          <InstructionsAnchor href={helpLink} testId="dns-host-help-link">
            {t(`hosts.instructions.${host.hostHelpKind}`, { host: host.name })}
          </InstructionsAnchor>
          <span className="mt-0.5 block text-xs text-slate-600 dark:text-slate-400">
            {t('hosts.commercial-examples')}
          </span>
        </p>
      ) : null}
    </section>
  );
}

/** An instructions link that opens in a new tab and says so to screen readers. */
function InstructionsAnchor({ href, testId, children }: { href: string; testId: string; children: React.ReactNode }) {
  const { t } = useT();
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      data-testid={testId}
      className="inline-flex items-center gap-1 font-medium text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-300 dark:hover:text-sky-100"
    >
      {children}
      <ExternalIcon className="size-3.5" />
      <span className="sr-only">{t('ui.host.instructionsNewTab')}</span>
    </a>
  );
}
