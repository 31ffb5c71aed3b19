'use client';

import { useEffect, useState } from 'react';
import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { ICON } from '@/components/ui/icons';
import { clockTime, PROPAGATION_PRESENTATION } from '@/lib/client/propagation-view';
import { TONE_BADGE } from '@/lib/presentation';
import type { Propagation, PublishedRecord, ResolverRecord } from '@/lib/schema';

/** A record's propagation state as label + icon + colour (never colour alone). */
export function PropagationBadge({ propagation }: { propagation: Propagation }) {
  const { t } = useT();
  const { tone, labelCode, icon } = PROPAGATION_PRESENTATION[propagation.state];
  const Icon = ICON[icon];
  const title = propagation.reason
    ? t(`propagation.reason.${propagation.reason}`)
    : propagation.state === 'live'
      ? t('propagation.liveEverywhere')
      : undefined;
  return (
    <span
      data-testid="propagation-badge"
      data-state={propagation.state}
      title={title}
      className={`mt-1 inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONE_BADGE[tone]}`}
    >
      <Icon className="size-3.5" />
      {t(labelCode)}
    </span>
  );
}

function AnswerText({ answer }: { answer: Pick<PublishedRecord, 'answer' | 'values'> }) {
  const { t } = useT();
  if (answer.answer === 'failed') return <span className="italic">{t('propagation.noAnswer')}</span>;
  if (answer.answer !== 'answer' || answer.values.length === 0) {
    return <span className="italic">{t('propagation.noRecord')}</span>;
  }
  return <DnsText value={answer.values.join(', ')} wrap="anywhere" />;
}

/** What the state means for this record, in a sentence; a time only after hydration (the reader's time zone). */
function PropagationNote({ propagation }: { propagation: Propagation }) {
  const { t, lang } = useT();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  let text = '';
  if (propagation.state === 'pending' && propagation.liveBy && mounted) {
    text = t('propagation.pendingBy', { time: clockTime(propagation.liveBy, lang) });
  } else if (propagation.state === 'servers-disagree') {
    text = t('propagation.disagree');
  } else if (propagation.state === 'internal-copy') {
    const inside = propagation.resolvers.find((r) => r.view === 'internal');
    const values = (a: Pick<PublishedRecord, 'answer' | 'values'>) =>
      a.answer === 'answer' && a.values.length > 0 ? a.values.join(', ') : t('propagation.noRecord');
    if (inside) {
      text = t('propagation.internal', {
        resolver: inside.resolver,
        inside: values(inside),
        outside: values(propagation.published),
      });
    }
  }
  if (text === '') return null;
  return (
    <p className="mt-1 text-xs text-slate-700 dark:text-slate-300" data-testid="propagation-note">
      <DnsText value={text} mono={false} wrap="anywhere" />
    </p>
  );
}

/** "Published" and "Seen by <resolver>" when a resolver hands out something else than the zone publishes. */
export function PropagationValues({ propagation }: { propagation: Propagation }) {
  const { t } = useT();
  const differing = propagation.resolvers.filter((r: ResolverRecord) => r.view === 'old' || r.view === 'internal');
  if (differing.length === 0)
    return propagation.state === 'servers-disagree' ? <PropagationNote propagation={propagation} /> : null;
  return (
    <>
      <dl className="mt-1.5 space-y-0.5 text-xs" data-testid="propagation-values">
        <div className="flex flex-wrap gap-x-1">
          <dt className="font-medium text-slate-600 dark:text-slate-400">{t('propagation.published')}:</dt>
          <dd data-testid="propagation-published">
            <AnswerText answer={propagation.published} />
          </dd>
        </div>
        {differing.map((r) => (
          <div key={r.resolver} className="flex flex-wrap gap-x-1" data-testid="propagation-seen">
            <dt className="font-medium text-slate-600 dark:text-slate-400">
              {t('propagation.seenBy', { resolver: r.resolver })}:
            </dt>
            <dd>
              <AnswerText answer={r} />
              {r.view === 'old' && r.ttl !== null ? (
                <span className="ml-1 text-slate-500 dark:text-slate-400">
                  ({t('propagation.remaining', { seconds: r.ttl })})
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <PropagationNote propagation={propagation} />
    </>
  );
}
