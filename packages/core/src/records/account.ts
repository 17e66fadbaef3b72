import { z } from 'zod';
import { DisplayNameSchema } from './profile.ts';
import { TimeZoneSchema } from './time-zone.ts';

/**
 * Password length bounds. See: OWASP ASVS 5.0 V6.2 and the password storage cheat sheet —
 * at least 10 characters (Sunlog's choice above the ASVS minimum of 8), at least 64 allowed,
 * no composition rules.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { message: `Use at most ${PASSWORD_MAX_LENGTH} characters` });

export const RegisterInputSchema = z
  .object({
    email: EmailSchema,
    password: PasswordSchema,
    displayName: DisplayNameSchema.optional(),
    timeZone: TimeZoneSchema.optional(),
  })
  .strict();
export type RegisterInput = z.infer<typeof RegisterInputSchema>;

export const SignInInputSchema = z
  .object({
    email: EmailSchema,
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    /** When the account has a second factor: the code from the authenticator app… */
    totpCode: z
      .string()
      .max(16)
      .optional()
      .describe('With a second factor on: the 6-digit code from the authenticator app.'),
    /** …or one of the one-time recovery codes. */
    recoveryCode: z
      .string()
      .max(64)
      .optional()
      .describe('With a second factor on: one of the one-time recovery codes, instead of a code.'),
  })
  .strict();
export type SignInInput = z.infer<typeof SignInInputSchema>;

/** The password entered again before a sensitive operation (re-authentication). */
export const ReauthenticateInputSchema = z
  .object({
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .strict();
export type ReauthenticateInput = z.infer<typeof ReauthenticateInputSchema>;

/**
 * Changing the password: the current one (checked like a sign-in) and the new one, which must meet the
 * same rules as at registration and differ from the current one.
 */
export const ChangePasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: PasswordSchema,
  })
  .strict();
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

/** A new password set through a one-time reset link; the token is the part after `#token=` in the link. */
export const PasswordResetInputSchema = z
  .object({
    token: z.string().min(20).max(100),
    newPassword: PasswordSchema,
  })
  .strict();
export type PasswordResetInput = z.infer<typeof PasswordResetInputSchema>;
