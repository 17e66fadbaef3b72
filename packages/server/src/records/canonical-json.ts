import { createHash } from 'node:crypto';
import { canonicalJson } from '@sunlog/core/canonical-json';

/** Hex SHA-256 of a body's canonical JSON: what a replayed create is compared by. */
export function bodyHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
