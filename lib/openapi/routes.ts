/**
 * Every API route in one table: path → method → what it takes (query, body) and answers (per status: a schema, a
 * media type, the NDJSON line type of a stream), and an example the test sends to the running app
 * (e2e/integration/openapi.test.ts). lib/openapi/document.ts turns it into the OpenAPI 3.1 description
 * (`npm run openapi` writes docs/openapi.json); lib/openapi/document.test.ts fails when a route under app/api is
 * missing here. To add a route: add its entry (a few lines) and run `npm run openapi` (docs/api.md).
 */
import type { z } from 'zod';
import {
  ApiError,
  Authority,
  CheckRequest,
  CloudReport,
  DnsHost,
  type ErrorCode,
  HostFix,
  InputPolicy,
  InvalidEntry,
  Propagation,
  RecordsSummary,
  Report,
  ReportLookup,
  ReportMsoid,
  ReportRecord,
  RunCreated,
  RunCreateRequest,
  RunEvent,
  RunRecheckAccepted,
  RunRecheckRequest,
  RunSummary,
  Services,
  StreamLine,
} from '@/lib/schema';
import {
  Channel,
  ChannelCreate,
  ChannelList,
  ChannelUpdate,
  Deleted,
  Delivery,
  DeliveryList,
  Schedule,
  ScheduleUpdate,
  Subscriptions,
  Watch,
  WatchCreate,
} from '@/lib/schema-alerts';
import {
  AcceptanceDeleteRequest,
  AcceptanceRequest,
  AcceptanceView,
  ChangesQuery,
  DomainHistory,
  ListChanges,
  ListCreated,
  ListCreateRequest,
  ListDetail,
  ListExportQuery,
  ListRunStarted,
  ListRunSummary,
  ListRunsResponse,
  ListSummary,
  ListsResponse,
  ListUpdated,
  ListUpdateRequest,
} from '@/lib/schema-lists';
import { CheckQuery } from '@/lib/server/api/check';
import { EventsQuery, ExportQuery, SummaryQuery } from '@/lib/server/api/runs';
import { HealthResponse, ReadyResponse } from './ops-schemas';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A response: a named schema (COMPONENTS) as JSON, an NDJSON stream of a named line type, or other media. */
export type ResponseDoc =
  | { description: string; json: ComponentName }
  | { description: string; ndjson: ComponentName }
  | { description: string; media: Record<string, { format?: 'binary' }> };

export type OperationDoc = {
  summary: string;
  description?: string;
  tag: 'check' | 'runs' | 'lists' | 'operations' | 'alerts';
  /** Open to everyone even when ACCESS_TOKEN is set. */
  public?: boolean;
  query?: z.ZodObject;
  body?: ComponentName;
  /** `X-Run-Owner` (the run's owner token) is required. */
  owner?: boolean;
  responses: Partial<Record<number, ResponseDoc>>;
  /** The error codes this operation answers besides the ones every route can (COMMON_ERRORS). */
  errors: ErrorCode[];
  /**
   * What the example test sends: query values, a JSON body; `{run}` in the path is a run the test created first.
   * `status` is the answer the example gets from the lab.
   */
  example: { query?: Record<string, string>; body?: unknown; status: number };
};

/**
 * Schemas given a name in `components.schemas`: the ones the table references, and the parts of a report that
 * several of them share (so each is written once and referenced).
 */
export const COMPONENTS = {
  Report,
  CloudReport,
  ReportMsoid,
  ReportRecord,
  Propagation,
  ReportLookup,
  RecordsSummary,
  Services,
  DnsHost,
  HostFix,
  Authority,
  InvalidEntry,
  StreamLine,
  CheckRequest,
  ApiError,
  InputPolicy,
  HealthResponse,
  ReadyResponse,
  RunCreateRequest,
  RunCreated,
  RunSummary,
  RunEvent,
  RunRecheckRequest,
  RunRecheckAccepted,
  // Lists (issue 17, docs/lists.md)
  ListCreateRequest,
  ListCreated,
  ListUpdateRequest,
  ListSummary,
  ListDetail,
  ListRunSummary,
  ListChanges,
  AcceptanceRequest,
  AcceptanceDeleteRequest,
  AcceptanceView,
  DomainHistory,
  ListsResponse,
  ListUpdated,
  ListRunStarted,
  ListRunsResponse,
  // alerts (issue 17 part B)
  Channel,
  ChannelCreate,
  ChannelList,
  ChannelUpdate,
  Deleted,
  Delivery,
  DeliveryList,
  Schedule,
  ScheduleUpdate,
  Subscriptions,
  Watch,
  WatchCreate,
} as const;
export type ComponentName = keyof typeof COMPONENTS;

/** Errors any route can answer: a rate limit, the access token, a foreign Host or Origin, shutdown, a bug. */
export const COMMON_ERRORS: ErrorCode[] = [
  'unauthorized',
  'forbidden-host',
  'forbidden-origin',
  'rate-limited',
  'method-not-allowed',
  'shutting-down',
  'internal',
];

const lang = { lang: 'en' };

export const ROUTES: Record<string, Partial<Record<Method, OperationDoc>>> = {
  '/api/health': {
    get: {
      summary: 'Liveness',
      description: 'Answers while the process is alive; no DNS. The DNS counters only to callers with access.',
      tag: 'operations',
      public: true,
      responses: { 200: { description: 'Alive', json: 'HealthResponse' } },
      errors: [],
      example: { status: 200 },
    },
  },
  '/api/ready': {
    get: {
      summary: 'Readiness',
      description: 'Ready when a configured resolver answers `. NS`; `storage` says whether the database answers.',
      tag: 'operations',
      public: true,
      responses: { 200: { description: 'Ready', json: 'ReadyResponse' } },
      errors: ['not-ready'],
      example: { status: 200 },
    },
  },
  '/api/policy': {
    get: {
      summary: 'The input policy the server enforces',
      tag: 'operations',
      public: true,
      responses: { 200: { description: 'The policy', json: 'InputPolicy' } },
      errors: [],
      example: { status: 200 },
    },
  },
  '/api/openapi.json': {
    get: {
      summary: 'This description (OpenAPI 3.1)',
      tag: 'operations',
      public: true,
      responses: { 200: { description: 'The OpenAPI document', media: { 'application/json': {} } } },
      errors: [],
      example: { status: 200 },
    },
  },
  '/api/check': {
    get: {
      summary: 'Check one domain',
      description: 'One JSON report (values equal to their schema default are left out). Compares propagation.',
      tag: 'check',
      query: CheckQuery,
      responses: { 200: { description: 'The report', json: 'Report' } },
      errors: ['invalid-input', 'too-many-domains'],
      example: { query: { domain: 'healthy-ww.test', cloud: 'auto', ...lang }, status: 200 },
    },
    post: {
      summary: 'Check a list, streamed',
      description:
        'NDJSON: one `invalid` line per rejected entry, one `report` line per domain as it is done, then `done`.',
      tag: 'check',
      body: 'CheckRequest',
      responses: { 200: { description: 'The stream', ndjson: 'StreamLine' } },
      errors: ['invalid-input', 'too-many-domains', 'payload-too-large', 'unsupported-media-type'],
      example: { body: { domains: 'healthy-ww.test\nok-ww.test\nnot a domain', cloud: 'auto', ...lang }, status: 200 },
    },
  },
  '/api/runs': {
    post: {
      summary: 'Start a bulk run',
      description: 'Stored and checked in the background; `ownerToken` (given once) is needed to cancel or re-check.',
      tag: 'runs',
      body: 'RunCreateRequest',
      responses: { 201: { description: 'Created', json: 'RunCreated' } },
      errors: [
        'invalid-input',
        'too-many-domains',
        'payload-too-large',
        'unsupported-media-type',
        'too-many-runs',
        'forbidden-role',
      ],
      example: { body: { domains: ['healthy-ww.test', 'ok-ww.test'], cloud: 'auto', ...lang }, status: 201 },
    },
  },
  '/api/runs/{id}': {
    get: {
      summary: 'A run: progress, counts and results from `from`',
      tag: 'runs',
      query: SummaryQuery,
      responses: { 200: { description: 'The run', json: 'RunSummary' } },
      errors: ['run-not-found', 'run-expired', 'invalid-input'],
      example: { query: { from: '0', ...lang }, status: 200 },
    },
  },
  '/api/runs/{id}/events': {
    get: {
      summary: 'Follow a run, streamed',
      description: 'NDJSON: each `report` from `from`, `progress` lines, then `done` when the run ends.',
      tag: 'runs',
      query: EventsQuery,
      responses: { 200: { description: 'The stream', ndjson: 'RunEvent' } },
      errors: ['run-not-found', 'run-expired', 'too-many-followers', 'invalid-input'],
      example: { query: { from: '0', ...lang }, status: 200 },
    },
  },
  '/api/runs/{id}/export': {
    get: {
      summary: 'Export a run (CSV, JSON, summary CSV, workbook)',
      tag: 'runs',
      query: ExportQuery,
      responses: {
        200: {
          description: 'The export, as a download',
          media: {
            'text/csv': {},
            'application/json': {},
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { format: 'binary' },
          },
        },
      },
      errors: ['run-not-found', 'run-expired', 'invalid-input'],
      example: { query: { format: 'summary', ...lang }, status: 200 },
    },
  },
  '/api/runs/{id}/cancel': {
    post: {
      summary: 'Cancel a run (its owner)',
      tag: 'runs',
      owner: true,
      responses: { 200: { description: 'The run as the cancel left it', json: 'RunSummary' } },
      errors: ['run-not-found', 'run-expired', 'not-run-owner', 'forbidden-role'],
      example: { status: 200 },
    },
  },
  '/api/runs/{id}/recheck': {
    post: {
      summary: 'Check some domains of a run again (its owner)',
      tag: 'runs',
      owner: true,
      body: 'RunRecheckRequest',
      responses: { 202: { description: 'Accepted', json: 'RunRecheckAccepted' } },
      errors: [
        'run-not-found',
        'run-expired',
        'not-run-owner',
        'invalid-input',
        'unsupported-media-type',
        'forbidden-role',
      ],
      example: { body: { domains: ['ok-ww.test'] }, status: 202 },
    },
  },
  // Lists (issue 17, docs/lists.md). The examples run against a run id as `{id}` (not a list): 404 `not-found`.
  '/api/lists': {
    get: {
      summary: 'Every list with its last runs',
      tag: 'lists',
      responses: { 200: { description: 'The lists', json: 'ListsResponse' } },
      errors: [],
      example: { status: 200 },
    },
    post: {
      summary: 'Create a list (pasted domains, a CSV, or a finished run)',
      tag: 'lists',
      body: 'ListCreateRequest',
      responses: { 201: { description: 'Created; bad lines in `invalid`', json: 'ListCreated' } },
      errors: ['invalid-input', 'too-many-domains', 'run-not-found', 'unsupported-media-type', 'payload-too-large'],
      example: { body: { name: 'Example', domains: 'healthy-ww.test\nok-ww.test', cloud: 'auto' }, status: 201 },
    },
  },
  '/api/lists/{id}': {
    get: {
      summary: 'A list with its domains and last runs',
      tag: 'lists',
      responses: { 200: { description: 'The list', json: 'ListDetail' } },
      errors: ['not-found'],
      example: { status: 404 },
    },
    patch: {
      summary: 'Rename, add or remove domains, tags, settings',
      tag: 'lists',
      body: 'ListUpdateRequest',
      responses: { 200: { description: 'The list as changed', json: 'ListUpdated' } },
      errors: ['not-found', 'invalid-input', 'too-many-domains', 'unsupported-media-type', 'payload-too-large'],
      example: { body: { name: 'Renamed' }, status: 404 },
    },
    delete: {
      summary: 'Delete a list with its runs and acceptances',
      tag: 'lists',
      responses: { 204: { description: 'Deleted', media: {} } },
      errors: ['not-found'],
      example: { status: 404 },
    },
  },
  '/api/lists/{id}/runs': {
    get: {
      summary: "The list's kept runs with health counts",
      tag: 'lists',
      responses: { 200: { description: 'Newest first', json: 'ListRunsResponse' } },
      errors: ['not-found'],
      example: { status: 404 },
    },
    post: {
      summary: 'Run the list now',
      tag: 'lists',
      responses: { 201: { description: 'The run started (read it at /api/runs/{runId})', json: 'ListRunStarted' } },
      errors: ['not-found', 'invalid-input'],
      example: { status: 404 },
    },
  },
  '/api/lists/{id}/changes': {
    get: {
      summary: 'What changed between two runs (JSON or CSV)',
      tag: 'lists',
      query: ChangesQuery,
      responses: {
        200: { description: 'The changes', json: 'ListChanges' },
      },
      errors: ['not-found', 'invalid-input'],
      example: { status: 404 },
    },
  },
  '/api/lists/{id}/export': {
    get: {
      summary: 'One run of the list as CSV, with an accepted column',
      tag: 'lists',
      query: ListExportQuery,
      responses: { 200: { description: 'The CSV, as a download', media: { 'text/csv': {} } } },
      errors: ['not-found', 'invalid-input'],
      example: { status: 404 },
    },
  },
  '/api/lists/{id}/acceptances': {
    post: {
      summary: 'Accept a finding as intended (note required, expiry optional)',
      tag: 'lists',
      body: 'AcceptanceRequest',
      responses: { 201: { description: 'Accepted', json: 'AcceptanceView' } },
      errors: ['not-found', 'invalid-input', 'unsupported-media-type'],
      example: { body: { domain: 'ok-ww.test', record: 'mx', note: 'On purpose' }, status: 404 },
    },
    delete: {
      summary: 'Count an accepted finding again',
      tag: 'lists',
      body: 'AcceptanceDeleteRequest',
      responses: { 204: { description: 'Removed', media: {} } },
      errors: ['not-found', 'invalid-input', 'unsupported-media-type'],
      example: { body: { domain: 'ok-ww.test', record: 'mx' }, status: 404 },
    },
  },
  '/api/domains/{domain}/history': {
    get: {
      summary: "A domain's timeline in the lists that contain it",
      tag: 'lists',
      responses: { 200: { description: 'The timeline', json: 'DomainHistory' } },
      errors: ['invalid-input'],
      example: { status: 400 },
    },
  },
  // --- alerts (issue 17 part B; docs/alerts.md). `{id}` in the examples is the test's run id: no such channel,
  // list schedule or watch, so most answer 404; a schedule is saved for it and then deleted. ---
  '/api/channels': {
    get: {
      summary: 'Alert channels (secrets masked)',
      tag: 'alerts',
      responses: { 200: { description: 'The channels', json: 'ChannelList' } },
      errors: [],
      example: { status: 200 },
    },
    post: {
      summary: 'Create an alert channel (Teams, Slack, e-mail, signed webhook)',
      description: 'Secrets are encrypted with ALERTS_SECRET_KEY and never returned; 400 when one is given without it.',
      tag: 'alerts',
      body: 'ChannelCreate',
      responses: { 201: { description: 'The channel', json: 'Channel' } },
      errors: ['forbidden-role', 'invalid-input', 'unsupported-media-type', 'payload-too-large'],
      example: {
        body: {
          kind: 'email',
          name: 'Admins',
          host: 'smtp.contoso.com',
          from: 'dns@contoso.com',
          to: ['it@contoso.com'],
        },
        status: 201,
      },
    },
  },
  '/api/channels/{id}': {
    get: {
      summary: 'One channel',
      tag: 'alerts',
      responses: { 200: { description: 'The channel', json: 'Channel' } },
      errors: ['not-found'],
      example: { status: 404 },
    },
    patch: {
      summary: 'Rename a channel or change its language',
      tag: 'alerts',
      body: 'ChannelUpdate',
      responses: { 200: { description: 'The channel', json: 'Channel' } },
      errors: ['forbidden-role', 'not-found', 'invalid-input', 'unsupported-media-type'],
      example: { body: { name: 'IT admins' }, status: 404 },
    },
    delete: {
      summary: 'Delete a channel and its subscriptions',
      tag: 'alerts',
      responses: { 200: { description: 'Deleted', json: 'Deleted' } },
      errors: ['forbidden-role', 'not-found'],
      example: { status: 404 },
    },
  },
  '/api/channels/{id}/test': {
    post: {
      summary: 'Send a test message',
      description:
        '200 sent; 202 the first attempt failed and it is retried; 502 refused (a private address, a redirect).',
      tag: 'alerts',
      responses: {
        200: { description: 'Sent', json: 'Delivery' },
        202: { description: 'Failed once, being retried', json: 'Delivery' },
        502: { description: 'Failed', json: 'Delivery' },
      },
      errors: ['forbidden-role', 'not-found'],
      example: { status: 404 },
    },
  },
  '/api/lists/{id}/alerts/test': {
    post: {
      summary: "Send a test message to each of the list's channels",
      description:
        "Kept in the list's delivery log; each delivery as after its first attempt. 400 when the list has no channel.",
      tag: 'alerts',
      responses: { 200: { description: 'The deliveries', json: 'DeliveryList' } },
      errors: ['forbidden-role', 'invalid-input'],
      example: { status: 400 },
    },
  },
  '/api/channels/{id}/deliveries': {
    get: {
      summary: "A channel's delivery log",
      tag: 'alerts',
      responses: { 200: { description: 'Newest first', json: 'DeliveryList' } },
      errors: ['not-found'],
      example: { status: 404 },
    },
  },
  '/api/lists/{id}/schedule': {
    get: {
      summary: "A list's schedule",
      tag: 'alerts',
      responses: { 200: { description: 'The schedule', json: 'Schedule' } },
      errors: ['not-found'],
      example: { status: 404 },
    },
    put: {
      summary: "Set a list's schedule (cron or a simple choice, in a time zone)",
      tag: 'alerts',
      body: 'ScheduleUpdate',
      responses: { 200: { description: 'The schedule', json: 'Schedule' } },
      errors: ['forbidden-role', 'invalid-input', 'unsupported-media-type'],
      example: { body: { simple: { kind: 'weekly', day: 1, time: '07:00' }, tz: 'Europe/Amsterdam' }, status: 200 },
    },
    delete: {
      summary: "Remove a list's schedule",
      tag: 'alerts',
      responses: { 200: { description: 'Deleted', json: 'Deleted' } },
      errors: ['forbidden-role'],
      example: { status: 200 },
    },
  },
  '/api/lists/{id}/alerts': {
    get: {
      summary: "A list's channels and what alerts them",
      tag: 'alerts',
      responses: { 200: { description: 'The subscriptions', json: 'Subscriptions' } },
      errors: [],
      example: { status: 200 },
    },
    put: {
      summary: "Replace a list's subscriptions",
      tag: 'alerts',
      body: 'Subscriptions',
      responses: { 200: { description: 'The subscriptions', json: 'Subscriptions' } },
      errors: ['forbidden-role', 'invalid-input', 'unsupported-media-type'],
      example: { body: { subscriptions: [] }, status: 200 },
    },
  },
  '/api/lists/{id}/deliveries': {
    get: {
      summary: "A list's alert delivery log",
      tag: 'alerts',
      responses: { 200: { description: 'Newest first', json: 'DeliveryList' } },
      errors: [],
      example: { status: 200 },
    },
  },
  '/api/watches': {
    post: {
      summary: "Watch a domain on the server until it's live",
      description:
        '201 a new watch, 200 the running one for the same domain, records and channel. Needs PROPAGATION=1.',
      tag: 'alerts',
      body: 'WatchCreate',
      responses: {
        200: { description: 'The running watch', json: 'Watch' },
        201: { description: 'A new watch', json: 'Watch' },
      },
      errors: ['forbidden-role', 'invalid-input', 'not-found', 'unsupported-media-type'],
      // The test app runs with PROPAGATION=0.
      example: { body: { domain: 'ok-ww.test' }, status: 400 },
    },
  },
  '/api/watches/{id}': {
    get: {
      summary: 'A watch: its state and what its last check saw',
      tag: 'alerts',
      responses: { 200: { description: 'The watch', json: 'Watch' } },
      errors: ['not-found'],
      example: { status: 404 },
    },
    delete: {
      summary: 'Stop a watch',
      tag: 'alerts',
      responses: { 200: { description: 'Deleted', json: 'Deleted' } },
      errors: ['forbidden-role', 'not-found'],
      example: { status: 404 },
    },
  },
  // --- end alerts ---
};
