/**
 * Abort plumbing for hot paths. A domain's signal is shared by every lookup and attempt of the domain (a
 * run's by every domain): `onAbort` keeps ONE real 'abort' listener per signal, whatever the number of
 * callbacks, so there is no listener-leak warning and no per-attempt addEventListener/removeEventListener.
 * The listener is removed with the signal's last callback: Node keeps an AbortSignal.any()/timeout() signal
 * that has an abort listener alive until it aborts, so a listener left behind would keep that signal (and what
 * it holds) forever.
 */

type Callbacks = Set<() => void>;

const registered = new WeakMap<AbortSignal, { callbacks: Callbacks; listener: () => void }>();

const NOTHING = (): void => {};

/**
 * Calls `callback` once when `signal` aborts (at once, synchronously, if it already has). Returns the function
 * that unregisters it (call it when the work ends; calling it again does nothing).
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    callback();
    return NOTHING;
  }
  let entry = registered.get(signal);
  if (!entry) {
    const callbacks: Callbacks = new Set();
    const listener = (): void => {
      registered.delete(signal);
      for (const fn of callbacks) fn();
      callbacks.clear();
    };
    signal.addEventListener('abort', listener, { once: true });
    entry = { callbacks, listener };
    registered.set(signal, entry);
  }
  entry.callbacks.add(callback);
  const current = entry;
  return () => {
    if (!current.callbacks.delete(callback)) return;
    if (current.callbacks.size === 0 && registered.get(signal) === current) {
      registered.delete(signal);
      signal.removeEventListener('abort', current.listener);
    }
  };
}

/** True when `signal` currently has a real listener from `onAbort` (for tests). */
export function hasAbortListener(signal: AbortSignal): boolean {
  return registered.has(signal);
}

/** A signal that never aborts, for work that has no caller signal. */
export const NEVER_ABORTED: AbortSignal = new AbortController().signal;

/**
 * One domain's abort scope: a controller aborted by the caller's signal (with its reason), by the deadline
 * (with `deadlineReason`) or by `abort` (the breaker). One timer and one registration, instead of
 * AbortSignal.timeout + AbortSignal.any per domain. `dispose` clears the timer and the registration.
 */
export function abortScope(
  caller: AbortSignal | undefined,
  deadlineMs: number,
  deadlineReason: () => unknown,
): { controller: AbortController; signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(deadlineReason()), deadlineMs);
  const unlink = caller ? onAbort(caller, () => controller.abort(caller.reason)) : NOTHING;
  return {
    controller,
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      unlink();
    },
  };
}
