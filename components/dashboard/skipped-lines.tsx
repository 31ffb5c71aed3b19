import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { Trans } from '@/components/ui/trans';
import type { InvalidEntry } from '@/lib/schema';

/** Lines the server refused that the form had not already flagged (the two parsers should agree; if not, it shows). */
export function SkippedLines({ entries }: { entries: readonly InvalidEntry[] }) {
  const { t, num } = useT();
  if (entries.length === 0) return null;
  return (
    <section
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
      data-testid="skipped-lines"
    >
      <h3 className="font-semibold">{t('ui.table.skippedHeading')}</h3>
      <ul className="mt-1 space-y-1">
        {entries.map((e) => (
          <li key={`${e.line}:${e.input}`} data-line={e.line}>
            <Trans
              code="ui.table.skippedEntry"
              params={{
                line: <span className="font-semibold">{t('ui.table.skippedLine', { line: num(e.line) })}</span>,
                input: <DnsText value={e.input} />,
                reason: <DnsText value={e.reason} mono={false} />,
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
