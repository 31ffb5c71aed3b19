'use client';

import { useEffect, useRef, useState } from 'react';
import { useT } from './i18n-provider';
import { CheckIcon, CopyIcon } from './icons';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies `value` (the raw text, exactly as it must be typed at the DNS host) and says "Copied". `label` is the
 * accessible name; `text` replaces the visible "Copy" (e.g. "Copy for the caller").
 */
export function CopyButton({
  value,
  label,
  text,
  testId,
}: {
  value: string;
  label: string;
  text?: string;
  testId?: string;
}) {
  const { t } = useT();
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    timer.current = setTimeout(() => setState('idle'), 2500);
  }

  return (
    <span className="inline-flex items-center gap-2 print:hidden">
      <button
        type="button"
        onClick={copy}
        aria-label={label}
        data-testid={testId}
        className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
      >
        {state === 'copied' ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
        <span aria-hidden="true">{state === 'copied' ? t('ui.details.copied') : (text ?? t('ui.details.copy'))}</span>
      </button>
      <span role="status" className={state === 'failed' ? 'text-xs text-red-700 dark:text-red-300' : 'sr-only'}>
        {state === 'copied' ? t('ui.details.copied') : state === 'failed' ? t('ui.details.copyFailed') : ''}
      </span>
    </span>
  );
}
