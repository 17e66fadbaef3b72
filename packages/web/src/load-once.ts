/**
 * `load`, started at most once while it is pending or has succeeded (code a screen or a write will need,
 * asked for before it is needed); a failure is forgotten, so the next call asks again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
