import { Button } from 'react-aria-components';
import { FormAlert } from '../../components/LiveMessages.tsx';
import { useSignOut } from '../../session.ts';
import { settingsStrings as t } from './strings.ts';

/** Signing out of this device; it lives here rather than in the header, which stays one line. */
export function SignOutSection() {
  const { signOut, isPending, error } = useSignOut();
  return (
    <section className="card" aria-labelledby="settings-sign-out">
      <h2 id="settings-sign-out">{t.signOutHeading}</h2>
      <p className="muted">{t.signOutLead}</p>
      <Button className="button" onPress={signOut}>
        {isPending ? t.signingOut : t.signOut}
      </Button>
      {error === undefined ? null : <FormAlert message={error} />}
    </section>
  );
}
