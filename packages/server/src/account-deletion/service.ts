import type { Kysely } from 'kysely';
import type { AccountService, Authenticated } from '../accounts/service.ts';
import type { User } from '../accounts/store.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';
import type { RequestMeta } from '../request-meta.ts';
import { AccountDeletionStore } from './store.ts';

/** What a person sends to delete their account: the password again and their email typed as confirmation. */
export interface DeleteAccountInput {
  password: string;
  confirmation: string;
}

/** Rows deleted per table. */
export type DeletedRows = Record<string, number>;

/**
 * Deleting an account: every row about the person in every table (db/personal-data.ts), in one
 * transaction, then the freed space scrubbed. Irreversible by design; what remains is one audit event
 * with no account id, saying that an account was deleted and by whom (the person or an operator).
 */
export class AccountDeletionService {
  readonly #db: Kysely<Database>;
  readonly #store: AccountDeletionStore;
  readonly #audit: AuditLog;
  readonly #accounts: AccountService;

  constructor(deps: {
    db: Kysely<Database>;
    engine: DatabaseConfig['engine'];
    audit: AuditLog;
    accounts: AccountService;
  }) {
    this.#db = deps.db;
    this.#store = new AccountDeletionStore(deps.db, deps.engine);
    this.#audit = deps.audit;
    this.#accounts = deps.accounts;
  }

  /**
   * The signed-in person deletes their own account: the password again (or a sign-in within the last
   * minutes, as every sensitive operation allows) and their email typed exactly, letter case aside.
   */
  async deleteOwnAccount(
    auth: Authenticated,
    input: DeleteAccountInput,
    meta: RequestMeta,
  ): Promise<DeletedRows> {
    // The typed email first: a refusal for it must leave the session exactly as it was.
    if (input.confirmation.trim().toLowerCase() !== auth.user.email) {
      throw new SunlogError('confirmation-mismatch', 'Type your email address exactly to confirm.', {
        fields: [{ path: 'confirmation', message: 'This is not the email address of this account.' }],
      });
    }
    await this.#accounts.requireRecentAuthentication(auth, { password: input.password }, meta);
    return this.#erase(auth.user, 'self', meta);
  }

  /** An operator deletes the account registered with `email` (sunlog delete-account). */
  async deleteByOperator(user: User, meta: RequestMeta): Promise<DeletedRows> {
    return this.#erase(user, 'operator', meta);
  }

  /** How many rows about the person each table holds (what a deletion would erase). */
  async countRows(user: User): Promise<DeletedRows> {
    return this.#store.countRows(this.#db, user);
  }

  async #erase(user: User, by: 'self' | 'operator', meta: RequestMeta): Promise<DeletedRows> {
    const deleted = await this.#db.transaction().execute(async (trx) => {
      const rows = await this.#store.deleteRows(trx, user);
      await this.#audit.record(trx, {
        action: 'account.delete',
        outcome: 'success',
        // Not the account's id: nothing left may point at the person.
        userId: null,
        requestId: meta.requestId,
        detail: { by },
      });
      return rows;
    });
    this.#accounts.forgetSessionsOf(user.id);
    await this.#store.scrubFreedSpace();
    return deleted;
  }
}
