import { type ComponentType, type ReactNode, useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import { useMe } from './api/queries.ts';
import { Deferred } from './components/Deferred.tsx';
import { FormAlert } from './components/LiveMessages.tsx';
import { NavIcon } from './components/NavIcon.tsx';
import { SunMark } from './components/SunMark.tsx';
import { lazyRetrying } from './lazy-retrying.tsx';
import { loadOnce } from './load-once.ts';
import { Link, navigate, type Path, type Route, useLocation } from './router.ts';
import { matchRoute, NAV_ITEMS, routeFacts } from './routes.ts';
import { MoreScreen } from './screens/more/MoreScreen.tsx';
import { TodayScreen } from './screens/today/TodayScreen.tsx';

/**
 * Only Today (and the phone's More tab, a list of links) is in the first load: Today is opened every
 * day, and the budget for it is 100 KiB of JavaScript (gzip; docs/benchmarks.md). Every other screen
 * loads on first visit; the service worker precaches them all, so they still open with no network.
 * The code of the screen the page was opened on starts loading at once, beside the question of who is
 * signed in rather than after its answer: opening History or Insights directly waits one round trip less.
 */
function onDemand<C extends ComponentType<never>>(load: () => Promise<C>) {
  const start = loadOnce(() => load().then((component) => ({ default: component })));
  return { Screen: lazyRetrying(start), start };
}

const onDemandScreens = {
  'check-in': onDemand(() => import('./screens/check-in/CheckInScreen.tsx').then((m) => m.CheckInScreen)),
  'confirm-email': onDemand(() =>
    import('./screens/confirm-email/ConfirmEmailScreen.tsx').then((m) => m.ConfirmEmailScreen),
  ),
  history: onDemand(() => import('./screens/history/HistoryScreen.tsx').then((m) => m.HistoryScreen)),
  insights: onDemand(() => import('./screens/insights/InsightsScreen.tsx').then((m) => m.InsightsScreen)),
  learn: onDemand(() => import('./screens/learn/LearnScreen.tsx').then((m) => m.LearnScreen)),
  'not-found': onDemand(() => import('./screens/not-found/NotFoundScreen.tsx').then((m) => m.NotFoundScreen)),
  onboarding: onDemand(() =>
    import('./screens/onboarding/OnboardingScreen.tsx').then((m) => m.OnboardingScreen),
  ),
  register: onDemand(() => import('./screens/register/RegisterScreen.tsx').then((m) => m.RegisterScreen)),
  'reset-password': onDemand(() =>
    import('./screens/reset-password/ResetPasswordScreen.tsx').then((m) => m.ResetPasswordScreen),
  ),
  settings: onDemand(() => import('./screens/settings/SettingsScreen.tsx').then((m) => m.SettingsScreen)),
  share: onDemand(() => import('./screens/share/ShareScreen.tsx').then((m) => m.ShareScreen)),
  'sign-in': onDemand(() => import('./screens/sign-in/SignInScreen.tsx').then((m) => m.SignInScreen)),
  view: onDemand(() => import('./screens/view/ViewScreen.tsx').then((m) => m.ViewScreen)),
} satisfies Partial<Record<Route, { start: () => unknown }>>;

const CheckInScreen = onDemandScreens['check-in'].Screen;
const ConfirmEmailScreen = onDemandScreens['confirm-email'].Screen;
const HistoryScreen = onDemandScreens.history.Screen;
const InsightsScreen = onDemandScreens.insights.Screen;
const LearnScreen = onDemandScreens.learn.Screen;
const NotFoundScreen = onDemandScreens['not-found'].Screen;
const OnboardingScreen = onDemandScreens.onboarding.Screen;
const RegisterScreen = onDemandScreens.register.Screen;
const ResetPasswordScreen = onDemandScreens['reset-password'].Screen;
const SettingsScreen = onDemandScreens.settings.Screen;
const ShareScreen = onDemandScreens.share.Screen;
const SignInScreen = onDemandScreens['sign-in'].Screen;
const ViewScreen = onDemandScreens.view.Screen;

const opened = matchRoute(window.location.pathname);
// A failure here (offline before the service worker) is shown when the screen renders, from the same promise.
if (opened in onDemandScreens) {
  onDemandScreens[opened as keyof typeof onDemandScreens].start().catch(() => undefined);
}

/**
 * The clinician's viewer for a share link stands apart from the app: it never asks who is signed in,
 * so a clinic's browser shows it without any account; everything else is the signed-in shell.
 */
export function App() {
  const location = useLocation();
  return location.route === 'view' ? <SharedLinkViewer /> : <Shell />;
}

function SharedLinkViewer() {
  return (
    <main id="main" className="main" tabIndex={-1}>
      <Deferred>
        <ViewScreen />
      </Deferred>
    </main>
  );
}

/** The shell: skip link, header with the app name and navigation, the main landmark, and on a phone the tab bar. */
function Shell() {
  const location = useLocation();
  const me = useMe();
  const mainRef = useRef<HTMLElement>(null);
  const isSignedIn = me.data !== undefined && me.data !== null;

  // After an in-app navigation, move focus to the new screen's heading so screen readers announce it.
  useEffect(() => {
    if (location.navigationCount === 0) return;
    const main = mainRef.current;
    const heading = main?.querySelector<HTMLElement>('h1');
    (heading ?? main)?.focus();
  }, [location.navigationCount]);

  return (
    <>
      {/* A plain in-page link: the browser moves focus to <main tabindex="-1">. */}
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to={isSignedIn ? '/' : '/sign-in'} className="brand">
            <SunMark />
            <span className="brand__name">Sunlog</span>
          </Link>
          {isSignedIn ? (
            // On a phone the top bar names the screen; wider screens show the navigation instead.
            <span className="app-header__title">{routeFacts(location.route).title}</span>
          ) : null}
          {me.isPending ? null : <HeaderNav isSignedIn={isSignedIn} />}
        </div>
      </header>
      <main id="main" className="main" ref={mainRef} tabIndex={-1}>
        <Deferred resetKey={location.route}>
          <Screen route={location.route} me={me} />
        </Deferred>
      </main>
      {isSignedIn ? <TabBar route={location.route} /> : null}
    </>
  );
}

/**
 * The header's navigation: every signed-in screen on one line (hidden on a phone, where the tab bar
 * takes over), or the way in for someone signed out. Sign out lives in Settings.
 */
function HeaderNav({ isSignedIn }: { isSignedIn: boolean }) {
  if (!isSignedIn) {
    return (
      <nav aria-label="Main">
        <ul className="nav">
          <li>
            <Link to="/sign-in" className="nav__link">
              Sign in
            </Link>
          </li>
          <li>
            <Link to="/register" className="nav__link">
              Create account
            </Link>
          </li>
        </ul>
      </nav>
    );
  }
  return (
    <nav aria-label="Main" className="wide-nav">
      <ul className="nav">
        {NAV_ITEMS.map((item) => (
          <li key={item.route}>
            <Link to={item.path} className="nav__link">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The phone's bottom bar: the daily screens as tabs, and More for the rest. */
function TabBar({ route }: { route: Route }) {
  const tabs = NAV_ITEMS.filter((item) => item.place === 'tab');
  // On a screen reached through More, the More tab is shown as the current section.
  const inMore = route === 'more' || NAV_ITEMS.some((item) => item.place === 'more' && item.route === route);
  return (
    <nav aria-label="Main" className="tab-bar">
      <ul className="tab-bar__list">
        {tabs.map((item) => (
          <li key={item.route}>
            <Link to={item.path} className="tab-bar__link">
              <NavIcon name={item.icon} />
              {item.label}
            </Link>
          </li>
        ))}
        <li>
          <Link to="/more" className={inMore ? 'tab-bar__link tab-bar__link--section' : 'tab-bar__link'}>
            <NavIcon name="more" />
            More
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function Screen({ route, me }: { route: Route; me: ReturnType<typeof useMe> }): ReactNode {
  if (me.isPending) {
    return (
      <p className="loading" role="status">
        Loading Sunlog…
      </p>
    );
  }
  if (me.isError) {
    return (
      <>
        <h1 tabIndex={-1}>Sunlog can’t load right now</h1>
        <FormAlert message={me.error.message} />
        <p>
          <Button className="button button--primary" onPress={() => void me.refetch()}>
            Try again
          </Button>
        </p>
      </>
    );
  }
  const access = routeFacts(route).access;
  if (access === 'signed-in' && me.data === null) return <Redirect to="/sign-in" />;
  if (access === 'signed-out' && me.data !== null) return <Redirect to="/" />;
  // Until the person has read the disclaimer and consented, every signed-in screen opens onboarding.
  if (access === 'signed-in' && me.data?.profile.consentedAt === null && route !== 'onboarding') {
    return <Redirect to="/welcome" />;
  }

  switch (route) {
    case 'today':
      return me.data === null ? null : <TodayScreen me={me.data} />;
    case 'onboarding':
      return me.data === null ? null : <OnboardingScreen me={me.data} />;
    case 'history':
      return me.data === null ? null : <HistoryScreen me={me.data} />;
    case 'insights':
      return me.data === null ? null : <InsightsScreen me={me.data} />;
    case 'check-in':
      return me.data === null ? null : <CheckInScreen me={me.data} />;
    case 'learn':
      return <LearnScreen />;
    case 'share':
      return me.data === null ? null : <ShareScreen me={me.data} />;
    case 'settings':
      return me.data === null ? null : <SettingsScreen me={me.data} />;
    case 'more':
      return <MoreScreen />;
    case 'sign-in':
      return <SignInScreen />;
    case 'register':
      return <RegisterScreen />;
    case 'reset-password':
      return <ResetPasswordScreen />;
    case 'confirm-email':
      return <ConfirmEmailScreen />;
    case 'view':
      // Rendered by App outside the shell; never reached here.
      return null;
    case 'not-found':
      return <NotFoundScreen isSignedIn={me.data !== null} />;
    default: {
      const unknown: never = route;
      return unknown;
    }
  }
}

/** Sends the person elsewhere (signed out → sign-in; signed in → home); a no-op if already there. */
function Redirect({ to }: { to: Path }) {
  useEffect(() => {
    if (window.location.pathname !== to) navigate(to, { replace: true });
  }, [to]);
  return null;
}
