import type { CsvExportKind, CsvImportKind } from '../../api/data.ts';

/** The words of Settings' "Your data" sections: download, import, delete account. */
export const dataStrings = {
  downloadHeading: 'Download your data',
  downloadLead:
    'Take a copy of everything you keep in Sunlog: a file you can keep, bring back into Sunlog, or give to another app.',
  downloadAllHeading: 'Everything in one file',
  downloadAllHint:
    'A JSON file with your profile, supplement plans, doses, blood results, daily checks, flare-ups and monthly check-ins.',
  includeHistory: 'Also include edit history',
  includeHistoryDetail:
    'Earlier versions of entries you changed, and entries you deleted in the last 30 days.',
  includeActivity: 'Also include account activity',
  includeActivityDetail: 'Sign-ins, settings changes and downloads, as listed under Account activity.',
  downloadAll: 'Download everything (JSON)',
  downloadStarted: 'Your download has started. Your browser shows it when it is saved.',
  csvHeading: 'One list for a spreadsheet',
  csvHint:
    'A CSV file per kind of entry. It opens in Excel, LibreOffice, Numbers and Google Sheets. Deleted entries are left out.',
  csvKinds: {
    intakes: 'Vitamin D doses',
    'lab-results': 'Blood results',
    'symptom-checks': 'Daily checks',
    regimens: 'Supplement plans',
    flares: 'Flare-ups',
    'check-ins': 'Monthly check-ins',
  } satisfies Record<CsvExportKind, string>,
  csvLink: (kind: string) => `${kind} (CSV)`,

  importHeading: 'Import',
  importLead:
    'Bring in entries you already have. Sunlog first shows what it found and writes nothing until you press Import. Entries already in your account are skipped, so importing the same file twice adds nothing.',
  chooseFile: 'Choose a file',
  chooseAnotherFile: 'Choose another file',
  chosenFile: (name: string, size: string) => `Chosen: ${name} (${size})`,
  noFile: 'No file chosen yet. Files up to 10 MB.',
  fileTooLarge: (size: string) =>
    `This file is ${size}. Sunlog imports files up to 10 MB: split it, or export a shorter period.`,
  typeLabel: 'What is in this file?',
  typeHint: 'Sunlog guessed from the file. Change it if the guess is wrong.',
  types: {
    export: { name: 'A Sunlog download', detail: 'the JSON file from "Download everything"' },
    intakes: { name: 'Vitamin D doses', detail: 'a CSV list, for example from a spreadsheet' },
    labResults: { name: 'Blood results', detail: 'a CSV list of 25(OH)D results' },
    symptomChecks: { name: 'Daily checks', detail: 'a CSV list of symptom ratings' },
    fhir: { name: 'Lab results from a patient portal', detail: 'a FHIR file (JSON)' },
  },
  checking: 'Reading the file…',
  importing: 'Importing… keep this page open.',
  previewHeading: 'What Sunlog found',
  nothingToAdd: 'Everything in this file is already in your account. There is nothing to import.',
  dateRange: (from: string, to: string) => (from === to ? `Dated ${from}.` : `Dated ${from} to ${to}.`),
  kindNames: {
    regimens: 'supplement plans',
    intakes: 'vitamin D doses',
    labResults: 'blood results',
    symptomChecks: 'daily checks',
    flares: 'flare-ups',
    checkIns: 'monthly check-ins',
  } as Record<string, string>,
  countLine: (kind: string, add: number, unchanged: number, conflicts: number) =>
    [
      `${kind}: ${add} to add`,
      unchanged > 0 ? `${unchanged} already there` : null,
      conflicts > 0 ? `${conflicts} different from yours` : null,
    ]
      .filter((part) => part !== null)
      .join(', '),
  deletedLine: (add: number) =>
    `${add} recently deleted ${add === 1 ? 'entry' : 'entries'} to add (still deleted).`,
  revisionsLine: (count: number) =>
    `${count} earlier ${count === 1 ? 'version' : 'versions'} of changed entries.`,
  activityIgnored: 'Account activity in the file is shown for information only and is not imported.',
  duplicates: (count: number) =>
    `${count} already logged in Sunlog on the same date with the same value: skipped.`,
  alreadyImported: (count: number) => `${count} imported before: skipped.`,
  foundLabResults: (found: number) =>
    `${found} vitamin D blood ${found === 1 ? 'result' : 'results'} (25(OH)D) in the file.`,
  skippedHeading: 'Left out',
  skippedLine: (reason: string, count: number) => `${reason}: ${count}`,
  skipReasons: {
    'not-an-observation': 'Not a test result',
    'other-test': 'Other tests than vitamin D',
    'not-final': 'Results not final yet (preliminary or cancelled)',
    'no-value': 'Results without a value',
    'unknown-unit': 'Results in a unit Sunlog does not read',
    'not-a-measured-value': 'Results given only as a limit, such as "< 5"',
    'no-date': 'Results without a date',
  } as Record<string, string>,
  linesRead: (count: number) => `${count} ${count === 1 ? 'line' : 'lines'} with an entry.`,
  mappingHeading: 'Which column holds what',
  mappingHint: 'Sunlog read the column names. Change a choice if it picked the wrong column.',
  mappingNone: 'Not in this file',
  unmapped: (columns: string) => `Not imported: ${columns}.`,
  fields: {
    id: 'Sunlog id',
    date: 'Date',
    time: 'Time',
    amount: 'Dose',
    unit: 'Unit',
    status: 'Taken or skipped',
    note: 'Note',
    value: 'Result',
    lab: 'Laboratory',
    fatigue: 'Fatigue',
    energy: 'Energy',
    mobility: 'Mobility',
    mood: 'Mood',
    sleep: 'Sleep',
    pain: 'Pain',
    overallWellness: 'Overall wellness',
  } as Record<string, string>,
  dateOrderLabel: 'Dates like 02/03/2026 mean',
  dateOrders: {
    auto: 'Let Sunlog decide',
    'day-first': '2 March (day first)',
    'month-first': 'February 3 (month first)',
  },
  errorsHeading: (count: number) =>
    `${count} ${count === 1 ? 'problem' : 'problems'} to fix first. Nothing is imported until the file has none.`,
  errorsMore: (shown: number, total: number) => `The first ${shown} of ${total} are listed.`,
  errorLine: (line: number | null, column: string | null, message: string) =>
    `${line === null ? 'The file' : `Line ${line}`}${column === null ? '' : `, column "${column}"`}: ${message}`,
  conflictsHeading: (count: number) =>
    `${count} ${count === 1 ? 'difference' : 'differences'} between the file and your account`,
  conflictsHint:
    'Choose which to keep. If you take the file’s version, yours stays in the edit history for 30 days.',
  conflictsAllLabel: 'For every difference',
  conflictChoices: {
    'keep-mine': { name: 'Keep mine', detail: 'leave what is in your account' },
    'take-file': { name: 'Take the file’s', detail: 'replace yours with the file’s version' },
  },
  conflictAsAll: 'Use the choice above',
  conflictsUndecided: 'Choose for every difference (or once for all of them) to go on.',
  conflictProfile: 'Your settings (name, time zone, units or reminders)',
  conflictLine: (kind: string, date: string | null, fields: string, deleted: boolean) =>
    `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${date === null ? '' : `, ${date}`}. Different: ${fields}${deleted ? ' (you deleted yours)' : ''}`,
  /** A record's field as people say it; others are spelled out from their name ("takenAt" → "taken at"). */
  conflictFields: {
    localDate: 'date',
    takenAt: 'time taken',
    regimenId: 'supplement plan',
    level: 'result',
    sampleDate: 'date',
    labName: 'lab',
    loincCode: 'lab code',
    scores: 'ratings',
    custom: 'your own ratings',
    deletedAt: 'deleted',
    revisedAt: 'last change',
  } as Record<string, string>,
  conflictsMore: (shown: number, total: number) => `The first ${shown} of ${total} are listed.`,
  importButton: (count: number) => `Import ${count} ${count === 1 ? 'entry' : 'entries'}`,
  importChoicesButton: 'Import with these choices',
  imported: (added: number) =>
    `Imported ${added} ${added === 1 ? 'entry' : 'entries'}. You can see them in History.`,
  settingsTaken: 'Your settings (name, time zone, units, reminders) were taken from the file.',
  importedDetail: (replaced: number, kept: number) =>
    [
      replaced > 0 ? `${replaced} replaced with the file’s version` : null,
      kept > 0 ? `${kept} kept as yours` : null,
    ]
      .filter((part) => part !== null)
      .join(', '),

  deleteHeading: 'Delete your account',
  deleteLead: 'This erases your account and everything in it, at once and for good. It cannot be undone.',
  deleteWhat:
    'Erased: your profile and settings, every supplement plan, dose, blood result, daily check, flare-up and monthly check-in, deleted entries and earlier versions, your sessions on every device and your account activity.',
  deleteDownloadFirst: 'Want to keep a copy? Use "Download everything" above first.',
  deletePasswordLabel: 'Your password',
  deleteEmailLabel: 'Type your email address to confirm',
  deleteEmailHint: (email: string) => `Type ${email}`,
  deleteEmailMismatch: 'This is not the email address of this account.',
  deletePasswordMissing: 'Enter your password.',
  deleteButton: 'Delete my account and everything in it',
  deleting: 'Deleting…',
  deletedNotice: 'Your account and everything in it are deleted.',
} as const;

export type ImportType = 'export' | CsvImportKind | 'fhir';
