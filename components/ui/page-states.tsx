'use client';

import { type ReactNode, useEffect } from 'react';
import { useT } from './i18n-provider';

/**
 * The three states every route segment has besides its page (app/**\/{error,not-found,loading}.tsx): one look,
 * the segment's own texts. Each segment file passes its catalogue texts (already translated) and, for loading,
 * the skeleton in its page's shape.
 */

const LINK = 'font-medium text-sky-700 underline underline-offset-2 dark:text-sky-300';

/** A link back (home, or the dashboard) under a message. */
export type BackLink = { href: string; text: string };

/** The `digest` Next gives a server error (a log id, never the server's message), or ''. */
function digestOf(error: unknown): string {
  return error instanceof Error && 'digest' in error ? String((error as { digest?: unknown }).digest ?? '') : '';
}

/**
 * An error boundary's page: a plain message (no server details, only the digest to quote), a retry that
 * re-renders the segment, and optionally the way back. The error goes to the console for the developer.
 */
export function ErrorState({
  error,
  retry,
  heading,
  body,
  back,
}: {
  error: unknown;
  retry: () => void;
  heading: string;
  body: string;
  back?: BackLink;
}) {
  const { t } = useT();
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = digestOf(error);
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-6 dark:border-red-800 dark:bg-red-950">
        <h1 className="text-xl font-semibold">{heading}</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">{body}</p>
        {digest ? <p className="mt-2 font-mono text-xs text-slate-500">{digest}</p> : null}
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => retry()}
            className="rounded-lg bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500"
          >
            {t('ui.page.retry')}
          </button>
          {back ? (
            <a href={back.href} className={`px-2 py-2 ${LINK}`}>
              {back.text}
            </a>
          ) : null}
        </div>
      </div>
    </main>
  );
}

/** A "nothing here" page: what is missing, and the way back. */
export function NotFoundState({ heading, body, back }: { heading: string; body: string; back: BackLink }) {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-bold">{heading}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{body}</p>
      <p className="mt-4">
        {/* A plain link: next/link here would ship its router code in every page's first load. */}
        <a href={back.href} className={LINK}>
          {back.text}
        </a>
      </p>
    </main>
  );
}

const BAR_TONE = {
  /** Text lines and blocks. */
  plain: 'bg-slate-200 dark:bg-slate-800',
  /** Input boxes and secondary buttons. */
  soft: 'bg-slate-100 dark:bg-slate-800',
  /** The primary button. */
  solid: 'bg-slate-200 dark:bg-slate-700',
} as const;

/**
 * One grey skeleton block (`className` gives its size and corners, e.g. `h-4 w-48 rounded`): `pulse` animates it, unless the reader asks
 * for reduced motion.
 */
export function Bar({
  className,
  tone = 'plain',
  pulse = true,
}: {
  className: string;
  tone?: keyof typeof BAR_TONE;
  pulse?: boolean;
}) {
  return (
    <div className={`${BAR_TONE[tone]} ${pulse ? 'animate-pulse motion-reduce:animate-none' : ''} ${className}`} />
  );
}

/**
 * A loading page: the skeleton (`children`, in the shape of the page to come, so nothing jumps when it
 * arrives) marked busy, and `label` said to screen readers.
 */
export function LoadingState({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8" aria-busy="true" data-testid={testId}>
      <p role="status" className="sr-only">
        {label}
      </p>
      {children}
    </div>
  );
}
