import { describe, expect, test } from 'vitest';
import { KNOWN_ROUTES, matchRoute, NAV_ITEMS, ROUTES, routeFacts } from './routes.ts';

describe('the route table', () => {
  test('every path maps back to its own route; a trailing slash is ignored; the rest is not-found', () => {
    for (const route of KNOWN_ROUTES) {
      expect(matchRoute(ROUTES[route].path)).toBe(route);
      if (route !== 'today') expect(matchRoute(`${ROUTES[route].path}/`)).toBe(route);
    }
    expect(matchRoute('/nowhere')).toBe('not-found');
    expect(matchRoute('/history/extra')).toBe('not-found');
    expect(routeFacts('not-found').access).toBe('anyone');
  });

  test('paths are unique', () => {
    const paths = KNOWN_ROUTES.map((route) => ROUTES[route].path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  test('the phone bar holds Today, History, Insights and Check-in; More holds Share, Learn and Settings', () => {
    expect(NAV_ITEMS.filter((item) => item.place === 'tab').map((item) => item.label)).toEqual([
      'Today',
      'History',
      'Insights',
      'Check-in',
    ]);
    expect(NAV_ITEMS.filter((item) => item.place === 'more').map((item) => item.label)).toEqual([
      'Share',
      'Learn',
      'Settings',
    ]);
  });

  test('access keeps its rules: sign-in and register for signed-out people, Learn for anyone, the rest signed in', () => {
    expect(ROUTES['sign-in'].access).toBe('signed-out');
    expect(ROUTES.register.access).toBe('signed-out');
    expect(ROUTES.learn.access).toBe('anyone');
    // The clinician's viewer for a share link: no account, and never in the navigation.
    expect(ROUTES.view.access).toBe('anyone');
    expect(ROUTES.view.nav).toBe('none');
    for (const route of [
      'today',
      'onboarding',
      'history',
      'insights',
      'check-in',
      'share',
      'settings',
      'more',
    ] as const) {
      expect(ROUTES[route].access).toBe('signed-in');
    }
  });
});
