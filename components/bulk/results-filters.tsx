'use client';

import { type ReactNode, useState } from 'react';
import { useT } from '@/components/ui/i18n-provider';
import { type FilterOptions, recordStatusOptions } from '@/lib/bulk/filter-options';
import { type FilterState, hasFilters } from '@/lib/bulk/filter-state';
import { isPageSize, PAGE_SIZES, type PageSize } from '@/lib/bulk/paging';
import { type HealthCounts, SORT_KEYS, type SortDir, type SortKey } from '@/lib/bulk/table-model';
import {
  RECORD_LABEL,
  RECORD_STATUS_PRESENTATION,
  RECORDS_HEALTH_PRESENTATION,
  SEVERITY_PRESENTATION,
} from '@/lib/presentation';
import type { Report } from '@/lib/schema';
import { RECORDS_HEALTH } from '@/lib/schema-values';
import { hostLabel, SHORT_CLOUD_LABEL } from './labels';

type Props = {
  filters: FilterState;
  counts: HealthCounts;
  options: FilterOptions;
  rows: readonly Report[];
  sort: SortKey;
  dir: SortDir;
  pageSize: PageSize;
  onChange: <K extends keyof FilterState>(key: K, value: FilterState[K]) => void;
  onClear: () => void;
  onSort: (key: SortKey) => void;
  onDir: () => void;
  onPageSize: (size: PageSize) => void;
};

const SELECT =
  'w-full rounded border border-slate-300 bg-white p-1 text-sm disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900';

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={htmlFor} className="block text-xs font-semibold text-slate-700 dark:text-slate-300">
        {label}
      </label>
      {children}
    </div>
  );
}

/** One filter: "any", then each choice present with its count. */
function ChoiceFilter(props: {
  label: string;
  id: string;
  testId: string;
  value: string;
  any: string;
  disabled?: boolean;
  choices: ReadonlyArray<{ value: string; text: string }>;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label} htmlFor={props.id}>
      <select
        autoComplete="off"
        id={props.id}
        data-testid={props.testId}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
        className={SELECT}
      >
        <option value="">{props.any}</option>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.text}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * The table's controls: health, severity, cloud, DNS host, record and its status, search; then sort column and
 * order, rows per page, and "Clear filters". Every choice shows how many domains it matches.
 * The controls say `autoComplete="off"`: their values come from the address (lib/bulk/view-query.ts), and the
 * browser's own restoring of form values on Back must not put an older value under them.
 */
export function ResultsFilters(props: Props) {
  const { filters, counts, options, rows, sort, dir, pageSize, onChange } = props;
  const { t, num } = useT();
  const option = (label: string, count: number) => t('bulk.table.option', { label, count: num(count) });
  const statuses = filters.record === '' ? [] : recordStatusOptions(rows, filters.record);
  const any = t('bulk.table.any');
  const active = hasFilters(filters);
  // Open on a wide window; on a phone the controls start folded so the first rows are on the first screen.
  const [open, setOpen] = useState(
    () => typeof window === 'undefined' || window.matchMedia('(min-width: 640px)').matches,
  );

  return (
    <details
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="rounded border border-slate-200 bg-white p-3 print:hidden dark:border-slate-700 dark:bg-slate-900"
      data-testid="bulk-filters"
    >
      <summary className="cursor-pointer text-sm font-semibold">
        {t('bulk.table.filtersHeading')}
        {active ? (
          <span className="ml-2 font-normal text-blue-700 dark:text-blue-300">{t('bulk.table.filtersOn')}</span>
        ) : null}
      </summary>
      <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Field label={t('bulk.table.health')} htmlFor="bulk-f-health">
          <select
            autoComplete="off"
            id="bulk-f-health"
            data-testid="bulk-health-filter"
            value={filters.health}
            onChange={(e) => onChange('health', e.target.value as FilterState['health'])}
            className={SELECT}
          >
            <option value="">{t('bulk.table.all', { count: num(counts.total) })}</option>
            {RECORDS_HEALTH.map((h) => (
              <option key={h} value={h} disabled={counts[h] === 0 && filters.health !== h}>
                {option(t(RECORDS_HEALTH_PRESENTATION[h].labelCode), counts[h])}
              </option>
            ))}
          </select>
        </Field>
        <ChoiceFilter
          label={t('bulk.table.severity')}
          id="bulk-f-severity"
          testId="bulk-severity-filter"
          value={filters.severity}
          any={any}
          choices={options.severity.map((o) => ({
            value: o.value,
            text: option(t(SEVERITY_PRESENTATION[o.value].labelCode), o.count),
          }))}
          onChange={(value) => onChange('severity', value as FilterState['severity'])}
        />
        <ChoiceFilter
          label={t('bulk.table.cloud')}
          id="bulk-f-cloud"
          testId="bulk-cloud-filter"
          value={filters.cloud}
          any={any}
          choices={options.cloud.map((o) => ({ value: o.value, text: option(t(SHORT_CLOUD_LABEL[o.value]), o.count) }))}
          onChange={(value) => onChange('cloud', value as FilterState['cloud'])}
        />
        <ChoiceFilter
          label={t('bulk.table.host')}
          id="bulk-f-host"
          testId="bulk-host-filter"
          value={filters.host}
          any={any}
          choices={options.host.map((o) => ({
            value: o.value,
            text: option(hostLabel({ id: o.value, name: o.name }, t), o.count),
          }))}
          onChange={(value) => onChange('host', value)}
        />
        <ChoiceFilter
          label={t('bulk.table.record')}
          id="bulk-f-record"
          testId="bulk-record-filter"
          value={filters.record}
          any={any}
          choices={options.record.map((o) => ({ value: o.value, text: option(t(RECORD_LABEL[o.value]), o.count) }))}
          onChange={(value) => onChange('record', value as FilterState['record'])}
        />
        <ChoiceFilter
          label={t('bulk.table.recordStatus')}
          id="bulk-f-record-status"
          testId="bulk-record-status-filter"
          value={filters.recordStatus}
          any={t('bulk.table.anyStatus')}
          disabled={filters.record === ''}
          choices={statuses.map((o) => ({
            value: o.value,
            text: option(t(RECORD_STATUS_PRESENTATION[o.value].labelCode), o.count),
          }))}
          onChange={(value) => onChange('recordStatus', value as FilterState['recordStatus'])}
        />
      </div>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <Field label={t('bulk.table.search')} htmlFor="bulk-f-search">
            <input
              autoComplete="off"
              id="bulk-f-search"
              type="search"
              data-testid="bulk-search"
              value={filters.text}
              onChange={(e) => onChange('text', e.target.value)}
              className={SELECT}
            />
          </Field>
        </div>
        <Field label={t('bulk.table.sort')} htmlFor="bulk-f-sort">
          <select
            autoComplete="off"
            id="bulk-f-sort"
            data-testid="bulk-sort"
            value={sort}
            onChange={(e) => props.onSort(e.target.value as SortKey)}
            className={SELECT}
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`bulk.table.sortBy.${key}`)}
              </option>
            ))}
          </select>
        </Field>
        <div>
          <span className="block text-xs font-semibold text-slate-700 dark:text-slate-300" aria-hidden="true">
            {t('bulk.table.orderLabel')}
          </span>
          <button
            type="button"
            data-testid="bulk-sort-dir"
            data-dir={dir}
            title={t('bulk.table.orderHint')}
            onClick={props.onDir}
            className="whitespace-nowrap rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            {t(`bulk.table.order.${sort}.${dir}`)}
          </button>
        </div>
        <Field label={t('bulk.table.pageSize')} htmlFor="bulk-f-page-size">
          <select
            autoComplete="off"
            id="bulk-f-page-size"
            data-testid="bulk-page-size"
            value={pageSize}
            onChange={(e) => isPageSize(e.target.value) && props.onPageSize(e.target.value)}
            className={SELECT}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size === 'all' ? t('bulk.table.pageSizeAll') : num(Number(size))}
              </option>
            ))}
          </select>
        </Field>
        <button
          type="button"
          data-testid="bulk-clear-filters"
          disabled={!active}
          onClick={props.onClear}
          className="rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-50 dark:border-slate-700"
        >
          {t('bulk.table.clearFilters')}
        </button>
      </div>
    </details>
  );
}
