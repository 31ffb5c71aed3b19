/**
 * Structured JSON logs (pino): one line per event, UTC timestamps, secrets redacted. Domain lists and DNS
 * data are logged only at debug level; info lines carry ids, counts and timings.
 */
import pino, { type Logger } from 'pino';
import { getConfig } from './env';

/** Paths whose values never reach a log line, whatever level. */
export const REDACT_PATHS = [
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'ownerToken',
  '*.ownerToken',
  'headers["x-run-owner"]',
];

/** Creates a logger writing JSON lines to `destination` (stdout by default). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'm365-dns-health', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

const LOG_KEY = Symbol.for('m365-dns-health.log');
type WithLog = typeof globalThis & { [LOG_KEY]?: Logger };

/** The process logger (level from LOG_LEVEL), shared through globalThis. */
export function getLog(): Logger {
  const g = globalThis as WithLog;
  if (!g[LOG_KEY]) {
    let level = 'info';
    try {
      level = getConfig().logLevel;
    } catch {
      // A bad configuration is reported by start-up validation; logging still works.
    }
    g[LOG_KEY] = createLogger(level);
  }
  return g[LOG_KEY];
}

/** The request headers worth logging (authorization and cookie are redacted by the logger). */
export function loggableHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [
    'user-agent',
    'content-type',
    'content-length',
    'origin',
    'sec-fetch-site',
    'authorization',
    'cookie',
  ]) {
    const value = headers.get(name);
    if (value !== null) out[name] = value.slice(0, 256);
  }
  return out;
}

/**
 * A run id as a log shows it: its first 4 characters and "…". The id reads the run (the result link), so a log
 * never holds one whole; 24 of its 128 bits tell runs apart in a log and open nothing.
 */
export function redactRunId(id: string): string {
  return `${id.slice(0, 4)}…`;
}

/** A request path as a log shows it: the run id of `/api/runs/<id>…` redacted (`redactRunId`). */
export function loggablePath(pathname: string): string {
  return pathname.replace(/\/runs\/([^/]+)/, (_all, id: string) => `/runs/${redactRunId(id)}`);
}
