import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { RECORD_KINDS, type RecordCollection } from '../src/records/kinds.ts';
import { asUpload, buildExportText, buildProfilePatch, buildRegisterInput } from './factories.ts';
import { base32ToBytes, totp } from './rfc6238.ts';
import { registerPerson, sessionCookieFrom, type TestServer } from './test-server.ts';

/**
 * The operations of the server's own OpenAPI document, read the way the route-level tests (the
 * authorization matrix, the route fuzz) iterate them, so a new route is covered without editing them.
 */

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type Method = Uppercase<(typeof METHODS)[number]>;

interface DocumentedParameter {
  name: string;
  in: string;
  required?: boolean;
}

interface DocumentedOperation {
  parameters?: DocumentedParameter[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

/** One documented operation. */
export interface Operation {
  method: Method;
  /** The OpenAPI path template: `/api/v1/regimens/{id}`. */
  path: string;
  /** `METHOD /path`, the key the tests name operations by. */
  label: string;
  pathParameters: string[];
  queryParameters: string[];
  hasBody: boolean;
  /** Whether the document says the operation needs the session cookie. */
  secured: boolean;
  /** The media types its success answers are documented in: `application/json`, or e.g. `text/csv` for a download. */
  successMediaTypes: string[];
}

/** Every operation of GET /api/openapi.json; fails the test on a document too small to be whole. */
export async function documentedOperations(server: TestServer): Promise<Operation[]> {
  const response = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  const paths: Record<string, Partial<Record<string, DocumentedOperation>>> = response.json().paths;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const parameters = operation.parameters ?? [];
      const query = parameters.filter((p) => p.in === 'query');
      // Nothing needs a query parameter today; a route that does needs a value taught to the tests.
      if (query.some((p) => p.required === true)) {
        throw new Error(`${method} ${path}: no value known for a required query parameter`);
      }
      operations.push({
        method: method.toUpperCase() as Method,
        path,
        label: `${method.toUpperCase()} ${path}`,
        pathParameters: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParameters: query.map((p) => p.name),
        hasBody: operation.requestBody !== undefined,
        secured: (operation.security ?? []).some((requirement) => 'sessionCookie' in requirement),
        successMediaTypes: Object.entries(operation.responses ?? {})
          .filter(([status]) => status.startsWith('2'))
          .flatMap(([, response]) => Object.keys(response.content ?? {})),
      });
    }
  }
  // Guards against iterating an empty or half-read document and passing vacuously.
  expect(operations.length).toBeGreaterThanOrEqual(40);
  return operations;
}

/** The record collection an operation belongs to, if it is a record route. */
export function collectionOf(operation: Pick<Operation, 'path'>): RecordCollection | undefined {
  return (Object.keys(RECORD_KINDS) as RecordCollection[]).find((key) => {
    const collection = `/api/v1/${RECORD_KINDS[key].path}`;
    return operation.path === collection || operation.path.startsWith(`${collection}/`);
  });
}

/** A signed-in person, whose cookies are renewed when an operation (sign-out, ending a session) ends them. */
export interface Person {
  id: string;
  email: string;
  password: string;
  cookies: Record<string, string>;
  /** A one-time password-reset token made for the person (as `sunlog reset-password` would). */
  resetToken: string;
}

/** Valid request bodies for the operations that are not about records, by `METHOD /path`. */
export const BODY_BUILDERS: Readonly<Record<string, (person: Person) => object>> = {
  'POST /api/v1/auth/register': () => buildRegisterInput(),
  'POST /api/v1/auth/sign-in': (person) => ({ email: person.email, password: person.password }),
  'POST /api/v1/auth/reauthenticate': (person) => ({ password: person.password }),
  'PUT /api/v1/me/password': (person) => ({
    currentPassword: person.password,
    newPassword: alternatePassword(person.password),
  }),
  'PATCH /api/v1/me/profile': () => buildProfilePatch({ displayName: 'Grace', timeZone: 'Asia/Tokyo' }),
  'POST /api/v1/auth/password-reset': (person) => ({
    token: person.resetToken,
    newPassword: alternatePassword(person.password),
  }),
  'DELETE /api/v1/me': (person) => ({ password: person.password, confirmation: person.email }),
  // Without the password: the tests' sessions signed in moments ago, which counts as a recent proof.
  'POST /api/v1/me/second-factor/totp': () => ({}),
  // A placeholder: a valid code depends on the secret the server draws; see `withFreshTotpCode`.
  'POST /api/v1/me/second-factor/totp/confirm': () => ({ code: '000000' }),
  'DELETE /api/v1/me/second-factor': () => ({}),
  'POST /api/v1/import/preview': () => ({ file: asUpload(buildExportText()) }),
  'POST /api/v1/import': () => ({ file: asUpload(buildExportText()), conflicts: { all: 'keep-mine' } }),
  'POST /api/v1/import/csv/preview': () => ({ kind: 'intakes', file: asUpload(CSV_DOSES) }),
  'POST /api/v1/import/csv': () => ({ kind: 'intakes', file: asUpload(CSV_DOSES) }),
  'POST /api/v1/import/lab-results/preview': () => ({ file: asUpload(JSON.stringify(FHIR_RESULT)) }),
  'POST /api/v1/import/lab-results': () => ({ file: asUpload(JSON.stringify(FHIR_RESULT)) }),
  'POST /api/v1/push/subscriptions': () => buildPushSubscription(),
  'DELETE /api/v1/push/subscriptions': () => ({ endpoint: buildPushSubscription().endpoint }),
  'POST /api/v1/shares': (person) => ({
    from: '2026-01-01',
    to: '2026-03-31',
    expiresInDays: 7,
    label: 'Neurology clinic',
    passcode: '2468',
    password: person.password,
  }),
  // Well-formed but signed by no authenticator: see CANNOT_SUCCEED_HERE.
  'POST /api/v1/me/passkeys': () => ({ response: UNSIGNED_REGISTRATION, name: 'Phone' }),
  'POST /api/v1/auth/passkey': () => ({ response: UNSIGNED_ASSERTION }),
  'POST /api/v1/auth/confirm-email': () => ({ token: 'A'.repeat(43) }),
  'POST /api/v1/auth/password-reset/request': (person) => ({ email: person.email }),
};

/**
 * A push subscription body of the right shape. Its endpoint is a closed local port, so a push to it
 * (the test notification) fails at once instead of leaving the machine.
 */
export function buildPushSubscription() {
  return {
    endpoint: `https://127.0.0.1:9/push/${randomBytes(8).toString('hex')}`,
    keys: {
      p256dh: Buffer.concat([Buffer.from([4]), randomBytes(64)]).toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    },
    expirationTime: null,
  };
}

/**
 * Operations no body built here can make succeed, each with the documented refusal a well-formed body
 * gets instead:
 * - the passkey ones take an authenticator's signed answer to a challenge the server has just handed
 *   out; their success is tested with a software authenticator (accounts/passkeys.int.test.ts) and with
 *   Chromium's virtual authenticator (web e2e passkeys.e2e.test.ts);
 * - the mail ones exist only when SMTP_URL is set, which these test servers are not; their success is
 *   tested against a local SMTP receiver (accounts/mail.int.test.ts);
 * - GET /metrics exists only when METRICS_TOKEN is set, which these test servers are not; it is tested
 *   with and without a token in metrics/metrics.int.test.ts.
 */
export const CANNOT_SUCCEED_HERE: Readonly<Record<string, { status: number; code: string }>> = {
  'POST /api/v1/me/passkeys': { status: 400, code: 'invalid-input' },
  'POST /api/v1/auth/passkey': { status: 401, code: 'invalid-credentials' },
  'POST /api/v1/auth/confirm-email': { status: 404, code: 'not-found' },
  'POST /api/v1/auth/password-reset/request': { status: 404, code: 'not-found' },
  'GET /metrics': { status: 404, code: 'not-found' },
};

const UNSIGNED_CLIENT_DATA = Buffer.from(
  JSON.stringify({ type: 'webauthn.get', challenge: 'bm8tc3VjaC1jaGFsbGVuZ2U', origin: 'https://test' }),
).toString('base64url');

const UNSIGNED_REGISTRATION = {
  id: 'dW5rbm93bi1wYXNza2V5',
  rawId: 'dW5rbm93bi1wYXNza2V5',
  type: 'public-key',
  response: {
    clientDataJSON: UNSIGNED_CLIENT_DATA,
    attestationObject: 'o2NmbXRkbm9uZQ',
    transports: ['internal'],
  },
  clientExtensionResults: {},
};

const UNSIGNED_ASSERTION = {
  id: 'dW5rbm93bi1wYXNza2V5',
  rawId: 'dW5rbm93bi1wYXNza2V5',
  type: 'public-key',
  response: { clientDataJSON: UNSIGNED_CLIENT_DATA, authenticatorData: 'AAAA', signature: 'AAAA' },
  clientExtensionResults: {},
};

/** Stores a passkey for the person directly (its key pair is of no use here), answering its id. */
export async function storePasskey(server: TestServer, userId: string): Promise<string> {
  const id = randomUUID();
  await server.sunlog.db
    .insertInto('passkeys')
    .values({
      id,
      user_id: userId,
      credential_id: randomBytes(16).toString('base64url'),
      public_key: randomBytes(77).toString('base64url'),
      counter: 0,
      transports: '["internal"]',
      name: 'Stored passkey',
      created_at: new Date().toISOString(),
      last_used_at: null,
    })
    .execute();
  return id;
}

/** A small dose log as a spreadsheet saves it. */
const CSV_DOSES = 'Date,Dose\n2026-03-02,2000 IU\n2026-03-03,50 mcg\n';

/** One 25-hydroxyvitamin D result as a FHIR R4 Observation. */
const FHIR_RESULT = {
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '62292-8' }] },
  effectiveDateTime: '2026-02-10',
  valueQuantity: { value: 32, unit: 'ng/mL', system: 'http://unitsofmeasure.org', code: 'ng/mL' },
};

/** A strong password other than `password`: going back and forth between two keeps it short. */
function alternatePassword(password: string): string {
  return password.endsWith(' renewed') ? password.slice(0, -' renewed'.length) : `${password} renewed`;
}

/** Operations whose success sets the person's password to the `newPassword` of the body it sent. */
export const CHANGES_PASSWORD: ReadonlySet<string> = new Set([
  'PUT /api/v1/me/password',
  'POST /api/v1/auth/password-reset',
]);

/**
 * After a successful call of `label` with `body` (an object or JSON text), remembers the person's new
 * password when the call changed it, so later sign-ins of the tests use it.
 */
export function adoptNewPassword(person: Person, label: string, body: unknown): void {
  if (!CHANGES_PASSWORD.has(label)) return;
  const parsed: unknown = typeof body === 'string' ? JSON.parse(body) : body;
  if (typeof parsed === 'object' && parsed !== null && 'newPassword' in parsed) {
    if (typeof parsed.newPassword === 'string') person.password = parsed.newPassword;
  }
}

/** Operations whose success ends the person's account: the tests carry on with a new person. */
export const ENDS_ACCOUNT: ReadonlySet<string> = new Set(['DELETE /api/v1/me']);

/** Signs the person in again and answers the new session's cookie (fails the test on anything but 200). */
export async function signIn(
  server: TestServer,
  person: Person,
  headers: Record<string, string> = {},
): Promise<Record<string, string>> {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    headers,
    payload: { email: person.email, password: person.password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in answered ${response.statusCode}: ${response.body}`);
  return sessionCookieFrom(response);
}

/** Registers a new person through the API. */
export async function newPerson(server: TestServer): Promise<Person> {
  const { id, input, cookies } = await registerPerson(server);
  const resetToken = await issueResetToken(server, { id, email: input.email });
  return { id, email: input.email, password: input.password, cookies, resetToken };
}

/** A fresh one-time reset token for the person, as `sunlog reset-password` makes one. */
export async function issueResetToken(
  server: TestServer,
  user: { id: string; email: string },
): Promise<string> {
  const link = await server.sunlog.passwordResets.issue(user, 'https://test', {
    requestId: 'test',
    address: 'cli',
    userAgent: null,
  });
  return link.url.slice(link.url.indexOf('#token=') + '#token='.length);
}

/** After a successful call: the person's new password if it changed, and a new reset token if one was used. */
export async function afterSuccessfulCall(
  server: TestServer,
  person: Person,
  label: string,
  body: unknown,
): Promise<void> {
  adoptNewPassword(person, label, body);
  if (label === 'POST /api/v1/auth/password-reset') person.resetToken = await issueResetToken(server, person);
}

/** The operation whose valid body needs the server's answer first (the secret of a set-up). */
export const CONFIRMS_SECOND_FACTOR = 'POST /api/v1/me/second-factor/totp/confirm';

/**
 * For `CONFIRMS_SECOND_FACTOR`: starts setting up an authenticator app for the cookie's person and
 * answers the body with the code the app would show now (computed with test/rfc6238.ts). When the start
 * is refused (an anonymous caller), the body stays as it was.
 */
export async function withFreshTotpCode(
  server: TestServer,
  cookies: Record<string, string>,
  body: object | undefined,
): Promise<object | undefined> {
  const started = await server.app.inject({
    method: 'POST',
    url: '/api/v1/me/second-factor/totp',
    cookies,
    payload: {},
  });
  if (started.statusCode !== 200) return body;
  const secret = base32ToBytes(started.json().secret);
  return { code: totp(secret, Math.floor(server.sunlog.clock().getTime() / 1000)) };
}

/** Turns the person's second factor off again, so later sign-ins of the tests need only the password. */
export async function turnOffSecondFactor(
  server: TestServer,
  cookies: Record<string, string>,
): Promise<void> {
  await server.app.inject({ method: 'DELETE', url: '/api/v1/me/second-factor', cookies, payload: {} });
}
