import {
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import { z } from 'zod';
import { type Me, MeSchema } from './accounts.ts';
import { ApiError } from './api-error.ts';
import { requestEmpty, requestJson } from './request.ts';

/** One of the person's passkeys, as the server lists it. */
export const PasskeySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Passkey = z.infer<typeof PasskeySchema>;

const PasskeysAnswerSchema = z.object({ passkeys: z.array(PasskeySchema) });
/** The ceremony options are handed to the browser library as they came. */
const OptionsSchema = z.looseObject({ challenge: z.string() });

const CANCELLED =
  'No passkey was used. The request was cancelled or timed out; try again when your device asks.';
const UNSUPPORTED = 'This browser cannot use passkeys. Sign in with your email and password instead.';

export async function listPasskeys(): Promise<Passkey[]> {
  return (await requestJson('GET', '/me/passkeys', PasskeysAnswerSchema)).passkeys;
}

/**
 * Adds a passkey: the server's options, the device's prompt, the answer back. Fails with
 * 'reauthentication-required' when the password was not entered recently (see `reauthenticate`).
 */
export async function addPasskey(name: string): Promise<Passkey> {
  const options = await requestJson('POST', '/me/passkeys/registration-options', OptionsSchema);
  const response = await browserStep(() =>
    startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON }),
  );
  const body = name.trim() === '' ? { response } : { response, name: name.trim() };
  return requestJson('POST', '/me/passkeys', PasskeySchema, body);
}

export function removePasskey(id: string): Promise<void> {
  return requestEmpty('DELETE', `/me/passkeys/${encodeURIComponent(id)}`);
}

/** Confirms the password again, so a sensitive change may go ahead for the next five minutes. */
export function reauthenticate(password: string): Promise<void> {
  return requestEmpty('POST', '/auth/reauthenticate', { password });
}

/** Signs in with a passkey this device (or a phone nearby) holds for Sunlog; no email needed. */
export async function signInWithPasskey(): Promise<Me> {
  const options = await requestJson('POST', '/auth/passkey/options', OptionsSchema);
  const response = await browserStep(() =>
    startAuthentication({ optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON }),
  );
  return requestJson('POST', '/auth/passkey', MeSchema, { response });
}

/** Runs the browser's part, turning its refusals into messages a person can act on. */
async function browserStep<T>(step: () => Promise<T>): Promise<T> {
  if (typeof window === 'undefined' || window.PublicKeyCredential === undefined) {
    throw new ApiError(0, 'passkey-unsupported', UNSUPPORTED);
  }
  try {
    return await step();
  } catch (caught) {
    const name = caught instanceof Error ? caught.name : '';
    if (name === 'NotAllowedError' || name === 'AbortError')
      throw new ApiError(0, 'passkey-cancelled', CANCELLED);
    if (name === 'InvalidStateError') {
      throw new ApiError(0, 'passkey-exists', 'This device already has a passkey for your account.');
    }
    throw new ApiError(0, 'passkey-failed', caught instanceof Error ? caught.message : String(caught));
  }
}
