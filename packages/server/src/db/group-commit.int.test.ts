import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildIntake } from '../../test/factories.ts';
import { registerPerson, useTestServer } from '../../test/test-server.ts';
import { SunlogError } from '../errors.ts';
import { GroupCommitter } from './group-commit.ts';

const WRITES = 200;

/** A row of the audit table with no person: something these tests can write on a fresh database. */
function testEvent(id: string) {
  return {
    id,
    at: '2026-01-01T00:00:00.000Z',
    action: 'test.write',
    outcome: 'success' as const,
    user_id: null,
    request_id: null,
    detail: '{}',
  };
}

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
    const before = sunlog.records.commitStats;

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

    const after = sunlog.records.commitStats;
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

  test('concurrent edits and deletes share fewer commits than writes; each lands once, refusals fail alone', async () => {
    const server_ = server();
    const { app, sunlog } = server_;
    const alice = await registerPerson(server_);
    const stored = Array.from({ length: 60 }, (_, index) =>
      buildIntake({ amount: { value: 1000 + index, unit: 'IU' } }),
    );
    for (const body of stored) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/intakes',
        cookies: alice.cookies,
        payload: body,
      });
      expect(response.statusCode).toBe(201);
    }
    const before = sunlog.records.commitStats;

    // Half are edited, half deleted, in one burst with two refusals (an edit and a delete of unknown ids).
    const edited = stored.slice(0, 30);
    const deleted = stored.slice(30);
    const missing = buildIntake();
    const requests = [
      ...edited.map((body) => ({
        method: 'PUT' as const,
        url: `/api/v1/intakes/${body.id}`,
        payload: { ...body, amount: { value: body.amount.value + 5, unit: 'IU' as const } },
      })),
      ...deleted.map((body) => ({ method: 'DELETE' as const, url: `/api/v1/intakes/${body.id}` })),
      { method: 'PUT' as const, url: `/api/v1/intakes/${missing.id}`, payload: missing },
      { method: 'DELETE' as const, url: `/api/v1/intakes/${missing.id}` },
    ];
    const answers = await Promise.all(
      requests.map((request) => app.inject({ ...request, cookies: alice.cookies })),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(30, 60).every((status) => status === 204)).toBe(true);
    expect(statuses.slice(60)).toEqual([404, 404]);

    const after = sunlog.records.commitStats;
    const commits = after.commits - before.commits;
    const writes = after.writes - before.writes;
    expect(writes).toBe(60);
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(writes);

    // Each edit kept exactly one earlier version; each delete is marked and audited exactly once.
    const rows = await sunlog.db.selectFrom('intakes').select(['id', 'body', 'deleted_at']).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const body of edited) {
      const row = byId.get(body.id);
      expect(row?.deleted_at).toBeNull();
      expect(JSON.parse(row?.body ?? '{}').amount.value).toBe(body.amount.value + 5);
    }
    for (const body of deleted) expect(byId.get(body.id)?.deleted_at).not.toBeNull();
    const revisions = await sunlog.db.selectFrom('record_revisions').select(['record_id', 'body']).execute();
    expect(revisions.map((row) => row.record_id).sort()).toEqual(edited.map((body) => body.id).sort());
    for (const revision of revisions) {
      const original = edited.find((body) => body.id === revision.record_id);
      expect(JSON.parse(revision.body).amount).toEqual(original?.amount);
    }
    const audited = await sunlog.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'record.delete')
      .execute();
    expect(audited.map((row) => JSON.parse(row.detail).id).sort()).toEqual(
      deleted.map((body) => body.id).sort(),
    );
    expect(byId.has(missing.id)).toBe(false);
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
          .values(testEvent(`e${n}`))
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

  test('a write that refuses before writing needs no savepoint: its refusal fails alone, any other error reruns the batch', async () => {
    const { sunlog } = server();
    const committer = new GroupCommitter(sunlog.db);
    let brokeOnce = false;
    const write = (n: number, outcome: 'ok' | 'refuse' | 'break') =>
      committer.run(
        async (trx) => {
          if (outcome === 'refuse') throw new SunlogError('not-found', `write ${n} refused`);
          if (outcome === 'break' && !brokeOnce) {
            brokeOnce = true;
            throw new Error(`write ${n} failed in a way it did not promise`);
          }
          await trx
            .insertInto('audit_events')
            .values(testEvent(`e${n}`))
            .execute();
          return n;
        },
        { refusesBeforeWriting: true },
      );
    const refused = await Promise.allSettled([write(1, 'ok'), write(2, 'refuse'), write(3, 'ok')]);
    expect(refused.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committer.stats).toMatchObject({ commits: 1, writes: 2, retriedAlone: 0 });

    // The unexpected error rolls the whole batch back; each write then runs alone (the second time the
    // failing one succeeds, as a write that met a deadlock would), and each is stored once.
    const rerun = await Promise.all([write(4, 'ok'), write(5, 'break'), write(6, 'ok')]);
    expect(rerun).toEqual([4, 5, 6]);
    expect(committer.stats).toMatchObject({ commits: 4, writes: 5, retriedAlone: 1 });
    const stored = await sunlog.db.selectFrom('audit_events').select('id').orderBy('id').execute();
    expect(stored.map((row) => row.id)).toEqual(['e1', 'e3', 'e4', 'e5', 'e6']);
  });

  test('writes that only read after a shared step: one statement per step, each its own commit; a failed step is retried write by write', async () => {
    const { sunlog } = server();
    const committer = new GroupCommitter(sunlog.db);
    let failOnce = true;
    const step = {
      async run(executor: typeof sunlog.db, ids: readonly string[]) {
        if (failOnce && ids.length > 1) {
          failOnce = false;
          throw new Error('the statement failed (as a lost connection would)');
        }
        await executor.insertInto('audit_events').values(ids.map(testEvent)).execute();
        return ids.map((id) => `stored ${id}`);
      },
    };
    const write = (id: string, refuse = false) =>
      committer.run(
        async (executor, stored) => {
          const row = await executor
            .selectFrom('audit_events')
            .select('id')
            .where('id', '=', id)
            .executeTakeFirst();
          if (refuse) throw new SunlogError('idempotency-conflict', `${id} refused after its step`);
          return `${stored}, read back ${row?.id}`;
        },
        { refusesBeforeWriting: true, onlyReadsAfterStep: true, shared: { step, input: id } },
      );

    // The first batch's statement fails: nothing of it was stored, and each write is tried alone.
    const first = await Promise.all([write('e1'), write('e2')]);
    expect(first).toEqual(['stored e1, read back e1', 'stored e2, read back e2']);
    expect(committer.stats).toMatchObject({ commits: 2, writes: 2, retriedAlone: 1 });

    // A batch of three is one statement and one commit; a refusal after it answers alone.
    const second = await Promise.allSettled([write('e3'), write('e4', true), write('e5')]);
    expect(second.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committer.stats).toMatchObject({ commits: 3, writes: 4, largestBatch: 3 });
    const stored = await sunlog.db.selectFrom('audit_events').select('id').orderBy('id').execute();
    expect(stored.map((row) => row.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });

  test('when the shared transaction fails as a whole, each write runs again on its own and is stored once', async () => {
    const { sunlog } = server();
    const committer = new GroupCommitter(sunlog.db);
    let sabotaged = false;
    const write = (n: number) =>
      committer.run(async (trx) => {
        await trx
          .insertInto('audit_events')
          .values(testEvent(`e${n}`))
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
