import { Component, type ReactNode, Suspense } from 'react';
import { retryFailedLoads } from '../lazy-retrying.tsx';

/**
 * Shows "Loading…" (announced politely) while code loaded on demand (React.lazy) arrives, and a way
 * on if it never does: a screen's code can fail to load (offline before the service worker had stored
 * it, or an old page asking for a file a newer version replaced). Then the screen says so, keeps what
 * the person logged (it lives in the outbox and the server), and offers to try again; `resetKey`
 * (the route) clears the failure when they go elsewhere.
 */
export function Deferred({ children, resetKey }: { children: ReactNode; resetKey?: string }) {
  return (
    <LoadFailure resetKey={resetKey}>
      <Suspense
        fallback={
          <p className="loading" role="status">
            Loading…
          </p>
        }
      >
        {children}
      </Suspense>
    </LoadFailure>
  );
}

interface LoadFailureProps {
  children: ReactNode;
  resetKey: string | undefined;
}

/** An error boundary: React offers them only as class components. */
class LoadFailure extends Component<LoadFailureProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: LoadFailureProps): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.#tryAgain();
  }

  #tryAgain = (): void => {
    retryFailedLoads();
    this.setState({ failed: false });
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="card load-failure" aria-labelledby="load-failure-heading">
        <h1 id="load-failure-heading">This screen did not open</h1>
        <div className="alert" role="alert">
          Sunlog could not load this screen. If you are offline, connect and try again. What you have logged
          is kept.
        </div>
        <button type="button" className="button button--primary" onClick={this.#tryAgain}>
          Try again
        </button>
      </section>
    );
  }
}
