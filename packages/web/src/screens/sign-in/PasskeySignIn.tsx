import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { failureMessage } from '../../api/api-error.ts';
import { signInWithPasskey } from '../../api/passkeys.ts';
import { FormAlert } from '../../components/LiveMessages.tsx';
import { startSession } from '../../session.ts';
import './passkey-sign-in.css';

const SIGN_IN = 'Sign in with a passkey';
const WAITING = 'Waiting for your device…';

/**
 * "Sign in with a passkey": no email or password typed; the device asks for its screen lock. Sits
 * beside the email and password form, which stays as it is.
 */
export function PasskeySignIn() {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const signIn = async () => {
    if (pending) return;
    setPending(true);
    setError(undefined);
    try {
      startSession(queryClient, await signInWithPasskey());
    } catch (caught) {
      setError(failureMessage(caught));
      setPending(false);
    }
  };

  return (
    <div className="passkey-sign-in">
      <Button className="button button--block" onPress={() => void signIn()}>
        {pending ? WAITING : SIGN_IN}
      </Button>
      <FormAlert message={error} />
    </div>
  );
}
