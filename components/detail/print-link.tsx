import type { ReactNode } from 'react';
import { useT } from '@/components/ui/i18n-provider';
import { Trans } from '@/components/ui/trans';
import { safeHttpsUrl } from '@/lib/client/safe-link';
import { PRINT_LABEL } from './print-table';

/**
 * A link on paper: its label and the URL written out, so a reader of the printout can type it. Only absolute
 * https URLs are shown (they come from our own catalogues, never from DNS); anything else prints nothing.
 */
export function PrintLink({ label, url, testId }: { label: string; url: string; testId?: string }) {
  const { lang } = useT();
  const safe = safeHttpsUrl(url, lang);
  if (!safe) return null;
  return (
    <span className="block" data-testid={testId}>
      <Trans
        code="ui.detail.printout.link"
        params={{
          label,
          url: (
            <a href={safe} className="font-mono wrap-anywhere">
              {safe}
            </a>
          ),
        }}
      />
    </span>
  );
}

/** "Label: text" with the label bold; the punctuation comes from the catalogue (a full-width colon in Chinese). */
export function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Trans
      code="ui.detail.printout.labelled"
      params={{ label: <span className={PRINT_LABEL}>{label}</span>, text: children }}
    />
  );
}
