import { ProfileSchema } from '@sunlog/core/records/profile';
import { z } from 'zod';

/** The person as the API shows them. */
export const UserSchema = z.object({ id: z.uuid(), email: z.string() }).meta({ id: 'User' });

/** Answer of register, sign-in and GET /me. */
export const AccountResponseSchema = z.object({ user: UserSchema, profile: ProfileSchema });

export const ProfileResponseSchema = z.object({ profile: ProfileSchema });

export const SessionSummarySchema = z
  .object({
    id: z.uuid(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    userAgent: z.string().nullable(),
    current: z.boolean().describe('True for the session this request was made with.'),
  })
  .meta({ id: 'SessionSummary' });

export const SessionListResponseSchema = z.object({ sessions: z.array(SessionSummarySchema) });

// Any string: an id that is not the person's answers 404 whether or not it looks like a UUID.
export const SessionIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
