import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { confirmEmail } from '../../api/accounts.ts';
import { failureMessage } from '../../api/api-error.ts';
import { FormAlert } from '../../components/LiveMessages.tsx';
import { Page } from '../../components/Page.tsx';
import { useFragmentToken } from '../../fragment-token.ts';
import { Link } from '../../router.ts';
import { startSession } from '../../session.ts';

/**
 * Opened from the confirmation mail. The account is made only when the person presses the button (a
 * mail scanner that opens links does not press it), then they are signed in and onboarding starts.
 */
export function ConfirmEmailScreen() {
  const queryClient = useQueryClient();
  const token = useFragmentToken();
  const [error, setError] = useState<string>();
  const [isPending, setPending] = useState(false);

  const confirm = async () => {
    if (token === undefined || isPending) return;
    setPending(true);
    setError(undefined);
    try {
      startSession(queryClient, await confirmEmail({ token }));
    } catch (caught) {
      setError(failureMessage(caught));
      setPending(false);
    }
  };

  return (
    <Page title="Confirm your email" className="auth">
      {token === undefined ? (
        <p className="lead">
          This page needs the link from the confirmation mail. Open the message and use its link, or create
          the account again to get a new one.
        </p>
      ) : (
        <>
          <p className="lead">One step left: confirm this address to create your Sunlog account.</p>
          <FormAlert message={error} />
          <Button className="button button--primary button--block" onPress={() => void confirm()}>
            {isPending ? 'Creating your account…' : 'Confirm and create my account'}
          </Button>
        </>
      )}
      <p className="auth__switch">
        <Link to="/register" className="text-link">
          Create an account
        </Link>
      </p>
    </Page>
  );
}
