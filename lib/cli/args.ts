/**
 * The command line of `m365-dns-health check`: domains or `--file`, how to check, how to print, where to check.
 * Returns a usage error (bad input, exit code 4) rather than throwing.
 */
import { parseArgs } from 'node:util';
import { parseServicesParam } from '@/lib/input/services';
import { DEFAULT_LANGUAGE, matchLanguage } from '@/lib/messages';
import { CLOUD_CHOICES, type CloudChoice, type ServiceOverride } from '@/lib/schema';

export type OutputFormat = 'table' | 'json' | 'ndjson' | 'csv' | 'csv-records';

export type CliOptions = {
  domains: string[];
  file?: string;
  /** A CSV file's column: a 1-based number or a header name. */
  column?: string;
  cloud: CloudChoice;
  services?: ServiceOverride;
  lang: string;
  format: OutputFormat;
  server?: string;
  token?: string;
};

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; help: boolean; message: string };

/** Parses `argv` (without node and the script); `env` gives `M365_TOKEN` and `LANG`-independent defaults. */
export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined>): ParsedArgs {
  let format: OutputFormat = 'table';
  const rest: string[] = [];
  // `--csv` and `--csv=records` are one flag with an optional value, which parseArgs cannot express.
  for (const arg of argv) {
    if (arg === '--csv') format = 'csv';
    else if (arg === '--csv=records') format = 'csv-records';
    else if (arg.startsWith('--csv=')) return { ok: false, help: false, message: `Unknown CSV layout: ${arg}` };
    else rest.push(arg);
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    return { ok: false, help: false, message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: false, help: true, message: '' };
  const [command, ...domains] = positionals;
  if (command !== 'check') {
    return { ok: false, help: true, message: command ? `Unknown command: ${command}` : '' };
  }
  const formats = [values.json && 'json', values.ndjson && 'ndjson', format !== 'table' && format].filter(Boolean);
  if (formats.length > 1) return { ok: false, help: false, message: 'Give one output format.' };
  if (values.json) format = 'json';
  if (values.ndjson) format = 'ndjson';
  const cloud = values.cloud ?? 'auto';
  if (!(CLOUD_CHOICES as readonly string[]).includes(cloud)) {
    return { ok: false, help: false, message: `Unknown cloud: ${cloud}. Use one of: ${CLOUD_CHOICES.join(', ')}.` };
  }
  const services = parseServicesParam(values.services);
  if (services === null) {
    return { ok: false, help: false, message: `Unknown services: ${values.services}. Use e.g. mail,teams or none.` };
  }
  const lang = values.lang === undefined ? DEFAULT_LANGUAGE : matchLanguage(values.lang);
  if (!lang) return { ok: false, help: false, message: `Unknown language: ${values.lang}. Use en or zh-CN.` };
  if (values.column !== undefined && values.file === undefined) {
    return { ok: false, help: false, message: '--column needs --file.' };
  }
  if (values.token !== undefined && values.server === undefined) {
    return { ok: false, help: false, message: '--token needs --server.' };
  }
  return {
    ok: true,
    options: {
      domains,
      ...(values.file !== undefined ? { file: values.file } : {}),
      ...(values.column !== undefined ? { column: values.column } : {}),
      cloud: cloud as CloudChoice,
      ...(services !== undefined ? { services } : {}),
      lang,
      format,
      ...(values.server !== undefined ? { server: values.server.replace(/\/+$/, '') } : {}),
      ...((values.token ?? env.M365_TOKEN) ? { token: values.token ?? env.M365_TOKEN } : {}),
    },
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      cloud: { type: 'string' },
      services: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
      ndjson: { type: 'boolean' },
      file: { type: 'string' },
      column: { type: 'string' },
      server: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
