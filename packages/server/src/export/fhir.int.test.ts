import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import {
  buildFlare,
  buildIntake,
  buildLabResult,
  buildRegimen,
  buildSymptomCheck,
} from '../../test/factories.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';

type Person = Awaited<ReturnType<typeof registerPerson>>;

async function create(server: TestServer, person: Person, path: string, payload: object): Promise<string> {
  const response = await server.app.inject({
    method: 'POST',
    url: `/api/v1/${path}`,
    cookies: person.cookies,
    payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().record.id;
}

/** One record of each kind the Bundle carries; answers their ids. */
async function logSomeRecords(server: TestServer, person: Person) {
  const regimen = await create(server, person, 'regimens', buildRegimen());
  const intake = await create(server, person, 'intakes', buildIntake({ regimenId: regimen }));
  const lab = await create(
    server,
    person,
    'lab-results',
    buildLabResult({ level: { value: 41.5, unit: 'ng/mL' } }),
  );
  const check = await create(server, person, 'symptom-checks', buildSymptomCheck());
  const flare = await create(server, person, 'flares', buildFlare({ endDate: '2026-02-14' }));
  return { regimen, intake, lab, check, flare };
}

describe.each(engines())('GET /api/v1/export/fhir on $name', (engine) => {
  const server = useTestServer(engine);

  test('answers the person’s records in the range as a FHIR Bundle attachment, and nobody else’s', async () => {
    const { app } = server();
    const person = await registerPerson(server(), { displayName: 'Ada' });
    const other = await registerPerson(server(), { displayName: 'Grace' });
    const mine = await logSomeRecords(server(), person);
    const theirs = await logSomeRecords(server(), other);

    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/export/fhir?from=2026-01-01&to=2026-03-31',
      cookies: person.cookies,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="sunlog-fhir-2026-01-01-to-2026-03-31.json"',
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const bundle = response.json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const ids = bundle.entry.map((entry: { resource: { id: string } }) => entry.resource.id);
    for (const id of Object.values(mine)) expect(ids).toContain(id);
    for (const id of Object.values(theirs)) expect(ids).not.toContain(id);
    expect(response.body).not.toContain('Grace');
    expect(response.body).not.toContain(other.id);
    const patient = bundle.entry[0].resource;
    expect(patient).toMatchObject({ resourceType: 'Patient', id: person.id, name: [{ text: 'Ada' }] });
    const lab = bundle.entry.find(
      (entry: { resource: { id: string } }) => entry.resource.id === mine.lab,
    ).resource;
    expect(lab.valueQuantity).toMatchObject({ value: 41.5, code: 'ng/mL' });
  });

  test('leaves out records outside the range; six months up to today by default', async () => {
    const { app } = server();
    const person = await registerPerson(server());
    const mine = await logSomeRecords(server(), person);
    const narrow = await app.inject({
      method: 'GET',
      url: '/api/v1/export/fhir?from=2026-03-01&to=2026-03-31',
      cookies: person.cookies,
    });
    const ids = narrow.json().entry.map((entry: { resource: { id: string } }) => entry.resource.id);
    expect(ids).toContain(mine.intake);
    expect(ids).toContain(mine.check);
    expect(ids).not.toContain(mine.lab);
    expect(ids).not.toContain(mine.flare);

    const byDefault = await app.inject({
      method: 'GET',
      url: '/api/v1/export/fhir',
      cookies: person.cookies,
    });
    expect(byDefault.statusCode).toBe(200);
    const match = /sunlog-fhir-(\d{4}-\d{2}-\d{2})-to-(\d{4}-\d{2}-\d{2})\.json/.exec(
      byDefault.headers['content-disposition'] as string,
    );
    const [from, to] = [match?.[1] ?? '', match?.[2] ?? ''];
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(181);
    expect(days).toBeLessThanOrEqual(184);
  });

  test('refuses a range that ends before it starts, and a date that does not exist', async () => {
    const { app } = server();
    const person = await registerPerson(server());
    for (const query of ['from=2026-04-01&to=2026-03-01', 'from=2026-02-30']) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/export/fhir?${query}`,
        cookies: person.cookies,
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('invalid-input');
    }
  });

  test('answers 401 to an anonymous caller', async () => {
    const response = await server().app.inject({ method: 'GET', url: '/api/v1/export/fhir' });
    expect(response.statusCode).toBe(401);
    expect(response.body).not.toContain('Bundle');
  });
});
