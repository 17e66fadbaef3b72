import { type ComponentType, lazy } from 'react';

/** How to make each component whose code failed to load ask for it again. */
const failed = new Set<() => void>();

/**
 * React.lazy, except that a failed load is not final. React keeps a lazy component's failure for good,
 * so a screen whose code did not arrive (offline before the service worker stored it, or a file a newer
 * version replaced) would fail on every render after it. Here the failure still reaches the nearest
 * error boundary (components/Deferred.tsx), and `retryFailedLoads` — its "Try again" — swaps in a fresh
 * lazy component, so the next render asks for the code again. (Swapping at once would not do: the
 * suspended render is retried when the load settles, failed or not, and would load again and again.)
 */
export function lazyRetrying<C extends ComponentType<never>>(load: () => Promise<{ default: C }>): C {
  // React.lazy's own type wants a ComponentType<any>; what it loads is C, cast once here.
  const attempt = (): Promise<{ default: ComponentType<object> }> =>
    (load() as unknown as Promise<{ default: ComponentType<object> }>).catch((error: unknown) => {
      failed.add(() => {
        current = lazy(attempt);
      });
      throw error;
    });
  let current = lazy(attempt);
  // biome-ignore lint/correctness/noComponentHookFactories: made once per loader at module level (as React.lazy makes its component), never during a render.
  function LoadedOnDemand(props: object) {
    const Current = current;
    return <Current {...props} />;
  }
  return LoadedOnDemand as unknown as C;
}

/** Lets every component whose code failed to load try again at its next render. */
export function retryFailedLoads(): void {
  for (const retry of failed) retry();
  failed.clear();
}
