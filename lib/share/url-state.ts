/**
 * The shareable state of a check in the page URL: the checked domains and the cloud.
 * `?d=a.com,b.com&cloud=auto` while short; `?z=<lz-string>&cloud=auto` once the list is long.
 * Both forms are accepted on load; anything unreadable yields an empty list, never an exception.
 * Pure and browser-safe (the server page decodes it too, so the form is filled before hydration).
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { type CloudChoice, CloudChoice as CloudChoiceSchema } from '@/lib/schema';

export type ShareState = {
  /** Domains as they were checked (ASCII form), in input order. */
  domains: string[];
  cloud: CloudChoice;
};

/** Above this many characters in the plain `d` list, the list is compressed into `z`. */
export const COMPRESS_ABOVE_CHARS = 1500;
/** Inputs longer than this are ignored on load (bounded work for a hostile link). */
export const MAX_PARAM_CHARS = 200_000;
/** At most this many domains are restored from a link; the form validates the rest like pasted text. */
export const MAX_SHARED_DOMAINS = 20_000;

/** Search params as Next gives them to a page, or as URLSearchParams in the browser. */
export type SearchParamsLike = URLSearchParams | Readonly<Record<string, string | string[] | undefined>>;

function readParam(params: SearchParamsLike, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter((d) => d.length > 0)
    .slice(0, MAX_SHARED_DOMAINS);
}

function decompress(z: string): string {
  try {
    const text = decompressFromEncodedURIComponent(z);
    return typeof text === 'string' ? text : '';
  } catch {
    return '';
  }
}

/**
 * Reads the share state from search params. `z` wins over `d` when both are present.
 * An unknown cloud falls back to `auto`; garbage in `z` gives an empty list.
 */
export function decodeShareState(params: SearchParamsLike): ShareState {
  const cloudParam = readParam(params, 'cloud');
  const cloud = CloudChoiceSchema.safeParse(cloudParam);
  const z = readParam(params, 'z');
  const d = readParam(params, 'd');
  let domains: string[] = [];
  if (z !== undefined && z.length > 0 && z.length <= MAX_PARAM_CHARS) {
    const text = decompress(z);
    domains = text.length <= MAX_PARAM_CHARS * 20 ? splitList(text) : [];
  } else if (d !== undefined && d.length <= MAX_PARAM_CHARS) {
    domains = splitList(d);
  }
  return { domains, cloud: cloud.success ? cloud.data : 'auto' };
}

/**
 * Builds the query string (without `?`) for a state: `d=a.com,b.com&cloud=auto`, or `z=…&cloud=auto`
 * when the plain list would be longer than COMPRESS_ABOVE_CHARS. An empty list gives only the cloud.
 */
export function encodeShareState(state: ShareState): string {
  const list = state.domains.join(',');
  const cloud = `cloud=${encodeURIComponent(state.cloud)}`;
  if (list.length === 0) return cloud;
  if (list.length > COMPRESS_ABOVE_CHARS) return `z=${compressToEncodedURIComponent(list)}&${cloud}`;
  // Checked domains are ASCII (LDH + dots), so commas stay readable; anything else is escaped.
  const encoded = state.domains.map((d) => encodeURIComponent(d)).join(',');
  return `d=${encoded}&${cloud}`;
}

/**
 * Replaces the share params (`d`, `z`, `cloud`) in an existing query string and keeps the others
 * (e.g. `lang`). Returns the new query without `?`.
 */
export function mergeShareQuery(currentSearch: string, state: ShareState): string {
  const params = new URLSearchParams(currentSearch);
  for (const key of ['d', 'z', 'cloud']) params.delete(key);
  const rest = params.toString();
  const share = encodeShareState(state);
  return rest ? `${share}&${rest}` : share;
}
