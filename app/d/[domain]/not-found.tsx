'use client';

import { useT } from '@/components/ui/i18n-provider';
import { NotFoundState } from '@/components/ui/page-states';

/** No domain in the address: say so, and lead back to the dashboard. */
export default function DetailNotFound() {
  const { t } = useT();
  return (
    <NotFoundState
      heading={t('ui.detail.notFoundHeading')}
      body={t('ui.detail.notFoundBody')}
      back={{ href: '/', text: t('ui.detail.back') }}
    />
  );
}
