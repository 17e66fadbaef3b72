import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { Mailer } from './mailer.ts';

/**
 * A mail to the person after a sign-in from a device their account has not used before, so someone
 * else signing in does not go unnoticed. It says when (UTC) and where to look, never anything from the
 * journal.
 */
export function newDeviceMailer(
  db: Kysely<Database>,
  mailer: Mailer,
  publicUrl: string,
): (userId: string, at: Date) => Promise<void> {
  return async (userId, at) => {
    const user = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
    if (user === undefined) return;
    mailer.send({
      to: user.email,
      subject: 'New sign-in to your Sunlog account',
      text: [
        `Your Sunlog account was signed in to from a new device or browser on ${at.toISOString().slice(0, 16).replace('T', ' ')} (UTC).`,
        '',
        `If that was you, there is nothing to do. If not, change your password now and end the sessions you do not know: ${publicUrl}/settings`,
      ].join('\n'),
    });
  };
}
