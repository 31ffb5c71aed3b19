/**
 * The services toggles (email, Teams, device management) as the page shows them: for a report, which services
 * were detected, set by the user, or assumed because their lookups failed. Their parameter format is
 * lib/input/services.ts. Pure.
 */
import type { ServiceFlag, Services } from '@/lib/schema';
import { SERVICE_FLAGS } from '@/lib/schema-values';

export {
  AUTO_SERVICES,
  hasOverride,
  SERVICE_CHOICES,
  type ServiceChoice,
  type ServiceChoices,
  servicesParam,
  toOverride,
} from '@/lib/input/services';

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
