import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { WarningIcon } from '@/components/ui/icons';
import { ReadingProgress } from '@/components/ui/reading-progress';
import { RejectedLines } from '@/components/ui/rejected-lines';
import { Trans } from '@/components/ui/trans';
import type { ProgressFeed } from '@/components/ui/use-sliced';
import type { InputCheck } from '@/lib/client/input-check';
import { rejectedLineCount } from '@/lib/input/rejected-count';
import { subdomainNote } from '@/lib/input/subdomain-note';
import type { InvalidEntry } from '@/lib/schema';

/** How many subdomain notes are listed before "and N more" (rejected lines: all, see RejectedLines). */
const SHOW_NOTES = 10;

const ALERT =
  'flex items-start gap-2 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100';

type Props = {
  /** The live validation, or null while it loads. */
  check: InputCheck | null;
  /** While a long list is being read: how much of it has been read (a live feed), else null. */
  reading: ProgressFeed | null;
  /** Sends the domains on to the Bulk page (over this page's limit). */
  onOpenInBulk: (domains: string[]) => void;
  /** Cuts these rejected entries out of the text box. */
  onRemoveRejected: (invalid: InvalidEntry[]) => void;
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
export function InputFeedback({ check, empty, id, reading, onOpenInBulk, onRemoveRejected }: Props) {
  const { t } = useT();
  if (!check || (reading !== null && empty)) {
    return (
      <div id={id} className="space-y-3 text-sm" data-testid="input-feedback">
        <p className="font-medium" data-testid="ready-count">
          {empty ? t('ui.feedback.none') : t('ui.feedback.reading')}
        </p>
      </div>
    );
  }
  if (reading !== null) {
    // A long list is being read, a slice at a time: say how far, and keep the last result out of sight.
    return (
      <div id={id} className="space-y-3 text-sm" data-testid="input-feedback">
        <p className="font-medium" data-testid="ready-count" data-reading="true">
          <ReadingProgress feed={reading} />
        </p>
      </div>
    );
  }
  return <Feedback check={check} id={id} onOpenInBulk={onOpenInBulk} onRemoveRejected={onRemoveRejected} />;
}

type FeedbackProps = Pick<Props, 'id' | 'onOpenInBulk' | 'onRemoveRejected'> & { check: InputCheck };

function Feedback({ check, id, onOpenInBulk, onRemoveRejected }: FeedbackProps) {
  const { t, tp, num } = useT();
  const { list, tooManyLines, tooLarge } = check;
  const subdomains = list.domains.filter((d) => d.isSubdomain);
  const blocking = [
    tooManyLines
      ? t('ui.feedback.tooManyLines', { count: num(tooManyLines.count), limit: num(tooManyLines.limit) })
      : null,
    tooLarge ? t('ui.feedback.bodyTooLarge', { size: num(tooLarge.size), limit: num(tooLarge.limit) }) : null,
  ].filter((x): x is string => x !== null);
  const { overLimit } = list;

  return (
    <div id={id} className="space-y-3 text-sm" data-testid="input-feedback">
      <p className="font-medium" data-testid="ready-count">
        {overLimit
          ? t('ui.feedback.foundOverLimit', { count: num(overLimit.count), limit: num(overLimit.limit) })
          : list.domains.length > 0
            ? tp('ui.feedback.ready', list.domains.length)
            : t('ui.feedback.none')}
      </p>

      {overLimit ? (
        <div data-testid="limit-error" className={ALERT}>
          <WarningIcon className="mt-0.5 size-4 shrink-0" />
          <div className="space-y-2">
            <p>{t('input.limit.too-many-domains', { count: num(overLimit.count), limit: num(overLimit.limit) })}</p>
            <button
              type="button"
              data-testid="open-in-bulk"
              onClick={() => onOpenInBulk(list.domains.map((d) => d.ascii))}
              className="rounded-lg bg-red-800 px-3 py-1.5 font-semibold text-white hover:bg-red-900 dark:bg-red-200 dark:text-red-950 dark:hover:bg-red-100"
            >
              {t('ui.feedback.openInBulk', { count: num(overLimit.count) })}
            </button>
          </div>
        </div>
      ) : null}

      {blocking.map((message) => (
        <p key={message} data-testid="limit-error" className={ALERT}>
          <WarningIcon className="mt-0.5 size-4 shrink-0" />
          <span>{message}</span>
        </p>
      ))}

      {list.invalid.length > 0 ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <h3 className="mb-2 flex items-center gap-2 font-semibold" data-testid="invalid-heading">
            <WarningIcon className="size-4" />
            {tp('ui.feedback.invalid', rejectedLineCount(list.invalid))}
          </h3>
          <RejectedLines
            invalid={list.invalid}
            onRemove={() => onRemoveRejected(list.invalid)}
            renderEntry={(entry) => (
              <Trans
                code="ui.feedback.entry"
                params={{
                  line: <span className="font-semibold">{t('ui.feedback.line', { line: num(entry.line) })}</span>,
                  input: <DnsText value={entry.input} className="rounded bg-white/70 px-1 dark:bg-black/30" />,
                  reason: <DnsText value={entry.reason} mono={false} />,
                }}
              />
            )}
          />
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
