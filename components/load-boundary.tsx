'use client';

import { Component, type ReactNode } from 'react';

type Props = {
  /** What to show instead of the children once loading them failed; `retry` renders them again. */
  fallback: (retry: () => void) => ReactNode;
  /** Called before the children render again, so the caller can start a fresh load. */
  onRetry: () => void;
  children: ReactNode;
};

/**
 * Catches a part of the page that failed to load (a lazy module on a dropped connection) so the rest of the page,
 * and what the user typed, stays; the route's error page would replace all of it.
 */
export class LoadBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  retry = (): void => {
    this.props.onRetry();
    this.setState({ failed: false });
  };

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.retry) : this.props.children;
  }
}
