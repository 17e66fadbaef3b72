import type { Me } from '../../api/accounts.ts';
import { Page } from '../../components/Page.tsx';

/** Placeholder until this screen is built. */
export function OnboardingScreen({ me }: { me: Me }) {
  return (
    <Page title="Welcome to Sunlog">
      <p>{me.profile.displayName}, this page is being built.</p>
    </Page>
  );
}
