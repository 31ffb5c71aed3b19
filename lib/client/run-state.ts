/**
 * The state of the results area as a pure reducer: a bulk run streams reports in, a bulk re-check
 * streams replacements for some rows, and a one-row re-check replaces one report. Lines from a stream
 * that is no longer active (stopped, superseded) are ignored, so a late line never resurrects an old run.
 */
import type { CloudChoice, InvalidEntry, Report } from '@/lib/schema';
import type { ApiClientError, ClientErrorCode } from './api-error';
import type { ParsedLine } from './ndjson';
import type { Row } from './rank';
import { AUTO_SERVICES, type ServiceChoices } from './services';

export type RunError = {
  code: ClientErrorCode;
  status: number;
  limit?: number;
  count?: number;
  retryAfterSeconds?: number;
  issues?: Array<{ line: number; input: string; reason: string; code?: string }>;
};

export type RunPhase = 'idle' | 'running' | 'done' | 'stopped' | 'failed';
export type StreamKind = 'run' | 'recheck';

export type RunState = {
  phase: RunPhase;
  /** Id of the last stream started (ids come from the caller and only ever grow). */
  streamId: number;
  active: { id: number; kind: StreamKind } | null;
  cloud: CloudChoice;
  /** The services as the user set them for the run (re-checks ask with the same). */
  services: ServiceChoices;
  /** Domain (ASCII) → position in the submitted list. */
  order: Record<string, number>;
  total: number;
  reports: Record<string, Report>;
  /** Lines the server refused in the last run. */
  invalid: InvalidEntry[];
  /** The server's closing line of the last run. */
  closing: { checked: number; invalid: number; duplicates: number } | null;
  /** Stream lines that did not match the contract. */
  malformed: number;
  error: RunError | null;
  /** Which stream `error` ended: the run (Check) or the re-check of the rows that could not be checked. */
  errorFrom: StreamKind | null;
  /** Domains waiting for the bulk re-check. */
  pending: string[];
};

export type RunAction =
  | { type: 'start'; id: number; cloud: CloudChoice; services?: ServiceChoices; domains: readonly string[] }
  | { type: 'recheck-start'; id: number; domains: readonly string[] }
  | { type: 'line'; streamId: number; line: ParsedLine }
  | { type: 'fail'; streamId: number; error: RunError }
  | { type: 'end'; streamId: number }
  | { type: 'stop' }
  | { type: 'report'; report: Report };

export const initialRunState: RunState = {
  phase: 'idle',
  streamId: 0,
  active: null,
  cloud: 'auto',
  services: AUTO_SERVICES,
  order: {},
  total: 0,
  reports: {},
  invalid: [],
  closing: null,
  malformed: 0,
  error: null,
  errorFrom: null,
  pending: [],
};

/** A serialisable copy of a client error, for state. */
export function runErrorFrom(err: ApiClientError): RunError {
  const body = err.body;
  return {
    code: err.code,
    status: err.status,
    ...(body?.limit !== undefined ? { limit: body.limit } : {}),
    ...(body?.count !== undefined ? { count: body.count } : {}),
    ...(err.retryAfterSeconds !== undefined ? { retryAfterSeconds: err.retryAfterSeconds } : {}),
    ...(body?.issues ? { issues: body.issues } : {}),
  };
}

function withReport(state: RunState, report: Report): RunState {
  const order =
    report.domain in state.order
      ? state.order
      : { ...state.order, [report.domain]: Math.max(-1, ...Object.values(state.order)) + 1 };
  return { ...state, order, reports: { ...state.reports, [report.domain]: report } };
}

/** The reducer. Pure: same state and action, same result. */
export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case 'start': {
      const id = action.id;
      const order: Record<string, number> = {};
      action.domains.forEach((d, i) => {
        if (!(d in order)) order[d] = i;
      });
      return {
        ...initialRunState,
        phase: 'running',
        streamId: id,
        active: { id, kind: 'run' },
        cloud: action.cloud,
        services: action.services ?? AUTO_SERVICES,
        order,
        total: Object.keys(order).length,
      };
    }
    case 'recheck-start': {
      if (state.active?.kind === 'run' || action.domains.length === 0) return state;
      const id = action.id;
      return {
        ...state,
        streamId: id,
        active: { id, kind: 'recheck' },
        pending: [...action.domains],
        error: null,
        errorFrom: null,
      };
    }
    case 'line': {
      if (state.active?.id !== action.streamId) return state;
      const parsed = action.line;
      if (!parsed.ok) return { ...state, malformed: state.malformed + 1 };
      const line = parsed.line;
      if (line.type === 'report') {
        const { type: _type, ...report } = line;
        const next = withReport(state, report);
        return state.active.kind === 'recheck'
          ? { ...next, pending: next.pending.filter((d) => d !== report.domain) }
          : next;
      }
      if (state.active.kind === 'recheck') return state;
      if (line.type === 'invalid') {
        const { type: _type, ...entry } = line;
        return { ...state, invalid: [...state.invalid, entry] };
      }
      return { ...state, closing: { checked: line.checked, invalid: line.invalid, duplicates: line.duplicates } };
    }
    case 'fail': {
      if (state.active?.id !== action.streamId) return state;
      if (state.active.kind === 'recheck')
        return { ...state, active: null, pending: [], error: action.error, errorFrom: 'recheck' };
      return {
        ...state,
        active: null,
        phase: action.error.code === 'aborted' ? 'stopped' : 'failed',
        error: action.error,
        errorFrom: 'run',
      };
    }
    case 'end': {
      if (state.active?.id !== action.streamId) return state;
      if (state.active.kind === 'recheck') return { ...state, active: null, pending: [] };
      return { ...state, active: null, phase: 'done' };
    }
    case 'stop': {
      if (!state.active) return state;
      if (state.active.kind === 'recheck') return { ...state, active: null, pending: [] };
      return { ...state, active: null, phase: 'stopped' };
    }
    case 'report':
      return withReport(state, action.report);
  }
}

/** Rows in input order, with their reports. */
export function rowsOf(state: RunState): Array<Row & { report: Report }> {
  return Object.values(state.reports).map((report) => ({
    domain: report.domain,
    order: state.order[report.domain] ?? Number.MAX_SAFE_INTEGER,
    report,
  }));
}

/** How far the run is: reports received of the domains submitted. */
export function progressOf(state: RunState): { done: number; total: number } {
  const done = Object.keys(state.reports).length;
  return { done, total: Math.max(state.total, done) };
}

/** True when a finished run ended without the server's closing line (the connection broke). */
export function endedEarly(state: RunState): boolean {
  return state.phase === 'done' && state.closing === null;
}

/**
 * Domains whose health is "could not check everything" (what "re-check all that could not be checked" sends): the
 * same rows the summary counts as could not check, so the button's count agrees with it (as on /bulk). A domain
 * that is broken for another reason keeps its own Re-check.
 */
export function uncheckedDomains(state: RunState): string[] {
  return rowsOf(state)
    .filter((r) => r.report.summary.health === 'could-not-check')
    .sort((a, b) => a.order - b.order)
    .map((r) => r.domain);
}
