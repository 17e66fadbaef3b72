import { z } from 'zod';

/**
 * What can happen to an account, as stable dotted names. The server's audit trail records them; the
 * person reads their own under "Account activity".
 */
export const ACTIVITY_ACTIONS = [
  'account.register',
  'session.sign-in',
  'account.sign-in-new-device',
  'session.sign-out',
  'session.revoke',
  'session.reauthenticate',
  'password.change',
  'password.reset-link',
  'password.reset',
  'second-factor.turn-on',
  'second-factor.turn-off',
  'passkey.add',
  'passkey.remove',
  'profile.update',
  'record.delete',
  'record.restore',
  'export',
  'import',
  'account.delete',
  'calendar.rotate',
  'push.subscribe',
  'push.unsubscribe',
  'share.create',
  'share.revoke',
  'share.access',
  'share.access-denied',
] as const;

export const ActivityActionSchema = z.enum(ACTIVITY_ACTIONS);
export type ActivityAction = z.infer<typeof ActivityActionSchema>;

export const ActivityOutcomeSchema = z.enum(['success', 'failure']);
export type ActivityOutcome = z.infer<typeof ActivityOutcomeSchema>;

/**
 * One event of the person's own audit trail. Only facts safe to show: never passwords, tokens or health
 * values (the trail never holds them).
 */
export const ActivityEntrySchema = z.object({
  id: z.uuid(),
  /** When it happened (UTC). */
  at: z.iso.datetime(),
  action: ActivityActionSchema,
  outcome: ActivityOutcomeSchema,
  /** The network address the request came from, for sign-ins and registration. */
  address: z.string().optional(),
  /** For a failed sign-in: why (a wrong password). */
  reason: z.string().optional(),
  /** For deletes and restores: the kind of record (e.g. "intake"), never its contents. */
  recordKind: z.string().optional(),
  /** For settings changes: which settings changed, never their values. */
  fields: z.array(z.string()).optional(),
  /** For a shared link's use: who the viewer said they were (the SMART Health Link `recipient`, as sent). */
  recipient: z.string().optional(),
  /** For shared links: the label the person gave the link. */
  shareLabel: z.string().optional(),
});
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

/** A page of the trail, newest first. */
export const ActivityPageSchema = z.object({
  items: z.array(ActivityEntrySchema),
  /** Pass back as `cursor` for older events; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ActivityPage = z.infer<typeof ActivityPageSchema>;
