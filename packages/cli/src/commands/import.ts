import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ExportImportPreview, ImportOutcome } from '@sunlog/core/exchange/import-api';
import type { ConflictChoice, ConflictChoices } from '@sunlog/core/exchange/import-plan';
import { COLLECTION_LABELS } from '@sunlog/core/records/collections';
import { loadConfig, processEnv } from '@sunlog/server/config';
import { SunlogError } from '@sunlog/server/errors';
import { type Command, findPerson, openSunlog, UsageError } from '../command.ts';
import { ask, confirm } from '../prompt.ts';

const CLI_META = { requestId: 'cli-import', address: 'cli', userAgent: 'sunlog' };
const CONFLICT_CHOICES: readonly ConflictChoice[] = ['keep-mine', 'take-file'];

export const importCommand: Command = {
  name: 'import',
  usage: 'sunlog import <file> --email <address> [--yes] [--conflicts keep-mine|take-file]',
  summary:
    'Import a Sunlog export (JSON, version 1 or 2) into one person’s account: prints what it would add and asks; --yes for scripts. All or nothing; importing a file twice adds nothing.',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        yes: { type: 'boolean', default: false },
        conflicts: { type: 'string' },
      },
    });
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0 || values.email === undefined)
      throw new UsageError(`usage: ${this.usage}`);
    const preset = values.conflicts;
    if (preset !== undefined && !CONFLICT_CHOICES.includes(preset as ConflictChoice)) {
      throw new UsageError(`--conflicts must be keep-mine or take-file (got "${preset}")`);
    }
    const content = await readUpload(file);

    const sunlog = await openSunlog(loadConfig(processEnv()));
    try {
      const user = await findPerson(sunlog.accounts, values.email);
      const preview = await explained(() => sunlog.imports.previewExport(user, content));
      console.log(describePreview(preview));

      const choices: ConflictChoices = {};
      if (preview.conflictCount > 0) {
        if (preset !== undefined) choices.all = preset as ConflictChoice;
        else if (values.yes) {
          throw new UsageError(
            `${preview.conflictCount} ${preview.conflictCount === 1 ? 'item differs' : 'items differ'} between the file and the account: choose with --conflicts keep-mine or --conflicts take-file`,
          );
        } else {
          const answer = await ask("Keep yours for all of them (k), take the file's (t), or cancel (N)? ");
          if (answer === 'k') choices.all = 'keep-mine';
          else if (answer === 't') choices.all = 'take-file';
          else throw new UsageError('cancelled: nothing was imported');
        }
      }
      if (!values.yes && !(await confirm(`Import into ${user.email}?`))) {
        throw new UsageError('cancelled: nothing was imported');
      }
      const outcome = await explained(() => sunlog.imports.importExport(user, content, choices, CLI_META));
      console.log(describeOutcome(outcome));
      return 0;
    } finally {
      await sunlog.close();
    }
  },
};

/** The file's bytes as the import service takes them (base64). */
async function readUpload(file: string): Promise<string> {
  try {
    return (await readFile(file)).toString('base64');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
}

/** Runs a service call; a refusal the person can act on (a bad file, a conflict) becomes a one-line reason. */
async function explained<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof SunlogError) throw new UsageError(error.message);
    throw error;
  }
}

/** The preview as plain lines: counts per kind, the date range, what is skipped, and each conflict. */
export function describePreview(preview: ExportImportPreview): string {
  const lines = [`Sunlog export, version ${preview.fileVersion}, made ${preview.exportedAt}`];
  lines.push(
    preview.dateRange === null
      ? 'No records in the file.'
      : `Records dated ${preview.dateRange.from} to ${preview.dateRange.to}:`,
  );
  const width = Math.max(...Object.values(COLLECTION_LABELS).map((label) => label.length));
  for (const count of preview.counts) {
    lines.push(
      `  ${COLLECTION_LABELS[count.collection].padEnd(width)}  ${count.inFile} in file: ${count.add} to add, ${count.unchanged} already here, ${count.conflicts} differ`,
    );
  }
  lines.push(`Recently deleted records: ${preview.deleted.inFile} in file, ${preview.deleted.add} to add`);
  lines.push(`Earlier versions of edited records: ${preview.revisions}`);
  if (preview.activityIgnored > 0)
    lines.push(`Account activity: ${preview.activityIgnored} entries (never imported)`);
  if (preview.conflictCount > 0) {
    lines.push(`Differences between the file and the account (${preview.conflictCount}):`);
    for (const conflict of preview.conflicts.slice(0, 20)) {
      const what = conflict.yoursDeleted ? 'deleted in the account' : conflict.fields.join(', ');
      lines.push(`  ${conflict.key}${conflict.filedOn === null ? '' : ` (${conflict.filedOn})`}: ${what}`);
    }
    if (preview.conflictCount > 20) lines.push(`  … and ${preview.conflictCount - 20} more`);
  }
  return lines.join('\n');
}

export function describeOutcome(outcome: ImportOutcome): string {
  return [
    `Imported: ${outcome.added} added, ${outcome.unchanged} already there, ${outcome.replaced} replaced by the file's, ${outcome.kept} kept as they were.`,
    `Recently deleted records added: ${outcome.deletedAdded}; earlier versions added: ${outcome.revisionsAdded}; settings ${outcome.profileUpdated ? 'updated' : 'unchanged'}.`,
  ].join('\n');
}
