'use client';
/**
 * Catches what a part of the widget throws while rendering (an engine bug: a replay that diverges, a
 * layout without a lane) and shows `fallback(error)` in its place, so the reader sees the message and the
 * rest of the page keeps working — never a blank page. Expected failures (a wrong scenario id, input that
 * is not base64) are handled where they happen; this is only for the ones nobody expected.
 * A new `resetKey` (another step, another tab) tries the children again.
 * @module
 */
import { Component, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  resetKey?: string;
  fallback(error: Error): ReactNode;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
  resetKey: string | undefined;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/** The message of anything thrown, for showing it. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
