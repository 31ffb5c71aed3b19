/**
 * The services toggles (email, Teams, device management): each is "detect from DNS", on or off. Turns the
 * user's choices into what the API takes (the POST `services` object, the GET `services=` pairs) and says, for
 * a report, which services were detected, set by the user, or assumed because their lookups failed. Pure.
 */
import type { ServiceFlag, ServiceOverride, Services } from '@/lib/schema';
import { SERVICE_FLAGS } from '@/lib/schema-values';

export const SERVICE_CHOICES = ['auto', 'on', 'off'] as const;
export type ServiceChoice = (typeof SERVICE_CHOICES)[number];
export type ServiceChoices = Readonly<Record<ServiceFlag, ServiceChoice>>;

/** Every service detected from DNS: what the form starts with and what "no override" means. */
export const AUTO_SERVICES: ServiceChoices = { mail: 'auto', teams: 'auto', intune: 'auto' };

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

/**
 * The GET `services=` value, in the form the page URL uses too: the services the user set as name:state
 * pairs (`mail:on,teams:off`), the others left to detection; undefined when the user set nothing.
 */
export function servicesParam(choices: ServiceChoices | undefined): string | undefined {
  if (!choices || !hasOverride(choices)) return undefined;
  return SERVICE_FLAGS.filter((s) => choices[s] !== 'auto')
    .map((s) => `${s}:${choices[s]}`)
    .join(',');
}

export type ServiceSource = 'detected' | 'set' | 'assumed';
export type ServiceState = { service: ServiceFlag; on: boolean; source: ServiceSource };

/**
 * How the report arrived at each service: set by the user, assumed in use because its lookups failed, or
 * detected from DNS.
 */
export function serviceStates(services: Services): ServiceState[] {
  return SERVICE_FLAGS.map((service) => ({
    service,
    on: services[service],
    source: services.overridden.includes(service)
      ? 'set'
      : services.uncertain.includes(service)
        ? 'assumed'
        : 'detected',
  }));
}
