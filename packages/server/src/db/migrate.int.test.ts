import { Migrator, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { openSunlog } from '../context.ts';
import { connectDatabase } from './connect.ts';
import { MIGRATIONS, migrateToLatest } from './migrate.ts';

/** The columns every record table (migration 0002) has. */
const RECORD_TABLE = {
  body: 'text not null',
  body_hash: 'text not null',
  created_at: 'text not null',
  deleted_at: 'text null',
  filed_on: 'text not null',
  id: 'text not null',
  updated_at: 'text not null',
  user_id: 'text not null',
};

/** The schema the migrations must produce, the same on every engine: table → column → type and nullability. */
const EXPECTED_SCHEMA = {
  regimens: RECORD_TABLE,
  intakes: RECORD_TABLE,
  lab_results: RECORD_TABLE,
  symptom_checks: RECORD_TABLE,
  flares: RECORD_TABLE,
  check_ins: RECORD_TABLE,
  record_revisions: {
    body: 'text not null',
    id: 'text not null',
    kind: 'text not null',
    record_id: 'text not null',
    revised_at: 'text not null',
    user_id: 'text not null',
  },
  server_keys: {
    created_at: 'text not null',
    name: 'text not null',
    value: 'text not null',
  },
  pending_registrations: {
    created_at: 'text not null',
    display_name: 'text null',
    email: 'text not null',
    expires_at: 'text not null',
    password_hash: 'text not null',
    time_zone: 'text null',
    token_hash: 'text not null',
  },
  password_resets: {
    created_at: 'text not null',
    expires_at: 'text not null',
    token_hash: 'text not null',
    user_id: 'text not null',
  },
  second_factors: {
    confirmed_at: 'text null',
    created_at: 'text not null',
    last_time_step: 'integer null',
    totp_secret: 'text not null',
    user_id: 'text not null',
  },
  recovery_codes: {
    code_hash: 'text not null',
    created_at: 'text not null',
    used_at: 'text null',
    user_id: 'text not null',
  },
  known_devices: {
    device_hash: 'text not null',
    first_seen_at: 'text not null',
    user_id: 'text not null',
  },
  passkeys: {
    counter: 'integer not null',
    created_at: 'text not null',
    credential_id: 'text not null',
    id: 'text not null',
    last_used_at: 'text null',
    name: 'text not null',
    public_key: 'text not null',
    transports: 'text not null',
    user_id: 'text not null',
  },
  passkey_challenges: {
    challenge: 'text not null',
    expires_at: 'text not null',
    purpose: 'text not null',
    user_id: 'text null',
  },
  calendar_feeds: {
    created_at: 'text not null',
    feed_id: 'text not null',
    secret_hash: 'text not null',
    user_id: 'text not null',
  },
  push_subscriptions: {
    auth: 'text not null',
    created_at: 'text not null',
    endpoint: 'text not null',
    expiration_time: 'text null',
    id: 'text not null',
    p256dh: 'text not null',
    user_agent: 'text null',
    user_id: 'text not null',
  },
  push_deliveries: {
    attempts: 'integer not null',
    claimed_by: 'text null',
    claimed_until: 'text null',
    created_at: 'text not null',
    due_at: 'text not null',
    id: 'text not null',
    kind: 'text not null',
    local_date: 'text not null',
    local_time: 'text not null',
    next_attempt_at: 'text not null',
    regimen_id: 'text null',
    reminder_key: 'text not null',
    sent_at: 'text null',
    snoozed_from: 'text null',
    status: 'text not null',
    updated_at: 'text not null',
    user_id: 'text not null',
  },
  shares: {
    access_count: 'integer not null',
    ciphertext: 'text not null',
    created_at: 'text not null',
    disabled_at: 'text null',
    expires_at: 'text not null',
    failed_attempts: 'integer not null',
    id: 'text not null',
    label: 'text null',
    manifest_id_hash: 'text not null',
    passcode_hash: 'text null',
    range_from: 'text not null',
    range_to: 'text not null',
    revoked_at: 'text null',
    user_id: 'text not null',
  },
  share_files: {
    created_at: 'text not null',
    expires_at: 'text not null',
    file_id_hash: 'text not null',
    share_id: 'text not null',
    user_id: 'text not null',
  },
  audit_events: {
    action: 'text not null',
    at: 'text not null',
    detail: 'text not null',
    id: 'text not null',
    outcome: 'text not null',
    request_id: 'text null',
    user_id: 'text null',
  },
  profiles: {
    blood_target: 'text null',
    last_appointment: 'text null',
    blood_unit: 'text not null',
    consented_at: 'text null',
    display_name: 'text not null',
    intake_unit: 'text not null',
    locale: 'text not null',
    reminders: 'text not null',
    time_zone: 'text not null',
    tracked_ratings: 'text null',
    updated_at: 'text not null',
    user_id: 'text not null',
  },
  rate_limits: { count: 'integer not null', key: 'text not null', window_start: 'text not null' },
  sessions: {
    authenticated_at: 'text null',
    created_at: 'text not null',
    expires_at: 'text not null',
    id: 'text not null',
    last_seen_at: 'text not null',
    token_hash: 'text not null',
    user_agent: 'text null',
    user_id: 'text not null',
  },
  users: {
    created_at: 'text not null',
    email: 'text not null',
    id: 'text not null',
    password_hash: 'text not null',
  },
};

function normaliseType(dataType: string): string {
  const type = dataType.toLowerCase();
  return type === 'int4' || type === 'integer' ? 'integer' : type;
}

describe.each(engines())('migrations on $name', (engine) => {
  test('an empty database migrates to the expected schema', async () => {
    const { config, dispose } = await engine.freshDatabase();
    const sunlog = await openSunlog(config);
    try {
      const tables = await sunlog.db.introspection.getTables();
      const ours = tables.filter(
        (t) => config.database.engine === 'sqlite' || t.schema === config.database.schema,
      );
      const schema = Object.fromEntries(
        ours.map((table) => [
          table.name,
          Object.fromEntries(
            table.columns.map((c) => [
              c.name,
              `${normaliseType(c.dataType)} ${c.isNullable ? 'null' : 'not null'}`,
            ]),
          ),
        ]),
      );
      expect(schema).toEqual(EXPECTED_SCHEMA);
    } finally {
      await sunlog.close();
      await dispose();
    }
  });

  test('migrating an up-to-date database again applies nothing', async () => {
    const { config, dispose } = await engine.freshDatabase();
    const sunlog = await openSunlog(config);
    try {
      expect(await migrateToLatest(sunlog.db, config.database)).toEqual([]);
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
        sunlog.db,
      );
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
    } finally {
      await sunlog.close();
      await dispose();
    }
  });

  test('a database already past 0020 still gets 0004 (numbers are handed out in ranges)', async () => {
    const { config, dispose } = await engine.freshDatabase();
    const { '0004-add-profile-blood-target': _later, ...earlier } = MIGRATIONS;
    const db = connectDatabase(config.database);
    try {
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => earlier },
        ...(config.database.engine === 'postgres' ? { migrationTableSchema: config.database.schema } : {}),
      });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
    } finally {
      await db.destroy();
    }
    const sunlog = await openSunlog(config);
    try {
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
        sunlog.db,
      );
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
    } finally {
      await sunlog.close();
      await dispose();
    }
  });

  test('a database whose history names an unknown migration is refused at start', async () => {
    const { config, dispose } = await engine.freshDatabase();
    const first = await openSunlog(config);
    await sql`insert into kysely_migration (name, timestamp) values (${'9999-from-a-newer-sunlog'}, ${new Date().toISOString()})`.execute(
      first.db,
    );
    await first.close();
    try {
      await expect(openSunlog(config)).rejects.toThrow(/9999-from-a-newer-sunlog/);
    } finally {
      await dispose();
    }
  });

  test('a foreign key cannot point at a person who does not exist', async () => {
    const { config, dispose } = await engine.freshDatabase();
    const sunlog = await openSunlog(config);
    try {
      const orphan = sunlog.db
        .insertInto('sessions')
        .values({
          id: 'orphan',
          token_hash: 'x',
          user_id: 'nobody',
          created_at: '2025-01-01T00:00:00.000Z',
          last_seen_at: '2025-01-01T00:00:00.000Z',
          expires_at: '2025-04-01T00:00:00.000Z',
          user_agent: null,
        })
        .execute();
      await expect(orphan).rejects.toThrow();
    } finally {
      await sunlog.close();
      await dispose();
    }
  });
});

describe.each(engines().filter((engine) => engine.name === 'sqlite'))('SQLite durability', (engine) => {
  test('the database runs in WAL mode with synchronous = NORMAL (the log is synced off the loop), foreign keys on, a busy timeout, and no checkpoint inside commits', async () => {
    const { config, dispose } = await engine.freshDatabase();
    const sunlog = await openSunlog(config);
    try {
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(sunlog.db);
      const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(sunlog.db);
      const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(sunlog.db);
      const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(sunlog.db);
      expect(journal.rows).toEqual([{ journal_mode: 'wal' }]);
      // NORMAL: commits do not sync the log on the event loop; sqlite-wal-sync.ts does before answering.
      expect(synchronous.rows).toEqual([{ synchronous: 1 }]);
      expect(foreignKeys.rows).toEqual([{ foreign_keys: 1 }]);
      expect(busy.rows[0]?.timeout).toBeGreaterThan(0);
      // Checkpoints are the background thread's (sqlite-checkpointer.ts), never a request's.
      const autocheckpoint = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(
        sunlog.db,
      );
      expect(autocheckpoint.rows).toEqual([{ wal_autocheckpoint: 0 }]);
    } finally {
      await sunlog.close();
      await dispose();
    }
  });
});

describe.each(engines().filter((engine) => engine.name === 'postgres'))(
  'PostgreSQL shared with others',
  (engine) => {
    test('introspection and migrating look only at Sunlog’s schema, so schemas dropped meanwhile by other clients break nothing', async () => {
      const { config, dispose } = await engine.freshDatabase();
      if (config.database.engine !== 'postgres') throw new Error('expected PostgreSQL');
      const sunlog = await openSunlog(config);
      const admin = new pg.Client({ connectionString: config.database.url });
      await admin.connect();
      // Another tenant of the database creates and drops schemas without pause. Kysely's own introspector
      // checked every schema's privileges and failed on one dropped mid-query ("schema … does not exist"):
      // 58 of 200 reads failed this way when measured.
      let churning = true;
      let churned = 0;
      const churn = (async () => {
        while (churning) {
          const schema = `sunlog_churn_${process.pid}_${churned++}`;
          await admin.query(`create schema ${schema}`);
          await admin.query(`create table ${schema}.t (a int)`);
          await admin.query(`drop schema ${schema} cascade`);
        }
      })();
      try {
        for (let i = 0; i < 200; i++) {
          const tables = await sunlog.db.introspection.getTables();
          expect(new Set(tables.map((table) => table.schema))).toEqual(new Set([config.database.schema]));
          if (i % 50 === 0) expect(await migrateToLatest(sunlog.db, config.database)).toEqual([]);
        }
        expect(churned).toBeGreaterThan(0);
      } finally {
        churning = false;
        await churn;
        await admin.end();
        await sunlog.close();
        await dispose();
      }
    });
  },
);
