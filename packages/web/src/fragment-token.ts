import { useEffect, useState } from 'react';

/** The token of a one-time link: the part after "#token=". The fragment is never sent to the server. */
function tokenFromFragment(): string | undefined {
  return /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash)?.[1];
}

/**
 * The "#token=…" of the address, read again when only the fragment changes (a link opened in a tab
 * already on the same page). Undefined when there is none.
 */
export function useFragmentToken(): string | undefined {
  const [token, setToken] = useState(tokenFromFragment);
  useEffect(() => {
    const read = () => setToken(tokenFromFragment());
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  return token;
}
