'use client';

import { useEffect, useId, useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { useTypedText } from '@/components/ui/use-typed-text';
import { localizeTimes } from '@/lib/client/propagation-view';
import { type Report, SYMPTOMS, type Symptom, type SymptomAnswer } from '@/lib/schema';

const ANSWER_CLASS: Record<SymptomAnswer, string> = {
  yes: 'border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100',
  no: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100',
  'cant-tell':
    'border-slate-300 bg-slate-100 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100',
};

/**
 * What a helpdesk agent reads to a caller, with a button that copies it. The agent picks what the caller reports
 * (slow sign-in, Office won't activate…): the answer then starts with whether this domain's DNS explains it, and
 * says it in plain words with who must act. "Nothing in particular" keeps the general paragraph.
 */
export function HelpdeskCallout({ report, id }: { report: Pick<Report, 'helpdesk' | 'display'>; id: string }) {
  const { t, lang } = useT();
  const [symptom, setSymptom] = useState<Symptom | 'general'>('general');
  const selectId = useId();
  // A symptom chosen before the page's scripts ran is kept (not put back to "nothing in particular").
  // (A select holds only its options' values.)
  const select = useTypedText<HTMLSelectElement>(symptom, (value) => setSymptom(value as Symptom | 'general'));
  // Times in the text (the helpdesk's "users will see it by …") in the reader's time zone, after hydration: the
  // server doesn't know it.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (report.helpdesk.text.trim() === '') return null;
  const answer = symptom === 'general' ? null : report.helpdesk.symptoms[symptom];
  const base = answer ? answer.text : report.helpdesk.text;
  const text = mounted ? localizeTimes(base, lang) : base;
  return (
    <section
      aria-labelledby={id}
      data-testid="helpdesk"
      className="rounded-lg border border-sky-200 bg-sky-50 p-3 sm:p-4 dark:border-sky-800 dark:bg-sky-950"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="text-xs font-semibold uppercase tracking-wide text-sky-900 dark:text-sky-200">
          {t('ui.helpdesk.heading')}
        </h3>
        <CopyButton
          value={text}
          text={t('ui.helpdesk.copy')}
          label={t('ui.helpdesk.copyAria', { domain: report.display })}
          testId="helpdesk-copy"
        />
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2 print:hidden">
        <label htmlFor={selectId} className="text-sm font-medium text-sky-950 dark:text-sky-100">
          {t('ui.helpdesk.symptomLabel')}
        </label>
        <select
          id={selectId}
          data-testid="helpdesk-symptom"
          ref={select}
          value={symptom}
          onChange={(e) => setSymptom(e.target.value as Symptom | 'general')}
          className="rounded-md border border-sky-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-sky-700 dark:bg-slate-900 dark:text-slate-100"
        >
          <option value="general">{t('ui.helpdesk.symptom.general')}</option>
          {SYMPTOMS.map((s) => (
            <option key={s} value={s}>
              {t(`ui.helpdesk.symptom.${s}`)}
            </option>
          ))}
        </select>
        {answer ? (
          <span
            data-testid="helpdesk-answer"
            data-answer={answer.answer}
            className={`rounded-full border px-2 py-0.5 text-xs font-semibold ${ANSWER_CLASS[answer.answer]}`}
          >
            {t(`ui.helpdesk.answer.${answer.answer}`)}
          </span>
        ) : null}
      </div>
      <p
        className="mt-2 max-w-prose text-base leading-relaxed text-slate-900 dark:text-slate-50"
        data-testid="helpdesk-text"
        aria-live="polite"
      >
        <DnsText value={text} mono={false} limit={4000} />
      </p>
    </section>
  );
}
