import { z } from 'zod';

const Base64Url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*$/, 'Expected base64url.');

const ClientExtensionResults = z.record(z.string(), z.unknown());

/** What `startRegistration` in @simplewebauthn/browser returns (WebAuthn RegistrationResponseJSON). */
export const RegistrationResponseSchema = z.object({
  id: Base64Url.max(1024),
  rawId: Base64Url.max(1024),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: Base64Url,
    attestationObject: Base64Url,
    authenticatorData: Base64Url.optional(),
    transports: z.array(z.string().max(32)).max(16).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: Base64Url.optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: ClientExtensionResults,
});

/** What `startAuthentication` in @simplewebauthn/browser returns (WebAuthn AuthenticationResponseJSON). */
export const AuthenticationResponseSchema = z.object({
  id: Base64Url.max(1024),
  rawId: Base64Url.max(1024),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: Base64Url,
    authenticatorData: Base64Url,
    signature: Base64Url,
    userHandle: Base64Url.max(1024).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: ClientExtensionResults,
});

export const AddPasskeyInputSchema = z.object({
  response: RegistrationResponseSchema,
  name: z.string().trim().max(60).optional().describe('What the person calls it, e.g. "My phone".'),
});

export const PasskeySignInInputSchema = z.object({ response: AuthenticationResponseSchema });

/** WebAuthn creation or request options as JSON, passed as-is to the browser library. */
export const CeremonyOptionsSchema = z
  .looseObject({ challenge: z.string(), rpId: z.string().optional(), timeout: z.number().optional() })
  .describe(
    'Options for @simplewebauthn/browser (PublicKeyCredentialCreationOptionsJSON or RequestOptionsJSON).',
  );

export const PasskeySummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PasskeySummary' });

export const PasskeyListResponseSchema = z.object({ passkeys: z.array(PasskeySummarySchema) });

// Any string: an id that is not the person's answers 404 whether or not it looks like a UUID.
export const PasskeyIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
