/** Which instructions page to link for a host in a given cloud (m365-dns-facts §3). Pure. */
import type { EffectiveCloud } from '@/lib/schema';
import { GENERIC_INSTRUCTIONS_URL } from './catalogue';
import type { HostEntry, HostInstructions } from './types';

export const VIEW_21VIANET = 'view=o365-21vianet';

/**
 * The instructions for `host` in `cloud`. Worldwide, GCC, GCC High, DoD and unknown get the catalogue link.
 * 21Vianet: Microsoft's host pages carry worldwide values and have no 21Vianet rendering (§3.3), so
 * Microsoft-page hosts get the generic page in its 21Vianet view; the host's own help pages are kept
 * (they describe the console, not Microsoft's values).
 */
export function instructionsFor(host: HostEntry, cloud: EffectiveCloud = 'unknown'): HostInstructions {
  if (cloud !== '21vianet' || host.instructions.kind === 'host') return host.instructions;
  return { url: `${GENERIC_INSTRUCTIONS_URL}?${VIEW_21VIANET}`, kind: 'generic' };
}
