/**
 * `m365-dns-health check …`: the command-line tool (issue 19), on the same core as the server. Compiled to
 * dist/cli.mjs by scripts/build-cli.mjs (the package's `bin`). Exit codes (README "Command line"): EXIT below.
 */
import { makeTranslator } from '@/lib/client/translator';
import type { DomainList } from '@/lib/report/domain-list';
import type { Report } from '@/lib/schema';
import { getConfig, type ServerConfig } from '@/lib/server/env';
import { type CliOptions, parseCliArgs } from './args';
import { terminalSafe } from './escape';
import { readInput } from './input';
import { checkLocally } from './local';
import {
  csvForTerminal,
  jsonOutput,
  ndjsonDone,
  ndjsonInvalid,
  ndjsonReport,
  recordsCsv,
  summaryCsv,
  tableBlock,
} from './output';
import { checkRemotely, ServerError } from './remote';

/** The exit codes a pipeline can use; a list takes the first that applies in this order: 130, 5, 4, 2, 3, 1, 0. */
export const EXIT = {
  healthy: 0,
  needsAttention: 1,
  broken: 2,
  couldNotCheck: 3,
  badInput: 4,
  error: 5,
  interrupted: 130,
} as const;

type Io = { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv };

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (text === '') resolve();
    else stream.write(text, () => resolve());
  });
}

/** The exit code of a finished list: bad input, then the worst health (broken, could not check, needs attention). */
export function exitCodeOf(reports: readonly Report[], rejected: number): number {
  if (rejected > 0) return EXIT.badInput;
  const health = new Set(reports.map((r) => r.summary.health));
  if (health.has('broken')) return EXIT.broken;
  if (health.has('could-not-check')) return EXIT.couldNotCheck;
  if (health.has('needs-attention')) return EXIT.needsAttention;
  return EXIT.healthy;
}

/** Runs the command line `argv`; resolves to the exit code (never throws for bad input or DNS). */
export async function main(argv: readonly string[], io: Io, signal: AbortSignal): Promise<number> {
  const parsed = parseCliArgs(argv, io.env);
  const lang = parsed.ok ? parsed.options.lang : 'en';
  const t = makeTranslator(lang, { timeZone: 'UTC' }).t;
  const say = (text: string) => write(io.stderr, `${terminalSafe(text)}\n`);
  if (!parsed.ok) {
    if (parsed.help && parsed.message === '') {
      await write(io.stdout, `${t('cli.usage')}\n`);
      return argv.length === 0 ? EXIT.badInput : EXIT.healthy;
    }
    await say(parsed.message);
    await write(io.stderr, `\n${t('cli.usage')}\n`);
    return EXIT.badInput;
  }
  const options = parsed.options;
  let config: ServerConfig;
  try {
    config = getConfig();
  } catch (error) {
    await say((error as Error).message);
    return EXIT.badInput;
  }
  const input = await readInput(options, config);
  if (!input.ok) {
    await say(t(input.code, input.params));
    return EXIT.badInput;
  }
  const { list } = input;
  for (const entry of list.invalid) {
    await say(t('cli.rejected', { line: entry.line, input: entry.input, reason: entry.reason }));
  }
  for (const entry of list.duplicates) {
    await say(t('cli.duplicate', { line: entry.line, input: entry.input, first: entry.firstLine }));
  }
  if (list.domains.length === 0) {
    if (list.invalid.length === 0) await say(t('cli.error.noDomain'));
    if (options.format === 'ndjson') await write(io.stdout, ndjsonInvalid(list) + ndjsonDone(list, 0));
    return EXIT.badInput;
  }
  return checkAll(options, config, list, io, signal, t);
}

async function checkAll(
  options: CliOptions,
  config: ServerConfig,
  list: DomainList,
  io: Io,
  signal: AbortSignal,
  t: (code: string, params?: Record<string, string | number>) => string,
): Promise<number> {
  const settings = { cloud: options.cloud, services: options.services, lang: options.lang };
  const targets = list.domains;
  const reports: Report[] = [];
  const tty = io.stdout.isTTY === true;
  const progress = io.stderr.isTTY === true ? progressBar(io.stderr, targets.length, t) : null;
  if (options.format === 'ndjson') await write(io.stdout, ndjsonInvalid(list));
  const source = options.server
    ? checkRemotely(options.server, options.token, targets, settings, signal)
    : checkLocally(targets, settings, config, signal);
  let failure: ServerError | null = null;
  try {
    for await (const report of source) {
      reports.push(report);
      progress?.clear();
      if (options.format === 'table') await write(io.stdout, tableBlock(report, t));
      if (options.format === 'ndjson') await write(io.stdout, ndjsonReport(report));
      progress?.draw(reports.length);
      if (signal.aborted) break;
    }
  } catch (error) {
    if (!(error instanceof ServerError)) throw error;
    failure = error;
  }
  progress?.clear();
  // What is printed at the end: the finished rows (all of them, or those done before Ctrl-C).
  const byInput = orderByInput(reports, targets);
  if (options.format === 'json') await write(io.stdout, jsonOutput(byInput, options.domains.length === 1));
  if (options.format === 'ndjson' && !signal.aborted && !failure)
    await write(io.stdout, ndjsonDone(list, reports.length));
  if (options.format === 'csv' || options.format === 'csv-records') {
    const csv = options.format === 'csv' ? summaryCsv(list, byInput, t) : recordsCsv(byInput, options.lang);
    await write(io.stdout, tty ? csvForTerminal(csv) : csv);
  }
  if (failure) {
    const url = options.server ?? '';
    await write(
      io.stderr,
      `${terminalSafe(
        failure.status === 0
          ? t('cli.error.unreachable', { url, message: failure.message })
          : t('cli.error.server', { url, status: failure.status, message: failure.message }),
      )}\n`,
    );
    return ['invalid-input', 'too-many-domains', 'payload-too-large'].includes(failure.code)
      ? EXIT.badInput
      : EXIT.error;
  }
  if (signal.aborted) {
    await write(io.stderr, `${t('cli.interrupted', { done: reports.length, total: targets.length })}\n`);
    return EXIT.interrupted;
  }
  return exitCodeOf(reports, list.invalid.length);
}

function orderByInput(reports: readonly Report[], targets: readonly { ascii: string }[]): Report[] {
  const at = new Map(targets.map((target, i) => [target.ascii, i]));
  return [...reports].sort((a, b) => (at.get(a.domain) ?? 0) - (at.get(b.domain) ?? 0));
}

/** A one-line bar on stderr (only when it is a terminal): `[#####-----] 5 of 10 checked`. */
function progressBar(
  stream: NodeJS.WriteStream,
  total: number,
  t: (code: string, params?: Record<string, string | number>) => string,
) {
  const WIDTH = 24;
  let shown = false;
  const draw = (done: number) => {
    const filled = Math.round((done / Math.max(1, total)) * WIDTH);
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${t('cli.progress', { done, total })}`);
    shown = true;
  };
  draw(0);
  return {
    draw,
    clear: () => {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
