import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildIntake } from '../../test/factories.ts';
import { registerPerson, useTestServer } from '../../test/test-server.ts';
import { SunlogError } from '../errors.ts';
import { GroupCommitter } from './group-commit.ts';

const WRITES = 200;

describe.each(engines())('group commit on $name', (engine) => {
  const server = useTestServer(engine);

  test('200 concurrent creates share fewer commits than writes; each is stored exactly once, and conflicts in a batch fail alone', async () => {
    const server_ = server();
    const { app, sunlog } = server_;
    const alice = await registerPerson(server_);
    const bob = await registerPerson(server_);

    // Ten intakes exist before the burst: the burst replays five (same body) and conflicts five (other body).
    const existing = Array.from({ length: 10 }, () => buildIntake());
    for (const body of existing) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/intakes',
        cookies: alice.cookies,
        payload: body,
      });
      expect(response.statusCode).toBe(201);
    }
    const before = sunlog.records.createCommitStats;

    const fresh = Array.from({ length: WRITES }, (_, index) => ({
      person: index % 2 === 0 ? alice : bob,
      body: buildIntake({ amount: { value: 1000 + index, unit: 'IU' } }),
    }));
    // Every fresh id is also sent a second time in the same burst, so in-batch duplicates are covered.
    const duplicates = fresh.slice(0, 20);
    const replays = existing.slice(0, 5).map((body) => ({ person: alice, body }));
    const conflicts = existing
      .slice(5)
      .map((body) => ({ person: alice, body: { ...body, amount: { value: 9999, unit: 'IU' as const } } }));
    const burst = [...fresh, ...duplicates, ...replays, ...conflicts];
    const answers = await Promise.all(
      burst.map(({ person, body }) =>
        app.inject({ method: 'POST', url: '/api/v1/intakes', cookies: person.cookies, payload: body }),
      ),
    );

    const statuses = answers.map((answer) => answer.statusCode);
    // Each fresh id: one 201 and (for the 20 sent twice) one 200, in whichever order they ran.
    const freshStatuses = fresh.map((_, index) => statuses[index]);
    const duplicateStatuses = duplicates.map((_, index) => statuses[WRITES + index]);
    expect(
      freshStatuses.filter((s) => s === 201).length + duplicateStatuses.filter((s) => s === 201).length,
    ).toBe(WRITES);
    expect([...freshStatuses, ...duplicateStatuses].every((s) => s === 200 || s === 201)).toBe(true);
    expect(statuses.slice(WRITES + 20, WRITES + 25)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(WRITES + 25)).toEqual([422, 422, 422, 422, 422]);
    for (const answer of answers.slice(WRITES + 25)) {
      expect(answer.json().error.code).toBe('idempotency-conflict');
    }

    const after = sunlog.records.createCommitStats;
    const commits = after.commits - before.commits;
    const writes = after.writes - before.writes;
    expect(writes).toBe(WRITES + 20 + 5);
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(writes);

    // Exactly once in the table, with the body of the first create; the conflicting bodies never landed.
    const rows = await sunlog.db.selectFrom('intakes').select(['id', 'user_id', 'body']).execute();
    expect(rows).toHaveLength(WRITES + existing.length);
    expect(new Set(rows.map((row) => `${row.user_id}/${row.id}`)).size).toBe(rows.length);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const { person, body } of fresh) {
      const row = byId.get(body.id);
      expect(row?.user_id).toBe(person.id);
      expect(JSON.parse(row?.body ?? '{}').amount).toEqual(body.amount);
    }
    for (const body of existing)
      expect(JSON.parse(byId.get(body.id)?.body ?? '{}').amount).toEqual(body.amount);
  });

  test('a write that fails inside a batch is rolled back alone; the others commit', async () => {
    const { sunlog } = server();
    const committer = new GroupCommitter(sunlog.db);
    const person = await sunlog.db.selectFrom('users').select('id').executeTakeFirst();
    expect(person).toBeUndefined(); // a fresh database: the audit table is free to write into
    const write = (n: number, fail: boolean) =>
      committer.run(async (trx) => {
        await trx
          .insertInto('audit_events')
          .values({
            id: `e${n}`,
            at: '2026-01-01T00:00:00.000Z',
            action: 'test.write',
            outcome: 'success',
            user_id: null,
            request_id: null,
            detail: '{}',
          })
          .execute();
        if (fail) throw new SunlogError('invalid-input', `write ${n} refused`);
        return n;
      });
    const results = await Promise.allSettled([
      write(1, false),
      write(2, true),
      write(3, false),
      write(4, true),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(SunlogError);
    const stored = await sunlog.db.selectFrom('audit_events').select('id').orderBy('id').execute();
    expect(stored.map((row) => row.id)).toEqual(['e1', 'e3']);
    expect(committer.stats).toMatchObject({ commits: 1, writes: 2, largestBatch: 4 });
  });

  test('when the shared transaction fails as a whole, each write runs again on its own and is stored once', async () => {
    const { sunlog } = server();
    const committer = new GroupCommitter(sunlog.db);
    let sabotaged = false;
    const write = (n: number) =>
      committer.run(async (trx) => {
        await trx
          .insertInto('audit_events')
          .values({
            id: `e${n}`,
            at: '2026-01-01T00:00:00.000Z',
            action: 'test.write',
            outcome: 'success',
            user_id: null,
            request_id: null,
            detail: '{}',
          })
          .execute();
        if (n === 2 && !sabotaged) {
          // Ends the shared transaction under the committer (as a lost connection or deadlock would).
          sabotaged = true;
          await sql`rollback`.execute(trx);
        }
        return n;
      });
    const results = await Promise.all([write(1), write(2), write(3)]);
    expect(results).toEqual([1, 2, 3]);
    expect(sabotaged).toBe(true);
    const stored = await sunlog.db.selectFrom('audit_events').select('id').orderBy('id').execute();
    expect(stored.map((row) => row.id)).toEqual(['e1', 'e2', 'e3']);
    expect(committer.stats).toMatchObject({ retriedAlone: 1, commits: 3, writes: 3 });
  });
});
