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

/** What registering answers when the server confirms addresses by mail: the same for every address. */
export const CheckYourMailSchema = z.object({ status: z.literal('check-your-mail'), message: z.string() });
export type CheckYourMail = z.infer<typeof CheckYourMailSchema>;

/**
 * Creates an account and signs in on this device (the server sets the session cookie); or, when the
 * server sends mail, asks it to mail a confirmation link (nothing is signed in yet).
 */
export function register(input: RegisterInput): Promise<Me | CheckYourMail> {
  return requestJson('POST', '/auth/register', z.union([MeSchema, CheckYourMailSchema]), input);
}

/** Whether this server sends mail (confirmation links, reset links by mail). */
export function getAuthOptions(): Promise<{ mail: boolean }> {
  return requestJson('GET', '/auth/options', z.object({ mail: z.boolean() }));
}

/** Uses the link from the confirmation mail: the account is made and signed in on this device. */
export function confirmEmail(input: { token: string }): Promise<Me> {
  return requestJson('POST', '/auth/confirm-email', MeSchema, input);
}

/** Asks for a reset link by mail; the answer is the same whether or not the address has an account. */
export function requestPasswordReset(input: { email: string }): Promise<{ message: string }> {
  return requestJson('POST', '/auth/password-reset/request', z.object({ message: z.string() }), input);
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
