import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** One write waiting for (or refused by) the server, stored before its first send. */
export interface OutboxEntry {
  /** Insertion order; entries are sent oldest first. */
  seq?: number;
  /** Whose write it is: entries are only ever sent while that person is signed in. */
  userId: string;
  /** Record kind, as in api/records.ts RECORD_KINDS; lists use it to show pending writes. */
  kind: string;
  /** The record's client-made UUID: the idempotency key the server stores with it. */
  recordId: string;
  operation: 'create' | 'update' | 'delete' | 'restore';
  /** The request that carries it, fixed when it is queued (e.g. POST /intakes, under /api/v1). */
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** The create schema body for create and update; absent for delete and restore. */
  body?: unknown;
  /** When the person made the change (ISO instant), for provisional timestamps and display. */
  queuedAt: string;
  /** Sends tried so far; 0 means the server has certainly never seen it. */
  attempts: number;
  /** 'needs-attention' after a refusal that a retry cannot fix; shown to the person, never dropped. */
  state: 'pending' | 'needs-attention';
  /** The server's reason for a refusal, in its own words. */
  problem?: string;
}

/** A last-known server answer (the signed-in person, or a list), so the app can open offline. */
export interface Snapshot {
  key: string;
  userId: string;
  value: unknown;
  savedAt: string;
}

interface SunlogDb extends DBSchema {
  outbox: { key: number; value: OutboxEntry; indexes: { byUser: string } };
  snapshots: { key: string; value: Snapshot; indexes: { byUser: string } };
}

const DB_NAME = 'sunlog';
const DB_VERSION = 1;

let opening: Promise<IDBPDatabase<SunlogDb>> | undefined;

/** The app's IndexedDB database, opened once per page. */
export function database(): Promise<IDBPDatabase<SunlogDb>> {
  opening ??= openDB<SunlogDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('byUser', 'userId');
      const snapshots = db.createObjectStore('snapshots', { keyPath: 'key' });
      snapshots.createIndex('byUser', 'userId');
    },
  });
  return opening;
}
