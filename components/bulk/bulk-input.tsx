'use client';

import { type DragEvent, type ReactNode, useDeferredValue, useMemo, useState } from 'react';
import { CloudSelect } from '@/components/ui/cloud-select';
import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { ListBox } from '@/components/ui/list-box';
import { ReadingProgress } from '@/components/ui/reading-progress';
import { RejectedLines } from '@/components/ui/rejected-lines';
import { ServicesField } from '@/components/ui/services-field';
import { type SlicedWork, useSliced } from '@/components/ui/use-sliced';
import { useTypedText } from '@/components/ui/use-typed-text';
import type { BulkInputState } from '@/lib/bulk/bulk-link';
import {
  type CsvImport,
  checkColumn,
  columnsWithin,
  columnToEntries,
  type FileImport,
  otherColumns,
  readDomainFile,
} from '@/lib/bulk/csv-import';
import { toVisibleText } from '@/lib/client/dns-text';
import { parseList } from '@/lib/client/list-worker';
import type { ServiceChoices } from '@/lib/client/services';
import { withoutRejected } from '@/lib/input/parse-list';
import { rejectedLineCount } from '@/lib/input/rejected-count';
import { type DomainList, reasonTextIn } from '@/lib/report/domain-list';
import { type CloudChoice, type InputPolicy, type RunColumns, runBodyLimit, runLineLimit } from '@/lib/schema';

/**
 * Characters of a preview cell shown before its "show all". Like everything here that quotes the user's file or
 * list (file name, cells, rejected lines), cells go through DnsText: a right-to-left override or an invisible
 * character shows as an escape instead of reordering the text.
 */
const PREVIEW_CELL_CHARS = 80;

type Props = {
  policy: InputPolicy;
  maxDomainsPerRun: number;
  busy: boolean;
  /** What the form starts with: an input link's list, cloud and services, or nothing. */
  initial: BulkInputState;
  /**
   * Starts the run: `domains` the valid names; `source` what the run is sent, every input line (so rejected lines
   * and duplicates are kept with the run for the summary export) and an uploaded file's other columns.
   */
  onStart: (domains: string[], cloud: CloudChoice, services: ServiceChoices, source: RunSourceInput) => void;
  /** Why the last Start was refused (or the countdown to its retry), shown under Start, and its id. */
  startProblem?: ReactNode;
  startDescribedBy?: string | undefined;
  /** False for a signed-in viewer (issue 18): starting bulk runs needs the Operator role, so Start is not offered. */
  canStartRuns?: boolean;
};

/** How many rejected or duplicate lines are listed before "…". */
const LIST_LIMIT = 50;

/**
 * The list to check: a text box, a .txt/.csv upload (or drop) with a column picker, the parsed counts, the cloud
 * and the services.
 */
/** What a run is started from: the list as entered (text, or a file's column) and the file's other columns. */
export type RunSourceInput = { input: string | string[]; columns: RunColumns | null };

export function BulkInput({
  policy,
  maxDomainsPerRun,
  busy,
  initial,
  onStart,
  startProblem,
  startDescribedBy,
  canStartRuns = true,
}: Props) {
  const { t, lang } = useT();
  const [text, setText] = useState(() => initial.domains.join('\n'));
  const [fileName, setFileName] = useState<string | null>(null);
  const [file, setFile] = useState<FileImport | null>(null);
  const [column, setColumn] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const [cloud, setCloud] = useState<CloudChoice>(initial.cloud);
  const [services, setServices] = useState<ServiceChoices>(initial.services);
  const deferredText = useDeferredValue(text);
  const box = useTypedText(text, setText);

  async function load(picked: File) {
    const bytes = new Uint8Array(await picked.arrayBuffer());
    const read = readDomainFile(picked.name, bytes, { lang });
    setFileName(picked.name);
    if (read.kind === 'text') {
      setText(read.text);
      setFile(null);
      setColumn(null);
      return;
    }
    setFile(read);
    setColumn(read.kind === 'csv' ? (read.suggestedColumn ?? 0) : null);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) void load(dropped);
  }

  const csv: CsvImport | null = file?.kind === 'csv' ? file : null;
  const warning = useMemo(
    () => (csv && column !== null ? checkColumn(csv, column, { lang }) : null),
    [csv, column, lang],
  );
  const source: (RunSourceInput & { dropped?: boolean; fits?: boolean }) | null = useMemo(() => {
    if (file?.kind === 'error') return null;
    // What POST /api/runs takes (the server's own bounds): a list past them is sent as its valid names only.
    const maxLines = runLineLimit({ maxLines: policy.maxLines, maxDomainsPerRun });
    if (csv && column !== null) {
      const input = columnToEntries(csv, column);
      const limit = runBodyLimit({ maxBodyBytes: policy.maxBodyBytes, maxDomainsPerRun });
      const columns = otherColumns(csv, column);
      const fits = input.length <= maxLines && new TextEncoder().encode(JSON.stringify(input)).length + 4096 <= limit;
      return { input, columns: fits ? columnsWithin(input, columns, limit) : null, dropped: columns !== null, fits };
    }
    if (deferredText.trim() === '') return null;
    // Pasted text is sent as it is (its rejected lines stay with the run) unless it would not fit in the body.
    const limit = runBodyLimit({ maxBodyBytes: policy.maxBodyBytes, maxDomainsPerRun });
    const fits =
      deferredText.split('\n').length <= maxLines &&
      new TextEncoder().encode(deferredText).length * 1.1 + 4096 <= limit;
    return { input: deferredText, columns: null, fits };
  }, [file, csv, column, deferredText, policy, maxDomainsPerRun]);
  // The file's other columns would not fit in the run's body: the run starts without them, and says so.
  const columnsDropped = source?.dropped === true && source.columns === null;
  // Parsed in slices with the page's turn between them, or on a worker thread when it is big (a paste or file of
  // megabytes): it never freezes the page.
  const work = useMemo<SlicedWork<DomainList> | null>(() => {
    if (source === null) return null;
    const options = {
      allowTestDomains: policy.allowTestDomains,
      maxLineLength: policy.maxLineLength,
      maxDomains: maxDomainsPerRun,
      lang,
    };
    const reasonText = reasonTextIn(lang);
    return (slices) => parseList(source.input, options, reasonText, slices);
  }, [source, policy, maxDomainsPerRun, lang]);
  const sliced = useSliced(work);
  const { reading } = sliced;
  const list = work ? sliced.value : null;

  const canStart = !busy && reading === null && list !== null && list.domains.length > 0 && list.overLimit === null;
  /** Starts a run of `domains`; a part of the list (the first N) is sent as those names alone. */
  const start = (domains: string[], from: RunSourceInput = { input: domains, columns: null }) =>
    onStart(domains, cloud, services, from);
  const width = csv ? Math.max(csv.header?.length ?? 0, ...csv.preview.map((row) => row.length)) : 0;

  return (
    <section className="space-y-4 print:hidden" data-testid="bulk-input" aria-labelledby="bulk-input-heading">
      <h2 id="bulk-input-heading" className="text-lg font-semibold">
        {t('bulk.page.inputHeading')}
      </h2>
      <label className="block text-sm font-semibold" htmlFor="bulk-domains">
        {t('bulk.input.label')}
      </label>
      <ListBox
        boxRef={box}
        id="bulk-domains"
        data-testid="bulk-domains"
        rows={6}
        value={text}
        disabled={csv !== null}
        onText={setText}
        // `isolate`: painted on a layer of its own, so frames while a long list is read do not paint it again.
        className="isolate w-full rounded border border-slate-300 p-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone wraps a real file input */}
      <div
        data-testid="bulk-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded border-2 border-dashed p-4 text-sm ${dragging ? 'border-blue-500 bg-blue-50 dark:bg-blue-950' : 'border-slate-300 dark:border-slate-700'}`}
      >
        <label className="font-semibold" htmlFor="bulk-file">
          {t('bulk.input.file')}
        </label>{' '}
        <input
          id="bulk-file"
          data-testid="bulk-file"
          type="file"
          accept=".txt,.csv,.tsv,text/plain,text/csv"
          onChange={(event) => {
            const picked = event.target.files?.[0];
            if (picked) void load(picked);
          }}
        />
        <span className="ml-2 text-slate-600 dark:text-slate-400">{t('bulk.input.drop')}</span>
        {file ? (
          <button
            type="button"
            data-testid="bulk-clear-file"
            onClick={() => {
              setFile(null);
              setColumn(null);
              setFileName(null);
            }}
            className="ml-2 underline"
          >
            {t('bulk.input.clearFile')}
          </button>
        ) : null}
      </div>
      {file?.kind === 'error' ? (
        <p role="alert" data-testid="bulk-file-error" className="font-semibold text-red-800 dark:text-red-300">
          <DnsText value={file.message} mono={false} />
        </p>
      ) : null}
      {csv ? (
        <div className="space-y-2">
          <label className="block text-sm font-semibold" htmlFor="bulk-column">
            {t('bulk.input.column')}
          </label>
          <select
            id="bulk-column"
            data-testid="bulk-column"
            value={column ?? 0}
            onChange={(event) => setColumn(Number(event.target.value))}
            className="rounded border border-slate-300 p-1 dark:border-slate-700 dark:bg-slate-900"
          >
            {Array.from({ length: width }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
              <option key={i} value={i}>
                {t('bulk.input.columnOption', {
                  n: i + 1,
                  name: toVisibleText(csv.header?.[i] ?? csv.preview[0]?.[i] ?? ''),
                })}
              </option>
            ))}
          </select>
          {warning ? (
            <p role="alert" data-testid="bulk-column-warning" className="text-amber-800 dark:text-amber-300">
              <DnsText value={warning.message} mono={false} />
            </p>
          ) : null}
          <table className="text-sm" data-testid="bulk-preview">
            <caption className="text-left text-slate-600 dark:text-slate-400">
              <DnsText value={t('bulk.input.preview', { file: fileName ?? '' })} mono={false} />
            </caption>
            {csv.header ? (
              <thead>
                <tr>
                  {csv.header.map((cell, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                    <th key={i} className={`px-2 text-left ${i === column ? 'bg-blue-100 dark:bg-blue-900' : ''}`}>
                      <DnsText value={cell} mono={false} limit={PREVIEW_CELL_CHARS} />
                    </th>
                  ))}
                </tr>
              </thead>
            ) : null}
            <tbody>
              {csv.preview.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: preview rows are positional
                <tr key={r}>
                  {Array.from({ length: width }, (_, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                    <td key={i} className={`px-2 ${i === column ? 'bg-blue-50 dark:bg-blue-950' : ''}`}>
                      <DnsText value={row[i] ?? ''} mono={false} limit={PREVIEW_CELL_CHARS} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {reading !== null ? (
        <p data-testid="bulk-list-counts" data-reading="true" className="text-sm font-semibold">
          <ReadingProgress feed={reading} />
        </p>
      ) : list ? (
        <ListSummary
          list={list}
          busy={busy}
          onStartFirst={(domains) => start(domains)}
          onSplit={(first, rest) => {
            setText(rest.join('\n'));
            setFile(null);
            setColumn(null);
            setFileName(null);
            start(first);
          }}
          onRemoveRejected={csv ? undefined : () => setText(withoutRejected(text, list.invalid))}
        />
      ) : null}
      {columnsDropped ? (
        <p data-testid="bulk-columns-dropped" className="text-sm text-amber-800 dark:text-amber-300">
          {t('bulk.input.columnsDropped')}
        </p>
      ) : null}
      <div className="max-w-sm">
        <label htmlFor="bulk-cloud" className="block text-sm font-semibold">
          {t('ui.form.cloudLabel')}
        </label>
        <p id="bulk-cloud-help" className="mb-2 mt-0.5 text-sm text-slate-600 dark:text-slate-400">
          {t('ui.form.cloudHelp')}
        </p>
        <CloudSelect id="bulk-cloud" value={cloud} onChange={setCloud} describedBy="bulk-cloud-help" />
      </div>
      <ServicesField value={services} onChange={setServices} />
      {canStartRuns ? null : (
        <p data-testid="bulk-viewer-note" className="text-sm text-slate-700 dark:text-slate-300">
          {t('bulk.input.operatorsOnly')}
        </p>
      )}
      <button
        hidden={!canStartRuns}
        type="button"
        data-testid="bulk-start"
        disabled={!canStart}
        aria-describedby={
          [list?.overLimit ? 'bulk-over-limit' : '', startDescribedBy ?? ''].join(' ').trim() || undefined
        }
        onClick={() =>
          list &&
          source &&
          start(
            list.domains.map((d) => d.ascii),
            source.fits === false ? { input: list.domains.map((d) => d.ascii), columns: null } : source,
          )
        }
        className="rounded bg-blue-700 px-4 py-2 font-semibold text-white disabled:opacity-50 print:hidden"
      >
        {busy ? t('bulk.input.starting') : t('bulk.input.start')}
      </button>
      {startProblem}
    </section>
  );
}

type SummaryProps = {
  list: DomainList;
  busy: boolean;
  /** Starts a run of these domains (the first ones of a list over the limit). */
  onStartFirst: (domains: string[]) => void;
  /** Starts a run of `first` and keeps `rest` in the box for the next run. */
  onSplit: (first: string[], rest: string[]) => void;
  /** Cuts the rejected entries out of the text box; absent for a CSV column. */
  onRemoveRejected: (() => void) | undefined;
};

function ListSummary({ list, busy, onStartFirst, onSplit, onRemoveRejected }: SummaryProps) {
  const { t, num } = useT();
  const { overLimit } = list;
  const ascii = list.domains.map((d) => d.ascii);
  return (
    <div className="space-y-1 text-sm" data-testid="bulk-list-summary">
      <p data-testid="bulk-list-counts" className="font-semibold">
        {t('bulk.input.counts', {
          valid: num(list.domains.length),
          duplicates: num(list.duplicates.length),
          rejected: num(rejectedLineCount(list.invalid)),
        })}
      </p>
      {overLimit ? (
        <div
          role="alert"
          id="bulk-over-limit"
          data-testid="bulk-over-limit"
          className="space-y-2 rounded border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p className="font-semibold">
            {t('bulk.input.overLimit', { count: num(overLimit.count), limit: num(overLimit.limit) })}
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              data-testid="bulk-start-first"
              disabled={busy}
              onClick={() => onStartFirst(ascii.slice(0, overLimit.limit))}
              className="rounded bg-blue-700 px-3 py-1.5 font-semibold text-white disabled:opacity-50"
            >
              {t('bulk.input.startFirst', { limit: num(overLimit.limit) })}
            </button>
            <button
              type="button"
              data-testid="bulk-split"
              disabled={busy}
              onClick={() => onSplit(ascii.slice(0, overLimit.limit), ascii.slice(overLimit.limit))}
              className="rounded border border-current/40 bg-white px-3 py-1.5 font-semibold disabled:opacity-50 dark:bg-slate-900"
            >
              {t('bulk.input.split', {
                limit: num(overLimit.limit),
                rest: num(overLimit.count - overLimit.limit),
              })}
            </button>
          </div>
        </div>
      ) : null}
      {list.invalid.length > 0 ? (
        <div data-testid="bulk-rejected" className="text-red-800 dark:text-red-300">
          <RejectedLines
            invalid={list.invalid}
            onRemove={onRemoveRejected}
            renderEntry={(entry) => (
              <DnsText
                value={t('bulk.input.rejected', { line: entry.line, input: entry.input, reason: entry.reason })}
                mono={false}
              />
            )}
          />
        </div>
      ) : null}
      {list.duplicates.length > 0 ? (
        <ul data-testid="bulk-duplicates" className="list-disc pl-5 text-slate-600 dark:text-slate-400">
          {list.duplicates.slice(0, LIST_LIMIT).map((entry) => (
            <li key={`${entry.line}:${entry.input}`}>
              <DnsText
                value={t('bulk.input.duplicate', { line: entry.line, input: entry.input, first: entry.firstLine })}
                mono={false}
              />
            </li>
          ))}
          {list.duplicates.length > LIST_LIMIT ? <li>…</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
