/**
 * What changed between two runs of a list, per domain and per record, from the per-record rows stored with each
 * result (`result_records`: status bucket and value hash), never from the packed reports. Pure: the server reads
 * the rows and the list's acceptances and hands them in; the changes page, the CSV export and the alert digest all
 * read this one answer.
 *
 * A record's state is its count bucket (lib/findings/summary.ts `bucketOf`): `ok`, `attention`, `broken`,
 * `couldNotCheck` or `notApplicable`. A *problem* is `broken` or `attention` that is not accepted. An acceptance
 * (list, domain, record) covers the record while its value hash is still the accepted one and it has not expired
 * at the time of the run: an accepted problem counts as neither broken nor needs-attention, and is "newly broken"
 * again once the value changes.
 *
 * Change kinds of a record (from → to):
 * - `newly-broken`: a problem now, and not a problem before (ok, not applicable, could not check, accepted, absent);
 * - `fixed`: a problem before, not a problem now (and checked now);
 * - `newly-could-not-check`: could not check now, checked before;
 * - `still-could-not-check`: could not check both times;
 * - `still-broken`: a problem both times, same value;
 * - `changed-value`: the value hash differs, and none of the above applies;
 * - `unchanged`: anything else.
 * A domain's kind is its records' most pressing kind (the order of `CHANGE_KINDS`). Domains only in one of the two
 * runs are the list's membership diff (`membership`), not counted as changes.
 */

/** A record's state as stored: the count it belongs to (lib/findings/summary.ts). */
export const RECORD_STATES = ['ok', 'attention', 'broken', 'couldNotCheck', 'notApplicable'] as const;
export type RecordState = (typeof RECORD_STATES)[number];

/** Change kinds, most pressing first (a domain takes the first of its records' kinds). */
export const CHANGE_KINDS = [
  'newly-broken',
  'newly-could-not-check',
  'fixed',
  'changed-value',
  'still-broken',
  'still-could-not-check',
  'unchanged',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One stored record of one domain in one run. */
export type RecordRow = {
  domain: string;
  /** The record id of the report (`msoid`, `mx`, …). */
  record: string;
  status: RecordState;
  valueHash: string;
  /** The value found, shortened (for the timeline and the export). */
  value: string;
};

/** One run as the comparison needs it. */
export type RunSnapshot = {
  runId: string;
  /** When the run started (ISO). Acceptances are judged at this time. */
  at: string;
  /** The list's domains at the run (its membership), ASCII. */
  domains: readonly string[];
  records: readonly RecordRow[];
};

/** A finding accepted as intended (list, domain, record), at the value it had. */
export type Acceptance = {
  domain: string;
  record: string;
  note: string;
  acceptedValueHash: string;
  acceptedAt: string;
  acceptedBy: string | null;
  /** ISO time it ends, or null for never. */
  expiresAt: string | null;
};

export type RecordChange = {
  record: string;
  kind: ChangeKind;
  before: { status: RecordState; value: string; accepted: boolean } | null;
  after: { status: RecordState; value: string; accepted: boolean } | null;
};

export type DomainChange = {
  domain: string;
  kind: ChangeKind;
  /** Every record of the domain in either run, in the order of the later run (then the earlier's). */
  records: RecordChange[];
};

export type ChangeCounts = Record<ChangeKind, number>;

export type Changes = {
  from: { runId: string; at: string } | null;
  to: { runId: string; at: string };
  /** Domains in both runs, with their kind, in the later run's order. */
  domains: DomainChange[];
  /** Domains per kind (domains in both runs only). */
  counts: ChangeCounts;
  /** Records per kind. */
  recordCounts: ChangeCounts;
  /** The list changed between the runs: domains only in the later run (added) or only in the earlier (removed). */
  membership: { added: string[]; removed: string[] };
  /** Problems in the later run that are accepted (domain, record), not counted as broken. */
  accepted: Array<{ domain: string; record: string }>;
};

const PROBLEMS: ReadonlySet<RecordState> = new Set(['broken', 'attention']);

/** True when `acceptance` covers a record of value `valueHash` at time `at` (ISO). */
export function covers(acceptance: Acceptance | undefined, valueHash: string, at: string): boolean {
  if (!acceptance) return false;
  if (acceptance.acceptedValueHash !== valueHash) return false;
  return acceptance.expiresAt === null || Date.parse(acceptance.expiresAt) > Date.parse(at);
}

const key = (domain: string, record: string) => `${domain}\u0000${record}`;

function zero(): ChangeCounts {
  return Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as ChangeCounts;
}

type Side = { status: RecordState; value: string; valueHash: string; accepted: boolean } | null;

/** The kind of one record's change (see the module comment). */
export function recordKind(before: Side, after: Side): ChangeKind {
  const problem = (s: Side) => s !== null && PROBLEMS.has(s.status) && !s.accepted;
  const unchecked = (s: Side) => s !== null && s.status === 'couldNotCheck';
  if (problem(after) && !problem(before)) return 'newly-broken';
  if (problem(before) && !problem(after) && !unchecked(after)) return 'fixed';
  if (unchecked(after)) return unchecked(before) ? 'still-could-not-check' : 'newly-could-not-check';
  if (problem(before) && problem(after)) {
    return before?.valueHash === after?.valueHash ? 'still-broken' : 'changed-value';
  }
  if (before && after && before.valueHash !== after.valueHash && !unchecked(before)) return 'changed-value';
  return 'unchanged';
}

const RANK = new Map(CHANGE_KINDS.map((k, i) => [k, i]));

/**
 * The changes from run `from` (null: the list's first run, compared with nothing) to run `to`, with the list's
 * acceptances (judged at each run's own time).
 */
export function computeChanges(
  from: RunSnapshot | null,
  to: RunSnapshot,
  acceptances: readonly Acceptance[] = [],
): Changes {
  const accepted = new Map(acceptances.map((a) => [key(a.domain, a.record), a]));
  const side = (row: RecordRow | undefined, at: string): Side =>
    row
      ? {
          status: row.status,
          value: row.value,
          valueHash: row.valueHash,
          accepted: PROBLEMS.has(row.status) && covers(accepted.get(key(row.domain, row.record)), row.valueHash, at),
        }
      : null;
  const group = (rows: readonly RecordRow[]) => {
    const byDomain = new Map<string, Map<string, RecordRow>>();
    for (const row of rows) {
      let records = byDomain.get(row.domain);
      if (!records) {
        records = new Map();
        byDomain.set(row.domain, records);
      }
      records.set(row.record, row);
    }
    return byDomain;
  };
  const before = group(from?.records ?? []);
  const after = group(to.records);
  const fromDomains = new Set(from ? from.domains : to.domains);
  const toDomains = new Set(to.domains);
  const membership = {
    added: to.domains.filter((d) => !fromDomains.has(d)),
    removed: from ? from.domains.filter((d) => !toDomains.has(d)) : [],
  };
  const counts = zero();
  const recordCounts = zero();
  const domains: DomainChange[] = [];
  const acceptedNow: Changes['accepted'] = [];
  for (const domain of to.domains) {
    if (!fromDomains.has(domain)) continue;
    const b = before.get(domain) ?? new Map<string, RecordRow>();
    const a = after.get(domain) ?? new Map<string, RecordRow>();
    const ids = [...a.keys(), ...[...b.keys()].filter((id) => !a.has(id))];
    let kind: ChangeKind = 'unchanged';
    const records: RecordChange[] = ids.map((record) => {
      const was = side(b.get(record), from?.at ?? to.at);
      const is = side(a.get(record), to.at);
      const k = recordKind(was, is);
      recordCounts[k]++;
      if ((RANK.get(k) ?? 0) < (RANK.get(kind) ?? 0)) kind = k;
      if (is?.accepted) acceptedNow.push({ domain, record });
      const view = (s: Side) => s && { status: s.status, value: s.value, accepted: s.accepted };
      return { record, kind: k, before: view(was), after: view(is) };
    });
    counts[kind]++;
    domains.push({ domain, kind, records });
  }
  return {
    from: from && { runId: from.runId, at: from.at },
    to: { runId: to.runId, at: to.at },
    domains,
    counts,
    recordCounts,
    membership,
    accepted: acceptedNow,
  };
}
