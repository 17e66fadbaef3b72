import type { Me } from '../../api/accounts.ts';
import { Page } from '../../components/Page.tsx';

/** Placeholder until this screen is built. */
export function InsightsScreen({ me }: { me: Me }) {
  return (
    <Page title="Insights">
      <p>{me.profile.displayName}, this page is being built.</p>
    </Page>
  );
}
