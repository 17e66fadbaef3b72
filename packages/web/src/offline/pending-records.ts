import type { OutboxEntry } from './database.ts';

/**
 * Shows writes that are still in the outbox as if the server already had them, so a dose logged
 * offline appears on Today at once, and again after a reload. Only pending entries count: a refused
 * one is shown separately as "needs attention".
 */

/** A record built from a queued create or update; its timestamps are provisional (when it was queued). */
export function provisionalRecord<T>(entry: OutboxEntry): T {
  return { ...(entry.body as object), createdAt: entry.queuedAt, updatedAt: entry.queuedAt } as T;
}

export interface Range {
  from?: string | undefined;
  to?: string | undefined;
}

function inRange(date: string, range: Range): boolean {
  return (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to);
}

/**
 * The server's list with the kind's pending writes applied in order: creates and updates replace or
 * add the record (when it is filed in `range`, by its filed date), deletes remove it, restores bring back a queued body.
 * `addNew` is false for later pages of a paged list, so a pending record is added once only.
 */
export function mergePending<T extends { id: string }>(
  kind: string,
  filedDate: (record: T) => string,
  items: readonly T[],
  entries: readonly OutboxEntry[],
  range: Range,
  addNew = true,
): T[] {
  const byId = new Map<string, T>(items.map((item) => [item.id, item]));
  const bodies = new Map<string, T>();
  let touched = false;
  for (const entry of entries) {
    if (entry.kind !== kind || entry.state !== 'pending') continue;
    const known = byId.has(entry.recordId);
    switch (entry.operation) {
      case 'create':
      case 'update': {
        const record = provisionalRecord<T>(entry);
        bodies.set(entry.recordId, record);
        if (inRange(filedDate(record), range) && (known || addNew)) byId.set(entry.recordId, record);
        else byId.delete(entry.recordId);
        touched = true;
        break;
      }
      case 'delete':
        byId.delete(entry.recordId);
        touched = true;
        break;
      case 'restore': {
        const record = bodies.get(entry.recordId);
        if (record !== undefined && addNew && inRange(filedDate(record), range)) {
          byId.set(entry.recordId, record);
          touched = true;
        }
        break;
      }
      default: {
        const unknown: never = entry.operation;
        return unknown;
      }
    }
  }
  if (!touched) return [...items];
  return inServerOrder([...byId.values()], filedDate);
}

/** A write the server has accepted, with the record it answered (absent for a delete). */
export interface AcceptedWrite<T> {
  operation: OutboxEntry['operation'];
  recordId: string;
  record: T | undefined;
}

/**
 * A list saved on this device with a write the server has since accepted applied to it, so the list
 * stays true once the write leaves the outbox, even before the next successful read from the server.
 */
export function applyAccepted<T extends { id: string }>(
  items: readonly T[],
  write: AcceptedWrite<T>,
  filedDate: (record: T) => string,
  range: Range,
  addNew = true,
): T[] {
  const rest = items.filter((item) => item.id !== write.recordId);
  if (write.operation === 'delete') return rest;
  if (write.record === undefined) return [...items];
  const known = rest.length !== items.length;
  if (!inRange(filedDate(write.record), range) || !(known || addNew)) return rest;
  return inServerOrder([...rest, write.record], filedDate);
}

/** The server's order: newest filed date first, ties by id. */
function inServerOrder<T extends { id: string }>(records: T[], filedDate: (record: T) => string): T[] {
  return records.sort((a, b) => {
    const dateA = filedDate(a);
    const dateB = filedDate(b);
    if (dateA !== dateB) return dateA < dateB ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
