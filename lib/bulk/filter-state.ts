/**
 * What the bulk page's filter controls hold (one choice per control, '' = all) and how it becomes a TableFilter.
 * Pure.
 */
import type { EffectiveCloud, RecordId, RecordStatus, RecordsHealth, Severity } from '@/lib/schema';
import type { TableFilter } from './table-model';

export type FilterState = {
  health: RecordsHealth | '';
  severity: Severity | '';
  cloud: EffectiveCloud | '';
  /** A DNS host id. */
  host: string;
  record: RecordId | '';
  /** Only used with a record. */
  recordStatus: RecordStatus | '';
  text: string;
};

export const NO_FILTERS: FilterState = {
  health: '',
  severity: '',
  cloud: '',
  host: '',
  record: '',
  recordStatus: '',
  text: '',
};

const list = <T extends string>(value: T | ''): T[] => (value === '' ? [] : [value]);

/** The table filter for `state`; `text` replaces the state's text (the deferred copy the table filters on). */
export function toTableFilter(state: FilterState, text = state.text): TableFilter {
  return {
    health: list(state.health),
    severity: list(state.severity),
    cloud: list(state.cloud),
    host: list(state.host),
    record: state.record === '' ? undefined : { id: state.record, status: list(state.recordStatus) },
    text,
  };
}

/** True when any control filters (blank search text does not): "Clear filters" is then enabled. */
export function hasFilters(state: FilterState): boolean {
  return (
    state.health !== '' ||
    state.severity !== '' ||
    state.cloud !== '' ||
    state.host !== '' ||
    state.record !== '' ||
    state.text.trim() !== ''
  );
}

/** `state` with one control changed; choosing another record (or none) resets the record status. */
export function withFilter<K extends keyof FilterState>(
  state: FilterState,
  key: K,
  value: FilterState[K],
): FilterState {
  const next = { ...state, [key]: value };
  if (key === 'record' && value !== state.record) next.recordStatus = '';
  return next;
}
