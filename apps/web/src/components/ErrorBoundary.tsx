import { Component, type ReactNode } from 'react';
import { ErrorState } from './ErrorState';

interface State {
  error: unknown;
}

/**
 * Keeps the shell standing when a page throws while rendering, or its code cannot be loaded (for
 * instance after a new version was deployed): the page area shows the error and a way to reload.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render() {
    if (this.state.error)
      return <ErrorState error={this.state.error} onRetry={() => window.location.reload()} />;
    return this.props.children;
  }
}
