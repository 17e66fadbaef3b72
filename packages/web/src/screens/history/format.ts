import type { LocalDate } from '@sunlog/core/calendar';
import type { IntakeAmount } from '@sunlog/core/records/common';
import type { BloodUnit, IntakeUnit, Profile } from '@sunlog/core/records/profile';
import { convertBlood, convertIntake, formatQuantity, type Quantity, UNIT_LABELS } from '@sunlog/core/units';

/** How History writes dates, times and amounts: in the person's locale, time zone and preferred units. */
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

export function historyFormat(profile: Profile): HistoryFormat {
  const { locale, timeZone, intakeUnit, bloodUnit } = profile;
  const utc = (date: LocalDate) => new Date(`${date}T00:00:00Z`);
  const short = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const clock = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  return {
    locale,
    timeZone,
    intakeUnit,
    bloodUnit,
    date: (date) => short.format(utc(date)),
    dayMonth: (date) => dayMonth.format(utc(date)),
    dayHeading: (date) => long.format(utc(date)),
    time: (instant) => clock.format(new Date(instant)),
    intake: (amount) => formatQuantity(convertIntake(amount, intakeUnit), locale),
    intakeFromIu: (iu) => formatQuantity(convertIntake({ value: iu, unit: 'IU' }, intakeUnit), locale),
    blood: (level) => formatQuantity(convertBlood(level, bloodUnit), locale),
    bloodValue: (value) => formatQuantity({ value, unit: bloodUnit }, locale),
    intakeUnitLabel: UNIT_LABELS[intakeUnit],
    bloodUnitLabel: UNIT_LABELS[bloodUnit],
  };
}
