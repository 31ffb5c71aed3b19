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
  tag: 'check' | 'runs' | 'operations';
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
};
