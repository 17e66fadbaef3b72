import type { FastifyRequest } from 'fastify';
import type { AccountService } from '../accounts/service.ts';
import { metaOf } from './request-meta.ts';
import { authOf } from './session.ts';

/**
 * An onRequest hook, after `requireSession`, for downloads of the person's data (exports and the
 * report): answers 403 `reauthentication-required` unless the session proved who uses it within the last
 * 5 minutes (signed in, or the password entered again through POST /api/v1/auth/reauthenticate).
 */
export function requireRecentAuthentication(accounts: AccountService) {
  return async function recentlyAuthenticated(request: FastifyRequest): Promise<void> {
    await accounts.requireRecentAuthentication(authOf(request), {}, metaOf(request));
  };
}
