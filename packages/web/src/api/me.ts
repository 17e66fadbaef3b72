import type { Me } from './accounts.ts';
import { requestJson } from './request.ts';
import { isMe, parserOf } from './shapes.ts';

/** The answer of GET /me (and of a saved copy on this device), checked by hand: it is on Today's path. */
export const MeShape = parserOf<Me>(isMe);

/** Who is signed in; fails with code 'unauthenticated' (401) when nobody is. */
export function getMe(): Promise<Me> {
  return requestJson('GET', '/me', MeShape);
}
