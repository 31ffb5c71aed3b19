import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { WarningIcon } from '@/components/ui/icons';
import { Trans } from '@/components/ui/trans';
import type { InputCheck } from '@/lib/client/input-check';
import { subdomainNote } from '@/lib/input/subdomain-note';

/** How many rejected lines, duplicates and subdomain notes are listed before "and N more". */
const SHOW_INVALID = 100;
const SHOW_NOTES = 10;

type Props = {
  /** The live validation, or null while it loads. */
  check: InputCheck | null;
  /** True when the text box is empty (known without the validation). */
  empty: boolean;
  id: string;
};

/**
 * What the server will make of the text box, shown while typing: domains ready, rejected lines with line
 * number and reason, duplicates, subdomain notes and any limit that would refuse the whole request.
 * Before the validation has loaded, an empty box still says so and a filled one says the list is being read: the
 * line is there from the start, so nothing below it (the Check button) moves when the count arrives.
 */
export function InputFeedback({ check, empty, id }: Props) {
  const { t } = useT();
  if (!check) {
    return (
      <div id={id} className="space-y-3 text-sm" data-testid="input-feedback">
        <p className="font-medium" data-testid="ready-count">
          {empty ? t('ui.feedback.none') : t('ui.feedback.reading')}
        </p>
      </div>
    );
  }
  return <Feedback check={check} id={id} />;
}

function Feedback({ check, id }: { check: InputCheck; id: string }) {
  const { t, tp, num } = useT();
  const { list, tooManyLines, tooLarge } = check;
  const subdomains = list.domains.filter((d) => d.isSubdomain);
  const blocking = [
    list.overLimit
      ? t('input.limit.too-many-domains', { count: num(list.overLimit.count), limit: num(list.overLimit.limit) })
      : null,
    tooManyLines
      ? t('ui.feedback.tooManyLines', { count: num(tooManyLines.count), limit: num(tooManyLines.limit) })
      : null,
    tooLarge ? t('ui.feedback.bodyTooLarge', { size: num(tooLarge.size), limit: num(tooLarge.limit) }) : null,
  ].filter((x): x is string => x !== null);

  return (
    <div id={id} className="space-y-3 text-sm" data-testid="input-feedback">
      <p className="font-medium" data-testid="ready-count">
        {list.domains.length > 0 ? tp('ui.feedback.ready', list.domains.length) : t('ui.feedback.none')}
      </p>

      {blocking.map((message) => (
        <p
          key={message}
          data-testid="limit-error"
          className="flex items-start gap-2 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <WarningIcon className="mt-0.5 size-4" />
          <span>{message}</span>
        </p>
      ))}

      {list.invalid.length > 0 ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950">
          <h3 className="flex items-center gap-2 font-semibold text-amber-950 dark:text-amber-100">
            <WarningIcon className="size-4" />
            {tp('ui.feedback.invalid', list.invalid.length)}
          </h3>
          <ul className="mt-2 space-y-1.5" data-testid="invalid-list">
            {list.invalid.slice(0, SHOW_INVALID).map((entry) => (
              <li
                key={`${entry.line}:${entry.input}`}
                data-testid="invalid-entry"
                data-line={entry.line}
                data-code={entry.code}
              >
                <Trans
                  code="ui.feedback.entry"
                  params={{
                    line: <span className="font-semibold">{t('ui.feedback.line', { line: num(entry.line) })}</span>,
                    input: <DnsText value={entry.input} className="rounded bg-white/70 px-1 dark:bg-black/30" />,
                    reason: <DnsText value={entry.reason} mono={false} />,
                  }}
                />
              </li>
            ))}
          </ul>
          {list.invalid.length > SHOW_INVALID ? (
            <p className="mt-1">{t('ui.feedback.more', { count: num(list.invalid.length - SHOW_INVALID) })}</p>
          ) : null}
        </div>
      ) : null}

      {list.duplicates.length > 0 ? (
        <p data-testid="duplicates">{tp('ui.feedback.duplicates', list.duplicates.length)}</p>
      ) : null}

      {subdomains.length > 0 ? (
        <div>
          <h3 className="font-semibold">{t('ui.feedback.subdomainsHeading')}</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5" data-testid="subdomain-notes">
            {subdomains.slice(0, SHOW_NOTES).map((d) => {
              const note = subdomainNote(d);
              return note ? (
                <li key={d.ascii}>
                  <DnsText value={t(note.code, note.params)} mono={false} />
                </li>
              ) : null;
            })}
          </ul>
          {subdomains.length > SHOW_NOTES ? (
            <p className="mt-1">{t('ui.feedback.more', { count: num(subdomains.length - SHOW_NOTES) })}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
