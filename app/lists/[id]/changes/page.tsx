import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AcceptForm } from '@/components/lists/accept-form';
import { stateText } from '@/components/lists/state-text';
import { makeTranslator } from '@/lib/client/translator';
import { listsSignIn, loadAcceptances, loadChanges, loadList } from '@/lib/data/lists';
import { pageLanguage } from '@/lib/data/page';
import { CHANGE_KINDS, type ChangeKind } from '@/lib/history/changes';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = makeTranslator(await pageLanguage());
  return { title: `${t('lists.changes.title')} · ${t('ui.app.title')}` };
}

/** Record kinds that say "as before": a changed domain shows its changes only. */
const STAYED: ReadonlySet<ChangeKind> = new Set(['unchanged', 'still-broken', 'still-could-not-check']);

const TONE: Record<ChangeKind, string> = {
  'newly-broken': 'text-red-700 dark:text-red-300',
  'newly-could-not-check': 'text-slate-600 dark:text-slate-300',
  fixed: 'text-green-700 dark:text-green-300',
  'changed-value': 'text-amber-700 dark:text-amber-300',
  'still-broken': 'text-red-800 dark:text-red-200',
  'still-could-not-check': 'text-slate-600 dark:text-slate-300',
  unchanged: 'text-slate-500',
};

/**
 * `/lists/[id]/changes?from&to&kind`: what changed between two runs (default the last two): the counts, a warning when
 * the list itself changed, a filter by change kind, the CSV export, and "Accept as intended" on each finding.
 */
export default async function ChangesPage(props: PageProps<'/lists/[id]/changes'>) {
  const [{ id }, search] = await Promise.all([props.params, props.searchParams]);
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
  const tr = makeTranslator(await pageLanguage(one(search.lang)));
  const { t } = tr;
  const signin = await listsSignIn(`/lists/${encodeURIComponent(id)}/changes`);
  if (signin) redirect(signin);
  const loaded = await loadList(id);
  if (!loaded) notFound();
  const { list } = loaded;
  const changes = await loadChanges(id, one(search.from), one(search.to));
  const acceptedBy = new Map((await loadAcceptances(id)).map((a) => [`${a.domain} ${a.record}`, a]));
  const kindParam = one(search.kind);
  const kind = CHANGE_KINDS.find((k) => k === kindParam);
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams();
    if (changes?.from) q.set('from', changes.from.runId);
    if (changes) q.set('to', changes.to.runId);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return q.toString();
  };
  const summary = changes
    ? CHANGE_KINDS.filter((k) => changes.counts[k] > 0)
        .map((k) => t(`lists.count.${k}`, { count: changes.counts[k] }))
        .join(lang(tr.lang))
    : '';
  // "[Accepted] as intended by <who> on <date>: <note>" (who only when a signed-in user accepted it).
  const acceptanceText = (a: { acceptedBy: string | null; acceptedAt: string; note: string } | undefined) =>
    a
      ? a.acceptedBy
        ? t('lists.changes.acceptedOnBy', { who: a.acceptedBy, date: tr.day(a.acceptedAt), note: a.note })
        : t('lists.changes.acceptedOn', { date: tr.day(a.acceptedAt), note: a.note })
      : '';
  const domains = changes ? (kind ? changes.domains.filter((d) => d.kind === kind) : changes.domains) : [];
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
          {t('lists.changes.title')} · {list.name}
        </h1>
        <Link href={`/lists/${list.id}`} className="text-sm text-blue-700 underline dark:text-blue-300">
          {list.name}
        </Link>
      </header>
      <main id="main" className="mt-6 space-y-4">
        {!changes ? (
          <p>{t('lists.changes.noRun')}</p>
        ) : (
          <>
            <p className="text-lg font-medium" data-testid="changes-summary">
              {changes.from
                ? t('lists.changes.summary', { counts: summary, date: tr.day(changes.from.at) })
                : t('lists.changes.firstRun')}
            </p>
            {changes.membership.added.length + changes.membership.removed.length > 0 ? (
              <div
                role="status"
                data-testid="list-changed"
                className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
              >
                {t('lists.changes.listChanged', {
                  added: changes.membership.added.length,
                  removed: changes.membership.removed.length,
                })}
                {changes.membership.added.length > 0 ? (
                  <div>{t('lists.changes.added', { domains: changes.membership.added.join(', ') })}</div>
                ) : null}
                {changes.membership.removed.length > 0 ? (
                  <div>{t('lists.changes.removed', { domains: changes.membership.removed.join(', ') })}</div>
                ) : null}
              </div>
            ) : null}
            <nav aria-label={t('lists.changes.filter')} className="flex flex-wrap items-center gap-2 text-sm">
              <span>{t('lists.changes.filter')}:</span>
              <Link href={`?${query({})}`} className={kind ? 'underline' : 'font-semibold'}>
                {t('lists.changes.all')}
              </Link>
              {CHANGE_KINDS.filter((k) => changes.counts[k] > 0).map((k) => (
                <Link key={k} href={`?${query({ kind: k })}`} className={kind === k ? 'font-semibold' : 'underline'}>
                  {t(`lists.kind.${k}`)} ({tr.num(changes.counts[k])})
                </Link>
              ))}
              <a
                href={`/api/lists/${list.id}/changes?${query({ format: 'csv', ...(kind ? { kind } : {}) })}`}
                className="ml-auto rounded-md border border-slate-300 px-3 py-1 dark:border-slate-700"
              >
                {t('lists.changes.export')}
              </a>
            </nav>
            {domains.length === 0 ? (
              <p className="text-slate-600 dark:text-slate-400">{t('lists.changes.none')}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid="changes-table">
                  {/* On a phone each domain is a card: its name and change on one line, its records under them. */}
                  <thead className="hidden text-xs uppercase text-slate-500 sm:table-header-group">
                    <tr>
                      <th className="py-1 pr-3">{t('lists.changes.domain')}</th>
                      <th className="py-1 pr-3">{t('lists.changes.change')}</th>
                      <th className="py-1">{t('lists.changes.records')}</th>
                    </tr>
                  </thead>
                  <tbody className="block sm:table-row-group">
                    {domains.map((d) => (
                      <tr
                        key={d.domain}
                        className="block border-t border-slate-100 py-2 align-top sm:table-row sm:py-0 dark:border-slate-900"
                        data-domain={d.domain}
                      >
                        <td className="inline-block pr-3 font-mono font-semibold sm:table-cell sm:py-2 sm:font-normal">
                          <Link href={`/d/${encodeURIComponent(d.domain)}?cloud=${list.cloud}`} className="underline">
                            {d.domain}
                          </Link>
                        </td>
                        <td className={`inline-block sm:table-cell sm:py-2 sm:pr-3 ${TONE[d.kind]}`}>
                          {t(`lists.kind.${d.kind}`)}
                        </td>
                        <td className="block pt-1 sm:table-cell sm:py-2">
                          <ul className="space-y-1">
                            {d.records
                              .filter((r) => r.kind === d.kind || !STAYED.has(r.kind))
                              .map((r) => (
                                <li key={r.record} data-record={r.record}>
                                  <span className="font-medium">{t(`records.label.${r.record}`)}</span>{' '}
                                  <span className={TONE[r.kind]}>{t(`lists.kind.${r.kind}`)}</span>
                                  <span className="block text-xs text-slate-600 dark:text-slate-400 wrap-anywhere">
                                    {r.before ? stateText(t, r.before) : '—'} → {r.after ? stateText(t, r.after) : '—'}
                                  </span>
                                  {r.after?.accepted ? (
                                    <span
                                      className="block text-xs text-slate-700 dark:text-slate-300"
                                      data-testid="accepted"
                                    >
                                      <span className="mr-1.5 rounded border border-slate-400 px-1 font-semibold dark:border-slate-500">
                                        {t('lists.changes.accepted')}
                                      </span>
                                      {acceptanceText(acceptedBy.get(`${d.domain} ${r.record}`))}
                                    </span>
                                  ) : r.after && (r.after.status === 'broken' || r.after.status === 'attention') ? (
                                    <AcceptForm listId={list.id} domain={d.domain} record={r.record} />
                                  ) : null}
                                </li>
                              ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </main>
    </div>
  );
}

/** The separator between counts in the language. */
function lang(l: string): string {
  return l === 'zh-CN' ? '，' : ', ';
}
