import { CopyButton } from '@/components/ui/copy-button';
import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import type { Report } from '@/lib/schema';

/** The plain-language paragraph a helpdesk agent reads to a caller, with a button that copies it. */
export function HelpdeskCallout({ report, id }: { report: Pick<Report, 'helpdesk' | 'display'>; id: string }) {
  const { t } = useT();
  if (report.helpdesk.text.trim() === '') return null;
  return (
    <section
      aria-labelledby={id}
      data-testid="helpdesk"
      className="rounded-lg border border-sky-200 bg-sky-50 p-3 sm:p-4 dark:border-sky-800 dark:bg-sky-950"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="text-xs font-semibold uppercase tracking-wide text-sky-900 dark:text-sky-200">
          {t('ui.helpdesk.heading')}
        </h3>
        <CopyButton
          value={report.helpdesk.text}
          text={t('ui.helpdesk.copy')}
          label={t('ui.helpdesk.copyAria', { domain: report.display })}
          testId="helpdesk-copy"
        />
      </div>
      <p
        className="mt-2 max-w-prose text-base leading-relaxed text-slate-900 dark:text-slate-50"
        data-testid="helpdesk-text"
      >
        <DnsText value={report.helpdesk.text} mono={false} limit={4000} />
      </p>
    </section>
  );
}
