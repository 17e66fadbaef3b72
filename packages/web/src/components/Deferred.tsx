import { type ReactNode, Suspense } from 'react';

/** Shows "Loading…" (announced politely) while code loaded on demand (React.lazy) arrives. */
export function Deferred({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          Loading…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
