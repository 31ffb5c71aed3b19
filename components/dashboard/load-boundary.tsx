'use client';

import { Component, type ReactNode } from 'react';

type Props = {
  /** What to show instead of the children once loading them failed; `retry` renders them again. */
  fallback: (retry: () => void) => ReactNode;
  /** Called before the children render again, so the caller can start a fresh load. */
  onRetry: () => void;
  /** A change of this value (a new check) tries the children again by itself. */
  resetKey: unknown;
  children: ReactNode;
};

type State = { error: Error | null };

/** What the bundler's runtime throws when a script of the page cannot be fetched. */
const isLoadFailure = (error: Error | null): boolean => error?.name === 'ChunkLoadError';

/**
 * Catches a part of the page that failed to load (a lazy module on a dropped connection) so the rest of the page,
 * and what the user typed, stays; the route's error page would replace all of it. Any other error is not a
 * loading problem: it goes on to the route's error page.
 */
export class LoadBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.retry();
  }

  retry = (): void => {
    this.props.onRetry();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (error && !isLoadFailure(error)) throw error;
    return error ? this.props.fallback(this.retry) : this.props.children;
  }
}
