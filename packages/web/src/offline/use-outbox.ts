import { useEffect, useState } from 'react';
import type { OutboxEntry } from './database.ts';
import { onOutboxChange, outboxEntries } from './outbox.ts';

export type QueuedEntry = OutboxEntry & { seq: number };

export interface OutboxView {
  /** False until the outbox has been read once. */
  isLoaded: boolean;
  /** Writes waiting to be sent, oldest first. */
  pending: readonly QueuedEntry[];
  /** Writes the server refused; kept for the person to see. */
  needsAttention: readonly QueuedEntry[];
  /** True while a write to this record is still waiting to be sent. */
  isWaiting: (recordId: string) => boolean;
}

/** The signed-in person's outbox, kept current as entries are added, sent or refused (in any tab). */
export function useOutbox(userId: string): OutboxView {
  const [entries, setEntries] = useState<readonly QueuedEntry[] | undefined>(undefined);
  useEffect(() => {
    let isCurrent = true;
    const read = () => {
      outboxEntries(userId)
        .then((next) => {
          if (isCurrent) setEntries(next);
        })
        .catch(() => undefined);
    };
    read();
    const unsubscribe = onOutboxChange(read);
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [userId]);
  const all = entries ?? [];
  const pending = all.filter((entry) => entry.state === 'pending');
  const waitingIds = new Set(pending.map((entry) => entry.recordId));
  return {
    isLoaded: entries !== undefined,
    pending,
    needsAttention: all.filter((entry) => entry.state === 'needs-attention'),
    isWaiting: (recordId) => waitingIds.has(recordId),
  };
}
