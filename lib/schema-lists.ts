/**
 * The lists API contract (issue 17, docs/lists.md): one zod module for the route handlers, the pages and the
 * client. Pure.
 */
import { z } from 'zod';
import { CHANGE_KINDS, RECORD_STATES } from './history/changes';
import { CloudChoice, InvalidEntry, RecordsHealth, RunStatus, ServiceOverride } from './schema';

/** Limits of a list (names, tags, notes), the same on the form and the server. */
export const LIST_LIMITS = { name: 120, tags: 10, tag: 40, note: 500, retentionDays: 3650 } as const;

export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(LIST_LIMITS.tag)
  .regex(/^[^,;|\s][^,;|]*$/u, 'a tag has no comma, semicolon or bar');
export const Tags = z.array(Tag).max(LIST_LIMITS.tags);

export const ListLang = z.enum(['en', 'zh-CN']);
export type ListLang = z.infer<typeof ListLang>;

/** POST /api/lists: a list from a paste (`domains`), a CSV file's text (`csv`), or a finished run (`fromRun`). */
export const ListCreateRequest = z
  .object({
    name: z.string().trim().min(1).max(LIST_LIMITS.name),
    cloud: CloudChoice.default('auto'),
    services: ServiceOverride.optional(),
    lang: ListLang.optional(),
    retentionDays: z.number().int().min(1).max(LIST_LIMITS.retentionDays).optional(),
    /** Pasted lines (or an array of entries), the same separators as /bulk. */
    domains: z.union([z.string(), z.array(z.string())]).optional(),
    /** A CSV/TSV file's text, read as /bulk reads an upload: the domain column suggested, a `tags` column kept. */
    csv: z.string().optional(),
    /** The CSV column of the domains (0-based); default the suggested one. */
    column: z.number().int().min(0).max(100).optional(),
    /** Tags per domain (ASCII or as entered), for pasted lists. */
    tags: z.record(z.string(), Tags).optional(),
    /** "Save as list": the domains (and cloud and services) of a finished run. */
    fromRun: z.string().min(1).max(64).optional(),
  })
  .refine((b) => [b.domains, b.csv, b.fromRun].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of domains, csv or fromRun',
  });
export type ListCreateRequest = z.infer<typeof ListCreateRequest>;

/** PATCH /api/lists/:id. */
export const ListUpdateRequest = z
  .object({
    name: z.string().trim().min(1).max(LIST_LIMITS.name).optional(),
    cloud: CloudChoice.optional(),
    services: ServiceOverride.nullable().optional(),
    lang: ListLang.optional(),
    retentionDays: z.number().int().min(1).max(LIST_LIMITS.retentionDays).optional(),
    /** Domains to add (pasted lines or entries). */
    add: z.union([z.string(), z.array(z.string())]).optional(),
    /** Domains to remove (ASCII or as entered). */
    remove: z.array(z.string().max(300)).max(10_000).optional(),
    /** New tags of some domains. */
    tags: z.record(z.string(), Tags).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type ListUpdateRequest = z.infer<typeof ListUpdateRequest>;

export const ListDomain = z.object({
  domain: z.string(),
  display: z.string(),
  entered: z.string().optional(),
  tags: z.array(z.string()),
});
export type ListDomain = z.infer<typeof ListDomain>;

export const HealthCounts = z.record(RecordsHealth, z.number().int().nonnegative());
export type HealthCounts = z.infer<typeof HealthCounts>;

export const ListRunSummary = z.object({
  runId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  trigger: z.string(),
  status: RunStatus,
  total: z.number().int().nonnegative(),
  /** Domains per health, accepted findings not counted as broken or needs-attention. */
  counts: HealthCounts,
});
export type ListRunSummary = z.infer<typeof ListRunSummary>;

export const ListSummary = z.object({
  id: z.string(),
  name: z.string(),
  cloud: CloudChoice,
  services: ServiceOverride.nullable(),
  lang: ListLang,
  retentionDays: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  domainCount: z.number().int().nonnegative(),
  tags: z.array(z.string()),
  /** The last runs, newest first (at most 10): the trend. */
  recentRuns: z.array(ListRunSummary),
  /** When the list runs next (set by the schedules, issue 17 section 3); null when it has no schedule. */
  nextRunAt: z.string().nullable(),
  /** The schedule's IANA time zone, in which the pages show `nextRunAt`; null when it has no schedule. */
  nextRunTz: z.string().nullable(),
});
export type ListSummary = z.infer<typeof ListSummary>;

export const ListDetail = ListSummary.extend({ domains: z.array(ListDomain) });
export type ListDetail = z.infer<typeof ListDetail>;

export const ListCreated = z.object({
  list: ListDetail,
  invalid: z.array(InvalidEntry),
  duplicates: z.number().int().nonnegative(),
});
export type ListCreated = z.infer<typeof ListCreated>;

export const RecordStateSchema = z.enum(RECORD_STATES);
export const ChangeKindSchema = z.enum(CHANGE_KINDS);
const SideSchema = z.object({ status: RecordStateSchema, value: z.string(), accepted: z.boolean() }).nullable();

export const ListChanges = z.object({
  listId: z.string(),
  from: z.object({ runId: z.string(), at: z.string() }).nullable(),
  to: z.object({ runId: z.string(), at: z.string() }),
  counts: z.record(ChangeKindSchema, z.number().int()),
  recordCounts: z.record(ChangeKindSchema, z.number().int()),
  membership: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  accepted: z.array(z.object({ domain: z.string(), record: z.string() })),
  domains: z.array(
    z.object({
      domain: z.string(),
      kind: ChangeKindSchema,
      records: z.array(z.object({ record: z.string(), kind: ChangeKindSchema, before: SideSchema, after: SideSchema })),
    }),
  ),
});
export type ListChanges = z.infer<typeof ListChanges>;

/** `?from=&to=&format=&kind=` of GET /api/lists/:id/changes. */
export const ChangesQuery = z.object({
  from: z.string().max(64).optional(),
  to: z.string().max(64).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  kind: ChangeKindSchema.optional(),
});

/** `?run=` of GET /api/lists/:id/export. */
export const ListExportQuery = z.object({ run: z.string().max(64).optional() });

/** POST /api/lists/:id/acceptances. */
export const AcceptanceRequest = z.object({
  domain: z.string().min(1).max(300),
  record: z.string().min(1).max(64),
  note: z.string().trim().min(1).max(LIST_LIMITS.note),
  /** ISO time the acceptance ends; absent or null for never. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type AcceptanceRequest = z.infer<typeof AcceptanceRequest>;

/** DELETE /api/lists/:id/acceptances. */
export const AcceptanceDeleteRequest = z.object({
  domain: z.string().min(1).max(300),
  record: z.string().min(1).max(64),
});

export const AcceptanceView = z.object({
  listId: z.string(),
  domain: z.string(),
  record: z.string(),
  note: z.string(),
  acceptedAt: z.string(),
  acceptedBy: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** The value accepted (as found when accepted). */
  value: z.string(),
  /** False once expired. */
  active: z.boolean().optional(),
});
export type AcceptanceView = z.infer<typeof AcceptanceView>;

/** One status change of one record of a domain in one list (the domain's timeline). */
export const TimelineEntry = z.object({
  listId: z.string(),
  listName: z.string(),
  record: z.string(),
  runId: z.string(),
  at: z.string(),
  before: z.object({ status: RecordStateSchema, value: z.string() }).nullable(),
  after: z.object({ status: RecordStateSchema, value: z.string() }),
  accepted: z.boolean(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const DomainHistory = z.object({
  domain: z.string(),
  lists: z.array(z.object({ id: z.string(), name: z.string() })),
  timeline: z.array(TimelineEntry),
  acceptances: z.array(AcceptanceView),
});
export type DomainHistory = z.infer<typeof DomainHistory>;

/** GET /api/lists. */
export const ListsResponse = z.object({ lists: z.array(ListSummary) });
/** PATCH /api/lists/:id. */
export const ListUpdated = z.object({ list: ListDetail, invalid: z.array(InvalidEntry) });
/** POST /api/lists/:id/runs. */
export const ListRunStarted = z.object({
  runId: z.string(),
  links: z.object({ run: z.string(), events: z.string() }),
});
/** GET /api/lists/:id/runs. */
export const ListRunsResponse = z.object({ listId: z.string(), runs: z.array(ListRunSummary) });
