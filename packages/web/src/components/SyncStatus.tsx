import { Button } from 'react-aria-components';
import { removeEntry, retryEntry } from '../offline/outbox.ts';
import { syncOutbox } from '../offline/sync.ts';
import type { OutboxView, QueuedEntry } from '../offline/use-outbox.ts';
import './controls.css';

const KIND_NAMES: Partial<Record<string, string>> = {
  regimens: 'supplement plan',
  intakes: 'dose',
  'lab-results': 'blood result',
  'symptom-checks': 'symptom check',
  flares: 'flare-up',
  'check-ins': 'monthly check-in',
};

/** "2 entries waiting to sync", and any entry the server refused, with what to do about it. */
export function SyncStatus({ outbox, isOnline }: { outbox: OutboxView; isOnline: boolean }) {
  const count = outbox.pending.length;
  const waiting =
    count === 0
      ? ''
      : `${count} ${count === 1 ? 'entry' : 'entries'} waiting to sync. ${
          isOnline
            ? 'Sending now…'
            : 'They are saved on this device and will be sent when you are back online.'
        }`;
  return (
    <div className="sync-status">
      {isOnline ? null : (
        <p className="sync-status__offline">
          You are offline. You can keep logging: Sunlog saves on this device.
        </p>
      )}
      <div
        role="status"
        className={count === 0 ? 'sync-status__waiting sync-status__waiting--empty' : 'sync-status__waiting'}
      >
        {waiting}
      </div>
      {outbox.needsAttention.length === 0 ? null : (
        <section className="attention" aria-labelledby="sync-attention">
          <h2 id="sync-attention">Needs your attention</h2>
          <p>The server could not accept these. They are kept here until you decide.</p>
          <ul className="list-plain">
            {outbox.needsAttention.map((entry) => (
              <AttentionItem key={entry.seq} entry={entry} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function AttentionItem({ entry }: { entry: QueuedEntry }) {
  const what = `${entry.operation === 'delete' ? 'Deleting a' : 'A'} ${KIND_NAMES[entry.kind] ?? 'record'} from ${new Date(entry.queuedAt).toLocaleString()}`;
  return (
    <li className="attention__item">
      <p>
        <strong>{what}</strong>
        <br />
        {entry.problem ?? 'The server refused it.'}
      </p>
      <div className="button-row">
        <Button className="button" onPress={() => void retryEntry(entry.seq).then(() => syncOutbox())}>
          Try again
        </Button>
        <Button className="button" onPress={() => void removeEntry(entry.seq)}>
          Discard it
        </Button>
      </div>
    </li>
  );
}

/** Per item: "Saved" once the server has it, "Waiting to sync" while it is only on this device. */
export function SyncBadge({ isWaiting }: { isWaiting: boolean }) {
  return (
    <span className={isWaiting ? 'badge badge--waiting' : 'badge'}>
      {isWaiting ? 'Waiting to sync' : 'Saved'}
    </span>
  );
}
