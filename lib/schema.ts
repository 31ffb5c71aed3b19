/**
 * The one contract shared by the form, the route handlers, the client fetcher and the tests.
 * Every closed set (outcome, status, severity, cloud…) is defined here once; types come from z.infer.
 * Browser-safe: no `node:` imports.
 */
import { z } from 'zod';
import {
  ANSWERED_OUTCOMES,
  CLOUD_CHOICES,
  isAnswered,
  LOOKUP_OUTCOMES,
  RECORD_IDS,
  RECORDS_HEALTH,
  SERVICE_FLAGS,
} from './schema-values';

/** The closed lists live in schema-values.ts (no zod), so the page can import them without all of zod. */
export { ANSWERED_OUTCOMES, CLOUD_CHOICES, isAnswered, LOOKUP_OUTCOMES, RECORD_IDS, RECORDS_HEALTH, SERVICE_FLAGS };

// ---------------------------------------------------------------------------------------------
// Clouds

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

export const LookupOutcome = z.enum(LOOKUP_OUTCOMES);
export type LookupOutcome = z.infer<typeof LookupOutcome>;

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

/**
 * A lookup's id in a report: its name and type (`msoid.contoso.com CNAME`). Deterministic, so the same question
 * has the same id in every report and two reports can be compared lookup by lookup.
 */
export const LookupId = z.string();
export type LookupId = z.infer<typeof LookupId>;

/** The id of a lookup (see `LookupId`). */
export function lookupId(lookup: Pick<Lookup, 'name' | 'type'>): LookupId {
  return `${lookup.name} ${lookup.type}`;
}

/** The name and type a lookup id stands for. */
export function splitLookupId(id: LookupId): Pick<Lookup, 'name' | 'type'> {
  const at = id.lastIndexOf(' ');
  return { name: id.slice(0, at), type: id.slice(at + 1) as RecordType };
}

/**
 * An answer as a report keeps it: its owner name is left out when it is the one the lookup implies (`answerOwner`:
 * the lookup's own name for a CNAME lookup, else the name its chain ended on), its type when it is the lookup's
 * (`fromReportLookup` puts both back).
 */
export const ReportAnswer = DnsAnswer.extend({ name: z.string().optional(), type: z.string().optional() });
export type ReportAnswer = z.infer<typeof ReportAnswer>;

/** The RCODE each outcome implies; a report leaves an implied RCODE out. */
const IMPLIED_RCODE: Partial<Record<LookupOutcome, string>> = {
  answer: 'NOERROR',
  nodata: 'NOERROR',
  nxdomain: 'NXDOMAIN',
  servfail: 'SERVFAIL',
  refused: 'REFUSED',
};

/**
 * A lookup as a report keeps it, under its id: name and type are the id's. Empty lists, an unfollowed chain, a
 * single attempt and the RCODE its outcome implies (NOERROR for an answer or no data, NXDOMAIN, SERVFAIL, REFUSED)
 * are left out, as are each answer's owner name and type where the lookup implies them (see `ReportAnswer`); the
 * per-attempt trace is kept only when it says more than the lookup itself (more than one attempt, or an attempt at
 * a server the lookup doesn't name). `fromReportLookup` gives the full lookup back.
 */
export const ReportLookup = Lookup.omit({ name: true, type: true }).extend({
  /** Default: none. */
  answers: z.array(ReportAnswer).optional(),
  /** Default: none. */
  chain: z.array(z.string()).optional(),
  /** Default: `none`. */
  chainEnd: ChainEnd.optional(),
  /** Default: 1. */
  attempts: z.number().int().nonnegative().optional(),
});
/** Read one through `fromReportLookup`, which puts back everything left out. */
export type ReportLookup = z.infer<typeof ReportLookup>;

/**
 * The owner an answer of a lookup normally has: a CNAME lookup's answer is the CNAME at the name asked; any other
 * lookup's answers are owned by the name its chain ended on (the last target, or the name asked when there is none).
 */
export function answerOwner(lookup: Pick<Lookup, 'name' | 'type' | 'chain'>): string {
  return lookup.type === 'CNAME' ? lookup.name : (lookup.chain[lookup.chain.length - 1] ?? lookup.name);
}

/** The report form of a lookup (see `ReportLookup`): nothing that reads back as a default is written. */
export function toReportLookup(lookup: Lookup): ReportLookup {
  const { name, type, answers, chain, chainEnd, attempts, tries, elapsedMs, rcode, ...rest } = lookup;
  const end = answerOwner(lookup);
  return {
    ...rest,
    ...(rcode !== undefined && rcode !== IMPLIED_RCODE[lookup.outcome] ? { rcode } : {}),
    ...(answers.length > 0
      ? {
          answers: answers.map((a) => ({
            ...(a.name !== end ? { name: a.name } : {}),
            ...(a.type !== type ? { type: a.type } : {}),
            ttl: a.ttl,
            data: a.data,
          })),
        }
      : {}),
    ...(chain.length > 0 ? { chain } : {}),
    ...(chainEnd !== 'none' ? { chainEnd } : {}),
    ...(attempts !== 1 ? { attempts } : {}),
    elapsedMs: Math.round(elapsedMs),
    ...(tries && (tries.length > 1 || tries[0]?.server !== lookup.server)
      ? { tries: tries.map((t) => ({ ...t, elapsedMs: Math.round(t.elapsedMs) })) }
      : {}),
  };
}

/** A report's lookup back in its full form, with the name and type of its id (see `ReportLookup`). */
export function fromReportLookup(id: LookupId, lookup: ReportLookup): Lookup {
  const { name, type } = splitLookupId(id);
  const { answers = [], chain = [], chainEnd = 'none', attempts = 1, rcode, ...rest } = lookup;
  const end = answerOwner({ name, type, chain });
  const implied = rcode ?? IMPLIED_RCODE[lookup.outcome];
  return {
    name,
    type,
    ...rest,
    ...(implied !== undefined ? { rcode: implied } : {}),
    answers: answers.map((a) => ({ name: a.name ?? end, type: a.type ?? type, ttl: a.ttl, data: a.data })),
    chain,
    chainEnd,
    attempts,
  };
}

/** A lookup that was never sent (skipped by a bound or a dead apex, or cancelled before it started). */
export function notRunLookup(name: string, type: RecordType, outcome: LookupOutcome = 'skipped'): Lookup {
  return { name, type, outcome, answers: [], chain: [], chainEnd: 'none', attempts: 0, elapsedMs: 0 };
}

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

/**
 * Where a fix is made (issue 14 item 3, split-brain): `dns-host`, the domain's public DNS host; `internal`, the copy
 * of the zone an internal DNS server keeps (the resolver at `resolver`, `ip:port`, that serves it).
 */
export const FIX_PLACES = ['dns-host', 'internal'] as const;
export const FixPlace = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dns-host') }),
  z.object({ kind: z.literal('internal'), resolver: z.string() }),
]);
export type FixPlace = z.infer<typeof FixPlace>;

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
  /**
   * Where to make it, when that is more than the DNS host: set only when a resolver serves an internal copy of the
   * zone that differs (propagation `internal-copy`). Absent: at the domain's DNS host.
   */
  places: z.array(FixPlace).optional(),
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
  notes: z.array(z.string()).default([]),
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
  expected: z.string().nullable().default(null),
  /** What DNS holds at the name, in presentation form (CNAME target or `A 1.2.3.4`…). */
  found: z.array(z.string()).default([]),
  chain: z.array(z.string()).default([]),
  wildcard: z.boolean().default(false),
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
  fixes: z.array(Fix).default([]),
  reference: z.string(),
  /** Every lookup that fed this finding (the technical-details layer), by id (the report's `lookups`). */
  lookups: z.array(LookupId),
});
export type MsoidFinding = z.infer<typeof MsoidFinding>;

/** The msoid finding as the API shows it: its text in the report's language instead of message references. */
export const ReportMsoid = MsoidFinding.omit({ messages: true }).extend({ text: FindingText });
export type ReportMsoid = z.infer<typeof ReportMsoid>;

// ---------------------------------------------------------------------------------------------
// Every Microsoft 365 record (not only msoid)

export const RecordId = z.enum(RECORD_IDS);
export type RecordId = z.infer<typeof RecordId>;

/** What a record is for (grouping in the UI). `legacy-sfb` = Skype for Business records Teams-only tenants no longer need. */
export const RECORD_SERVICES = ['core', 'mail', 'teams', 'intune', 'legacy-sfb', 'dkim', 'dmarc'] as const;
export const RecordService = z.enum(RECORD_SERVICES);
export type RecordService = z.infer<typeof RecordService>;

export const ServiceFlag = z.enum(SERVICE_FLAGS);
export type ServiceFlag = z.infer<typeof ServiceFlag>;

/** Clouds that share one set of record values. Worldwide and GCC publish the same records. */
export const CLOUD_FAMILIES = ['worldwide', '21vianet', 'gcchigh', 'dod'] as const;
export const CloudFamily = z.enum(CLOUD_FAMILIES);
export type CloudFamily = z.infer<typeof CloudFamily>;

/**
 * What we found at a record, independent of how much it matters (severity) or what the cloud asks
 * (requirement). `lookup-failed` is "could not check" and never means missing.
 * - `ok`: right for this cloud and service. `optional-absent`: absent, and that is fine.
 * - `missing`: absent but needed. `wrong-value`: present with a value that is not right (target, port, policy…).
 * - `must-remove`: present but must not exist (extra MX, `_autodiscover._tcp` SRV, msoid outside 21Vianet).
 * - `conflict`: a CNAME shares its name with other data. `proxied`: Cloudflare's proxy answers instead of the CNAME.
 * - `deprecated`: an old value that still works for now. `too-many`: more than one record where one is allowed.
 * - `not-applicable`: not judged (service not used, cloud unknown, domain does not exist).
 * - `inconsistent`: the domain's own DNS servers publish different answers (copies); the worst is reported.
 */
export const RECORD_STATUSES = [
  'ok',
  'optional-absent',
  'missing',
  'wrong-value',
  'must-remove',
  'conflict',
  'proxied',
  'deprecated',
  'too-many',
  'lookup-failed',
  'not-applicable',
  'inconsistent',
] as const;
export const RecordStatus = z.enum(RECORD_STATUSES);
export type RecordStatus = z.infer<typeof RecordStatus>;

/** The `all` term that ends an SPF record (`none` = no `all`, `unknown` = it comes from a redirect we couldn't read). */
export const SPF_ALL = ['-all', '~all', '?all', '+all', 'none', 'unknown'] as const;
export const SpfAll = z.enum(SPF_ALL);
export type SpfAll = z.infer<typeof SpfAll>;

/** SPF facts for the technical layer ("7 of 10 DNS lookups"). */
export const SpfDetails = z.object({
  /** SPF records at the domain (`v=spf1`); more than one is an error. */
  records: z.number().int().nonnegative(),
  /** DNS-querying terms counted per RFC 7208 §4.6.4 (include, a, mx, ptr, exists, redirect), nested included. */
  lookups: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  /** False when a nested record could not be read: `lookups` is then a lower bound. */
  complete: z.boolean(),
  all: SpfAll,
  /** Every include/redirect domain reached, nested ones too. */
  includes: z.array(z.string()),
});
export type SpfDetails = z.infer<typeof SpfDetails>;

// propagation (issue 14) ------------------------------------------------------------------------

/**
 * Where a record stands between what its zone publishes and what resolvers hand out (issue 14 item 3):
 * - `live`: every resolver we asked gives the published answer;
 * - `pending`: a resolver still holds the old answer (or the old "does not exist") until its TTL runs out;
 * - `servers-disagree`: the zone's own servers publish different answers;
 * - `internal-copy`: a resolver serves a copy of the zone of its own (split-brain) that differs;
 * - `unknown`: we could not tell (see `PropagationUnknownReason`).
 */
export const PROPAGATION_STATES = ['live', 'pending', 'servers-disagree', 'internal-copy', 'unknown'] as const;
export const PropagationState = z.enum(PROPAGATION_STATES);
export type PropagationState = z.infer<typeof PropagationState>;

/** Why the state is `unknown`: no published answer, no resolver to compare, or a resolver that didn't answer. */
export const PROPAGATION_UNKNOWN_REASONS = ['published-unavailable', 'no-resolvers', 'resolver-failed'] as const;
export const PropagationUnknownReason = z.enum(PROPAGATION_UNKNOWN_REASONS);
export type PropagationUnknownReason = z.infer<typeof PropagationUnknownReason>;

/** One answer in the terms we compare: records, no records (NODATA/NXDOMAIN), or no answer at all. */
export const PROPAGATION_ANSWERS = ['answer', 'nodata', 'nxdomain', 'failed'] as const;
export const PropagationAnswer = z.enum(PROPAGATION_ANSWERS);
export type PropagationAnswer = z.infer<typeof PropagationAnswer>;

/** What one resolver holds compared with what is published: the same, an old cached answer, a copy of its own, nothing. */
export const RESOLVER_VIEWS = ['same', 'old', 'internal', 'failed'] as const;
export const ResolverView = z.enum(RESOLVER_VIEWS);
export type ResolverView = z.infer<typeof ResolverView>;

/**
 * Why a resolver's answer is taken for a copy of the zone of its own: it answered with AA set, its SOA names another
 * primary server (MNAME), or its TTL did not count down between two asks. A different serial alone is never a sign.
 */
export const INTERNAL_SIGNS = ['aa', 'mname', 'ttl-fixed'] as const;
export const InternalSign = z.enum(INTERNAL_SIGNS);
export type InternalSign = z.infer<typeof InternalSign>;

/** What the zone publishes for a record's question. */
export const PublishedRecord = z.object({
  answer: PropagationAnswer,
  /** Record data in presentation form (see `DnsAnswer.data`), sorted. */
  values: z.array(z.string()),
  /** The records' TTL; for no records the negative TTL (RFC 2308: min of the SOA's TTL and MINIMUM); null: no answer. */
  ttl: z.number().int().nonnegative().nullable(),
  /** `ip:port` of the server that answered. */
  server: z.string().optional(),
  /** True when the zone's servers publish different answers (the record is then `servers-disagree`). */
  disagree: z.boolean().optional(),
});
export type PublishedRecord = z.infer<typeof PublishedRecord>;

/** What one resolver hands out for the record's question. */
export const ResolverRecord = z.object({
  /** `ip:port` of the resolver. */
  resolver: z.string(),
  answer: PropagationAnswer,
  values: z.array(z.string()),
  /** Seconds it still keeps this answer: the records' remaining TTL, or for no records its SOA's TTL (RFC 2308). */
  ttl: z.number().int().nonnegative().nullable(),
  view: ResolverView,
  /** For view `internal`: why. */
  signs: z.array(InternalSign).optional(),
  /** For view `old`: when it will hand out the published answer (ISO time); null when it cannot be told. */
  liveBy: z.string().nullable().optional(),
});
export type ResolverRecord = z.infer<typeof ResolverRecord>;

/** A record's propagation: the state, what is published, what each resolver holds, and when all will have it. */
export const Propagation = z.object({
  state: PropagationState,
  reason: PropagationUnknownReason.optional(),
  published: PublishedRecord,
  resolvers: z.array(ResolverRecord),
  /** For `pending`: when the last resolver we asked will hand out the published answer (ISO time). */
  liveBy: z.string().nullable(),
  /** When the resolvers were asked (ISO time). */
  askedAt: z.string(),
});
export type Propagation = z.infer<typeof Propagation>;

// end propagation (issue 14) --------------------------------------------------------------------

// --- The tenant's expected values from Microsoft Graph (issue 18 item 4; docs/signin.md) -------------

/**
 * What asking Microsoft Graph about the domain gave: `found` (the tenant's own records are the expected values),
 * `not-in-tenant` (404: the domain isn't added to the signed-in user's tenant), `no-permission` (403: no
 * Domain.Read.All consent), `sign-in-expired` (Entra refused to refresh the user's Graph token: sign in again),
 * `failed` (anything else: could not check).
 */
export const TENANT_STATES = ['found', 'not-in-tenant', 'no-permission', 'sign-in-expired', 'failed'] as const;
export const TenantState = z.enum(TENANT_STATES);
export type TenantState = z.infer<typeof TenantState>;

/** Where a record's expected value came from: the tenant (Graph) or Microsoft's documented pattern. */
export const ExpectedSource = z.enum(['tenant', 'documented']);
export type ExpectedSource = z.infer<typeof ExpectedSource>;

/** The tenant's view of one domain, as plain data the diagnosis takes (and the stored result keeps). */
export const TenantValues = z.object({
  state: TenantState,
  /** Graph's `isVerified` (state `found` only). */
  verified: z.boolean().nullable().default(null),
  /**
   * The tenant's exact value per record, in presentation form: MX exchange host, CNAME target, SRV
   * `<prio> <weight> <port> <target>`, the SPF TXT text, the verification TXT `MS=ms…`.
   */
  expected: z.partialRecord(RecordId, z.string()).default({}),
  /** For `failed`: what went wrong (an HTTP status, a timeout), for the technical details. */
  detail: z.string().optional(),
});
export type TenantValues = z.infer<typeof TenantValues>;

// --- end tenant's expected values ----------------------------------------------------------------

export const RecordFinding = z.object({
  id: RecordId,
  /** Stable code for scripts: `records.<id>.<status>.<qualifier>` (msoid keeps its own `msoid.…` code). */
  code: z.string(),
  service: RecordService,
  /** Fully qualified name, ASCII. */
  name: z.string(),
  /** Host label relative to the domain (`@` for the apex). */
  host: z.string(),
  type: RecordType,
  requirement: Requirement,
  status: RecordStatus,
  severity: Severity,
  outcome: Outcome,
  /** What DNS holds, in presentation form (`0 contoso-com.mail.protection.outlook.com`, a CNAME target, a TXT text). */
  found: z.array(z.string()).default([]),
  /** What the record should be, in presentation form; null when it must not exist or cannot be known. */
  expected: z.string().nullable().default(null),
  /** CNAME hops, when the record is a CNAME. */
  chain: z.array(z.string()).default([]),
  typo: Typo.optional(),
  spf: SpfDetails.optional(),
  messages: z.object({
    verdict: MessageRef,
    impact: MessageRef,
    action: MessageRef,
    notes: z.array(MessageRef),
  }),
  fixes: z.array(Fix).default([]),
  /** Every lookup that fed the finding (the technical-details layer), by id (the report's `lookups`). */
  lookups: z.array(LookupId),
  reference: z.string(),
  /** Interactive checks: the published answer against each resolver's (issue 14). */
  propagation: Propagation.optional(),
  /** Where `expected` came from, when the tenant's values were asked for (issue 18 item 4). */
  source: ExpectedSource.optional(),
});
export type RecordFinding = z.infer<typeof RecordFinding>;

/** A record finding as the API shows it: its text in the report's language instead of message references. */
export const ReportRecord = RecordFinding.omit({ messages: true }).extend({ text: FindingText });
export type ReportRecord = z.infer<typeof ReportRecord>;

/** Which services the diagnosis assumed, and where that came from. */
export const Services = z.object({
  mail: z.boolean(),
  teams: z.boolean(),
  intune: z.boolean(),
  /** True when no service was set by the user: all three were inferred from DNS. */
  inferred: z.boolean(),
  /** Services the user set explicitly. */
  overridden: z.array(ServiceFlag),
  /**
   * Services whose inference lookups failed with no positive evidence. They are assumed to be in use,
   * so their records are checked rather than silently passed.
   */
  uncertain: z.array(ServiceFlag),
});
export type Services = z.infer<typeof Services>;

/** The user's per-service override; an absent key is inferred. */
export const ServiceOverride = z.object({
  mail: z.boolean().optional(),
  teams: z.boolean().optional(),
  intune: z.boolean().optional(),
});
export type ServiceOverride = z.infer<typeof ServiceOverride>;

export const RecordsHealth = z.enum(RECORDS_HEALTH);
export type RecordsHealth = z.infer<typeof RecordsHealth>;

export const RecordsCounts = z.object({
  ok: z.number().int().nonnegative(),
  attention: z.number().int().nonnegative(),
  broken: z.number().int().nonnegative(),
  couldNotCheck: z.number().int().nonnegative(),
  notApplicable: z.number().int().nonnegative(),
});
export type RecordsCounts = z.infer<typeof RecordsCounts>;

export const RecordsSummary = z.object({ health: RecordsHealth, counts: RecordsCounts });
export type RecordsSummary = z.infer<typeof RecordsSummary>;

export const RecordsDiagnosis = z.object({
  records: z.array(RecordFinding),
  services: Services,
  summary: RecordsSummary,
  /** Every row's fixes, in row order, duplicates removed. */
  fixes: z.array(Fix),
});
export type RecordsDiagnosis = z.infer<typeof RecordsDiagnosis>;

// ---------------------------------------------------------------------------------------------
// DNS host and fixes laid out for it

export const HostConfidence = z.enum(['high', 'medium', 'low', 'none']);
export type HostConfidence = z.infer<typeof HostConfidence>;

export const DnsHost = z.object({
  /** Host id from the host catalogue (`cloudflare`, `alibaba`, `generic`…). */
  id: z.string(),
  name: z.string(),
  confidence: HostConfidence,
  /** The zone's NS names as found (lower-case, no trailing dot). */
  ns: z.array(z.string()),
  /** The zone whose NS records were read (the registrable domain). */
  zone: z.string(),
  matched: z.number().int().nonnegative(),
  mixed: z.boolean(),
  managedByMicrosoft: z.boolean(),
  instructionsUrl: z.string(),
  /** `cloud`: the GCC High/DoD DNS records page, whose values the host pages (commercial) don't show. */
  instructionsKind: z.enum(['microsoft', 'host', 'generic', 'cloud']),
  /** GCC High/DoD: the host's own help as a second link; its example values are commercial. */
  hostHelpUrl: z.string().optional(),
  hostHelpKind: z.enum(['microsoft', 'host']).optional(),
  /** Outcome of the NS lookup: a failed lookup means the host is unknown, not "generic". */
  lookup: LookupOutcome,
});
export type DnsHost = z.infer<typeof DnsHost>;

/** One fix with both the canonical value and the value as this domain's DNS host wants it typed. */
export const HostFix = z.object({
  /** Which record row the fix comes from. */
  record: RecordId,
  canonical: Fix,
  /** The host's own form fields, in its order: label (localised) and value. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  /** The value to paste into the host's value field. */
  copyValue: z.string(),
  /** Host pitfalls (Cloudflare proxy, GoDaddy host field, trailing dots, SRV layout), localised. */
  notes: z.array(z.string()),
  /** True when the value is tenant-specific and must be copied from the admin center. */
  placeholder: z.boolean(),
  /** For a placeholder: where the value is copied from (the record's own notes that say so), as text. */
  copyFrom: z.array(z.string()).optional(),
});
export type HostFix = z.infer<typeof HostFix>;

// ---------------------------------------------------------------------------------------------
// Report

/** The DNS host as recognised from the zone's NS names; its name and links are the report's, per language. */
export const HostFinding = z.object({
  id: z.string(),
  confidence: HostConfidence,
  ns: z.array(z.string()),
  matched: z.number().int().nonnegative(),
  mixed: z.boolean(),
  managedByMicrosoft: z.boolean(),
  /** The NS lookup: a failed one means the host is unknown, not "generic". */
  lookup: LookupId,
});
export type HostFinding = z.infer<typeof HostFinding>;

/** What a caller reports to the helpdesk; the report answers each (lib/findings/symptoms.ts). */
export const SYMPTOMS = ['slow-sign-in', 'sign-in-fails', 'activation', 'mail', 'outlook-setup'] as const;
export const Symptom = z.enum(SYMPTOMS);
export type Symptom = z.infer<typeof Symptom>;

/** Whether this domain's DNS explains a symptom: yes, no, or can't tell (a lookup that matters failed). */
export const SymptomAnswer = z.enum(['yes', 'no', 'cant-tell']);
export type SymptomAnswer = z.infer<typeof SymptomAnswer>;

/**
 * A check as it is stored: every finding as message references (no text), each lookup once under its id, the DNS
 * host as found. `renderResult` (lib/report) turns it into the `Report` of a language, so whoever reads a stored
 * result reads it in their own language.
 */
export const CheckResult = z.object({
  domain: z.string(),
  display: z.string(),
  /** What was entered, when the name was read out of a web or e-mail address (see `Report.entered`). */
  entered: z.string().optional(),
  registrable: z.string(),
  isSubdomain: z.boolean(),
  cloud: CloudReport,
  msoid: MsoidFinding,
  records: z.array(RecordFinding),
  lookups: z.record(LookupId, ReportLookup),
  summary: RecordsSummary,
  services: Services,
  host: HostFinding,
  /** Every row's canonical fixes, in row order, duplicates removed. */
  fixes: z.array(Fix),
  /** The helpdesk paragraph; `helpdesk.next.host` names the host by id (its name is the reader's language's). */
  helpdesk: z.array(MessageRef),
  /** The helpdesk answer to each symptom a caller may report. */
  symptoms: z.record(Symptom, z.object({ answer: SymptomAnswer, messages: z.array(MessageRef) })),
  /** Domain-level notes (subdomain, cloud contradiction…). */
  notes: z.array(MessageRef),
  resolvers: z.array(z.string()),
  /** What the verdict rests on: the zone's own servers, or only the resolver (issue 14; absent in older results). */
  authority: z.lazy(() => Authority).optional(),
  /** The tenant's expected values from Microsoft Graph: single checks by a signed-in user (issue 18 item 4). */
  tenant: TenantValues.optional(),
  checkedAt: z.string(),
  elapsedMs: z.number().nonnegative(),
});
export type CheckResult = z.infer<typeof CheckResult>;

/** One domain's report in one language, as the API returns it. */
export const Report = z.object({
  /** ASCII (punycode) name that was queried. */
  domain: z.string(),
  /** Unicode name for display. */
  display: z.string(),
  /**
   * What was entered, when the name was read out of a web or e-mail address: `https://www.northwind.com.cn/` for
   * `northwind.com.cn` (the host, without a leading `www.` unless the rest is a public suffix). Absent for a name
   * entered as itself.
   */
  entered: z.string().optional(),
  registrable: z.string(),
  isSubdomain: z.boolean(),
  cloud: CloudReport,
  msoid: ReportMsoid,
  /** Every Microsoft 365 record for the effective cloud, msoid included. */
  records: z.array(ReportRecord),
  /** Every lookup of the check, once, by id (`<name> <type>`); findings list the ids they rest on. */
  lookups: z.record(LookupId, ReportLookup),
  summary: RecordsSummary,
  services: Services,
  dnsHost: DnsHost,
  /** The add / change / delete list, laid out for the domain's DNS host. */
  fixes: z.array(HostFix).default([]),
  /** The same list as a zone-file snippet. */
  zoneSnippet: z.string(),
  /**
   * What a helpdesk agent reads to a caller, built only from the findings: a general paragraph, and per symptom the
   * caller reports (slow sign-in, sign-in fails, Office won't activate, mail doesn't arrive, Outlook can't set up
   * the mailbox) whether DNS explains it and who must act.
   */
  helpdesk: z.object({
    text: z.string(),
    symptoms: z.record(Symptom, z.object({ answer: SymptomAnswer, text: z.string() })),
  }),
  /** Domain-level notes (subdomain, cloud contradiction…), as text. */
  notes: z.array(z.string()).default([]),
  /** Resolver(s) asked, `ip:port`. */
  resolvers: z.array(z.string()),
  /** The zone's own DNS servers and whether the verdict rests on them (issue 14; absent in older results). */
  authority: z.lazy(() => Authority).optional(),
  /** The tenant's expected values from Microsoft Graph (issue 18 item 4; absent when not asked). */
  tenant: TenantValues.optional(),
  checkedAt: z.string(),
  elapsedMs: z.number().nonnegative(),
  lang: z.string(),
});
export type Report = z.infer<typeof Report>;
/**
 * A report as the API writes it: what `Report` reads back to the same report. Values that are their schema's
 * default (empty lists, `expected: null`, `wildcard: false`) are left out (`compactReport`, lib/report/render.ts).
 */
export type ReportWire = z.input<typeof Report>;

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
  /** Services in use; a missing key is inferred from what the domain publishes. */
  services: ServiceOverride.optional(),
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
  'forbidden-host',
  'rate-limited',
  'unauthorized',
  'not-found',
  'method-not-allowed',
  'internal',
  'not-ready',
  'shutting-down',
  // Runs (bulk checks): see the "Runs" section below.
  'run-not-found',
  'run-expired',
  'too-many-runs',
  'not-run-owner',
  'too-many-followers',
  // Entra ID sign-in (issue 18): the caller's role may not do this (a viewer on an operator route).
  'forbidden-role',
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

// ---------------------------------------------------------------------------------------------
// Runs: bulk checks executed server-side (POST /api/runs, GET /api/runs/:id[/events], cancel, recheck)

export const RUN_STATUSES = ['queued', 'running', 'done', 'cancelled', 'expired'] as const;
export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;

/** Bounds of `RunCreateRequest.columns`: columns, characters of a column's name and of a cell. */
export const RUN_COLUMNS_LIMITS = { columns: 50, name: 200, cell: 500 } as const;

/** The largest body of POST /api/runs: a full run's list (at least MAX_BODY_BYTES). The server and the page agree. */
export const runBodyLimit = (limits: { maxBodyBytes: number; maxDomainsPerRun: number }): number =>
  Math.max(limits.maxBodyBytes, limits.maxDomainsPerRun * 300);

/** The most lines a bulk run's list may have (POST /api/runs): a request's, or two per domain of a full run. */
export const runLineLimit = (limits: { maxLines: number; maxDomainsPerRun: number }): number =>
  Math.max(limits.maxLines, limits.maxDomainsPerRun * 2);

/**
 * The other columns of an uploaded spreadsheet, kept with the run for the summary export: their names, and for each
 * item of `domains` (an array: its line is the item's index + 1) that row's cells in the same order.
 */
export const RunColumns = z.object({
  names: z.array(z.string().max(RUN_COLUMNS_LIMITS.name)).max(RUN_COLUMNS_LIMITS.columns),
  values: z.array(z.array(z.string().max(RUN_COLUMNS_LIMITS.cell)).max(RUN_COLUMNS_LIMITS.columns)),
});
export type RunColumns = z.infer<typeof RunColumns>;

/** POST /api/runs body. `domains` as in POST /api/check (pasted text or an array). */
export const RunCreateRequest = z.object({
  domains: z.union([z.string(), z.array(z.string())]),
  cloud: CloudChoice.default('auto'),
  services: ServiceOverride.optional(),
  lang: z.string().optional(),
  /** The uploaded file's other columns (`domains` must then be an array of the same length as `values`). */
  columns: RunColumns.optional(),
});
export type RunCreateRequest = z.infer<typeof RunCreateRequest>;

/** POST /api/runs/:id/recheck body: the listed domains, every could-not-check result, or both. */
export const RunRecheckRequest = z.object({
  domains: z.array(z.string()).optional(),
  filter: z.literal('could-not-check').optional(),
  /** The reader's language, for the reasons of skipped domains (default the run's). */
  lang: z.string().max(35).optional(),
});
export type RunRecheckRequest = z.infer<typeof RunRecheckRequest>;

/** A later occurrence of a name already in the run (same ASCII form). */
export const RunDuplicate = z.object({
  line: z.number().int().positive(),
  input: z.string(),
  ascii: z.string(),
  firstLine: z.number().int().positive(),
});
export type RunDuplicate = z.infer<typeof RunDuplicate>;

export const RunLinks = z.object({ self: z.string(), events: z.string(), results: z.string(), export: z.string() });
export type RunLinks = z.infer<typeof RunLinks>;

/** The request header that carries a run's owner token (cancel, re-check). */
export const RUN_OWNER_HEADER = 'X-Run-Owner';

/**
 * 201 answer of POST /api/runs. `id` reads the run (the result link); `ownerToken` (given only here, once) is
 * what cancel and re-check need, in the `X-Run-Owner` header.
 */
export const RunCreated = z.object({
  id: z.string(),
  ownerToken: z.string(),
  status: RunStatus,
  total: z.number().int().nonnegative(),
  invalid: z.array(InvalidEntry),
  duplicates: z.array(RunDuplicate),
  createdAt: z.string(),
  expiresAt: z.string(),
  links: RunLinks,
});
export type RunCreated = z.infer<typeof RunCreated>;

/**
 * One stored result: the report, its place in completion order (a re-check keeps the index) and the run
 * revision that stored it (every append or replacement raises the run's revision by one).
 */
export const RunResult = Report.extend({
  index: z.number().int().nonnegative(),
  revision: z.number().int().positive(),
});
export type RunResult = z.infer<typeof RunResult>;

export const RunProgress = z.object({
  checked: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Domains per second since the run (or its latest re-check) started. */
  rate: z.number().nonnegative(),
  /** Seconds left at the current rate; null when unknown or nothing is left. */
  etaSeconds: z.number().nonnegative().nullable(),
});
export type RunProgress = z.infer<typeof RunProgress>;

/** GET /api/runs/:id. `results` holds the stored results from `from` (in index order). */
export const RunSummary = RunProgress.extend({
  id: z.string(),
  status: RunStatus,
  cloud: CloudChoice,
  services: ServiceOverride.optional(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
  counts: z.object({
    healthy: z.number().int(),
    'needs-attention': z.number().int(),
    broken: z.number().int(),
    'could-not-check': z.number().int(),
  }),
  /** The run's domains as it was started with them (ASCII, input order, each once), checked or not. */
  domains: z.array(z.string()),
  invalid: z.array(InvalidEntry),
  duplicates: z.array(RunDuplicate),
  /** Domains still to check (queued or in flight), re-checks included. */
  pending: z.number().int().nonnegative(),
  /** The run's revision: pass it as `after` to the events stream to get every later replacement. */
  revision: z.number().int().nonnegative(),
  links: RunLinks,
  from: z.number().int().nonnegative(),
  results: z.array(RunResult),
});
export type RunSummary = z.infer<typeof RunSummary>;

/** 202 answer of POST /api/runs/:id/recheck. Follow with GET events?from=<rows held>&after=<revision>. */
export const RunRecheckAccepted = z.object({
  id: z.string(),
  status: RunStatus,
  rechecking: z.array(z.string()),
  /** Asked for but not re-checked: past the run owner's names window (MAX_NAMES_PER_REGISTRABLE). */
  skipped: z
    .array(z.object({ domain: z.string(), code: z.literal('too-many-names-per-domain'), reason: z.string() }))
    .optional(),
  revision: z.number().int().nonnegative(),
  links: RunLinks,
});
export type RunRecheckAccepted = z.infer<typeof RunRecheckAccepted>;

/** One NDJSON line of GET /api/runs/:id/events. */
export const RunEvent = z.discriminatedUnion('type', [
  RunResult.extend({ type: z.literal('report') }),
  RunProgress.extend({ type: z.literal('progress') }),
  z.object({ type: z.literal('done'), status: RunStatus, checked: z.number().int(), total: z.number().int() }),
]);
export type RunEvent = z.infer<typeof RunEvent>;

// authority (issue 14) ------------------------------------------------------------------------------------------
// What the domain's own DNS servers publish, found by walking down from the root (lib/server/dns/authority.ts);
// judged in lib/lookups/authority.ts. Plain data: the propagation comparison reads `AuthAnswer` as "published".

/** Why one authoritative server address gave no usable answer. */
export const AUTH_SERVER_PROBLEMS = [
  /** No reply within AUTH_TIMEOUT_MS on any try. */
  'timeout',
  /** The network refused or could not route the query (ICMP unreachable, no route, …). */
  'network-error',
  /** REFUSED, SERVFAIL or another error rcode: the server does not serve the zone (lame). */
  'error-rcode',
  /** A reply without the AA flag: the server does not answer for the zone (lame). */
  'not-authoritative',
  /** A reply that is not a DNS answer to the question. */
  'bad-response',
  /** The server name has no address (no glue and the resolver found none). */
  'no-address',
  /** Not asked: past AUTH_MAX_SERVERS / AUTH_MAX_ADDRESSES or the authoritative query budget. */
  'not-asked',
] as const;
export const AuthServerProblem = z.enum(AUTH_SERVER_PROBLEMS);
export type AuthServerProblem = z.infer<typeof AuthServerProblem>;

/** One authoritative server address's answer to one question (RD=0): the published answer as that copy has it. */
export const AuthAnswer = z.object({
  /** Server name (from the NS sets), lower-case, no trailing dot. */
  server: z.string(),
  /** Its address (the port is DNS_AUTH_PORT); null with problem `no-address`. */
  address: z.string().nullable(),
  aa: z.boolean().nullable(),
  rcode: z.string().nullable(),
  /** The answer section (CNAME chain within the reply included), TTLs as published. */
  answers: z.array(DnsAnswer),
  /** SOA serial of this server's copy (from the negative answer's SOA or an SOA query); null when unknown. */
  soaSerial: z.number().int().nonnegative().nullable(),
  problem: AuthServerProblem.optional(),
});
export type AuthAnswer = z.infer<typeof AuthAnswer>;

/** One server address of the zone as the report shows it. */
export const AuthServer = z.object({
  name: z.string(),
  address: z.string().nullable(),
  /** Named in the parent's referral (the delegation). */
  inParent: z.boolean(),
  /** Named in the zone's own apex NS set. */
  inApex: z.boolean(),
  /** Answered at all (any rcode). */
  reachable: z.boolean(),
  /** Answered the apex SOA with AA set; null when it did not answer. */
  aa: z.boolean().nullable(),
  soaSerial: z.number().int().nonnegative().nullable(),
  problem: AuthServerProblem.optional(),
});
export type AuthServer = z.infer<typeof AuthServer>;

/** What the verdict rests on: the zone's own servers, or only the resolver (labelled as such in the page). */
export const AUTHORITY_BASES = ['authoritative', 'resolver'] as const;
export const AuthorityBasis = z.enum(AUTHORITY_BASES);
export type AuthorityBasis = z.infer<typeof AuthorityBasis>;

/** Why the verdict rests on the resolver only. */
export const AUTHORITY_FALLBACKS = [
  /** AUTHORITATIVE=0. */
  'disabled',
  /** No root server answered (outbound DNS is probably blocked); remembered for AUTH_UNREACHABLE_S. */
  'root-unreachable',
  /** The walk got to the zone, but none of its servers gave an authoritative answer. */
  'servers-unreachable',
  /** The walk ended without a zone (a referral loop, no servers, NXDOMAIN above the name). */
  'no-zone',
  /** AUTH_MAX_QUERIES_PER_DOMAIN ran out. */
  'over-budget',
] as const;
export const AuthorityFallback = z.enum(AUTHORITY_FALLBACKS);
export type AuthorityFallback = z.infer<typeof AuthorityFallback>;

/** Zone health checks (the "DNS servers" card); they never decide the Microsoft 365 verdict. */
export const ZONE_HEALTH_CODES = ['ns-mismatch', 'lame-server', 'serials-differ', 'server-unreachable'] as const;
export const ZoneHealthCode = z.enum(ZONE_HEALTH_CODES);
export type ZoneHealthCode = z.infer<typeof ZoneHealthCode>;

export const ZoneHealth = z.object({
  code: ZoneHealthCode,
  severity: Severity,
  /** The servers the check names (the differing NS names, the lame or unreachable servers, …). */
  servers: z.array(z.string()),
});
export type ZoneHealth = z.infer<typeof ZoneHealth>;

/** The report's `authority` part. */
export const Authority = z.object({
  /** The zone the domain's records live in (its apex), null when the walk found none. */
  zone: z.string().nullable(),
  basedOn: AuthorityBasis,
  fallback: AuthorityFallback.optional(),
  /** NS names in the parent's referral and at the zone apex (lower-case, sorted). */
  parentNs: z.array(z.string()),
  apexNs: z.array(z.string()),
  /** Parent and apex NS sets are equal; null when either is unknown. */
  delegationMatch: z.boolean().nullable(),
  servers: z.array(AuthServer),
  health: z.array(ZoneHealth),
  /** Queries the authoritative path sent for this domain (bounded by AUTH_MAX_QUERIES_PER_DOMAIN). */
  queries: z.number().int().nonnegative(),
});
export type Authority = z.infer<typeof Authority>;
