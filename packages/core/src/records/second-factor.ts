import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './account.ts';

/**
 * The second factor for password sign-in: a time-based code from an authenticator app (TOTP, RFC 6238:
 * HMAC-SHA1, 6 digits, 30-second steps, what every common app uses), or one of ten one-time recovery
 * codes for when the phone is lost.
 */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

/** Six digits; spaces (as apps show "123 456") are allowed and dropped. */
export const TotpCodeSchema = z
  .string()
  .max(16)
  .regex(/^[\d\s]+$/, { message: 'Enter the 6 digits from your authenticator app.' })
  .describe('The 6-digit code from the authenticator app; spaces are ignored.');

/** A recovery code as it was shown ("ABCD-EFGH-…"); letter case, spaces and dashes are ignored. */
export const RecoveryCodeSchema = z
  .string()
  .min(1)
  .max(64)
  .describe('One of the one-time recovery codes; letter case, spaces and dashes are ignored.');

/** The digits of a code as typed, without spaces. */
export function normaliseTotpCode(code: string): string {
  return code.replace(/\s/g, '');
}

/** A recovery code as stored: upper case, without spaces or dashes. */
export function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** The answer that starts setting up an authenticator app (the secret is shown this once). */
export const TotpEnrolmentSchema = z
  .object({
    secret: z.string().describe('The base32 secret, for typing into the app by hand.'),
    otpauthUrl: z.string().describe('The otpauth:// address the QR code holds.'),
    qrSvg: z.string().describe('The QR code as an SVG document.'),
  })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.infer<typeof TotpEnrolmentSchema>;

export const ConfirmTotpInputSchema = z.object({ code: TotpCodeSchema }).strict();
export type ConfirmTotpInput = z.infer<typeof ConfirmTotpInputSchema>;

/** The recovery codes, answered once when the second factor is turned on. */
export const RecoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()).length(RECOVERY_CODE_COUNT) })
  .meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

export const SecondFactorStatusSchema = z
  .object({
    totp: z.boolean().describe('True when sign-in with a password also asks for a code.'),
    recoveryCodesLeft: z.number().int().min(0),
  })
  .meta({ id: 'SecondFactorStatus' });
export type SecondFactorStatus = z.infer<typeof SecondFactorStatusSchema>;

/** Setting up or turning off the second factor: the password, unless the session proved itself in the last 5 minutes. */
export const PasswordProofInputSchema = z
  .object({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional() })
  .strict();
export type PasswordProofInput = z.infer<typeof PasswordProofInputSchema>;
