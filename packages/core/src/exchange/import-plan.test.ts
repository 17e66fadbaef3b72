import { describe, expect, test } from 'vitest';
import {
  buildIntake,
  buildProfile,
  buildRegimen,
  buildVitaminDResult,
  testId,
} from '../../test/factories.ts';
import type { RecordCollection } from '../records/collections.ts';
import { buildExport, type ExportV2 } from './export-v2.ts';
import { type AccountContent, type ExistingRecord, planImport, resolveConflicts } from './import-plan.ts';

const LATER = '2026-04-01T10:00:00+00:00';

function account(overrides: Partial<Record<RecordCollection, ExistingRecord[]>> = {}): AccountContent {
  return {
    profile: buildProfile(),
    records: {
      regimens: [],
      intakes: [],
      labResults: [],
      symptomChecks: [],
      flares: [],
      checkIns: [],
      ...overrides,
    },
  };
}

function fileWith(content: Partial<Omit<ExportV2, 'format' | 'version' | 'exportedAt'>>): ExportV2 {
  return buildExport(
    {
      profile: buildProfile(),
      regimens: [],
      intakes: [],
      labResults: [],
      symptomChecks: [],
      flares: [],
      checkIns: [],
      ...content,
    },
    LATER,
  );
}

const same = buildIntake({ id: testId(1), localDate: '2026-01-05' });
const changed = buildIntake({ id: testId(2), localDate: '2026-01-09', note: 'with breakfast' });
const fresh = buildIntake({ id: testId(3), localDate: '2026-01-02' });

function planWithOneOfEach() {
  return planImport(
    fileWith({ intakes: [same, changed, fresh], regimens: [buildRegimen({ startDate: '2025-12-20' })] }),
    account({
      intakes: [
        { record: { ...same, createdAt: LATER, updatedAt: LATER }, deletedAt: null },
        {
          record: buildIntake({ ...changed, note: 'after lunch', amount: { value: 500, unit: 'IU' } }),
          deletedAt: null,
        },
      ],
    }),
  );
}

describe('planning an import', () => {
  test('new records are added, the same content under other timestamps is unchanged, other content conflicts', () => {
    const plan = planWithOneOfEach();
    expect(plan.counts.find((count) => count.collection === 'intakes')).toEqual({
      collection: 'intakes',
      inFile: 3,
      add: 1,
      unchanged: 1,
      conflicts: 1,
    });
    expect(plan.add.map((planned) => `${planned.collection}/${planned.body.id}`)).toEqual([
      `regimens/${testId(1)}`,
      `intakes/${testId(3)}`,
    ]);
    expect(
      plan.add.every((planned) => !('createdAt' in planned.body) && !('updatedAt' in planned.body)),
    ).toBe(true);
    expect(plan.conflicts).toEqual([
      {
        key: `intakes/${testId(2)}`,
        collection: 'intakes',
        id: testId(2),
        filedOn: '2026-01-09',
        fields: ['amount', 'note'],
        yoursDeleted: false,
      },
    ]);
    expect(plan.dateRange).toEqual({ from: '2025-12-20', to: '2026-01-09' });
  });

  test('a record the account deleted is a conflict even with the same content: taking the file’s restores it', () => {
    const plan = planImport(
      fileWith({ intakes: [same] }),
      account({ intakes: [{ record: same, deletedAt: LATER }] }),
    );
    expect(plan.conflicts).toMatchObject([{ key: `intakes/${testId(1)}`, fields: [], yoursDeleted: true }]);
    const actions = resolveConflicts(plan, { all: 'take-file' });
    expect(actions.ok && actions.value.replace).toEqual([
      { collection: 'intakes', body: expect.objectContaining({ id: testId(1) }), restore: true },
    ]);
  });

  test('nothing is resolved until every conflict has a choice; a choice by key wins over the choice for all', () => {
    const plan = planWithOneOfEach();
    const open = resolveConflicts(plan, {});
    expect(open.ok ? null : open.error).toEqual({
      code: 'unresolved-conflicts',
      message: `1 item differs between the file and this account (intakes/${testId(2)}): choose to keep yours or take the file's`,
    });
    const kept = resolveConflicts(plan, {
      all: 'take-file',
      byKey: { [`intakes/${testId(2)}`]: 'keep-mine' },
    });
    expect(kept.ok && kept.value).toMatchObject({ replace: [], kept: 1 });
    const taken = resolveConflicts(plan, { all: 'take-file' });
    expect(taken.ok && taken.value.replace.map((planned) => planned.body.note)).toEqual(['with breakfast']);
  });

  test('settings that differ are one conflict naming the fields; the consent time is never compared', () => {
    const file = fileWith({
      profile: buildProfile({ displayName: 'Ada L.', timeZone: 'Europe/Paris', consentedAt: null }),
    });
    const plan = planImport(file, account());
    expect(plan.conflicts).toEqual([
      {
        key: 'profile',
        collection: 'profile',
        id: null,
        filedOn: null,
        fields: ['displayName', 'timeZone'],
        yoursDeleted: false,
      },
    ]);
    const taken = resolveConflicts(plan, { all: 'take-file' });
    expect(taken.ok && taken.value.profile).toMatchObject({
      displayName: 'Ada L.',
      timeZone: 'Europe/Paris',
    });
    expect(taken.ok && taken.value.profile && 'consentedAt' in taken.value.profile).toBe(false);
    expect(
      planImport(fileWith({ profile: buildProfile({ consentedAt: null }) }), account()).conflicts,
    ).toEqual([]);
  });

  test('deleted records of the file are added only when the account has no record with their id', () => {
    const deleted = buildVitaminDResult({ id: testId(40) });
    const alsoMine = buildVitaminDResult({ id: testId(41) });
    const plan = planImport(
      fileWith({
        history: {
          revisions: [],
          deleted: [
            { collection: 'labResults', deletedAt: '2026-03-30T08:00:00.000Z', record: deleted },
            { collection: 'labResults', deletedAt: '2026-03-30T08:00:00.000Z', record: alsoMine },
          ],
        },
      }),
      account({ labResults: [{ record: alsoMine, deletedAt: null }] }),
    );
    expect(plan.addDeleted.map((entry) => [entry.body.id, entry.deletedAt])).toEqual([
      [testId(40), '2026-03-30T08:00:00.000Z'],
    ]);
    expect(plan.deletedAlreadyPresent).toBe(1);
  });

  test('earlier versions come along for records that end up with the file’s content, not for those kept', () => {
    const revision = (record: typeof same) => ({
      collection: 'intakes' as const,
      revisedAt: '2026-01-20T08:00:00.000Z',
      record,
    });
    const file = fileWith({
      intakes: [same, changed, fresh],
      history: { revisions: [revision(same), revision(changed), revision(fresh)], deleted: [] },
    });
    const plan = planImport(
      file,
      account({
        intakes: [
          { record: { ...changed, note: 'mine' }, deletedAt: null },
          { record: same, deletedAt: null },
        ],
      }),
    );
    const kept = resolveConflicts(plan, { all: 'keep-mine' });
    expect(kept.ok && kept.value.revisions.map((entry) => entry.record.id)).toEqual([testId(1), testId(3)]);
    const taken = resolveConflicts(plan, { all: 'take-file' });
    expect(taken.ok && taken.value.revisions.map((entry) => entry.record.id)).toEqual([
      testId(1),
      testId(2),
      testId(3),
    ]);
  });
});
