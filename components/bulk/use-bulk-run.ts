'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { runQuery } from '@/lib/bulk/bulk-link';
import { ApiClientError, toClientError } from '@/lib/client/api-error';
import { retryAt } from '@/lib/client/retry-wait';
import { browserStorage, forgetOwnerToken, loadOwnerToken, saveOwnerToken } from '@/lib/client/run-owner';
import { type RunError, runErrorFrom } from '@/lib/client/run-state';
import {
  cancelRun,
  contiguousCount,
  createRun,
  fetchRunSummary,
  followRunEvents,
  mergeResults,
  recheckRun,
  servicesOfRun,
  stillRechecking,
} from '@/lib/client/runs';
import { AUTO_SERVICES, type ServiceChoices, toOverride } from '@/lib/client/services';
import type { CloudChoice, RunRecheckRequest, RunResult, RunStatus } from '@/lib/schema';
import type { RunSourceInput } from './bulk-input';

/**
 * Where a problem is shown: next to the control whose request it answers (Start, Cancel, a re-check button: the
 * selected rows', the could-not-check rows', the old results' banner's, or one row's), or, for opening a result
 * link and following the run's events, above the progress ('run').
 */
export type ProblemPlace =
  | 'run'
  | 'start'
  | 'cancel'
  | 'recheck-selected'
  | 'recheck-unchecked'
  | 'recheck-stale'
  | `recheck-row:${string}`;

export type RunProblem = (
  | { kind: 'expired' }
  | { kind: 'not-found' }
  | { kind: 'too-many-runs' }
  /** A 429 with a wait: the run is started again by itself at `at` (ms since the epoch). */
  | { kind: 'wait'; at: number; runs: boolean }
  | { kind: 'error'; error: RunError }
) & { place: ProblemPlace };

export type BulkRunState = {
  id: string | null;
  cloud: CloudChoice;
  /** The services the run was started with (for the input link). */
  services: ServiceChoices;
  /** The run's domains in input order (from the server for a run opened by its link); null before a run. */
  domains: readonly string[] | null;
  /** When the server drops the run (RUN_RETENTION_S after it started); null until known. */
  expiresAt: string | null;
  /**
   * This browser started the run (it holds the owner token): it may cancel and re-check. Anyone else with the
   * result link only reads it.
   */
  owner: boolean;
  /** Domains whose re-check was accepted and whose new result has not arrived yet. */
  rechecking: ReadonlySet<string>;
  status: RunStatus | null;
  checked: number;
  total: number;
  rate: number;
  etaSeconds: number | null;
  rows: readonly RunResult[];
  problem: RunProblem | null;
};

const NONE: ReadonlySet<string> = new Set();
const INITIAL: BulkRunState = {
  id: null,
  cloud: 'auto',
  services: AUTO_SERVICES,
  domains: null,
  expiresAt: null,
  owner: false,
  rechecking: NONE,
  status: null,
  checked: 0,
  total: 0,
  rate: 0,
  etaSeconds: null,
  rows: [],
  problem: null,
};
/** Streamed rows are put into state at most this often, so 5,000 rows do not mean 5,000 renders. */
const FLUSH_MS = 150;

/** A refused Start is sent again by itself after a 429's wait; nothing else is. */
function problemOf(err: unknown, place: ProblemPlace): RunProblem | null {
  const e = err instanceof ApiClientError ? err : toClientError(err);
  if (e.code === 'aborted') return null;
  const at = retryAt(e, Date.now());
  if (at !== null && place === 'start') return { kind: 'wait', at, runs: e.code === 'too-many-runs', place };
  if (e.code === 'run-expired') return { kind: 'expired', place };
  if (e.code === 'run-not-found') return { kind: 'not-found', place };
  if (e.code === 'too-many-runs') return { kind: 'too-many-runs', place };
  return { kind: 'error', error: runErrorFrom(e), place };
}

/** The state without a problem that `place`'s control showed (a new request from it replaces it). */
function clearedAt(s: BulkRunState, place: ProblemPlace): BulkRunState {
  return s.problem?.place === place ? { ...s, problem: null } : s;
}

/**
 * Puts `?run=<id>` into the address in place of an input link (no reload, no history entry), so a reload
 * resumes this run instead of starting another.
 */
function setRunInUrl(id: string): void {
  const url = new URL(window.location.href);
  url.search = runQuery(url.search, id);
  url.hash = '';
  window.history.replaceState(window.history.state, '', url);
}

/**
 * One bulk run: start, follow its events into state (batched), cancel, re-check, and resume a run named by
 * `initialRunId` (summary + stored results, then the events from the rows held). Every read asks for `lang`, the
 * page's language: a run started in another language (a result link opened by someone else) reads in the reader's.
 * Cancel and re-check send the run's owner token, which only the browser that started the run holds
 * (lib/client/run-owner.ts).
 */
export function useBulkRun(initialRunId: string | null, lang: string) {
  const [state, setState] = useState<BulkRunState>(INITIAL);
  const rowsRef = useRef<readonly RunResult[]>([]);
  const abortRef = useRef<AbortController | null>(null);
  /** The lowest revision a re-check still waits on: a later re-check follows from it, so no new row is missed. */
  const recheckSinceRef = useRef<number | null>(null);
  /** The run's owner token when this browser started it (from the create answer, or localStorage). */
  const ownerRef = useRef<string | null>(null);
  /** What the last Start sent, so a start refused with a wait can be sent again by itself. */
  const lastStartRef = useRef<[string[], CloudChoice, ServiceChoices, string, RunSourceInput | undefined] | null>(null);

  const follow = useCallback(
    async (id: string, from: number, after?: number) => {
      const since = after ?? Number.POSITIVE_INFINITY;
      abortRef.current?.abort();
      const controller = new AbortController();
      abortRef.current = controller;
      let pending: RunResult[] = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const flush = () => {
        timer = undefined;
        if (pending.length === 0) return;
        const merged = mergeResults(rowsRef.current, pending);
        const arrived = pending;
        pending = [];
        rowsRef.current = merged;
        setState((s) => ({ ...s, rows: merged, rechecking: stillRechecking(s.rechecking, arrived, since) }));
      };
      try {
        setState((s) => ({ ...s, status: s.status === 'done' || s.status === 'cancelled' ? 'running' : s.status }));
        for await (const event of followRunEvents(id, from, { after, lang, signal: controller.signal })) {
          if (event.type === 'report') {
            const { type: _type, ...row } = event;
            pending.push(row);
            timer ??= setTimeout(flush, FLUSH_MS);
          } else if (event.type === 'progress') {
            setState((s) => ({
              ...s,
              status: 'running',
              checked: event.checked,
              total: event.total,
              rate: event.rate,
              etaSeconds: event.etaSeconds,
            }));
          } else {
            clearTimeout(timer);
            flush();
            setState((s) => ({
              ...s,
              status: event.status,
              checked: event.checked,
              total: event.total,
              etaSeconds: null,
              rechecking: NONE,
            }));
            recheckSinceRef.current = null;
          }
        }
        clearTimeout(timer);
        flush();
      } catch (err) {
        clearTimeout(timer);
        flush();
        const problem = problemOf(err, 'run');
        if (problem) setState((s) => ({ ...s, problem }));
      }
    },
    [lang],
  );

  const start = useCallback(
    /**
     * `domains` are the valid names (what the table awaits); `source`, when given, is what the run is sent: every
     * input line, so the run keeps rejected lines and duplicates too, and an uploaded file's other columns.
     */
    async (domains: string[], cloud: CloudChoice, services: ServiceChoices, lang: string, source?: RunSourceInput) => {
      lastStartRef.current = [domains, cloud, services, lang, source];
      abortRef.current?.abort();
      rowsRef.current = [];
      setState({ ...INITIAL, cloud, services, domains, status: 'queued', total: domains.length });
      try {
        const created = await createRun({
          domains: source?.input ?? domains,
          cloud,
          services: toOverride(services),
          lang,
          ...(source?.columns ? { columns: source.columns } : {}),
        });
        ownerRef.current = created.ownerToken;
        saveOwnerToken(browserStorage(), created.id, created.ownerToken, created.expiresAt);
        setRunInUrl(created.id);
        setState((s) => ({
          ...s,
          id: created.id,
          owner: true,
          status: created.status,
          total: created.total,
          expiresAt: created.expiresAt,
        }));
        await follow(created.id, 0);
      } catch (err) {
        const problem = problemOf(err, 'start');
        setState((s) => ({ ...s, status: null, problem }));
      }
    },
    [follow],
  );

  const resume = useCallback(
    async (id: string) => {
      try {
        const summary = await fetchRunSummary(id, 0, fetch, lang);
        rowsRef.current = mergeResults([], summary.results);
        ownerRef.current = loadOwnerToken(browserStorage(), id);
        setState({
          id,
          owner: ownerRef.current !== null,
          cloud: summary.cloud,
          services: servicesOfRun(summary.services),
          domains: summary.domains,
          expiresAt: summary.expiresAt,
          rechecking: NONE,
          status: summary.status,
          checked: summary.checked,
          total: summary.total,
          rate: summary.rate,
          etaSeconds: summary.etaSeconds,
          rows: rowsRef.current,
          problem: null,
        });
        if (summary.status === 'queued' || summary.status === 'running' || summary.pending > 0) {
          await follow(id, contiguousCount(rowsRef.current), summary.revision);
        }
      } catch (err) {
        setState((s) => ({ ...s, id, problem: problemOf(err, 'run') }));
      }
    },
    [follow, lang],
  );

  useEffect(() => {
    if (initialRunId) void resume(initialRunId);
    return () => abortRef.current?.abort();
  }, [initialRunId, resume]);

  /**
   * A cancel or re-check failed. Refused as not the owner (the stored token is gone or wrong): this browser only
   * reads the run from now on, and the page says so.
   */
  const controlFailed = useCallback((id: string, err: unknown, place: ProblemPlace) => {
    if (err instanceof ApiClientError && err.code === 'not-run-owner') {
      ownerRef.current = null;
      forgetOwnerToken(browserStorage(), id);
      setState((s) => ({ ...s, owner: false }));
      return;
    }
    const problem = problemOf(err, place);
    if (problem) setState((s) => ({ ...s, problem }));
  }, []);

  const cancel = useCallback(async () => {
    const id = state.id;
    const token = ownerRef.current;
    if (!id || !token) return;
    setState((s) => clearedAt(s, 'cancel'));
    try {
      await cancelRun(id, token);
    } catch (err) {
      controlFailed(id, err, 'cancel');
    }
  }, [state.id, controlFailed]);

  const recheck = useCallback(
    /** `place`: the button that asked (its error is shown beside it). */
    async (body: RunRecheckRequest, place: ProblemPlace) => {
      const id = state.id;
      const token = ownerRef.current;
      if (!id || !token) return;
      setState((s) => clearedAt(s, place));
      let since: number;
      try {
        const accepted = await recheckRun(id, { ...body, lang }, token);
        since = Math.min(recheckSinceRef.current ?? accepted.revision, accepted.revision);
        recheckSinceRef.current = since;
        setState((s) => ({ ...s, rechecking: new Set([...s.rechecking, ...accepted.rechecking]) }));
      } catch (err) {
        controlFailed(id, err, place);
        return;
      }
      await follow(id, contiguousCount(rowsRef.current), since);
    },
    [state.id, follow, controlFailed, lang],
  );

  /** Sends the last Start again (after the wait a 429 asked for). */
  const retryStart = useCallback(() => {
    const last = lastStartRef.current;
    if (last) void start(...last);
  }, [start]);

  return { state, start, cancel, recheck, retryStart };
}
