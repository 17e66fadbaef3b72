import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { labCollection, portalSearchset } from '../../../core/test/fhir-fixtures.ts';
import { engines } from '../../test/engines.ts';
import { asUpload, buildIntake, buildLabResult, buildSymptomCheck } from '../../test/factories.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';

type Person = Awaited<ReturnType<typeof registerPerson>>;

async function post(server: TestServer, person: Person, url: string, payload: object) {
  return server.app.inject({ method: 'POST', url, cookies: person.cookies, payload });
}

async function list(server: TestServer, person: Person, path: string) {
  const response = await server.app.inject({
    method: 'GET',
    url: `/api/v1/${path}?limit=500`,
    cookies: person.cookies,
  });
  return response.json().items as Record<string, unknown>[];
}

async function csvOf(server: TestServer, person: Person, path: string) {
  const response = await server.app.inject({
    method: 'GET',
    url: `/api/v1/export/csv/${path}`,
    cookies: person.cookies,
  });
  expect(response.statusCode).toBe(200);
  return response;
}

const content = ({ createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest;

describe.each(engines())('CSV export on $name', (engine) => {
  const server = useTestServer(engine);

  test('opens in a spreadsheet: BOM, header, ISO dates, units apart, formulas escaped; csv-parse reads it back', async () => {
    const s = server();
    const person = await registerPerson(s);
    const intake = buildIntake({
      note: '=HYPERLINK("http://evil.example","click"), then "quotes"\nand a line break',
    });
    expect((await post(s, person, '/api/v1/intakes', intake)).statusCode).toBe(201);
    const response = await csvOf(s, person, 'intakes');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="sunlog-intakes-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.body.startsWith('\uFEFFid,date,taken_at,status,amount,unit,regimen_id,note\r\n')).toBe(
      true,
    );
    const rows: Record<string, string>[] = parse(response.body, { bom: true, columns: true });
    expect(rows).toEqual([
      {
        id: intake.id,
        date: intake.localDate,
        taken_at: intake.takenAt,
        status: 'taken',
        amount: '2000',
        unit: 'IU',
        regimen_id: '',
        note: `'${intake.note}`,
      },
    ]);
  });

  test('every kind has a CSV with a header row; another person’s records are not in it', async () => {
    const s = server();
    const person = await registerPerson(s);
    const other = await registerPerson(s);
    const theirs = buildLabResult();
    expect((await post(s, other, '/api/v1/lab-results', theirs)).statusCode).toBe(201);
    for (const path of ['regimens', 'intakes', 'lab-results', 'symptom-checks', 'flares', 'check-ins']) {
      const response = await csvOf(s, person, path);
      const [header, ...rows] = parse(response.body, { bom: true }) as string[][];
      expect(header?.[0], path).toBe('id');
      expect(rows, path).toEqual([]);
    }
    expect((await csvOf(s, other, 'lab-results')).body).toContain(theirs.id);
  });
});

describe.each(engines())('CSV import on $name', (engine) => {
  const server = useTestServer(engine);

  test('a CSV made by Sunlog comes back as the same records, and a second import adds nothing', async () => {
    const s = server();
    const person = await registerPerson(s);
    const records = {
      intakes: [
        buildIntake({ note: '-tired, took it late' }),
        buildIntake({
          localDate: '2026-03-03',
          takenAt: '2026-03-03T21:10:00+01:00',
          amount: { value: 50, unit: 'ug' },
          status: 'skipped',
        }),
      ],
      'lab-results': [buildLabResult({ referenceRange: undefined, level: { value: 80.5, unit: 'nmol/L' } })],
      'symptom-checks': [
        buildSymptomCheck({ custom: [], scores: { fatigue: 7, overallWellness: 4 }, note: 'hot day' }),
      ],
    };
    for (const [path, items] of Object.entries(records)) {
      for (const item of items) expect((await post(s, person, `/api/v1/${path}`, item)).statusCode).toBe(201);
    }
    const fresh = await registerPerson(s, { timeZone: 'Europe/Berlin' });
    for (const [path, kind] of [
      ['intakes', 'intakes'],
      ['lab-results', 'labResults'],
      ['symptom-checks', 'symptomChecks'],
    ] as const) {
      const file = asUpload((await csvOf(s, person, path)).body);
      const preview = await post(s, fresh, '/api/v1/import/csv/preview', { kind, file });
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toMatchObject({ errorCount: 0, add: records[path].length });
      const imported = await post(s, fresh, '/api/v1/import/csv', { kind, file });
      expect(imported.json(), path).toEqual({ add: records[path].length, duplicates: 0, alreadyImported: 0 });
      const mine = (await list(s, person, path)).map(content);
      const theirs = (await list(s, fresh, path)).map(content);
      // The lab result comes back without what the CSV does not carry for an import (its LOINC code).
      expect(theirs, path).toEqual(
        path === 'lab-results' ? mine.map(({ loincCode: _l, ...rest }) => rest) : mine,
      );
      const again = await post(s, fresh, '/api/v1/import/csv', { kind, file });
      expect(again.json(), path).toEqual({ add: 0, duplicates: 0, alreadyImported: records[path].length });
    }
  });

  test('a German spreadsheet: semicolons, day-first dates, decimal commas, units in the cells', async () => {
    const s = server();
    const person = await registerPerson(s, { timeZone: 'Europe/Berlin' });
    const file = asUpload(
      'Datum;Uhrzeit;Dosis;Notiz\r\n02.03.2026;08:15;2.000 IE;"morgens; mit Frühstück"\r\n03.03.2026;;12,5 µg;\r\n',
    );
    const preview = await post(s, person, '/api/v1/import/csv/preview', { kind: 'intakes', file });
    expect(preview.json()).toMatchObject({
      delimiter: ';',
      mapping: { date: 'Datum', time: 'Uhrzeit', amount: 'Dosis', note: 'Notiz' },
      lines: 2,
      add: 2,
      dateRange: { from: '2026-03-02', to: '2026-03-03' },
      errorCount: 0,
    });
    expect((await post(s, person, '/api/v1/import/csv', { kind: 'intakes', file })).statusCode).toBe(200);
    const intakes = await list(s, person, 'intakes');
    expect(intakes.map((intake) => [intake.takenAt, intake.amount, intake.note])).toEqual([
      ['2026-03-03T12:00:00+01:00', { value: 12.5, unit: 'ug' }, undefined],
      ['2026-03-02T08:15:00+01:00', { value: 2000, unit: 'IU' }, 'morgens; mit Frühstück'],
    ]);
  });

  test('lines in error are listed with line and column, and nothing is written until all are right', async () => {
    const s = server();
    const person = await registerPerson(s);
    const text =
      'date,result\n2026-02-10,32 ng/mL\n2026-02-30,30 ng/mL\n2026-03-10,-4 ng/mL\n2026-04-10,=B2+1\n2026-05-10,2.4 mmol/L\n';
    const preview = await post(s, person, '/api/v1/import/csv/preview', {
      kind: 'labResults',
      file: asUpload(text),
    });
    expect(preview.json().errors).toEqual([
      { line: 3, column: 'date', message: '2026-02-30 is not a date that exists' },
      { line: 4, column: 'result', message: '-4 is not above 0' },
      {
        line: 5,
        column: 'result',
        message: '"=B2+1" is a spreadsheet formula: save the values, not the formulas',
      },
      {
        line: 6,
        column: 'result',
        message: '"mmol/L" is not a unit for 25-hydroxyvitamin D: use ng/mL or nmol/L',
      },
    ]);
    const refused = await post(s, person, '/api/v1/import/csv', { kind: 'labResults', file: asUpload(text) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(
      /^Nothing was imported: 4 problems in the file\. Line 3, column "date": /,
    );
    expect(await list(s, person, 'lab-results')).toEqual([]);
  });

  test('a CSV in UTF-16 or Latin-1 is refused with what to do; an unclosed quote names its line', async () => {
    const s = server();
    const person = await registerPerson(s);
    const text = 'date,dose,note\n2026-03-02,2000 IU,Café\n';
    const utf16 = await post(s, person, '/api/v1/import/csv', {
      kind: 'intakes',
      file: asUpload(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
    });
    expect(utf16.json().error.message).toMatch(/UTF-16.*"CSV UTF-8"/);
    const latin1 = await post(s, person, '/api/v1/import/csv', {
      kind: 'intakes',
      file: asUpload(Buffer.from(text, 'latin1')),
    });
    expect(latin1.json().error.message).toMatch(/not UTF-8 text \(line 2 is not\).*Latin-1/);
    const quote = await post(s, person, '/api/v1/import/csv', {
      kind: 'intakes',
      file: asUpload('date,dose\n2026-03-02,"2000 IU\n'),
    });
    expect(quote.json().error.message).toMatch(/cannot be read at line \d: a quoted value is never closed/);
    expect(await list(s, person, 'intakes')).toEqual([]);
  });

  test('a blood result already logged by hand is not added again from a CSV', async () => {
    const s = server();
    const person = await registerPerson(s);
    expect(
      (
        await post(
          s,
          person,
          '/api/v1/lab-results',
          buildLabResult({ sampleDate: '2026-02-10', level: { value: 32, unit: 'ng/mL' } }),
        )
      ).statusCode,
    ).toBe(201);
    const file = asUpload('date,25(OH)D ng/mL\n2026-02-10,32\n2026-05-10,41\n');
    const imported = await post(s, person, '/api/v1/import/csv', { kind: 'labResults', file });
    expect(imported.json()).toEqual({ add: 1, duplicates: 1, alreadyImported: 0 });
  });
});

describe.each(engines())('lab results from a FHIR file on $name', (engine) => {
  const server = useTestServer(engine);

  test('a portal searchset adds its 25(OH)D result, counts what it skipped, and never adds it twice', async () => {
    const s = server();
    const person = await registerPerson(s, { timeZone: 'Europe/Berlin' });
    const file = asUpload(JSON.stringify(portalSearchset));
    const preview = await post(s, person, '/api/v1/import/lab-results/preview', { file });
    expect(preview.json()).toEqual({
      found: 1,
      add: 1,
      duplicates: 0,
      alreadyImported: 0,
      skipped: { 'other-test': 2, 'not-an-observation': 1 },
      dateRange: { from: '2026-02-10', to: '2026-02-10' },
    });
    expect((await post(s, person, '/api/v1/import/lab-results', { file })).json()).toEqual({
      add: 1,
      duplicates: 0,
      alreadyImported: 0,
    });
    expect((await post(s, person, '/api/v1/import/lab-results', { file })).json()).toEqual({
      add: 0,
      duplicates: 0,
      alreadyImported: 1,
    });
    const [result] = await list(s, person, 'lab-results');
    expect(result).toMatchObject({
      level: { value: 32, unit: 'ng/mL' },
      loincCode: '62292-8',
      labName: 'Example Hospital Laboratory',
    });
  });

  test('a result the person logged by hand, and a repeat inside the file, are duplicates', async () => {
    const s = server();
    const person = await registerPerson(s);
    expect(
      (
        await post(
          s,
          person,
          '/api/v1/lab-results',
          buildLabResult({ sampleDate: '2026-05-20', level: { value: 41, unit: 'ng/mL' } }),
        )
      ).statusCode,
    ).toBe(201);
    const imported = await post(s, person, '/api/v1/import/lab-results', {
      file: asUpload(JSON.stringify(labCollection)),
    });
    expect(imported.json()).toEqual({ add: 0, duplicates: 2, alreadyImported: 0 });
  });

  test('broken JSON and a resource that is not an Observation or Bundle are refused clearly', async () => {
    const s = server();
    const person = await registerPerson(s);
    const broken = await post(s, person, '/api/v1/import/lab-results', {
      file: asUpload('{"resourceType": "Bundle",\n "entry": [}'),
    });
    expect(broken.json().error.message).toBe('The file is not valid JSON: line 2, column 12');
    const patient = await post(s, person, '/api/v1/import/lab-results', {
      file: asUpload('{"resourceType":"Patient"}'),
    });
    expect(patient.json().error).toMatchObject({
      code: 'invalid-file',
      message: expect.stringContaining('FHIR Patient'),
    });
  });
});
