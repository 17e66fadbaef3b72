import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountService, Authenticated, SignedIn } from '../accounts/service.ts';
import { SESSION_ABSOLUTE_LIFETIME_MS } from '../accounts/service.ts';
import { type Config, servedOverHttps } from '../config.ts';
import { SunlogError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person and session; set by `requireSession`, null before it runs. */
    auth: Authenticated | null;
  }
}

/** The session cookie's name and attributes, fixed by the accounts contract. */
export interface SessionCookie {
  /** `__Host-sunlog_session` over https: the prefix makes browsers insist on Secure, Path=/ and no Domain. */
  name: string;
  secure: boolean;
}

export function sessionCookie(config: Pick<Config, 'publicUrl'>): SessionCookie {
  const secure = servedOverHttps(config);
  return { name: secure ? '__Host-sunlog_session' : 'sunlog_session', secure };
}

/** Sets the session cookie for a fresh sign-in. */
export function setSessionCookie(reply: FastifyReply, cookie: SessionCookie, signedIn: SignedIn): void {
  reply.setCookie(cookie.name, signedIn.token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: cookie.secure,
    // The server enforces the idle lifetime; the cookie itself lasts as long as the session can.
    maxAge: Math.floor(SESSION_ABSOLUTE_LIFETIME_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, cookie: SessionCookie): void {
  reply.clearCookie(cookie.name, { httpOnly: true, sameSite: 'lax', path: '/', secure: cookie.secure });
}

/**
 * An onRequest hook for routes that need a signed-in person: loads the session by the SHA-256 of the
 * cookie's token and sets `request.auth`, or answers 401. Runs before body validation, so an
 * anonymous caller learns nothing about a route's input.
 */
export function requireSession(accounts: AccountService, cookie: SessionCookie) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const token = request.cookies[cookie.name];
    const auth = token === undefined || token === '' ? undefined : await accounts.authenticate(token);
    if (auth === undefined) throw new SunlogError('unauthenticated', 'Please sign in.');
    request.auth = auth;
  };
}

/** The signed-in person of a request that passed `requireSession`. */
export function authOf(request: FastifyRequest): Authenticated {
  if (request.auth === null) throw new Error('authOf() called on a route without requireSession');
  return request.auth;
}
