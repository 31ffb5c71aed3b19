/**
 * The runs API (/api/runs): start a server-side run, read its summary and results, follow its events, cancel it,
 * re-check some of its domains, export it. Route handlers in app/api/runs only wire these. The run id reads a
 * run; cancel and re-check also need its owner token (../runs/owner.ts).
 */
import 'server-only';
import { z } from 'zod';
import { catalogueFor, LANGUAGES, matchLanguage } from '@/lib/messages';
import { type DomainList, parseDomainList } from '@/lib/report/domain-list';
import type { RunCreated, RunCreateRequest, RunRecheckAccepted, RunRecheckRequest } from '@/lib/schema';
import { recordRunOwner, requireRunReadable, requireRunWritable } from '../auth/run-owners';
import { acceptDomainList } from '../http/domain-input';
import { errorResponse, HttpError, pickLanguage } from '../http/errors';
import { type GuardedContext, namesCapReason } from '../http/guard';
import type { RouteInput } from '../http/route';
import { getNamesWindow } from '../names-window';
import { runMaxLines } from '../policy';
import { getRunEngine } from '../runs/engine';
import { runEventsResponse } from '../runs/events';
import { exportStream, summaryExportStream } from '../runs/export';
import { XLSX_TYPE, xlsxExportStream } from '../runs/export-xlsx';
import { getFollowers } from '../runs/followers';
import { newOwnerToken } from '../runs/owner';
import type { RunRecord, RunRefusal, RunSource } from '../runs/store';
import { runLinks, runSummaryHead, runSummaryResponse } from '../runs/view';

const count = z
  .string()
  .regex(/^\d{1,9}$/, 'must be a non-negative whole number')
  .transform(Number);
/**
 * `?lang=` of every read: the language the stored results are rendered in for this reader (default the run's, the
 * language it was started in). A language we don't have falls back to the run's.
 */
const lang = z.string().max(35).optional();
/** `?from=N&limit=M&lang=L` of GET /api/runs/:id. */
export const SummaryQuery = z.object({ from: count.default(0), limit: count.optional(), lang });
/** `?from=N&after=R&lang=L` of GET /api/runs/:id/events. */
export const EventsQuery = z.object({ from: count.default(0), after: count.optional(), lang });
/** `?format=csv|json|summary|xlsx&lang=L` of GET /api/runs/:id/export. */
export const ExportQuery = z.object({ format: z.enum(['csv', 'json', 'summary', 'xlsx']).default('csv'), lang });

/** The language a reader reads a run in: theirs (`?lang=`) when we have it, else the run's. */
const readerLang = (run: RunRecord, query: { lang?: string | undefined }) => matchLanguage(query.lang) ?? run.lang;

/** The run, or HttpError 404 `run-not-found` / 410 `run-expired`. */
async function findRun(id: string): Promise<RunRecord> {
  const engine = getRunEngine();
  const found = await engine.store.get(id);
  if ('found' in found) return found.found;
  if (found.missing === 'expired') {
    const seconds = engine.config.runRetentionS;
    throw new HttpError(
      'run-expired',
      `Run ${id} has expired: runs are kept for ${seconds} seconds. Start the check again.`,
    );
  }
  throw new HttpError('run-not-found', `There is no run ${id}. Check the link.`);
}

const noStore = { 'Cache-Control': 'no-store' };

/** POST /api/runs: starts a run and answers 201 at once with its id and links; the run goes on without the request. */
export async function createRun(
  input: RouteInput<RunCreateRequest, undefined>,
  ctx: GuardedContext,
): Promise<Response> {
  const { body } = input;
  const config = ctx.config;
  if (body.columns && (!Array.isArray(body.domains) || body.columns.values.length !== body.domains.length)) {
    throw new HttpError(
      'invalid-input',
      '`columns` needs `domains` as an array, with one item of `columns.values` per item of `domains`.',
    );
  }
  const lang = matchLanguage(body.lang) ?? pickLanguage(input.request, LANGUAGES);
  const accepted = acceptDomainList(
    body.domains,
    config,
    lang,
    {
      maxDomains: config.maxDomainsPerRun,
      maxLines: runMaxLines(config),
      unit: 'run',
    },
    ctx.client,
  );
  if ('response' in accepted) return accepted.response;
  const { list } = accepted;
  const source = runSource(body, list);
  const limited = await ctx.chargeDomains(list.domains.map((d) => d.ascii));
  if (limited) return limited;
  const owner = newOwnerToken();
  const started = await getRunEngine().start({
    owner: { client: ctx.client, tokenHash: owner.tokenHash },
    cloud: body.cloud,
    services: body.services,
    lang,
    targets: list.domains.map(({ ascii, display, registrable, isSubdomain, entered }) => ({
      ascii,
      display,
      registrable,
      isSubdomain,
      ...(entered !== undefined ? { entered } : {}),
    })),
    invalid: list.invalid,
    duplicates: list.duplicates.map(({ line, input: text, ascii, firstLine }) => ({
      line,
      input: text,
      ascii,
      firstLine,
    })),
    source,
  });
  if ('refused' in started) return tooManyRuns(started.refused);
  const run = started.created;
  await recordRunOwner(config, run.id, ctx.principal);
  const created: RunCreated = {
    id: run.id,
    ownerToken: owner.token,
    status: run.status,
    total: run.targets.length,
    invalid: run.invalid,
    duplicates: run.duplicates,
    createdAt: new Date(run.createdAt).toISOString(),
    expiresAt: new Date(run.expiresAt).toISOString(),
    links: runLinks(run.id),
  };
  return Response.json(created, { status: 201, headers: { ...noStore, Location: created.links.self } });
}

/** The 429 answer of a run the store refused (MAX_RUNS_PER_CLIENT or MAX_RUNS_KEPT), with Retry-After. */
function tooManyRuns(refusal: RunRefusal): Response {
  const { limit, count, retryAfterS } = refusal;
  const message =
    refusal.reason === 'client-quota'
      ? `You already have ${count} runs kept and none of them has finished (at most ${limit} per client). ` +
        'Wait for one to finish, or cancel one, then start again: your oldest finished run then makes room.'
      : `The server already keeps as many runs as it can (${limit}), and none of them is a finished run of yours ` +
        `that this one could replace. Try again in ${retryAfterS} seconds, when the next run expires, or once a run ` +
        'of yours has finished.';
  return errorResponse(
    'too-many-runs',
    message,
    { limit, count, retryAfterSeconds: retryAfterS },
    { 'Retry-After': String(retryAfterS) },
  );
}

/**
 * The run's input lines, and the uploaded columns' cells of every line the run lists (a target, a rejected line or a
 * duplicate), each cut or padded to the columns' names.
 */
function runSource(body: RunCreateRequest, list: DomainList): RunSource {
  const names = body.columns?.names ?? [];
  const cells = new Map<number, readonly string[]>();
  const values = body.columns?.values;
  if (values && names.length > 0) {
    for (const { line } of [...list.domains, ...list.invalid, ...list.duplicates]) {
      const row = values[line - 1] ?? [];
      cells.set(
        line,
        names.map((_name, i) => row[i] ?? ''),
      );
    }
  }
  return { lines: list.domains.map((d) => d.line), columns: names, cells };
}

/** GET /api/runs/:id: the summary, progress, counts and the results from `from`. */
export async function getRun(
  input: RouteInput<undefined, z.infer<typeof SummaryQuery>>,
  ctx: GuardedContext,
): Promise<Response> {
  const run = await findRun(input.params.id ?? '');
  await requireRunReadable(ctx.config, run, ctx.principal);
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  const { store } = getRunEngine();
  return runSummaryResponse(store, run, input.query.from, input.query.limit, readerLang(run, input.query));
}

/**
 * GET /api/runs/:id/events: NDJSON of the run from `from` (and re-checks after revision `after`). Takes a follower
 * slot of the run and of the client (429 `too-many-followers` when either has none left) until the stream ends.
 */
export async function followRun(
  input: RouteInput<undefined, z.infer<typeof EventsQuery>>,
  ctx: GuardedContext,
): Promise<Response> {
  const id = input.params.id ?? '';
  const run = await findRun(id);
  await requireRunReadable(ctx.config, run, ctx.principal);
  const { config } = ctx;
  const slot = getFollowers().admit(id, ctx.client, {
    perRun: config.maxFollowersPerRun,
    perClient: config.maxFollowersPerClient,
  });
  if (!slot.ok) {
    throw new HttpError(
      'too-many-followers',
      slot.over === 'run'
        ? `This run already has ${slot.limit} open event streams, the most one run may have. Close a tab or script that follows it, or read its results without following (GET /api/runs/<id>).`
        : `You already have ${slot.limit} open event streams, the most one client may have. Close tabs or scripts that follow runs, then try again.`,
      { limit: slot.limit },
    );
  }
  const limited = await ctx.chargeRequest();
  if (limited) {
    slot.release();
    return limited;
  }
  try {
    return runEventsResponse(
      getRunEngine(),
      id,
      input.query.from,
      ctx.signal,
      input.query.after,
      readerLang(run, input.query),
      slot.release,
    );
  } catch (err) {
    slot.release();
    throw err;
  }
}

/**
 * POST /api/runs/:id/cancel (owner only, else 403): no new domain starts, lookups in flight end; answers the summary
 * without results.
 */
export async function cancelRun(input: RouteInput<undefined, undefined>, ctx: GuardedContext): Promise<Response> {
  const id = input.params.id ?? '';
  const run = await findRun(id);
  await requireRunWritable(ctx.config, run, ctx.principal, input.request);
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  const engine = getRunEngine();
  await engine.cancel(id);
  // The run as the cancel left it (a run dropped meanwhile answers 410).
  const now = await findRun(id);
  return Response.json(runSummaryHead(now, await engine.store.counts(id), now.checked), { headers: noStore });
}

/** POST /api/runs/:id/recheck (owner only, else 403): checks the listed (or every could-not-check) domain again; 202. */
export async function recheckRun(
  input: RouteInput<RunRecheckRequest, undefined>,
  ctx: GuardedContext,
): Promise<Response> {
  const id = input.params.id ?? '';
  const run = await findRun(id);
  await requireRunWritable(ctx.config, run, ctx.principal, input.request);
  const { body } = input;
  if (!body.domains && !body.filter) {
    throw new HttpError('invalid-input', 'Send {"domains": ["example.com", …]} and/or {"filter": "could-not-check"}.');
  }
  const byAscii = new Map(run.targets.map((t) => [t.ascii, t]));
  const wanted = new Set<string>();
  if (body.domains) {
    const list = parseDomainList(body.domains, {
      allowTestDomains: ctx.config.allowTestDomains,
      maxLineLength: ctx.config.maxLineLength,
      maxDomains: run.targets.length,
    });
    const unknown = list.domains.filter((d) => !byAscii.has(d.ascii));
    if (list.invalid.length > 0 || unknown.length > 0) {
      const names = [...list.invalid.map((i) => i.input), ...unknown.map((d) => d.input)];
      return errorResponse('invalid-input', `Not domains of this run: ${names.slice(0, 20).join(', ')}.`, {
        issues: [
          ...list.invalid,
          ...unknown.map((d) => ({ line: d.line, input: d.input, reason: 'not a domain of this run' })),
        ],
      });
    }
    for (const d of list.domains) wanted.add(d.ascii);
  }
  if (body.filter === 'could-not-check') {
    for (const domain of await getRunEngine().store.domainsWith(id, 'could-not-check')) wanted.add(domain);
  }
  const revision = run.revision;
  const wantedTargets = [...wanted].flatMap((ascii) => byAscii.get(ascii) ?? []);
  // A run's re-checks count in its owner's names window (whoever holds the link asks on the owner's behalf).
  const config = ctx.config;
  const { admissions, commit } = getNamesWindow(config).plan(
    run.owner.client,
    wantedTargets.map((t) => ({ registrable: t.registrable, name: t.ascii })),
  );
  const targets = wantedTargets.filter((_t, i) => admissions[i]?.ok !== false);
  const catalogue = catalogueFor(readerLang(run, body));
  const skipped = wantedTargets.flatMap((t, i) => {
    const admission = admissions[i];
    if (admission === undefined || admission.ok) return [];
    const reason = namesCapReason(catalogue, t, admission.count, {
      maxPerRegistrable: config.maxNamesPerRegistrable,
      windowS: config.namesWindowS,
    });
    return [{ domain: t.ascii, code: 'too-many-names-per-domain' as const, reason }];
  });
  if (targets.length > 0) {
    commit();
    const limited = await ctx.chargeDomains(targets.map((t) => t.ascii));
    if (limited) return limited;
    await getRunEngine().recheck(id, targets);
  }
  const accepted: RunRecheckAccepted = {
    id,
    status: run.status,
    rechecking: targets.map((t) => t.ascii),
    ...(skipped.length > 0 ? { skipped } : {}),
    revision,
    links: runLinks(id),
  };
  return Response.json(accepted, { status: 202, headers: noStore });
}

/** GET /api/runs/:id/export: every stored result as a CSV or JSON download, streamed. */
export async function exportRun(
  input: RouteInput<undefined, z.infer<typeof ExportQuery>>,
  ctx: GuardedContext,
): Promise<Response> {
  const run = await findRun(input.params.id ?? '');
  await requireRunReadable(ctx.config, run, ctx.principal);
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  const { format } = input.query;
  const lang = readerLang(run, input.query);
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const base = `m365-dns-health-${run.id.slice(0, 8)}-${stamp}`;
  const download = (body: ReadableStream<Uint8Array>, name: string, type: string) =>
    new Response(body, {
      headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"`, ...noStore },
    });
  const { store } = getRunEngine();
  switch (format) {
    case 'summary':
      return download(summaryExportStream(store, run, lang), `${base}-summary.csv`, 'text/csv; charset=utf-8');
    case 'xlsx':
      return download(xlsxExportStream(store, run, lang), `${base}.xlsx`, XLSX_TYPE);
    case 'csv':
      return download(exportStream(store, run, format, { lang }), `${base}.csv`, 'text/csv; charset=utf-8');
    case 'json':
      return download(exportStream(store, run, format, { lang }), `${base}.json`, 'application/json; charset=utf-8');
  }
}

export { runBodyBytes } from '../policy';
