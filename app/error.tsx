'use client';

import { useT } from '@/components/ui/i18n-provider';
import { ErrorState } from '@/components/ui/page-states';

/** Route error boundary: a plain message (no server details) and a retry that re-fetches the segment. */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useT();
  return <ErrorState error={error} retry={retry} heading={t('ui.page.errorHeading')} body={t('ui.page.errorBody')} />;
}
