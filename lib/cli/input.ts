/**
 * The CLI's list: the domains on the command line, or a file read as the bulk page reads an upload
 * (lib/bulk/csv-import.ts: a .txt list, or one column of a .csv, each entry at its file line), parsed by the same
 * list parser as the API (lib/report/domain-list.ts): accepted domains, rejected lines with their line and reason,
 * duplicates.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { columnToEntries, readDomainFile } from '@/lib/bulk/csv-import';
import { type DomainList, parseDomainList } from '@/lib/report/domain-list';
import type { CliOptions } from './args';

export type CliInput = { ok: true; list: DomainList } | { ok: false; code: string; params: Record<string, string> };

/** The list to check, or why there is none (a message code under `cli.error` or `bulk.import`). */
export async function readInput(
  options: Pick<CliOptions, 'domains' | 'file' | 'column' | 'lang'>,
  policy: { allowTestDomains: boolean; maxLineLength: number },
): Promise<CliInput> {
  const parse = (input: string | string[]) =>
    parseDomainList(input, { ...policy, maxDomains: Number.MAX_SAFE_INTEGER, lang: options.lang });
  if (options.file === undefined) {
    if (options.domains.length === 0) return { ok: false, code: 'cli.error.noDomain', params: {} };
    return { ok: true, list: parse(options.domains) };
  }
  if (options.domains.length > 0) return { ok: false, code: 'cli.error.both', params: {} };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(options.file);
  } catch (error) {
    return { ok: false, code: 'cli.error.file', params: { file: options.file, message: (error as Error).message } };
  }
  const file = readDomainFile(basename(options.file), bytes, { lang: options.lang });
  if (file.kind === 'error') return { ok: false, code: 'cli.error.list', params: { message: file.message } };
  if (file.kind === 'text') return { ok: true, list: parse(file.text) };
  const column = pickColumn(file.header, file.suggestedColumn, options.column);
  if (column === null) return { ok: false, code: 'cli.error.column', params: { column: options.column ?? '' } };
  return { ok: true, list: parse(columnToEntries(file, column)) };
}

/** The 0-based column: `--column` as a 1-based number or a header name (any case), else the suggested one. */
function pickColumn(header: string[] | null, suggested: number | null, wanted: string | undefined): number | null {
  if (wanted === undefined) return suggested ?? 0;
  if (/^\d+$/.test(wanted)) return Number(wanted) >= 1 ? Number(wanted) - 1 : null;
  const at = header?.findIndex((name) => name.trim().toLowerCase() === wanted.trim().toLowerCase()) ?? -1;
  return at >= 0 ? at : null;
}
