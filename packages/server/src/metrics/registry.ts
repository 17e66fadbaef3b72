import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { GroupCommitStats } from '../db/group-commit.ts';
import type { DeliveryStats } from '../reminders/delivery.ts';

/** Where the counts that are kept elsewhere are read from at each scrape. */
export interface MetricSources {
  /** The group committer of record creates. */
  recordCreates: () => Readonly<GroupCommitStats>;
  /** The reminder delivery job of this process. */
  delivery: () => DeliveryStats;
}

/** The route label of a request no route matched: one value, so scanners cannot grow the series. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Request latency buckets in seconds: a fast read is a few ms, an import or a PDF report takes seconds. */
const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const KNOWN_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);

/**
 * One app's metrics, in a registry of its own (never prom-client's global one), so two apps in one
 * process (tests) do not mix their counts or collide on names; Node's default metrics (CPU, memory,
 * GC, event-loop lag) are registered once per registry.
 *
 * Labels hold only route patterns (`/api/v1/intakes/:id`), methods, status codes and fixed outcome
 * names: never a URL, an id, an address, a token or a health value.
 */
export class SunlogMetrics {
  readonly #registry = new Registry();
  readonly #requests: Counter<'method' | 'route' | 'status_code'>;
  readonly #latency: Histogram<'method' | 'route'>;

  constructor(sources: MetricSources) {
    const registers = [this.#registry];
    collectDefaultMetrics({ register: this.#registry });
    this.#requests = new Counter({
      name: 'sunlog_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status_code'],
      registers,
    });
    this.#latency = new Histogram({
      name: 'sunlog_http_request_duration_seconds',
      help: 'Time from receiving a request to sending its answer, by method and route pattern.',
      labelNames: ['method', 'route'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    });

    // Counts kept by the group committer and the delivery job, copied in when scraped.
    cumulative(
      registers,
      'sunlog_record_create_commits_total',
      'Transactions committed by the record-create group commit.',
      () => sources.recordCreates().commits,
    );
    cumulative(
      registers,
      'sunlog_record_create_writes_total',
      'Record creates committed by the group commit; divided by commits, the writes per commit.',
      () => sources.recordCreates().writes,
    );
    cumulative(
      registers,
      'sunlog_record_create_batches_retried_alone_total',
      'Group-commit batches whose transaction failed as a whole, after which each write ran alone.',
      () => sources.recordCreates().retriedAlone,
    );
    new Gauge({
      name: 'sunlog_record_create_largest_batch',
      help: 'The most record creates one group-commit transaction has carried since the start.',
      registers,
      collect() {
        this.set(sources.recordCreates().largestBatch);
      },
    });
    cumulativeByLabel(
      registers,
      'sunlog_reminder_ticks_total',
      'Passes of the reminder delivery job, by whether they completed or failed.',
      'result',
      () => sources.delivery().ticks,
    );
    cumulativeByLabel(
      registers,
      'sunlog_reminder_deliveries_total',
      'Reminder deliveries by outcome: scheduled, sent, failed, suppressed (no longer wanted), missed (over an hour late), retried.',
      'outcome',
      () => sources.delivery().deliveries,
    );
    cumulativeByLabel(
      registers,
      'sunlog_push_requests_total',
      'Requests to push services by answer: delivered, failed, or gone (the subscription expired and was removed).',
      'result',
      () => sources.delivery().pushes,
    );
  }

  /** Counts one answered request under its route pattern (undefined: no route matched). */
  observeRequest(method: string, route: string | undefined, statusCode: number, seconds: number): void {
    const labels = {
      method: KNOWN_METHODS.has(method) ? method : 'OTHER',
      route: route ?? UNMATCHED_ROUTE,
    };
    this.#requests.inc({ ...labels, status_code: String(statusCode) });
    this.#latency.observe(labels, seconds);
  }

  /** The text exposition format, and its content type. */
  async render(): Promise<{ text: string; contentType: string }> {
    return { text: await this.#registry.metrics(), contentType: this.#registry.contentType };
  }
}

/** A counter whose value is a running total kept elsewhere, read at each scrape. */
function cumulative(registers: Registry[], name: string, help: string, read: () => number): void {
  new Counter({
    name,
    help,
    registers,
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

/** A counter with one label whose values are the keys of a set of running totals kept elsewhere. */
function cumulativeByLabel<K extends string>(
  registers: Registry[],
  name: string,
  help: string,
  label: string,
  read: () => Readonly<Record<K, number>>,
): void {
  new Counter({
    name,
    help,
    labelNames: [label],
    registers,
    collect() {
      this.reset();
      for (const [value, count] of Object.entries<number>(read())) this.inc({ [label]: value }, count);
    },
  });
}
