'use client';

import { useT } from '@/components/ui/i18n-provider';
import { ErrorState } from '@/components/ui/page-states';

/** The report's error boundary: a plain message (no server details), a retry, and the way back. */
export default function DetailError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useT();
  return (
    <ErrorState
      error={error}
      retry={retry}
      heading={t('ui.detail.errorHeading')}
      body={t('ui.detail.errorBody')}
      back={{ href: '/', text: t('ui.detail.back') }}
    />
  );
}
