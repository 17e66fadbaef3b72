import type { LocalMonth } from '@sunlog/core/calendar';
import type { Insights } from '@sunlog/core/insights/insights';
import type { Profile } from '@sunlog/core/records/profile';
import type { PersonRecords } from '../insights/person-records.ts';

/** What every check-in step reads: the month, the person's records and the engine's output. */
export interface CheckInContext {
  month: LocalMonth;
  /** "March 2026". */
  monthLabel: string;
  today: string;
  profile: Profile;
  records: PersonRecords;
  insights: Insights;
}
