import { createHash } from 'node:crypto';
import { addDays, localDateOf, localDateTimeOf } from '@sunlog/core/calendar';
import { reminderInstant } from '@sunlog/core/reminders/zone';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildIntake, buildLabResult, buildRegimen } from '../../test/factories.ts';
import { registerPerson, type TestServer, useTestServer } from '../../test/test-server.ts';

type Person = Awaited<ReturnType<typeof registerPerson>>;

const browser = (server: TestServer) => ({
  'sec-fetch-site': 'same-origin',
  origin: new URL(server.sunlog.config.publicUrl).origin,
});

async function send(
  server: TestServer,
  person: Person,
  method: 'POST' | 'PATCH',
  url: string,
  payload?: object,
) {
  const response = await server.app.inject({
    method,
    url,
    cookies: person.cookies,
    headers: browser(server),
    ...(payload === undefined ? {} : { payload }),
  });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response;
}

async function calendarUrl(server: TestServer, person: Person): Promise<string> {
  const response = await server.app.inject({
    method: 'GET',
    url: '/api/v1/me/calendar',
    cookies: person.cookies,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().url;
}

const pathOf = (url: string) => new URL(url).pathname;

/** A person in `timeZone` with dose reminders at 08:00 and 21:15, a monthly check-in and a blood test. */
async function personWithReminders(server: TestServer, timeZone: string) {
  const person = await registerPerson(server);
  await send(server, person, 'PATCH', '/api/v1/me/profile', {
    timeZone,
    intakeUnit: 'ug',
    reminders: {
      dailyDose: true,
      dailyDoseTimes: [],
      monthlyCheckIn: true,
      checkInDayOfMonth: 15,
      checkInTime: '19:00',
      labTestEveryWeeks: 12,
    },
  });
  const today = localDateOf(Date.now(), timeZone);
  const regimen = buildRegimen({ startDate: '2026-01-05', reminderTimes: ['08:00', '21:15'] });
  await send(server, person, 'POST', '/api/v1/regimens', regimen);
  await send(
    server,
    person,
    'POST',
    '/api/v1/intakes',
    buildIntake({
      regimenId: regimen.id,
      localDate: addDays(today, 1),
      takenAt: `${addDays(today, 1)}T08:31:00Z`,
      note: 'private dose note',
    }),
  );
  await send(
    server,
    person,
    'POST',
    '/api/v1/lab-results',
    buildLabResult({
      sampleDate: addDays(today, -20),
      level: { value: 87.5, unit: 'nmol/L' },
      note: 'private lab note',
    }),
  );
  return { person, regimen, today };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar;
}

/** Every occurrence of an event up to `limit`, as instants. */
function occurrences(vevent: ICAL.Component, limit: number): number[] {
  const event = new ICAL.Event(vevent);
  const iterator = event.iterator();
  const out: number[] = [];
  for (
    let next = iterator.next();
    next !== undefined && next !== null && out.length < limit;
    next = iterator.next()
  ) {
    out.push(next.toJSDate().getTime());
  }
  return out;
}

describe.each(engines())('the calendar feed on $name', (engine) => {
  const server = useTestServer(engine, { env: { PUBLIC_URL: 'https://sunlog.example.org' } });

  test('GET /api/v1/me/calendar makes one address per person on PUBLIC_URL and keeps only a hash of its secret', async () => {
    const s = server();
    const person = await registerPerson(s);
    const url = await calendarUrl(s, person);
    expect(url).toMatch(/^https:\/\/sunlog\.example\.org\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await calendarUrl(s, person)).toBe(url);
    const secret = pathOf(url).slice('/calendar/'.length, -'.ics'.length);
    const rows = await s.sunlog.db.selectFrom('calendar_feeds').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(secret);
    const other = await registerPerson(s);
    expect(await calendarUrl(s, other)).not.toBe(url);
  });

  test.each(['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'])(
    'the feed in %s parses with ical.js, and every dose occurrence across the DST changes is at the chosen local time',
    async (timeZone) => {
      const s = server();
      const { person, regimen, today } = await personWithReminders(s, timeZone);
      const response = await s.app.inject({ method: 'GET', url: pathOf(await calendarUrl(s, person)) });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/calendar/);
      const calendar = parse(response.body);
      expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([
        timeZone,
      ]);
      const events = calendar.getAllSubcomponents('vevent');
      expect(events.map((e) => e.getFirstPropertyValue('summary'))).toEqual([
        'Vitamin D: 50 µg (Vitamin D3 drops)',
        'Vitamin D: 50 µg (Vitamin D3 drops)',
        'Sunlog monthly check-in',
        'Vitamin D blood test due',
      ]);

      for (const [index, time] of ['08:00', '21:15'].entries()) {
        const vevent = events[index];
        if (vevent === undefined) throw new Error('missing dose event');
        const instants = occurrences(vevent, 400);
        expect(instants).toHaveLength(400);
        const dates = instants.map((ms) => localDateTimeOf(ms, timeZone));
        for (const [i, local] of dates.entries()) {
          expect(local.time, `${timeZone} occurrence ${i} on ${local.date}`).toBe(time);
          expect(instants[i]).toBe(reminderInstant(local.date, time, timeZone).ms);
        }
        // The dose logged for tomorrow is left out; every other day is there, once.
        const days = dates.map((d) => d.date);
        expect(days).not.toContain(addDays(today, 1));
        expect(new Set(days).size).toBe(days.length);
        // Across a change the UTC time moves (except where the zone never changes).
        const utcTimes = new Set(instants.map((ms) => new Date(ms).toISOString().slice(11, 16)));
        expect(utcTimes.size).toBe(timeZone === 'Asia/Kolkata' ? 1 : 2);
      }

      const checkIns = occurrences(events[2] as ICAL.Component, 14).map((ms) =>
        localDateTimeOf(ms, timeZone),
      );
      for (const local of checkIns) expect([local.date.slice(8), local.time]).toEqual(['15', '19:00']);
      const bloodTests = occurrences(events[3] as ICAL.Component, 3).map((ms) =>
        localDateTimeOf(ms, timeZone),
      );
      expect(bloodTests.map((l) => [l.date, l.time])).toEqual(
        [84, 168, 252].map((n) => [addDays(addDays(today, -20), n), '09:00']),
      );

      // No health values beyond the dose amount, and it says so.
      expect(response.body).not.toContain('87.5');
      expect(response.body).not.toContain('private');
      for (const vevent of events) {
        expect(vevent.getFirstPropertyValue('description')).toContain(
          'no health values other than the dose amount',
        );
      }
      expect(regimen.reminderTimes).toEqual(['08:00', '21:15']);
    },
  );

  test('rotating stops the old address at once; wrong, malformed and replaced secrets answer 404 alike', async () => {
    const s = server();
    const person = await registerPerson(s);
    const first = await calendarUrl(s, person);
    const rotated = await send(s, person, 'POST', '/api/v1/me/calendar/rotate');
    const second: string = rotated.json().url;
    expect(second).not.toBe(first);
    expect(await calendarUrl(s, person)).toBe(second);
    expect((await s.app.inject({ method: 'GET', url: pathOf(second) })).statusCode).toBe(200);

    const old = await s.app.inject({ method: 'GET', url: pathOf(first) });
    const madeUp = await s.app.inject({ method: 'GET', url: `/calendar/${'A'.repeat(43)}.ics` });
    const malformed = await s.app.inject({ method: 'GET', url: '/calendar/short.ics' });
    const noSuffix = await s.app.inject({ method: 'GET', url: pathOf(second).replace('.ics', '') });
    for (const response of [old, madeUp, malformed, noSuffix]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not-found');
    }
    expect(old.body).toBe(madeUp.body);
  });

  test('the address routes need a session; rotation needs a same-origin request', async () => {
    const s = server();
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/me/calendar' })).statusCode).toBe(401);
    const person = await registerPerson(s);
    const crossSite = await s.app.inject({
      method: 'POST',
      url: '/api/v1/me/calendar/rotate',
      cookies: person.cookies,
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
  });
});

describe.each(engines())('the calendar feed address without PUBLIC_URL on $name', (engine) => {
  const server = useTestServer(engine);

  test('is on the origin the request came to', async () => {
    const s = server();
    const person = await registerPerson(s);
    const response = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me/calendar',
      cookies: person.cookies,
      headers: { host: 'sunlog.local:8443' },
    });
    expect(response.json().url).toMatch(/^http:\/\/sunlog\.local:8443\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  });
});
