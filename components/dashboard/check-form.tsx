import { type FormEvent, type ReactNode, useId } from 'react';
import { CloudSelect } from '@/components/ui/cloud-select';
import { useT } from '@/components/ui/i18n-provider';
import { SpinnerIcon } from '@/components/ui/icons';
import { ListBox } from '@/components/ui/list-box';
import { ServicesField } from '@/components/ui/services-field';
import type { ProgressFeed } from '@/components/ui/use-sliced';
import { useTypedText } from '@/components/ui/use-typed-text';
import type { InputCheck } from '@/lib/client/input-check';
import { type ServiceChoices, servicesParam } from '@/lib/client/services';
import type { CloudChoice, InputPolicy, InvalidEntry } from '@/lib/schema';
import { InputFeedback } from './input-feedback';

/** Example list for the "use an example" button (DNS names: not catalogue text; the placeholder is `ui.form.placeholder`). */
export const EXAMPLE_INPUT = 'contoso.com\nfabrikam.cn\nhttps://www.northwind.com.cn/';

type Props = {
  text: string;
  /** Keep it stable (useCallback): the text box renders again only when its own props change. */
  onText: (text: string) => void;
  cloud: CloudChoice;
  onCloud: (cloud: CloudChoice) => void;
  services: ServiceChoices;
  onServices: (services: ServiceChoices) => void;
  /** The live validation; null until it has loaded (the form still submits: the page validates before sending). */
  check: InputCheck | null;
  /** While a long list is being read: how much of it has been read (a live feed), else null. */
  reading: ProgressFeed | null;
  onOpenInBulk: (domains: string[]) => void;
  onRemoveRejected: (invalid: InvalidEntry[]) => void;
  policy: InputPolicy;
  running: boolean;
  onSubmit: () => void;
  onStop: () => void;
  /** The last check's refusal or failure, shown under Check (which names it with `aria-describedby`). */
  error?: { id: string; node: ReactNode } | null;
};

/**
 * The form: one text box for any number of domains, the cloud selector, the services toggles, Check / Stop.
 * Never clears the box.
 */
export function CheckForm(props: Props) {
  const { text, onText, cloud, onCloud, services, onServices, check, reading, policy, running, onSubmit, onStop } =
    props;
  const { t, num, lang } = useT();
  const ids = useId();
  const textId = `${ids}-domains`;
  const helpId = `${ids}-help`;
  const feedbackId = `${ids}-feedback`;
  const cloudId = `${ids}-cloud`;
  const cloudHelpId = `${ids}-cloud-help`;

  const canSubmit = check && reading === null ? check.canSubmit : text.trim().length > 0;
  const blockedId = `${ids}-blocked`;
  // Why Check is off, next to it (the details are in the feedback above).
  const blocked =
    check && reading === null && !check.canSubmit && check.list.domains.length > 0
      ? check.list.overLimit
        ? t('ui.form.blockedOverLimit', { limit: num(check.list.overLimit.limit) })
        : t('ui.form.blockedTooLarge')
      : null;

  const box = useTypedText(text, onText);
  const servicesSet = servicesParam(services);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (canSubmit && !running) onSubmit();
  }

  return (
    // Before the page's scripts run, Check submits natively: POST /open (app/open/route.ts) turns `d`, `cloud`, `s`
    // and `lang` into the page's own shared link, which arrives filled and runs the check, so a quick click loses
    // nothing (a GET put the raw list into the address: a request line too long from about 500 domains).
    <form
      action="/open"
      method="post"
      onSubmit={submit}
      className="space-y-4"
      aria-label={t('ui.form.heading')}
      data-testid="check-form"
    >
      <input type="hidden" name="lang" value={lang} />
      {servicesSet ? <input type="hidden" name="s" value={servicesSet} /> : null}
      <div>
        <label htmlFor={textId} className="block text-sm font-semibold">
          {t('ui.form.domainsLabel')}
        </label>
        <p id={helpId} className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
          {t('ui.form.twoSentences', {
            lead: t('ui.form.domainsHelp'),
            next: t('ui.form.limits', { max: num(policy.maxDomainsPerRequest) }),
          })}
        </p>
        <ListBox
          boxRef={box}
          id={textId}
          name="d"
          value={text}
          onText={onText}
          rows={8}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          autoComplete="off"
          placeholder={t('ui.form.placeholder')}
          aria-describedby={`${helpId} ${feedbackId}`}
          aria-invalid={check ? check.list.invalid.length > 0 || !!check.list.overLimit : false}
          // `isolate`: the box paints on a layer of its own. Chromium lays a pasted list out as a text and a line
          // break per line; painted with the page, every later frame that changes anything (each "Reading… %")
          // painted those 281,000 lines of a 5 MB paste again: 100–400 ms a frame (docs/performance.md).
          className="isolate mt-2 block w-full resize-y rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-inner placeholder:text-slate-400 dark:border-slate-600 dark:bg-slate-900 dark:placeholder:text-slate-500"
        />
      </div>

      <InputFeedback
        check={check}
        reading={reading}
        empty={text.length === 0}
        id={feedbackId}
        onOpenInBulk={props.onOpenInBulk}
        onRemoveRejected={props.onRemoveRejected}
      />

      <div className="grid gap-4 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <div>
          <label htmlFor={cloudId} className="block text-sm font-semibold">
            {t('ui.form.cloudLabel')}
          </label>
          <p id={cloudHelpId} className="mb-2 mt-0.5 text-sm text-slate-600 dark:text-slate-400">
            {t('ui.form.cloudHelp')}
          </p>
          <CloudSelect id={cloudId} value={cloud} onChange={onCloud} describedBy={cloudHelpId} />
        </div>
        <ServicesField value={services} onChange={onServices} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          // aria-disabled, not disabled: a disabled button drops keyboard focus to the top of the page.
          aria-disabled={!canSubmit || running}
          aria-describedby={[blocked ? blockedId : '', props.error?.id ?? ''].join(' ').trim() || undefined}
          className="inline-flex items-center gap-2 rounded-lg bg-sky-700 px-5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-sky-800 aria-disabled:cursor-not-allowed aria-disabled:bg-slate-400 dark:bg-sky-600 dark:hover:bg-sky-500 dark:aria-disabled:bg-slate-600"
        >
          {running ? <SpinnerIcon /> : null}
          {running ? t('ui.form.submitting') : t('ui.form.submit')}
        </button>
        {running ? (
          <button
            type="button"
            onClick={onStop}
            className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700"
          >
            {t('ui.form.stop')}
          </button>
        ) : null}
        {blocked ? (
          <p id={blockedId} data-testid="submit-blocked" className="self-center text-sm text-red-800 dark:text-red-300">
            {blocked}
          </p>
        ) : null}
      </div>
      {props.error?.node ?? null}
    </form>
  );
}
