/**
 * The one format of the services parameter: which Microsoft 365 services the user says are in use (email,
 * Teams, device management), each "detect from DNS", on or off. Written as `mail:on,teams:off` in the page
 * URL (`s=`), the GET API (`services=`) and share links; sent as `{mail: true, teams: false}` in POST bodies.
 * Pure and browser-safe.
 */
import type { ServiceFlag, ServiceOverride } from '@/lib/schema';
import { SERVICE_FLAGS } from '@/lib/schema-values';

export const SERVICE_CHOICES = ['auto', 'on', 'off'] as const;
export type ServiceChoice = (typeof SERVICE_CHOICES)[number];
export type ServiceChoices = Readonly<Record<ServiceFlag, ServiceChoice>>;

/** Every service detected from DNS: what the form starts with and what "no override" means. */
export const AUTO_SERVICES: ServiceChoices = { mail: 'auto', teams: 'auto', intune: 'auto' };

const SERVICE_SET: ReadonlySet<string> = new Set(SERVICE_FLAGS);

/** True when the user set at least one service. */
export function hasOverride(choices: ServiceChoices): boolean {
  return SERVICE_FLAGS.some((s) => choices[s] !== 'auto');
}

/** The POST body's `services`: only the services the user set; undefined when none was set. */
export function toOverride(choices: ServiceChoices): ServiceOverride | undefined {
  if (!hasOverride(choices)) return undefined;
  const out: ServiceOverride = {};
  for (const s of SERVICE_FLAGS) if (choices[s] !== 'auto') out[s] = choices[s] === 'on';
  return out;
}

/** Writes the services the user set as `mail:on,teams:off`; undefined when the user set nothing. */
export function servicesParam(choices: ServiceChoices | undefined): string | undefined {
  if (!choices || !hasOverride(choices)) return undefined;
  return SERVICE_FLAGS.filter((s) => choices[s] !== 'auto')
    .map((s) => `${s}:${choices[s]}`)
    .join(',');
}

/**
 * Reads `mail:on,teams:off` leniently, as a page URL is read: unknown services, unknown values and repeats (the
 * first counts) are ignored; anything unreadable means "detect".
 */
export function readServices(value: string | undefined): ServiceChoices {
  const out: Record<ServiceFlag, ServiceChoice> = { ...AUTO_SERVICES };
  const seen = new Set<string>();
  for (const part of (value ?? '').slice(0, 200).split(',')) {
    const [name = '', state] = part.trim().toLowerCase().split(':');
    if (!SERVICE_SET.has(name) || seen.has(name) || (state !== 'on' && state !== 'off')) continue;
    seen.add(name);
    out[name as ServiceFlag] = state;
  }
  return out;
}

/**
 * Reads the GET API's `services` parameter strictly. Absent, empty or `auto`: every service inferred from DNS.
 * `none`: no service in use. A list of names (`mail,teams`): the listed services in use, the others not.
 * Name:state pairs (`mail:on,teams:off,intune:auto`): those set, the rest inferred. Case-insensitive.
 * Returns null for anything else (an unknown name, a repeated one, or the two forms mixed).
 */
export function parseServicesParam(raw: string | null | undefined): ServiceOverride | undefined | null {
  const text = (raw ?? '').trim().toLowerCase();
  if (text === '' || text === 'auto') return undefined;
  if (text === 'none') return { mail: false, teams: false, intune: false };
  const pairs = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => entry.split(':').map((part) => part.trim()));
  if (pairs.length === 0) return undefined;
  const listed = pairs.every((pair) => pair.length === 1);
  const out: ServiceOverride = listed ? { mail: false, teams: false, intune: false } : {};
  const seen = new Set<string>();
  for (const [name = '', state, ...rest] of pairs) {
    if (!SERVICE_SET.has(name) || seen.has(name) || rest.length > 0) return null;
    seen.add(name);
    const flag = name as ServiceFlag;
    if (listed) out[flag] = true;
    else if (state === 'on' || state === 'off') out[flag] = state === 'on';
    else if (state !== 'auto') return null;
  }
  return out;
}
