import { addDays, datesInRange } from '@sunlog/core/calendar';
import { serializeExport } from '@sunlog/core/exchange/export-read';
import { buildExportV1 } from '@sunlog/core/exchange/export-v1';
import {
  buildIntake,
  buildProfile,
  buildRegimen,
  buildSymptomCheck,
  buildVitaminDResult,
  testId,
} from '../../core/test/factories.ts';

/** 120 days from 2026-01-01: a daily 1,000 IU regimen taken 5 days in 6, fatigue checks every day, two labs. */
export function exportWithRecords(): string {
  const start = '2026-01-01';
  const days = datesInRange(start, addDays(start, 119));
  const regimen = buildRegimen({ id: testId(1), startDate: start });
  const intakes = days
    .filter((_, index) => index % 6 !== 5)
    .map((date, index) =>
      buildIntake({
        id: testId(1000 + index),
        regimenId: regimen.id,
        localDate: date,
        takenAt: `${date}T08:00:00+01:00`,
      }),
    );
  const symptomChecks = days.map((date, index) =>
    buildSymptomCheck({ id: testId(5000 + index), localDate: date, scores: { fatigue: 3 + (index % 4) } }),
  );
  const labResults = [
    buildVitaminDResult({ id: testId(9000), sampleDate: start, level: { value: 18, unit: 'ng/mL' } }),
    buildVitaminDResult({
      id: testId(9001),
      sampleDate: addDays(start, 100),
      level: { value: 75, unit: 'nmol/L' },
    }),
  ];
  const doc = buildExportV1(
    {
      profile: buildProfile(),
      regimens: [regimen],
      intakes,
      labResults,
      symptomChecks,
      flares: [],
      checkIns: [],
    },
    '2026-05-01T12:00:00.000Z',
  );
  return serializeExport(doc);
}
