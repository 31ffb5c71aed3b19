import 'server-only';
import type { InputPolicy } from '@/lib/schema';
import { getConfig } from './env';

/** The input rules of this server, from its configuration. */
export function inputPolicy(): InputPolicy {
  const c = getConfig();
  return {
    allowTestDomains: c.allowTestDomains,
    maxDomainsPerRequest: c.maxDomainsPerRequest,
    maxLines: c.maxLinesPerRequest,
    maxLineLength: c.maxLineLength,
    maxBodyBytes: c.maxBodyBytes,
  };
}
