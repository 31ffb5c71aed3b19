import { DnsText } from '@/components/ui/dns-text';
import { errorText } from '@/components/ui/error-text';
import { useT } from '@/components/ui/i18n-provider';
import { Trans } from '@/components/ui/trans';
import type { RunError } from '@/lib/client/run-state';

/** What a refused or failed check says: a heading, the sentence for its code, and the server's line issues (400). */
export function RunErrorBody({ error, heading }: { error: RunError; heading: string }) {
  const { t, num } = useT();
  return (
    <>
      <p className="font-semibold">{heading}</p>
      <p>{errorText(t, error)}</p>
      {error.issues && error.issues.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {error.issues.slice(0, 50).map((issue) => (
            <li key={`${issue.line}:${issue.input}`}>
              <Trans
                code="ui.errors.issue"
                params={{
                  line: <span className="font-medium">{t('ui.feedback.line', { line: num(issue.line) })}</span>,
                  reason: <DnsText value={issue.reason} mono={false} />,
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
