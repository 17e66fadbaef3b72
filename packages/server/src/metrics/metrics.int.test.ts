import { randomBytes, randomUUID } from 'node:crypto';
import {
  getMetricsFromIterator,
  type PromData,
  type PromHistogramData,
  type PromMetric,
  type PromMetrics,
} from 'prom2javascript';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildIntake, buildRegimen } from '../../test/factories.ts';
import { registerPerson, startTestServer, type TestServer, useTestServer } from '../../test/test-server.ts';
import { startTestPushReceiver, type TestPushReceiver } from '../reminders/test-push-receiver.ts';

const TOKEN = randomBytes(32).toString('hex');
const WITH_TOKEN = { env: { METRICS_TOKEN: TOKEN } };

/**
 * Scrapes /metrics with the token and parses the answer with a Prometheus text-format parser written
 * elsewhere (prom2javascript).
 */
async function scrape(server: TestServer, token = TOKEN): Promise<PromMetrics> {
  const response = await server.app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(response.headers['cache-control']).toBe('no-store');
  // prom2javascript reads no NaN sample, which the format allows (Prometheus reads prom-client's `Nan`
  // as Go's ParseFloat does); prom-client writes it for the event-loop lag statistics until the first
  // lag sample is taken. Those lines alone are left out; any other NaN fails here.
  const lines = response.body.split('\n');
  const nan = lines.filter((line) => / Nan$/i.test(line));
  for (const line of nan) expect(line).toMatch(/^nodejs_eventloop_lag_\w+ Nan$/);
  return getMetricsFromIterator(lines.filter((line) => !nan.includes(line))[Symbol.iterator]());
}

function family(metrics: PromMetrics, name: string): PromMetric {
  const found = metrics[name];
  if (found === undefined) throw new Error(`no metric ${name} in the scrape`);
  return found;
}

/** The series of a family whose labels include all of `labels` (at most one may match). */
function series<T extends PromData | PromHistogramData>(
  metrics: PromMetrics,
  name: string,
  labels: Record<string, string> = {},
): T | undefined {
  const matches = (family(metrics, name).data as T[]).filter((candidate) =>
    Object.entries(labels).every(([key, value]) => candidate.labels[key] === value),
  );
  expect(matches.length, `${name} ${JSON.stringify(labels)}`).toBeLessThanOrEqual(1);
  return matches[0];
}

/** A counter or gauge's value, 0 for a series not there yet. */
function reading(metrics: PromMetrics, name: string, labels: Record<string, string> = {}): number {
  return series<PromData>(metrics, name, labels)?.value ?? 0;
}

/** A histogram series' count, 0 for a series not there yet. */
function observations(metrics: PromMetrics, name: string, labels: Record<string, string>): number {
  return series<PromHistogramData>(metrics, name, labels)?.count ?? 0;
}

describe.each(engines())('GET /metrics without METRICS_TOKEN on $name', (engine) => {
  const server = useTestServer(engine);

  test('answers 404 exactly like an unknown path, whatever the request carries', async () => {
    const { app } = server();
    const unknown = await app.inject({ method: 'GET', url: '/metrics/nowhere' });
    expect(unknown.statusCode).toBe(404);
    for (const headers of [
      {},
      { authorization: `Bearer ${TOKEN}` },
      { accept: 'text/html,application/xhtml+xml' },
    ]) {
      const response = await app.inject({ method: 'GET', url: '/metrics', headers });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toBe(unknown.headers['content-type']);
      expect(response.json()).toEqual(unknown.json());
      expect(response.json().error.code).toBe('not-found');
    }
  });
});

describe.each(engines())('GET /metrics with METRICS_TOKEN on $name', (engine) => {
  const server = useTestServer(engine, WITH_TOKEN);

  test('a missing, wrong or differently sent token answers 401 with a Bearer challenge; the right one 200', async () => {
    const { app } = server();
    const wrongSameLength = TOKEN.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
    for (const authorization of [
      undefined,
      `Bearer ${wrongSameLength}`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN}x`,
      `Basic ${Buffer.from(`metrics:${TOKEN}`).toString('base64')}`,
      TOKEN,
      'Bearer ',
    ]) {
      const response = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(response.statusCode, String(authorization)).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
      expect(response.headers['www-authenticate']).toBe('Bearer realm="sunlog-metrics"');
      expect(response.body).not.toContain('sunlog_http_requests_total');
    }
    // The scheme is case-insensitive (RFC 7235).
    const lower = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `bearer ${TOKEN}` },
    });
    expect(lower.statusCode).toBe(200);
    const families = await scrape(server());
    // Node's default metrics are there, event-loop lag among them.
    expect(family(families, 'nodejs_eventloop_lag_seconds').type).toBe('gauge');
    expect(family(families, 'process_cpu_user_seconds_total').type).toBe('counter');
    // The refusals above were counted under the route pattern with their status.
    expect(reading(families, 'sunlog_http_requests_total', { route: '/metrics', status_code: '401' })).toBe(
      7,
    );
  });

  test('requests are counted and timed per route pattern; histograms are cumulative and agree with the counts', async () => {
    const s = server();
    const person = await registerPerson(s);
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/v1/intakes',
      cookies: person.cookies,
      payload: buildIntake(),
    });
    expect(created.statusCode).toBe(201);
    const recordId: string = created.json().record.id;

    const before = await scrape(s);
    const route = { method: 'GET', route: '/api/v1/intakes/:id' };
    const reads = 5;
    for (let i = 0; i < reads; i += 1) {
      const read = await s.app.inject({
        method: 'GET',
        url: `/api/v1/intakes/${recordId}`,
        cookies: person.cookies,
      });
      expect(read.statusCode).toBe(200);
    }
    const missing = await s.app.inject({
      method: 'GET',
      url: `/api/v1/intakes/${randomUUID()}`,
      cookies: person.cookies,
    });
    expect(missing.statusCode).toBe(404);
    // Paths no route has: one label between them, whatever the path.
    for (const url of [`/api/v1/nowhere/${recordId}`, `/api/nothing?email=${person.input.email}`]) {
      expect((await s.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
    const after = await scrape(s);

    const ok = { ...route, status_code: '200' };
    expect(
      reading(after, 'sunlog_http_requests_total', ok) - reading(before, 'sunlog_http_requests_total', ok),
    ).toBe(reads);
    const notFound = { ...route, status_code: '404' };
    expect(
      reading(after, 'sunlog_http_requests_total', notFound) -
        reading(before, 'sunlog_http_requests_total', notFound),
    ).toBe(1);
    const unmatched = { method: 'GET', route: 'unmatched', status_code: '404' };
    expect(
      reading(after, 'sunlog_http_requests_total', unmatched) -
        reading(before, 'sunlog_http_requests_total', unmatched),
    ).toBe(2);
    const histogramName = 'sunlog_http_request_duration_seconds';
    expect(observations(after, histogramName, route) - observations(before, histogramName, route)).toBe(
      reads + 1,
    );

    // Every histogram series: buckets never decrease with `le`, +Inf equals the count, the sum is a
    // non-negative time, and the count equals the requests counted for that method and route.
    const histogram = family(after, histogramName);
    expect(histogram.type).toBe('histogram');
    const counts = family(after, 'sunlog_http_requests_total').data as PromData[];
    const histograms = histogram.data as PromHistogramData[];
    expect(histograms.length).toBeGreaterThanOrEqual(4);
    for (const timing of histograms) {
      const where = JSON.stringify(timing.labels);
      const bounds = Object.entries(timing.buckets)
        .map(([le, count]) => ({ le: le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), count }))
        .sort((a, b) => a.le - b.le);
      expect(bounds.length, where).toBe(12);
      expect(bounds.at(-1)?.le, where).toBe(Number.POSITIVE_INFINITY);
      for (let i = 1; i < bounds.length; i += 1) {
        expect(bounds[i]?.count, where).toBeGreaterThanOrEqual(bounds[i - 1]?.count ?? 0);
      }
      expect(bounds.at(-1)?.count, where).toBe(timing.count);
      expect(timing.sum, where).toBeGreaterThanOrEqual(0);
      const counted = counts
        .filter((c) => c.labels.method === timing.labels.method && c.labels.route === timing.labels.route)
        .reduce((total, c) => total + c.value, 0);
      // The scrape that produced `after` is counted once answered, after it was rendered: in neither.
      expect(timing.count, where).toBe(counted);
    }
  });

  test('concurrent record creates: commits ≤ writes, and no label holds an email, an id or the token', async () => {
    const s = server();
    const person = await registerPerson(s);
    const regimen = buildRegimen();
    expect(
      (
        await s.app.inject({
          method: 'POST',
          url: '/api/v1/regimens',
          cookies: person.cookies,
          payload: regimen,
        })
      ).statusCode,
    ).toBe(201);
    const before = await scrape(s);
    const creates = 24;
    const bodies = Array.from({ length: creates }, () => buildIntake());
    const answers = await Promise.all(
      bodies.map((payload) =>
        s.app.inject({ method: 'POST', url: '/api/v1/intakes', cookies: person.cookies, payload }),
      ),
    );
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(201);
    // URLs that carry the ids and the address, which must reach no label.
    for (const body of bodies) {
      const url = `/api/v1/intakes/${body.id}`;
      expect((await s.app.inject({ method: 'GET', url, cookies: person.cookies })).statusCode).toBe(200);
    }
    const lookup = `/api/v1/people/${person.id}?email=${encodeURIComponent(person.input.email)}`;
    expect((await s.app.inject({ method: 'GET', url: lookup })).statusCode).toBe(404);
    const after = await scrape(s);

    const delta = (name: string) => reading(after, name) - reading(before, name);
    expect(delta('sunlog_record_write_writes_total')).toBe(creates);
    const commits = delta('sunlog_record_write_commits_total');
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThanOrEqual(creates);
    expect(reading(after, 'sunlog_record_write_commits_total')).toBeLessThanOrEqual(
      reading(after, 'sunlog_record_write_writes_total'),
    );
    // The same figures the group committer keeps.
    expect(reading(after, 'sunlog_record_write_writes_total')).toBe(s.sunlog.records.commitStats.writes);
    expect(reading(after, 'sunlog_record_write_largest_batch')).toBe(
      s.sunlog.records.commitStats.largestBatch,
    );
    expect(
      reading(after, 'sunlog_http_requests_total', {
        method: 'POST',
        route: '/api/v1/intakes',
        status_code: '201',
      }),
    ).toBe(creates);

    const secrets = [
      person.id,
      person.input.email,
      person.input.password,
      regimen.id,
      TOKEN,
      ...bodies.map((body) => body.id),
      ...Object.values(person.cookies),
    ];
    let labelValues = 0;
    for (const [name, metric] of Object.entries(after)) {
      for (const { labels } of metric.data) {
        for (const value of Object.values(labels)) {
          labelValues += 1;
          for (const secret of secrets) expect(value, name).not.toContain(secret);
          expect(value, name).not.toContain('@');
        }
      }
    }
    expect(labelValues).toBeGreaterThan(20);
  });

  test('two apps in one process keep their own counts', async () => {
    const other = await startTestServer(engine, WITH_TOKEN);
    try {
      for (let i = 0; i < 3; i += 1) await server().app.inject({ method: 'GET', url: '/healthz' });
      const health = { method: 'GET', route: '/healthz', status_code: '200' };
      expect(reading(await scrape(server()), 'sunlog_http_requests_total', health)).toBe(3);
      expect(reading(await scrape(other), 'sunlog_http_requests_total', health)).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe.each(engines())('reminder metrics on $name', (engine) => {
  /** 07:00 UTC is 08:00 in London (BST) on this day. */
  const DOSE_DUE = new Date('2026-06-10T07:00:00.000Z');
  let receiver: TestPushReceiver;
  let server: TestServer | undefined;
  beforeAll(async () => {
    receiver = await startTestPushReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test('ticks, deliveries and push answers (delivered, gone) are counted', async () => {
    const s = await startTestServer(engine, {
      ...WITH_TOKEN,
      open: { clock: () => DOSE_DUE, pushAgent: receiver.agent, pushTimeoutMs: 1_500 },
    });
    server = s;
    const person = await registerPerson(s);
    const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
      s.app.inject({ method, url, cookies: person.cookies, payload });
    const patched = await send('PATCH', '/api/v1/me/profile', {
      timeZone: 'Europe/London',
      reminders: { dailyDose: true, dailyDoseTimes: [], monthlyCheckIn: false, labTestEveryWeeks: null },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const regimen = buildRegimen({ startDate: '2026-01-01', reminderTimes: ['08:00'] });
    expect((await send('POST', '/api/v1/regimens', regimen)).statusCode).toBe(201);
    // One browser that takes the push, one whose subscription has expired (410).
    for (const behaviour of ['accept', 410] as const) {
      const subscription = receiver.subscribe(behaviour);
      const saved = await send('POST', '/api/v1/push/subscriptions', {
        endpoint: subscription.endpoint,
        keys: subscription.keys,
        expirationTime: null,
      });
      expect(saved.statusCode, saved.body).toBe(201);
    }

    const before = await scrape(s);
    expect(reading(before, 'sunlog_reminder_ticks_total', { result: 'completed' })).toBe(0);
    expect(await s.sunlog.delivery.tick()).toMatchObject({ scheduled: 1, sent: 1 });
    const after = await scrape(s);
    expect(reading(after, 'sunlog_reminder_ticks_total', { result: 'completed' })).toBe(1);
    expect(reading(after, 'sunlog_reminder_ticks_total', { result: 'failed' })).toBe(0);
    expect(reading(after, 'sunlog_reminder_deliveries_total', { outcome: 'scheduled' })).toBe(1);
    expect(reading(after, 'sunlog_reminder_deliveries_total', { outcome: 'sent' })).toBe(1);
    expect(reading(after, 'sunlog_reminder_deliveries_total', { outcome: 'failed' })).toBe(0);
    expect(reading(after, 'sunlog_push_requests_total', { result: 'delivered' })).toBe(1);
    expect(reading(after, 'sunlog_push_requests_total', { result: 'gone' })).toBe(1);
    expect(reading(after, 'sunlog_push_requests_total', { result: 'failed' })).toBe(0);
    expect(receiver.rejected).toEqual([]);
  });
});
