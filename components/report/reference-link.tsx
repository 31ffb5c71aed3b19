import { useT } from '@/components/ui/i18n-provider';
import { ExternalIcon } from '@/components/ui/icons';
import { safeHttpsUrl } from '@/lib/client/safe-link';

/**
 * "Microsoft's documentation" for a finding, opening in a new tab (said to screen readers too), in the page's
 * language. Only an absolute https URL is linked; anything else renders nothing.
 */
export function ReferenceLink({ url, small = false }: { url: string; small?: boolean }) {
  const { t, lang } = useT();
  const href = safeHttpsUrl(url, lang);
  if (!href) return null;
  return (
    <p>
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        className={`inline-flex items-center gap-1 ${small ? 'text-xs ' : ''}font-medium text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-300 dark:hover:text-sky-100`}
      >
        {t('ui.details.reference')}
        <ExternalIcon className="size-3.5" />
        <span className="sr-only">{t('ui.details.referenceNewTab')}</span>
      </a>
    </p>
  );
}
