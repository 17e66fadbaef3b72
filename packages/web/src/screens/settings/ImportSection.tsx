import { CSV_IMPORT_FIELDS } from '@sunlog/core/exchange/csv/import-mapping';
import { IMPORT_FILE_MAX_BYTES } from '@sunlog/core/exchange/import-api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { isApiError } from '../../api/api-error.ts';
import {
  type ConflictChoices,
  type CsvImportKind,
  type CsvImportPreview,
  commitCsvImport,
  commitExportImport,
  commitLabResultsImport,
  type ExportImportPreview,
  type LabResultsImportPreview,
  previewCsvImport,
  previewExportImport,
  previewLabResultsImport,
  readFileForUpload,
} from '../../api/data.ts';
import { queryKeys } from '../../api/queries.ts';
import { type Choice, ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { SelectInput } from '../../components/SelectInput.tsx';
import { type ImportType, dataStrings as t } from './data-strings.ts';
import { formatSize, guessImportType } from './import-file.ts';
import './data.css';

interface ChosenFile {
  /** Changes with every choice, so choosing the same file again reads it again. */
  stamp: number;
  name: string;
  size: number;
  /** The bytes as a data: URL, sent unchanged. */
  data: string;
}

type ConflictChoice = 'keep-mine' | 'take-file';
type DateOrderChoice = 'auto' | 'day-first' | 'month-first';

type Preview =
  | { type: 'export'; answer: ExportImportPreview }
  | { type: 'fhir'; answer: LabResultsImportPreview }
  | { type: CsvImportKind; answer: CsvImportPreview };

const TYPE_CHOICES: readonly Choice<ImportType>[] = (
  ['export', 'intakes', 'labResults', 'symptomChecks', 'fhir'] as const
).map((value) => ({ value, ...t.types[value] }));

const CONFLICT_CHOICES: readonly Choice<ConflictChoice | ''>[] = (['keep-mine', 'take-file'] as const).map(
  (value) => ({ value, ...t.conflictChoices[value] }),
);

const DATE_ORDERS: readonly { value: DateOrderChoice; label: string }[] = (
  ['auto', 'day-first', 'month-first'] as const
).map((value) => ({ value, label: t.dateOrders[value] }));

const NONE = '';

function isCsv(type: ImportType): type is CsvImportKind {
  return type === 'intakes' || type === 'labResults' || type === 'symptomChecks';
}

/**
 * Settings → Import: choose a file, see what Sunlog found in it (nothing is written), adjust the
 * column mapping of a CSV or choose for each difference, then import everything or nothing.
 */
export function ImportSection() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenFile>();
  const [fileError, setFileError] = useState<string>();
  const [type, setType] = useState<ImportType>('export');
  const [mapping, setMapping] = useState<Record<string, string>>();
  const [dateOrder, setDateOrder] = useState<DateOrderChoice>('auto');
  const [allChoice, setAllChoice] = useState<ConflictChoice | ''>('');
  const [byKey, setByKey] = useState<Record<string, ConflictChoice>>({});
  const [done, setDone] = useState<string>();
  const doneRef = useRef<HTMLDivElement>(null);
  // The Import button goes away with the preview: focus moves to what happened instead of being lost.
  useEffect(() => {
    if (done !== undefined) doneRef.current?.focus();
  }, [done]);

  const csvInput = (kind: CsvImportKind, data: string) => ({
    kind,
    file: data,
    mapping,
    dateOrder: dateOrder === 'auto' ? undefined : dateOrder,
  });

  const preview = useQuery({
    queryKey: ['import-preview', file?.stamp ?? null, type, mapping ?? null, dateOrder],
    enabled: file !== undefined,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    // While a changed mapping or date order is checked again, the last answer stays on screen, so the
    // control the person just used (and its focus) stays where it was.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === file?.stamp && previousQuery?.queryKey[2] === type
        ? previous
        : undefined,
    queryFn: async (): Promise<Preview> => {
      if (file === undefined) throw new Error('No file chosen.');
      if (type === 'export') return { type, answer: await previewExportImport(file.data) };
      if (type === 'fhir') return { type, answer: await previewLabResultsImport(file.data) };
      return { type, answer: await previewCsvImport(csvInput(type, file.data)) };
    },
  });

  const commit = useMutation({
    mutationFn: async (): Promise<string> => {
      if (file === undefined) throw new Error('No file chosen.');
      if (type === 'export') {
        const conflicts: ConflictChoices = {
          ...(allChoice === '' ? {} : { all: allChoice }),
          ...(Object.keys(byKey).length === 0 ? {} : { byKey }),
        };
        const outcome = await commitExportImport(file.data, conflicts);
        const detail = t.importedDetail(outcome.replaced, outcome.kept);
        return [
          t.imported(outcome.added + outcome.deletedAdded),
          detail === '' ? null : `(${detail}.)`,
          outcome.profileUpdated ? t.settingsTaken : null,
        ]
          .filter((part) => part !== null)
          .join(' ');
      }
      const outcome =
        type === 'fhir'
          ? await commitLabResultsImport(file.data)
          : await commitCsvImport(csvInput(type, file.data));
      return t.imported(outcome.add);
    },
    onMutate: () => setDone(undefined),
    onSuccess: (message) => {
      setDone(message);
      setFile(undefined);
      void queryClient.invalidateQueries({ queryKey: ['records'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });

  const choose = async (files: FileList | null) => {
    const chosen = files?.[0];
    if (chosen === undefined) return;
    setDone(undefined);
    setFileError(undefined);
    commit.reset();
    setMapping(undefined);
    setDateOrder('auto');
    setAllChoice('');
    setByKey({});
    if (chosen.size > IMPORT_FILE_MAX_BYTES) {
      setFile(undefined);
      setFileError(t.fileTooLarge(formatSize(chosen.size)));
      return;
    }
    try {
      const [start, data] = await Promise.all([chosen.slice(0, 4096).text(), readFileForUpload(chosen)]);
      setType(guessImportType(chosen.name, start));
      setFile({ stamp: Date.now(), name: chosen.name, size: chosen.size, data });
    } catch (caught) {
      setFile(undefined);
      setFileError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const changeType = (next: ImportType) => {
    setType(next);
    setMapping(undefined);
    setDateOrder('auto');
    commit.reset();
  };

  return (
    <section className="card" aria-labelledby="settings-import">
      <h2 id="settings-import">{t.importHeading}</h2>
      <p className="muted">{t.importLead}</p>
      <div className="button-row data-actions">
        <FileTrigger
          acceptedFileTypes={['.json', '.csv', '.tsv', '.txt', 'application/json', 'text/csv', 'text/plain']}
          onSelect={(files) => void choose(files)}
        >
          <Button className="button">{file === undefined ? t.chooseFile : t.chooseAnotherFile}</Button>
        </FileTrigger>
      </div>
      <p className="data-file" aria-live="polite">
        {file === undefined ? t.noFile : t.chosenFile(file.name, formatSize(file.size))}
      </p>
      <FormAlert message={fileError} />
      {file === undefined ? null : (
        <ChoiceGroup
          label={t.typeLabel}
          name="importType"
          hint={t.typeHint}
          choices={TYPE_CHOICES}
          value={type}
          onChange={changeType}
        />
      )}
      {file !== undefined && preview.isFetching ? <p role="status">{t.checking}</p> : null}
      {file !== undefined && preview.isError ? <PreviewFailure error={preview.error} /> : null}
      {file !== undefined && preview.data !== undefined && !preview.isError ? (
        <section className="data-preview" aria-labelledby="settings-import-preview">
          <h3 id="settings-import-preview">{t.previewHeading}</h3>
          {preview.data.type === 'export' ? (
            <ExportPreview
              answer={preview.data.answer}
              allChoice={allChoice}
              onAllChoice={setAllChoice}
              byKey={byKey}
              onChoice={(key, choice) =>
                setByKey((old) => {
                  const next = { ...old };
                  if (choice === '') delete next[key];
                  else next[key] = choice;
                  return next;
                })
              }
            />
          ) : null}
          {preview.data.type === 'fhir' ? <LabResultsPreview answer={preview.data.answer} /> : null}
          {isCsv(preview.data.type) && 'header' in preview.data.answer ? (
            <CsvPreview
              kind={preview.data.type}
              answer={preview.data.answer}
              mapping={mapping}
              onMapping={setMapping}
              dateOrder={dateOrder}
              onDateOrder={setDateOrder}
            />
          ) : null}
          <CommitButton
            preview={preview.data}
            isChecking={preview.isFetching}
            allChoice={allChoice}
            byKey={byKey}
            isPending={commit.isPending}
            onPress={() => {
              if (!commit.isPending) commit.mutate();
            }}
          />
        </section>
      ) : null}
      {commit.isPending ? <p role="status">{t.importing}</p> : null}
      <FormAlert message={commit.isError ? failureText(commit.error) : undefined} />
      <div ref={doneRef} tabIndex={-1} className="data-done">
        <StatusMessage message={done} />
      </div>
    </section>
  );
}

function fieldName(field: string): string {
  return t.conflictFields[field] ?? field.replace(/([A-Z])/g, ' $1').toLowerCase();
}

function failureText(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  const fields = error.fields.map((field) => `${field.path}: ${field.message}`);
  return [error.message, ...fields.filter((line) => !line.endsWith(error.message))].join(' ');
}

function PreviewFailure({ error }: { error: unknown }) {
  // A problem with the file as a whole often comes back as its own field too: say it once.
  const fields = isApiError(error) ? error.fields.filter((field) => field.message !== error.message) : [];
  return (
    <div className="alert" role="alert">
      <p>{isApiError(error) ? error.message : String(error)}</p>
      {fields.length === 0 ? null : (
        <ul>
          {fields.map((field) => (
            <li key={`${field.path}-${field.message}`}>
              {field.path === '' ? field.message : `${field.path}: ${field.message}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DateRange({ range }: { range: { from: string; to: string } | null }) {
  return range === null ? null : <p>{t.dateRange(range.from, range.to)}</p>;
}

function ExportPreview({
  answer,
  allChoice,
  onAllChoice,
  byKey,
  onChoice,
}: {
  answer: ExportImportPreview;
  allChoice: ConflictChoice | '';
  onAllChoice: (choice: ConflictChoice | '') => void;
  byKey: Record<string, ConflictChoice>;
  onChoice: (key: string, choice: ConflictChoice | '') => void;
}) {
  const counts = answer.counts.filter((count) => count.inFile > 0);
  return (
    <>
      <DateRange range={answer.dateRange} />
      <ul className="data-counts">
        {counts.map((count) => (
          <li key={count.collection}>
            {t.countLine(
              t.kindNames[count.collection] ?? count.collection,
              count.add,
              count.unchanged,
              count.conflicts,
            )}
          </li>
        ))}
        {answer.deleted.add > 0 ? <li>{t.deletedLine(answer.deleted.add)}</li> : null}
        {answer.revisions > 0 ? <li>{t.revisionsLine(answer.revisions)}</li> : null}
      </ul>
      {answer.activityIgnored > 0 ? <p className="muted">{t.activityIgnored}</p> : null}
      {answer.conflictCount === 0 ? null : (
        <div className="data-conflicts">
          <h4>{t.conflictsHeading(answer.conflictCount)}</h4>
          <p className="muted">{t.conflictsHint}</p>
          <ChoiceGroup
            label={t.conflictsAllLabel}
            name="conflictsAll"
            choices={CONFLICT_CHOICES}
            value={allChoice}
            onChange={onAllChoice}
          />
          <ul className="list-plain data-conflict-list">
            {answer.conflicts.map((conflict) => (
              <ConflictItem
                key={conflict.key}
                label={
                  conflict.collection === 'profile'
                    ? t.conflictProfile
                    : t.conflictLine(
                        t.kindNames[conflict.collection] ?? conflict.collection,
                        conflict.filedOn,
                        conflict.fields.map(fieldName).join(', '),
                        conflict.yoursDeleted,
                      )
                }
                value={byKey[conflict.key] ?? ''}
                onChange={(choice) => onChoice(conflict.key, choice)}
              />
            ))}
          </ul>
          {answer.conflicts.length < answer.conflictCount ? (
            <p className="muted">{t.conflictsMore(answer.conflicts.length, answer.conflictCount)}</p>
          ) : null}
        </div>
      )}
    </>
  );
}

function ConflictItem({
  label,
  value,
  onChange,
}: {
  label: string;
  value: ConflictChoice | '';
  onChange: (choice: ConflictChoice | '') => void;
}) {
  const id = useId();
  return (
    <li>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value as ConflictChoice | '')}
      >
        <option value="">{t.conflictAsAll}</option>
        <option value="keep-mine">{t.conflictChoices['keep-mine'].name}</option>
        <option value="take-file">{t.conflictChoices['take-file'].name}</option>
      </select>
    </li>
  );
}

function LabResultsPreview({ answer }: { answer: LabResultsImportPreview }) {
  const skipped = Object.entries(answer.skipped).filter(([, count]) => count > 0);
  return (
    <>
      <p>{t.foundLabResults(answer.found)}</p>
      <DateRange range={answer.dateRange} />
      <FileCounts add={answer.add} duplicates={answer.duplicates} alreadyImported={answer.alreadyImported} />
      {skipped.length === 0 ? null : (
        <>
          <h4>{t.skippedHeading}</h4>
          <ul className="data-counts">
            {skipped.map(([reason, count]) => (
              <li key={reason}>{t.skippedLine(t.skipReasons[reason] ?? reason, count)}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function FileCounts({
  add,
  duplicates,
  alreadyImported,
}: {
  add: number;
  duplicates: number;
  alreadyImported: number;
}) {
  if (duplicates === 0 && alreadyImported === 0) return null;
  return (
    <ul className="data-counts">
      {duplicates > 0 ? <li>{t.duplicates(duplicates)}</li> : null}
      {alreadyImported > 0 ? <li>{t.alreadyImported(alreadyImported)}</li> : null}
      {add === 0 ? <li>{t.nothingToAdd}</li> : null}
    </ul>
  );
}

function CsvPreview({
  kind,
  answer,
  mapping,
  onMapping,
  dateOrder,
  onDateOrder,
}: {
  kind: CsvImportKind;
  answer: CsvImportPreview;
  /** The person's own choice, while the file is checked again with it; otherwise the answer's. */
  mapping: Record<string, string> | undefined;
  onMapping: (mapping: Record<string, string>) => void;
  dateOrder: DateOrderChoice;
  onDateOrder: (order: DateOrderChoice) => void;
}) {
  const shown = mapping ?? answer.mapping;
  const columns = [
    { value: NONE, label: t.mappingNone },
    ...answer.header.map((name) => ({ value: name, label: name })),
  ];
  const change = (field: string, column: string) => {
    const next = { ...shown };
    if (column === NONE) delete next[field];
    else next[field] = column;
    onMapping(next);
  };
  return (
    <>
      <p>{t.linesRead(answer.lines)}</p>
      <DateRange range={answer.dateRange} />
      <FileCounts add={answer.add} duplicates={answer.duplicates} alreadyImported={answer.alreadyImported} />
      {answer.errorCount === 0 ? null : (
        <div className="alert data-errors" role="alert">
          <p>{t.errorsHeading(answer.errorCount)}</p>
          <ul>
            {answer.errors.map((error) => (
              <li key={`${error.line}-${error.column}-${error.message}`}>
                {t.errorLine(error.line, error.column, error.message)}
              </li>
            ))}
          </ul>
          {answer.errors.length < answer.errorCount ? (
            <p>{t.errorsMore(answer.errors.length, answer.errorCount)}</p>
          ) : null}
        </div>
      )}
      <fieldset className="fieldset data-mapping">
        <legend className="choice-group__label">{t.mappingHeading}</legend>
        <p className="field__hint">{t.mappingHint}</p>
        {CSV_IMPORT_FIELDS[kind].map((field) => (
          <SelectInput
            key={field}
            label={t.fields[field] ?? field}
            name={`mapping-${field}`}
            value={shown[field] ?? NONE}
            onChange={(column) => change(field, column)}
            options={columns}
          />
        ))}
        {answer.unmapped.length === 0 ? null : (
          <p className="muted">{t.unmapped(answer.unmapped.map((name) => `"${name}"`).join(', '))}</p>
        )}
        <SelectInput
          label={t.dateOrderLabel}
          name="dateOrder"
          value={dateOrder}
          onChange={(order) => onDateOrder(order as DateOrderChoice)}
          options={DATE_ORDERS}
        />
      </fieldset>
    </>
  );
}

function CommitButton({
  preview,
  allChoice,
  byKey,
  isPending,
  isChecking,
  onPress,
}: {
  preview: Preview;
  isChecking: boolean;
  allChoice: ConflictChoice | '';
  byKey: Record<string, ConflictChoice>;
  isPending: boolean;
  onPress: () => void;
}) {
  // An answer being replaced is not what the import would do: wait for the new one.
  if (isChecking) return null;
  let count: number;
  let hasConflicts = false;
  if (preview.type === 'export') {
    const { answer } = preview;
    count = answer.counts.reduce((sum, entry) => sum + entry.add, 0) + answer.deleted.add;
    hasConflicts = answer.conflictCount > 0;
    // Every conflict needs a choice: one for all, or one each for every conflict (all of them listed).
    const decided =
      allChoice !== '' ||
      (answer.conflicts.length === answer.conflictCount &&
        answer.conflicts.every((conflict) => byKey[conflict.key] !== undefined));
    if (hasConflicts && !decided) return <p className="muted">{t.conflictsUndecided}</p>;
    if (!hasConflicts && count === 0 && answer.revisions === 0) return <p>{t.nothingToAdd}</p>;
  } else {
    if ('errorCount' in preview.answer && preview.answer.errorCount > 0) return null;
    count = preview.answer.add;
    if (count === 0) return null;
  }
  return (
    <div className="button-row data-actions">
      <Button className="button button--primary" onPress={onPress}>
        {isPending ? t.importing : hasConflicts ? t.importChoicesButton : t.importButton(count)}
      </Button>
    </div>
  );
}
