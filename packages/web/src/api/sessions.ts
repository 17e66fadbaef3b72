import { z } from 'zod';
import { requestEmpty, requestJson } from './request.ts';

/** One signed-in device or browser. */
export const SessionSchema = z.object({
  id: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  lastSeenAt: z.iso.datetime({ offset: true }),
  userAgent: z.string().nullable(),
  /** True for the session making this request. */
  current: z.boolean(),
});
export type Session = z.infer<typeof SessionSchema>;

const SessionsAnswerSchema = z.object({ sessions: z.array(SessionSchema) });

/** Every session the signed-in person has open. */
export async function listSessions(): Promise<Session[]> {
  const answer = await requestJson('GET', '/me/sessions', SessionsAnswerSchema);
  return answer.sessions;
}

/** Ends one of the person's sessions; another person's id answers 'not-found'. */
export function endSession(id: string): Promise<void> {
  return requestEmpty('DELETE', `/me/sessions/${encodeURIComponent(id)}`);
}

/**
 * Changes the password; the server signs out every other device and keeps this one signed in.
 * 'invalid-credentials' names `currentPassword`; 'invalid-input' says why the new one was refused.
 */
export function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  return requestEmpty('PUT', '/me/password', input);
}
