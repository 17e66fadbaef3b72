import { type ActivityPage, ActivityPageSchema } from '@sunlog/core/records/account-activity';
import { requestJson } from './request.ts';

/** How many events one page of account activity shows. */
export const ACTIVITY_PAGE_SIZE = 10;

/** One page of the signed-in person's account activity, newest first; pass `cursor` for older ones. */
export function readActivity(cursor: string | undefined): Promise<ActivityPage> {
  const query = new URLSearchParams({ limit: String(ACTIVITY_PAGE_SIZE) });
  if (cursor !== undefined) query.set('cursor', cursor);
  return requestJson('GET', `/me/activity?${query.toString()}`, ActivityPageSchema);
}
