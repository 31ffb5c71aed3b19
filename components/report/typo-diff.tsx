import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import type { DiffPart, Typo } from '@/lib/schema';

const MARK_CLASS = {
  removed: 'rounded bg-red-200 text-red-950 dark:bg-red-800 dark:text-red-50',
  added: 'rounded bg-emerald-200 text-emerald-950 no-underline dark:bg-emerald-800 dark:text-emerald-50',
} as const;

/** One side of the diff: the parts it contains, with the differing ones marked. Keys are text offsets. */
function DiffSide({ parts, mark }: { parts: readonly DiffPart[]; mark: 'added' | 'removed' }) {
  let offset = 0;
  const keyed = parts
    .filter((p) => p.kind === 'same' || p.kind === mark)
    .map((p) => {
      const key = offset;
      offset += p.text.length;
      return { ...p, key };
    });
  const Mark = mark === 'removed' ? 'del' : 'ins';
  return (
    <>
      {keyed.map((p) =>
        p.kind === mark ? (
          <Mark key={p.key} className={MARK_CLASS[mark]}>
            <DnsText value={p.text} />
          </Mark>
        ) : (
          <DnsText key={p.key} value={p.text} />
        ),
      )}
    </>
  );
}

/** Found vs expected, with the characters that differ marked (removed in found, added in expected). */
export function TypoDiff({ typo }: { typo: Typo }) {
  const { t } = useT();
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
      <h4 className="mb-2 font-semibold">{t('ui.details.typoHeading')}</h4>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
        <dt>{t('ui.details.typoFound')}</dt>
        <dd className="wrap-anywhere font-mono" data-testid="typo-found">
          <DiffSide parts={typo.diff} mark="removed" />
        </dd>
        <dt>{t('ui.details.typoExpected')}</dt>
        <dd className="wrap-anywhere font-mono" data-testid="typo-expected">
          <DiffSide parts={typo.diff} mark="added" />
        </dd>
      </dl>
    </div>
  );
}
