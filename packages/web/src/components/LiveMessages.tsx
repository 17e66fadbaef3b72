/**
 * A message about the whole form (wrong password, too many attempts, no connection). The region is
 * always in the page, so screen readers announce new text reliably.
 */
export function FormAlert({ message }: { message: string | undefined }) {
  return (
    <div className="alert" role="alert">
      {message}
    </div>
  );
}

/** A polite confirmation ("Settings saved."), announced without moving focus. */
export function StatusMessage({ message }: { message: string | undefined }) {
  return (
    <div className="status" role="status">
      {message}
    </div>
  );
}
