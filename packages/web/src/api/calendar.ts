import { z } from 'zod';
import { requestJson } from './request.ts';

const CalendarUrlSchema = z.object({ url: z.string().url() });

/** The private calendar feed address; the server makes it on the first call. */
export async function getCalendarUrl(): Promise<string> {
  return (await requestJson('GET', '/me/calendar', CalendarUrlSchema)).url;
}

/** A new calendar feed address; the old one stops working at once. */
export async function rotateCalendarUrl(): Promise<string> {
  return (await requestJson('POST', '/me/calendar/rotate', CalendarUrlSchema)).url;
}
