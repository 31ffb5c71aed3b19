/**
 * The choices the bulk table's filters offer, taken from the rows present (only the clouds, DNS hosts, severities,
 * records and record statuses that occur), each with how many domains it would show. Pure and browser-safe.
 */
import { SEVERITY_ORDER } from '@/lib/presentation';
import {
  type EffectiveCloud,
  EffectiveCloud as EffectiveCloudSchema,
  RECORD_IDS,
  RECORD_STATUSES,
  type RecordId,
  type RecordStatus,
  type Report,
  type Severity,
} from '@/lib/schema';

/** One choice of a filter and the number of domains (rows) it matches. */
export type FilterOption<V extends string> = { value: V; count: number };
/** A DNS host choice: its id is the value, `name` is what the user reads. */
export type HostOption = FilterOption<string> & { name: string };

export type FilterOptions = {
  /** Severities any record of a row has, most urgent first; a row counts once per severity. */
  severity: FilterOption<Severity>[];
  /** Effective clouds, in the schema's order. */
  cloud: FilterOption<EffectiveCloud>[];
  /** DNS hosts, the most common first, then by name. */
  host: HostOption[];
  /** Records rows report, in the catalogue's order. */
  record: FilterOption<RecordId>[];
};

type FilterRow = Pick<Report, 'cloud' | 'dnsHost' | 'records'>;

function ordered<V extends string>(counts: Map<V, number>, order: readonly V[]): FilterOption<V>[] {
  return order.flatMap((value) => {
    const count = counts.get(value) ?? 0;
    return count > 0 ? [{ value, count }] : [];
  });
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

const SEVERITIES_BY_URGENCY = (Object.keys(SEVERITY_ORDER) as Severity[]).sort(
  (a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b],
);

/** The filter choices for `rows` with their counts; a value no row has is not offered. */
export function filterOptions(rows: readonly FilterRow[]): FilterOptions {
  const severity = new Map<Severity, number>();
  const cloud = new Map<EffectiveCloud, number>();
  const host = new Map<string, number>();
  const hostName = new Map<string, string>();
  const record = new Map<RecordId, number>();
  for (const row of rows) {
    bump(cloud, row.cloud.effective);
    bump(host, row.dnsHost.id);
    if (!hostName.has(row.dnsHost.id)) hostName.set(row.dnsHost.id, row.dnsHost.name);
    for (const s of new Set(row.records.map((r) => r.severity))) bump(severity, s);
    for (const id of new Set(row.records.map((r) => r.id))) bump(record, id);
  }
  const hosts: HostOption[] = [...host].map(([value, count]) => ({ value, count, name: hostName.get(value) ?? value }));
  hosts.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name) || (a.value < b.value ? -1 : 1));
  return {
    severity: ordered(severity, SEVERITIES_BY_URGENCY),
    cloud: ordered(cloud, EffectiveCloudSchema.options),
    host: hosts,
    record: ordered(record, RECORD_IDS),
  };
}

/** The statuses record `id` has across `rows` (rows without that record are not counted), in the schema's order. */
export function recordStatusOptions(
  rows: readonly Pick<Report, 'records'>[],
  id: RecordId,
): FilterOption<RecordStatus>[] {
  const counts = new Map<RecordStatus, number>();
  for (const row of rows) {
    for (const status of new Set(row.records.filter((r) => r.id === id).map((r) => r.status))) bump(counts, status);
  }
  return ordered(counts, RECORD_STATUSES);
}
