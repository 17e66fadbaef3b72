import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import {
  buildCheckIn,
  buildFlare,
  buildIntake,
  buildLabResult,
  buildRegimen,
  buildSymptomCheck,
} from '../../test/factories.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';

const run = promisify(execFile);
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sunlog-report-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Person = Awaited<ReturnType<typeof registerPerson>>;

async function create(server: TestServer, person: Person, path: string, payload: object): Promise<void> {
  const response = await server.app.inject({
    method: 'POST',
    url: `/api/v1/${path}`,
    cookies: person.cookies,
    payload,
  });
  expect(response.statusCode, response.body).toBe(201);
}

/** Writes the PDF and answers its text (pdftotext, layout kept) and each page's MediaBox. */
async function inspect(name: string, pdf: Buffer): Promise<{ text: string; boxes: string[]; pages: number }> {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
  const { stdout: info } = await run('pdfinfo', ['-box', '-f', '1', '-l', '99', file]);
  const boxes = [...info.matchAll(/Page\s+\d+ MediaBox:\s+([\d.\s]+)\n/g)].map((match) =>
    (match[1] ?? '').trim().split(/\s+/).map(Number).join(' '),
  );
  // Every page renders without an error (pdftoppm exits non-zero and writes to stderr on a broken page).
  const prefix = join(dir, `${name}-page`);
  const { stderr } = await run('pdftoppm', ['-r', '40', '-png', file, prefix]);
  expect(stderr).toBe('');
  const pngs = (await readdir(dir)).filter(
    (entry) => entry.startsWith(`${name}-page`) && entry.endsWith('.png'),
  );
  return { text, boxes, pages: pngs.length };
}

describe.each(engines())('GET /api/v1/reports/pdf on $name', (engine) => {
  const server = useTestServer(engine);

  test('holds the logged figures, renders on every page, in A4 and US Letter', async () => {
    const { app } = server();
    const person = await registerPerson(server(), { displayName: 'Ada Report' });
    const other = await registerPerson(server(), { displayName: 'Grace Other' });
    await create(
      server(),
      person,
      'regimens',
      buildRegimen({ productName: 'Sunny D3 drops', amountPerDose: { value: 2000, unit: 'IU' } }),
    );
    await create(
      server(),
      person,
      'intakes',
      buildIntake({ amount: { value: 1250, unit: 'ug' }, localDate: '2026-03-02' }),
    );
    await create(
      server(),
      person,
      'lab-results',
      buildLabResult({ level: { value: 87.3, unit: 'nmol/L' }, sampleDate: '2026-02-20' }),
    );
    await create(
      server(),
      person,
      'flares',
      buildFlare({ startDate: '2026-02-11', endDate: '2026-02-16', symptoms: ['numb left hand'] }),
    );
    await create(server(), person, 'symptom-checks', buildSymptomCheck());
    await create(
      server(),
      person,
      'check-ins',
      buildCheckIn({ questionsForDoctor: ['Should I repeat the MRI this year?'] }),
    );
    await create(server(), other, 'lab-results', buildLabResult({ level: { value: 55.5, unit: 'ng/mL' } }));

    const sizes = { a4: '0 0 595.28 841.89', letter: '0 0 612 792' } as const;
    for (const paper of ['a4', 'letter'] as const) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/reports/pdf?from=2026-01-01&to=2026-03-31&paper=${paper}`,
        cookies: person.cookies,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="sunlog-report-2026-01-01-to-2026-03-31.pdf"',
      );
      expect(response.headers['cache-control']).toBe('no-store');
      const pdf = response.rawPayload;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { text, boxes, pages } = await inspect(`${engine.name}-${paper}`, pdf);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(boxes).toHaveLength(pages);
      for (const box of boxes) expect(box).toBe(sizes[paper]);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('Ada Report');
      expect(flat).toContain('2000 IU (50 µg)'); // the regimen, both units
      expect(flat).toContain('1250 µg (50000 IU)'); // the logged dose, both units
      expect(flat).toContain('87.3 nmol/L'); // the blood result as reported
      expect(flat).toContain('2026-02-11 to 2026-02-16 (6 days)'); // the flare-up with its duration
      expect(flat).toContain('numb left hand');
      expect(flat).toContain('Should I repeat the MRI this year?');
      expect(flat).toContain('IOM 2011');
      expect(flat).not.toContain('Grace Other');
      expect(flat).not.toContain('55.5');
    }
  }, 120_000);

  test('the PDF is tagged, embeds its fonts and names its language', async () => {
    const person = await registerPerson(server());
    const response = await server().app.inject({
      method: 'GET',
      url: '/api/v1/reports/pdf',
      cookies: person.cookies,
    });
    expect(response.statusCode).toBe(200);
    const file = join(dir, `${engine.name}-tagged.pdf`);
    await writeFile(file, response.rawPayload);
    const { stdout: info } = await run('pdfinfo', [file]);
    expect(info).toMatch(/Tagged:\s+yes/);
    const { stdout: fonts } = await run('pdffonts', [file]);
    const rows = fonts
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes/);
    expect(response.rawPayload.toString('latin1')).toContain('/Lang (en-GB)');
  });

  test('refuses an unknown paper size and a reversed range; 401 without a session', async () => {
    const { app } = server();
    const person = await registerPerson(server());
    for (const query of ['paper=a5', 'from=2026-04-01&to=2026-03-01']) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/reports/pdf?${query}`,
        cookies: person.cookies,
      });
      expect(response.statusCode, query).toBe(400);
    }
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/reports/pdf' });
    expect(anonymous.statusCode).toBe(401);
  });
});
