'use client';

import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A refused or failed request, shown next to the control that sent it (issue 15 item 4): the control names it with
 * `aria-describedby={id}`, the text is an alert (said once when it appears), and it is scrolled into view. The
 * focus comes here only when it went nowhere (the pressed control or the results it was in are gone); a user who
 * is still on the control hears the text through its description.
 * `show` changes with each new failure of the same control, so a repeated error is brought into view again.
 */
export function RequestError({
  id,
  testId,
  children,
  show,
  className = '',
}: {
  id: string;
  testId: string;
  children: ReactNode;
  show?: unknown;
  className?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `show` is the trigger, not read
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.scrollIntoView?.({ block: 'nearest' });
    const active = document.activeElement;
    if (active === null || active === document.body) el.focus({ preventScroll: true });
  }, [show]);
  return (
    <div
      ref={box}
      id={id}
      role="alert"
      tabIndex={-1}
      data-testid={testId}
      className={`rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 focus:outline-none dark:border-red-800 dark:bg-red-950 dark:text-red-100 ${className}`}
    >
      {children}
    </div>
  );
}
