/**
 * The lists API (/api/lists…, /api/domains/:domain/history; docs/lists.md): lists of domains with tags, their
 * runs and history, the changes between two runs, accepted exceptions and a domain's timeline. Route handlers in
 * app/api/lists only wire these. Access is the runs API's (`check` routes: ACCESS_TOKEN when set); with Entra
 * sign-in on, a list belongs to its creator (../auth/data-owners.ts): one the reader may not see answers 404, and
 * is left out of every listing and of a domain's timeline.
 */
import 'server-only';
import type { z } from 'zod';
import { columnToEntries, readDomainFile } from '@/lib/bulk/csv-import';
import { computeChanges, covers } from '@/lib/history/changes';
import { changesToCsv, runToCsv } from '@/lib/history/changes-csv';
import { healthCounts, timelineOf } from '@/lib/history/timeline';
import { LANGUAGES, matchLanguage } from '@/lib/messages';
import { type DomainList, parseDomainList } from '@/lib/report/domain-list';
import type { CloudChoice, ServiceOverride } from '@/lib/schema';
import {
  type AcceptanceRequest,
  type ChangesQuery,
  type DomainHistory,
  type ListCreated,
  type ListCreateRequest,
  type ListDetail,
  type ListExportQuery,
  type ListLang,
  type ListRunSummary,
  type ListSummary,
  type ListUpdateRequest,
  Tag,
} from '@/lib/schema-lists';
import { requireAccess } from '../auth/data-owners';
import { canRead, ownerFor } from '../auth/ownership';
import type { Principal } from '../auth/principal';
import { requireRunReadable } from '../auth/run-owners';
import type { ServerConfig } from '../env';
import { errorResponse, HttpError, pickLanguage } from '../http/errors';
import type { GuardedContext } from '../http/guard';
import type { RouteInput } from '../http/route';
import { ListRunError, startListRun } from '../lists/service';
import {
  acceptances,
  allLists,
  deleteAcceptance,
  deleteList,
  domainHealths,
  domainRecordsByRun,
  findList,
  insertList,
  type ListRow,
  type ListRunRow,
  listDomains,
  listRuns,
  listsWith,
  type NewListDomain,
  newListId,
  putAcceptance,
  recordRows,
  snapshotOf,
  updateList,
} from '../lists/store';
import { getRunEngine } from '../runs/engine';
import { isFinished } from '../runs/store';
import { nextRunOf } from '../schedules/store';
import { getStorage } from '../storage/db';

const noStore = { 'Cache-Control': 'no-store' };
const db = async (config: ServerConfig) => (await getStorage(config.storage)).db;
const iso = (ms: number) => new Date(ms).toISOString();
/** Runs shown as a list's trend. */
const TREND_RUNS = 10;

/**
 * The list `id` when `principal` may read it (or change it: `write`); else HttpError 404 (a list they may not read
 * is answered as one that doesn't exist) or 403 (they may read it but not change it).
 */
export async function requireList(
  config: ServerConfig,
  id: string,
  principal: Principal,
  mode: 'read' | 'write' = 'read',
): Promise<ListRow> {
  const notFound = () => new HttpError('not-found', `There is no list ${id}. Check the link.`);
  const list = await findList(await db(config), id);
  if (!list) throw notFound();
  requireAccess(principal, list.owner, mode, notFound);
  return list;
}

const parseOptions = (config: ServerConfig, lang: string) => ({
  allowTestDomains: config.allowTestDomains,
  maxLineLength: config.maxLineLength,
  maxDomains: config.maxDomainsPerRun,
  lang,
});

/** Tags of a CSV cell: split on `;`, `,` or `|`, each kept when it is a valid tag (at most 10). */
function tagsOf(cell: string | undefined): string[] {
  if (!cell) return [];
  const tags = cell
    .split(/[;,|]/)
    .map((t) => t.trim())
    .filter((t) => Tag.safeParse(t).success);
  return [...new Set(tags)].slice(0, 10);
}

const TAG_HEADER = /^(?:tags?|labels?|标签|標籤)$/iu;

/** The domains of a create or add request (pasted lines or a CSV file's text), parsed as /bulk does. */
function readDomains(
  input: { domains?: string | string[] | undefined; csv?: string | undefined; column?: number | undefined },
  config: ServerConfig,
  lang: string,
): { list: DomainList; tags: Map<number, string[]> } {
  const tags = new Map<number, string[]>();
  if (input.csv !== undefined) {
    const file = readDomainFile('list.csv', new TextEncoder().encode(input.csv), { lang });
    if (file.kind === 'error') throw new HttpError('invalid-input', file.message);
    if (file.kind !== 'csv') throw new HttpError('invalid-input', 'The CSV could not be read.');
    const column = input.column ?? file.suggestedColumn ?? 0;
    const entries = columnToEntries(file, column);
    const tagColumn = file.header?.findIndex((h) => TAG_HEADER.test(h.trim())) ?? -1;
    if (tagColumn >= 0 && tagColumn !== column) {
      const offset = file.header === null ? 1 : 2;
      file.rows.forEach((row, i) => {
        tags.set(i + offset, tagsOf(row[tagColumn]));
      });
    }
    return { list: parseDomainList(entries, parseOptions(config, lang)), tags };
  }
  return { list: parseDomainList(input.domains ?? [], parseOptions(config, lang)), tags };
}

function tooMany(list: DomainList): void {
  if (list.overLimit) {
    const { limit, count } = list.overLimit;
    throw new HttpError('too-many-domains', `${count} unique domains were given; the limit is ${limit} per list.`, {
      limit,
      count,
    });
  }
}

/** Each domain's tags: the CSV's tags column, else the request's `tags` (by ASCII name or as entered). */
function withTags(
  list: DomainList,
  csvTags: Map<number, string[]>,
  byName?: Record<string, string[]>,
): NewListDomain[] {
  return list.domains.map((d) => ({
    domain: d.ascii,
    display: d.display,
    ...(d.entered !== undefined ? { entered: d.entered } : {}),
    tags: csvTags.get(d.line) ?? byName?.[d.ascii] ?? byName?.[d.input.trim()] ?? [],
  }));
}

/** A run's summary with its health counts, accepted findings left out of broken and needs-attention. */
async function runSummary(config: ServerConfig, run: ListRunRow, listId: string): Promise<ListRunSummary> {
  const d = await db(config);
  const at = iso(run.startedAt);
  const [healths, records, accepted] = await Promise.all([
    domainHealths(d, run.runId),
    recordRows(d, run.runId),
    acceptances(d, { listId }),
  ]);
  return {
    runId: run.runId,
    startedAt: at,
    finishedAt: run.finishedAt === null ? null : iso(run.finishedAt),
    trigger: run.trigger,
    status: run.status,
    total: run.total,
    counts: healthCounts(healths, records, accepted, at),
  };
}

/** The list's next scheduled run and the zone its schedule is written in (both null without one). */
async function nextRun(config: ServerConfig, listId: string): Promise<Pick<ListSummary, 'nextRunAt' | 'nextRunTz'>> {
  const next = await nextRunOf(await getStorage(config.storage), listId, Date.now() + config.alerts.clockOffsetMs);
  return { nextRunAt: next?.at ?? null, nextRunTz: next?.tz ?? null };
}

async function summaryOf(
  config: ServerConfig,
  list: ListRow,
): Promise<ListSummary & { domains: ListDetail['domains'] }> {
  const d = await db(config);
  const domains = await listDomains(d, list.id);
  const runs = await listRuns(d, list.id, TREND_RUNS);
  return {
    id: list.id,
    name: list.name,
    cloud: list.cloud,
    services: list.services,
    lang: list.lang,
    retentionDays: list.retentionDays,
    createdAt: iso(list.createdAt),
    updatedAt: iso(list.updatedAt),
    domainCount: domains.length,
    tags: [...new Set(domains.flatMap((x) => x.tags))].sort(),
    recentRuns: await Promise.all(runs.map((r) => runSummary(config, r, list.id))),
    ...(await nextRun(config, list.id)),
    domains,
  };
}

/** GET /api/lists: every list with its last runs' health counts. */
export async function getLists(_input: RouteInput<undefined, undefined>, ctx: GuardedContext): Promise<Response> {
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  return Response.json({ lists: await listOverview(ctx.config, ctx.principal) }, { headers: noStore });
}

/** POST /api/lists: a new list from pasted domains, a CSV, or a finished run (`fromRun`); 201. */
export async function createList(
  input: RouteInput<ListCreateRequest, undefined>,
  ctx: GuardedContext,
): Promise<Response> {
  const { body } = input;
  const config = ctx.config;
  const lang = (matchLanguage(body.lang) ?? pickLanguage(input.request, LANGUAGES)) as ListLang;
  let cloud: CloudChoice = body.cloud;
  let services: ServiceOverride | null = body.services ?? null;
  let domains: NewListDomain[];
  let invalid: DomainList['invalid'] = [];
  let duplicates = 0;
  if (body.fromRun !== undefined) {
    const found = await getRunEngine().store.get(body.fromRun);
    if (!('found' in found)) throw new HttpError('run-not-found', `There is no run ${body.fromRun} to save.`);
    const run = found.found;
    await requireRunReadable(config, run, ctx.principal);
    if (!isFinished(run)) throw new HttpError('invalid-input', 'The run has not finished yet: save it once it has.');
    cloud = run.cloud;
    services = run.services ?? null;
    domains = run.targets.map((t) => ({
      domain: t.ascii,
      display: t.display,
      ...(t.entered !== undefined ? { entered: t.entered } : {}),
      tags: [],
    }));
  } else {
    const read = readDomains(body, config, lang);
    tooMany(read.list);
    if (read.list.domains.length === 0) {
      return errorResponse('invalid-input', 'No valid domain was given.', { issues: read.list.invalid });
    }
    domains = withTags(read.list, read.tags, body.tags);
    invalid = read.list.invalid;
    duplicates = read.list.duplicates.length;
  }
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  const id = newListId();
  const d = await db(config);
  await insertList(
    d,
    {
      id,
      name: body.name,
      cloud,
      services,
      lang,
      retentionDays: body.retentionDays ?? 365,
      owner: ownerFor(ctx.principal),
    },
    domains,
    Date.now(),
  );
  const list = await requireList(config, id, ctx.principal);
  const created: ListCreated = { list: await summaryOf(config, list), invalid, duplicates };
  return Response.json(created, { status: 201, headers: { ...noStore, Location: `/api/lists/${id}` } });
}

/** GET /api/lists/:id: the list with its domains and last runs. */
export async function getList(input: RouteInput<undefined, undefined>, ctx: GuardedContext): Promise<Response> {
  const list = await requireList(ctx.config, input.params.id ?? '', ctx.principal);
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  const detail: ListDetail = await summaryOf(ctx.config, list);
  return Response.json(detail, { headers: noStore });
}

/** PATCH /api/lists/:id: rename, settings, add or remove domains, tags. */
export async function patchList(
  input: RouteInput<ListUpdateRequest, undefined>,
  ctx: GuardedContext,
): Promise<Response> {
  const list = await requireList(ctx.config, input.params.id ?? '', ctx.principal, 'write');
  const { body } = input;
  let add: NewListDomain[] | undefined;
  let invalid: DomainList['invalid'] = [];
  if (body.add !== undefined) {
    const read = readDomains({ domains: body.add }, ctx.config, list.lang);
    tooMany(read.list);
    add = withTags(read.list, read.tags, body.tags);
    invalid = read.list.invalid;
  }
  const toAscii = (names: readonly string[]) =>
    parseDomainList([...names], parseOptions(ctx.config, list.lang)).domains.map((x) => x.ascii);
  const tags = new Map<string, string[]>();
  for (const [name, t] of Object.entries(body.tags ?? {})) {
    const [ascii] = toAscii([name]);
    if (ascii) tags.set(ascii, t);
  }
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  await updateList(
    await db(ctx.config),
    list.id,
    {
      name: body.name,
      cloud: body.cloud,
      services: body.services,
      lang: body.lang,
      retentionDays: body.retentionDays,
      ...(add ? { add } : {}),
      ...(body.remove ? { remove: [...body.remove.map((r) => r.toLowerCase()), ...toAscii(body.remove)] } : {}),
      tags,
    },
    Date.now(),
  );
  const detail: ListDetail = await summaryOf(ctx.config, await requireList(ctx.config, list.id, ctx.principal));
  return Response.json({ list: detail, invalid }, { headers: noStore });
}

/** DELETE /api/lists/:id: the list, its runs (results included) and acceptances; 204. */
export async function removeList(input: RouteInput<undefined, undefined>, ctx: GuardedContext): Promise<Response> {
  const list = await requireList(ctx.config, input.params.id ?? '', ctx.principal, 'write');
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  await deleteList(await db(ctx.config), list.id);
  return new Response(null, { status: 204, headers: noStore });
}

/** POST /api/lists/:id/runs: runs the list now; 201 with the run id (the run is a normal run: /api/runs/:id). */
export async function runListNow(input: RouteInput<undefined, undefined>, ctx: GuardedContext): Promise<Response> {
  const list = await requireList(ctx.config, input.params.id ?? '', ctx.principal, 'write');
  const domains = await listDomains(await db(ctx.config), list.id);
  const limited = await ctx.chargeDomains(domains.map((d) => d.domain));
  if (limited) return limited;
  try {
    const { runId } = await startListRun(list.id, { trigger: 'manual' });
    return Response.json(
      { runId, links: { run: `/api/runs/${runId}`, events: `/api/runs/${runId}/events` } },
      { status: 201, headers: { ...noStore, Location: `/api/runs/${runId}` } },
    );
  } catch (err) {
    if (err instanceof ListRunError)
      throw new HttpError(err.reason === 'not-found' ? 'not-found' : 'invalid-input', err.message);
    throw err;
  }
}

/** GET /api/lists/:id/runs: the list's kept runs, newest first, with health counts. */
export async function getListRuns(input: RouteInput<undefined, undefined>, ctx: GuardedContext): Promise<Response> {
  const list = await requireList(ctx.config, input.params.id ?? '', ctx.principal);
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  return Response.json({ listId: list.id, runs: await listHistoryOf(ctx.config, list.id) }, { headers: noStore });
}

/**
 * The changes of list `listId` from run `fromId` to run `toId` (default: its last run, and the run before it; a first
 * run is compared with nothing). HttpError 404 when a run is not a kept run of the list, or the list has none.
 */
export async function changesBetween(
  config: ServerConfig,
  listId: string,
  fromId?: string,
  toId?: string,
): Promise<{ changes: ReturnType<typeof computeChanges>; to: ListRunRow; runs: ListRunRow[] }> {
  const d = await db(config);
  const runs = await listRuns(d, listId);
  const pick = (id: string) => {
    const run = runs.find((r) => r.runId === id);
    if (!run) throw new HttpError('not-found', `Run ${id} is not a kept run of this list.`);
    return run;
  };
  const to = toId !== undefined ? pick(toId) : runs[0];
  if (!to) throw new HttpError('not-found', 'This list has no run yet: run it first.');
  const from = fromId !== undefined ? pick(fromId) : (runs[runs.indexOf(to) + 1] ?? null);
  const accepted = await acceptances(d, { listId });
  const changes = computeChanges(from && (await snapshotOf(d, from)), await snapshotOf(d, to), accepted);
  return { changes, to, runs };
}

/** Every list `principal` may read, with its last runs (the /lists page). */
export async function listOverview(config: ServerConfig, principal: Principal): Promise<ListSummary[]> {
  const lists = (await allLists(await db(config))).filter((l) => canRead(principal, l.owner));
  return Promise.all(
    lists.map(async (l) => {
      const { domains: _domains, ...summary } = await summaryOf(config, l);
      return summary;
    }),
  );
}

/** The list with its domains and last runs, or null (also when `principal` may not read it). */
export async function listDetailOf(config: ServerConfig, id: string, principal: Principal): Promise<ListDetail | null> {
  const list = await findList(await db(config), id);
  return list && canRead(principal, list.owner) ? summaryOf(config, list) : null;
}

/** The list's acceptances (who accepted what, when), or none when `principal` may not read the list. */
export async function listAcceptancesOf(config: ServerConfig, id: string, principal: Principal) {
  const list = await findList(await db(config), id);
  return list && canRead(principal, list.owner) ? acceptances(await db(config), { listId: id }) : [];
}

/** The list's kept runs with health counts, newest first. */
export async function listHistoryOf(config: ServerConfig, id: string): Promise<ListRunSummary[]> {
  const runs = await listRuns(await db(config), id);
  return Promise.all(runs.map((r) => runSummary(config, r, id)));
}

/** GET /api/lists/:id/changes?from&to[&format=csv][&kind=]: what changed between two runs (default the last two). */
export async function getChanges(
  input: RouteInput<undefined, z.infer<typeof ChangesQuery>>,
  ctx: GuardedContext,
): Promise<Response> {
  const list = await requireList(ctx.config, input.params.id ?? '', ctx.principal);
  const { query } = input;
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  const { changes, to } = await changesBetween(ctx.config, list.id, query.from, query.to);
  if (query.format === 'csv') {
    const name = `m365-dns-health-changes-${list.id.slice(0, 8)}-${to.runId.slice(0, 8)}.csv`;
    return new Response(changesToCsv(changes, query.kind), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        ...noStore,
      },
    });
  }
  const domains = query.kind ? changes.domains.filter((x) => x.kind === query.kind) : changes.domains;
  return Response.json({ listId: list.id, ...changes, domains }, { headers: noStore });
}

/** The ASCII name of `name` (as entered), or HttpError 400. */
function asciiOf(config: ServerConfig, name: string): string {
  const parsed = parseDomainList([name], { ...parseOptions(config, 'en'), maxDomains: 1 });
  const ascii = parsed.domains[0]?.ascii;
  if (!ascii) throw new HttpError('invalid-input', `Not a domain: ${name.slice(0, 100)}`);
  return ascii;
}

/**
 * POST /api/lists/:id/acceptances: accepts a finding of a listed domain as intended, at the value the list's
 * latest run found (a note is required, an expiry optional); 201.
 */
export async function acceptFinding(
  input: RouteInput<AcceptanceRequest, undefined>,
  ctx: GuardedContext,
): Promise<Response> {
  const list = await requireList(ctx.config, input.params.id ?? '', ctx.principal, 'write');
  const { body } = input;
  const domain = asciiOf(ctx.config, body.domain);
  const d = await db(ctx.config);
  const members = await listDomains(d, list.id);
  if (!members.some((m) => m.domain === domain)) {
    throw new HttpError('invalid-input', `${domain} is not a domain of this list.`);
  }
  const runs = await listRuns(d, list.id);
  let found: { status: string; valueHash: string; value: string } | undefined;
  for (const run of runs) {
    found = (await recordRows(d, run.runId, [domain])).find((r) => r.record === body.record);
    if (found) break;
  }
  if (!found) {
    throw new HttpError('invalid-input', `No run of this list has checked the ${body.record} record of ${domain} yet.`);
  }
  if (found.status !== 'broken' && found.status !== 'attention') {
    throw new HttpError('invalid-input', `The ${body.record} record of ${domain} is not a finding: nothing to accept.`);
  }
  if (body.expiresAt && Date.parse(body.expiresAt) <= Date.now()) {
    throw new HttpError('invalid-input', 'expiresAt is in the past.');
  }
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  const acceptedAt = iso(Date.now());
  // Who accepted it: the signed-in user's display name (no one with the shared token or open access).
  const acceptedBy = ctx.principal.kind === 'user' ? ctx.principal.name : null;
  await putAcceptance(d, {
    listId: list.id,
    domain,
    record: body.record,
    note: body.note,
    acceptedValueHash: found.valueHash,
    acceptedAt,
    acceptedBy,
    expiresAt: body.expiresAt ? iso(Date.parse(body.expiresAt)) : null,
  });
  return Response.json(
    {
      listId: list.id,
      domain,
      record: body.record,
      note: body.note,
      acceptedAt,
      acceptedBy,
      expiresAt: body.expiresAt ? iso(Date.parse(body.expiresAt)) : null,
      value: found.value,
    },
    { status: 201, headers: noStore },
  );
}

/** DELETE /api/lists/:id/acceptances {domain, record}: the finding counts again; 204 (404 when none). */
export async function unacceptFinding(
  input: RouteInput<{ domain: string; record: string }, undefined>,
  ctx: GuardedContext,
): Promise<Response> {
  const list = await requireList(ctx.config, input.params.id ?? '', ctx.principal, 'write');
  const domain = asciiOf(ctx.config, input.body.domain);
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  const gone = await deleteAcceptance(await db(ctx.config), list.id, domain, input.body.record);
  if (!gone) throw new HttpError('not-found', `No acceptance of the ${input.body.record} record of ${domain}.`);
  return new Response(null, { status: 204, headers: noStore });
}

/** GET /api/domains/:domain/history: the domain's timeline in every list that contains it, and its acceptances. */
export async function getDomainHistory(
  input: RouteInput<undefined, undefined>,
  ctx: GuardedContext,
): Promise<Response> {
  const domain = asciiOf(ctx.config, decodeURIComponent(input.params.domain ?? ''));
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  const history = await domainHistory(ctx.config, domain, ctx.principal);
  return Response.json(history, { headers: noStore });
}

/** The domain's history in the lists `principal` may read (also read by the /d/ page through lib/data). */
export async function domainHistory(
  config: ServerConfig,
  domain: string,
  principal: Principal,
): Promise<DomainHistory> {
  const d = await db(config);
  const lists = (await listsWith(d, domain))
    .filter((l) => canRead(principal, l.owner))
    .map(({ id, name }) => ({ id, name }));
  const readable = new Set(lists.map((l) => l.id));
  const accepted = (await acceptances(d, { domain })).filter((a) => readable.has(a.listId));
  const timeline: DomainHistory['timeline'] = [];
  for (const list of lists) {
    const mine = accepted.filter((a) => a.listId === list.id);
    const runs = (await domainRecordsByRun(d, list.id, domain)).map((r) => ({ ...r, at: iso(r.at) }));
    for (const step of timelineOf(runs, mine)) timeline.push({ listId: list.id, listName: list.name, ...step });
  }
  timeline.sort((a, b) => b.at.localeCompare(a.at));
  // The value an acceptance was made at: from the run rows carrying its hash, when still kept.
  const acceptedValue = async (listId: string, record: string, hash: string) => {
    for (const run of await domainRecordsByRun(d, listId, domain)) {
      const r = run.records.find((x) => x.record === record && x.valueHash === hash);
      if (r) return r.value;
    }
    return '';
  };
  return {
    domain,
    lists,
    timeline,
    acceptances: await Promise.all(
      accepted.map(async (a) => ({
        listId: a.listId,
        domain: a.domain,
        record: a.record,
        note: a.note,
        acceptedAt: a.acceptedAt,
        acceptedBy: a.acceptedBy,
        expiresAt: a.expiresAt,
        value: await acceptedValue(a.listId, a.record, a.acceptedValueHash),
        active: covers(a, a.acceptedValueHash, new Date().toISOString()),
      })),
    ),
  };
}

/** GET /api/lists/:id/export?run=<run>: one run of the list as CSV (default the last), with an `accepted` column. */
export async function exportListRun(
  input: RouteInput<undefined, z.infer<typeof ListExportQuery>>,
  ctx: GuardedContext,
): Promise<Response> {
  const list = await requireList(ctx.config, input.params.id ?? '', ctx.principal);
  const d = await db(ctx.config);
  const runs = await listRuns(d, list.id);
  const run = input.query.run !== undefined ? runs.find((r) => r.runId === input.query.run) : runs[0];
  if (!run) throw new HttpError('not-found', 'No such run of this list (or the list has not run yet).');
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  const csv = runToCsv(await snapshotOf(d, run), await acceptances(d, { listId: list.id }));
  const name = `m365-dns-health-list-${list.id.slice(0, 8)}-${run.runId.slice(0, 8)}.csv`;
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      ...noStore,
    },
  });
}
