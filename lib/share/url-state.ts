/**
 * The shareable state of a check in the page URL: the checked domains, the cloud and the services the user set.
 * `?d=a.com,b.com&cloud=auto` while short; `?z=<lz-string>&cloud=auto` once the list is long.
 * `&s=mail:on,intune:off` lists the services the user set (absent ones are detected from DNS).
 * Both forms are accepted on load; anything unreadable yields an empty list, never an exception.
 * Reading is bounded by the page's limits (ShareLimits, derived from the server's input policy): the list is
 * decompressed only up to the longest list the page could check, and entries longer than a line may be are
 * left out, so a small hostile link cannot make a page render megabytes.
 * Pure and browser-safe (the server page decodes it too, so the form is filled before hydration).
 */
import { compressToEncodedURIComponent } from 'lz-string';
import { readServices, type ServiceChoices, servicesParam } from '@/lib/input/services';
import { type CloudChoice, CloudChoice as CloudChoiceSchema } from '@/lib/schema';
import { decompressBounded } from './lz-bounded';

export type ShareState = {
  /** Domains as they were checked (ASCII form), in input order. */
  domains: string[];
  cloud: CloudChoice;
  /** Services as set in the form; absent means every service is detected from DNS. */
  services?: ServiceChoices;
};

/** Above this many characters in the plain `d` list, the list is compressed into `z`. */
export const COMPRESS_ABOVE_CHARS = 1500;
/** Inputs longer than this are not read at all (bounded work for a hostile link, before any decompression). */
export const MAX_PARAM_CHARS = 200_000;

/** How much of a link's list a page restores. */
export type ShareLimits = {
  /** Characters the list may have once decompressed; a longer list is not restored at all. */
  maxChars: number;
  /** Entries longer than this are left out (and counted): the longest line the form accepts. */
  maxEntryChars: number;
  /** Entries a list may have; with more it is not restored at all. */
  maxEntries: number;
};

/**
 * The limits of a page whose list is checked under `policy`: the most lines it takes, each at most a line's
 * length (plus its separator), and never more than a request body may hold. Anything longer could not be
 * checked there anyway.
 */
export function shareLimits(policy: { maxLines: number; maxLineLength: number; maxBodyBytes: number }): ShareLimits {
  return {
    maxChars: Math.min(policy.maxLines * (policy.maxLineLength + 1), policy.maxBodyBytes),
    maxEntryChars: policy.maxLineLength,
    maxEntries: policy.maxLines,
  };
}

/** The limits under the server's default input policy (lib/server/env.ts); pages pass their server's own. */
export const DEFAULT_SHARE_LIMITS: ShareLimits = shareLimits({
  maxLines: 5000,
  maxLineLength: 1024,
  maxBodyBytes: 512 * 1024,
});

/** What a page tells the reader about the list of the link it was opened with. */
export type ShareNotice =
  /** The list is longer than the page takes (`max` characters or entries): nothing was restored. */
  | { kind: 'over-limit'; maxChars: number }
  /** `count` entries were longer than `max` characters and were left out. */
  | { kind: 'long-entries'; count: number; max: number }
  /** The server's rate limit for this client was reached: the list was not read. */
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  /** The page was opened from another site: the list is shown, nothing is checked until the reader starts it. */
  | { kind: 'cross-site' };

export type ShareRead = { state: ShareState & { services: ServiceChoices }; notices: ShareNotice[] };

/** Search params as Next gives them to a page, or as URLSearchParams in the browser. */
export type SearchParamsLike = URLSearchParams | Readonly<Record<string, string | string[] | undefined>>;

function readParam(params: SearchParamsLike, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

type ListRead = { domains: string[]; notices: ShareNotice[] };

const overLimit = (limits: ShareLimits): ListRead => ({
  domains: [],
  notices: [{ kind: 'over-limit', maxChars: limits.maxChars }],
});

function splitList(text: string, limits: ShareLimits): ListRead {
  if (text.length > limits.maxChars) return overLimit(limits);
  const domains: string[] = [];
  let long = 0;
  for (const entry of text.split(/[\s,;]+/)) {
    if (entry.length === 0) continue;
    if (entry.length > limits.maxEntryChars) long++;
    else if (domains.length === limits.maxEntries) return overLimit(limits);
    else domains.push(entry);
  }
  return { domains, notices: long > 0 ? [{ kind: 'long-entries', count: long, max: limits.maxEntryChars }] : [] };
}

function readZ(z: string, limits: ShareLimits): ListRead {
  const text = decompressBounded(z, limits.maxChars);
  if (text.ok) return splitList(text.text, limits);
  return text.reason === 'unreadable' ? { domains: [], notices: [] } : overLimit(limits);
}

/** Reads `s=mail:on,teams:off` (unreadable parts mean "detect"; see lib/input/services.ts). */
export const decodeServices = readServices;

/** Writes the services the user set as `mail:on,teams:off` (the GET `services=` form); empty when none was set. */
export function encodeServices(services: ServiceChoices | undefined): string {
  return servicesParam(services) ?? '';
}

/**
 * Reads the share state from search params, within `limits`, with what the reader should be told about the list.
 * `z` wins over `d` when both are present. An unknown cloud falls back to `auto`; garbage in `z` gives an empty
 * list; unreadable services are detected. A list over the limits is not restored (an `over-limit` notice);
 * entries longer than a line are left out (a `long-entries` notice).
 */
export function readShareState(params: SearchParamsLike, limits: ShareLimits = DEFAULT_SHARE_LIMITS): ShareRead {
  const cloudParam = readParam(params, 'cloud');
  const cloud = CloudChoiceSchema.safeParse(cloudParam);
  const z = readParam(params, 'z');
  const d = readParam(params, 'd');
  let list: ListRead = { domains: [], notices: [] };
  if (z !== undefined && z.length > 0) {
    list = z.length <= MAX_PARAM_CHARS ? readZ(z, limits) : overLimit(limits);
  } else if (d !== undefined) {
    list = splitList(d, { ...limits, maxChars: Math.min(limits.maxChars, MAX_PARAM_CHARS) });
  }
  const services = decodeServices(readParam(params, 's'));
  return {
    state: { domains: list.domains, cloud: cloud.success ? cloud.data : 'auto', services },
    notices: list.notices,
  };
}

/** The share state alone (see readShareState). */
export function decodeShareState(
  params: SearchParamsLike,
  limits: ShareLimits = DEFAULT_SHARE_LIMITS,
): ShareState & { services: ServiceChoices } {
  return readShareState(params, limits).state;
}

/**
 * Builds the query string (without `?`) for a state: `d=a.com,b.com&cloud=auto`, or `z=…&cloud=auto`
 * when the plain list would be longer than COMPRESS_ABOVE_CHARS, then `&s=…` when a service was set.
 * An empty list gives only the cloud (and services).
 */
export function encodeShareState(state: ShareState): string {
  const list = state.domains.join(',');
  const services = encodeServices(state.services);
  // Service names and states are fixed lower-case words: `:` and `,` need no escaping in a query.
  const cloud = `cloud=${encodeURIComponent(state.cloud)}${services ? `&s=${services}` : ''}`;
  if (list.length === 0) return cloud;
  if (list.length > COMPRESS_ABOVE_CHARS) return `z=${compressToEncodedURIComponent(list)}&${cloud}`;
  // Checked domains are ASCII (LDH + dots), so commas stay readable; anything else is escaped.
  const encoded = state.domains.map((d) => encodeURIComponent(d)).join(',');
  return `d=${encoded}&${cloud}`;
}

/**
 * Replaces the share params (`d`, `z`, `cloud`, `s`) in an existing query string and keeps the others
 * (e.g. `lang`). Returns the new query without `?`.
 */
export function mergeShareQuery(currentSearch: string, state: ShareState): string {
  const params = new URLSearchParams(currentSearch);
  for (const key of ['d', 'z', 'cloud', 's']) params.delete(key);
  const rest = params.toString();
  const share = encodeShareState(state);
  return rest ? `${share}&${rest}` : share;
}
