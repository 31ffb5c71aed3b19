/**
 * The one contract shared by the form, the route handlers, the client fetcher and the tests.
 * Every closed set (outcome, status, severity, cloud…) is defined here once; types come from z.infer.
 * Browser-safe: no `node:` imports.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Clouds

/** The clouds a user can pick. `auto` infers the cloud from MX, autodiscover and SPF. */
export const CLOUD_CHOICES = ['auto', 'worldwide', '21vianet', 'gcc', 'gcchigh', 'dod'] as const;
export const CloudChoice = z.enum(CLOUD_CHOICES);
export type CloudChoice = z.infer<typeof CloudChoice>;

/** A concrete cloud; `auto` is not one. */
export const CLOUDS = ['worldwide', '21vianet', 'gcc', 'gcchigh', 'dod'] as const;
export const Cloud = z.enum(CLOUDS);
export type Cloud = z.infer<typeof Cloud>;

/** What the diagnosis worked with: a cloud, or `unknown` when evidence is absent or conflicting. */
export const EffectiveCloud = z.enum([...CLOUDS, 'unknown']);
export type EffectiveCloud = z.infer<typeof EffectiveCloud>;

/** What a piece of evidence points at. DNS cannot tell worldwide from GCC: `worldwide-or-gcc`. */
export const CloudHint = z.enum(['worldwide-or-gcc', '21vianet', 'gcchigh', 'dod', 'gcchigh-or-dod', 'germany']);
export type CloudHint = z.infer<typeof CloudHint>;

export const CloudEvidence = z.object({
  record: z.enum(['mx', 'autodiscover', 'spf']),
  /** The queried name, e.g. `autodiscover.contoso.com`. */
  name: z.string(),
  /** The DNS value that gave the hint (MX host, CNAME target, SPF include). */
  value: z.string(),
  suggests: CloudHint,
});
export type CloudEvidence = z.infer<typeof CloudEvidence>;

export const CloudReport = z.object({
  selected: CloudChoice,
  effective: EffectiveCloud,
  evidence: z.array(CloudEvidence),
  /** What the evidence alone says, independent of the user's choice. */
  inferred: EffectiveCloud,
  /** True when evidence points at more than one cloud. */
  conflicting: z.boolean(),
  /** True when the user picked a cloud that the evidence contradicts. */
  contradictsEvidence: z.boolean(),
  /** True when the inference could not run because its lookups failed (not the same as "no evidence"). */
  evidenceIncomplete: z.boolean(),
});
export type CloudReport = z.infer<typeof CloudReport>;

// ---------------------------------------------------------------------------------------------
// DNS lookups (recorded as data, failures included)

export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'NS', 'SOA'] as const;
export const RecordType = z.enum(RECORD_TYPES);
export type RecordType = z.infer<typeof RecordType>;

/**
 * Every way a lookup can end. `nxdomain` and `nodata` are real negative answers; every other
 * non-`answer` outcome means "could not check" and never "missing".
 */
export const LOOKUP_OUTCOMES = [
  'answer',
  'nxdomain',
  'nodata',
  'servfail',
  'refused',
  'timeout',
  'bad-response',
  'network-error',
  'cancelled',
  'deadline',
  'skipped',
] as const;
export const LookupOutcome = z.enum(LOOKUP_OUTCOMES);
export type LookupOutcome = z.infer<typeof LookupOutcome>;

/** Outcomes that are a real answer from DNS (positive or negative). Anything else is a failure. */
export const ANSWERED_OUTCOMES: ReadonlySet<LookupOutcome> = new Set(['answer', 'nxdomain', 'nodata']);
export function isAnswered(outcome: LookupOutcome): boolean {
  return ANSWERED_OUTCOMES.has(outcome);
}

export const DnsAnswer = z.object({
  /** Owner name, lower-case ASCII, no trailing dot. */
  name: z.string(),
  type: z.string(),
  ttl: z.number().int().nonnegative(),
  /**
   * Presentation form of the data. CNAME/NS: target name. MX: `<pref> <exchange>`.
   * TXT: the strings of one record joined without separators. SRV: `<prio> <weight> <port> <target>`.
   * SOA: `<mname> <rname> <serial>`. A/AAAA: the address. Hostile text: render only as text.
   */
  data: z.string(),
});
export type DnsAnswer = z.infer<typeof DnsAnswer>;

/** How a followed CNAME chain ended. */
export const ChainEnd = z.enum(['terminal', 'nxdomain', 'loop', 'too-long', 'failed', 'none']);
export type ChainEnd = z.infer<typeof ChainEnd>;

export const Lookup = z.object({
  name: z.string(),
  type: RecordType,
  outcome: LookupOutcome,
  /** The DNS RCODE as text when a reply arrived (NOERROR, NXDOMAIN, SERVFAIL, REFUSED, FORMERR…). */
  rcode: z.string().optional(),
  /** Records of the asked type owned by the final name of the chain (or by `name`). */
  answers: z.array(DnsAnswer),
  /** CNAME hops from `name`, in order: [`name`→t1, t1→t2, …] given as the targets t1, t2, …  */
  chain: z.array(z.string()),
  chainEnd: ChainEnd,
  /** When a followed chain stopped on a failed hop (chainEnd `failed`): which name, and how it failed. */
  chainFailure: z.object({ name: z.string(), outcome: LookupOutcome }).optional(),
  /** `ip:port` of the server that gave the final reply. */
  server: z.string().optional(),
  attempts: z.number().int().nonnegative(),
  elapsedMs: z.number().nonnegative(),
  /** True when the reply came over TCP after a truncated UDP reply. */
  tcp: z.boolean().optional(),
  /** True when served from our own answer cache (never for failures). */
  cached: z.boolean().optional(),
  /** Per-attempt trace: which server, what happened. */
  tries: z
    .array(z.object({ server: z.string(), outcome: LookupOutcome, elapsedMs: z.number().nonnegative() }))
    .optional(),
});
export type Lookup = z.infer<typeof Lookup>;

// ---------------------------------------------------------------------------------------------
// Findings

/** A message-catalogue reference: text is data, looked up by code and filled with params. */
export const MessageRef = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type MessageRef = z.infer<typeof MessageRef>;

/** The stable msoid status vocabulary of the API. */
export const MSOID_STATUSES = [
  'ok',
  'missing',
  'wrong-target',
  'not-cname',
  'must-remove',
  'domain-not-found',
  'lookup-failed',
  'cloud-unknown',
] as const;
export const MsoidStatus = z.enum(MSOID_STATUSES);
export type MsoidStatus = z.infer<typeof MsoidStatus>;

/** What this cloud asks of a record. Kept apart from the outcome (STYLE habit 3). */
export const REQUIREMENTS = ['required', 'recommended', 'optional', 'must-not-exist', 'depends-on-cloud'] as const;
export const Requirement = z.enum(REQUIREMENTS);
export type Requirement = z.infer<typeof Requirement>;

/** What we found, independent of how much it matters. */
export const OUTCOMES = ['ok', 'problem', 'could-not-check', 'not-applicable', 'needs-input'] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

/**
 * Severity follows from requirement × outcome. `unchecked` is its own level: a failed lookup is
 * never ranked as a problem or as healthy.
 */
export const SEVERITIES = ['critical', 'warning', 'notice', 'ok', 'unchecked'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const FixOp = z.enum(['add', 'change', 'delete']);
export type FixOp = z.infer<typeof FixOp>;

export const Fix = z.object({
  op: FixOp,
  /** Fully qualified owner name, ASCII. */
  name: z.string(),
  /** Host label relative to the zone (`msoid`), `@` for the apex. */
  host: z.string(),
  type: RecordType,
  /** Canonical value, no trailing dot. For delete: the value found. */
  value: z.string(),
  ttl: z.number().int(),
});
export type Fix = z.infer<typeof Fix>;

/** A character-level difference between what was found and what was expected (near-miss typos). */
export const DiffPart = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export type DiffPart = z.infer<typeof DiffPart>;

export const Typo = z.object({
  expected: z.string(),
  found: z.string(),
  distance: z.number().int(),
  /** Why it looks like a typo: `edit-distance`, `tld-swap` (.com for .cn), `missing-label` (no `partner.`). */
  kind: z.enum(['edit-distance', 'tld-swap', 'missing-label']),
  diff: z.array(DiffPart),
});
export type Typo = z.infer<typeof Typo>;

export const FindingText = z.object({
  verdict: z.string(),
  impact: z.string(),
  action: z.string(),
  notes: z.array(z.string()),
});
export type FindingText = z.infer<typeof FindingText>;

export const MsoidFinding = z.object({
  /** Finding code, stable for scripts: `msoid.<status>` with a qualifier, e.g. `msoid.must-remove.21vianet-target`. */
  code: z.string(),
  name: z.string(),
  type: z.literal('CNAME'),
  status: MsoidStatus,
  requirement: Requirement,
  outcome: Outcome,
  severity: Severity,
  /** What the record should be (21Vianet target), or null when it must not exist / cloud unknown. */
  expected: z.string().nullable(),
  /** What DNS holds at the name, in presentation form (CNAME target or `A 1.2.3.4`…). */
  found: z.array(z.string()),
  chain: z.array(z.string()),
  wildcard: z.boolean(),
  typo: Typo.optional(),
  /** Which lookup failed and how, when status is `lookup-failed`. */
  failure: z.object({ name: z.string(), type: RecordType, outcome: LookupOutcome }).optional(),
  /** Per-cloud meaning when the cloud is unknown (e.g. 21vianet → missing; worldwide → ok). */
  perCloud: z.record(z.string(), MsoidStatus).optional(),
  messages: z.object({
    verdict: MessageRef,
    impact: MessageRef,
    action: MessageRef,
    notes: z.array(MessageRef),
  }),
  text: FindingText,
  fixes: z.array(Fix),
  reference: z.string(),
  /** Every lookup that fed this finding (the technical-details layer). */
  lookups: z.array(Lookup),
});
export type MsoidFinding = z.infer<typeof MsoidFinding>;

// ---------------------------------------------------------------------------------------------
// Report

export const Report = z.object({
  /** ASCII (punycode) name that was queried. */
  domain: z.string(),
  /** Unicode name for display. */
  display: z.string(),
  registrable: z.string(),
  isSubdomain: z.boolean(),
  cloud: CloudReport,
  msoid: MsoidFinding,
  /** Domain-level notes (subdomain, cloud contradiction…). */
  notes: z.array(MessageRef),
  notesText: z.array(z.string()),
  /** Resolver(s) asked, `ip:port`. */
  resolvers: z.array(z.string()),
  checkedAt: z.string(),
  elapsedMs: z.number().nonnegative(),
  lang: z.string(),
});
export type Report = z.infer<typeof Report>;

// ---------------------------------------------------------------------------------------------
// Input policy and API bodies

/** What the server accepts; the page fetches it so browser and server validation never disagree. */
export const InputPolicy = z.object({
  allowTestDomains: z.boolean(),
  maxDomainsPerRequest: z.number().int().positive(),
  maxLines: z.number().int().positive(),
  maxLineLength: z.number().int().positive(),
  maxBodyBytes: z.number().int().positive(),
});
export type InputPolicy = z.infer<typeof InputPolicy>;

export const InvalidEntry = z.object({
  line: z.number().int().positive(),
  input: z.string(),
  reason: z.string(),
  code: z.string(),
});
export type InvalidEntry = z.infer<typeof InvalidEntry>;

/** POST /api/check body. `domains` is pasted text (split on new lines, commas, semicolons, spaces) or an array. */
export const CheckRequest = z.object({
  domains: z.union([z.string(), z.array(z.string())]),
  cloud: CloudChoice.default('auto'),
  /** Bypass our answer cache (a re-check). */
  fresh: z.boolean().optional(),
  lang: z.string().optional(),
});
export type CheckRequest = z.infer<typeof CheckRequest>;

/** One NDJSON line of the POST /api/check stream. */
export const StreamLine = z.discriminatedUnion('type', [
  Report.extend({ type: z.literal('report') }),
  InvalidEntry.extend({ type: z.literal('invalid') }),
  z.object({
    type: z.literal('done'),
    checked: z.number().int(),
    invalid: z.number().int(),
    duplicates: z.number().int(),
  }),
]);
export type StreamLine = z.infer<typeof StreamLine>;

/** Error codes of the shared error model `{code, message}`. */
export const ERROR_CODES = [
  'invalid-input',
  'too-many-domains',
  'payload-too-large',
  'unsupported-media-type',
  'forbidden-origin',
  'rate-limited',
  'unauthorized',
  'not-found',
  'method-not-allowed',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(InvalidEntry.omit({ code: true }).extend({ code: z.string().optional() })).optional(),
  limit: z.number().optional(),
  count: z.number().optional(),
  retryAfterSeconds: z.number().optional(),
});
export type ApiError = z.infer<typeof ApiError>;
