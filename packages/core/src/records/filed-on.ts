import type { LocalDate } from './common.ts';

/**
 * The local date each kind of record is filed under: the server sorts and filters lists by it, and the
 * web app's offline lists merge waiting writes by it, so both read this one rule.
 */
export const FILED_ON = {
  regimen: (regimen: { startDate: LocalDate }): LocalDate => regimen.startDate,
  intake: (intake: { localDate: LocalDate }): LocalDate => intake.localDate,
  labResult: (labResult: { sampleDate: LocalDate }): LocalDate => labResult.sampleDate,
  symptomCheck: (check: { localDate: LocalDate }): LocalDate => check.localDate,
  flare: (flare: { startDate: LocalDate }): LocalDate => flare.startDate,
  /** A check-in looks back on a month; it is filed under the month's first day. */
  checkIn: (checkIn: { month: string }): LocalDate => `${checkIn.month}-01`,
} as const;
