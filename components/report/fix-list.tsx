import { CopyButton } from '@/components/ui/copy-button';
import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { toVisibleText } from '@/lib/client/dns-text';
import { placesNote } from '@/lib/fixes/places';
import type { Fix } from '@/lib/schema';

const OP_CLASS: Record<Fix['op'], string> = {
  add: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  change: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  delete: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
};

/** The exact record(s) to add, change or delete, each field ready to copy into the DNS host's form. */
export function FixList({ fixes }: { fixes: readonly Fix[] }) {
  const { t } = useT();
  if (fixes.length === 0) return null;
  return (
    <div>
      <h4 className="mb-2 text-sm font-semibold">{t('ui.details.fixesHeading')}</h4>
      <ul className="space-y-3">
        {fixes.map((fix) => (
          <li
            key={`${fix.op}:${fix.name}:${fix.type}:${fix.value}`}
            data-testid="fix"
            className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <p className="mb-2 flex items-center gap-2">
              <span className={`rounded px-2 py-0.5 text-xs font-bold uppercase ${OP_CLASS[fix.op]}`}>
                {t(`ui.details.fixOp.${fix.op}`)}
              </span>
              <span className="font-mono text-xs">{fix.type}</span>
            </p>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-start gap-x-3 gap-y-2">
              <dt className="text-slate-600 dark:text-slate-400">{t('ui.details.fixHost')}</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <DnsText value={fix.host} className="min-w-0" />
                <CopyButton value={fix.host} label={t('ui.details.copyNameAria', { value: toVisibleText(fix.host) })} />
              </dd>
              <dt className="text-slate-600 dark:text-slate-400">{t('ui.details.fixName')}</dt>
              <dd>
                <DnsText value={fix.name} className="text-slate-700 dark:text-slate-300" />
              </dd>
              <dt className="text-slate-600 dark:text-slate-400">{t('ui.details.fixType')}</dt>
              <dd className="font-mono">{fix.type}</dd>
              <dt className="text-slate-600 dark:text-slate-400">{t('ui.details.fixValue')}</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <DnsText value={fix.value} className="min-w-0 font-semibold" />
                <CopyButton
                  value={fix.value}
                  label={t('ui.details.copyValueAria', { value: toVisibleText(fix.value).slice(0, 120) })}
                />
              </dd>
              <dt className="text-slate-600 dark:text-slate-400">{t('ui.details.fixTtl')}</dt>
              {/* The TTL is typed into the DNS host's form as is: no digit grouping. */}
              <dd className="font-mono">{t('ui.details.fixTtlSeconds', { ttl: fix.ttl })}</dd>
            </dl>
            <PlacesNote fix={fix} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where to make the change, when an internal copy of the zone (split-brain) needs it too. */
function PlacesNote({ fix }: { fix: Fix }) {
  const { t } = useT();
  const note = placesNote(fix);
  if (!note) return null;
  return (
    <p className="mt-2 text-amber-900 dark:text-amber-200" data-testid="fix-places">
      <DnsText value={t(note.code, note.params)} mono={false} />
    </p>
  );
}
