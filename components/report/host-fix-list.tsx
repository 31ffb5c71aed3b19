import { CopyButton } from '@/components/ui/copy-button';
import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { WarningIcon } from '@/components/ui/icons';
import { Trans } from '@/components/ui/trans';
import { toVisibleText } from '@/lib/client/dns-text';
import { placeholderHint } from '@/lib/client/records-view';
import { placeholderText } from '@/lib/fixes/placeholder-text';
import { RECORD_LABEL } from '@/lib/presentation';
import type { FixOp, HostFix } from '@/lib/schema';

export const OP_CLASS: Record<FixOp, string> = {
  add: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  change: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  delete: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
};

/** Fields picked from a list (type) or left at the host's default (TTL): nothing worth pasting. */
const NO_COPY: ReadonlySet<string> = new Set(['type', 'ttl']);

/**
 * One change, laid out like the DNS host's own form: its field names and order, each value with a Copy
 * button, the canonical record underneath, the host's pitfalls, and — for a tenant-specific value — a clear
 * mark and where to copy the real value from.
 */
export function HostFixCard({ fix }: { fix: HostFix }) {
  const { t } = useT();
  const { canonical } = fix;
  const hint = fix.placeholder ? placeholderHint(fix) : null;
  return (
    <li
      data-testid="host-fix"
      data-record={fix.record}
      data-op={canonical.op}
      data-placeholder={fix.placeholder}
      className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <p className="mb-2 flex flex-wrap items-center gap-2">
        <span
          data-testid="fix-op"
          className={`rounded px-2 py-0.5 text-xs font-bold uppercase ${OP_CLASS[canonical.op]}`}
        >
          {t(`ui.details.fixOp.${canonical.op}`)}
        </span>
        <span className="font-medium">{t(RECORD_LABEL[fix.record])}</span>
        {fix.placeholder ? (
          <span
            data-testid="placeholder-tag"
            className="rounded border border-dashed border-amber-600 px-1.5 text-xs font-semibold text-amber-900 dark:border-amber-400 dark:text-amber-200"
          >
            {t('ui.fixes.placeholderTag')}
          </span>
        ) : null}
      </p>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-start gap-x-3 gap-y-1.5">
        {fix.fields.map((field) => {
          const isValue = field.key === 'value';
          const marked = isValue && fix.placeholder;
          return (
            <div key={field.key} className="contents" data-testid="fix-field" data-key={field.key}>
              <dt className="pt-0.5 text-slate-600 dark:text-slate-400">
                <DnsText value={field.label} mono={false} />
              </dt>
              <dd className="flex min-w-0 flex-wrap items-center gap-2">
                {field.value === '' ? (
                  <span className="text-slate-500 dark:text-slate-400">{t('ui.records.none')}</span>
                ) : (
                  <DnsText
                    value={fix.placeholder ? placeholderText(field.value, t) : field.value}
                    wrap="anywhere"
                    className={`min-w-0 ${isValue ? 'font-semibold' : ''} ${marked ? 'rounded border border-dashed border-amber-600 bg-amber-50 px-1 dark:border-amber-400 dark:bg-amber-950' : ''}`}
                  />
                )}
                {NO_COPY.has(field.key) || field.value === '' ? null : (
                  <CopyButton
                    value={field.value}
                    label={t('ui.fixes.copyFieldAria', {
                      label: field.label,
                      value: toVisibleText(field.value).slice(0, 120),
                    })}
                  />
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {hint ? (
        <p
          data-testid="placeholder-hint"
          className="mt-2 rounded-md bg-amber-50 p-2 text-amber-950 dark:bg-amber-950 dark:text-amber-100"
        >
          {hint.kind === 'notes' ? hint.notes.map((n) => <DnsText key={n} value={n} mono={false} />) : t(hint.code)}
        </p>
      ) : null}
      {fix.notes.length > 0 ? (
        <ul className="mt-2 space-y-1" data-testid="fix-notes">
          {fix.notes.map((note, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: notes of one fix never reorder
            <li key={i} className="flex items-start gap-1.5 text-amber-900 dark:text-amber-200">
              <WarningIcon className="mt-0.5 size-3.5" />
              <DnsText value={note} mono={false} />
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400" data-testid="fix-canonical">
        <span className="mr-1.5 font-semibold uppercase tracking-wide">{t('ui.fixes.canonical')}</span>
        <Trans
          code="ui.fixes.canonicalLine"
          params={{
            name: <DnsText value={canonical.name} wrap="anywhere" />,
            ttl: <span className="font-mono">{canonical.ttl}</span>,
            type: <span className="font-mono">{canonical.type}</span>,
            value: (
              <DnsText
                value={fix.placeholder ? placeholderText(canonical.value, t) : canonical.value}
                wrap="anywhere"
              />
            ),
          }}
        />
      </p>
    </li>
  );
}

/** The zone-file form of every change: shown as text (hostile values escaped), never as HTML. */
function ZoneSnippet({ snippet, domain }: { snippet: string; domain: string }) {
  const { t } = useT();
  const lines = snippet.replace(/\n$/, '').split('\n');
  return (
    <details className="rounded-lg border border-slate-200 dark:border-slate-700" data-testid="zone-snippet">
      <summary className="cursor-pointer select-none rounded-lg px-3 py-2 font-semibold hover:bg-slate-50 dark:hover:bg-slate-800">
        {t('ui.fixes.zone.show')}
      </summary>
      <section aria-label={t('ui.fixes.zone.caption', { domain })}>
        <pre className="overflow-x-auto whitespace-pre-wrap break-all border-t border-slate-200 p-3 text-xs leading-relaxed dark:border-slate-700">
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one snippet never reorder
            <span key={i} className="block">
              <DnsText value={line} limit={4000} />
            </span>
          ))}
        </pre>
      </section>
    </details>
  );
}

/** "Records to add, change, delete" for the domain's DNS host, and the same list as a zone file. */
export function HostFixList({
  fixes,
  zoneSnippet,
  domain,
  id,
}: {
  fixes: readonly HostFix[];
  zoneSnippet: string;
  domain: string;
  id: string;
}) {
  const { t } = useT();
  return (
    <section aria-labelledby={id} data-testid="host-fixes" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
          {t('ui.fixes.heading')}
        </h3>
        {fixes.length > 0 && zoneSnippet.trim() !== '' ? (
          <CopyButton
            value={zoneSnippet}
            text={t('ui.fixes.zone.copy')}
            label={t('ui.fixes.zone.copyAria', { domain })}
            testId="zone-copy"
          />
        ) : null}
      </div>
      {fixes.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300" data-testid="no-fixes">
          {t('ui.fixes.none')}
        </p>
      ) : (
        <>
          <ul className="grid gap-3 xl:grid-cols-2">
            {fixes.map((fix) => (
              <HostFixCard
                key={`${fix.canonical.op}:${fix.canonical.name}:${fix.canonical.type}:${fix.canonical.value}`}
                fix={fix}
              />
            ))}
          </ul>
          {zoneSnippet.trim() !== '' ? <ZoneSnippet snippet={zoneSnippet} domain={domain} /> : null}
        </>
      )}
    </section>
  );
}
