import { onlineManager, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MeShape } from './api/me.ts';
import { createQueryClient, queryKeys } from './api/queries.ts';
import { App } from './app.tsx';
import { OfflineSync } from './offline/OfflineSync.tsx';
import { registerServiceWorker } from './offline/service-worker.ts';
import { readMeSnapshot } from './offline/snapshots.ts';
import { matchRoute } from './routes.ts';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

// React Query assumes "online" until an event says otherwise; a page opened offline must start paused,
// so queries wait for the network instead of failing.
onlineManager.setOnline(navigator.onLine);

const queryClient = createQueryClient();

// The clinician viewer of a share link has no session: nothing there may ask who is signed in or send
// anyone's queued entries, so the outbox sync stays off on that page (it has no links elsewhere).
const isShareViewer = matchRoute(window.location.pathname) === 'view';

/** Opened with no network: show the person last signed in here (their writes wait in the outbox). */
async function seedFromDevice(): Promise<void> {
  if (navigator.onLine) return;
  const saved = MeShape.safeParse(await readMeSnapshot().catch(() => undefined));
  if (saved.success) queryClient.setQueryData(queryKeys.me, saved.data);
}

registerServiceWorker();

void seedFromDevice().finally(() => {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        {isShareViewer ? null : <OfflineSync />}
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
});
