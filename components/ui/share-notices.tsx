'use client';

import type { ShareNotice } from '@/lib/share/url-state';
import { useT } from './i18n-provider';

/**
 * What a page says about the list of the link it was opened with (the dashboard and the bulk page): opened from
 * another site (nothing checked yet), not loaded (rate limit, over the server's limits), entries left out.
 */
export function ShareNotices({ notices }: { notices: readonly ShareNotice[] }) {
  const { t, tp, num } = useT();
  if (notices.length === 0) return null;
  const text = (notice: ShareNotice): string => {
    switch (notice.kind) {
      case 'cross-site':
        return t('ui.share.crossSite');
      case 'rate-limited':
        return t('ui.share.rateLimited', { seconds: num(notice.retryAfterSeconds) });
      case 'over-limit':
        return t('ui.share.overLimit', { max: num(notice.maxChars) });
      case 'long-entries':
        return tp('ui.share.longEntries', notice.count, { max: num(notice.max) });
    }
  };
  return (
    <div
      role="status"
      data-testid="share-notices"
      className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      {notices.map((notice) => (
        <p key={notice.kind} data-testid={`share-notice-${notice.kind}`}>
          {text(notice)}
        </p>
      ))}
    </div>
  );
}
