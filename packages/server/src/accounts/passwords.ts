import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id parameters: m = 19 MiB, t = 2, p = 1, OWASP's first recommendation.
 * See: https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id
 */
const ARGON2ID = {
  // `Algorithm.Argon2id` is a const enum, which isolated modules cannot import; its value is 2.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Hashes a password with argon2id and a fresh random salt; returns the PHC string. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/** True when the password matches the stored hash. A malformed hash counts as no match. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/** The decoy hash, computed once; call early so the first sign-in is not slower than the rest. */
export function prepareDecoy(): Promise<string> {
  decoyHash ??= hashPassword('sunlog decoy password that never matches anything');
  return decoyHash;
}

/**
 * Spends the time of one real verification against the decoy hash, so a sign-in with an unknown
 * email takes as long as one with a wrong password and response times do not reveal who has an account.
 */
export async function verifyAgainstDecoy(password: string): Promise<void> {
  await verifyPassword(await prepareDecoy(), password);
}
