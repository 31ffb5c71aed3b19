/** The sentence shown for a failed request: a catalogue code plus its params, chosen from the error code. */
import type { MessageRef } from '@/lib/schema';
import type { RunError } from './run-state';

/** Picks the catalogue message for an error (`ui.errors.<code>`), with limits and wait time filled in. */
export function errorMessageRef(err: RunError): MessageRef {
  switch (err.code) {
    case 'too-many-domains':
      return { code: 'ui.errors.too-many-domains', params: { count: err.count ?? '?', limit: err.limit ?? '?' } };
    case 'rate-limited':
      return err.retryAfterSeconds !== undefined
        ? { code: 'ui.errors.rate-limited', params: { seconds: Math.ceil(err.retryAfterSeconds) } }
        : { code: 'ui.errors.rate-limitedSoon', params: {} };
    default:
      return { code: `ui.errors.${err.code}`, params: {} };
  }
}
