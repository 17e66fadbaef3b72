import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Config, loadConfig } from '../src/config.ts';

/** A database engine the integration tests run on. */
export interface TestEngine {
  readonly name: 'sqlite' | 'postgres';
  /**
   * A config pointing at a brand-new, empty database (a fresh SQLite file in a temp folder, or a
   * freshly created PostgreSQL schema), plus `dispose` to remove it afterwards.
   */
  freshDatabase(env?: Record<string, string>): Promise<{ config: Config; dispose: () => Promise<void> }>;
}

/**
 * Settings every test database starts with unless a test says otherwise. Test files register many
 * people from the one address `inject` uses; the registration limit has its own test, which sets it.
 */
export const TEST_DEFAULTS: Readonly<Record<string, string>> = { REGISTRATIONS_PER_ADDRESS: '100000' };

// `maxRetries`: a file the closing server still writes (the WAL) can make one pass of rm meet a
// non-empty folder (ENOTEMPTY); Node retries such removals with a short back-off.
const sqlite: TestEngine = {
  name: 'sqlite',
  async freshDatabase(env = {}) {
    const dataDir = await mkdtemp(join(tmpdir(), 'sunlog-test-'));
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...TEST_DEFAULTS, ...env });
    return { config, dispose: () => rm(dataDir, { recursive: true, force: true, maxRetries: 5 }) };
  },
};

function postgres(url: string): TestEngine {
  return {
    name: 'postgres',
    async freshDatabase(env = {}) {
      const schema = `sunlog_test_${randomBytes(6).toString('hex')}`;
      await withClient(url, (client) => client.query(`create schema ${schema}`));
      const dataDir = await mkdtemp(join(tmpdir(), 'sunlog-test-'));
      const config = loadConfig({
        DATA_DIR: dataDir,
        DATABASE_URL: url,
        DATABASE_SCHEMA: schema,
        LOG_LEVEL: 'silent',
        ...TEST_DEFAULTS,
        ...env,
      });
      return {
        config,
        dispose: async () => {
          await withClient(url, (client) => client.query(`drop schema ${schema} cascade`));
          await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
        },
      };
    },
  };
}

/**
 * The engines to run every integration test on: SQLite always, PostgreSQL too when
 * TEST_DATABASE_URL is set (e.g. postgres://postgres@127.0.0.1:5432/test).
 * Use as `describe.each(engines())('… on $name', (engine) => …)`.
 */
export function engines(): TestEngine[] {
  const url = process.env.TEST_DATABASE_URL;
  return url === undefined || url === '' ? [sqlite] : [sqlite, postgres(url)];
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
