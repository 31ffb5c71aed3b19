/**
 * The main page's heavier modules, loaded on first use instead of with the page: input validation (the
 * Public Suffix List), the check stream and its response schema (zod), the share-link encoder (lz-string) and
 * the results table. `warmUp()` starts all of them as soon as the user reaches for the form, so they are
 * normally in place before the first keystroke lands or the first check is sent.
 */

/** A loader that runs `load` once and shares its promise; a failed load (a network blip) is tried again next time. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

export const loadInputCheck = once(() => import('@/lib/client/input-check'));
export const loadCheckStream = once(() => import('@/lib/client/check-stream'));
export const loadShareState = once(() => import('@/lib/share/url-state'));
export const loadResults = once(() => import('./results-section'));
/** Only for a list that arrived after `#` (too long for the address's query), or one sent on to Bulk. */
export const loadFragmentReader = once(() => import('@/lib/bulk/bulk-link'));

/** Starts loading every module the form and a check need; safe to call often (each loads once). */
export function warmUp(): void {
  for (const load of [loadInputCheck, loadCheckStream, loadShareState, loadResults]) load().catch(() => {});
}
