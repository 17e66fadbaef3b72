/**
 * Every screen's facts in one table: its address, who may open it, its short title (the phone's top
 * bar) and where it sits in the navigation. The router, the navigation and the access rules read it.
 */

/** Who may see a route: everyone, only signed-in people, or only people who are signed out. */
export type Access = 'anyone' | 'signed-in' | 'signed-out';

/**
 * Where a screen appears in the signed-in navigation: 'tab' in the phone's bottom bar (and the wide
 * header), 'more' behind the phone's More tab (and in the wide header), or not at all.
 */
export type NavPlace = 'tab' | 'more' | 'none';

/** The drawings beside navigation labels (see components/NavIcon.tsx). */
export type NavIconName =
  | 'today'
  | 'history'
  | 'insights'
  | 'check-in'
  | 'share'
  | 'learn'
  | 'settings'
  | 'more';

export interface RouteFacts {
  path: string;
  access: Access;
  /** Short name for the top bar and the navigation label. */
  title: string;
  nav: NavPlace;
  icon?: NavIconName;
}

export const ROUTES = {
  today: { path: '/', access: 'signed-in', title: 'Today', nav: 'tab', icon: 'today' },
  history: { path: '/history', access: 'signed-in', title: 'History', nav: 'tab', icon: 'history' },
  insights: { path: '/insights', access: 'signed-in', title: 'Insights', nav: 'tab', icon: 'insights' },
  'check-in': { path: '/check-in', access: 'signed-in', title: 'Check-in', nav: 'tab', icon: 'check-in' },
  share: { path: '/share', access: 'signed-in', title: 'Share', nav: 'more', icon: 'share' },
  learn: { path: '/learn', access: 'anyone', title: 'Learn', nav: 'more', icon: 'learn' },
  settings: { path: '/settings', access: 'signed-in', title: 'Settings', nav: 'more', icon: 'settings' },
  /** The phone's More tab: the screens that do not fit in the bottom bar. */
  more: { path: '/more', access: 'signed-in', title: 'More', nav: 'none', icon: 'more' },
  onboarding: { path: '/welcome', access: 'signed-in', title: 'Welcome', nav: 'none' },
  'sign-in': { path: '/sign-in', access: 'signed-out', title: 'Sign in', nav: 'none' },
  register: { path: '/register', access: 'signed-out', title: 'Create account', nav: 'none' },
  /** Opened from a one-time reset link (its token in the #fragment); says how to get one without it. */
  'reset-password': { path: '/reset-password', access: 'anyone', title: 'New password', nav: 'none' },
  /** Opened from the mail that confirms a new address (when the server sends mail). */
  'confirm-email': { path: '/confirm-email', access: 'signed-out', title: 'Confirm email', nav: 'none' },
  /**
   * The clinician's viewer for a shared link: public, outside the signed-in app (no session is read or
   * needed), so it is rendered without the app's header and navigation.
   */
  view: { path: '/view', access: 'anyone', title: 'Shared records', nav: 'none' },
} as const satisfies Record<string, RouteFacts>;

/** The screens Sunlog knows; anything else is 'not-found'. */
export type Route = keyof typeof ROUTES | 'not-found';

export type Path = (typeof ROUTES)[keyof typeof ROUTES]['path'];

type KnownRoute = Exclude<Route, 'not-found'>;

const NOT_FOUND: RouteFacts = { path: '', access: 'anyone', title: 'Page not found', nav: 'none' };

/** The facts of a route (not-found included). */
export function routeFacts(route: Route): RouteFacts {
  return route === 'not-found' ? NOT_FOUND : ROUTES[route];
}

export const KNOWN_ROUTES = Object.keys(ROUTES) as KnownRoute[];

/** Maps a pathname to its route; a trailing slash is ignored. */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return KNOWN_ROUTES.find((route) => ROUTES[route].path === path) ?? 'not-found';
}

export interface NavItem {
  route: KnownRoute;
  path: Path;
  label: string;
  icon: NavIconName;
  place: 'tab' | 'more';
}

/** The signed-in navigation in table order: bottom-bar tabs first, then the More screens. */
export const NAV_ITEMS: NavItem[] = KNOWN_ROUTES.flatMap((route) => {
  const facts: RouteFacts = ROUTES[route];
  if (facts.nav === 'none' || facts.icon === undefined) return [];
  return [{ route, path: facts.path as Path, label: facts.title, icon: facts.icon, place: facts.nav }];
});
