import { canonicalJson } from '../canonical-json.ts';
import {
  type AnyStoredRecord,
  filedOnOf,
  RECORD_COLLECTIONS,
  type RecordCollection,
  recordContent,
} from '../records/collections.ts';
import type { LocalDate } from '../records/common.ts';
import type { Profile, ProfilePatch } from '../records/profile.ts';
import { type DomainError, err, ok, type Result } from '../result.ts';
import type { ExportRevision, ExportV2 } from './export-v2.ts';

/**
 * Planning an import of a Sunlog export into an account, as pure data: what is new, what is already
 * there unchanged, and what conflicts (the same id with other content). Nothing is decided for the
 * person: a conflict stays open until they choose, for each or for all, to keep theirs or take the
 * file's. The server reads the account, plans, and writes the plan's actions in one transaction.
 */

/** What to do with one conflict: keep the account's version, or take the file's (the account's is kept in the history). */
export type ConflictChoice = 'keep-mine' | 'take-file';

/** The person's choices: one for every conflict, and/or one per conflict by its key. */
export interface ConflictChoices {
  all?: ConflictChoice | undefined;
  byKey?: Readonly<Record<string, ConflictChoice>> | undefined;
}

/** A record already in the account; `deletedAt` is set when it was deleted (and can still be restored). */
export interface ExistingRecord {
  record: AnyStoredRecord;
  deletedAt: string | null;
}

/** What the account holds, as an import compares it. */
export interface AccountContent {
  profile: Profile;
  records: Readonly<Record<RecordCollection, readonly ExistingRecord[]>>;
}

/** The key of the profile conflict; a record's key is `collection/id`. */
export const PROFILE_CONFLICT_KEY = 'profile';

/** The settings an import can bring: the profile without the consent time, which belongs to the account. */
export const IMPORTED_PROFILE_FIELDS = [
  'displayName',
  'timeZone',
  'intakeUnit',
  'bloodUnit',
  'locale',
  'reminders',
  'bloodTarget',
  'trackedRatings',
  'lastAppointment',
] as const satisfies readonly (keyof Profile)[];

/** One id (or the profile) that the file and the account hold differently. */
export interface ImportConflict {
  /** `collection/id`, or `profile`: what a choice names. */
  key: string;
  collection: RecordCollection | 'profile';
  /** The record's id; null for the profile. */
  id: string | null;
  filedOn: LocalDate | null;
  /** The fields whose values differ (empty when only the account's copy is deleted). */
  fields: string[];
  /** The account's copy is deleted; taking the file's restores it. */
  yoursDeleted: boolean;
}

/** Per kind: how many records the file holds, and of them how many are new, unchanged, or in conflict. */
export interface KindCount {
  collection: RecordCollection;
  inFile: number;
  add: number;
  unchanged: number;
  conflicts: number;
}

/** A record as it will be written: the collection and the create body (id and content, no timestamps). */
export interface PlannedRecord {
  collection: RecordCollection;
  body: { id: string } & Record<string, unknown>;
}

export interface ImportPlan {
  counts: KindCount[];
  /** The earliest and latest filed date of the file's live records; null when it has none. */
  dateRange: { from: LocalDate; to: LocalDate } | null;
  conflicts: ImportConflict[];
  /** Live records new to the account. */
  add: PlannedRecord[];
  /** Records the account has deleted ones of, in the file's deleted list, new to the account. */
  addDeleted: (PlannedRecord & { deletedAt: string })[];
  /** Deleted records of the file the account already has (in any state): left as they are. */
  deletedAlreadyPresent: number;
  /** Kept versions of records that end up holding the file's content. */
  revisions: ExportRevision[];
  /** The file's settings, for when the profile conflict is resolved by taking the file's. */
  profileFromFile: ProfilePatch;
  /** Conflicting records by key, with the file's body (for when the file's is taken). */
  conflictBodies: Readonly<Record<string, PlannedRecord & { yoursDeleted: boolean }>>;
}

/** What an import writes once every conflict has a choice. */
export interface ImportActions {
  add: PlannedRecord[];
  /** Records replaced by the file's version; `restore` when the account's copy was deleted. */
  replace: (PlannedRecord & { restore: boolean })[];
  addDeleted: (PlannedRecord & { deletedAt: string })[];
  revisions: ExportRevision[];
  /** The settings to apply, or null when the profile is kept (or already the same). */
  profile: ProfilePatch | null;
  /** Conflicts the person kept their own version of. */
  kept: number;
}

function keyOf(collection: RecordCollection, id: string): string {
  return `${collection}/${id}`;
}

/** The names of the top-level fields whose values differ between two records or profiles. */
function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names]
    .filter((name) => canonicalJson(a[name] ?? null) !== canonicalJson(b[name] ?? null))
    .sort();
}

function importedProfile(profile: Profile): ProfilePatch {
  const patch: Record<string, unknown> = {};
  for (const field of IMPORTED_PROFILE_FIELDS) {
    if (profile[field] !== undefined) patch[field] = profile[field];
  }
  return patch as ProfilePatch;
}

/** Classifies every record of `document` against what the account holds. */
export function planImport(document: ExportV2, account: AccountContent): ImportPlan {
  const counts: KindCount[] = [];
  const conflicts: ImportConflict[] = [];
  const add: PlannedRecord[] = [];
  const conflictBodies: Record<string, PlannedRecord & { yoursDeleted: boolean }> = {};
  /** Ids that will hold the file's content if every conflict is resolved in the file's favour. */
  const fileContentIds = new Set<string>();
  let from: LocalDate | null = null;
  let to: LocalDate | null = null;

  for (const collection of RECORD_COLLECTIONS) {
    const existing = new Map(account.records[collection].map((entry) => [entry.record.id, entry]));
    const count: KindCount = { collection, inFile: 0, add: 0, unchanged: 0, conflicts: 0 };
    for (const record of document[collection] as AnyStoredRecord[]) {
      count.inFile += 1;
      const filedOn = filedOnOf(collection, record);
      if (from === null || filedOn < from) from = filedOn;
      if (to === null || filedOn > to) to = filedOn;
      const body = recordContent(record) as PlannedRecord['body'];
      const mine = existing.get(record.id);
      if (mine === undefined) {
        count.add += 1;
        add.push({ collection, body });
        fileContentIds.add(keyOf(collection, record.id));
        continue;
      }
      const fields = differingFields(recordContent(mine.record), body);
      if (fields.length === 0 && mine.deletedAt === null) {
        count.unchanged += 1;
        fileContentIds.add(keyOf(collection, record.id));
        continue;
      }
      count.conflicts += 1;
      const key = keyOf(collection, record.id);
      conflicts.push({
        key,
        collection,
        id: record.id,
        filedOn,
        fields,
        yoursDeleted: mine.deletedAt !== null,
      });
      conflictBodies[key] = { collection, body, yoursDeleted: mine.deletedAt !== null };
    }
    counts.push(count);
  }

  const addDeleted: ImportPlan['addDeleted'] = [];
  let deletedAlreadyPresent = 0;
  for (const entry of document.history?.deleted ?? []) {
    const present = account.records[entry.collection].some((mine) => mine.record.id === entry.record.id);
    if (present) {
      deletedAlreadyPresent += 1;
      continue;
    }
    addDeleted.push({
      collection: entry.collection,
      body: recordContent(entry.record as AnyStoredRecord) as PlannedRecord['body'],
      deletedAt: entry.deletedAt,
    });
    fileContentIds.add(keyOf(entry.collection, entry.record.id));
  }

  const profileFromFile = importedProfile(document.profile);
  const profileFields = differingFields(importedProfile(account.profile), profileFromFile);
  if (profileFields.length > 0) {
    conflicts.unshift({
      key: PROFILE_CONFLICT_KEY,
      collection: 'profile',
      id: null,
      filedOn: null,
      fields: profileFields,
      yoursDeleted: false,
    });
  }

  const revisions = (document.history?.revisions ?? []).filter(
    (revision) =>
      fileContentIds.has(keyOf(revision.collection, revision.record.id)) ||
      keyOf(revision.collection, revision.record.id) in conflictBodies,
  );

  return {
    counts,
    dateRange: from === null || to === null ? null : { from, to },
    conflicts,
    add,
    addDeleted,
    deletedAlreadyPresent,
    revisions,
    profileFromFile,
    conflictBodies,
  };
}

/**
 * Turns a plan and the person's choices into what to write. Fails with `unresolved-conflicts`, listing
 * the open keys, while any conflict has no choice: nothing is written until the person has chosen.
 */
export function resolveConflicts(
  plan: ImportPlan,
  choices: ConflictChoices,
): Result<ImportActions, DomainError> {
  const choiceFor = (key: string): ConflictChoice | undefined => choices.byKey?.[key] ?? choices.all;
  const open = plan.conflicts.filter((conflict) => choiceFor(conflict.key) === undefined);
  if (open.length > 0) {
    const shown = open.slice(0, 5).map((conflict) => conflict.key);
    const more = open.length > shown.length ? ` and ${open.length - shown.length} more` : '';
    return err({
      code: 'unresolved-conflicts',
      message: `${open.length} ${open.length === 1 ? 'item differs' : 'items differ'} between the file and this account (${shown.join(', ')}${more}): choose to keep yours or take the file's`,
    });
  }
  const replace: ImportActions['replace'] = [];
  const kept = new Set<string>();
  let profile: ProfilePatch | null = null;
  for (const conflict of plan.conflicts) {
    const takeFile = choiceFor(conflict.key) === 'take-file';
    if (conflict.key === PROFILE_CONFLICT_KEY) {
      if (takeFile) profile = plan.profileFromFile;
      continue;
    }
    const planned = plan.conflictBodies[conflict.key];
    if (planned === undefined) continue;
    if (takeFile)
      replace.push({ collection: planned.collection, body: planned.body, restore: planned.yoursDeleted });
    else kept.add(conflict.key);
  }
  return ok({
    add: plan.add,
    replace,
    addDeleted: plan.addDeleted,
    revisions: plan.revisions.filter((revision) => !kept.has(keyOf(revision.collection, revision.record.id))),
    profile,
    kept: kept.size,
  });
}
