'use client';

import { useEffect, useRef, useState } from 'react';
import { useT } from '@/components/ui/i18n-provider';
import { secondsLeft } from '@/lib/client/retry-wait';

/**
 * The wait after a 429, counted down live next to the control that was refused, and the retry when it is over:
 * `onRetry` runs once when `at` (ms since the epoch, from `retryAt`) has passed. The heading is an alert (said
 * once); the changing number is not announced every second.
 */
export function RetryCountdown({
  at,
  onRetry,
  runs = false,
  testId = 'retry-countdown',
  id,
}: {
  at: number;
  onRetry: () => void;
  /** The run quota refused, not the rate limit. */
  runs?: boolean;
  testId?: string;
  /** For the refused control's `aria-describedby`. */
  id?: string;
}) {
  const { t, num } = useT();
  const [now, setNow] = useState(() => Date.now());
  const retryRef = useRef(onRetry);
  retryRef.current = onRetry;
  const box = useRef<HTMLDivElement>(null);
  const left = secondsLeft(at, now);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left === 0) retryRef.current();
  }, [left]);
  useEffect(() => {
    // The focus was on something that went away (the results of the refused check): bring it here.
    const active = document.activeElement;
    if (active === null || active === document.body) box.current?.focus();
  }, []);

  return (
    <div
      ref={box}
      id={id}
      tabIndex={-1}
      data-testid={testId}
      data-seconds={left}
      className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 focus:outline-none dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p role="alert" className="font-semibold">
        {t(runs ? 'ui.errors.retryRunsHeading' : 'ui.errors.retryWaitHeading')}
      </p>
      <p aria-live="off" className="tabular-nums">
        {left > 0
          ? t(runs ? 'ui.errors.retryRunsWait' : 'ui.errors.retryWait', { seconds: num(left) })
          : t('ui.errors.retrying')}
      </p>
    </div>
  );
}
