import type { LocalDate } from '@sunlog/core/calendar';
import type { IntakeAmount } from '@sunlog/core/records/common';
import type { BloodUnit, IntakeUnit, Profile } from '@sunlog/core/records/profile';
import { convertBlood, convertIntake, formatQuantity, type Quantity, UNIT_LABELS } from '@sunlog/core/units';
import { dateTimeFormat, displayLocale } from '../../format/locale-format.ts';

/** How History writes dates, times and amounts: in the browser's language, the person's time zone and units. */
export interface HistoryFormat {
  locale: string;
  timeZone: string;
  intakeUnit: IntakeUnit;
  bloodUnit: BloodUnit;
  /** "20 Nov 2026" */
  date: (date: LocalDate) => string;
  /** "20 Nov", for tight spaces such as chart rows. */
  dayMonth: (date: LocalDate) => string;
  /** "Friday 20 November 2026" */
  dayHeading: (date: LocalDate) => string;
  /** "08:30", in the person's time zone. */
  time: (instant: string) => string;
  /** An amount in the preferred unit, e.g. "1,000 IU". */
  intake: (amount: IntakeAmount) => string;
  /** A number of IU written in the preferred unit. */
  intakeFromIu: (iu: number) => string;
  /** A 25(OH)D level in the preferred unit. */
  blood: (level: Quantity<BloodUnit>) => string;
  /** A number already in the preferred blood unit, with the unit. */
  bloodValue: (value: number) => string;
  intakeUnitLabel: string;
  bloodUnitLabel: string;
}

export function historyFormat(profile: Profile, locale: string = displayLocale()): HistoryFormat {
  const { timeZone, intakeUnit, bloodUnit } = profile;
  const dates = dateTimeFormat(timeZone, locale);
  return {
    locale,
    timeZone,
    intakeUnit,
    bloodUnit,
    date: dates.date,
    dayMonth: dates.dayMonth,
    dayHeading: dates.fullDate,
    time: dates.time,
    intake: (amount) => formatQuantity(convertIntake(amount, intakeUnit), locale),
    intakeFromIu: (iu) => formatQuantity(convertIntake({ value: iu, unit: 'IU' }, intakeUnit), locale),
    blood: (level) => formatQuantity(convertBlood(level, bloodUnit), locale),
    bloodValue: (value) => formatQuantity({ value, unit: bloodUnit }, locale),
    intakeUnitLabel: UNIT_LABELS[intakeUnit],
    bloodUnitLabel: UNIT_LABELS[bloodUnit],
  };
}
