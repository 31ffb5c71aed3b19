'use client';

import { useT } from '@/components/ui/i18n-provider';
import { NotFoundState } from '@/components/ui/page-states';

/** 404 page in the app's own look. */
export default function NotFound() {
  const { t } = useT();
  return (
    <NotFoundState
      heading={t('ui.page.notFoundHeading')}
      body={t('ui.page.notFoundBody')}
      back={{ href: '/', text: t('ui.page.home') }}
    />
  );
}
