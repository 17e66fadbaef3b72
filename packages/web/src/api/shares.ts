import { z } from 'zod';
import { requestEmpty, requestJson } from './request.ts';

/** What POST /api/v1/shares answers: the link, shown once (the server keeps no key). */
const CreatedShareSchema = z.object({ id: z.string(), link: z.string(), expiresAt: z.string() });
export type CreatedShare = z.infer<typeof CreatedShareSchema>;

export const ShareSummarySchema = z.object({
  id: z.string(),
  label: z.string().optional(),
  from: z.string(),
  to: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  hasPasscode: z.boolean(),
  status: z.enum(['active', 'expired', 'revoked', 'disabled']),
  accessCount: z.number(),
});
export type ShareSummary = z.infer<typeof ShareSummarySchema>;

const ShareListSchema = z.object({ shares: z.array(ShareSummarySchema) });

export interface NewShare {
  from: string;
  to: string;
  expiresInDays: number;
  label?: string;
  passcode?: string;
  /** Needed only when the server answers 403 reauthentication-required. */
  password?: string;
}

/** Makes a SMART Health Link for the range; the answer is the only time the link exists outside the page. */
export function createShare(share: NewShare): Promise<CreatedShare> {
  return requestJson('POST', '/shares', CreatedShareSchema, share);
}

/** The person's links, newest first: no link and no key, only what describes them. */
export async function listShares(): Promise<ShareSummary[]> {
  return (await requestJson('GET', '/shares', ShareListSchema)).shares;
}

/** Stops a link at once. */
export function revokeShare(id: string): Promise<void> {
  return requestEmpty('DELETE', `/shares/${encodeURIComponent(id)}`);
}
