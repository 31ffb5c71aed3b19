import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False on the server and while the page hydrates, true once it runs in the browser: what only the browser knows
 * (the reader's time zone) is rendered after hydration, so the server's own zone is never shown as the reader's.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
