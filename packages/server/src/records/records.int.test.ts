import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { engines, type TestEngine } from '../../test/engines.ts';
import {
  buildCheckIn,
  buildFlare,
  buildIntake,
  buildLabResult,
  buildRegimen,
  buildSymptomCheck,
} from '../../test/factories.ts';
import { registerPerson, type TestServer } from '../../test/test-server.ts';
import { buildApp } from '../app.ts';
import { openSunlog } from '../context.ts';
import { RECORD_KINDS, type RecordCollection, type RecordKind } from './kinds.ts';

type Body = { id: string } & Record<string, unknown>;

/** What the generated tests need to know about one kind beyond its descriptor. */
interface KindCase {
  /** A valid create body filed under `date` (always the first of a month, so check-ins fit too). */
  build(date: string): Body;
  /** Changes that make a body invalid, and the field the 400 must name. */
  invalid: { change: Record<string, unknown>; field: string }[];
  /** A valid change for an edit. */
  edit: Record<string, unknown>;
}

const CASES: Record<RecordCollection, KindCase> = {
  regimens: {
    build: (date) => buildRegimen({ startDate: date }),
    invalid: [
      { change: { startDate: '2026-02-30' }, field: 'startDate' },
      { change: { amountPerDose: { value: 1000, unit: 'mg' } }, field: 'amountPerDose.unit' },
    ],
    edit: { productName: 'Vitamin D3 tablets', amountPerDose: { value: 4000, unit: 'IU' } },
  },
  intakes: {
    build: (date) => buildIntake({ localDate: date, takenAt: `${date}T08:00:00+01:00` }),
    invalid: [
      { change: { localDate: '2026-13-01' }, field: 'localDate' },
      { change: { amount: { value: -5, unit: 'IU' } }, field: 'amount.value' },
    ],
    edit: { status: 'skipped', note: 'Forgot at breakfast' },
  },
  labResults: {
    build: (date) => buildLabResult({ sampleDate: date }),
    invalid: [
      // A calcium unit on a vitamin D result.
      { change: { level: { value: 32, unit: 'mg/dL' } }, field: 'level.unit' },
      { change: { sampleDate: 'yesterday' }, field: 'sampleDate' },
    ],
    edit: { level: { value: 41, unit: 'ng/mL' }, note: 'Retested' },
  },
  symptomChecks: {
    build: (date) => buildSymptomCheck({ localDate: date }),
    invalid: [
      { change: { scores: { fatigue: 11 } }, field: 'scores.fatigue' },
      { change: { localDate: '2026-02-29' }, field: 'localDate' },
    ],
    edit: { scores: { fatigue: 3, mood: 8 }, note: 'Better today' },
  },
  flares: {
    build: (date) => buildFlare({ startDate: date }),
    invalid: [
      { change: { severity: 'extreme' }, field: 'severity' },
      { change: { startDate: '2026-03-01', endDate: '2026-02-01' }, field: 'endDate' },
    ],
    edit: { endDate: '2026-12-31', severity: 'mild', steroidTreatment: true },
  },
  checkIns: {
    build: (date) => buildCheckIn({ month: date.slice(0, 7) }),
    invalid: [{ change: { month: '2026-13' }, field: 'month' }],
    edit: { questionsForDoctor: ['Is my level fine?', 'More sun in summer?'] },
  },
};

const KINDS = (Object.keys(RECORD_KINDS) as RecordCollection[]).map((key) => ({
  key,
  kind: RECORD_KINDS[key] as RecordKind,
  ...CASES[key],
}));

const START = Date.parse('2026-03-01T09:00:00.000Z');

/** The production app over a fresh database, with a clock the test moves forward by hand. */
function useClockedServer(engine: TestEngine): { server: () => TestServer; advance: (ms: number) => void } {
  let now = START;
  let server: TestServer | undefined;
  beforeEach(async () => {
    now = START;
    const { config, dispose } = await engine.freshDatabase();
    const sunlog = await openSunlog(config, { clock: () => new Date(now) });
    const app = await buildApp(sunlog);
    await app.ready();
    server = {
      sunlog,
      app,
      routes: [],
      close: async () => {
        await app.close();
        await sunlog.close();
        await dispose();
      },
    };
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return {
    server: () => {
      if (server === undefined) throw new Error('no server outside a test');
      return server;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/** The same value with its object keys in reverse order, to show key order does not matter. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, member]) => [key, reverseKeys(member)]),
  );
}

describe.each(engines())('records on $name', (engine) => {
  const { server, advance } = useClockedServer(engine);

  describe.each(KINDS)('$kind.path', ({ kind, build, invalid, edit }) => {
    const collection = `/api/v1/${kind.path}`;

    test('creating answers 201 with the record and server-stamped timestamps, and it can be read back', async () => {
      const { app } = server();
      const { cookies } = await registerPerson(server());
      const body = build('2026-02-01');
      const created = await app.inject({ method: 'POST', url: collection, cookies, payload: body });
      expect(created.statusCode).toBe(201);
      const stamp = new Date(START).toISOString();
      expect(created.json()).toEqual({ record: { ...body, createdAt: stamp, updatedAt: stamp } });

      const read = await app.inject({ method: 'GET', url: `${collection}/${body.id}`, cookies });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(created.json());
    });

    test('replaying a create with the same id and body answers 200 with the original and saves nothing new', async () => {
      const { app } = server();
      const { cookies } = await registerPerson(server());
      const body = build('2026-02-01');
      const created = await app.inject({ method: 'POST', url: collection, cookies, payload: body });
      advance(60_000);
      const replayed = await app.inject({
        method: 'POST',
        url: collection,
        cookies,
        payload: reverseKeys(body) as object,
      });
      expect(replayed.statusCode).toBe(200);
      expect(replayed.json()).toEqual(created.json());
      const list = await app.inject({ method: 'GET', url: collection, cookies });
      expect(list.json()).toEqual({ items: [created.json().record], nextCursor: null });
    });

    test('the same id with a different body answers 422 idempotency-conflict and keeps the first', async () => {
      const { app } = server();
      const { cookies } = await registerPerson(server());
      const body = build('2026-02-01');
      const created = await app.inject({ method: 'POST', url: collection, cookies, payload: body });
      const conflicting = await app.inject({
        method: 'POST',
        url: collection,
        cookies,
        payload: { ...build('2026-02-01'), ...edit, id: body.id },
      });
      expect(conflicting.statusCode).toBe(422);
      expect(conflicting.json().error.code).toBe('idempotency-conflict');
      const read = await app.inject({ method: 'GET', url: `${collection}/${body.id}`, cookies });
      expect(read.json()).toEqual(created.json());
    });

    test.each(invalid)(
      'an invalid $field answers 400 naming the field and saves nothing',
      async ({ change, field }) => {
        const { app } = server();
        const { cookies } = await registerPerson(server());
        const body = { ...build('2026-02-01'), ...change };
        const response = await app.inject({ method: 'POST', url: collection, cookies, payload: body });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('invalid-input');
        expect(response.json().error.fields.map((issue: { path: string }) => issue.path)).toContain(field);
        const read = await app.inject({ method: 'GET', url: `${collection}/${body.id}`, cookies });
        expect(read.statusCode).toBe(404);
      },
    );

    test('a list filters by filed date and pages newest first without duplicates or gaps', async () => {
      const { app } = server();
      const { cookies } = await registerPerson(server());
      const dates = ['2025-11-01', '2025-12-01', '2025-12-01', '2026-01-01', '2026-01-01', '2026-01-01'];
      dates.push('2026-02-01');
      const bodies = dates.map((date) => build(date));
      for (const body of bodies) {
        const response = await app.inject({ method: 'POST', url: collection, cookies, payload: body });
        expect(response.statusCode).toBe(201);
      }
      const filedOn = new Map(bodies.map((body, index) => [body.id, dates[index] ?? '']));
      const expectedOrder = [...bodies]
        .sort((a, b) => {
          const byDate = (filedOn.get(b.id) ?? '').localeCompare(filedOn.get(a.id) ?? '');
          return byDate !== 0 ? byDate : b.id < a.id ? -1 : b.id > a.id ? 1 : 0;
        })
        .map((body) => body.id);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor === null ? 'limit=2' : `limit=2&cursor=${cursor}`;
        const page = await app.inject({ method: 'GET', url: `${collection}?${query}`, cookies });
        expect(page.statusCode).toBe(200);
        const { items, nextCursor } = page.json();
        expect(items.length).toBeLessThanOrEqual(2);
        seen.push(...items.map((item: { id: string }) => item.id));
        cursor = nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(4);
      // Postgres and SQLite may order ties by id differently (collation), so ties compare as sets.
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.map((id) => filedOn.get(id))).toEqual(expectedOrder.map((id) => filedOn.get(id)));
      expect([...seen].sort()).toEqual([...expectedOrder].sort());

      const ranged = await app.inject({
        method: 'GET',
        url: `${collection}?from=2025-12-01&to=2026-01-01`,
        cookies,
      });
      const rangedIds = ranged.json().items.map((item: { id: string }) => item.id);
      expect(rangedIds.map((id: string) => filedOn.get(id))).toEqual([
        '2026-01-01',
        '2026-01-01',
        '2026-01-01',
        '2025-12-01',
        '2025-12-01',
      ]);
      expect(ranged.json().nextCursor).toBeNull();
    });

    test('a replace answers the new version with a new updatedAt and keeps the old one as a revision', async () => {
      const { app, sunlog } = server();
      const { cookies } = await registerPerson(server());
      const body = build('2026-02-01');
      const created = (await app.inject({ method: 'POST', url: collection, cookies, payload: body })).json();
      advance(60_000);
      const changed = { ...body, ...edit };
      const replaced = await app.inject({
        method: 'PUT',
        url: `${collection}/${body.id}`,
        cookies,
        payload: changed,
      });
      expect(replaced.statusCode).toBe(200);
      const expected = {
        record: {
          ...changed,
          createdAt: created.record.createdAt,
          updatedAt: new Date(START + 60_000).toISOString(),
        },
      };
      expect(replaced.json()).toEqual(expected);
      const read = await app.inject({ method: 'GET', url: `${collection}/${body.id}`, cookies });
      expect(read.json()).toEqual(expected);

      advance(60_000);
      const again = await app.inject({
        method: 'PUT',
        url: `${collection}/${body.id}`,
        cookies,
        payload: changed,
      });
      expect(again.json()).toEqual(expected);

      const revisions = await sunlog.db
        .selectFrom('record_revisions')
        .select(['kind', 'record_id', 'body'])
        .where('record_id', '=', body.id)
        .execute();
      expect(revisions.map((revision) => ({ ...revision, body: JSON.parse(revision.body) }))).toEqual([
        { kind: kind.table, record_id: body.id, body: created.record },
      ]);
    });

    test('a replace whose body id differs from the address answers 400 on id and changes nothing', async () => {
      const { app } = server();
      const { cookies } = await registerPerson(server());
      const body = build('2026-02-01');
      const created = (await app.inject({ method: 'POST', url: collection, cookies, payload: body })).json();
      const response = await app.inject({
        method: 'PUT',
        url: `${collection}/${body.id}`,
        cookies,
        payload: { ...build('2026-02-01'), ...edit },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([{ path: 'id', message: expect.any(String) }]);
      const read = await app.inject({ method: 'GET', url: `${collection}/${body.id}`, cookies });
      expect(read.json()).toEqual(created);
    });

    test('a deleted record is gone from reads and lists until it is restored', async () => {
      const { app, sunlog } = server();
      const person = await registerPerson(server());
      const { cookies } = person;
      const body = build('2026-02-01');
      const created = (await app.inject({ method: 'POST', url: collection, cookies, payload: body })).json();
      const url = `${collection}/${body.id}`;

      expect((await app.inject({ method: 'DELETE', url, cookies })).statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url, cookies })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: collection, cookies })).json().items).toEqual([]);
      expect(
        (await app.inject({ method: 'PUT', url, cookies, payload: { ...body, ...edit } })).statusCode,
      ).toBe(404);
      expect((await app.inject({ method: 'DELETE', url, cookies })).statusCode).toBe(204);

      const restored = await app.inject({ method: 'POST', url: `${url}/restore`, cookies });
      expect(restored.statusCode).toBe(200);
      expect(restored.json()).toEqual(created);
      expect((await app.inject({ method: 'GET', url, cookies })).json()).toEqual(created);
      expect((await app.inject({ method: 'GET', url: collection, cookies })).json().items).toEqual([
        created.record,
      ]);

      const audit = await sunlog.db
        .selectFrom('audit_events')
        .select(['action', 'outcome', 'detail'])
        .where('user_id', '=', person.id)
        .where('action', 'in', ['record.delete', 'record.restore'])
        .orderBy('at')
        .execute();
      const detail = JSON.stringify({ kind: kind.name, id: body.id });
      expect(audit).toEqual([
        { action: 'record.delete', outcome: 'success', detail },
        { action: 'record.restore', outcome: 'success', detail },
      ]);
    });
  });

  test('concurrent creates of one id save one record: one 201, the rest 200 with the same record', async () => {
    const { app, sunlog } = server();
    const { cookies } = await registerPerson(server());
    const body = buildIntake();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        app.inject({ method: 'POST', url: '/api/v1/intakes', cookies, payload: body }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const records = responses.map((r) => r.json().record);
    for (const record of records) expect(record).toEqual(records[0]);
    const rows = await sunlog.db.selectFrom('intakes').select('id').execute();
    expect(rows).toEqual([{ id: body.id }]);
  });

  test('concurrent creates of one id with different bodies save the first and refuse the rest with 422', async () => {
    const { app } = server();
    const { cookies } = await registerPerson(server());
    const id = buildIntake().id;
    const bodies = [1000, 2000, 3000, 4000].map((value) =>
      buildIntake({ id, amount: { value, unit: 'IU' } }),
    );
    const responses = await Promise.all(
      bodies.map((payload) => app.inject({ method: 'POST', url: '/api/v1/intakes', cookies, payload })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 422, 422, 422]);
    const winner = responses.find((r) => r.statusCode === 201)?.json();
    const read = await app.inject({ method: 'GET', url: `/api/v1/intakes/${id}`, cookies });
    expect(read.json()).toEqual(winner);
  });

  test('a list refuses a bad cursor, a limit out of 1..500 and a range that ends before it starts', async () => {
    const { app } = server();
    const { cookies } = await registerPerson(server());
    const cases: [string, string][] = [
      ['cursor=not-a-cursor', 'cursor'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['from=2026-03-01&to=2026-02-01', 'to'],
      ['from=2026-02-30', 'from'],
    ];
    for (const [query, field] of cases) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/flares?${query}`, cookies });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('invalid-input');
      expect(response.json().error.fields.map((issue: { path: string }) => issue.path)).toContain(field);
    }
    const largest = await app.inject({ method: 'GET', url: '/api/v1/flares?limit=500', cookies });
    expect(largest.statusCode).toBe(200);
  });

  test('a list answers at most 100 items when no limit is given', async () => {
    const { app } = server();
    const person = await registerPerson(server());
    for (let i = 0; i < 101; i += 1) {
      const payload = buildCheckIn();
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/check-ins',
        cookies: person.cookies,
        payload,
      });
      expect(response.statusCode).toBe(201);
    }
    const first = await app.inject({ method: 'GET', url: '/api/v1/check-ins', cookies: person.cookies });
    expect(first.json().items).toHaveLength(100);
    const rest = await app.inject({
      method: 'GET',
      url: `/api/v1/check-ins?cursor=${first.json().nextCursor}`,
      cookies: person.cookies,
    });
    expect(rest.json().items).toHaveLength(1);
    expect(rest.json().nextCursor).toBeNull();
  });

  test('another kind may reuse an id: kinds are stored apart', async () => {
    const { app } = server();
    const { cookies } = await registerPerson(server());
    const flare = buildFlare();
    const symptomCheck = buildSymptomCheck({ id: flare.id });
    const labResult = buildLabResult();
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/flares', cookies, payload: flare })).statusCode,
    ).toBe(201);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/symptom-checks', cookies, payload: symptomCheck }))
        .statusCode,
    ).toBe(201);
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/lab-results/${flare.id}`, cookies })).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/lab-results', cookies, payload: labResult }))
        .statusCode,
    ).toBe(201);
  });
});
