'use client';

import { DnsText } from '@/components/ui/dns-text';
import { errorText } from '@/components/ui/error-text';
import { useT } from '@/components/ui/i18n-provider';
import { RequestError } from '@/components/ui/request-error';
import type { ProblemPlace, RunProblem } from './use-bulk-run';

/** The id of the text of a problem shown at `place`, for its control's `aria-describedby`. */
export function problemId(place: ProblemPlace): string {
  return `bulk-problem-${place.replace(/[^A-Za-z0-9-]/g, '_')}`;
}

/** What a problem says, in the page's language. */
export function ProblemText({ problem }: { problem: RunProblem }) {
  const { t } = useT();
  if (problem.kind === 'expired') return <>{t('bulk.run.expired')}</>;
  if (problem.kind === 'not-found') return <>{t('bulk.run.notFound')}</>;
  if (problem.kind === 'too-many-runs' || problem.kind === 'wait') return <>{t('bulk.run.tooManyRuns')}</>;
  // The catalogue's sentence for the code, never the server's own (English) message.
  return <DnsText value={t('bulk.run.error', { message: errorText(t, problem.error) })} mono={false} />;
}

/**
 * The problem of the request sent by the control at `place`, beside it (nothing when the problem is another
 * control's). The control names it with `aria-describedby={problemId(place)}`.
 */
export function ProblemBeside({
  problem,
  place,
  className,
}: {
  problem: RunProblem | null;
  place: ProblemPlace;
  className?: string;
}) {
  if (problem?.place !== place || problem.kind === 'wait') return null;
  return (
    <RequestError
      id={problemId(place)}
      testId={`bulk-error-${place.startsWith('recheck-row:') ? 'recheck-row' : place}`}
      show={problem}
      {...(className ? { className } : {})}
    >
      <ProblemText problem={problem} />
    </RequestError>
  );
}

/** `aria-describedby` for the control at `place`: its problem's id while it shows one. */
export function describedBy(problem: RunProblem | null, place: ProblemPlace): string | undefined {
  return problem?.place === place ? problemId(place) : undefined;
}
