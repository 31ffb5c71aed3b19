/**
 * The two share links of the bulk page, and reading /bulk's address:
 * - the input link `/bulk?d=…|z=…&cloud=…&s=…` (lib/share/url-state.ts's form) pre-fills the list, cloud and
 *   services and runs the check anew. A list whose compressed form is too long for a request line (servers refuse
 *   request heads over 8–16 KB, about 1,000 domains) goes after `#` instead: the fragment never reaches the
 *   server and the page reads it in the browser.
 * - the result link `/bulk?run=<id>` shows the stored results of one run.
 * Decoding is bounded and never throws, whatever the address holds. Pure and browser-safe.
 */
import { AUTO_SERVICES, type ServiceChoices } from '@/lib/client/services';
import type { CloudChoice } from '@/lib/schema';
import {
  DEFAULT_SHARE_LIMITS,
  encodeShareState,
  readShareState,
  type SearchParamsLike,
  type ShareLimits,
  type ShareNotice,
  type ShareState,
} from '@/lib/share/url-state';
import { VIEW_PARAMS } from './view-query';

/** Above this many characters the input link's state moves from the query to the fragment. */
export const MAX_QUERY_LINK_CHARS = 8000;
/** The server ignores a `d` or `z` longer than this (a real link puts such a list in the fragment). */
export const MAX_SERVER_LIST_CHARS = 2 * MAX_QUERY_LINK_CHARS;
/** The fragment is read only up to this length: enough for MAX_DOMAINS_PER_RUN's 5,000 domains compressed. */
export const MAX_FRAGMENT_CHARS = 120_000;
/** A run id is what the server makes (22 base64url characters); anything else is not looked up. */
const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type BulkInputState = { domains: string[]; cloud: CloudChoice; services: ServiceChoices };

export type BulkParams = {
  /** `?run=<id>` when it has the form of a run id. */
  run: string | null;
  /** `?run=` was given but cannot be a run id (the page says "no such run" without asking the server). */
  badRun: boolean;
  /** The input link's list, cloud and services (an empty list when there is none). */
  input: BulkInputState;
  /** What the reader is told about the link's list (over the limits, entries left out). */
  notices: ShareNotice[];
};

const EMPTY_INPUT: BulkInputState = { domains: [], cloud: 'auto', services: AUTO_SERVICES };

function first(params: SearchParamsLike, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Only the share params, bounded: a `d` or `z` over `maxListChars` is dropped before it is decompressed. */
function shareParams(params: SearchParamsLike, maxListChars: number): URLSearchParams {
  const out = new URLSearchParams();
  for (const name of ['d', 'z', 'cloud', 's']) {
    const value = first(params, name);
    if (value === undefined) continue;
    if ((name === 'd' || name === 'z') && value.length > maxListChars) continue;
    out.set(name, value.slice(0, name === 'd' || name === 'z' ? maxListChars : 200));
  }
  return out;
}

/** Reads /bulk's search params (on the server or in the browser) within `limits`. Never throws. */
export function decodeBulkParams(params: SearchParamsLike, limits: ShareLimits = DEFAULT_SHARE_LIMITS): BulkParams {
  const rawRun = first(params, 'run');
  const run = rawRun !== undefined && RUN_ID.test(rawRun) ? rawRun : null;
  let input = EMPTY_INPUT;
  let notices: ShareNotice[] = [];
  try {
    ({ state: input, notices } = readShareState(shareParams(params, MAX_SERVER_LIST_CHARS), limits));
  } catch {
    // readShareState does not throw; this only keeps the page up if that ever changes.
  }
  return { run, badRun: rawRun !== undefined && rawRun !== '' && run === null, input, notices };
}

/**
 * Reads an input link's fragment (`#z=…&cloud=…&s=…`, with or without the `#`) within `limits`: the list and what
 * the reader is told about it; null when it holds no list and there is nothing to say.
 */
export function readBulkFragment(
  hash: string,
  limits: ShareLimits = DEFAULT_SHARE_LIMITS,
): { input: BulkInputState; notices: ShareNotice[] } | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return null;
  if (text.length > MAX_FRAGMENT_CHARS) {
    return { input: EMPTY_INPUT, notices: [{ kind: 'over-limit', maxChars: limits.maxChars }] };
  }
  try {
    const { state, notices } = readShareState(shareParams(new URLSearchParams(text), MAX_FRAGMENT_CHARS), limits);
    return state.domains.length > 0 || notices.length > 0 ? { input: state, notices } : null;
  } catch {
    return null;
  }
}

/** The fragment's list alone; null when it holds none (see readBulkFragment). */
export function decodeBulkFragment(hash: string, limits: ShareLimits = DEFAULT_SHARE_LIMITS): BulkInputState | null {
  const read = readBulkFragment(hash, limits);
  return read && read.input.domains.length > 0 ? read.input : null;
}

/**
 * An input link (path and query or fragment, no origin): `<path>?<share state>`, or `<path>#<share state>` when the
 * query would be longer than MAX_QUERY_LINK_CHARS. `keep` (e.g. `lang=zh-CN`) stays in the query either way.
 */
export function inputLink(path: string, state: ShareState, keep = ''): string {
  const query = encodeShareState(state);
  if (query.length > MAX_QUERY_LINK_CHARS) return `${path}${keep ? `?${keep}` : ''}#${query}`;
  return `${path}?${query}${keep ? `&${keep}` : ''}`;
}

/** The bulk page's input link. */
export function bulkInputLink(state: ShareState): string {
  return inputLink('/bulk', state);
}

/** The result link of run `id` (path and query). */
export function bulkResultLink(id: string): string {
  return `/bulk?run=${encodeURIComponent(id)}`;
}

/**
 * The query for the address bar once run `id` has started: `run=<id>` replaces the input link's params (so a
 * reload resumes the run instead of starting another); others such as `lang` stay. Returns it without `?`.
 */
export function runQuery(currentSearch: string, id: string): string {
  const params = new URLSearchParams(currentSearch);
  // The previous run's table view (./view-query.ts) goes too.
  for (const key of ['d', 'z', 'cloud', 's', 'run', ...VIEW_PARAMS]) params.delete(key);
  const rest = params.toString();
  return `run=${encodeURIComponent(id)}${rest ? `&${rest}` : ''}`;
}
