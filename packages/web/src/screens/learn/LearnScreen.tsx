import { Page } from '../../components/Page.tsx';

/** Placeholder until this screen is built. */
export function LearnScreen() {
  return (
    <Page title="Learn">
      <p>This page is being built.</p>
    </Page>
  );
}
