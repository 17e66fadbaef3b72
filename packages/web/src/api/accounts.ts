import type { PasswordResetInput, RegisterInput, SignInInput } from '@sunlog/core/records/account';
import { ProfileSchema } from '@sunlog/core/records/profile';
import { z } from 'zod';
import { requestEmpty, requestJson } from './request.ts';

/** The signed-in person's account, as the contract returns it. */
export const AccountUserSchema = z.object({ id: z.string().min(1), email: z.string() });
export type AccountUser = z.infer<typeof AccountUserSchema>;

/** The answer of register, sign-in and GET /me. */
export const MeSchema = z.object({ user: AccountUserSchema, profile: ProfileSchema });
export type Me = z.infer<typeof MeSchema>;

/** Creates an account and signs in on this device (the server sets the session cookie). */
export function register(input: RegisterInput): Promise<Me> {
  return requestJson('POST', '/auth/register', MeSchema, input);
}

/** Signs in; a wrong email or password both fail with code 'invalid-credentials'. */
export function signIn(input: SignInInput): Promise<Me> {
  return requestJson('POST', '/auth/sign-in', MeSchema, input);
}

/** Sets a new password with a one-time reset link's token; every session of the person ends. */
export function resetPassword(input: PasswordResetInput): Promise<void> {
  return requestEmpty('POST', '/auth/password-reset', input);
}

/** Ends this device's session on the server and clears the cookie. */
export function signOut(): Promise<void> {
  return requestEmpty('POST', '/auth/sign-out');
}

/** Who is signed in; fails with code 'unauthenticated' (401) when nobody is. */
export function getMe(): Promise<Me> {
  return requestJson('GET', '/me', MeSchema);
}
