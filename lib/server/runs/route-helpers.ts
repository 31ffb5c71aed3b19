/**
 * Shared pieces of the /api/runs route handlers: the run lookup with its 404/410 answers, query numbers,
 * JSON body reading and the error fallback.
 */
import { errorResponse, HttpError, readBodyText, requireJson, requireSameOrigin } from '../http';
import type { RunEngine } from './engine';
import type { RunRecord } from './store';

/** The run, or the 404 `run-not-found` / 410 `run-expired` answer. */
export async function findRun(engine: RunEngine, id: string): Promise<RunRecord | Response> {
  const found = await engine.store.get(id);
  if ('found' in found) return found.found;
  if (found.missing === 'expired') {
    return errorResponse(
      'run-expired',
      `Run ${id} has expired: runs are kept for ${engine.config.runRetentionS} seconds. Start the check again.`,
    );
  }
  return errorResponse('run-not-found', `There is no run ${id}. Check the link.`);
}

/** A non-negative integer query parameter; `fallback` when absent, null when malformed. */
export function intParam(
  params: URLSearchParams,
  name: string,
  fallback: number | undefined,
): number | undefined | null {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,9}$/.test(raw)) return null;
  return Number(raw);
}

/** Reads a same-origin JSON body (empty body → `{}`); throws HttpError or returns the 400 answer. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown | Response> {
  requireSameOrigin(request);
  const text = await readBodyText(request, maxBytes);
  if (text.trim() === '') return {};
  requireJson(request);
  try {
    return JSON.parse(text);
  } catch {
    return errorResponse('invalid-input', 'The request body is not valid JSON.');
  }
}

/** The last-resort answer of a run route. */
export function runRouteError(err: unknown): Response {
  if (err instanceof HttpError) return err.toResponse();
  console.error('run route failed', err);
  return errorResponse('internal', 'Something went wrong on the server. The error was logged.');
}
