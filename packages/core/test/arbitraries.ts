import fc from 'fast-check';
import { epochDay, fromEpochDay, toOffsetDateTime } from '../src/calendar.ts';
import type { ExportV1 } from '../src/exchange/export-v1.ts';
import type { ExportDeleted, ExportRevision, ExportV2 } from '../src/exchange/export-v2.ts';
import { ACTIVITY_ACTIONS, type ActivityEntry } from '../src/records/account-activity.ts';
import type { CheckIn } from '../src/records/check-in.ts';
import type { Flare } from '../src/records/flare.ts';
import type { Intake } from '../src/records/intake.ts';
import type { LabResult } from '../src/records/lab-result.ts';
import type { Profile } from '../src/records/profile.ts';
import type { Regimen } from '../src/records/regimen.ts';
import type { SymptomCheck } from '../src/records/symptom-check.ts';

/** fast-check arbitraries for valid records, as Sunlog would store them (text already trimmed). */

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Europe/London', 'Asia/Kolkata'];

export const localDateArb = fc
  .integer({ min: epochDay('2020-01-01'), max: epochDay('2030-12-31') })
  .map(fromEpochDay);

export const offsetDateTimeArb = fc
  .tuple(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2031, 0, 1) }), fc.constantFrom(...ZONES))
  .map(([ms, zone]) => toOffsetDateTime(ms, zone));

const idArb = fc.uuid({ version: 4 });

const textArb = (maxLength: number) =>
  fc
    .string({ minLength: 1, maxLength })
    .map((text) => text.trim())
    .filter((text) => text.length > 0);

/** Includes keys only when the arbitrary produced a value, as exactOptionalPropertyTypes expects. */
function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const stampsArb = fc.record({ createdAt: offsetDateTimeArb, updatedAt: offsetDateTimeArb });

const intakeAmountArb = fc.oneof(
  fc.record({ value: fc.double({ min: 1, max: 1_000_000, noNaN: true }), unit: fc.constant('IU' as const) }),
  fc.record({ value: fc.double({ min: 0.025, max: 25_000, noNaN: true }), unit: fc.constant('ug' as const) }),
);

const timeArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

export const profileArb: fc.Arbitrary<Profile> = fc
  .record({
    displayName: textArb(80),
    timeZone: fc.constantFrom(...ZONES),
    intakeUnit: fc.constantFrom('IU' as const, 'ug' as const),
    bloodUnit: fc.constantFrom('ng/mL' as const, 'nmol/L' as const),
    locale: fc.constantFrom('en-GB', 'de-DE', 'ja-JP'),
    reminders: fc.record({
      dailyDose: fc.boolean(),
      dailyDoseTimes: fc.uniqueArray(timeArb, { maxLength: 6 }),
      monthlyCheckIn: fc.boolean(),
      labTestEveryWeeks: fc.option(fc.integer({ min: 4, max: 104 }), { nil: null }),
    }),
    consentedAt: fc.option(offsetDateTimeArb, { nil: null }),
    bloodTarget: optional(
      fc.option(
        fc
          .tuple(fc.integer({ min: 10, max: 60 }), fc.integer({ min: 0, max: 40 }))
          .map(([low, width]) => ({ low, high: low + width, unit: 'ng/mL' as const })),
        { nil: null },
      ),
    ),
  })
  .map(compact);

const scheduleArb = fc.oneof(
  fc.constant({ kind: 'daily' as const }),
  fc.integer({ min: 2, max: 60 }).map((everyDays) => ({ kind: 'every-n-days' as const, everyDays })),
  fc
    .uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 })
    .map((weekdays) => ({ kind: 'weekly' as const, weekdays })),
);

export const regimenArb: fc.Arbitrary<Regimen> = fc
  .record({
    id: idArb,
    productName: textArb(120),
    form: fc.constantFrom('D3' as const, 'D2' as const),
    amountPerDose: intakeAmountArb,
    schedule: scheduleArb,
    startDate: localDateArb,
    lengthDays: optional(fc.integer({ min: 0, max: 800 })),
    reminderTimes: fc.uniqueArray(timeArb, { maxLength: 6 }),
    note: optional(textArb(200)),
    stamps: stampsArb,
  })
  .map(({ lengthDays, stamps, ...rest }) =>
    compact({
      ...rest,
      endDate: lengthDays === undefined ? undefined : fromEpochDay(epochDay(rest.startDate) + lengthDays),
      ...stamps,
    }),
  );

export const intakeArb: fc.Arbitrary<Intake> = fc
  .record({
    id: idArb,
    regimenId: optional(idArb),
    takenAt: offsetDateTimeArb,
    amount: intakeAmountArb,
    status: fc.constantFrom('taken' as const, 'skipped' as const),
    note: optional(textArb(200)),
    stamps: stampsArb,
  })
  .map(({ stamps, ...rest }) => compact({ ...rest, localDate: rest.takenAt.slice(0, 10), ...stamps }));

export const labResultArb: fc.Arbitrary<LabResult> = fc
  .record({
    id: idArb,
    vitaminD: fc.boolean(),
    value: fc.double({ min: 0.25, max: 25, noNaN: true }),
    unitIndex: fc.integer({ min: 0, max: 1 }),
    withRange: fc.boolean(),
    sampleDate: localDateArb,
    labName: optional(textArb(120)),
    loincCode: optional(fc.constantFrom('62292-8', '1989-3', '17861-6')),
    note: optional(textArb(200)),
    stamps: stampsArb,
  })
  .map(({ vitaminD, value, unitIndex, withRange, stamps, ...rest }) => {
    const shared = { ...rest, ...stamps };
    if (vitaminD) {
      const unit = unitIndex === 0 ? ('ng/mL' as const) : ('nmol/L' as const);
      return compact({
        ...shared,
        analyte: '25-hydroxyvitamin-d-total' as const,
        level: { value, unit },
        referenceRange: withRange ? { low: 30, high: 100, unit } : undefined,
      });
    }
    const unit = unitIndex === 0 ? ('mg/dL' as const) : ('mmol/L' as const);
    return compact({
      ...shared,
      analyte: 'calcium' as const,
      level: { value, unit },
      referenceRange: withRange ? { low: 2.2, high: 2.6, unit } : undefined,
    });
  });

const scoreArb = fc.integer({ min: 0, max: 10 });

export const symptomCheckArb: fc.Arbitrary<SymptomCheck> = fc
  .record({
    id: idArb,
    localDate: localDateArb,
    scores: fc.record(
      {
        fatigue: scoreArb,
        energy: scoreArb,
        mobility: scoreArb,
        mood: scoreArb,
        sleep: scoreArb,
        pain: scoreArb,
        overallWellness: scoreArb,
      },
      { requiredKeys: ['fatigue'] },
    ),
    custom: fc.uniqueArray(fc.record({ name: textArb(60), score: scoreArb }), {
      maxLength: 10,
      selector: (item) => item.name.toLowerCase(),
    }),
    note: optional(textArb(200)),
    stamps: stampsArb,
  })
  .map(({ stamps, ...rest }) => compact({ ...rest, ...stamps }));

export const flareArb: fc.Arbitrary<Flare> = fc
  .record({
    id: idArb,
    startDate: localDateArb,
    lengthDays: optional(fc.integer({ min: 0, max: 120 })),
    symptoms: fc.array(textArb(80), { minLength: 1, maxLength: 20 }),
    severity: fc.constantFrom('mild' as const, 'moderate' as const, 'severe' as const),
    steroidTreatment: fc.boolean(),
    suspectedTrigger: fc.constantFrom(
      'fever-or-infection' as const,
      'heat' as const,
      'stress' as const,
      'none-known' as const,
    ),
    note: optional(textArb(200)),
    stamps: stampsArb,
  })
  .map(({ lengthDays, stamps, ...rest }) =>
    compact({
      ...rest,
      endDate: lengthDays === undefined ? undefined : fromEpochDay(epochDay(rest.startDate) + lengthDays),
      ...stamps,
    }),
  );

export const checkInArb: fc.Arbitrary<CheckIn> = fc
  .record({
    id: idArb,
    month: localDateArb.map((date) => date.slice(0, 7)),
    answers: fc.record(
      {
        intakeConsistency: textArb(200),
        symptomChange: textArb(200),
        bloodResultNote: textArb(200),
        flareNote: textArb(200),
        freeText: textArb(200),
      },
      { requiredKeys: [] },
    ),
    questionsForDoctor: fc.array(textArb(500), { maxLength: 20 }),
    stamps: stampsArb,
  })
  .map(({ stamps, ...rest }) => ({ ...rest, ...stamps }));

const uniqueById = <T extends { id: string }>(arb: fc.Arbitrary<T>, maxLength: number) =>
  fc.uniqueArray(arb, { maxLength, selector: (record) => record.id });

export const exportArb: fc.Arbitrary<ExportV1> = fc.record({
  format: fc.constant('sunlog-export' as const),
  version: fc.constant(1 as const),
  exportedAt: offsetDateTimeArb,
  profile: profileArb,
  regimens: uniqueById(regimenArb, 4),
  intakes: uniqueById(intakeArb, 20),
  labResults: uniqueById(labResultArb, 5),
  symptomChecks: uniqueById(symptomCheckArb, 8),
  flares: uniqueById(flareArb, 3),
  checkIns: uniqueById(checkInArb, 3),
});

const utcInstantArb = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2031, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

const RECORD_ARBS = {
  regimens: regimenArb,
  intakes: intakeArb,
  labResults: labResultArb,
  symptomChecks: symptomCheckArb,
  flares: flareArb,
  checkIns: checkInArb,
} as const;

const collectionArb = fc.constantFrom(...(Object.keys(RECORD_ARBS) as (keyof typeof RECORD_ARBS)[]));

const revisionArb: fc.Arbitrary<ExportRevision> = collectionArb.chain((collection) =>
  fc
    .record({ revisedAt: utcInstantArb, record: RECORD_ARBS[collection] as fc.Arbitrary<never> })
    .map(({ revisedAt, record }) => ({ collection, revisedAt, record }) as ExportRevision),
);

const deletedArb: fc.Arbitrary<ExportDeleted> = collectionArb.chain((collection) =>
  fc
    .record({ deletedAt: utcInstantArb, record: RECORD_ARBS[collection] as fc.Arbitrary<never> })
    .map(({ deletedAt, record }) => ({ collection, deletedAt, record }) as ExportDeleted),
);

const activityArb: fc.Arbitrary<ActivityEntry> = fc.record(
  {
    id: idArb,
    at: utcInstantArb,
    action: fc.constantFrom(...ACTIVITY_ACTIONS),
    outcome: fc.constantFrom('success' as const, 'failure' as const),
    address: fc.constantFrom('127.0.0.1', '2001:db8::1'),
  },
  { requiredKeys: ['id', 'at', 'action', 'outcome'] },
);

/** A version 2 export with, at random, its account, history (ids distinct from the live ones) and activity. */
export const exportV2Arb: fc.Arbitrary<ExportV2> = fc
  .record({
    base: exportArb,
    account: optional(fc.record({ id: idArb, email: fc.emailAddress(), createdAt: utcInstantArb })),
    history: optional(
      fc.record({
        revisions: fc.array(revisionArb, { maxLength: 6 }),
        deleted: fc.uniqueArray(deletedArb, { maxLength: 4, selector: (entry) => entry.record.id }),
      }),
    ),
    activity: optional(fc.array(activityArb, { maxLength: 5 })),
    // Version 2 only: version 1 files never carried the last appointment.
    lastAppointment: optional(fc.option(localDateArb, { nil: null })),
  })
  .map(({ base, account, history, activity, lastAppointment }) => {
    const live = new Set(
      (Object.keys(RECORD_ARBS) as (keyof typeof RECORD_ARBS)[]).flatMap((key) =>
        base[key].map((record) => record.id),
      ),
    );
    const kept =
      history === undefined
        ? undefined
        : { ...history, deleted: history.deleted.filter((entry) => !live.has(entry.record.id)) };
    const profile = compact({ ...base.profile, lastAppointment });
    return compact({ ...base, profile, version: 2 as const, account, history: kept, activity });
  });
