'use client';

import { useT } from '@/components/ui/i18n-provider';
import { Bar, LoadingState } from '@/components/ui/page-states';

const CARD = 'rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900';

/** Skeleton in the shape of the report: header with its facts and actions, the findings card, the records table. */
export default function DetailLoading() {
  const { t } = useT();
  return (
    <LoadingState label={t('ui.detail.loading')} testId="detail-loading">
      <div className="space-y-3 border-b border-slate-200 pb-4 dark:border-slate-700">
        <Bar className="h-4 w-48 rounded" />
        <Bar className="h-8 w-80 max-w-full rounded" />
        <div className="grid max-w-md grid-cols-[6rem_1fr] gap-x-4 gap-y-2">
          {[0, 1, 2, 3, 4, 5, 6, 7].map((i) => (
            <Bar key={i} className="h-4 rounded" />
          ))}
        </div>
        <div className="flex gap-2">
          <Bar className="h-8 w-36 rounded-lg" tone="solid" pulse={false} />
          <Bar className="h-8 w-24 rounded-lg" tone="soft" pulse={false} />
          <Bar className="h-8 w-40 rounded-lg" tone="soft" pulse={false} />
        </div>
      </div>
      <div className={`mt-6 h-20 ${CARD}`} />
      <div className={`mt-5 space-y-3 p-4 ${CARD}`}>
        <Bar className="h-4 w-40 rounded" />
        <Bar className="h-5 w-3/4 rounded" />
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <Bar className="h-24 rounded" />
          <Bar className="h-24 rounded" />
        </div>
      </div>
      <div className={`mt-5 space-y-2 p-3 ${CARD}`}>
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <Bar key={i} className="h-6 rounded" />
        ))}
      </div>
    </LoadingState>
  );
}
