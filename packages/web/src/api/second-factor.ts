import {
  type RecoveryCodes,
  RecoveryCodesSchema,
  type SecondFactorStatus,
  SecondFactorStatusSchema,
  type TotpEnrolment,
  TotpEnrolmentSchema,
} from '@sunlog/core/records/second-factor';
import { z } from 'zod';
import { requestEmpty, requestJson } from './request.ts';

/**
 * Two-step sign-in (an authenticator app's code after the password) and the password asked again before
 * sensitive steps. Turning it on or off, and downloads, answer 'reauthentication-required' when the
 * session has not proved who uses it in the last 5 minutes; the screens then ask for the password.
 */

export function getSecondFactor(): Promise<SecondFactorStatus> {
  return requestJson('GET', '/me/second-factor', SecondFactorStatusSchema);
}

/** Starts setting up an authenticator app: the secret, its otpauth address and QR code (SVG). */
export function startTotp(password?: string): Promise<TotpEnrolment> {
  return requestJson(
    'POST',
    '/me/second-factor/totp',
    TotpEnrolmentSchema,
    password === undefined ? {} : { password },
  );
}

/** Turns two-step sign-in on with a code from the app; answers the ten recovery codes, this once. */
export function confirmTotp(code: string): Promise<RecoveryCodes> {
  return requestJson('POST', '/me/second-factor/totp/confirm', RecoveryCodesSchema, { code });
}

export function turnOffSecondFactor(password: string): Promise<void> {
  return requestEmpty('DELETE', '/me/second-factor', { password });
}

const RecentSchema = z.object({ recent: z.boolean() });

/** Whether this session signed in or gave the password within the last 5 minutes. */
export async function isRecentlyAuthenticated(): Promise<boolean> {
  return (await requestJson('GET', '/auth/reauthentication', RecentSchema)).recent;
}

/** Gives the password again; 'invalid-credentials' when it is wrong. */
export function reauthenticate(password: string): Promise<void> {
  return requestEmpty('POST', '/auth/reauthenticate', { password });
}
