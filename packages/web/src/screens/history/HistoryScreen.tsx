import type { Me } from '../../api/accounts.ts';
import { Page } from '../../components/Page.tsx';

/** Placeholder until this screen is built. */
export function HistoryScreen({ me }: { me: Me }) {
  return (
    <Page title="History">
      <p>{me.profile.displayName}, this page is being built.</p>
    </Page>
  );
}
