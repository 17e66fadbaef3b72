import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Where Sunlog keeps its records: an embedded SQLite file, or a PostgreSQL server. */
export type DatabaseConfig =
  | { engine: 'sqlite'; file: string }
  | {
      engine: 'postgres';
      url: string;
      /** The schema Sunlog's tables live in (its search_path); `public` unless DATABASE_SCHEMA says otherwise. */
      schema: string;
    };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Sunlog's settings, validated and defaulted; the rest of the server never reads the environment. */
export interface Config {
  port: number;
  host: string;
  /** Absolute path of the folder for the SQLite file and generated keys. */
  dataDir: string;
  database: DatabaseConfig;
  /** The address people use to reach Sunlog, without a trailing slash (links, cookie security, CSRF). */
  publicUrl: string;
  /** Whether PUBLIC_URL was given; when not, links people copy (the calendar feed) use the request's origin. */
  publicUrlIsSet: boolean;
  logLevel: LogLevel;
  /**
   * Which reverse proxies to believe about the client's address (X-Forwarded-For): `false` for none,
   * a hop count (the address N hops from this server), or the proxies' own addresses and CIDR ranges.
   * Never "every hop": the leftmost X-Forwarded-For entry is whatever the client wrote.
   */
  trustProxy: TrustProxy;
  /**
   * New accounts allowed from one client address (IPv6: one /64) in 15 minutes; a clinic registering
   * people at one front desk may raise it.
   */
  registrationsPerAddress: number;
  /**
   * Where Sunlog sends mail (address verification, reset links), or undefined for no mail. With mail,
   * registering answers the same for a new and a taken address; without it, a taken address is told so.
   */
  mail: MailConfig | undefined;
  /**
   * The bearer token a Prometheus scraper sends to read GET /metrics, or undefined: then /metrics
   * answers 404 like any unknown path, and no metrics are collected.
   */
  metricsToken: string | undefined;
}

export interface MailConfig {
  /** An smtp:// or smtps:// URL, with user and password when the server needs them. */
  smtpUrl: string;
  /** The sender, e.g. `Sunlog <sunlog@example.org>`. */
  from: string;
}

export type TrustProxy = false | number | string[];

/** The named ranges Fastify's trust list understands besides addresses and CIDRs. */
const NAMED_PROXY_RANGES: ReadonlySet<string> = new Set(['loopback', 'linklocal', 'uniquelocal']);

const TRUST_PROXY_HELP =
  "must be false, a number of proxy hops such as 1, or the proxies' addresses or CIDR ranges separated by commas such as 10.0.0.1,192.168.0.0/16";

/** Reads TRUST_PROXY; `true` is refused because it lets any client choose its own address. */
function parseTrustProxy(value: string, context: z.RefinementCtx): TrustProxy {
  const text = value.trim().toLowerCase();
  if (text === 'false' || text === '0') return false;
  if (text === 'true') {
    context.addIssue({
      code: 'custom',
      message:
        'may no longer be true: that believes every X-Forwarded-For hop, so a client could choose its own address; set the number of proxies in front of Sunlog (usually 1) or their addresses',
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops <= 32) return hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  if (entries.every(isProxyAddress)) return entries;
  context.addIssue({ code: 'custom', message: TRUST_PROXY_HELP });
  return z.NEVER;
}

function isProxyAddress(entry: string): boolean {
  if (NAMED_PROXY_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * New accounts from one address in 15 minutes unless REGISTRATIONS_PER_ADDRESS says otherwise: enough for
 * a household, slow for someone trying address after address to learn who keeps an MS journal.
 */
export const DEFAULT_REGISTRATIONS_PER_ADDRESS = 10;

/** The environment is wrong; the message is one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * METRICS_TOKEN is the only thing between the internet and /metrics, and /metrics does not slow down
 * wrong guesses: it must be too long to guess.
 */
export const METRICS_TOKEN_MIN_LENGTH = 32;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const EnvSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a whole number from 0 to 65535' })
    .int({ message: 'must be a whole number from 0 to 65535' })
    .min(0, { message: 'must be a whole number from 0 to 65535' })
    .max(65535, { message: 'must be a whole number from 0 to 65535' })
    .default(3000),
  HOST: z.string().min(1, { message: 'must not be empty' }).default('127.0.0.1'),
  DATA_DIR: z.string().min(1, { message: 'must not be empty' }).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, {
      message: 'must be a PostgreSQL URL such as postgres://user@host:5432/sunlog',
    })
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(SCHEMA_NAME, { message: 'must be a lower-case PostgreSQL schema name such as sunlog' })
    .default('public'),
  PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      message: 'must be an http:// or https:// URL such as https://sunlog.example.org',
    })
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      message: 'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.org:587',
    })
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).optional(),
  REGISTRATIONS_PER_ADDRESS: z.coerce
    .number({ message: 'must be a whole number from 1 to 100000' })
    .int({ message: 'must be a whole number from 1 to 100000' })
    .min(1, { message: 'must be a whole number from 1 to 100000' })
    .max(100_000, { message: 'must be a whole number from 1 to 100000' })
    .default(DEFAULT_REGISTRATIONS_PER_ADDRESS),
  METRICS_TOKEN: z
    .string()
    .min(METRICS_TOKEN_MIN_LENGTH, {
      message: `must be at least ${METRICS_TOKEN_MIN_LENGTH} characters (e.g. the output of openssl rand -hex 32)`,
    })
    .max(512, { message: 'must be at most 512 characters' })
    .regex(/^[\x21-\x7e]+$/, { message: 'must be printable ASCII without spaces' })
    .optional(),
});

/** Every variable `loadConfig` reads, with its default (`.env.example` mirrors this). */
export const CONFIG_VARIABLES = Object.keys(EnvSchema.shape);

/**
 * Reads Sunlog's settings from an environment (usually `process.env`): validates, defaults and
 * resolves them. Throws a `ConfigError` with a one-line reason on the first bad value.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    CONFIG_VARIABLES.map((name) => [name, blankToUndefined(env[name])]).filter(([, v]) => v !== undefined),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(
      `Invalid configuration: ${name} ${issue?.message ?? 'is invalid'} (got ${printable(name, present[name])})`,
    );
  }
  const values = parsed.data;
  const dataDir = resolve(values.DATA_DIR);
  const hostInUrl = values.HOST.includes(':') ? `[${values.HOST}]` : values.HOST;
  const publicUrl = (values.PUBLIC_URL ?? `http://${hostInUrl}:${values.PORT}`).replace(/\/+$/, '');
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir,
    database:
      values.DATABASE_URL === undefined
        ? { engine: 'sqlite', file: resolve(dataDir, 'sunlog.db') }
        : { engine: 'postgres', url: values.DATABASE_URL, schema: values.DATABASE_SCHEMA },
    publicUrl,
    publicUrlIsSet: values.PUBLIC_URL !== undefined,
    logLevel: values.LOG_LEVEL,
    trustProxy: values.TRUST_PROXY,
    registrationsPerAddress: values.REGISTRATIONS_PER_ADDRESS,
    mail:
      values.SMTP_URL === undefined
        ? undefined
        : {
            smtpUrl: values.SMTP_URL,
            from: values.MAIL_FROM ?? `Sunlog <sunlog@${new URL(publicUrl).hostname}>`,
          },
    metricsToken: values.METRICS_TOKEN,
  };
}

/** True when people reach Sunlog over https, so cookies must be Secure and HSTS applies. */
export function servedOverHttps(config: Pick<Config, 'publicUrl'>): boolean {
  return config.publicUrl.startsWith('https://');
}

/** The process environment, read here and nowhere else. */
export function processEnv(): Record<string, string | undefined> {
  return process.env;
}

/** Variables whose value is a secret: a refusal tells their length, never the value. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['METRICS_TOKEN']);

function printable(name: string, value: string | undefined): string {
  if (SECRET_VARIABLES.has(name)) return `${value?.length ?? 0} characters`;
  return JSON.stringify(withoutPassword(value));
}

/** A value as it may be printed: any `user:password@` in it loses the password. */
function withoutPassword(value: string | undefined): string | undefined {
  return value?.replace(/\/\/([^:/@\s]*):[^@\s]*@/g, '//$1:***@');
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
