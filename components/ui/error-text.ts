import { errorMessageRef } from '@/lib/client/error-message';
import type { RunError } from '@/lib/client/run-state';
import type { Translator } from '@/lib/client/translator';

/** The user-facing sentence for an error, from the catalogue. */
export function errorText(t: Translator['t'], err: RunError): string {
  const ref = errorMessageRef(err);
  return t(ref.code, ref.params);
}
