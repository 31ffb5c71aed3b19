/**
 * What one API request carries through its handler: its id (also the X-Request-Id response header), its
 * start time, the client's rate-limit key, whether it proved access, a child logger, and the tallies of the
 * reports it produced (logged once, when the response ends).
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Outcome, Report } from '@/lib/schema';

export type OutcomeCounts = Record<Outcome, number>;

export type RequestContext = {
  requestId: string;
  route: string;
  method: string;
  startedAt: number;
  log: Logger;
  /** Rate-limit key (`ip:…`, `user:…`, `anonymous`). */
  client: string;
  /** True when access control is off or the caller proved access. */
  authorized: boolean;
  /** Aborts when the client goes away or shutdown cancels the run. */
  signal: AbortSignal;
  /** Reports produced, by msoid outcome. */
  counts: OutcomeCounts;
  /** Domains the request asked to check (after validation). */
  domains: number;
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The id proxy.ts gave the request (when it looks like one), else a fresh UUID. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Zeroed outcome tallies. */
export function emptyCounts(): OutcomeCounts {
  return { ok: 0, problem: 0, 'could-not-check': 0, 'not-applicable': 0, 'needs-input': 0 };
}

/** Adds one report to the tallies. */
export function countReport(counts: OutcomeCounts, report: { msoid: Pick<Report['msoid'], 'outcome'> }): void {
  counts[report.msoid.outcome]++;
}
