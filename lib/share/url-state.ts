/**
 * The shareable state of a check in the page URL: the checked domains, the cloud and the services the user set.
 * `?d=a.com,b.com&cloud=auto` while short; `?z=<lz-string>&cloud=auto` once the list is long.
 * `&s=mail:on,intune:off` lists the services the user set (absent ones are detected from DNS).
 * Both forms are accepted on load; anything unreadable yields an empty list, never an exception.
 * Pure and browser-safe (the server page decodes it too, so the form is filled before hydration).
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { readServices, type ServiceChoices, servicesParam } from '@/lib/input/services';
import { type CloudChoice, CloudChoice as CloudChoiceSchema } from '@/lib/schema';

export type ShareState = {
  /** Domains as they were checked (ASCII form), in input order. */
  domains: string[];
  cloud: CloudChoice;
  /** Services as set in the form; absent means every service is detected from DNS. */
  services?: ServiceChoices;
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

/** Reads `s=mail:on,teams:off` (unreadable parts mean "detect"; see lib/input/services.ts). */
export const decodeServices = readServices;

/** Writes the services the user set as `mail:on,teams:off` (the GET `services=` form); empty when none was set. */
export function encodeServices(services: ServiceChoices | undefined): string {
  return servicesParam(services) ?? '';
}

/**
 * Reads the share state from search params. `z` wins over `d` when both are present.
 * An unknown cloud falls back to `auto`; garbage in `z` gives an empty list; unreadable services are detected.
 */
export function decodeShareState(params: SearchParamsLike): ShareState & { services: ServiceChoices } {
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
  return { domains, cloud: cloud.success ? cloud.data : 'auto', services: decodeServices(readParam(params, 's')) };
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
