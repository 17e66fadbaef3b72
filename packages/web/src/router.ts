import {
  type AnchorHTMLAttributes,
  createElement,
  type MouseEvent,
  type ReactNode,
  useSyncExternalStore,
} from 'react';
import { matchRoute, type Path, type Route } from './routes.ts';

export type { Path, Route } from './routes.ts';

/** What a screen may hand to the next one, such as "You have signed out." */
export interface NavigationState {
  notice?: string;
}

export interface Location {
  route: Route;
  path: string;
  state: NavigationState;
  /** Counts in-app navigations, so the shell can move focus only after one (not on first load). */
  navigationCount: number;
}

const listeners = new Set<() => void>();
let navigationCount = 0;
let current = readLocation();

function readLocation(): Location {
  const state: unknown = window.history.state;
  const notice =
    typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string'
      ? state.notice
      : undefined;
  return {
    route: matchRoute(window.location.pathname),
    path: window.location.pathname,
    state: notice === undefined ? {} : { notice },
    navigationCount,
  };
}

function publish(): void {
  current = readLocation();
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', () => {
  // A change of #fragment only (the skip link) is not a new screen: leave focus where the browser put it.
  if (window.location.pathname === current.path) return;
  navigationCount += 1;
  publish();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Goes to `path` inside the app without reloading the page. */
export function navigate(path: Path, options: { replace?: boolean; state?: NavigationState } = {}): void {
  const state = options.state ?? {};
  if (options.replace === true) window.history.replaceState(state, '', path);
  else window.history.pushState(state, '', path);
  navigationCount += 1;
  publish();
}

/** The current location; re-renders the caller when it changes. */
export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => current);
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: Path; children: ReactNode };

/** A real link (works with middle-click and "open in new tab") that navigates in-app on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  const isCurrent = useLocation().path === to;
  return createElement('a', {
    ...rest,
    href: to,
    onClick: handleClick,
    'aria-current': isCurrent ? 'page' : undefined,
  });
}
