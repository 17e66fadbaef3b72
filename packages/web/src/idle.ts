/**
 * Runs `task` once the page has loaded and the browser is idle (or after `timeout` ms at the latest),
 * so work that Today does not need to show itself (registering the service worker and its precache,
 * fetching the code behind buttons) never competes with the first paint.
 */
export function whenIdle(task: () => void, timeout = 2000): void {
  const later = () => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(task, { timeout });
    else setTimeout(task, 200);
  };
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
