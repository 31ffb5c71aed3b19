/**
 * The browser's side of the run API (/api/runs): start, summary, events, cancel and re-check, plus the pure
 * merge of streamed rows into the rows held. Every failure is an ApiClientError (404 run-not-found, 410 run-expired…).
 */
import {
  RUN_OWNER_HEADER,
  RunCreated,
  type RunCreateRequest,
  RunEvent,
  RunRecheckAccepted,
  type RunRecheckRequest,
  type RunResult,
  RunSummary,
  SERVICE_FLAGS,
  type ServiceOverride,
} from '@/lib/schema';
import { ApiClientError, errorFromResponse, toClientError } from './api-error';
import { fetchJson } from './fetcher';
import { readLines } from './ndjson';
import type { ServiceChoice, ServiceChoices } from './services';

const runUrl = (id: string) => `/api/runs/${encodeURIComponent(id)}`;

function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** POST /api/runs: starts a run. The answer's `ownerToken` (given only here) is what cancel and re-check need. */
export function createRun(body: RunCreateRequest, fetchImpl: typeof fetch = fetch): Promise<RunCreated> {
  return fetchJson('/api/runs', RunCreated, postJson(body), fetchImpl);
}

/** `&lang=<lang>` when a reader's language is given: the server renders the stored results in it. */
const langParam = (lang: string | undefined) => (lang ? `&lang=${encodeURIComponent(lang)}` : '');

/** GET /api/runs/:id?from=N&lang=L: the summary and the stored results from N, rendered in `lang` (the reader's). */
export function fetchRunSummary(
  id: string,
  from = 0,
  fetchImpl: typeof fetch = fetch,
  lang?: string,
): Promise<RunSummary> {
  return fetchJson(`${runUrl(id)}?from=${from}${langParam(lang)}`, RunSummary, {}, fetchImpl);
}

/** The header that proves this browser started the run (its owner token, from `createRun`). */
const ownerHeaders = (ownerToken: string): Record<string, string> => ({ [RUN_OWNER_HEADER]: ownerToken });

/** POST /api/runs/:id/cancel with the run's owner token: stops the run; finished rows are kept. */
export async function cancelRun(id: string, ownerToken: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  let res: Response;
  try {
    res = await fetchImpl(`${runUrl(id)}/cancel`, { method: 'POST', headers: ownerHeaders(ownerToken) });
  } catch (err) {
    throw toClientError(err);
  }
  if (!res.ok) throw await errorFromResponse(res);
}

/** POST /api/runs/:id/recheck with the run's owner token: re-checks the listed domains or every could-not-check row. */
export function recheckRun(
  id: string,
  body: RunRecheckRequest,
  ownerToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<RunRecheckAccepted> {
  return fetchJson(`${runUrl(id)}/recheck`, RunRecheckAccepted, postJson(body, ownerHeaders(ownerToken)), fetchImpl);
}

/**
 * The events URL: rows from `from`, and with `after` also rows replaced since that revision; with `lang`, every row
 * in that language (the reader's), whatever language the run was started in.
 */
export function eventsUrl(id: string, from: number, after?: number, lang?: string): string {
  return `${runUrl(id)}/events?from=${from}${after === undefined ? '' : `&after=${after}`}${langParam(lang)}`;
}

/**
 * The export URL of a run in `format`, its text (and a summary's column headers) in `lang`: `csv` and `json` every
 * result, `summary` one row per domain (CSV), `xlsx` a workbook with both.
 */
export function exportUrl(id: string, format: 'csv' | 'json' | 'summary' | 'xlsx', lang?: string): string {
  return `${runUrl(id)}/export?format=${format}${langParam(lang)}`;
}

/** The file name a `Content-Disposition: attachment; filename="…"` names, or `fallback`. */
export function attachmentName(header: string | null, fallback: string): string {
  const name = header ? /filename="([^"]+)"/.exec(header)?.[1] : undefined;
  return name && !/[\\/]/.test(name) ? name : fallback;
}

/**
 * Downloads a server-built export (`exportUrl`) as a Blob, so a refusal (a 429, an expired run, a 500, no
 * connection) comes back to the page as an ApiClientError, to say beside the button, instead of being a failed
 * download in the browser's download list.
 */
export async function fetchExport(url: string, fetchImpl: typeof fetch = fetch): Promise<{ blob: Blob; name: string }> {
  let res: Response;
  try {
    res = await fetchImpl(url);
  } catch (err) {
    throw toClientError(err);
  }
  if (!res.ok) throw await errorFromResponse(res);
  try {
    const blob = await res.blob();
    return { blob, name: attachmentName(res.headers.get('Content-Disposition'), 'export') };
  } catch (err) {
    throw toClientError(err);
  }
}

/** Follows GET /api/runs/:id/events, yielding each valid event line (bad lines are skipped) until the stream ends. */
export async function* followRunEvents(
  id: string,
  from: number,
  options: { after?: number; lang?: string; signal?: AbortSignal; fetchImpl?: typeof fetch } = {},
): AsyncGenerator<RunEvent> {
  const fetchImpl = options.fetchImpl ?? fetch;
  let res: Response;
  try {
    res = await fetchImpl(eventsUrl(id, from, options.after, options.lang), {
      headers: { Accept: 'application/x-ndjson' },
      signal: options.signal ?? null,
    });
  } catch (err) {
    throw toClientError(err);
  }
  if (!res.ok) throw await errorFromResponse(res);
  if (!res.body) throw new ApiClientError('bad-response', 'no body', res.status);
  try {
    for await (const raw of readLines(res.body)) {
      const event = parseRunEvent(raw);
      if (event) yield event;
    }
  } catch (err) {
    throw toClientError(err);
  }
}

/** Parses one NDJSON line of the events stream; null when it is not a valid event. */
export function parseRunEvent(raw: string): RunEvent | null {
  try {
    const parsed = RunEvent.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Puts `incoming` rows into `held` (index order): a row with a known index replaces the held one when its revision
 * is newer, otherwise it is added. Returns `held` itself when nothing changed.
 */
export function mergeResults(held: readonly RunResult[], incoming: readonly RunResult[]): readonly RunResult[] {
  if (incoming.length === 0) return held;
  const byIndex = new Map<number, RunResult>();
  for (const row of held) byIndex.set(row.index, row);
  let changed = false;
  for (const row of incoming) {
    const old = byIndex.get(row.index);
    if (old !== undefined && old.revision >= row.revision) continue;
    byIndex.set(row.index, row);
    changed = true;
  }
  if (!changed) return held;
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** How many rows from index 0 are held without a gap: the `from` to resume the events stream at. */
export function contiguousCount(held: readonly RunResult[]): number {
  let n = 0;
  for (const row of held) {
    if (row.index !== n) break;
    n += 1;
  }
  return n;
}

/** A run's `services` (what the user set when it started) as the services toggles show them; absent = detect. */
export function servicesOfRun(services: ServiceOverride | undefined): ServiceChoices {
  const out: Record<(typeof SERVICE_FLAGS)[number], ServiceChoice> = { mail: 'auto', teams: 'auto', intune: 'auto' };
  for (const s of SERVICE_FLAGS) {
    const on = services?.[s];
    if (on !== undefined) out[s] = on ? 'on' : 'off';
  }
  return out;
}

/**
 * The domains still being re-checked once `incoming` rows arrived: a row with a newer revision than the re-check
 * started from is that domain's new result. Returns `rechecking` itself when nothing changed.
 */
export function stillRechecking(
  rechecking: ReadonlySet<string>,
  incoming: readonly Pick<RunResult, 'domain' | 'revision'>[],
  sinceRevision: number,
): ReadonlySet<string> {
  if (rechecking.size === 0) return rechecking;
  const done = incoming.filter((row) => row.revision > sinceRevision && rechecking.has(row.domain));
  if (done.length === 0) return rechecking;
  const next = new Set(rechecking);
  for (const row of done) next.delete(row.domain);
  return next;
}
