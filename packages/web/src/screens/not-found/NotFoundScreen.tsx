import { Page } from '../../components/Page.tsx';
import { Link } from '../../router.ts';

export function NotFoundScreen({ isSignedIn }: { isSignedIn: boolean }) {
  return (
    <Page title="Page not found">
      <p>There is no page at this address. It may have moved, or the link may be incomplete.</p>
      <Link to={isSignedIn ? '/' : '/sign-in'} className="button button--primary">
        {isSignedIn ? 'Go to Today' : 'Go to sign in'}
      </Link>
    </Page>
  );
}
